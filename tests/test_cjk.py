"""Chinese paragraphs: punctuation kept off the wrong end of a line, numbers whole, every
character kept, bold drawn where the font has no bold face, fonts, splitting, embedding."""
from __future__ import annotations

import io
import re

import pytest
from pypdf.generic import ContentStream
from reportlab.lib.colors import HexColor
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table

from handouts.errors import InputError
from handouts.model import Span
from handouts.pdf.cjk import CJKParagraph
from handouts.pdf.fonts import chain_for, family
from handouts.pdf.rtl import RTLParagraph
from handouts.pdf.styles import make_styles
from handouts.pdf.text import TextMaker

from .support import reader

CHAIN = chain_for("cjk")
CJK = family("cjk")
LATIN = family("latin")
STYLES = make_styles(CJK.regular, CJK.bold, HexColor("#005EB8"), rtl=False, cjk=True)

# From the Chinese handout, with more of the punctuation that must not start or end a line.
TEXT = ("粟丘疹是很小的白色或黄色小疙瘩，最常长在鼻子、脸颊和下巴上。里面是一个很小的“口袋”，"
        "装着死掉的皮肤细胞；它们不痛也不痒！会传染吗？不会。提前出生的宝宝（早产儿）长的也是"
        "这种常见类型的粟丘疹，请看《新生儿护理》一书……医生把这种叫作“继发性粟丘疹”，"
        "意思是小白点是自己长出来的：不是在皮肤受伤以后才长的。")
CLOSING = set("，。、：；！？）》」』】〕”’…") | set(",.:;!?)]")
OPENING = set("（《「『【〔“‘")
PHONE = "020 7946 0000"
WIDTHS = range(40, 400, 9)


def para(*spans: Span | str, width: float = 200, style=STYLES.body, bold: bool = False) -> CJKParagraph:
    inline = tuple(Span(s) if isinstance(s, str) else s for s in spans)
    flowable = CJKParagraph(inline, style, CHAIN, "test", bold=bold)
    flowable.wrap(width, 10_000)
    return flowable


def no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_starts_with_closing_punctuation(width: int) -> None:
    p = para(TEXT * 2, width=width)
    assert len(p.lines) > 2
    starts = [line.text[0] for line in p.lines]
    assert not CLOSING & set(starts), [line.text for line in p.lines]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_ends_with_opening_punctuation(width: int) -> None:
    p = para(TEXT * 2, width=width)
    ends = [line.text[-1] for line in p.lines]
    assert not OPENING & set(ends), [line.text for line in p.lines]


@pytest.mark.parametrize("width", range(60, 300, 7))
def test_ascii_punctuation_next_to_chinese_does_not_start_a_line(width: int) -> None:
    p = para("小白点会自己消失,不用担心.宝宝不需要治疗;请问医生(或护士)!好吗?" * 3, width=width)
    assert not CLOSING & {line.text[0] for line in p.lines}, [line.text for line in p.lines]


@pytest.mark.parametrize("width", range(90, 300, 5))
def test_punctuation_stays_off_the_wrong_end_even_across_a_space(width: int) -> None:
    """UAX #14 rules LB13 and LB14: no break before closing or after opening punctuation,
    even where a space separates it from its word."""
    p = para("请看资料 （ St Mary's Maternity Unit ） ，或者拨打 NHS 111 。 “ Get help now ” ！" * 2, width=width)
    assert p.minWidth() <= width  # no unit is so wide that it has to be cut between characters
    assert not CLOSING & {line.text[0] for line in p.lines}, [line.text for line in p.lines]
    assert not OPENING & {line.text[-1] for line in p.lines}, [line.text for line in p.lines]


def test_breaks_fall_between_ideographs_when_there_is_no_punctuation() -> None:
    p = para("大多数长在鼻子下巴脸颊和额头上有些宝宝的头皮胸口或身体其他地方也会有几个", width=13 * 5 + 1)
    assert [line.text for line in p.lines][:3] == ["大多数长在", "鼻子下巴脸", "颊和额头上"]


