"""Page pictures for the live preview: a built PDF drawn as PNG images by PDFium."""
from __future__ import annotations

import io

import pypdfium2 as pdfium

PREVIEW_WIDTH_PX = 560  # wide enough to read the headings, small enough to send on every click


def page_pngs(pdf: bytes, width_px: int = PREVIEW_WIDTH_PX) -> list[bytes]:
    """Each page of ``pdf`` as a PNG ``width_px`` wide."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            scale = width_px / page.get_width()
            picture = page.render(scale=scale).to_pil()
            buffer = io.BytesIO()
            picture.convert("RGB").save(buffer, "PNG")
            images.append(buffer.getvalue())
            page.close()
        return images
    finally:
        document.close()
