"""Large print: the same content with body text at least 16 pt, headings larger, one column,
and wide tables as stacked rows, in every script and both directions."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.build import Request, build
from handouts.cli import main

from .support import reader, words

LARGE = 16
MM = 72 / 25.4
FURNITURE_MIN = 12


def pieces(pdf: bytes) -> list[tuple[int, float, float, float, str]]:
    """(page, x, y, font size, text) of every piece of text."""
    found = []
    for number, page in enumerate(reader(pdf).pages):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                found.append((number, cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], size * (tm[3] or 1), text))
        page.extract_text(visitor_text=visit)
    return found


def furniture_words(handout) -> str:
    doc = handout.document
    labels = doc.furniture.labels
    return words(" ".join(["\u2022", doc.title, doc.contact.name, labels["leaflet"], labels["phone"], labels["page"],
                           *doc.furniture.notices, *doc.furniture.credits]))


@pytest.mark.parametrize("locale", ["en", "ar", "zh_Hans", "bn"])
def test_body_text_is_16_pt_or_more_and_only_the_furniture_is_smaller(locale: str) -> None:
    handout = build(Request("milia", locale=locale, sections=("all",), large_print=True))
    furniture = furniture_words(handout).replace("{page}", "").replace("{total}", "")
    found = pieces(handout.pdf)
    assert found
    height = float(reader(handout.pdf).pages[0].mediabox.height)
    for _page, _x, y, size, text in found:
        if size < LARGE - 0.01:
            assert size >= FURNITURE_MIN - 0.01, (size, text)
            assert y < 60 * MM or y > height - 22 * MM, f"{text!r} at {size} pt is in the story, not the furniture"
            if locale == "en":
                assert all(word in furniture or word.isdigit() for word in words(text).split()), \
                    f"{text!r} at {size} pt is not page furniture"
    sizes = sorted({round(size, 1) for *_rest, size, _t in found})
    assert max(sizes) >= 1.5 * LARGE, "headings larger than body text"


def test_standard_print_stays_clear_print_at_12_pt() -> None:
    handout = build(Request("milia"))
    body = [size for *_rest, size, text in pieces(handout.pdf) if size >= 11.99]
    assert min(body) == pytest.approx(12, abs=0.05)


def test_large_print_is_one_column_with_stacked_rows() -> None:
    """The Do and Don't boxes stack (side by side in standard print), and the comparison
    table becomes one block per condition, each value after its column's name."""
    def x_of(pdf: bytes, text: str) -> float:
        return next(x for _p, x, _y, _s, t in pieces(pdf) if t.strip() == text)

    standard = build(Request("milia", sections=("all",))).pdf
    large = build(Request("milia", sections=("all",), large_print=True)).pdf
    assert x_of(standard, "Don't") > x_of(standard, "Do") + 50
    assert abs(x_of(large, "Don't") - x_of(large, "Do")) < 1
    text = words(" ".join(t for *_r, t in pieces(large)))
    assert "What it looks like: Tiny white or yellow bumps" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_large_print_in_every_shipped_language_builds_with_embedded_fonts(tmp_path: Path, paper: str) -> None:
    from handouts.i18n.catalogs import available_locales

    for locale in available_locales():
        pdf = build(Request("cradle-cap", locale=locale, paper=paper, large_print=True)).pdf
        path = tmp_path / f"{locale}.pdf"
        path.write_bytes(pdf)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts.splitlines()[2:]), (locale, fonts)


def test_large_print_from_the_command_line_and_a_manifest(tmp_path: Path) -> None:
    out = tmp_path / "large.pdf"
    result = CliRunner().invoke(main, ["build", "milia", "--large-print", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert min(size for *_r, size, _t in pieces(out.read_bytes()) if size > 13.5) >= LARGE - 0.01
    (tmp_path / "ward.toml").write_text('dir = "out"\nlarge_print = true\n\n[[handout]]\ntopic = "milia"\n'
                                        'locales = ["en", "ur"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "ward.toml"), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    for pdf in (tmp_path / "out").glob("*.pdf"):
        assert max(size for *_r, size, _t in pieces(pdf.read_bytes())) >= 1.5 * LARGE, pdf.name


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
def test_page_size_and_10_mm_clear_of_every_edge(paper: str, large: bool) -> None:
    """The paper is the size asked for, and no text comes within 10 mm of any edge."""
    pdf = build(Request("milia", locale="ar" if large else "en", sections=("all",), paper=paper,
                        large_print=large)).pdf
    size = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}[paper]
    for page in reader(pdf).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=0.5)
    for _page, x, y, font_size, text in pieces(pdf):
        assert 10 * MM - 0.5 <= y and y + font_size <= size[1] - 10 * MM + 0.5, (y, text)
        assert x >= 10 * MM - 0.5, (x, text)
