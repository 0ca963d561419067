"""Small factories and readers the tests share: build a handout, read a PDF as a user would."""
from __future__ import annotations

import io
import re
import subprocess
import tempfile
import textwrap
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.units import mm

from handouts.pdf.page import BAND, RUNNING

GOLDEN_DIR = Path(__file__).parent / "golden"

# A real-looking clinic for tests that need a brand file; add a [print] table to taste.
CLINIC = """\
[clinic]
name = "Riverside Birth Centre"
phone = "0161 496 0000"
address = ["12 Mill Lane", "Manchester M1 4BT"]
website = "https://riverside.nhs.uk"
country = "GB"
urgent_line = "NHS 111"

[style]
primary = "#005EB8"
accent = "#FFB81C"
"""


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


FURNITURE_SIZE = 11.5  # page furniture (footer 9 pt, running header 10 pt) is set smaller than any body text
TITLE_SIZE = 20  # the handout's title: the first page's masthead ends above it


def _texts(page) -> list[tuple[float, float, str]]:
    """(y, font size, text) of every piece of text on ``page``."""
    found: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((cm[5] + tm[5] * cm[3], size * (tm[3] or 1), text))

    page.extract_text(visitor_text=visit)
    return found


def story_bounds(page, number: int) -> tuple[float, float]:
    """(bottom, top) of the story on a page, in points from the bottom edge: above the
    footer's small type, below the masthead (first page) or the running header."""
    texts = _texts(page)
    height = float(page.mediabox.height)
    footer = [y for y, size, _t in texts if size < FURNITURE_SIZE and y < height / 3]
    bottom = max(footer) + 3 * mm if footer else 0.0
    if number == 0:
        titles = [y + size for y, size, _t in texts if size >= TITLE_SIZE]
        top = max(titles) + 1 if titles else height - BAND
    else:
        header = [y for y, size, _t in texts if size < FURNITURE_SIZE and y > height * 2 / 3]
        top = min(header) - 1 if header else height - RUNNING
    return bottom, top


def body_text(pdf: bytes) -> str:
    """The text of the story, page after page, without the page furniture (masthead,
    running header, footer), as text extraction sees it."""
    pieces: list[str] = []
    for number, page in enumerate(reader(pdf).pages):
        bottom, top = story_bounds(page, number)

        def visit(text, cm, tm, font, size, bottom=bottom, top=top):
            y = cm[5] + tm[5] * cm[3]
            if bottom < y < top:
                pieces.append(text)

        page.extract_text(visitor_text=visit)
        pieces.append("\n")
    return "".join(pieces)


def body_text_poppler(pdf: bytes) -> str:
    """``body_text`` through poppler's pdftotext, which puts right-to-left text back in
    reading order (pypdf keeps each line's visual order)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "handout.pdf"
        path.write_bytes(pdf)
        pieces = []
        for number, page in enumerate(reader(pdf).pages):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            bottom, top = story_bounds(page, number)
            crop = ["-x", "0", "-y", str(int(height - top)), "-W", str(int(width)), "-H", str(int(top - bottom))]
            pieces.append(subprocess.run(["pdftotext", "-f", str(number + 1), "-l", str(number + 1), *crop,
                                          str(path), "-"], capture_output=True, text=True, check=True).stdout)
    return "\n".join(pieces)


def all_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in reader(pdf).pages)


_CJK = "\u3000-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def words(text: str) -> str:
    """Text with all whitespace folded, for comparing wording rather than line breaks.
    Chinese has no spaces between words, so a line break next to a CJK character is dropped.
    Joined Arabic letters (presentation forms, as the PDF draws them) read as plain letters."""
    text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _BIDI_MARKS.sub("", text)
    return re.sub(r"\s+", " ", _CJK_GAP.sub("", text)).strip()


def split_sections(text: str, titles: list[tuple[str, str]]) -> dict[str, str]:
    """Cut the body text at each section title, in order; keys are section ids."""
    flat = words(text)
    starts = []
    position = 0
    for section_id, title in titles:
        index = flat.find(title, position)
        assert index >= 0, f"section title {title!r} not found in the PDF text"
        starts.append((section_id, index))
        position = index + len(title)
    out = {}
    for (section_id, start), nxt in zip(starts, starts[1:] + [(None, None)]):
        out[section_id] = flat[start: nxt[1]].strip() if nxt[1] is not None else flat[start:].strip()
    return out


def golden_path(case: str, section_id: str) -> Path:
    return GOLDEN_DIR / case / f"{section_id}.txt"


def format_golden(text: str) -> str:
    """Golden text as a reviewer reads it: wrapped at 100 columns, one Chinese sentence a line."""
    lines = []
    for chunk in re.sub(r"([。！？])", "\\1\n", words(text)).splitlines():
        lines.extend(textwrap.wrap(chunk, 100, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines) + "\n"


def all_text_poppler(pdf: bytes) -> str:
    """Every word on every page, furniture included, in reading order (pdftotext)."""
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
