"""The merged print pack: each handout's pages repeated for its copies, in one PDF, written
as a stream.

A pack of 10,000 handouts holds perhaps 30 distinct ones. Each distinct handout's objects
(content streams, fonts, pictures) are written once; every copy is then a page dictionary of
a few dozen bytes that points at them. Pages go out as they are made, grouped under page-tree
nodes of ``KIDS``, so what stays in memory while a pack is written is one offset per object
and one bookmark per pack entry, whatever the number of copies.
"""
from __future__ import annotations

import hashlib
import io
from array import array
from collections.abc import Sequence
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
    create_string_object,
)

from .. import __version__

KIDS = 64  # pages under one page-tree node


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def assemble(pdfs: Sequence[bytes], order: Sequence[tuple[int, int]], *, duplex: bool,
             titles: Sequence[str], title: str) -> bytes:
    """The pack as bytes (see ``write_pack``)."""
    buffer = io.BytesIO()
    write_pack(buffer, pdfs, order, duplex=duplex, titles=titles, title=title)
    return buffer.getvalue()


def write_pack(out: BinaryIO, pdfs: Sequence[bytes], order: Sequence[tuple[int, int]], *, duplex: bool,
               titles: Sequence[str], title: str) -> str:
    """Write the pack to ``out``: for each (handout number, copies) in ``order``, the handout's
    pages once per copy; with ``duplex``, a blank page after each copy with an odd page count,
    so every copy starts on a new sheet. Each entry gets a bookmark ("title x copies"), so the
    print room can find its place. Returns the SHA-256 of what was written."""
    writer = _PackWriter(out)
    for number, copies in order:
        writer.add(number, pdfs[number], copies, duplex, f"{titles[number]} \u00d7 {copies}")
    return writer.finish(title)


