"""Which catalog serves a request, and loading it as checked gettext translations."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from ..errors import InputError, RequestError
from ..resources import catalog_folders
from .checks import check_bytes, check_catalog, empty_forms

SOURCE_LOCALE = "en"
DOMAIN = "handouts"
_REVIEW_FIELD = re.compile(r"^#\s*(Translator|Reviewer|Review-Date|Review-Due|Review-Status)\s*:\s*(.*?)\s*$", re.M)
_COVERS = re.compile(r"^#\s*Review-Covers\s*:\s*(.*?)\s*$", re.M)


@dataclass(frozen=True)
class Review:
    """Who translated and reviewed a catalog, from its header comment, and which messages
    the review covered (a short digest of each English message with its translation)."""

    translator: str = ""
    reviewer: str = ""
    date: str = ""
    status: str = "draft"
    covers: frozenset[str] = frozenset()
    due: str = ""

    @property
    def draft(self) -> bool:
        return self.status.lower() != "reviewed"

    @property
    def due_date(self) -> dt.date | None:
        """When the translation's next review is due (``Review-Due: 2028-12-01``), if set."""
        try:
            return dt.date.fromisoformat(self.due) if self.due else None
        except ValueError:
            return None

    def changed(self, current: dict[str, str], keys: object = None) -> int:
        """How many of ``keys`` (default: all) differ from what the review covered."""
        wanted = current if keys is None else {k: current.get(k, "") for k in keys}  # type: ignore[union-attr]
        return sum(1 for digest in wanted.values() if digest not in self.covers)

    def describe(self, current: dict[str, str]) -> str:
        """``draft``, ``reviewed``, or ``reviewed (stale: N messages changed since review)``."""
        if self.draft:
            return "draft"
        changed = self.changed(current)
        return f"reviewed (stale: {changed} messages changed since review)" if changed else "reviewed"


def message_key(message) -> str:
    """The key gettext looks a message up by: its id (singular for plurals), with context."""
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"{message.context}\x04{msgid}" if message.context else msgid


def message_digest(key: str, string: object) -> str:
    """Six hex digits that change when the English or its translation changes."""
    strings = string if isinstance(string, tuple) else (string,)
    return hashlib.sha256("\x00".join((key, *strings)).encode("utf-8")).hexdigest()[:6]


def current_digests(catalog: PoCatalog) -> dict[str, str]:
    """Each message's key and digest as the catalog stands now; "" for a message that is
    untranslated or fuzzy (as after 'i18n update' brought new English), which no review
    covers."""
    return {message_key(m): message_digest(message_key(m), m.string) if not m.fuzzy and _has_translation(m) else ""
            for m in catalog if m.id}


@dataclass(frozen=True)
class Stats:
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def complete(self) -> float:
        return self.translated / self.total if self.total else 1.0


@dataclass(frozen=True)
class Catalog:
    """The translations that serve one locale."""

    locale: str
    translations: NullTranslations
    direction: str = "ltr"
    review: Review = Review(status="reviewed")
    path: Path | None = None
    stats: Stats | None = None
    digests: dict[str, str] = field(default_factory=dict)

    @property
    def draft(self) -> bool:
        return self.review.draft


Folders = Path | tuple[Path, ...] | None


def _folders(root: Folders) -> tuple[Path, ...]:
    if root is None:
        return catalog_folders()
    return (root,) if isinstance(root, Path) else root


def po_path(locale: str, root: Folders = None) -> Path:
    """The catalog file for ``locale``: in ``root`` when it is one folder, else in the first
    folder of the search path that has one (the first folder when none has)."""
    folders = _folders(root)
    paths = [folder / locale / "LC_MESSAGES" / f"{DOMAIN}.po" for folder in folders]
    return next((path for path in paths if path.is_file()), paths[0])