@pytest.mark.parametrize("width", range(int(88.6) + 1, 400, 6))
def test_a_phone_number_never_splits_over_two_lines(width: int) -> None:
    p = para(f"如果疹子起了水疱或有脓，请当天拨打{PHONE}联系诊所。如果诊所已经关门，请拨打NHS 111。", width=width)
    holding = [line for line in p.lines if "7946" in line.text]
    assert len(holding) == 1
    assert PHONE in holding[0].text
    assert any("NHS 111" in line.text for line in p.lines)


@pytest.mark.parametrize("width", range(123, 300, 11))  # wider than "www.nhs.uk/milia。"
def test_a_temperature_and_a_url_stay_whole(width: int) -> None:
    p = para("宝宝不到3个月大，体温达到38 °C (100.4 °F)或更高。请看www.nhs.uk/milia。", width=width)
    assert any("38 °C (100.4 °F)" in line.text for line in p.lines)
    assert any("www.nhs.uk/milia" in line.text for line in p.lines)


@pytest.mark.parametrize("width", [100, 150, 200])
def test_latin_words_keep_their_spaces_and_may_break_between_them(width: int) -> None:
    source = "医院名称：St Mary's Maternity Unit Postnatal Ward，电话。"
    p = para(source, width=width)
    lines = [line.text for line in p.lines]
    assert " ".join(lines) == source  # each break is at a space between Latin words
    assert len(lines) >= 2


@pytest.mark.parametrize("width", WIDTHS)
def test_every_character_survives_wrapping(width: int) -> None:
    p = para(TEXT, width=width)
    assert "".join(line.text for line in p.lines) == TEXT  # no spaces: nothing to drop
    assert all(line.width <= width + 1e-6 for line in p.lines)
    assert p.height == len(p.lines) * STYLES.body.leading


@pytest.mark.parametrize("width", range(50, 260, 13))
def test_only_break_spaces_are_dropped_from_mixed_text(width: int) -> None:
    source = f"请拨打 {PHONE} 或 NHS 111，网址是 https://example.org/leaflets 。St Mary's Maternity Unit 欢迎您。"
    p = para(source, width=width)
    joined = "".join(line.text for line in p.lines)
    assert no_space(joined) == no_space(source)
    assert all(line.text in source for line in p.lines)  # inner spaces printed as in the source


@pytest.mark.parametrize("width", [20, 35, 60])
def test_a_unit_wider_than_the_line_is_cut_between_characters(width: int) -> None:
    source = f"网址https://example.org/leaflets/milia电话{PHONE}"
    p = para(source, width=width)
    assert no_space("".join(line.text for line in p.lines)) == no_space(source)
    assert all(line.width <= width + 1e-6 or len(line.text) == 1 for line in p.lines)


def test_split_keeps_every_character_in_order() -> None:
    p = para(TEXT * 3, width=150)
    count = len(p.lines)
    first, rest = p.split(150, STYLES.body.leading * 3.5)
    first.wrap(150, 10_000)
    rest.wrap(150, 10_000)
    assert len(first.lines) == 3
    assert len(first.lines) + len(rest.lines) == count
    assert first.getPlainText() + rest.getPlainText() == TEXT * 3
    assert [line.text for line in first.lines + rest.lines] == [line.text for line in p.lines]


def test_split_inside_a_long_unit_loses_nothing() -> None:
    source = "网址" + "https://example.org/" + "x" * 60 + "。"
    p = para(source, width=60)
    assert len(p.lines) >= 5
    first, rest = p.split(60, STYLES.body.leading * 2.5)
    first.wrap(60, 10_000)
    rest.wrap(60, 10_000)
    assert first.getPlainText() + rest.getPlainText() == source


def test_split_honours_orphans_and_widows() -> None:
    p = para(TEXT, width=200)
    count = len(p.lines)
    assert count >= 4
    assert p.split(200, STYLES.body.leading * 1.5) == []  # one line alone would be an orphan
    first, rest = p.split(200, STYLES.body.leading * (count - 1 + 0.5))
    first.wrap(200, 10_000)
    rest.wrap(200, 10_000)
    assert len(rest.lines) == 2  # not one widowed line
    assert p.split(200, STYLES.body.leading * count) == [p]


def test_height_is_true_inside_a_table_cell() -> None:
    p = CJKParagraph((Span(TEXT),), STYLES.cell, CHAIN, "test")
    table = Table([[p]], colWidths=[120])
    table.wrap(120, 10_000)
    assert len(p.lines) >= 5
    assert table._rowHeights[0] == pytest.approx(p.height + 6)  # default cell padding 3 + 3


