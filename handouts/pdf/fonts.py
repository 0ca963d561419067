"""Vendored fonts, and the choice of font for each run of characters.

ReportLab has no font fallback: a character the current font lacks prints as a box or
vanishes. So text is split into runs, each set in the first font of the chain that has
every character of the run; a character no bundled font has is an error that names it.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import InputError
from ..fontfiles import FACES as _FACES
from ..fontfiles import FALLBACK as _FALLBACK
from ..fontfiles import SHAPED
from ..resources import FONTS_DIR


@dataclass(frozen=True)
class Family:
    """A font family as registered with ReportLab: regular and bold face names."""

    key: str
    regular: str
    bold: str


# Characters that are layout, not ink: any font may carry them.
_NEUTRAL = {" ", "\u00a0", "\u200b", "\u200c", "\u200d", "\u2066", "\u2067", "\u2068", "\u2069", "\n"}


class UnshapedTTFont(TTFont):
    """A TrueType font ReportLab never passes through HarfBuzz.

    In a shaped paragraph ReportLab shapes every word, Latin ones too, and HarfBuzz's
    ligatures then print "fl" in "leaflets" as one glyph that copies out as no letters (a
    URL a parent cannot type from a copy). Only the scripts in ``SHAPED`` need shaping;
    ReportLab leaves a font with no ``hbFont`` unshaped, as it does its built-in fonts."""

    @property
    def hbFont(self):  # noqa: N802 - ReportLab's name
        raise AttributeError("this family is set without HarfBuzz shaping")


@cache
def family(key: str) -> Family:
    """Register (once) and return a font family."""
    regular_file, bold_file, index = _FACES[key]
    regular = f"Handouts-{key}"
    bold = f"Handouts-{key}-Bold" if bold_file else regular
    font_class = TTFont if key in SHAPED else UnshapedTTFont
    pdfmetrics.registerFont(_remember_subsets(font_class(regular, str(FONTS_DIR / regular_file), subfontIndex=index)))
    if bold_file:
        pdfmetrics.registerFont(_remember_subsets(font_class(bold, str(FONTS_DIR / bold_file))))
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)
    return Family(key, regular, bold)


MAX_SUBSETS = 64  # per face: the subsets of a few dozen distinct handouts


def _remember_subsets(font: TTFont) -> TTFont:
    """Keep the font files ReportLab cuts for each subset of glyphs: a handout built again
    embeds the same subsets, and cutting one from the Chinese font takes milliseconds."""
    cut = font.face.makeSubset
    made: dict[tuple[int, ...], bytes] = {}

    def make_subset(subset) -> bytes:
        key = tuple(subset)
        if key not in made:
            if len(made) >= MAX_SUBSETS:
                made.pop(next(iter(made)))
            made[key] = cut(subset)
        return made[key]

    font.face.makeSubset = make_subset
    return font


@cache
def _coverage(key: str) -> frozenset[int]:
    font = pdfmetrics.getFont(family(key).regular)
    return frozenset(font.face.charToGlyph)


def has_glyph(key: str, char: str) -> bool:
    """Whether the family ``key`` has a glyph for ``char``."""
    return ord(char) in _coverage(key)


def chain_for(script: str) -> tuple[str, ...]:
    """The font chain for a document whose main script is ``script``: its own family first,
    then every other (a family is only loaded when a character needs it).

    Shaped scripts put Latin first, so that Latin words (a URL, an English name) are set in
    the Latin font, unshaped. A word that also holds letters of the shaped script is set in
    that script's font as a whole (``text.one_font_per_word``): ReportLab shapes each word
    with one font."""
    if script in SHAPED:
        return ("latin", script, *(key for key in _FALLBACK if key not in ("latin", script)))
    return (script, *(key for key in _FALLBACK if key != script))


def shaped_family(chain: tuple[str, ...]) -> str | None:
    """The shaped script family a chain from ``chain_for`` serves, else ``None``."""
    return chain[1] if len(chain) > 1 and chain[0] == "latin" and chain[1] in SHAPED else None


def printable(char: str) -> bool:
    """Whether some bundled font has ``char`` (layout characters always print)."""
    return char in _NEUTRAL or unicodedata.category(char) in ("Cc", "Cf") or _font_for(char, _FALLBACK) is not None


def split_runs(text: str, chain: tuple[str, ...], *, where: str) -> list[tuple[str, str]]:
    """Split ``text`` into (run, family key) pairs; raise if a character has no font."""
    runs: list[tuple[str, str]] = []
    current = chain[0]
    buffer: list[str] = []
    for char in text:
        if char in _NEUTRAL:
            buffer.append(char)
            continue
        key = _font_for(char, chain)
        if key is None:
            raise InputError(f"{where}: no bundled font has the character {_describe(char)} in {text[:60]!r}")
        if key != current and buffer:
            runs.append(("".join(buffer), current))
            buffer = []
        current = key
        buffer.append(char)
    if buffer:
        runs.append(("".join(buffer), current))
    return runs


def _font_for(char: str, chain: tuple[str, ...]) -> str | None:
    code = ord(char)
    for key in chain:
        if code in _coverage(key):
            return key
    return None


def _describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    return f"U+{ord(char):04X} ({name})"
