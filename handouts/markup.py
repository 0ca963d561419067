"""Parse a section's rendered block markup into the document model.

The vocabulary is documented for content authors in ``templates/README.md``. Anything
outside it is an error naming the template and line: an unknown tag is never dropped
silently, because dropped text on a patient handout is lost advice.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.parsers import expat

from .errors import InputError
from .model import (
    QA,
    Block,
    Callout,
    CareCard,
    Figure,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    WriteIn,
)

# Layout whitespace only: a no-break space (U+00A0) is text, keeping a phone number whole.
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# Chinese and Japanese put no spaces between words or after punctuation: a space that the
# template's layout left between two such characters is not text.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_LIST_KINDS = {"ul": "bullet", "ol": "numbered", "do": "do", "dont": "dont"}
_CALLOUT_KINDS = ("info", "warning", "urgent")
_LEVELS = ("routine", "urgent", "emergency")
# A picture is a file in the topic's own folder: a plain name, never a path or a URL.
_IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.(?:png|jpe?g)")


class _Bad(Exception):
    def __init__(self, element: ET.Element | None, message: str) -> None:
        super().__init__(message)
        self.element = element


def parse_section(section_id: str, markup: str, *, source: str) -> Section:
    """Parse one rendered section; ``source`` names the template for error messages."""
    try:
        root = _parse_xml(f"<section>{markup}</section>")
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise InputError(f"{source}:{exc.lineno}: the rendered markup is not well formed: {message}") from None
    try:
        children = list(root)
        if not children or children[0].tag != "title":
            raise _Bad(children[0] if children else None, "a section must start with <title>")
        title = _text_only(children[0])
        if not title.strip():
            raise _Bad(children[0], "the section <title> is empty")
        _no_loose_text(root)
        blocks = tuple(_block(child) for child in children[1:])
    except _Bad as bad:
        line = getattr(bad.element, "sourceline", None)
        where = f"{source}:{line}" if line else source
        raise InputError(f"{where}: {bad}") from None
    return Section(id=section_id, title=title, blocks=blocks)


class _Element(ET.Element):
    """An element that remembers the line it started on."""

    sourceline: int = 0


def _parse_xml(text: str) -> ET.Element:
    """Parse with expat, recording each element's line as ``element.sourceline``."""
    builder = ET.TreeBuilder(element_factory=_Element)
    parser = expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = builder.start(tag, attrs)
        element.sourceline = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.Parse(text, True)
    return builder.close()


def _block(el: ET.Element) -> Block:
    if el.tag == "h":
        return Heading(_inline(el))
    if el.tag == "p":
        return Paragraph(_require_text(el))
    if el.tag in _LIST_KINDS:
        return ItemList(_LIST_KINDS[el.tag], _items(el))  # type: ignore[arg-type]
    if el.tag == "table":
        return _table(el)
    if el.tag == "callout":
        return _callout(el)
    if el.tag == "care":
        return _care(el)
    if el.tag == "write":
        return _write(el)
    if el.tag == "qa":
        return _qa(el)
    if el.tag == "figure":
        return _figure(el)
    raise _Bad(el, f"unknown block <{el.tag}>; allowed: h, p, ul, ol, do, dont, table, callout, care, write, qa, figure")


def _items(el: ET.Element) -> tuple[Inline, ...]:
    _no_loose_text(el)
    items = []
    for child in el:
        if child.tag != "li":
            raise _Bad(child, f"<{el.tag}> may only hold <li> items, not <{child.tag}>")
        items.append(_require_text(child))
    if not items:
        raise _Bad(el, f"<{el.tag}> has no <li> items")
    return tuple(items)


def _table(el: ET.Element) -> Table:
    _no_loose_text(el)
    rows = list(el)
    if not rows:
        raise _Bad(el, "<table> has no rows")
    parsed = []
    for index, tr in enumerate(rows):
        if tr.tag != "tr":
            raise _Bad(tr, f"<table> may only hold <tr> rows, not <{tr.tag}>")
        _no_loose_text(tr)
        want = "th" if index == 0 else "td"
        cells = []
        for cell in tr:
            if cell.tag != want:
                raise _Bad(cell, f"row {index + 1} must hold <{want}> cells (the first row is the header), not <{cell.tag}>")
            cells.append(_require_text(cell))
        level = tr.get("level")
        if level is not None and (index == 0 or level not in _LEVELS):
            raise _Bad(tr, f"level={level!r} is not allowed here; body rows may use {', '.join(_LEVELS)}")
        parsed.append(Row(tuple(cells), level))  # type: ignore[arg-type]
    width = len(parsed[0].cells)
    for row, tr in zip(parsed, rows):
        if len(row.cells) != width:
            raise _Bad(tr, f"a row has {len(row.cells)} cells but the header has {width}")
    return Table(parsed[0], tuple(parsed[1:]))