class _PackWriter:
    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.position = 0
        self.digest = hashlib.sha256()
        self.offsets = array("Q", [0])  # by object number; object 0 heads the free list
        self.catalog, self.root, self.outlines, self.info = (self._number() for _ in range(4))
        self.nodes: list[tuple[int, int]] = []  # (node, its page count), written as each fills
        self.node = 0
        self.kids: list[int] = []
        self.pages = 0
        self.marks: list[tuple[str, int]] = []  # (bookmark title, its first page)
        self.written: dict[int, list[bytes]] = {}  # handout number -> its pages' dictionaries
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    # -- the file ----------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)
        self.digest.update(data)

    def _number(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def _object(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    # -- pages -------------------------------------------------------------------

    def add(self, number: int, pdf: bytes, copies: int, duplex: bool, mark: str) -> None:
        if number not in self.written:
            self.written[number] = self._copy_objects(pdf, duplex)
        first = 0
        for _copy in range(copies):
            for body in self.written[number]:
                page = self._page(body)
                first = first or page
        self.marks.append((mark, first))

    def _copy_objects(self, pdf: bytes, duplex: bool) -> list[bytes]:
        """Write one handout's shared objects; return each page's dictionary entries."""
        reader = PdfReader(io.BytesIO(pdf))
        numbers: dict[int, int] = {}
        pending: list[IndirectObject] = []
        bodies = []
        for page in reader.pages:
            box = page.mediabox
            entries = [b"/MediaBox [%s]" % b" ".join(_plain(v) for v in (box.left, box.bottom, box.right, box.top))]
            for key, value in dict.items(page):
                if key in ("/Type", "/Parent", "/MediaBox", "/Annots"):  # links are no use on paper
                    continue
                if key == "/Resources" and not isinstance(value, IndirectObject):
                    shared = self._number()  # every copy points at one resource dictionary
                    self._object(shared, self._value(value, numbers, pending))
                    entries.append(b"/Resources %d 0 R" % shared)
                else:
                    entries.append(_plain(NameObject(key)) + b" " + self._value(value, numbers, pending))
            bodies.append(b" ".join(entries))
        while pending:
            ref = pending.pop()
            self._object(numbers[ref.idnum], self._indirect(reader.get_object(ref), numbers, pending))
        if duplex and len(bodies) % 2:
            box = reader.pages[-1].mediabox
            bodies.append(b"/MediaBox [%s] /Resources <<>>" % b" ".join(
                _plain(v) for v in (box.left, box.bottom, box.right, box.top)))
        return bodies

    def _indirect(self, obj: PdfObject, numbers: dict[int, int], pending: list[IndirectObject]) -> bytes:
        if isinstance(obj, StreamObject):
            data = obj._data  # as stored: still compressed, with its /Filter kept below
            head = b" ".join(_plain(NameObject(k)) + b" " + self._value(v, numbers, pending)
                             for k, v in dict.items(obj) if k != "/Length")
            return b"<<%s /Length %d>>\nstream\n%s\nendstream" % (head, len(data), data)
        return self._value(obj, numbers, pending)

    def _value(self, obj: PdfObject, numbers: dict[int, int], pending: list[IndirectObject]) -> bytes:
        """``obj`` as PDF syntax, with its references renumbered into the pack (and queued)."""
        if isinstance(obj, IndirectObject):
            if obj.idnum not in numbers:
                numbers[obj.idnum] = self._number()
                pending.append(obj)
            return b"%d 0 R" % numbers[obj.idnum]
        if isinstance(obj, DictionaryObject):
            return b"<<%s>>" % b" ".join(_plain(NameObject(k)) + b" " + self._value(v, numbers, pending)
                                         for k, v in dict.items(obj) if k not in ("/Parent", "/P"))
        if isinstance(obj, ArrayObject):
            return b"[%s]" % b" ".join(self._value(v, numbers, pending) for v in list.__iter__(obj))
        return _plain(obj)

    def _page(self, body: bytes) -> int:
        if len(self.kids) == KIDS:
            self._close_node()
        if not self.kids:
            self.node = self._number()
        page = self._number()
        self._object(page, b"<</Type /Page /Parent %d 0 R %s>>" % (self.node, body))
        self.kids.append(page)
        self.pages += 1
        return page

    def _close_node(self) -> None:
        if self.kids:
            kids = b" ".join(b"%d 0 R" % kid for kid in self.kids)
            self._object(self.node, b"<</Type /Pages /Parent %d 0 R /Kids [%s] /Count %d>>"
                         % (self.root, kids, len(self.kids)))
            self.nodes.append((self.node, len(self.kids)))
            self.kids = []

    # -- the end: page tree, bookmarks, document information, cross-references ------

    def finish(self, title: str) -> str:
        self._close_node()
        nodes = b" ".join(b"%d 0 R" % node for node, _count in self.nodes)
        self._object(self.root, b"<</Type /Pages /Kids [%s] /Count %d>>" % (nodes, self.pages))
        items = [self._number() for _ in self.marks]
        for index, (mark, page) in enumerate(self.marks):
            links = b"".join(b" /%s %d 0 R" % (name, items[other]) for name, other in
                             ((b"Prev", index - 1), (b"Next", index + 1)) if 0 <= other < len(items))
            self._object(items[index], b"<</Title %s /Parent %d 0 R /Dest [%d 0 R /Fit]%s>>"
                         % (_plain(create_string_object(mark)), self.outlines, page, links))
        ends = b" /First %d 0 R /Last %d 0 R" % (items[0], items[-1]) if items else b""
        self._object(self.outlines, b"<</Type /Outlines%s /Count %d>>" % (ends, len(items)))
        self._object(self.info, b"<</Title %s /Creator %s /Producer (handouts)>>" % (
            _plain(create_string_object(title)), _plain(create_string_object(f"handouts {__version__}"))))
        self._object(self.catalog, b"<</Type /Catalog /Pages %d 0 R /Outlines %d 0 R /PageMode /UseOutlines>>"
                     % (self.root, self.outlines))
        identity = self.digest.hexdigest()[:32].encode()  # the same pack gives the same bytes
        start = self.position
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % len(self.offsets))
        for first in range(1, len(self.offsets), 4096):
            self._write(b"".join(b"%010d 00000 n \n" % offset for offset in self.offsets[first:first + 4096]))
        self._write(b"trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n"
                    % (len(self.offsets), self.catalog, self.info, identity, identity, start))
        return self.digest.hexdigest()


def _plain(obj: PdfObject) -> bytes:
    """A simple PDF value (name, number, string, boolean, null) as PDF syntax."""
    buffer = io.BytesIO()
    obj.write_to_stream(buffer)
    return buffer.getvalue()
