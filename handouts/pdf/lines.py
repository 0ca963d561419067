"""Line layout shared by the paragraphs that break their own lines (right-to-left, Chinese).

Text arrives as words of glyphs, each glyph with the font ``split_runs`` chose for it; lines
are broken first-fit in logical order, measuring every glyph in its own face.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

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
