"""Right-to-left paragraphs: line order, numbers, bold, fonts, wrapping, splitting, embedding."""
from __future__ import annotations

import io
import unicodedata

import pytest
from reportlab.lib.colors import HexColor
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table

from handouts.errors import InputError
from handouts.model import Span
from handouts.pdf.fonts import chain_for, family
from handouts.pdf.rtl import RTLParagraph
from handouts.pdf.styles import make_styles
from handouts.pdf.text import TextMaker

from .support import reader

CHAIN = chain_for("arabic")
ARABIC = family("arabic")
STYLES = make_styles(ARABIC.regular, ARABIC.bold, HexColor("#005EB8"), rtl=True, cjk=False)

SENTENCE = ("تتكون الدخينات عندما تعلق خلايا الجلد الميتة تحت سطح الجلد بدلا من أن تتساقط، "
            "وهي شائعة جدا عند الأطفال حديثي الولادة ولا تسبب أي ألم أو حكة.")


def para(*spans: Span | str, width: float = 200, style=STYLES.body, bold: bool = False) -> RTLParagraph:
    inline = tuple(Span(s) if isinstance(s, str) else s for s in spans)
    flowable = RTLParagraph(inline, style, CHAIN, "test", bold=bold)
    flowable.wrap(width, 10_000)
    return flowable


def logical(visual: str) -> str:
    """A right-to-left line read back: display order reversed, joined forms unjoined."""
    return unicodedata.normalize("NFKC", visual[::-1])


def test_first_words_are_on_the_first_line() -> None:
    p = para(SENTENCE + " " + SENTENCE)
    assert len(p.lines) >= 3
    assert p.lines[0].text.startswith("تتكون الدخينات عندما")
    assert " ".join(line.text for line in p.lines) == SENTENCE + " " + SENTENCE


def test_each_line_reads_from_the_right() -> None:
    p = para(SENTENCE + " " + SENTENCE)
    for line in p.lines:
        assert logical(line.visual) == line.text  # first word at the right edge, last at the left


def test_letters_are_joined_into_presentation_forms() -> None:
    p = para("الدخينات")
    # alef isolated, lam initial, dal final, khah initial, yeh and noon medial, alef final,
    # teh isolated; printed from the right, so the string runs backwards
    assert p.lines[0].visual == "\ufe8d\ufedf\ufeaa\ufea7\ufef4\ufee8\ufe8e\ufe95"[::-1]


def test_lam_alef_becomes_one_ligature_and_harakat_are_kept() -> None:
    p = para("لا مُحَمَّد")
    visual = p.lines[0].visual
    assert "\ufefb" in visual  # LAM WITH ALEF ISOLATED FORM
    assert logical(visual) == "لا مُحَمَّد"


def test_letters_join_across_a_change_of_weight() -> None:
    p = para(Span("مست", bold=True), Span("شفى"))
    glyphs = p.words[0].glyphs
    assert "".join(g.char for g in glyphs) == "\ufee3\ufeb4\ufe98\ufeb8\ufed4\ufef0"
    assert [g.bold for g in glyphs] == [True, True, True, False, False, False]


@pytest.mark.parametrize("number", ["020 7946 0000", "+44 20 7946 0000", "0123-456-789", "38 °C (100.4 °F)"])
def test_numbers_keep_left_to_right_order(number: str) -> None:
    p = para(f"اتصلوا بالرقم {number} الآن", width=400)
    [line] = p.lines
    assert number in line.visual.replace("\u00a0", " ")


@pytest.mark.parametrize("label", ["NHS 111", "Room 4", "Ward 12B"])
def test_a_latin_label_and_its_number_keep_their_order(label: str) -> None:
    """ "NHS 111" inside Arabic must not print as "111 NHS"."""
    p = para(f"إذا كانت العيادة مغلقة، اتصلوا بـ {label}.", width=400)
    [line] = p.lines
    assert label in line.visual.replace("\u00a0", " ")


@pytest.mark.parametrize("width", range(60, 200, 7))
def test_a_phone_number_never_splits_over_two_lines(width: int) -> None:
    p = para("في حالة الطوارئ اتصلوا بالعيادة على الرقم +44 20 7946 0000 ليلا أو نهارا", width=width)
    holding = [line for line in p.lines if "7946" in line.visual]
    assert len(holding) == 1
    assert "+44 20 7946 0000" in holding[0].visual.replace("\u00a0", " ")


def test_latin_name_reads_left_to_right_and_brackets_mirror() -> None:
    p = para("راجعوا وحدة St Mary's Maternity Unit (ليلا أو نهارا).", width=500)
    visual = p.lines[0].visual
    assert "St Mary's Maternity Unit" in visual
    # Logical "(ليلا أو نهارا)." : the full stop ends the sentence at the left, and the
    # brackets are mirrored so they still open towards the words they enclose.
    assert visual.startswith(".(")
    assert visual.index(")") < visual.index("St Mary's")


