"""The PDF as a printer and a screen reader see it: valid, fonts embedded, metadata, pages."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handouts.build import Request, build

from .support import reader

QPDF = shutil.which("qpdf")
PDFFONTS = shutil.which("pdffonts")


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    path = tmp_path_factory.mktemp("pdf") / "milia-all.pdf"
    path.write_bytes(build(Request("milia", sections=("all",))).pdf)
    return path


def test_qpdf_check_passes(full_pdf: Path) -> None:
    assert QPDF, "qpdf is not installed (.ci/run installs it)"
    result = subprocess.run([QPDF, "--check", str(full_pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_pdffonts_shows_every_font_embedded_and_subset(full_pdf: Path) -> None:
    assert PDFFONTS, "pdffonts is not installed (.ci/run installs poppler-utils)"
    lines = subprocess.run([PDFFONTS, str(full_pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        name, *_rest, emb, sub, _uni, _obj, _gen = line.split()
        assert (emb, sub) == ("yes", "yes"), line
        assert "+" in name, line


def test_every_font_is_embedded_truetype(full_pdf: Path) -> None:
    fonts = {}
    for page in reader(full_pdf.read_bytes()).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all(fonts.values()), fonts


def test_metadata(full_pdf: Path) -> None:
    pdf = reader(full_pdf.read_bytes())
    meta = pdf.metadata
    assert meta.title == "Milia in newborns"
    assert meta.author == "Sample clinic"
    assert "PAED-SKIN-001" in meta.subject
    assert pdf.trailer["/Root"]["/Lang"] == "en"


def test_one_bookmark_per_section_in_order(full_pdf: Path) -> None:
    outline = [item.title for item in reader(full_pdf.read_bytes()).outline]
    assert outline == [
        "What are milia?", "Types of milia", "What causes milia", "Milia or something else?",
        "Caring for your baby's skin", "Does my baby need treatment?", "When to get help",
        "Questions parents often ask",
    ]


def test_footer_shows_page_x_of_y_and_leaflet_details(full_pdf: Path) -> None:
    pages = reader(full_pdf.read_bytes()).pages
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "Leaflet PAED-SKIN-001, version 2.1. Draft: not yet checked by a clinician." in text
        assert "Reviewed" not in text and "review due" not in text, "no review date nobody recorded"


def test_body_text_is_at_least_12pt(full_pdf: Path) -> None:
    """Clear print: text under 12 pt appears only in the page furniture, the footer at the
    foot of the page and the running header at its head; the rest is 12 pt or more."""
    from reportlab.lib.units import mm

    small, sizes = [], []
    for page in reader(full_pdf.read_bytes()).pages:
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font, size, height=height):
            if not text.strip():
                return
            y = cm[5] + tm[5] * cm[3]
            actual = size * tm[3] * cm[3] if tm[3] else size
            sizes.append(actual)
            if actual < 11.99 and 40 * mm < y < height - 16 * mm:
                small.append((round(actual, 1), text.strip()[:40]))
        page.extract_text(visitor_text=visit)
    assert max(sizes) >= 12 and not small, small


def test_nothing_is_printed_within_10_mm_of_the_paper_edge(full_pdf: Path) -> None:
    """Clear print: no text closer than 10 mm to any edge (a line's top is its baseline plus
    at most its font size)."""
    from reportlab.lib.units import mm

    for page in reader(full_pdf.read_bytes()).pages:
        height = float(page.mediabox.height)
        lines: list[tuple[float, float]] = []

        def visit(text, cm, tm, font, size, lines=lines):
            if text.strip():
                lines.append((cm[5] + tm[5] * cm[3], size * (tm[3] * cm[3] if tm[3] else 1)))

        page.extract_text(visitor_text=visit)
        assert min(y for y, _ in lines) >= 10 * mm - 0.5, "text too close to the bottom edge"
        assert max(y + size for y, size in lines) <= height - 10 * mm, "text too close to the top edge"


def test_default_handout_page_count() -> None:
    assert len(reader(build(Request("milia")).pdf).pages) == 2, "one sheet, printed on both sides"


def test_reproducible_with_source_date_epoch(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    for name in ("a.pdf", "b.pdf"):
        subprocess.run([sys.executable, "-m", "handouts", "build", "milia", "-o", str(tmp_path / name)],
                       env=env, check=True, capture_output=True)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_every_default_picture_prints_with_its_caption() -> None:
    """The default handout shows how to wash a baby's face and how to do the glass test,
    each picture with its caption beside it; the types section shows where milia appear."""
    pdf = build(Request("milia")).pdf
    images = [image for page in reader(pdf).pages for image in page.images]
    assert len(images) == 2
    text = " ".join(" ".join(page.extract_text() for page in reader(pdf).pages).split())
    assert "Once a day, wash your baby's face with plain warm water." in text
    assert "The glass test: press the side of a clear glass firmly on red, purple or dark spots." in text
    types = build(Request("milia", sections=("types",))).pdf
    assert len([i for page in reader(types).pages for i in page.images]) == 1
    assert "Most are on the nose, cheeks, chin and forehead." in " ".join(
        " ".join(page.extract_text() for page in reader(types).pages).split())
