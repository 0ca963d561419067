"""Catalog checks: what a translation must keep from its English source.

Used by ``handouts i18n check``, by the build (a broken catalog never prints), and by the
test suite for every shipped catalog.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from .plurals import num_plurals, plural_forms

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
# A Python named conversion, with its type: %(total)s, %(count)d, %(share).1f ...
CONVERSION = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa%])")
# In a message filled in with "%" (its English has a placeholder), every "%" must start "%%"
# or a placeholder; any other "%" stops the build (Python: "unsupported format character").
_PERCENT = re.compile(r"%(?:%|\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa])|%")
# What a .po line may be (``#~`` obsolete lines are checked after their prefix).
_KEYWORD_LINE = re.compile(r'^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"\s*$')
_CONTINUATION = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')
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
    """Encoding and syntax problems that stop the file from being read correctly.

    Babel reads some broken lines without complaint (a string missing its closing quote
    loses its last letter: "Pas urgen"); GNU msgfmt refuses them, and so does this."""
    if data.startswith(b"\xef\xbb\xbf"):
        return [Problem(path, 1, "", "the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [Problem(path, line, "", f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]
    return _syntax(path, text)


def _syntax(path: Path, text: str) -> list[Problem]:
    problems = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
        elif line.startswith("#") or not line:
            continue
        if _KEYWORD_LINE.match(line) or _CONTINUATION.match(line):
            continue
        if line.count('"') % 2 or not line.rstrip().endswith('"'):
            reason = "a quoted string is not closed (a missing or extra \" quote)"
        else:
            reason = "this line is not gettext syntax (a keyword such as msgid/msgstr, then a quoted string)"
        problems.append(Problem(path, number, "", f"{reason}: {raw.strip()[:60]!r}"))
    return problems


def check_catalog(path: Path, catalog: Catalog) -> list[Problem]:
    """Every problem that would make a translated handout wrong.

    Fuzzy entries are skipped, as msgfmt skips them: they are never printed (they count as
    untranslated), and after ``i18n update`` their old translation is only a suggestion,
    which may well differ from the new English in its placeholders or tags."""
    problems = _check_plural_header(path, catalog)
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
            problems.append(_problem(path, message, f"has {len(strings)} plural forms, the header says {catalog.num_plurals}"))
        for string in strings:
            if not string:
                continue
            problems.extend(_compare(path, message, sources, string))
            problems.extend(_newlines(path, message, sources[0], string))
    return problems


def empty_forms(message: Message) -> list[int]:
    """The plural forms (msgstr[N]) left empty in a message that has some translated."""
    if not isinstance(message.string, tuple) or not any(message.string):
        return []
    return [index for index, string in enumerate(message.string) if not string]


def _newlines(path: Path, message: Message, source: str, string: str) -> list[Problem]:
    """As msgfmt --check: a translation starts and ends with a line break when its English does."""
    out = []
    if source.startswith("\n") != string.startswith("\n"):
        out.append(_problem(path, message, "the English and the translation differ in starting with a line break"))
    if source.endswith("\n") != string.endswith("\n"):
        out.append(_problem(path, message, "the English and the translation differ in ending with a line break"))
    return out


def _compare(path: Path, message: Message, sources: tuple[str, ...], string: str) -> list[Problem]:
    out = []
    want = set().union(*(_placeholders(s) for s in sources))
    have = _placeholders(string)
    for name in sorted(want - have):
        out.append(_problem(path, message, f"the translation drops the placeholder %({name})s; it must keep it"))
    for name in sorted(have - want):
        out.append(_problem(path, message, f"the translation has a placeholder %({name})s that the English does not have"))
    english = {name: kind for source in sources for name, kind in CONVERSION.findall(source)}
    for name, kind in CONVERSION.findall(string):
        if name in english and kind != english[name]:
            out.append(_problem(path, message, f"the placeholder %({name}){kind} must be %({name}){english[name]}, "
                                               f"as in the English (it would print wrongly)"))
    if want:
        for match in _PERCENT.finditer(string):
            if match.group(0) == "%":
                out.append(_problem(path, message, f"a lone % at {string[match.start():match.start() + 6]!r}: write %% "
                                                   f"for a percent sign (placeholders look like %(name)s)"))
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
    expected = num_plurals(str(catalog.locale)) if catalog.locale else None
    if expected is not None and int(match.group(1)) != expected:
        return [Problem(path, None, "", f"Plural-Forms says nplurals={match.group(1)}, but {catalog.locale} has "
                                        f"{expected} plural forms in gettext: use {plural_forms(str(catalog.locale))!r}")]
    return []
