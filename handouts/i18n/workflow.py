"""The translator's workflow over Babel's API: extract, init, update, compile, check, stats.

The files stay standard gettext (.pot/.po) that Poedit and Weblate open. Review status lives
in the catalog's header comment, which those tools keep:

    # Translator: Ana Pérez
    # Reviewer: Dr Luis Gómez
    # Review-Date: 2026-11-20
    # Review-Status: reviewed        (or: draft)
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from ..errors import InputError, OutputError, RequestError
from ..output import write_atomic
from .catalogs import (
    DOMAIN,
    Review,
    Stats,
    available_locales,
    current_digests,
    normalise,
    po_path,
    read_catalog,
    review_of,
    stats_of,
)
from .checks import Problem, check_catalog
from .extract import extract_catalog, pot_bytes

POT_NAME = f"{DOMAIN}.pot"

HEADER = """\
# {name} translation of the handouts patient leaflets.
# Translator: {translator}
# Reviewer: none yet
# Review-Date: none yet
# Review-Status: draft
"""


@dataclass(frozen=True)
class LocaleReport:
    locale: str
    stats: Stats
    review: Review
    problems: tuple[Problem, ...]
    incomplete: tuple[str, ...]
    digests: dict[str, str] = field(default_factory=dict)

    @property
    def review_state(self) -> str:
        """``draft``, ``reviewed``, or ``reviewed (stale: N messages changed since review)``."""
        return self.review.describe(self.digests)


def extract(root: Path, locales: Path) -> int:
    """Write ``locales/handouts.pot`` from the sources named in ``babel.cfg``; return its size."""
    if not (root / "babel.cfg").is_file():
        raise InputError(f"{root}: no babel.cfg here; run this in a source checkout of handouts")
    catalog = extract_catalog(root)
    write_atomic(locales / POT_NAME, pot_bytes(catalog))
    return len(catalog)


def _template(locales: Path) -> PoCatalog:
    path = locales / POT_NAME
    if not path.is_file():
        raise InputError(f"{path}: no template catalog; run 'handouts i18n extract' first")
    return read_catalog(path)


def init(locale: str, locales: Path, translator: str = "") -> Path:
    """Start a catalog for a new locale from the template; refuse to overwrite one."""
    locale = normalise(locale, locales)
    path = po_path(locale, locales)
    if path.exists():
        raise OutputError(f"{path}: a catalog for {locale} exists already; use 'handouts i18n update'")
    template = _template(locales)
    catalog = PoCatalog(locale=locale, domain=DOMAIN, project="handouts", version=template.version,
                        charset="utf-8", fuzzy=False,
                        header_comment=HEADER.format(name=Locale.parse(locale).english_name,
                                                     translator=translator or "none yet"))
    catalog.update(template)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, catalog)
    return path


def update(locales: Path) -> list[tuple[str, Stats]]:
    """Merge the template into every catalog. Entries whose English changed become fuzzy
    (or untranslated), so a stale translation never prints as current."""
    template = _template(locales)
    out = []
    for locale in available_locales(locales)[1:]:
        path = po_path(locale, locales)
        catalog = read_catalog(path, locale)
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        _write(path, catalog)
        out.append((locale, stats_of(catalog)))
    return out


def compile_all(locales: Path) -> list[Path]:
    """Compile each checked catalog to .mo beside its .po (fuzzy entries left out)."""
    written = []
    for locale in available_locales(locales)[1:]:
        path = po_path(locale, locales)
        catalog = read_catalog(path, locale)
        problems = check_catalog(path, catalog)
        if problems:
            raise InputError(f"{path}: cannot compile, {len(problems)} problem(s)", problems=[str(p) for p in problems])
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        target = path.with_suffix(".mo")
        write_atomic(target, buffer.getvalue())
        written.append(target)
    return written


def report(locale: str, locales: Path) -> LocaleReport:
    """Everything a translator needs to know about one catalog."""
    path = po_path(locale, locales)
    catalog = read_catalog(path, locale)
    incomplete = tuple(
        f"{path}:{m.lineno}: {'fuzzy' if m.fuzzy and m.string else 'untranslated'}: {_short(m.id)}"
        for m in catalog if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    )
    return LocaleReport(locale, stats_of(catalog), review_of(catalog), tuple(check_catalog(path, catalog)), incomplete,
                        current_digests(catalog))


def reports(locales: Path, only: str | None = None) -> list[LocaleReport]:
    shipped = available_locales(locales)[1:]
    if only is not None:
        wanted = normalise(only, locales)
        if wanted not in shipped:
            raise RequestError(f"no catalog for {only!r}; available: {', '.join(shipped)}")
        shipped = [wanted]
    return [report(locale, locales) for locale in shipped]


def _short(msgid: object) -> str:
    text = msgid[0] if isinstance(msgid, tuple) else str(msgid)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _write(path: Path, catalog: PoCatalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False)
    write_atomic(path, buffer.getvalue())
