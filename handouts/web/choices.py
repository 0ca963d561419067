"""What the staff page offers, and how a browser's choice becomes a build ``Request``.

Nothing the browser sends is used as a path: brands are chosen by name from the folder the
server was started with, topics, sections and languages from the lists below. Anything
else is a ``RequestError`` with a message the page shows as it is.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

from ..brand import PLACEHOLDER, Brand
from ..brandfile import load_brand
from ..build import Request, section_titles
from ..errors import RequestError
from ..i18n.catalogs import SOURCE_LOCALE, available_locales, load_catalog
from ..resources import catalog_folders
from ..topics import load_topic, search_path, topic_ids

SAMPLE = "sample"  # the embedded sample clinic, offered when no brand folder is set up
PAPERS = ("a4", "letter")
MAX_VALUE = 200  # characters in any one value the browser sends


@dataclass(frozen=True)
class Setup:
    """What the server was started with: the clinic's brand folder (or none) and extra
    catalog folders."""

    brands: Path | None = None
    locales: tuple[Path, ...] = ()

    def brand_names(self) -> list[str]:
        """The brand files in the folder (names without .toml), or the sample clinic."""
        if self.brands is None:
            return [SAMPLE]
        return sorted(p.stem for p in self.brands.glob("*.toml") if p.is_file() and not p.is_symlink())

    def brand(self, name: str) -> Brand:
        """The brand called ``name``: read afresh, so an edited brand file is used at once."""
        if name not in self.brand_names():
            raise RequestError(f"unknown brand {name!r}; choose one of: {', '.join(self.brand_names()) or 'none'}")
        if self.brands is None:
            return PLACEHOLDER
        return load_brand(self.brands / f"{name}.toml")[0]

    @property
    def folders(self) -> tuple[Path, ...]:
        """Where handout catalogs are looked for: the extra folders, then the usual ones."""
        return catalog_folders(*self.locales)

    def languages(self) -> list[tuple[str, str, str]]:
        """(tag, native name, direction) of every language with a catalog, English first."""
        return [(tag, *native_name(tag)) for tag in available_locales(self.folders)]


@lru_cache(maxsize=64)
def native_name(tag: str) -> tuple[str, str]:
    parsed = Locale.parse(tag)
    name = parsed.get_display_name(parsed) or tag
    return name[:1].upper() + name[1:], parsed.text_direction


def topics(brand: Brand, locale: str, folders: tuple[Path, ...]) -> list[tuple[str, str]]:
    """(id, title in ``locale``) of every topic the brand can print."""
    path = search_path(brand.templates)
    gettext = load_catalog(locale, folders).translations.gettext
    return [(topic_id, gettext(load_topic(topic_id, path).title)) for topic_id in topic_ids(path)]


def sections(brand: Brand, topic_id: str, locale: str) -> list[tuple[str, str, bool]]:
    """(id, title in ``locale``, ticked by default) of each of a topic's sections."""
    topic = load_topic(topic_id, search_path(brand.templates))
    return [(sid, title, sid in topic.default_sections) for sid, title in section_titles(topic, locale, brand)]


def one(args: Mapping[str, object], key: str, default: str | None = None) -> str:
    """A single short value from the query or form, else ``default``; a usage error if missing."""
    value = args.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or value == "":
        if default is None:
            raise RequestError(f"{key!r} is missing")
        return default
    if not isinstance(value, str) or len(value) > MAX_VALUE:
        raise RequestError(f"{key!r} is not a short piece of text")
    return value


def request_from(args: Mapping[str, object], sections_chosen: list[str], setup: Setup) -> Request:
    """A checked build request from the page's choices."""
    brand = setup.brand(one(args, "brand", setup.brand_names()[0] if setup.brand_names() else ""))
    locale = one(args, "locale", SOURCE_LOCALE)
    if locale not in {tag for tag, *_ in setup.languages()}:
        raise RequestError(f"unknown language {locale!r}")
    topic_id = one(args, "topic")
    path = search_path(brand.templates)
    if topic_id not in topic_ids(path):
        raise RequestError(f"unknown topic {topic_id!r}")
    topic = load_topic(topic_id, path)
    unknown = [s for s in sections_chosen if s not in topic.sections]
    if unknown or len(sections_chosen) > len(topic.sections):
        raise RequestError(f"topic {topic_id!r} has no section {unknown[0] if unknown else '(repeated)'!r}")
    if not sections_chosen:
        raise RequestError("choose at least one section")
    paper = one(args, "paper", "brand")
    if paper not in (*PAPERS, "brand"):
        raise RequestError(f"unknown paper {paper!r}; choose a4 or letter")
    large = one(args, "large", "0")
    if large not in ("0", "1"):
        raise RequestError("'large' is 0 or 1")
    ordered = tuple(s for s in topic.sections if s in sections_chosen)
    return Request(topic=topic_id, sections=ordered, locale=locale, brand=brand,
                   paper=None if paper == "brand" else paper, large_print=large == "1", locales=setup.locales)
