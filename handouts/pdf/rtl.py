"""Right-to-left paragraphs: Arabic letters joined and words in reading order on every line.

ReportLab gets right-to-left text wrong on each of its own paths (see RENDERING-NOTES.md):
with shaping the words stay in logical order; through its bidi step inline bold breaks the
line; reordering a whole paragraph before wrapping puts the first sentence on the last line.
So this flowable does the work itself, in the order the Unicode bidi algorithm (UAX #9)
prescribes:

1. numbers and phone numbers become left-to-right units (LRI ... PDI) whose spaces do not
   break, and the text is split into words at the remaining spaces;
2. each word's Arabic letters are joined (arabic_reshaper, to Unicode presentation forms,
   which Noto Naskh Arabic maps to its joined glyphs) and every character gets a font from
   the chain, as ``split_runs`` chooses (digits and punctuation inside a Latin word follow
   its letters);
3. the bidi levels are resolved once for the whole paragraph (python-bidi, base direction
   right to left);
4. lines are broken in logical order, measuring every word in the fonts it prints in;
5. each line is reordered on its own (rules L1, L2), brackets mirrored (L4), and drawn from
   the right edge, run by run, each run in its font and weight.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..model import Inline
from .fonts import has_glyph, split_runs
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

LRI, PDI, ZWJ, NBSP = "\u2066", "\u2069", "\u200d", "\u00a0"

_STRONG = frozenset(("L", "R", "AL"))

_JOINERS = frozenset("-\u2013/.")

# Letters are joined one to one (harakat kept: nothing is dropped); lam-alef is joined below.
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})
# Lam in initial / medial form followed by a final alef becomes the mandatory lam-alef ligature.
_LAM = {"\ufedf": 0, "\ufee0": 1}
_LAM_ALEF = {  # final alef form: (isolated ligature, final ligature)
    "\ufe8e": ("\ufefb", "\ufefc"),  # alef
    "\ufe82": ("\ufef5", "\ufef6"),  # alef with madda above
    "\ufe84": ("\ufef7", "\ufef8"),  # alef with hamza above
    "\ufe88": ("\ufef9", "\ufefa"),  # alef with hamza below
}

class RTLParagraph(LineParagraph):
    """A paragraph of right-to-left text that wraps, splits and draws like ReportLab's Paragraph.

    After ``wrap``, ``lines`` holds the printed lines. A paragraph with no right-to-left
    letter at all (English left untranslated in an Arabic handout) gets a left-to-right base
    direction, so its full stop stays at the end; it keeps the style's alignment so that it
    lines up with its neighbours.
    """

    justify_right = True

    def __init__(self, inline: Inline, style: ParagraphStyle, chain: tuple[str, ...], where: str,
                 *, bold: bool = False) -> None:
        super().__init__(style, chain, where)
        chars = [(char, bold or span.bold) for span in inline for char in span.text]
        source = "".join(char for char, _ in chars)
        split_runs(source, chain, where=where)  # a character no font has: InputError naming it
        self.rtl = _is_rtl(source)
        self.words = _words(tuple(chars), self.rtl, chain, where, style.fontSize)

    def part(self, words: tuple[Word, ...]) -> RTLParagraph:
        part = RTLParagraph((), self.style, self.chain, self.where)
        part.rtl, part.words = self.rtl, words
        return part

    def layout_line(self, words: tuple[Word, ...]) -> Line:
        return _line(words, self.rtl, self.chain, self.where, self.style.fontSize)

    def getPlainText(self) -> str:  # noqa: N802 - ReportLab's name
        return " ".join(word.text for word in self.words)


def resolve_levels(text: str, *, rtl: bool = True) -> list[int]:
    """The bidi embedding level of every character of one paragraph (odd: right to left).

    python-bidi exposes only the reordered string and, in its debug output, the resolved
    levels. The levels are read from that output and checked: reordering the paragraph as
    one line must give python-bidi's own string, so a change in that output fails loudly.
    """
    if not text:
        return []
    base = "R" if rtl else "L"
    info = get_display(text, base_dir=base, debug=True)
    match = re.search(r"\n    levels: \[(.*?)\n    \]", info, re.S)  # the text field is escaped: no newlines
    by_byte = [int(v) for v in re.findall(r"Level\(\s*(\d+)", match.group(1))] if match else []
    starts, offset = [], 0
    for char in text:
        starts.append(offset)
        offset += len(char.encode("utf-8"))
    if len(by_byte) != offset:
        raise RuntimeError("cannot read bidi levels from python-bidi: is python-bidi 0.6 installed?")
    levels = [by_byte[start] for start in starts]
    if "".join(text[i] for i in display_order(text, levels, rtl=rtl)) != get_display(text, base_dir=base):
        raise RuntimeError(f"bidi levels disagree with python-bidi's order for {text!r}")
    return levels


def display_order(text: str, levels: list[int], *, rtl: bool = True) -> list[int]:
    """Indices of one line's characters from left to right (UAX #9 rules L1 and L2)."""
    levels = list(levels)
    base = 1 if rtl else 0
    trailing = True
    for index in range(len(text) - 1, -1, -1):  # L1: trailing whitespace and isolates
        kind = unicodedata.bidirectional(text[index])
        if kind in ("S", "B"):
            levels[index] = base
            trailing = True
        elif trailing and kind in ("WS", "LRI", "RLI", "FSI", "PDI", "BN"):
            levels[index] = base
        else:
            trailing = False
    order = list(range(len(text)))
    if not text:
        return order
    for level in range(max(levels), (min(levels) | 1) - 1, -1):  # L2: highest to lowest odd
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = order[start:end][::-1]
            start = end
    return order


