"""Line layout shared by the paragraphs that break their own lines (right-to-left, Chinese).

Text arrives as words of glyphs, each glyph with the font ``split_runs`` chose for it; lines
are broken first-fit in logical order, measuring every glyph in its own face.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .fonts import family

# Layout controls: they steer joining and bidi, but have no ink and are never drawn.
CONTROLS = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")
# Spaces that keep their neighbours on one line.
NO_BREAK = frozenset("\u00a0\u2007\u202f")

# A number with its unit, a phone number, a date, a range: printed left to right as one unit,
# never split over two lines: "020 7946 0000", "+44 20 7946 0000", "0123-456-789", "38 °C (100.4 °F)".
_ATOM = r"\+?\d(?:[\d.,:]*\d)?(?:[ \u00a0]?°(?:[ \u00a0]?[CF])?|[ \u00a0]?%)?"
_UNIT = rf"(?:{_ATOM}|\({_ATOM}\))"
NUMBER = re.compile(rf"{_UNIT}(?:(?:[ \u00a0]?[-\u2013/][ \u00a0]?|[ \u00a0]){_UNIT})*")
FUZZ = 1e-6
# Stroke width of synthetic bold, as a fraction of the font size: about as heavy as a real bold.
SYNTHETIC_BOLD = 0.035


@dataclass(frozen=True)
class Glyph:
    """One character as printed: joined form, weight, family key of its font, bidi level."""

    char: str
    bold: bool
    font: str
    level: int = 0


@dataclass(frozen=True)
class Word:
    """Text between breaking spaces, ready to print.

    ``text`` is the source text; ``glyphs`` are in logical order and may hold LRI/PDI marks;
    ``space`` is printed after the word when another word follows it on its line.
    """

    text: str
    glyphs: tuple[Glyph, ...]
    width: float
    space: Glyph
    space_width: float
    breakable: bool  # False for a number: it may overflow a line but is never cut


@dataclass(frozen=True)
class Run:
    """Characters printed in one font, in display (left-to-right) order."""

    text: str
    font_name: str
    bold: bool
    width: float


def break_lines(words: tuple[Word, ...], width: float, size: float) -> list[tuple[Word, ...]]:
    """Break ``words`` into lines no wider than ``width``, in logical order, first fit.

    A word wider than a whole line is cut between characters, as ReportLab's
    ``splitLongWords`` does; a number is never cut (it overflows instead).
    """
    lines: list[tuple[Word, ...]] = []
    current: list[Word] = []
    used = 0.0
    for word in words:
        for piece in _cut(word, width, size):
            needed = used + current[-1].space_width + piece.width if current else piece.width
            if current and needed > width + FUZZ:
                lines.append(tuple(current))
                current, needed = [], piece.width
            current.append(piece)
            used = needed
    if current:
        lines.append(tuple(current))
    return lines


def face_of(glyph: Glyph) -> str:
    fam = family(glyph.font)
    return fam.bold if glyph.bold else fam.regular


def width_of(glyphs: tuple[Glyph, ...], size: float) -> float:
    return sum(stringWidth(g.char, face_of(g), size) for g in glyphs if g.char not in CONTROLS)


def _cut(word: Word, width: float, size: float) -> list[Word]:
    """``word`` in pieces no wider than ``width`` (one piece if it fits or is a number)."""
    if word.width <= width + FUZZ or not word.breakable or len(word.glyphs) < 2:
        return [word]
    pieces: list[Word] = []
    start, used = 0, 0.0
    for index, glyph in enumerate(word.glyphs):
        step = width_of((glyph,), size)
        if index > start and used + step > width + FUZZ:
            pieces.append(_piece(word, start, index, used))
            start, used = index, 0.0
        used += step
    pieces.append(_piece(word, start, len(word.glyphs), used))
    return pieces


def _piece(word: Word, start: int, end: int, width: float) -> Word:
    glyphs = word.glyphs[start:end]
    text = word.text[start:end] if len(word.text) == len(word.glyphs) else "".join(g.char for g in glyphs)
    return Word(text, glyphs, width, word.space, word.space_width, breakable=True)


@dataclass(frozen=True)
class Line:
    """One printed line: its words in logical order, its runs in display order."""

    words: tuple[Word, ...]
    runs: tuple[Run, ...]
    width: float

    @property
    def text(self) -> str:
        """The line's source text, in logical (reading) order."""
        return " ".join(word.text for word in self.words)

    @property
    def visual(self) -> str:
        """The characters as printed, left to right: joined forms, no control marks."""
        return "".join(run.text for run in self.runs)


