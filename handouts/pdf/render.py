"""Assemble a handout's story, lay it out on pages and return the PDF bytes."""
from __future__ import annotations

import io
import os

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from .. import __version__
from ..fontfiles import SHAPED, script_family
from ..model import Document
from .blocks import Context, section_flowables
from .fonts import chain_for, family
from .page import MARGIN, Furniture
from .styles import colour, make_styles
from .text import TextMaker

PAPER = {"a4": A4, "letter": LETTER}
# Binary streams as they are: ASCII85 would add a quarter to every picture and take ReportLab
# most of a build's time to encode in pure Python.
rl_config.useA85 = 0


class _HandoutTemplate(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        bookmark = getattr(flowable, "bookmark", None)
        if bookmark:
            key, title = bookmark
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)


def _script(doc: Document) -> str:
    """The font family for the document's language, from its (likely) script."""
    return script_family(doc.locale) or ("arabic" if doc.direction == "rtl" else "latin")


COMPACT = 0.3  # the compact layout's share of the usual space between blocks


def render_pdf(doc: Document) -> bytes:
    """Render ``doc`` to PDF bytes.

    Laid out once; each page's footer ("Page X of Y", and the QR code on the last page) is a
    form drawn when the page count is known. A handout that spills a page onto a new sheet
    (an odd page count over one) is laid out again with less space between blocks, never
    smaller type or tighter lines, and the compact layout is kept when it saves the sheet:
    a long clinic letterhead or a wordy language should not cost a parent a second sheet."""
    data, pages = _layout(doc, 1.0)
    if pages > 1 and pages % 2 and not doc.look.large_print:
        compact, fewer = _layout(doc, COMPACT)
        if fewer < pages:
            return compact
    return data


def _layout(doc: Document, spacing: float) -> tuple[bytes, int]:
    script = _script(doc)
    chain = chain_for(script)
    base = family(chain[0])  # the others register when a character first needs them
    primary = colour(doc.look.primary)
    styles = make_styles(base.regular, base.bold, primary, rtl=doc.direction == "rtl", cjk=script == "cjk",
                         shaped=script in SHAPED, large=doc.look.large_print, spacing=spacing)
    text = TextMaker(chain, where=f"{doc.topic} ({doc.locale})", rtl=doc.direction == "rtl", cjk=script == "cjk")
    furniture = Furniture(doc, styles, text)

    pagesize = PAPER[doc.look.paper]
    bottom = furniture.footer_top(pagesize[0]) + 2 * mm
    buffer = io.BytesIO()
    template = _HandoutTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=furniture.running_height() + 3 * mm,
        bottomMargin=bottom,
        title=doc.title,
        author=doc.contact.name,
        subject=f"{doc.title} ({doc.furniture.code})",
        creator=f"handouts {__version__}",
        lang=doc.locale.replace("_", "-"),
        initialFontName=base.regular,
        initialFontSize=styles.body.fontSize,
        invariant=1 if os.environ.get("SOURCE_DATE_EPOCH") else 0,
    )
    width = pagesize[0] - 2 * MARGIN
    first = Frame(MARGIN, bottom, width, pagesize[1] - furniture.band_height(pagesize[0]) - 5 * mm - bottom, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, bottom, width, pagesize[1] - furniture.running_height() - 3 * mm - bottom, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([
        PageTemplate("first", [first], onPage=furniture.first_page),
        PageTemplate("later", [later], onPage=furniture.later_page),
    ])
    ctx = Context(styles=styles, text=text, width=width, primary=primary, labels=doc.furniture.labels,
                  spacing=spacing)
    story: list[Flowable] = [NextPageTemplate("later"), text.plain(doc.title, styles.title, bold=True)]
    for section in doc.sections:
        story.extend(section_flowables(section, ctx))
    while isinstance(story[-1], Spacer):  # space after the last block could start a blank page
        story.pop()
    template._doSave = 0  # the footers are drawn, and the file saved, once the page count is known
    template.build(story)
    furniture.draw_footers(template.canv, pagesize)
    template.canv.save()
    return buffer.getvalue(), template.page
