"""Inline text to ReportLab paragraphs: escaping and a font for every run of characters."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from ..model import Inline, Span
from .cjk import CJKParagraph
from .fonts import family, split_runs
from .rtl import RTLParagraph


def escape(text: str) -> str:
    """Outside text is plain text: nothing in it may act as paragraph markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        parts = []
        for span in inline:
            for run, key in split_runs(span.text, self.chain, where=self.where):
                fam = family(key)
                face = fam.bold if (bold or span.bold) else fam.regular
                parts.append(f'<font name="{face}">{escape(run)}</font>')
        return "".join(parts)

    def para(self, inline: Inline, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
        if self.rtl:
            return RTLParagraph(inline, style, self.chain, self.where, bold=bold)
        if self.cjk:
            return CJKParagraph(inline, style, self.chain, self.where, bold=bold)
        return Paragraph(self.markup(inline, bold=bold), style)

    def plain(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
        return self.para((Span(text),), style, bold=bold)