class LineParagraph(Flowable):
    """A paragraph that breaks its own lines, and wraps, splits and draws like ReportLab's
    Paragraph (inside frames, table cells and KeepTogether).

    Subclasses make the words and lay out one line's runs; ``lines`` holds the printed
    lines after ``wrap``.
    """

    #: where justified text goes when it is drawn ragged: the right edge for RTL scripts
    justify_right = False

    def __init__(self, style: ParagraphStyle, chain: tuple[str, ...], where: str) -> None:
        super().__init__()
        self.style = style
        self.chain = chain
        self.where = where
        self.words: tuple[Word, ...] = ()
        self.lines: tuple[Line, ...] = ()
        self.width = self.height = 0

    def layout_line(self, words: tuple[Word, ...]) -> Line:
        raise NotImplementedError

    def part(self, words: tuple[Word, ...]) -> LineParagraph:
        """A paragraph of the same kind holding ``words``: one side of a split."""
        raise NotImplementedError

    def divide(self, fit: int) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
        """The words of the first ``fit`` lines, and the rest."""
        cut = sum(len(line.words) for line in self.lines[:fit])
        return self.words[:cut], self.words[cut:]

    def is_stroked(self, run: Run) -> bool:
        """Whether ``run`` is drawn with a synthetic bold stroke."""
        return False

    def minWidth(self) -> float:  # noqa: N802 - ReportLab's name
        widest = max((word.width for word in self.words), default=0)
        return widest + self.style.leftIndent + self.style.rightIndent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth < FUZZ:
            return 0, 0x7FFFFFFF
        if getattr(self, "_wrapped", None) == availWidth:
            return self.width, self.height  # tables and keep-togethers ask again at the same width
        style = self.style
        self._wrapped = availWidth
        self.width = availWidth
        measure = availWidth - style.leftIndent - style.rightIndent
        self.lines = tuple(self.layout_line(words) for words in break_lines(self.words, measure, style.fontSize))
        self.height = len(self.lines) * style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Split between lines, with ReportLab Paragraph's rules for orphans and widows."""
        if not self.words or availWidth < FUZZ or availHeight < FUZZ:
            return []
        self.wrap(availWidth, availHeight)
        fit = int(availHeight / self.style.leading + FUZZ)
        count = len(self.lines)
        allow_orphans = getattr(self.style, "allowOrphans", 0)
        if fit == 0 or (fit == 1 and not allow_orphans):
            return []
        if count <= fit:
            return [self]
        if not getattr(self.style, "allowWidows", 1) and count == fit + 1:
            if count > 3 or (allow_orphans and count == 3):
                fit -= 1
            else:
                return []
        head, tail = self.divide(fit)
        return [self.part(head), self.part(tail)]

    def draw(self) -> None:
        style = self.style
        canv = self.canv
        measure = self.width - style.leftIndent - style.rightIndent
        canv.saveState()
        canv.setFillColor(style.textColor)
        canv.setStrokeColor(style.textColor)
        canv.setLineWidth(style.fontSize * SYNTHETIC_BOLD)
        canv.setLineJoin(1)  # round: no spikes at the sharp corners of strokes
        right = style.alignment == TA_RIGHT or (style.alignment == TA_JUSTIFY and self.justify_right)
        y = self.height - style.fontSize  # first baseline where Paragraph puts it
        for line in self.lines:
            if style.alignment == TA_CENTER:
                x = style.leftIndent + (measure - line.width) / 2
            elif right:
                x = style.leftIndent + measure - line.width
            else:
                x = style.leftIndent
            text = canv.beginText(x, y)
            for run in line.runs:
                text.setTextRenderMode(2 if self.is_stroked(run) else 0)
                text.setFont(run.font_name, style.fontSize)
                text.textOut(run.text)
            text.setTextRenderMode(0)  # the text object assumes fill-only at its start
            canv.drawText(text)
            y -= style.leading
        canv.restoreState()