def test_bold_chinese_is_stroked_and_bold_latin_uses_the_bold_face() -> None:
    p = para(Span("如果宝宝看起来像生病了，"), Span("请立即就医 Get help now。", bold=True), width=500)
    runs = p.lines[0].runs
    assert [(r.text, r.font_name, r.bold, p.is_stroked(r)) for r in runs] == [
        ("如果宝宝看起来像生病了，", CJK.regular, False, False),
        ("请立即就医", CJK.regular, True, True),
        (" Get help now", LATIN.bold, True, False),
        ("。", CJK.regular, True, True),
    ]


def test_latin_letters_and_digits_use_noto_sans() -> None:
    p = para(f"本资料讲的是粟丘疹（读作sù qiū zhěn），请拨打{PHONE}。", width=500)
    fonts = {char: run.font_name for run in p.lines[0].runs for char in run.text}
    assert fonts["s"] == fonts["ě"] == fonts["0"] == LATIN.regular
    assert fonts["粟"] == fonts["（"] == fonts["，"] == CJK.regular


def test_paragraph_bold_sets_every_run_bold() -> None:
    p = para("急救：立即处理 38 °C", bold=True, width=500)
    assert {(run.font_name, p.is_stroked(run)) for run in p.lines[0].runs} == {(CJK.regular, True), (LATIN.bold, False)}


def test_a_character_without_a_glyph_raises_input_error() -> None:
    with pytest.raises(InputError, match="U\\+10D0"):
        para("宝宝\u10d0宝宝")


def test_textmaker_routes_chinese_text_to_cjk_paragraph() -> None:
    assert isinstance(TextMaker(CHAIN, "test", cjk=True).plain("粟丘疹", STYLES.body), CJKParagraph)
    assert isinstance(TextMaker(CHAIN, "test", cjk=True).para((Span("粟丘疹", bold=True),), STYLES.body), CJKParagraph)
    assert isinstance(TextMaker(CHAIN, "test").plain("粟丘疹", STYLES.body), Paragraph)
    assert isinstance(TextMaker(chain_for("arabic"), "test", rtl=True, cjk=True).plain("نص", STYLES.body), RTLParagraph)


def _pdf() -> bytes:
    text = TextMaker(CHAIN, "test", cjk=True)
    story = [
        text.para((Span("什么是粟丘疹？"),), STYLES.section, bold=True),
        text.para((Span(TEXT * 2), Span(f" 请立即就医，拨打{PHONE}。Get help now.", bold=True)), STYLES.body),
        KeepTogether([Table([[text.plain("急救：立即处理", STYLES.cell, bold=True), text.plain(TEXT, STYLES.cell)]],
                            colWidths=[200, 200])]),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out).build(story)
    return out.getvalue()


def test_rendered_pdf_strokes_only_chinese_bold() -> None:
    """Read the content stream: every string in the WenQuanYi font is drawn filled (mode 0)
    or filled and stroked (mode 2), Noto Sans Bold never stroked."""
    pdf = reader(_pdf())
    modes: dict[str, set[int]] = {}
    for page in pdf.pages:
        fonts = page["/Resources"]["/Font"]
        mode, font = 0, ""
        for operands, operator in ContentStream(page.get_contents(), pdf).operations:
            if operator == b"BT":
                mode = 0
            elif operator == b"Tr":
                mode = int(operands[0])
            elif operator == b"Tf":
                font = str(fonts[operands[0]].get_object()["/BaseFont"]).split("+")[-1]
            elif operator in (b"Tj", b"TJ"):
                modes.setdefault(font, set()).add(mode)
    wqy = {name: m for name, m in modes.items() if "WenQuanYi" in name}
    assert wqy and set().union(*wqy.values()) == {0, 2}
    assert modes["NotoSans-Bold"] == {0}


def test_rendered_pdf_embeds_the_chinese_font() -> None:
    embedded = {}
    for page in reader(_pdf()).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    wqy = {name: ok for name, ok in embedded.items() if "WenQuanYi" in name}
    assert wqy and all(wqy.values())
