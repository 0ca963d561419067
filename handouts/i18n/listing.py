"""The table ``handouts list locales`` prints."""
from __future__ import annotations

from babel import Locale

from .catalogs import (
    SOURCE_LOCALE,
    available_locales,
    current_digests,
    po_path,
    read_catalog,
    review_of,
    stats_of,
)


def locale_rows() -> list[tuple[str, str, str, str, str]]:
    """Per locale: id, native name, direction, completeness, review status."""
    rows = []
    for locale in available_locales():
        parsed = Locale.parse(locale)
        if locale == SOURCE_LOCALE:
            rows.append((locale, parsed.display_name, parsed.text_direction, "100%", "source"))
            continue
        catalog = read_catalog(po_path(locale), locale)
        stats = stats_of(catalog)
        review = review_of(catalog).describe(current_digests(catalog))
        rows.append((locale, parsed.display_name, parsed.text_direction, f"{stats.complete:.0%}", review))
    return rows
