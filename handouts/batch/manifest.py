"""Batch manifests: a ward's list of handouts in TOML, read and checked as a whole.

Every problem is collected, each naming the manifest, the line, the ``[[handout]]`` table and
the key, and reported in one ``InputError`` before anything is rendered or written: topics,
sections, languages and catalogs are looked up, the brand file is loaded and the output
names are worked out, so all that is left to fail later is rendering itself.
"""
from __future__ import annotations

import difflib
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..brand import PLACEHOLDER, Brand
from ..brandfile import load_brand
from ..errors import HandoutsError, InputError, located
from ..i18n.catalogs import SOURCE_LOCALE, load_catalog, normalise, resolve
from ..resources import catalog_folders
from ..tomlfile import key_lines, syntax_problem, value_kind
from ..topics import Topic, load_topic, search_path, select_sections, topic_ids
from .names import (
    DEFAULT_PATTERN,
    escape_problem,
    file_name,
    pattern_problems,
    sections_label,
)

MAX_COPIES = 1000
MAX_PACK_PAGES = 20_000  # a merged pack's pages, unless the manifest sets max_pages
MAX_MANIFEST_BYTES = 1024 * 1024
TOP_KEYS = ("brand", "pdf", "dir", "duplex", "sections", "paper", "large_print", "pattern", "allow_incomplete",
            "max_pages", "handout")
HANDOUT_KEYS = ("topic", "topics", "locales", "sections", "copies", "paper", "large_print", "allow_incomplete")
PAPERS = ("a4", "letter")
_SECTIONS_EXAMPLE = '["overview", "faq"] or ["all"]'



@dataclass(frozen=True)
class Entry:
    """One handout in one language, as a ``[[handout]]`` table asks for it."""

    index: int  # the [[handout]] table, counted from 1 in file order
    topic: str
    locale: str  # normalised, e.g. es_MX
    sections: tuple[str, ...]  # resolved, in topic order
    paper: Literal["a4", "letter"]
    copies: int
    allow_incomplete: bool
    name: str | None = None  # folder mode: the file name inside the folder
    large_print: bool = False


@dataclass(frozen=True)
class Manifest:
    """A checked manifest: where to print, with which brand, and the handouts in order."""

    path: Path
    brand: Brand
    brand_file: Path | None
    pack: Path | None  # pdf = : one merged print file
    folder: Path | None  # dir = : one file per distinct handout
    duplex: bool
    entries: tuple[Entry, ...]
    warnings: tuple[str, ...] = ()
    locales: tuple[Path, ...] = ()  # extra catalog folders from the command line
    max_pages: int = MAX_PACK_PAGES  # a merged pack's limit, checked before anything prints


def load_manifest(path: Path, *, locales: tuple[Path, ...] = ()) -> Manifest:
    """Read and check the manifest at ``path``; ``locales`` are extra catalog folders
    (``--locales``), looked for before the brand file's and the package's.

    Raises ``InputError`` listing every problem, each as ``file:line: key: message``.
    Paths in the manifest (brand, pdf, dir) are relative to the manifest's folder.
    """
    text = _read_text(path)
    check = _Check(path, _Lines(text))
    data = _parse(path, text)
    check.unknown_keys(data, TOP_KEYS, None)
    brand, brand_file, warnings = _brand(check, data)
    check.catalogs = catalog_folders(*locales, *filter(None, [brand.locales if brand else None]))
    pack, folder = _outputs(check, data)
    duplex = check.flag(data, "duplex", None, default=False)
    max_pages = _max_pages(check, data)
    defaults = _Defaults(
        sections=check.names(data, "sections", None, default=(), example=_SECTIONS_EXAMPLE),
        paper=check.paper(data, "paper", None),
        large_print=bool(check.flag(data, "large_print", None, default=False)),
        allow_incomplete=bool(check.flag(data, "allow_incomplete", None, default=False)),
        pattern=_pattern(check, data) if folder is not None else None,
    )
    if folder is None and "pattern" in data:
        warnings.append(located(path, "pattern names files in folder mode (dir =); a merged pack ignores it",
                                line=check.lines.line("pattern", None), key="pattern"))
    if folder is not None and duplex:
        warnings.append(located(path, "duplex pads handouts inside a merged pack (pdf =); in folder mode each file "
                                      "is its own print job and starts on a new sheet anyway",
                                line=check.lines.line("duplex", None), key="duplex"))
    entries: list[Entry] = []
    topics: dict[str, Topic | HandoutsError] = {}
    for index, table in enumerate(_handout_tables(check, data), start=1):
        entries.extend(_entries(check, index, table, defaults, brand, topics))
    if folder is not None:
        _check_clashes(check, entries, defaults.pattern or DEFAULT_PATTERN)
    handouts = sum(entry.copies for entry in entries)
    if pack is not None and max_pages is not None and handouts > max_pages:  # every handout has a page at least
        check.problem(f"the pack would hold {handouts:,} handouts, so more than {max_pages:,} pages; split it, or "
                      f"raise max_pages", "max_pages" if "max_pages" in data else None, None)
    if check.problems:
        problems = list(dict.fromkeys(check.problems))
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        raise InputError(f"{path}: {count} in the manifest; nothing was printed", problems=problems)
    assert brand is not None and duplex is not None
    return Manifest(path=path, brand=brand, brand_file=brand_file, pack=pack, folder=folder, duplex=duplex,
                    entries=tuple(entries), warnings=tuple(warnings), locales=locales,
                    max_pages=max_pages or MAX_PACK_PAGES)


