"""Chinese and Japanese paragraphs: line breaks that respect the punctuation rules, and bold
for fonts that have no bold face.

ReportLab's Paragraph with ``wordWrap='CJK'`` keeps only the characters of
``reportlab.lib.textsplit.ALL_CANNOT_START`` off the start of a line; the full-width Chinese
punctuation is not among them, so a line can start with "，" or "》" and end with "（" or "“".
WenQuanYi Micro Hei has no bold face, so bold prints no emphasis. This flowable does the work
itself, as rtl.py does for right-to-left text:

1. the text is cut into units that no line break may divide (line breaking after UAX #14,
   simplified for Chinese; the punctuation rules of GB/T 15834 and CLREQ/JLREQ): one ideograph
   or kana; a Latin word; a number with its spaces ("020 7946 0000", "38 °C (100.4 °F)") or
   with the Latin label before it ("NHS 111"); closing punctuation goes with the character
   before it, opening punctuation with the character after it;
2. Chinese and Japanese characters and their punctuation are set in the document's font chain,
   everything else (Latin letters, digits, ASCII punctuation) with the Latin font first, so that
   Latin keeps its real bold face; ``split_runs`` picks the font in both cases;
3. the units are set in lines, first fit, with rtl.py's ``break_lines``; a unit wider than a
   whole line is cut between characters;
4. each line is drawn as the style aligns it, run by run; a bold run in a font with no bold
   face is filled and stroked in the text colour (synthetic bold).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..model import Inline
from .fonts import family, has_glyph, split_runs
from .lines import (
    CONTROLS,
    NO_BREAK,
    NUMBER,
    Glyph,
    Line,
    LineParagraph,
    Run,
    Word,
    face_of,
    width_of,
)

# Never at the start of a line: closing brackets and quotes, sentence and clause punctuation,
# iteration marks, small kana, the prolonged sound mark, units that follow a number.
NO_START = frozenset(
    "，。、：；！？）］｝》」』】〕〗〙〛〉〞〟”’…‥・·ー々〻ゝゞヽヾ゛゜"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "％‰℃°′″｡､｣"
    ",.:;!?)]}%"
)
# Never at the end of a line: opening brackets and quotes, currency signs before an amount.
NO_END = frozenset("（［｛《「『【〔〖〘〚〈〝“‘￥＄￡([{")
# Ambiguous quotation marks: no break on either side (UAX #14 rule LB19).
_QUOTES = frozenset("\"'«»")
# Punctuation used in Chinese text that Unicode gives no East Asian width: set with the ideographs.
_CJK_PUNCTUATION = frozenset("“”‘’…‥—·")
_ZWSP = "\u200b"
_NONE = Glyph("", False, "latin")  # the "space" after a unit that is followed by no space


def is_cjk(char: str) -> bool:
    """Whether ``char`` is set like an ideograph: wide or full-width, or Chinese punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F") or char in _CJK_PUNCTUATION


@dataclass(frozen=True)
class CJKLine(Line):
    """A printed line of unbreakable units (a character, a Latin word, a number)."""

    @property
    def text(self) -> str:
        """The line's source text, with the spaces printed between its units."""
        return _joined(self.words)


class CJKParagraph(LineParagraph):
    """A paragraph of Chinese or Japanese text that wraps, splits and draws like ReportLab's
    Paragraph, without line-start closing or line-end opening punctuation.

    After ``wrap``, ``lines`` holds the printed lines. ``style.wordWrap`` is not used.
    """

    def __init__(self, inline: Inline, style: ParagraphStyle, chain: tuple[str, ...], where: str,
                 *, bold: bool = False) -> None:
        super().__init__(style, chain, where)
        chars = tuple((char, bold or span.bold) for span in inline for char in span.text)
        self.words = _checked_units(chars, chain, where, style.fontSize)

    def part(self, words: tuple[Word, ...]) -> CJKParagraph:
        part = CJKParagraph((), self.style, self.chain, self.where)
        part.words = words
        return part

    def layout_line(self, words: tuple[Word, ...]) -> Line:
        return _line(words, self.style.fontSize)

    def divide(self, fit: int) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
        printed = sum(len(unit.glyphs) for line in self.lines[:fit] for unit in line.words)
        return _divide(self.words, printed, self.style.fontSize)

    def is_stroked(self, run: Run) -> bool:
        """Whether ``run`` is drawn with synthetic bold: bold, in a family with no bold face.

        A bold run is set in its family's bold face, which is the regular face itself when
        the family has no bold (fonts.py)."""
        return run.bold and run.font_name in {family(key).regular for key in self.chain}

    def getPlainText(self) -> str:  # noqa: N802 - ReportLab's name
        return _joined(self.words)


def can_break(before: str, after: str) -> bool:
    """Whether a line may break between two adjacent characters (no space between them)."""
    if before in CONTROLS or after in CONTROLS or before in NO_BREAK or after in NO_BREAK:
        return False
    if after in NO_START or before in NO_END or before in _QUOTES or after in _QUOTES:
        return False
    if before == after == "\u2014":  # "——" is one dash
        return False
    return is_cjk(before) or is_cjk(after)


