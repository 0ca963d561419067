"""A hostable site: every topic in every language that covers it, as accessible HTML, with
an index page per language and a language switcher. Plain files: any static web server.

    OUT/index.html              the languages, each named in its own language
    OUT/LOCALE/index.html       that language's leaflets (titles in it)
    OUT/LOCALE/TOPIC.html       one leaflet (the address the printed QR code leads to)

A leaflet whose language does not cover it completely, or that may not be printed (review
overdue, clinic approval missing), is left out and reported, never shown half in English.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

from babel import Locale

from . import model
from .brand import Brand
from .build import Request, build_document
from .errors import HandoutsError
from .html.render import Nav, nav_html, page, render_html
from .i18n.catalogs import SOURCE_LOCALE, RecordingTranslations, available_locales, load_catalog
from .topics import search_path, topic_ids


@dataclass
class SitePage:
    path: str  # relative to the site's folder, with "/"
    html: str


@dataclass
class Site:
    pages: list[SitePage] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # "LOCALE/TOPIC: why", for the report


def make_site(brand: Brand, catalogs: tuple[Path, ...] = ()) -> Site:
    """Every page of the site, in memory (the caller writes them)."""
    site = Site()
    topics = topic_ids(search_path(brand.templates))
    built: dict[str, dict[str, model.Document]] = {}
    ui: dict[str, dict[str, str]] = {}
    for locale in available_locales(catalogs or None):
        words = _site_words(locale, catalogs)
        if isinstance(words, str):
            site.left_out.append(f"{locale}: {words}")
            continue
        for topic in topics:
            try:
                document, _messages = build_document(Request(topic, locale=locale, brand=brand, locales=catalogs))
            except HandoutsError as error:
                site.left_out.append(f"{locale}/{topic}: {error.message}")
                continue
            built.setdefault(locale, {})[topic] = document
        if locale in built:
            ui[locale] = words
    names = {locale: _native_name(locale) for locale in built}
    for locale, documents in built.items():
        words = ui[locale]
        for topic, document in documents.items():
            others = tuple((names[other], _tag(other), f"../{other}/{topic}.html")
                           for other in built if other != locale and topic in built[other])
            nav = Nav(words["nav"], words["index"], f"../{locale}/index.html", words["languages"], others)
            site.pages.append(SitePage(f"{locale}/{topic}.html", render_html(document, nav)))
        site.pages.append(SitePage(f"{locale}/index.html", _index(locale, documents, words, names, brand)))
    site.pages.append(SitePage("index.html", _languages(names, brand)))
    return site


def _site_words(locale: str, catalogs: tuple[Path, ...]) -> dict[str, str] | str:
    """The site's own words in ``locale``; a reason when the catalog lacks them."""
    catalog = load_catalog(locale, catalogs or None)
    translations = RecordingTranslations(catalog.translations, source=catalog.locale == SOURCE_LOCALE)
    _ = translations.gettext
    words = {
        # Translators: heading of a clinic's web page that lists its leaflets in one language.
        "title": _("Leaflets for parents"),
        # Translators: link from a leaflet's web page back to the list of leaflets.
        "index": _("All leaflets"),
        # Translators: label of the list of links to the same page in other languages.
        "languages": _("Other languages"),
        # Translators: name of the navigation area of a web page (read by screen readers).
        "nav": _("Site navigation"),
    }
    if translations.missing:
        return f"the catalog does not translate the site's words ({', '.join(translations.missing)})"
    return words


def _native_name(locale: str) -> str:
    name = Locale.parse(locale).display_name or locale
    return name[:1].upper() + name[1:]


def _tag(locale: str) -> str:
    return locale.replace("_", "-")


def _header(brand: Brand) -> str:
    return f'<header class="masthead"><p class="clinic">{escape(brand.name)}</p></header>'


def _index(locale: str, documents: dict[str, model.Document], words: dict[str, str], names: dict[str, str],
           brand: Brand) -> str:
    others = tuple((names[other], _tag(other), f"../{other}/index.html") for other in names if other != locale)
    nav = Nav(words["nav"], words["title"], "index.html", words["languages"], others)
    items = "".join(f'<li><a href="{escape(topic)}.html">{escape(doc.title)}</a></li>'
                    for topic, doc in sorted(documents.items(), key=lambda item: item[1].title))
    body = (f'{_header(brand)}\n{nav_html(nav)}\n<main><h1>{escape(words["title"])}</h1>'
            f'<ul class="topics">{items}</ul></main>')
    text = "".join([brand.name, nav.text(), *(d.title for d in documents.values())])
    first = next(iter(documents.values()))
    return page(locale=locale, direction=first.direction, title=f"{words['title']} - {brand.name}", body=body,
                text=text, look=replace(first.look, logo=None))


def _languages(names: dict[str, str], brand: Brand) -> str:
    """The site's front page: every language, each named in itself, so anyone finds theirs."""
    items = "".join(f'<li><a href="{escape(locale)}/index.html" lang="{escape(_tag(locale))}" '
                    f'hreflang="{escape(_tag(locale))}">{escape(name)}</a></li>'
                    for locale, name in sorted(names.items(), key=lambda item: item[0] != SOURCE_LOCALE))
    body = (f'{_header(brand)}\n<main><h1>{escape(brand.name)}</h1>'
            f'<ul class="topics">{items}</ul></main>')
    return page(locale=SOURCE_LOCALE, direction="ltr", title=brand.name, body=body,
                text=brand.name + "".join(names.values()), look=model.Look(brand.primary, brand.accent))
