"""The table ``handouts list locales`` prints."""
from __future__ import annotations

from pathlib import Path

from babel import Locale

from ..resources import LOCALES_DIR
from ..topics import topic_ids
from .catalogs import (
    SOURCE_LOCALE,
    available_locales,
    current_digests,
    message_key,
    po_path,
    read_catalog,
    review_of,
    stats_of,
)

POT = LOCALES_DIR / "handouts.pot"


def topic_messages(pot: Path = POT) -> dict[str, set[str]]:
    """Per topic, the messages its handouts can print: those the template (.pot) locates in
    the topic's folder, in the shared templates, or in the code (page furniture)."""
    template = read_catalog(pot)
    topics = {topic: set() for topic in topic_ids()}
    for message in template:
        if not message.id:
            continue
        places = {filename for filename, _line in message.locations}
        for topic, keys in topics.items():
            if any(p.startswith((f"templates/{topic}/", "templates/_shared/", "handouts/")) for p in places):
                keys.add(message_key(message))
    return topics


def locale_rows() -> list[tuple[str, ...]]:
    """Per locale: id, native name, direction, completeness, review status, and how complete
    each topic is."""
    per_topic = topic_messages()
    rows = []
    for locale in available_locales():
        parsed = Locale.parse(locale)
        if locale == SOURCE_LOCALE:
            coverage = ", ".join(f"{topic} 100%" for topic in per_topic)
            rows.append((locale, parsed.display_name, parsed.text_direction, "100%", "source", coverage))
            continue
        catalog = read_catalog(po_path(locale), locale)
        stats = stats_of(catalog)
        digests = current_digests(catalog)
        review = review_of(catalog).describe(digests)
        translated = {key for key, digest in digests.items() if digest}
        coverage = ", ".join(f"{topic} {len(keys & translated) / len(keys):.0%}" if keys else f"{topic} -"
                             for topic, keys in per_topic.items())
        rows.append((locale, parsed.display_name, parsed.text_direction, f"{stats.complete:.0%}", review, coverage))
    return rows