def available_locales(root: Folders = None) -> list[str]:
    """The source locale and every locale with a catalog in any folder, sorted."""
    shipped = {p.parent.parent.name for folder in _folders(root) for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return [SOURCE_LOCALE, *sorted(shipped - {SOURCE_LOCALE})]


def normalise(tag: str, root: Folders = None) -> str:
    """``es-MX``, ``es_MX`` and ``ES_mx`` name the same locale: return Babel's ``es_MX``."""
    try:
        return str(Locale.parse(tag.strip().replace("-", "_")))
    except (ValueError, TypeError, UnknownLocaleError):
        raise RequestError(f"unknown locale {tag!r}; available: {', '.join(available_locales(root))}") from None


def _maximise(tag: str) -> tuple[str, str | None]:
    """Language and script of ``tag`` with likely subtags filled in (zh -> zh_Hans)."""
    locale = Locale.parse(tag)
    script = locale.script
    if script is None:
        likely = get_global("likely_subtags")
        for key in (f"{locale.language}_{locale.territory}" if locale.territory else None, locale.language):
            if key and key in likely:
                script = Locale.parse(likely[key]).script
                break
    return locale.language, script


def resolve(tag: str, root: Folders = None) -> str:
    """The shipped catalog nearest to ``tag``: the same language in the same script.

    ``es_MX`` -> ``es``; ``zh`` and ``zh_CN`` -> ``zh_Hans``; ``zh_TW`` (Traditional) is not
    served by ``zh_Hans`` and is an error.
    """
    wanted = normalise(tag, root)
    available = available_locales(root)
    if wanted in available:
        return wanted
    language, script = _maximise(wanted)
    for candidate in available:
        if _maximise(candidate) == (language, script):
            return candidate
    raise RequestError(f"no catalog for locale {tag!r}; available: {', '.join(available)}")


MAX_CATALOG_BYTES = 4 * 1024 * 1024  # the largest shipped catalog is under 200 kB


def read_catalog(path: Path, locale: str | None = None) -> PoCatalog:
    """Read a .po file strictly: encoding, syntax and header problems are errors."""
    data = _catalog_bytes(path)
    problems = check_bytes(path, data)
    if problems:
        raise InputError(str(problems[0]))
    try:
        return read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    except PoFileError as exc:
        raise InputError(f"{path}: not a valid gettext catalog: {exc}") from None
    except (ValueError, LookupError, UnknownLocaleError) as exc:  # LookupError: an unknown charset
        raise InputError(f"{path}: the catalog header is not valid: {exc}") from None


def _catalog_bytes(path: Path) -> bytes:
    """A catalog's bytes: only from a regular file, and only up to ``MAX_CATALOG_BYTES``."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError(f"{path}: is not a regular file (a folder, pipe or device); a catalog is a .po file")
        with path.open("rb") as handle:
            data = handle.read(MAX_CATALOG_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the catalog: {exc.strerror}") from None
    if len(data) > MAX_CATALOG_BYTES:
        raise InputError(f"{path}: over {MAX_CATALOG_BYTES // (1024 * 1024)} MB, too big for a catalog")
    return data


def review_of(catalog: PoCatalog) -> Review:
    comment = catalog.header_comment or ""
    fields = dict(_REVIEW_FIELD.findall(comment))
    return Review(
        translator=fields.get("Translator", ""),
        reviewer=fields.get("Reviewer", ""),
        date=fields.get("Review-Date", ""),
        due=fields.get("Review-Due", ""),
        status=fields.get("Review-Status", "draft") or "draft",
        covers=frozenset(" ".join(_COVERS.findall(comment)).split()),
    )


def stats_of(catalog: PoCatalog) -> Stats:
    messages = [m for m in catalog if m.id]
    fuzzy = sum(1 for m in messages if m.fuzzy and m.string)
    translated = sum(1 for m in messages if not m.fuzzy and _has_translation(m))
    return Stats(translated, fuzzy, len(messages) - translated - fuzzy)


def _has_translation(message) -> bool:
    return all(message.string) if isinstance(message.string, tuple) else bool(message.string)


def checked_catalog(path: Path, locale: str) -> PoCatalog:
    """Read a catalog and refuse it, listing every problem, unless it passes the checks."""
    po = read_catalog(path, locale)
    problems = check_catalog(path, po)
    if problems:
        raise InputError(f"{path}: the {locale} catalog has {len(problems)} problem(s)",
                         problems=[str(p) for p in problems])
    return po


def compiled_translations(po: PoCatalog, domain: str = DOMAIN) -> Translations:
    """A checked catalog as gettext translations, compiled in memory."""
    return Translations(fp=_compiled(po), domain=domain)


def file_digest(path: Path) -> str:
    """A catalog's content hash: caches key on it, never on the file's date."""
    return hashlib.sha256(_catalog_bytes(path)).hexdigest()


@lru_cache(maxsize=32)
def _load(locale: str, path: Path, content: str) -> Catalog:
    """Parse, check and compile a catalog (cached by its content's hash, never its date)."""
    po = checked_catalog(path, locale)
    translations = compiled_translations(po)
    return Catalog(locale=locale, translations=translations, direction=Locale.parse(locale).text_direction,
                   review=review_of(po), path=path, stats=stats_of(po), digests=current_digests(po))


def _compiled(po: PoCatalog) -> io.BytesIO:
    """The checked catalog compiled in memory. A .mo beside the .po is never trusted: file
    dates lie after ``cp -p`` or unzipping, and the .po is what was checked.

    A plural message with an empty form is left out: Babel would fill the gap with the
    English plural, and the handout would print English as if it were translated."""
    gaps = {id(m) for m in po if m.id and empty_forms(m)}
    buffer = io.BytesIO()
    write_mo(buffer, _Leaving(po, gaps), use_fuzzy=False)
    buffer.seek(0)
    return buffer


class _Leaving:
    """A catalog as ``write_mo`` reads it, less some of its messages (a view: copying a
    whole catalog to drop a few took a third of loading it)."""

    def __init__(self, po: PoCatalog, left_out: set[int]) -> None:
        self._po, self._left_out = po, left_out

    def __iter__(self):
        return (message for message in self._po if id(message) not in self._left_out)

    def __getattr__(self, name: str):
        return getattr(self._po, name)


def load_catalog(tag: str, root: Folders = None) -> Catalog:
    """The checked catalog for ``tag`` or its nearest relative, from the first folder of the
    search path that has one."""
    locale = resolve(tag, root)
    if locale == SOURCE_LOCALE:
        return Catalog(SOURCE_LOCALE, NullTranslations())
    path = po_path(locale, root)
    return _load(locale, path, file_digest(path))


class RecordingTranslations(NullTranslations):
    """Translations that remember every message the catalog does not translate, so a
    handout can refuse (or mark itself) instead of printing English silently.

    With ``isolate`` (a right-to-left handout), English printed in place of a missing
    translation is wrapped in directional isolates (U+2066 ... U+2069): it then reads left
    to right as one run, its punctuation on the right side ("Leaflet X, version 2.0.")."""

    def __init__(self, inner: NullTranslations, *, source: bool, isolate: bool = False) -> None:
        super().__init__()
        self.inner = inner
        self.known = getattr(inner, "_catalog", {})
        self.source = source
        self.isolate = isolate
        self.missing: list[str] = []
        self.used: set[str] = set()

    def _note(self, key: object, msgid: str, text: str) -> str:
        self.used.add(key[0] if isinstance(key, tuple) else key)  # type: ignore[index]
        if self.source or key in self.known:
            return text
        if msgid not in self.missing:
            self.missing.append(msgid)
        return f"\u2066{text}\u2069" if self.isolate else text

    def gettext(self, message: str) -> str:
        return self._note(message, message, self.inner.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._note((singular, 0), singular, self.inner.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> str:
        return self._note(f"{context}\x04{message}", message, self.inner.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._note((f"{context}\x04{singular}", 0), singular,
                          self.inner.npgettext(context, singular, plural, n))
