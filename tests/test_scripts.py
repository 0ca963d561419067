"""Scripts beyond Latin, Arabic and Chinese: a font for each, HarfBuzz shaping where letters
join into conjuncts, and a clear warning where no bundled font serves a language."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from handouts.build import Request, build
from handouts.cli import main
from handouts.fontfiles import script_family
from handouts.i18n import workflow

# A word with a conjunct (ক্ষ), a reph (র্থ) and a vowel sign written before its consonant (কে).
SAMPLES = {
    "bn": ("Bengali", "নবজাতকের ক্ষতি প্রার্থনা"),
    "pa": ("Gurmukhi", "ਪ੍ਰੀਤ ਕ੍ਰਿਸ਼ਨ ਬੱਚੇ ਦੇ ਚਿਹਰੇ"),
    "hi": ("Devanagari", "नवजात शिशु क्षत्रिय प्रार्थना"),
    "am": ("Ethiopic", "አዲስ የተወለደ ሕፃን"),
}


def scratch_catalog(folder: Path, locale: str, word: str) -> Path:
    """A catalog whose every entry is ``word`` followed by the English, keeping placeholders."""
    assert CliRunner().invoke(main, ["i18n", "init", locale, "--locales-dir", str(folder)]).exit_code == 0
    po = folder / locale / "LC_MESSAGES" / "handouts.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    for message in catalog:
        if message.id:
            message.string = f"{word} {message.id}"
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    po.write_bytes(buffer.getvalue())
    return folder


@pytest.mark.parametrize("locale", sorted(SAMPLES))
def test_each_script_prints_in_its_own_embedded_font(tmp_path: Path, locale: str) -> None:
    name, word = SAMPLES[locale]
    folder = scratch_catalog(tmp_path / "catalogs", locale, word)
    pdf = tmp_path / f"{locale}.pdf"
    pdf.write_bytes(build(Request("milia", locale=locale, locales=(folder,))).pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert f"NotoSans{name}-Regular" in fonts and f"NotoSans{name}-Bold" in fonts
    for line in fonts.splitlines()[2:]:
        assert line.split()[-5:-3] == ["yes", "yes"], f"not embedded and subset: {line}"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Phone: " in text and "38 °C (100.4 °F)" in text, "Latin punctuation and signs print as Latin"


@pytest.mark.parametrize("locale", ["bn", "pa", "hi"])
def test_indic_scripts_are_shaped_by_harfbuzz(tmp_path: Path, locale: str) -> None:
    """Shaping turns a conjunct into one glyph that no single character maps to: text
    extraction then shows a private-use character where the conjunct is. Unshaped text
    would extract letter by letter (and print wrongly)."""
    folder = scratch_catalog(tmp_path / "catalogs", locale, SAMPLES[locale][1])
    pdf = build(Request("milia", locale=locale, sections=("overview",), locales=(folder,))).pdf
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert any("\ue000" <= c <= "\uf8ff" for c in text), "no shaped (ligature) glyphs: shaping is off"


def test_script_families_come_from_the_language() -> None:
    assert [script_family(code) for code in ("en", "vi", "ar", "ur", "zh_Hans", "bn", "pa", "hi", "am", "ti")] == [
        "latin", "latin", "arabic", "arabic", "cjk", "bengali", "gurmukhi", "devanagari", "ethiopic", "ethiopic"]


def test_a_language_without_a_bundled_font_is_flagged_at_init_and_check(tmp_path: Path) -> None:
    made = CliRunner().invoke(main, ["i18n", "init", "ka", "--locales-dir", str(tmp_path)])
    assert made.exit_code == 0
    assert "no bundled font covers the Geor script of 'ka'" in made.output
    assert workflow.font_warning("ka") and workflow.font_warning("bn") is None


def test_check_names_a_character_no_font_has(tmp_path: Path) -> None:
    folder = scratch_catalog(tmp_path, "ka", "ახალშობილი")
    result = CliRunner().invoke(main, ["i18n", "check", "ka", "--locales-dir", str(folder)])
    assert result.exit_code == 3
    assert "no bundled font has U+10D0 (GEORGIAN LETTER AN)" in result.output


def test_punctuation_beside_indic_letters_is_shaped_with_their_font() -> None:
    """ReportLab shapes a word with the font of its first character: "(শিশু)" with "(" in the
    Latin font printed boxes. Each word with Bengali letters is set in one font, and no
    run HarfBuzz shapes comes out as the missing-glyph box (glyph 0)."""
    import re

    import uharfbuzz
    from reportlab.pdfbase import pdfmetrics

    from handouts.model import Span
    from handouts.pdf.fonts import chain_for
    from handouts.pdf.text import TextMaker

    text = "(শিশু) শিশু: কী? ৩৮°C ফোন: 020\u00a07946\u00a00000। leaflets"
    markup = TextMaker(chain_for("bengali"), where="test").markup((Span(text),))
    runs = re.findall(r'<font name="([^"]+)">([^<]*)</font>', markup)
    assert "".join(run for _, run in runs).replace("৩৮ °C", "৩৮°C") == text, "no character lost or added"
    fonts_by_word: dict[int, set[str]] = {}
    word = 0
    for name, run in runs:
        for char in run:
            if char.isspace() and char != "\u00a0":
                word += 1
            else:
                fonts_by_word.setdefault(word, set()).add(name)
    assert all(len(names) == 1 for names in fonts_by_word.values()), runs
    for name, run in runs:
        font = pdfmetrics.getFont(name)
        if not hasattr(font, "hbFont"):
            continue  # set without shaping: plain character-to-glyph mapping
        buffer = uharfbuzz.Buffer()
        buffer.add_str(run)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font.hbFont(12), buffer, {})
        assert all(info.codepoint != 0 for info in buffer.glyph_infos), f"box in {run!r} ({name})"


def test_latin_words_in_a_shaped_handout_copy_out_as_typed(tmp_path: Path) -> None:
    """HarfBuzz would join "fl" in "leaflets" into one glyph that copies out as no letters."""
    folder = scratch_catalog(tmp_path / "catalogs", "bn", SAMPLES["bn"][1])
    pdf = build(Request("milia", locale="bn", sections=("overview",), locales=(folder,))).pdf
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "if your baby is floppy or hard to wake" in text.replace("\n", " ")