@dataclass(frozen=True)
class _Defaults:
    """The top-level values each [[handout]] falls back on."""

    sections: tuple[str, ...] | None
    paper: str | None
    large_print: bool
    allow_incomplete: bool
    pattern: str | None


# -- reading -------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a folder; give the manifest file (a .toml file)")
        if not stat.S_ISREG(info.st_mode):  # a pipe would block, a device never end
            raise InputError(f"{path}: is not a regular file (a pipe or device); give the manifest file")
        with path.open("rb") as handle:
            data = handle.read(MAX_MANIFEST_BYTES + 1)
        if len(data) > MAX_MANIFEST_BYTES:
            raise InputError(f"{path}: is too big for a manifest (over 1 MB)")
    except FileNotFoundError:
        raise InputError(f"{path}: manifest file does not exist") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the manifest: {exc.strerror}") from None
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(located(path, f"not UTF-8 text (byte offset {exc.start}): save it as UTF-8",
                                 line=line)) from None


def _parse(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = syntax_problem(exc, text)
        column = f" at column {found.column}" if found.column else ""
        hint = ': text goes in double quotes, e.g. topic = "milia"' if found.reason.startswith("Invalid value") else ""
        raise InputError(f"{path}: cannot read the manifest", problems=[
            located(path, f"TOML syntax error{column}: {found.reason}{hint}", line=found.line)]) from None
    except RecursionError:
        raise InputError(f"{path}: cannot read the manifest: its tables or lists are nested too deeply") from None


class _Lines:
    """Which line each key is on, top level and per ``[[handout]]`` (tomllib keeps no positions).

    A line scanner used only to point at lines in messages, never to read values.
    """

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.handouts: list[dict[str, int]] = []
        current: dict[str, int] = self.top
        for found in key_lines(text):
            if found.header and found.array and found.key == ("handout",):
                current = {"": found.number}
                self.handouts.append(current)
            elif found.header:
                self.top.setdefault(found.key[0], found.number)
                current = {}
            else:
                current.setdefault(found.key[0], found.number)

    def line(self, key: str | None, index: int | None) -> int | None:
        if index is None:
            return self.top.get(key) if key else None
        if index > len(self.handouts):
            return self.top.get("handout")
        table = self.handouts[index - 1]
        return table.get(key, table[""]) if key else table[""]


class _Check:
    """Typed access to the parsed manifest; each problem recorded with file, line and key."""

    def __init__(self, path: Path, lines: _Lines) -> None:
        self.path, self.lines = path, lines
        self.folder = path.parent
        self.problems: list[str] = []
        self.catalogs: tuple[Path, ...] = catalog_folders()

    def problem(self, message: str, key: str | None, index: int | None, *, line: int | None = None) -> None:
        where = key if index is None else f"[[handout]] #{index}" + (f" {key}" if key else "")
        self.problems.append(located(self.path, message, line=line or self.lines.line(key, index), key=where))

    def unknown_keys(self, table: dict, allowed: tuple[str, ...], index: int | None) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            if close:
                hint = f"; did you mean {close[0]!r}?"
            elif index is None and key in HANDOUT_KEYS:
                hint = ": it belongs inside a [[handout]] table"
            else:
                hint = f"; {'a [[handout]] table' if index else 'the manifest'} takes {', '.join(allowed)}"
            self.problem(f"unknown key {key!r}{hint}", key, index)

    def text(self, table: dict, key: str, index: int | None) -> str | None:
        """Non-empty one-line text, stripped; ``None`` when absent or wrong."""
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"expected text in double quotes, got {value_kind(value, show_number=True)}", key, index)
            return None
        if not value.strip() or "\n" in value:
            self.problem("expected one line of text" if value.strip() else "is empty", key, index)
            return None
        return value.strip()

    def flag(self, table: dict, key: str, index: int | None, *, default: bool) -> bool | None:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"expected true or false, got {value_kind(value, show_number=True)}", key, index)
            return None
        return value

    def names(self, table: dict, key: str, index: int | None, default: tuple[str, ...] | None,
              example: str) -> tuple[str, ...] | None:
        """A non-empty list of text; ``default`` when absent, ``None`` when wrong."""
        if key not in table:
            return default
        value = table[key]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            got = "an empty list" if value == [] else value_kind(value, show_number=True)
            self.problem(f"expected a list of text such as {key} = {example}, got {got}", key, index)
            return None
        return tuple(v.strip() for v in value)

    def paper(self, table: dict, key: str, index: int | None) -> str | None:
        value = self.text(table, key, index)
        if value is not None and value.lower() not in PAPERS:
            self.problem(f"{value!r} is not a paper size; use \"a4\" or \"letter\"", key, index)
            return None
        return value.lower() if value else None