def _callout(el: ET.Element) -> Callout:
    kind = el.get("kind", "info")
    if kind not in _CALLOUT_KINDS:
        raise _Bad(el, f"callout kind={kind!r} is not one of {', '.join(_CALLOUT_KINDS)}")
    _no_loose_text(el)
    children = list(el)
    title = None
    if children and children[0].tag == "title":
        title = _inline(children.pop(0))
    blocks = []
    for child in children:
        if child.tag not in ("p", "ul", "ol"):
            raise _Bad(child, f"a callout may hold p, ul or ol, not <{child.tag}>")
        blocks.append(_block(child))
    if not blocks:
        raise _Bad(el, "the callout is empty")
    return Callout(kind, title, tuple(blocks))  # type: ignore[arg-type]


def _care(el: ET.Element) -> CareCard:
    level = el.get("level", "")
    if level not in _LEVELS:
        raise _Bad(el, f"care level={level!r} is not one of {', '.join(_LEVELS)}")
    _no_loose_text(el)
    children = list(el)
    if not children or children[0].tag != "title":
        raise _Bad(el, "a <care> card starts with a <title> that says what to do")
    title = _require_text(children[0])
    blocks = []
    for child in children[1:]:
        if child.tag not in ("p", "ul"):
            raise _Bad(child, f"a care card may hold p or ul, not <{child.tag}>")
        blocks.append(_block(child))
    if not blocks:
        raise _Bad(el, "the care card lists no signs")
    return CareCard(level, title, tuple(blocks))  # type: ignore[arg-type]


def _write(el: ET.Element) -> WriteIn:
    _no_loose_text(el)
    children = list(el)
    title = _require_text(children.pop(0)) if children and children[0].tag == "title" else None
    fields = []
    for child in children:
        if child.tag != "field":
            raise _Bad(child, f"<write> may hold a <title> and <field> labels, not <{child.tag}>")
        lines = child.get("lines", "1")
        if not lines.isdigit() or not 1 <= int(lines) <= 6:
            raise _Bad(child, f"field lines={lines!r} must be a whole number from 1 to 6")
        fields.append((_require_text(child), int(lines)))
    if not fields:
        raise _Bad(el, "<write> has no <field>")
    return WriteIn(title, tuple(fields))


def _qa(el: ET.Element) -> QA:
    _no_loose_text(el)
    children = list(el)
    if [c.tag for c in children] != ["q", "a"]:
        raise _Bad(el, "<qa> must hold exactly one <q> and then one <a>")
    return QA(_require_text(children[0]), _require_text(children[1]))


def _figure(el: ET.Element) -> Figure:
    source = el.get("src", "")
    if not _IMAGE_NAME.fullmatch(source):
        raise _Bad(el, f"figure src={source!r} must name a .png or .jpg file in the topic's folder, "
                       "with no folder, '..' or URL")
    _no_loose_text(el)
    children = list(el)
    if not children or children[0].tag != "caption" or [c for c in children[1:] if c.tag == "caption"]:
        raise _Bad(el, "<figure> must hold exactly one <caption>, first: every picture says what it shows")
    beside = []
    for child in children[1:]:
        if child.tag not in ("p", "ul", "ol"):
            raise _Bad(child, f"beside a picture may go p, ul or ol, not <{child.tag}>")
        beside.append(_block(child))
    return Figure(source, _require_text(children[0]), beside=tuple(beside))


def _require_text(el: ET.Element) -> Inline:
    inline = _inline(el)
    if not "".join(span.text for span in inline).strip():
        raise _Bad(el, f"<{el.tag}> is empty")
    return inline


def _inline(el: ET.Element) -> Inline:
    """Text with <b> runs, whitespace collapsed as a browser would."""
    spans: list[Span] = []
    if el.text:
        spans.append(Span(el.text))
    for child in el:
        if child.tag != "b":
            raise _Bad(child, f"<{child.tag}> is not allowed inside <{el.tag}>; the only inline tag is <b>")
        if len(child):
            raise _Bad(child, "<b> may hold text only")
        spans.append(Span(child.text or "", bold=True))
        if child.tail:
            spans.append(Span(child.tail))
    return _normalise(spans)


def _text_only(el: ET.Element) -> str:
    if len(el):
        raise _Bad(el, f"<{el.tag}> may hold text only")
    return _SPACE.sub(" ", el.text or "").strip()


def _normalise(spans: list[Span]) -> Inline:
    out: list[Span] = []
    for span in spans:
        text = _CJK_GAP.sub("", _SPACE.sub(" ", span.text))
        if not text:
            continue
        if out and out[-1].bold == span.bold:
            out[-1] = Span(out[-1].text + text, span.bold)
        else:
            out.append(Span(text, span.bold))
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold)
    return tuple(span for span in out if span.text)


def _no_loose_text(el: ET.Element) -> None:
    """Text between blocks would otherwise vanish: refuse it."""
    pieces = [(el, el.text)] + [(child, child.tail) for child in el]
    for owner, text in pieces:
        if text and text.strip():
            raise _Bad(owner, f"text outside any block near {text.strip()[:40]!r}; wrap it in <p>")
