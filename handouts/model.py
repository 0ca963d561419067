"""The document model: what a handout says, independent of how it is rendered.

Everything here is plain, immutable data. The markup parser produces it; renderers
consume it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

CalloutKind = Literal["info", "warning", "urgent"]
Level = Literal["routine", "urgent", "emergency"]
ListKind = Literal["bullet", "numbered", "do", "dont"]


@dataclass(frozen=True)
class Span:
    """A run of text, bold or not."""

    text: str
    bold: bool = False


Inline = tuple[Span, ...]


def plain(inline: Inline) -> str:
    """The inline text without formatting."""
    return "".join(span.text for span in inline)


@dataclass(frozen=True)
class Heading:
    text: Inline


@dataclass(frozen=True)
class Paragraph:
    text: Inline


@dataclass(frozen=True)
class ItemList:
    kind: ListKind
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Row:
    cells: tuple[Inline, ...]
    level: Level | None = None


@dataclass(frozen=True)
class Table:
    header: Row
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Callout:
    kind: CalloutKind
    title: Inline | None
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class CareCard:
    """When and where to get help, at one urgency level (the NHS care-card pattern): a
    title that says what to do, then the signs (paragraphs or lists). The level prints in
    words as well as colour."""

    level: Level
    title: Inline
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class WriteIn:
    """Labelled blank lines for the reader to fill in by hand (a date, questions)."""

    title: Inline | None
    fields: tuple[tuple[Inline, int], ...]  # label, number of blank lines


@dataclass(frozen=True)
class QA:
    question: Inline
    answer: Inline


@dataclass(frozen=True)
class Figure:
    """A picture from the topic's folder, with its caption and, optionally, the blocks that
    go beside it (the steps the picture shows). ``image`` holds the bytes to print (PNG or
    JPEG, scaled for print) once the build has found the file."""

    source: str
    caption: Inline
    image: bytes | None = None
    beside: tuple["Block", ...] = ()


Block = Heading | Paragraph | ItemList | Table | Callout | CareCard | WriteIn | QA | Figure


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Contact:
    """How to reach the clinic, as printed on the handout."""

    name: str
    department: str | None
    phone: str
    address: tuple[str, ...]
    website: str
    email: str | None
    emergency_number: str
    urgent_line: str | None
    placeholder: bool = False


@dataclass(frozen=True)
class Furniture:
    """Words and facts the page furniture prints (header, footer, contact box)."""

    code: str
    version: str
    footer_note: str | None
    credits: tuple[str, ...] = ()  # who translated and checked the text, where recorded
    labels: dict[str, str] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    online: str | None = None  # this handout's page on the clinic's hosted site, if it has one


@dataclass(frozen=True)
class Look:
    """The clinic's visual identity, as the renderer needs it."""

    primary: str = "#005EB8"
    accent: str = "#FFB81C"
    paper: Literal["a4", "letter"] = "a4"
    logo: bytes | None = None
    large_print: bool = False  # body 16 pt, one column, tables as stacked rows


@dataclass(frozen=True)
class Document:
    """One handout, ready to render."""

    topic: str
    title: str
    locale: str
    direction: Literal["ltr", "rtl"]
    sections: tuple[Section, ...]
    contact: Contact
    furniture: Furniture
    look: Look = Look()
    created: dt.datetime | None = None