# -- top level -----------------------------------------------------------------


def _brand(check: _Check, data: dict) -> tuple[Brand | None, Path | None, list[str]]:
    """The brand, its file and its warnings; ``None`` when the brand file cannot be used."""
    if "brand" not in data:
        note = located(check.path, "no brand file: the handouts print the sample clinic, with write-in lines "
                                   "for the phone and emergency numbers")
        return PLACEHOLDER, None, [note]
    name = check.text(data, "brand", None)
    if name is None:
        return None, None, []
    brand_file = check.folder / name
    try:
        brand, warnings = load_brand(brand_file)
    except InputError as exc:
        check.problem(f"the brand file cannot be used: {exc.message}", "brand", None)
        check.problems.extend(exc.problems)
        return None, None, []
    return brand, brand_file, warnings


def _outputs(check: _Check, data: dict) -> tuple[Path | None, Path | None]:
    """The merged pack (``pdf``) or the output folder (``dir``): exactly one of them."""
    if "pdf" in data and "dir" in data:
        check.problem("give either pdf = (one merged print file) or dir = (one file per handout), not both",
                      "dir", None)
    elif "pdf" not in data and "dir" not in data:
        check.problem('no output: add pdf = "ward-pack.pdf" (one merged print file) or dir = "out" '
                      "(a folder with one file per handout)", None, None, line=1)
    pack = folder = None
    pdf = check.text(data, "pdf", None)
    if pdf is not None:
        if problem := escape_problem(pdf, "the manifest's folder"):
            check.problem(problem, "pdf", None)
        elif not pdf.lower().endswith(".pdf"):
            check.problem(f"{pdf!r} does not end in .pdf; for a folder of files write dir = {pdf!r}", "pdf", None)
        else:
            pack = check.folder / pdf
    out = check.text(data, "dir", None)
    if out is not None:
        if problem := escape_problem(out, "the manifest's folder"):
            check.problem(problem, "dir", None)
        else:
            folder = check.folder / out
    if pack and folder:
        return None, None
    return pack, folder


