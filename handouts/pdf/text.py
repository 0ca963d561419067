"""Inline text to ReportLab paragraphs: escaping and a font for every run of characters."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from ..model import Inline, Span
from .cjk import CJKParagraph
from .fonts import family, has_glyph, shaped_family, split_runs


def escape(text: str) -> str:
    """Outside text is plain text: nothing in it may act as paragraph markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Char:
    char: str
    key: str
    bold: bool


def _breaks_word(char: str) -> bool:
    """Whether ReportLab's paragraph splits words at ``char`` (never at a no-break space)."""
    return char.isspace() and char != "\u00a0"


def one_font_per_word(chars: list[Char], script: str) -> list[Char]:
    """Set each word that holds letters of the shaped ``script`` in that script's font.

    ReportLab shapes a word as a whole with the font of its first character, then draws
    each run with its own font: "(শিশু)" with "(" in Latin came out as boxes. A word with
    letters of ``script`` therefore takes the script's font for every character that font
    has (its fonts carry ASCII punctuation and digits). A character it lacks ("°" in
    "৩৮°C") keeps its own font and is split off by a space, so that each part is shaped
    with its own font: "৩৮ °C" prints, where the word whole would print boxes."""
    out: list[Char] = []
    word: list[Char] = []

    def flush() -> None:
        if any(c.key == script for c in word):
            word[:] = [Char(c.char, script, c.bold) if has_glyph(script, c.char) else c for c in word]
            for before, after in zip(word, word[1:]):
                out.append(before)
                if before.key != after.key:
                    out.append(Char(" ", before.key, before.bold))
            out.extend(word[-1:])
        else:
            out.extend(word)
        word.clear()

    for c in chars:
        if _breaks_word(c.char):
            flush()
            out.append(c)
        else:
            word.append(c)
    flush()
    return out


class WrapOnce(Paragraph):
    """ReportLab's Paragraph, parsing its markup once per process and breaking its lines
    once per width.

    Parsing (ReportLab runs Python's HTMLParser over the markup) gives the same fragments
    for the same markup, font, size and colour, so they are kept and each paragraph gets
    its own copies. A table asks each cell for its size several times at the same width,
    and a keep-together asks again before the frame does: the lines are broken once."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        key = (text, style.fontName, style.fontSize, str(style.textColor))
        parsed = _PARSED.get(key)
        if parsed is None:
            super().__init__(text, style)
            if self.style is style and len(_PARSED) < MAX_PARSED:  # no <para> attributes changed it
                _PARSED[key] = [_own(frag) for frag in self.frags]
        else:
            super().__init__(text, style, frags=[_own(frag) for frag in parsed])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if getattr(self, "_wrapped", None) == availWidth and hasattr(self, "blPara"):  # split() may drop it
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped = availWidth
        return size


MAX_PARSED = 8192  # a few hundred strings per topic and language
_PARSED: dict[tuple, list] = {}


def _own(frag):
    """A fragment's copy, with lists of its own, so no paragraph changes another's."""
    copy = frag.clone()
    for name in ("link", "us_lines"):
        if isinstance(getattr(frag, name, None), list):
            setattr(copy, name, list(getattr(frag, name)))
    return copy


@lru_cache(maxsize=4096)  # a handout's strings recur in every build of it: made once per process
def _markup(inline: Inline, chain: tuple[str, ...], where: str, bold: bool) -> str:
    script = shaped_family(chain)
    if script:  # word by word: see one_font_per_word
        chars = one_font_per_word([Char(char, key, bold or span.bold) for span in inline
                                   for run, key in split_runs(span.text, chain, where=where) for char in run], script)
        runs = [("".join(c.char for c in group), key, is_bold)
                for (key, is_bold), group in groupby(chars, key=lambda c: (c.key, c.bold))]
    else:
        runs = [(run, key, bold or span.bold) for span in inline for run, key in split_runs(span.text, chain, where=where)]
    parts = []
    for (key, is_bold), group in groupby(runs, key=lambda r: (r[1], r[2])):
        fam = family(key)
        face = fam.bold if is_bold else fam.regular
        parts.append(f'<font name="{face}">{escape("".join(r[0] for r in group))}</font>')
    return "".join(parts)


@dataclass(frozen=True)
class TextMaker:
    """Turns inline text into flowables, with fonts picked from ``chain``.

    With ``rtl`` every paragraph is an ``RTLParagraph``: ReportLab's Paragraph cannot set
    right-to-left text (see rtl.py). With ``cjk`` (Chinese, Japanese) every paragraph is a
    ``CJKParagraph``: ReportLab's CJK wrapping lets a line start with "，" and has no bold for
    fonts without a bold face (see cjk.py).
    """

    chain: tuple[str, ...]
    where: str
    rtl: bool = False
    cjk: bool = False

    def markup(self, inline: Inline, *, bold: bool = False) -> str:
        """ReportLab paragraph markup for ``inline``; every run names its font."""
        return _markup(inline, self.chain, self.where, bold)

    def para(self, inline: Inline, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
        if self.rtl:
            from .rtl import RTLParagraph  # loads the Arabic reshaper and bidi only for right-to-left text

            return RTLParagraph(inline, style, self.chain, self.where, bold=bold)
        if self.cjk:
            return CJKParagraph(inline, style, self.chain, self.where, bold=bold)
        return WrapOnce(self.markup(inline, bold=bold), style)

    def plain(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
        return self.para((Span(text),), style, bold=bold)
