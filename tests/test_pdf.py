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
        "Caring for your baby's skin at home", "Does my baby need treatment?", "When to get help",
        "Questions parents often ask",
    ]


def test_footer_shows_page_x_of_y_and_leaflet_details(full_pdf: Path) -> None:
    pages = reader(full_pdf.read_bytes()).pages
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "Leaflet PAED-SKIN-001, version 1.0" in text
        assert "Reviewed November 1, 2026" in text and "Next review due November 1, 2028" in text


def test_body_text_is_at_least_12pt(full_pdf: Path) -> None:
    """Clear print: nothing in the story is smaller than 12 pt (the footer may be)."""
    from reportlab.lib.units import mm

    from handouts.pdf.page import BAND, FOOTER, RUNNING

    sizes = []
    for number, page in enumerate(reader(full_pdf.read_bytes()).pages):
        top = float(page.mediabox.height) - (BAND if number == 0 else RUNNING) - 4 * mm

        def visit(text, cm, tm, font, size, top=top):
            y = cm[5] + tm[5] * cm[3]
            if text.strip() and FOOTER < y < top:
                sizes.append(size * tm[3] * cm[3] if tm[3] else size)
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 11.99, min(sizes)


def test_default_handout_page_count() -> None:
    pages = len(reader(build(Request("milia")).pdf).pages)
    assert 2 <= pages <= 4


def test_reproducible_with_source_date_epoch(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    for name in ("a.pdf", "b.pdf"):
        subprocess.run([sys.executable, "-m", "handouts", "build", "milia", "-o", str(tmp_path / name)],
                       env=env, check=True, capture_output=True)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_overview_shows_where_milia_appear_with_its_caption() -> None:
    pdf = build(Request("milia", sections=("overview",))).pdf
    images = [image for page in reader(pdf).pages for image in page.images]
    assert len(images) == 1
    text = " ".join(page.extract_text() for page in reader(pdf).pages)
    assert "Where milia most often show up: the nose, cheeks, chin and forehead." in " ".join(text.split())