def _break_at_space(before: str, after: str) -> bool:
    """Whether a line may break at spaces between two characters."""
    if after in NO_START or before in NO_END:
        return False
    # A Latin label stays with its number: "NHS 111", "Room 4".
    return not (before.isalpha() and not is_cjk(before) and after.isdigit())


def _breaking_space(char: str) -> bool:
    return (char.isspace() and char not in NO_BREAK) or char == _ZWSP


def _font_keys(text: str, chain: tuple[str, ...], where: str) -> list[str]:
    """The family key of every character: ideographs in the document's chain, other characters
    with the Latin family first (WenQuanYi has Latin letters too, but no bold face for them)."""
    latin_first = tuple(sorted(chain, key=lambda key: key != "latin"))
    keys: list[str] = []
    for wide, group in groupby(text, key=is_cjk):
        for run, key in split_runs("".join(group), chain if wide else latin_first, where=where):
            keys.extend(key for _ in run)
    return keys


@lru_cache(maxsize=4096)
def _checked_units(chars: tuple[tuple[str, bool], ...], chain: tuple[str, ...], where: str,
                   size: float) -> tuple[Word, ...]:
    """``_units``, after checking every character has a font (an InputError naming it); the
    units are immutable, so they are kept by text: a second layout or handout reuses them."""
    split_runs("".join(char for char, _ in chars), chain, where=where)
    return _units(chars, chain, where, size)


def _units(chars: tuple[tuple[str, bool], ...], chain: tuple[str, ...], where: str, size: float) -> tuple[Word, ...]:
    """The paragraph's unbreakable units, each with the space printed after it on its line.

    A run of spaces prints as one space; spaces at either end of the paragraph print nothing.
    """
    text = "".join(char for char, _ in chars)
    keys = _font_keys(text, chain, where)
    in_number = {i for match in NUMBER.finditer(text) for i in range(*match.span())}
    units: list[Word] = []
    glyphs: list[Glyph] = []
    source: list[str] = []
    spaces: list[int] = []  # the breaking spaces (and zero-width spaces) before the current character
    last = ""  # the last printing character before them

    def close(space: Glyph) -> None:
        done = tuple(glyphs)
        units.append(Word("".join(source), done, width_of(done, size), space, width_of((space,), size), True))
        glyphs.clear()
        source.clear()

    def add(index: int, char: str) -> None:
        key = keys[index]
        printed = " " if char.isspace() and not has_glyph(key, char) else char  # e.g. U+202F in WenQuanYi
        glyphs.append(Glyph(printed, chars[index][1], key))
        source.append(char)

    for index, char in enumerate(text):
        if _breaking_space(char):
            spaces.append(index)
            continue
        if spaces and glyphs:
            first = next((i for i in spaces if text[i] != _ZWSP), None)
            if any(i in in_number for i in spaces) or not _break_at_space(last, char):
                if first is not None:
                    add(first, " ")
            else:
                close(_NONE if first is None else Glyph(" ", chars[first][1], keys[first]))
        elif glyphs and can_break(text[index - 1], char):
            close(_NONE)
        spaces.clear()
        add(index, char)
        if char not in CONTROLS:
            last = char
    if glyphs:
        close(_NONE)
    return tuple(units)


def _joined(units: tuple[Word, ...]) -> str:
    """The source text of ``units`` set on one line: the spaces between them, none after the last."""
    return "".join(unit.text + unit.space.char for unit in units[:-1]) + (units[-1].text if units else "")


def _line(units: tuple[Word, ...], size: float) -> CJKLine:
    """Group one line's glyphs, and the spaces between its units, into runs of one font and weight."""
    glyphs: list[Glyph] = []
    for unit in units[:-1]:
        glyphs.extend(unit.glyphs)
        glyphs.append(unit.space)
    glyphs.extend(units[-1].glyphs)
    runs: list[Run] = []
    for (face, bold), group in groupby((g for g in glyphs if g.char and g.char not in CONTROLS),
                                       key=lambda g: (face_of(g), g.bold)):
        text = "".join(g.char for g in group)
        runs.append(Run(text, face, bold, stringWidth(text, face, size)))
    return CJKLine(units, tuple(runs), sum(run.width for run in runs))


def _divide(units: tuple[Word, ...], count: int, size: float) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """``units`` split after their first ``count`` glyphs; a unit cut over two lines is cut there too."""
    head: list[Word] = []
    tail: list[Word] = []
    for unit in units:
        if count >= len(unit.glyphs):
            head.append(unit)
        elif count > 0:
            head.append(_slice(unit, 0, count, size))
            tail.append(_slice(unit, count, len(unit.glyphs), size))
        else:
            tail.append(unit)
        count = max(count - len(unit.glyphs), 0)
    return tuple(head), tuple(tail)


def _slice(unit: Word, start: int, end: int, size: float) -> Word:
    glyphs = unit.glyphs[start:end]
    return replace(unit, text=unit.text[start:end], glyphs=glyphs, width=width_of(glyphs, size))