def _pattern(check: _Check, data: dict) -> str | None:
    if "pattern" not in data:
        return DEFAULT_PATTERN
    pattern = check.text(data, "pattern", None)
    if pattern is None:
        return None
    problems = pattern_problems(pattern)
    if not problems and not pattern.lower().endswith(".pdf"):
        problems.append(f"{pattern!r} does not end in .pdf")
    if not problems and (problem := escape_problem(pattern, "the output folder")):
        problems.append(problem)
    for problem in problems:
        check.problem(problem, "pattern", None)
    return None if problems else pattern


def _handout_tables(check: _Check, data: dict) -> list[dict]:
    tables = data.get("handout")
    if tables is None:
        check.problem("no handouts: add a [[handout]] table for each topic, e.g.\n"
                      '    [[handout]]\n    topic = "milia"\n    locales = ["en"]', None, None)
        return []
    if isinstance(tables, dict):
        check.problem("write [[handout]] with double brackets (one table per handout), not [handout]",
                      "handout", None)
        return []
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        check.problem(f"expected [[handout]] tables, got {value_kind(tables, show_number=True)}", "handout", None)
        return []
    return tables


# -- one [[handout]] -----------------------------------------------------------


def _entries(check: _Check, index: int, table: dict, defaults: _Defaults, brand: Brand | None,
             topics: dict[str, Topic | HandoutsError]) -> list[Entry]:
    """The entries (one per topic and language) a [[handout]] table asks for; none if it has a problem."""
    before = len(check.problems)
    check.unknown_keys(table, HANDOUT_KEYS, index)
    topic_ids = _topic_ids(check, table, index)
    tags = check.names(table, "locales", index, default=None, example='["en", "es"]')
    if "locales" not in table:
        check.problem('missing required key: add locales = ["en", ...]', "locales", index)
    sections = check.names(table, "sections", index, default=defaults.sections, example=_SECTIONS_EXAMPLE)
    copies = _copies(check, table, index)
    paper = check.paper(table, "paper", index) or defaults.paper
    large_print = check.flag(table, "large_print", index, default=defaults.large_print)
    allow_incomplete = check.flag(table, "allow_incomplete", index, default=defaults.allow_incomplete)
    # Without the brand its template folder is unknown, so topics cannot be looked up.
    chosen: list[tuple[Topic, tuple[str, ...]]] = []
    for topic_id in topic_ids if brand else ():
        topic = _topic(check, index, topic_id, brand, topics, key="topics" if "topics" in table else "topic")
        picked = _sections(check, index, topic, sections, "sections" in table) if topic and sections is not None else None
        if topic and picked:
            chosen.append((topic, picked))
    locales = _locales(check, index, tags) if tags else None
    if len(check.problems) > before or not (chosen and locales and copies and brand):
        return []
    return [
        Entry(index=index, topic=topic.id, locale=locale, sections=picked,
              paper=(paper or brand.paper), copies=copies,  # type: ignore[arg-type]
              # English is the source text: it cannot be incomplete, so the flag makes no other handout.
              allow_incomplete=bool(allow_incomplete) and resolve(locale) != SOURCE_LOCALE,
              large_print=bool(large_print),
              name=_name(check, index, defaults.pattern, topic, locale, picked, paper or brand.paper))
        for topic, picked in chosen
        for locale in locales
    ]


def _topic_ids(check: _Check, table: dict, index: int) -> tuple[str, ...]:
    """The topic (``topic = "milia"``) or topics (``topics = ["milia", ...]``) of a table."""
    if "topic" in table and "topics" in table:
        check.problem("give either topic = \"...\" or topics = [...], not both", "topics", index)
        return ()
    if "topics" in table:
        found = check.names(table, "topics", index, default=None, example='["milia", "cradle-cap"]') or ()
        for twice in sorted({t for t in found if found.count(t) > 1}):
            check.problem(f"{twice!r} is listed twice", "topics", index)
        return found
    if "topic" not in table:
        check.problem('missing required key: add topic = "..." or topics = [...] (see handouts list topics)', "topic",
                      index)
        return ()
    topic_id = check.text(table, "topic", index)
    return (topic_id,) if topic_id else ()


