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
BAND_TOP = EDGE  # the masthead's text and logo start this far below the paper's top edge
LOGO_BOX, LOGO_PAD = 17 * mm, 2 * mm
QR = 20 * mm  # the QR code to the handout's web page (modules of about 0.5 mm: any phone reads it)
QR_GAP = 4 * mm


@dataclass
class Furniture:
    """Draws everything outside the story; the footers last, when the page count is known.

    The footer grows with its lines (leaflet line, clinic line, footer note, notices), up
    from ``EDGE``; ``footer_top`` says where the story must stop."""

    doc: Document
    styles: Styles
    text: TextMaker
    pages: int = 0

    def first_page(self, canv: Canvas, template) -> None:
        self._band(canv, template)
        self._footer_form(canv)

    def later_page(self, canv: Canvas, template) -> None:
        self._running_header(canv, template)
        self._footer_form(canv)

    def _footer_form(self, canv: Canvas) -> None:
        """Refer to this page's footer, drawn by ``draw_footers`` once the count is known."""
        self.pages = canv.getPageNumber()
        canv.doForm(f"footer-{self.pages}")

    def draw_footers(self, canv: Canvas, pagesize: tuple[float, float]) -> None:
        """Draw every page's footer as the form that page refers to, with the page count."""
        for page_no in range(1, self.pages + 1):
            canv.beginForm(f"footer-{page_no}", 0, 0, *pagesize)
            self._footer(canv, pagesize, page_no, self.pages)
            canv.endForm()

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
        logo = LOGO_BOX + 2 * mm if self.doc.look.logo else 0
        return max(BAND, BAND_TOP + lines + 2 * mm, BAND_TOP + logo)

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
        y = page_h - BAND_TOP - LOGO_BOX
        canv.setFillColor(colour("#FFFFFF"))
        canv.roundRect(x, y, tile_w, LOGO_BOX, 1.5 * mm, stroke=0, fill=1)
        canv.drawImage(ImageReader(io.BytesIO(self.doc.look.logo)), x + LOGO_PAD, y + (LOGO_BOX - h) / 2, w, h,
                       mask="auto")
        return tile

    def running_height(self) -> float:
        """From the paper's top edge to the running header's rule: ``RUNNING``, or more
        where the header's type is larger (large print)."""
        leading = round((self.styles.footer.fontSize + 1) * 1.3, 1)
        return max(RUNNING, EDGE + leading + 1 * mm)

    def _running_header(self, canv: Canvas, template) -> None:
        page_w, page_h = template.pagesize
        size = self.styles.footer.fontSize + 1
        style = derive(self.styles.footer, fontSize=size, leading=round(size * 1.3, 1))
        width = page_w - 2 * MARGIN
        para = self.text.plain(f"{self.doc.contact.name}  \u2022  {self.doc.title}", style)
        if para.wrap(width, page_h)[1] > style.leading * 1.5:  # a long name and title: the title alone
            para = self.text.plain(self.doc.title, style)
        self._draw(canv, para, MARGIN, page_h - EDGE, width)
        canv.saveState()
        canv.setStrokeColor(colour(self.doc.look.primary))
        canv.setLineWidth(1.2)
        rule = page_h - self.running_height() - 1 * mm
        canv.line(MARGIN, rule, page_w - MARGIN, rule)
        canv.restoreState()

    def _footer_lines(self, page_text: str, width: float) -> list[Paragraph]:
        f = self.doc.furniture
        style = self.styles.footer
        leaflet, clinic = f.labels["leaflet"], f"{self.doc.contact.name}  \u2022  {f.labels['phone']}"
        widest = f.labels["page"].format(page=99, total=99)
        if self._one_line(f"{clinic}  \u2022  {widest}", width) or not self._one_line(f"{leaflet}  \u2022  {widest}", width):
            lines = [leaflet, f"{clinic}  \u2022  {page_text}"]
        else:  # a long clinic name: "Page X of Y" ends the leaflet line rather than wrap onto its own
            lines = [f"{leaflet}  \u2022  {page_text}", clinic]
        if f.online:
            url = f"\u2066{f.online}\u2069" if self.styles.rtl else f.online
            lines.append(f.labels["online"].format(url=url))
        lines += list(f.credits)
        if f.footer_note:
            lines.append(f.footer_note)
        paras = [self.text.plain(line, style) for line in lines]
        notice_style = derive(style, textColor=colour("#D5281B"))
        paras += [self.text.plain(notice, notice_style, bold=True) for notice in f.notices]
        return paras

    def _one_line(self, line: str, width: float) -> bool:
        style = self.styles.footer
        return self.text.plain(line, style).wrap(width, 1000)[1] <= self.text.plain("1", style).wrap(width, 1000)[1]

    def _footer_width(self, page_width: float) -> float:
        """The footer's text width: the page's, less the QR code's where there is one."""
        qr = QR + QR_GAP if self.doc.furniture.online else 0
        return page_width - 2 * MARGIN - qr

    def footer_top(self, page_width: float) -> float:
        """Height above the paper's bottom edge that the footer takes, its rule included."""
        width = self._footer_width(page_width)
        sample = self.doc.furniture.labels["page"].format(page=99, total=99)
        height = sum(para.wrap(width, 1000)[1] for para in self._footer_lines(sample, width))
        if self.doc.furniture.online:
            height = max(height, QR)
        return EDGE + height + 2 * mm

    def _footer(self, canv: Canvas, pagesize: tuple[float, float], page_no: int, total: int) -> None:
        page_w, _page_h = pagesize
        width = self._footer_width(page_w)
        top = self.footer_top(page_w)
        canv.saveState()
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, top, page_w - MARGIN, top)
        canv.restoreState()
        page_text = self.doc.furniture.labels["page"].format(page=page_no, total=total)
        x = MARGIN + (QR + QR_GAP if self.styles.rtl and self.doc.furniture.online else 0)
        if self.doc.furniture.online and page_no == total:
            self._qr(canv, self.doc.furniture.online, MARGIN if self.styles.rtl else page_w - MARGIN - QR, top - 1.5 * mm)
        top -= 1.5 * mm
        for para in self._footer_lines(page_text, width):
            top -= self._draw(canv, para, x, top, width)

    def _qr(self, canv: Canvas, url: str, x: float, top: float) -> None:
        """The QR code to ``url``, ``QR`` wide, its top at ``top``; drawn as vector squares."""
        from reportlab.graphics import renderPDF  # the QR code's modules load only for a clinic with one
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing

        widget = QrCodeWidget(url, barLevel="M", barBorder=0)
        left, bottom, right, upper = widget.getBounds()
        drawing = Drawing(QR, QR, transform=[QR / (right - left), 0, 0, QR / (upper - bottom), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canv, x, top - QR)
