"""Page furniture drawn in page callbacks: the header band, the running header, the footer."""
from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..model import Document
from .styles import MUTED, Styles, colour, derive, text_on
from .text import TextMaker

MARGIN = 18 * mm
BAND = 30 * mm
RUNNING = 12 * mm
FOOTER = 24 * mm


@dataclass
class Furniture:
    """Draws everything outside the story; ``total_pages`` comes from a first pass."""

    doc: Document
    styles: Styles
    text: TextMaker
    total_pages: int | None = None

    def first_page(self, canv: Canvas, template) -> None:
        self._band(canv, template)
        self._footer(canv, template)

    def later_page(self, canv: Canvas, template) -> None:
        self._running_header(canv, template)
        self._footer(canv, template)

    # -- pieces --------------------------------------------------------------

    def _draw(self, canv: Canvas, para: Paragraph, x: float, top: float, width: float) -> float:
        """Draw ``para`` with its top at ``top``; return the height used."""
        _w, height = para.wrapOn(canv, width, 1000)
        para.drawOn(canv, x, top - height)
        return height

    def _band(self, canv: Canvas, template) -> None:
        page_w, page_h = template.pagesize
        primary = colour(self.doc.look.primary)
        ink = text_on(primary)
        canv.saveState()
        canv.setFillColor(primary)
        canv.rect(0, page_h - BAND, page_w, BAND, stroke=0, fill=1)
        accent = colour(self.doc.look.accent)
        canv.setFillColor(accent)
        canv.rect(0, page_h - BAND - 1.6 * mm, page_w, 1.6 * mm, stroke=0, fill=1)
        logo_w = self._logo(canv, page_w, page_h)
        contact = self.doc.contact
        text_w = page_w - 2 * MARGIN - logo_w
        x = (MARGIN + logo_w) if self.styles.rtl else MARGIN
        top = page_h - 7 * mm
        band = derive(self.styles.band, textColor=ink)
        small = derive(self.styles.band_small, textColor=ink)
        top -= self._draw(canv, self.text.plain(contact.name, band, bold=True), x, top, text_w)
        if contact.department:
            top -= self._draw(canv, self.text.plain(contact.department, small), x, top, text_w)
        if contact.placeholder:
            self._draw(canv, self.text.plain(self.doc.furniture.labels["placeholder"], small, bold=True), x, top - 1 * mm, text_w)
        canv.restoreState()

    def _logo(self, canv: Canvas, page_w: float, page_h: float) -> float:
        """Draw the clinic's logo on a white tile in the band; return the width it took."""
        if not self.doc.look.logo:
            return 0
        image = ImageReader(io.BytesIO(self.doc.look.logo))
        iw, ih = image.getSize()
        box_h, max_w, pad = BAND - 8 * mm, 60 * mm, 2 * mm
        scale = min((box_h - 2 * pad) / ih, (max_w - 2 * pad) / iw)
        w, h = iw * scale, ih * scale
        tile_w = w + 2 * pad
        x = MARGIN if self.styles.rtl else page_w - MARGIN - tile_w
        y = page_h - BAND + 4 * mm
        canv.setFillColor(colour("#FFFFFF"))
        canv.roundRect(x, y, tile_w, box_h, 1.5 * mm, stroke=0, fill=1)
        canv.drawImage(image, x + pad, y + (box_h - h) / 2, w, h, mask="auto")
        return tile_w + 6 * mm

    def _running_header(self, canv: Canvas, template) -> None:
        page_w, page_h = template.pagesize
        style = derive(self.styles.footer, fontSize=10, leading=13)
        line = f"{self.doc.contact.name}  \u2022  {self.doc.title}"
        self._draw(canv, self.text.plain(line, style), MARGIN, page_h - 9 * mm, page_w - 2 * MARGIN)
        canv.saveState()
        canv.setStrokeColor(colour(self.doc.look.primary))
        canv.setLineWidth(1.2)
        canv.line(MARGIN, page_h - RUNNING - 2 * mm, page_w - MARGIN, page_h - RUNNING - 2 * mm)
        canv.restoreState()

    def _footer(self, canv: Canvas, template) -> None:
        page_w, _page_h = template.pagesize
        f = self.doc.furniture
        labels = f.labels
        width = page_w - 2 * MARGIN
        canv.saveState()
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, FOOTER, page_w - MARGIN, FOOTER)
        canv.restoreState()
        style = self.styles.footer
        page_no = canv.getPageNumber()
        page_text = labels["page"].format(page=page_no, total=self.total_pages or page_no)
        lines = [
            labels["leaflet"],
            f"{self.doc.contact.name}  \u2022  {labels['phone']}  \u2022  {page_text}",
        ]
        if f.footer_note:
            lines.append(f.footer_note)
        top = FOOTER - 1.5 * mm
        for line in lines:
            top -= self._draw(canv, self.text.plain(line, style), MARGIN, top, width)
        notice_style = derive(style, textColor=colour("#D5281B"))
        for notice in f.notices:
            top -= self._draw(canv, self.text.plain(notice, notice_style, bold=True), MARGIN, top, width)