def _max_pages(check: _Check, data: dict) -> int | None:
    value = data.get("max_pages", MAX_PACK_PAGES)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        check.problem(f"expected a whole number of pages above 0, got {value_kind(value, show_number=True)}",
                      "max_pages", None)
        return None
    return value


def _copies(check: _Check, table: dict, index: int) -> int | None:
    value = table.get("copies", 1)
    if isinstance(value, bool) or not isinstance(value, int):
        whole = isinstance(value, float) and value.is_integer()
        hint = f": write copies = {int(value)}" if whole else ""
        check.problem(f"expected a whole number of copies, got {value_kind(value, show_number=True)}{hint}", "copies", index)
        return None
    if value < 1:
        check.problem(f"{value} is below 1; to print none, remove the [[handout]] table", "copies", index)
        return None
    if value > MAX_COPIES:
        check.problem(f"{value} is above the limit of {MAX_COPIES:,} copies per handout", "copies", index)
        return None
    return value


def _topic(check: _Check, index: int, topic_id: str, brand: Brand,
           topics: dict[str, Topic | HandoutsError], *, key: str = "topic") -> Topic | None:
    path = search_path(brand.templates)
    if topic_id not in topics:
        try:
            topics[topic_id] = load_topic(topic_id, path)
        except HandoutsError as exc:
            topics[topic_id] = exc
    found = topics[topic_id]
    if isinstance(found, Topic):
        return found
    close = difflib.get_close_matches(topic_id, topic_ids(path), n=1)
    hint = f"; did you mean {close[0]!r}?" if close and close[0] != topic_id else ""
    check.problem(f"{found}{hint}", key, index)
    return None


def _sections(check: _Check, index: int, topic: Topic, sections: tuple[str, ...],
              own: bool) -> tuple[str, ...] | None:
    try:
        return select_sections(topic, sections)
    except HandoutsError as exc:
        if own:
            check.problem(exc.message, "sections", index)
        else:
            check.problem(f"{exc.message} (from the manifest's default sections, line "
                          f"{check.lines.line('sections', None)})", None, index)
        return None


def _locales(check: _Check, index: int, tags: tuple[str, ...]) -> tuple[str, ...] | None:
    found: list[str] = []
    for tag in tags:
        try:
            resolve(tag, check.catalogs)
            locale = normalise(tag)
            load_catalog(tag, check.catalogs)
        except HandoutsError as exc:
            check.problem(str(exc), "locales", index)
            continue
        if locale in found:
            check.problem(f"{tag!r} is listed twice (as {locale})", "locales", index)
        found.append(locale)
    return tuple(dict.fromkeys(found)) or None


def _name(check: _Check, index: int, pattern: str | None, topic: Topic, locale: str,
          sections: tuple[str, ...], paper: str) -> str | None:
    """The file name in folder mode (``pattern`` is ``None`` for a merged pack)."""
    if pattern is None:
        return None
    name = file_name(pattern, topic=topic.id, locale=locale, sections=sections_label(sections, topic.sections),
                     paper=paper)
    if problem := escape_problem(name, "the output folder"):
        check.problem(f"the file name {problem}", None, index)
        return None
    return name


def _check_clashes(check: _Check, entries: list[Entry], pattern: str) -> None:
    """Two different handouts must not map to one file. The same handout asked for twice
    is one file, printed for all its copies."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.name is None:
            continue
        first = seen.setdefault(entry.name.casefold(), entry)
        differs = [what for what in ("topic", "locale", "sections", "paper", "large_print", "allow_incomplete")
                   if getattr(first, what) != getattr(entry, what)]
        if differs:
            placeholders = [f"{{{what}}}" for what in differs if what not in ("allow_incomplete", "large_print")]
            fix = (f"add {' or '.join(placeholders)} to pattern (now {pattern!r})" if placeholders
                   else f"give both the same {' and '.join(differs)}, or name their files apart in pattern")
            check.problem(f"file name {entry.name!r} is also the name of [[handout]] #{first.index} "
                          f"({first.topic}, {first.locale}), which differs in {', '.join(differs)}: {fix}",
                          None, entry.index)
