"""The merged print pack: each handout's pages repeated for its copies, in one PDF."""
from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter

from .. import __version__


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def assemble(pdfs: Sequence[bytes], order: Sequence[tuple[int, int]], *, duplex: bool,
             titles: Sequence[str], title: str) -> bytes:
    """The pack: for each (handout number, copies) in ``order``, the handout's pages once
    per copy; with ``duplex``, a blank page after each copy with an odd page count.

    Copies share the handout's content streams, fonts and images (pypdf copies each object
    into the pack once), so a copy costs a page dictionary, not the page's content.
    Each step gets a bookmark, so the print room can find its place.
    """
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in pdfs]
    writer = PdfWriter()
    for number, copies in order:
        pages = readers[number].pages
        start = len(writer.pages)
        for _copy in range(copies):
            for page in pages:
                writer.add_page(page)
            if duplex and len(pages) % 2:
                box = pages[-1].mediabox
                writer.add_blank_page(width=box.width, height=box.height)
        writer.add_outline_item(title=f"{titles[number]} \u00d7 {copies}", page_number=start)
    writer.add_metadata({"/Title": title, "/Creator": f"handouts {__version__}", "/Producer": "handouts, pypdf"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
