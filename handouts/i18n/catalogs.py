"""Translations for a locale: which catalog serves a request, loaded as gettext."""
from __future__ import annotations

from dataclasses import dataclass, field
from gettext import NullTranslations

from babel import Locale, UnknownLocaleError

from ..errors import RequestError

SOURCE_LOCALE = "en"


@dataclass(frozen=True)
class Catalog:
    """The translations chosen for a request, and what the handout must say about them."""

    locale: str
    translations: NullTranslations
    direction: str = "ltr"
    draft: bool = False
    missing: tuple[str, ...] = field(default=())
    resolved_from: str | None = None


def available_locales() -> list[str]:
    return [SOURCE_LOCALE]


def normalise(tag: str) -> str:
    """``es-MX`` and ``es_MX`` name the same locale; return Babel's ``es_MX`` form."""
    try:
        return str(Locale.parse(tag.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        raise RequestError(f"unknown locale {tag!r}; available: {', '.join(available_locales())}") from None


def load_catalog(tag: str) -> Catalog:
    """The catalog for ``tag``, or the nearest shipped one (``es_MX`` -> ``es``)."""
    wanted = normalise(tag)
    if wanted.split("_")[0] == SOURCE_LOCALE:
        return Catalog(SOURCE_LOCALE, NullTranslations(), resolved_from=wanted if wanted != SOURCE_LOCALE else None)
    raise RequestError(f"no catalog for locale {tag!r}; available: {', '.join(available_locales())}")
