"""Which script a language is written in, from CLDR's likely subtags (``bn`` -> ``Beng``)."""
from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale


def likely_script(locale: str) -> str | None:
    """The ISO 15924 script of ``locale`` (given, or the likely one), or ``None``."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if parsed.script:
        return parsed.script
    likely = get_global("likely_subtags")
    for key in (f"{parsed.language}_{parsed.territory}" if parsed.territory else None, parsed.language):
        if key and key in likely:
            return parse_locale(likely[key])[2]
    return None
