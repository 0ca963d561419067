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

MARGIN = 13 * mm
BAND = 27 * mm
RUNNING = 14 * mm  # running header on later pages: text from EDGE down, then a rule
EDGE = 10 * mm  # clear print: no text closer than this to the paper's edge
BAND_TOP = 8 * mm  # the masthead's text starts this far below the paper's top edge
LOGO_BOX, LOGO_PAD = 17 * mm, 2 * mm


@dataclass
class Furniture:
    """Draws everything outside the story; ``total_pages`` comes from a first pass.

    The footer grows with its lines (leaflet line, clinic line, footer note, notices), up
    from ``EDGE``; ``footer_top`` says where the story must stop."""

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

    def _band_lines(self) -> list[Paragraph]:
        """The masthead: the clinic's name and department, the numbers to call, and where
        to find the clinic (address, website, email); a sample says it is one."""
        contact, labels = self.doc.contact, self.doc.furniture.labels
        ink = text_on(colour(self.doc.look.primary))
        name = derive(self.styles.band, textColor=ink)
        line = derive(self.styles.band_small, textColor=ink)
        paras = [self.text.plain(contact.name, name, bold=True)]
        if contact.department:
            paras.append(self.text.plain(contact.department, line))
        paras.append(self.text.plain(f"{labels['phone']}  \u2022  {labels['emergency']}", line, bold=True))
        where = "  \u2022  ".join(filter(None, [", ".join(contact.address), contact.website, contact.email]))
        if where:
            paras.append(self.text.plain(where, line))
        if contact.placeholder:
            paras.append(self.text.plain(labels["placeholder"], line, bold=True))
        return paras

    def _logo_size(self) -> tuple[float, float, float]:
        """The logo's printed width and height, and the width its tile takes in the band."""
        if not self.doc.look.logo:
            return 0, 0, 0
        iw, ih = ImageReader(io.BytesIO(self.doc.look.logo)).getSize()
        scale = min((LOGO_BOX - 2 * LOGO_PAD) / ih, (60 * mm - 2 * LOGO_PAD) / iw)
        w, h = iw * scale, ih * scale
        return w, h, w + 2 * LOGO_PAD + 6 * mm

    def band_height(self, page_width: float) -> float:
        """The masthead grows with its lines; never shorter than ``BAND``."""
        text_w = page_width - 2 * MARGIN - self._logo_size()[2]
        lines = sum(para.wrap(text_w, 1000)[1] for para in self._band_lines())
        return max(BAND, BAND_TOP + lines + 3 * mm)

    def _band(self, canv: Canvas, template) -> None:
        page_w, page_h = template.pagesize
        height = self.band_height(page_w)
        canv.saveState()
        canv.setFillColor(colour(self.doc.look.primary))
        canv.rect(0, page_h - height, page_w, height, stroke=0, fill=1)
        canv.setFillColor(colour(self.doc.look.accent))
        canv.rect(0, page_h - height - 1.6 * mm, page_w, 1.6 * mm, stroke=0, fill=1)
        logo_tile = self._logo(canv, page_w, page_h)
        text_w = page_w - 2 * MARGIN - logo_tile
        x = (MARGIN + logo_tile) if self.styles.rtl else MARGIN
        top = page_h - BAND_TOP
        for para in self._band_lines():
            top -= self._draw(canv, para, x, top, text_w)
        canv.restoreState()

    def _logo(self, canv: Canvas, page_w: float, page_h: float) -> float:
        """Draw the clinic's logo on a white tile at the top of the band; return the width it took."""
        w, h, tile = self._logo_size()
        if not tile:
            return 0
        tile_w = w + 2 * LOGO_PAD
        x = MARGIN if self.styles.rtl else page_w - MARGIN - tile_w
        y = page_h - BAND_TOP + 2 * mm - LOGO_BOX
        canv.setFillColor(colour("#FFFFFF"))
        canv.roundRect(x, y, tile_w, LOGO_BOX, 1.5 * mm, stroke=0, fill=1)
        canv.drawImage(ImageReader(io.BytesIO(self.doc.look.logo)), x + LOGO_PAD, y + (LOGO_BOX - h) / 2, w, h,
                       mask="auto")
        return tile

    def _running_header(self, canv: Canvas, template) -> None:
        page_w, page_h = template.pagesize
        style = derive(self.styles.footer, fontSize=10, leading=13)
        line = f"{self.doc.contact.name}  \u2022  {self.doc.title}"
        self._draw(canv, self.text.plain(line, style), MARGIN, page_h - EDGE, page_w - 2 * MARGIN)
        canv.saveState()
        canv.setStrokeColor(colour(self.doc.look.primary))
        canv.setLineWidth(1.2)
        canv.line(MARGIN, page_h - RUNNING - 1 * mm, page_w - MARGIN, page_h - RUNNING - 1 * mm)
        canv.restoreState()

    def _footer_lines(self, page_text: str) -> list[Paragraph]:
        f = self.doc.furniture
        style = self.styles.footer
        lines = [f.labels["leaflet"], f"{self.doc.contact.name}  \u2022  {f.labels['phone']}  \u2022  {page_text}"]
        lines += list(f.credits)
        if f.footer_note:
            lines.append(f.footer_note)
        paras = [self.text.plain(line, style) for line in lines]
        notice_style = derive(style, textColor=colour("#D5281B"))
        paras += [self.text.plain(notice, notice_style, bold=True) for notice in f.notices]
        return paras

    def footer_top(self, page_width: float) -> float:
        """Height above the paper's bottom edge that the footer takes, its rule included."""
        width = page_width - 2 * MARGIN
        sample = self.doc.furniture.labels["page"].format(page=99, total=99)
        height = sum(para.wrap(width, 1000)[1] for para in self._footer_lines(sample))
        return EDGE + height + 2 * mm

    def _footer(self, canv: Canvas, template) -> None:
        page_w, _page_h = template.pagesize
        width = page_w - 2 * MARGIN
        top = self.footer_top(page_w)
        canv.saveState()
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, top, page_w - MARGIN, top)
        canv.restoreState()
        page_no = canv.getPageNumber()
        page_text = self.doc.furniture.labels["page"].format(page=page_no, total=self.total_pages or page_no)
        top -= 1.5 * mm
        for para in self._footer_lines(page_text):
            top -= self._draw(canv, para, MARGIN, top, width)
