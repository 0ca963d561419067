"""Catalog checks: what a translation must keep from its English source.

Used by ``handouts i18n check``, by the build (a broken catalog never prints), and by the
test suite for every shipped catalog.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
TAG = re.compile(r"</?\s*([a-zA-Z]+)[^>]*>")
PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    msgid: str
    text: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        short = self.msgid if len(self.msgid) <= 60 else self.msgid[:57] + "..."
        return f"{where}: msgid {short!r}: {self.text}" if self.msgid else f"{where}: {self.text}"


def check_bytes(path: Path, data: bytes) -> list[Problem]:
    """Encoding problems that stop the file from being read at all."""
    if data.startswith(b"\xef\xbb\xbf"):
        return [Problem(path, 1, "", "the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM")]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [Problem(path, line, "", f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]
    return []


def check_catalog(path: Path, catalog: Catalog) -> list[Problem]:
    """Every problem that would make a translated handout wrong."""
    problems = _check_plural_header(path, catalog)
    for message in catalog:
        if not message.id or not message.string:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
            problems.append(_problem(path, message, f"has {len(strings)} plural forms, the header says {catalog.num_plurals}"))
        for string in strings:
            if not string:
                continue
            problems.extend(_compare(path, message, sources, string))
    return problems


def _compare(path: Path, message: Message, sources: tuple[str, ...], string: str) -> list[Problem]:
    out = []
    want = set().union(*(_placeholders(s) for s in sources))
    have = _placeholders(string)
    for name in sorted(want - have):
        out.append(_problem(path, message, f"the translation drops the placeholder %({name})s; it must keep it"))
    for name in sorted(have - want):
        out.append(_problem(path, message, f"the translation has a placeholder %({name})s that the English does not have"))
    if Counter(_tags(sources[0])) != Counter(_tags(string)):
        out.append(_problem(path, message,
                            f"inline markup differs: English has {_tag_list(sources[0])}, translation has {_tag_list(string)}"))
    return out


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def _tags(text: str) -> list[str]:
    return [m.group(0).replace(" ", "") for m in TAG.finditer(text)]


def _tag_list(text: str) -> str:
    tags = _tags(text)
    return " ".join(tags) if tags else "no tags"


def _problem(path: Path, message: Message, text: str) -> Problem:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return Problem(path, getattr(message, "lineno", None), msgid, text)


def _check_plural_header(path: Path, catalog: Catalog) -> list[Problem]:
    header = dict((k.lower(), v) for k, v in catalog.mime_headers).get("plural-forms")
    if header is None:
        return [Problem(path, None, "", "the header has no Plural-Forms line")]
    match = PLURAL_FORMS.match(header)
    if not match:
        return [Problem(path, None, "", f"the Plural-Forms header is not valid: {header!r}")]
    expected = get_plural(Locale.parse(str(catalog.locale))) if catalog.locale else None
    if expected is not None and int(match.group(1)) != expected.num_plurals:
        return [Problem(path, None, "", f"Plural-Forms says nplurals={match.group(1)}, but "
                                        f"{catalog.locale} has {expected.num_plurals} plural forms")]
    return []