def test_a_code_of_letters_and_digits_stays_whole() -> None:
    p = para("النشرة MIL-01، الإصدار 1.0.", width=500)
    assert "MIL-01" in p.lines[0].visual


def test_english_paragraph_keeps_its_full_stop_at_the_end() -> None:
    p = para("Parts of this handout are printed in English.", width=500)
    assert p.lines[0].visual == "Parts of this handout are printed in English."


def test_bold_spans_keep_their_face_in_their_place_across_a_line_break() -> None:
    bold_words = "كلمات عريضة تمتد عبر السطر إلى السطر التالي".split()
    p = para(Span("نص عادي في البداية "), Span(" ".join(bold_words), bold=True), Span(" ثم نص عادي في النهاية"),
             width=120)
    spanning = [line for line in p.lines if any(w.text in bold_words for w in line.words)]
    assert len(spanning) >= 2, "the bold phrase should run over a line break"
    for line in p.lines:
        printed_bold = logical("".join(run.text if run.bold else " " for run in line.runs)).split()
        assert printed_bold == [w.text for w in line.words if w.text in bold_words]
        assert all(run.font_name.endswith("-Bold") == run.bold for run in line.runs if run.text.strip())
    assert spanning[0].runs[0].bold  # the phrase ends its first line, at the left
    assert spanning[-1].runs[-1].bold  # and starts its last line, at the right


def test_paragraph_bold_sets_every_run_in_the_bold_face() -> None:
    p = para("عنوان القسم 38 °C", bold=True)
    faces = {run.font_name for run in p.lines[0].runs}
    assert faces == {ARABIC.bold, family("latin").bold}


def test_characters_the_arabic_font_lacks_use_the_next_font() -> None:
    p = para("حرارة 38 °C أو +44", width=400)
    fonts = {char: run.font_name for run in p.lines[0].runs for char in run.text}
    assert fonts["°"] == family("latin").regular
    assert fonts["+"] == family("latin").regular
    assert fonts["\ufea3"] == ARABIC.regular  # initial hah


def test_a_character_without_a_glyph_raises_input_error() -> None:
    with pytest.raises(InputError, match="U\\+10D0"):
        para("نص \u10d0 نص")


def test_long_paragraph_wraps_within_a_narrow_width() -> None:
    p = para(SENTENCE * 3, width=110)
    assert len(p.lines) >= 5
    assert all(line.width <= 110 + 1e-6 for line in p.lines)
    assert p.height == len(p.lines) * STYLES.body.leading


def test_split_keeps_every_word_in_order() -> None:
    p = para(SENTENCE * 4, width=150)
    lines = len(p.lines)
    first, rest = p.split(150, STYLES.body.leading * 3.5)
    first.wrap(150, 10_000)
    rest.wrap(150, 10_000)
    assert len(first.lines) == 3
    assert len(first.lines) + len(rest.lines) == lines
    assert first.getPlainText() + " " + rest.getPlainText() == p.getPlainText()
    assert p.split(150, STYLES.body.leading * 1.5) == []  # one line alone would be an orphan


def test_height_is_true_inside_a_table_cell() -> None:
    p = RTLParagraph((Span(SENTENCE),), STYLES.cell, CHAIN, "test")
    table = Table([[p]], colWidths=[120])
    table.wrap(120, 10_000)
    assert len(p.lines) >= 3
    assert table._rowHeights[0] == pytest.approx(p.height + 6)  # default cell padding 3 + 3


def test_textmaker_routes_right_to_left_text_to_rtl_paragraph() -> None:
    assert isinstance(TextMaker(CHAIN, "test", rtl=True).plain("نص", STYLES.body), RTLParagraph)
    assert isinstance(TextMaker(CHAIN, "test").plain("text", STYLES.body), Paragraph)


def test_rendered_pdf_embeds_the_arabic_font() -> None:
    text = TextMaker(CHAIN, "test", rtl=True)
    story = [
        text.para((Span("ما هي الدخينات"),), STYLES.section, bold=True),
        text.para((Span(SENTENCE * 2), Span(" اتصلوا على 020 7946 0000", bold=True)), STYLES.body),
        KeepTogether([Table([[text.plain("الأعراض", STYLES.cell), text.plain(SENTENCE, STYLES.cell)]],
                            colWidths=[200, 200])]),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out).build(story)
    embedded = {}
    for page in reader(out.getvalue()).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    arabic = {name: ok for name, ok in embedded.items() if "NotoNaskhArabic" in name}
    assert any(name.endswith("NotoNaskhArabic-Regular") for name in arabic)
    assert any(name.endswith("NotoNaskhArabic-Bold") for name in arabic)
    assert all(arabic.values())
