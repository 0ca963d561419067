"""The staff page's own words, in the page's language.

They live in their own gettext domain, ``web`` (``locales/LANG/LC_MESSAGES/web.po``, made
from ``locales/web.pot``), so the handouts' catalogs stay about the handouts. A language
with no ``web.po`` shows the page in English; its handouts are still printed in it.
"""
from __future__ import annotations

from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale, negotiate_locale

from ..i18n.catalogs import SOURCE_LOCALE, checked_catalog, compiled_translations, file_digest

DOMAIN = "web"


def page_languages(folders: tuple[Path, ...]) -> list[str]:
    """English and every language with a catalog of the page's words."""
    found = {p.parent.parent.name for folder in folders for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return [SOURCE_LOCALE, *sorted(found - {SOURCE_LOCALE})]


def choose(asked: str | None, accept: list[str], folders: tuple[Path, ...]) -> str:
    """The page's language: the one asked for when there is a catalog for it, else the
    browser's preference (Accept-Language), else English."""
    available = page_languages(folders)
    if asked in available:
        return asked  # type: ignore[return-value]
    wanted = [tag.replace("-", "_") for tag in accept]
    return negotiate_locale(wanted, available) or negotiate_locale(
        [w.split("_")[0] for w in wanted], available) or SOURCE_LOCALE


def translations(tag: str, folders: tuple[Path, ...]) -> NullTranslations:
    """The checked translations of the page's words for ``tag`` (English when none)."""
    if tag == SOURCE_LOCALE:
        return NullTranslations()
    path = next(p for folder in folders if (p := folder / tag / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())
    return _load(path, tag, file_digest(path))


@lru_cache(maxsize=16)
def _load(path: Path, tag: str, _content: str) -> NullTranslations:
    """Checked and compiled, cached by the catalog's content hash."""
    return compiled_translations(checked_catalog(path, tag), DOMAIN)


def direction(tag: str) -> str:
    return Locale.parse(tag).text_direction