def _is_rtl(text: str) -> bool:
    """Right to left unless the text has letters and none of them is right-to-left."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    return bool(kinds & {"R", "AL"}) or "L" not in kinds


def _protect_numbers(chars: list[tuple[str, bool]]) -> list[tuple[str, bool, str]]:
    """(char, bold, source char) with every number isolated and its spaces made unbreakable."""
    text = "".join(char for char, _ in chars)
    out: list[tuple[str, bool, str]] = []
    done = 0
    for match in NUMBER.finditer(text):
        start, end = match.span()
        if _glued_to_latin(text, start, end):
            continue  # "MIL-01", "10mg": already left to right with their letters
        start = max(_latin_prefix(text, start), done)
        out.extend((char, bold, char) for char, bold in chars[done:start])
        out.append((LRI, chars[start][1], ""))
        out.extend((NBSP if char == " " else char, bold, char) for char, bold in chars[start:end])
        out.append((PDI, chars[end - 1][1], ""))
        done = end
    out.extend((char, bold, char) for char, bold in chars[done:])
    return out


_LATIN_PREFIX_MAX = 24


def _latin_prefix(text: str, start: int) -> int:
    """Where a Latin phrase that names the number starts ("NHS 111", "Room 4"), so the
    phrase and the number stay together, left to right, in that order; else ``start``."""
    index = start
    while index > 0 and text[index - 1] in " \u00a0":
        index -= 1
    first = index
    while first > 0 and (unicodedata.bidirectional(text[first - 1]) in ("L", "EN")
                         or (text[first - 1] in " '.-" and first - 1 > 0
                             and unicodedata.bidirectional(text[first - 2]) in ("L", "EN"))):
        first -= 1
    if first == index or start - first > _LATIN_PREFIX_MAX:
        return start
    return first


def _glued_to_latin(text: str, start: int, end: int) -> bool:
    """Whether the number text[start:end] belongs to a left-to-right word ("COVID-19", "5ml")."""
    before = text[max(start - 2, 0):start]
    before = before[-1:] if before[-1:] not in _JOINERS else before[:1]
    after = text[end:end + 2]
    after = after[:1] if after[:1] not in _JOINERS else after[1:]
    return any(unicodedata.bidirectional(char) == "L" for char in before + after)


@lru_cache(maxsize=4096)
def _words(chars: tuple[tuple[str, bool], ...], rtl: bool, chain: tuple[str, ...], where: str,
           size: float) -> tuple[Word, ...]:
    """The paragraph's words, joined, in their fonts, with bidi levels resolved for the whole
    (immutable, so cached by text: a second layout or a second handout reuses them)."""
    tokens: list[tuple[list[tuple[str, bool, str]], bool]] = []  # (characters, weight of the space after)
    pending: list[tuple[str, bool, str]] = []
    for char, bold, source in [*_protect_numbers(chars), (" ", False, " ")]:
        if not char.isspace() or char in NO_BREAK:
            pending.append((char, bold, source))
        elif pending:
            tokens.append((pending, bold))
            pending = []
        elif tokens:  # a run of spaces prints as one, in the weight of its last
            tokens[-1] = (tokens[-1][0], bold)
    prepared: list[tuple[str, list[Glyph], Glyph, bool]] = []
    for token, space_bold in tokens:
        glyphs = _glyphs([(char, bold) for char, bold, _ in token], chain, where)
        if not glyphs:
            continue  # a lone ZWJ, consumed by the joining
        inked = [g.font for g in glyphs if g.char not in CONTROLS][-1:] or [chain[0]]
        space = Glyph(" ", space_bold, inked[0] if has_glyph(inked[0], " ") else chain[0])
        prepared.append(("".join(source for _, _, source in token), glyphs, space,
                         all(char != LRI for char, _, _ in token)))
    text = " ".join("".join(g.char for g in glyphs) for _, glyphs, _, _ in prepared)
    levels = iter(resolve_levels(text, rtl=rtl))
    words = []
    for source, glyphs, space, breakable in prepared:
        placed = tuple(Glyph(g.char, g.bold, g.font, next(levels)) for g in glyphs)
        space = Glyph(space.char, space.bold, space.font, next(levels, 0))
        words.append(Word(source, placed, width_of(placed, size), space, width_of((space,), size), breakable))
    return tuple(words)


def _glyphs(chars: list[tuple[str, bool]], chain: tuple[str, ...], where: str) -> list[Glyph]:
    """Join a word's Arabic letters and give every character its font."""
    kept = [(char, bold) for char, bold in chars if char != ZWJ]  # the reshaper consumes ZWJ
    joined = _join("".join(char for char, _ in chars))
    if len(joined) != len(kept):
        raise RuntimeError(f"arabic_reshaper changed the length of {''.join(c for c, _ in chars)!r}")
    forms = _lam_alef([(form, bold) for form, (_, bold) in zip(joined, kept)])
    text = "".join(form for form, _ in forms)
    if not text:
        return []
    keys = [key for run, key in split_runs(text, chain, where=where) for _ in run]
    return [Glyph(form, bold, key) for (form, bold), key in zip(forms, _with_letters(text, keys))]


