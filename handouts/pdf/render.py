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
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from .. import __version__
from ..model import Document
from .blocks import Context, grid, section_flowables
from .fonts import chain_for, family
from .page import BAND, FOOTER, MARGIN, RUNNING, Furniture
from .styles import colour, derive, make_styles
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
    if doc.direction == "rtl":
        return "arabic"
    if doc.locale.split("_")[0] in ("zh", "ja"):
        return "cjk"
    return "latin"


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
    styles = make_styles(base.regular, base.bold, primary, rtl=doc.direction == "rtl", cjk=script == "cjk")
    text = TextMaker(chain, where=f"{doc.topic} ({doc.locale})", rtl=doc.direction == "rtl", cjk=script == "cjk")
    furniture = Furniture(doc, styles, text, total_pages)

    pagesize = PAPER[doc.look.paper]
    buffer = io.BytesIO()
    template = _HandoutTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=RUNNING + 6 * mm,
        bottomMargin=FOOTER + 4 * mm,
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
    first = Frame(MARGIN, FOOTER + 4 * mm, width, pagesize[1] - BAND - 8 * mm - FOOTER - 4 * mm, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, FOOTER + 4 * mm, width, pagesize[1] - RUNNING - 6 * mm - FOOTER - 4 * mm, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([
        PageTemplate("first", [first], onPage=furniture.first_page),
        PageTemplate("later", [later], onPage=furniture.later_page),
    ])
    ctx = Context(styles=styles, text=text, width=width, primary=primary, labels=doc.furniture.labels)
    story: list[Flowable] = [NextPageTemplate("later"), text.plain(doc.title, styles.title, bold=True)]
    for section in doc.sections:
        story.extend(section_flowables(section, ctx))
    story.append(_contact_box(doc, ctx))
    template.build(story)
    return buffer.getvalue(), template.page


def _contact_box(doc: Document, ctx: Context) -> Flowable:
    """How to reach the clinic, and the emergency number, at the end of the handout."""
    c, labels, styles = doc.contact, doc.furniture.labels, ctx.styles
    line = derive(styles.body, spaceAfter=1)
    lines = [ctx.text.plain(labels["contact_title"], derive(styles.heading, spaceBefore=0), bold=True),
             ctx.text.plain(c.name, line, bold=True)]
    for value in filter(None, [c.department, *c.address]):
        lines.append(ctx.text.plain(value, line))
    lines.append(ctx.text.plain(labels["phone"], derive(line, spaceBefore=4)))
    for value in filter(None, [c.website, c.email]):
        lines.append(ctx.text.plain(value, line))
    lines.append(ctx.text.plain(labels["emergency"], derive(styles.bold, spaceBefore=4), bold=True))
    box = grid(ctx, [[lines]], [ctx.width], [
        ("BOX", (0, 0), (-1, -1), 1.2, ctx.primary),
        ("LEFTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
    ])
    return KeepTogether([Spacer(1, 6 * mm), box])
