"""Assemble a handout's story, lay it out on pages and return the PDF bytes."""
from __future__ import annotations

import io
import os

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
from ..model import Document
from .blocks import Context, section_flowables
from .fonts import SHAPED, chain_for, family, script_family
from .page import MARGIN, RUNNING, Furniture
from .styles import colour, make_styles
from .text import TextMaker

PAPER = {"a4": A4, "letter": LETTER}


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


def render_pdf(doc: Document) -> bytes:
    """Render ``doc`` to PDF bytes.

    Laid out twice: the first pass counts the pages for the "Page X of Y" footer.
    """
    pages = _layout(doc, total_pages=None)[1]
    return _layout(doc, total_pages=pages)[0]


def _layout(doc: Document, *, total_pages: int | None) -> tuple[bytes, int]:
    script = _script(doc)
    chain = chain_for(script)
    base = family(chain[0])
    for key in chain:
        family(key)
    primary = colour(doc.look.primary)
    styles = make_styles(base.regular, base.bold, primary, rtl=doc.direction == "rtl", cjk=script == "cjk",
                         shaped=script in SHAPED)
    text = TextMaker(chain, where=f"{doc.topic} ({doc.locale})", rtl=doc.direction == "rtl", cjk=script == "cjk")
    furniture = Furniture(doc, styles, text, total_pages)

    pagesize = PAPER[doc.look.paper]
    bottom = furniture.footer_top(pagesize[0]) + 3 * mm
    buffer = io.BytesIO()
    template = _HandoutTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=RUNNING + 4 * mm,
        bottomMargin=bottom,
        title=doc.title,
        author=doc.contact.name,
        subject=f"{doc.title} ({doc.furniture.code})",
        creator=f"handouts {__version__}",
        lang=doc.locale.replace("_", "-"),
        initialFontName=base.regular,
        initialFontSize=13,
        invariant=1 if os.environ.get("SOURCE_DATE_EPOCH") else 0,
    )
    width = pagesize[0] - 2 * MARGIN
    first = Frame(MARGIN, bottom, width, pagesize[1] - furniture.band_height(pagesize[0]) - 5 * mm - bottom, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, bottom, width, pagesize[1] - RUNNING - 4 * mm - bottom, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([
        PageTemplate("first", [first], onPage=furniture.first_page),
        PageTemplate("later", [later], onPage=furniture.later_page),
    ])
    ctx = Context(styles=styles, text=text, width=width, primary=primary, labels=doc.furniture.labels)
    story: list[Flowable] = [NextPageTemplate("later"), text.plain(doc.title, styles.title, bold=True)]
    for section in doc.sections:
        story.extend(section_flowables(section, ctx))
    while isinstance(story[-1], Spacer):  # space after the last block could start a blank page
        story.pop()
    template.build(story)
    return buffer.getvalue(), template.page