@lru_cache(maxsize=8192)
def _join(word: str) -> str:
    return _RESHAPER.reshape(word)  # slow (it reads its options on every call): words repeat


def _lam_alef(forms: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out = list(forms)
    index = 0
    while index < len(out):
        form, bold = out[index]
        if form in _LAM:
            after = index + 1
            while after < len(out) and unicodedata.combining(out[after][0]):
                after += 1  # harakat on the lam stay, after the ligature
            if after < len(out) and out[after][0] in _LAM_ALEF:
                out[index] = (_LAM_ALEF[out[after][0]][_LAM[form]], bold)
                del out[after]
        index += 1
    return out


def _with_letters(text: str, keys: list[str]) -> list[str]:
    """Font keys with digits and punctuation set in the font of the word's letters.

    ``split_runs`` gives "." and digits the first font of the chain, the Arabic one; inside
    "www.example.nhs.uk" or "W2" they must match the Latin letters around them.
    """
    strong = [i for i, char in enumerate(text) if unicodedata.bidirectional(char) in _STRONG]
    out = list(keys)
    for index, char in enumerate(text):
        if not strong or unicodedata.bidirectional(char) in _STRONG | {"NSM"}:
            continue
        before = [i for i in strong if i < index]
        nearest = before[-1] if before else strong[0]
        if has_glyph(keys[nearest], char):
            out[index] = keys[nearest]
    return out


def _line(words: tuple[Word, ...], rtl: bool, chain: tuple[str, ...], where: str, size: float) -> Line:
    """Put one line's glyphs in display order and group them into runs of one font."""
    glyphs = list(words[0].glyphs)
    for before, word in zip(words, words[1:]):
        glyphs.append(before.space)
        glyphs.extend(word.glyphs)
    order = display_order("".join(g.char for g in glyphs), [g.level for g in glyphs], rtl=rtl)
    runs: list[Run] = []
    pending: list[Glyph] = []
    for glyph in (glyphs[index] for index in order):
        if glyph.char in CONTROLS:
            continue
        if glyph.level % 2 and glyph.char in MIRRORED:  # L4: "(" prints as ")" right to left
            mirror = MIRRORED[glyph.char]
            glyph = Glyph(mirror, glyph.bold, split_runs(mirror, chain, where=where)[0][1], glyph.level)
        if pending and (glyph.font, glyph.bold) != (pending[0].font, pending[0].bold):
            runs.append(_run(pending, size))
            pending = []
        pending.append(glyph)
    if pending:
        runs.append(_run(pending, size))
    return Line(words, tuple(runs), sum(run.width for run in runs))


def _run(glyphs: list[Glyph], size: float) -> Run:
    text = "".join(g.char for g in glyphs)
    face = face_of(glyphs[0])
    return Run(text, face, glyphs[0].bold, stringWidth(text, face, size))
