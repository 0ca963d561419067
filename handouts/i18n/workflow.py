"""The translator's workflow over Babel's API: extract, init, update, compile, check, stats.

The files stay standard gettext (.pot/.po) that Poedit and Weblate open. Review status lives
in the catalog's header comment, which those tools keep:

    # Translator: Ana Pérez
    # Reviewer: Dr Luis Gómez
    # Review-Date: 2026-11-20
    # Review-Status: reviewed        (or: draft)
"""
from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from ..errors import InputError, OutputError, RequestError
from ..fontfiles import script_family
from ..output import write_atomic
from ..pdf.fonts import printable
from ..resources import LOCALES_DIR
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
from .checks import Problem, check_catalog, empty_forms
from .extract import extract_catalog, pot_bytes
from .plurals import plural_forms
from .scripts import likely_script

POT_NAME = f"{DOMAIN}.pot"
WEB_DOMAIN = "web"  # the staff page (handouts serve); a language without it shows the page in English
WEB_POT = f"{WEB_DOMAIN}.pot"
WEB_CONFIG = "babel-web.cfg"

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
    if (root / WEB_CONFIG).is_file():  # the staff page's own words: their own domain and template
        write_atomic(locales / WEB_POT, pot_bytes(extract_catalog(root, WEB_CONFIG, WEB_DOMAIN)))
    return len(catalog)


def _template(locales: Path, path: Path | None = None) -> PoCatalog:
    """The English template: ``locales/handouts.pot``, else the one shipped with the package."""
    path = path or locales / POT_NAME
    if not path.is_file():
        path = LOCALES_DIR / POT_NAME
    if not path.is_file():
        raise InputError(f"{locales / POT_NAME}: no template catalog; run 'handouts i18n extract' in a source checkout")
    return read_catalog(path)


def init(locale: str, locales: Path, translator: str = "", *, template: Path | None = None,
         now: dt.datetime | None = None) -> Path:
    """Start a catalog for a new locale from the template; refuse to overwrite one.

    The header is filled in as msginit would: the translator as Last-Translator, the date,
    the language, and the plural rule gettext tools expect."""
    try:
        parsed = Locale.parse(locale.strip().replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise RequestError(f"{locale!r} is not a language code CLDR knows; give an ISO 639 code with an optional "
                           "script or region, such as fr, pt_BR, so, ur, zh_Hant") from None
    locale = str(parsed)
    path = po_path(locale, locales)
    if path.exists():
        raise OutputError(f"{path}: a catalog for {locale} exists already; use 'handouts i18n update'")
    source = _template(template.parent if template else locales, template)
    now = now or dt.datetime.now(dt.timezone.utc)
    catalog = PoCatalog(locale=locale, domain=DOMAIN, project="handouts", version=source.version,
                        charset="utf-8", fuzzy=False, revision_date=now, last_translator=translator or "",
                        language_team=parsed.english_name, msgid_bugs_address="",
                        header_comment=HEADER.format(name=parsed.english_name, translator=translator or "none yet"))
    catalog.mime_headers = [("Plural-Forms", plural_forms(locale))]
    catalog.update(source)
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
        web = path.with_name(f"{WEB_DOMAIN}.po")
        if web.is_file() and (locales / WEB_POT).is_file():
            page = read_catalog(web, locale)
            page.update(read_catalog(locales / WEB_POT), no_fuzzy_matching=False, update_header_comment=False)
            _write(web, page)
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
        f"{path}:{m.lineno}: {_state(m)}: {_short(m.id)}"
        for m in catalog if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    )
    problems = (*check_catalog(path, catalog), *_unprintable(path, catalog))
    return LocaleReport(locale, stats_of(catalog), review_of(catalog), problems, incomplete, current_digests(catalog))


def font_warning(locale: str) -> str | None:
    """Why handouts cannot print ``locale`` yet, when no bundled font serves its script."""
    if script_family(locale) is not None:
        return None
    script = likely_script(locale) or "unknown"
    return (f"no bundled font covers the {script} script of {locale!r}: handouts in it cannot print until one is "
            "added (locales/README.md, 'Scripts and fonts')")


def _unprintable(path: Path, catalog: PoCatalog) -> list[Problem]:
    """Characters no bundled font has: the build would stop on them, so name them now."""
    problems = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        missing = sorted({c for string in strings if string for c in string if not printable(c)})
        if message.id and missing:
            shown = ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, '?')})" for c in missing[:3])
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            problems.append(Problem(path, message.lineno, msgid, f"no bundled font has {shown}"))
    return problems


def reports(locales: Path, only: str | None = None) -> list[LocaleReport]:
    shipped = available_locales(locales)[1:]
    if only is not None:
        wanted = normalise(only, locales)
        if wanted not in shipped:
            raise RequestError(f"no catalog for {only!r}; available: {', '.join(shipped)}")
        shipped = [wanted]
    return [report(locale, locales) for locale in shipped]


def _state(message) -> str:
    if message.fuzzy and message.string:
        return "fuzzy"
    empty = empty_forms(message)
    if empty:
        return "untranslated plural form " + ", ".join(f"msgstr[{n}]" for n in empty) + " (empty)"
    return "untranslated"


def _short(msgid: object) -> str:
    text = msgid[0] if isinstance(msgid, tuple) else str(msgid)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _write(path: Path, catalog: PoCatalog) -> None:
    buffer = io.BytesIO()
    # include_previous: a changed message keeps its old English as "#| msgid", so Poedit
    # and Weblate can show the translator what changed.
    write_po(buffer, catalog, width=100, omit_header=False, include_previous=True)
    write_atomic(path, buffer.getvalue())
