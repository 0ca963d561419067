"""The pipeline: a request in, a rendered handout out.

request -> topic and templates on the search path -> Jinja2 renders each section in the
locale -> block markup parsed into the document model -> PDF bytes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.localedata import exists as locale_exists
from babel.numbers import format_decimal

from .brand import PLACEHOLDER, Brand
from .errors import InputError
from .i18n.catalogs import (
    SOURCE_LOCALE,
    Catalog,
    RecordingTranslations,
    load_catalog,
    normalise,
)
from .images import load_print_image
from .markup import parse_section
from .model import Block, Contact, Document, Figure, Furniture, Look, Section
from .pdf import render_pdf
from .templating import make_environment, render_section
from .topics import Topic, load_topic, search_path, select_sections


@dataclass(frozen=True)
class Request:
    """What to print. Empty ``sections`` means the topic's defaults."""

    topic: str
    sections: tuple[str, ...] = ()
    locale: str = SOURCE_LOCALE
    brand: Brand = PLACEHOLDER
    paper: str | None = None
    allow_incomplete: bool = False


@dataclass(frozen=True)
class Handout:
    pdf: bytes
    document: Document
    messages: tuple[str, ...] = field(default=())


def build(request: Request) -> Handout:
    """Build one handout: the PDF bytes and the document they were made from."""
    document, messages = build_document(request)
    return Handout(render_pdf(document), document, messages)


def build_document(request: Request) -> tuple[Document, tuple[str, ...]]:
    """Everything up to the renderer: pure, and free of ReportLab."""
    brand = request.brand
    path = search_path(brand.templates)
    topic = load_topic(request.topic, path)
    sections = select_sections(topic, request.sections)
    locale = normalise(request.locale)
    catalog = load_catalog(request.locale)
    messages = []
    if catalog.locale not in (locale, SOURCE_LOCALE):
        messages.append(f"locale {locale}: using the nearest catalog, {catalog.locale}")
    translations = RecordingTranslations(catalog.translations, source=catalog.locale == SOURCE_LOCALE)
    formats = formatting_locale(locale, brand.country)
    parsed = _sections(topic, sections, path, translations, brand, formats)
    labels = _labels(topic, brand, translations, formats)
    title = translations.gettext(topic.title)
    if translations.missing and not request.allow_incomplete:
        raise InputError(
            f"{catalog.path}: {len(translations.missing)} message(s) this handout needs are not translated "
            f"(or are marked fuzzy) in the {catalog.locale} catalog; translate them, or build with "
            f"--allow-incomplete to print them in English with a notice on the handout",
            problems=[repr(m if len(m) < 70 else m[:67] + "...") for m in translations.missing],
        )
    if translations.missing:
        messages.append(f"{len(translations.missing)} message(s) printed in English; the handout says so")
    document = Document(
        topic=topic.id,
        title=title,
        locale=locale,
        direction=catalog.direction,  # type: ignore[arg-type]
        sections=parsed,
        contact=_contact(brand),
        furniture=Furniture(
            code=topic.code,
            version=topic.version,
            reviewed=labels.pop("_reviewed"),
            review_due=labels.pop("_due"),
            footer_note=brand.footer_note,
            labels=labels,
            notices=_notices(catalog, translations),
        ),
        look=Look(brand.primary, brand.accent, request.paper or brand.paper, brand.logo),  # type: ignore[arg-type]
    )
    return document, tuple(messages)


def formatting_locale(locale: str, country: str | None) -> str:
    """The locale for dates and numbers: the request's, with the clinic's country as the
    region when the request names none (``en`` at a GB clinic formats as ``en_GB``)."""
    parsed = Locale.parse(locale)
    if parsed.territory or not country:
        return locale
    regional = "_".join(filter(None, (parsed.language, parsed.script, country)))
    return regional if locale_exists(regional) else locale


def _sections(topic: Topic, ids: tuple[str, ...], path: tuple[Path, ...], translations, brand: Brand,
              formats: str) -> tuple[Section, ...]:
    env = make_environment(path, translations)
    values = {"clinic": _clinic_values(brand), "fever": fever_text(brand.temperature, formats)}
    parsed = []
    for section_id in ids:
        markup, source = render_section(env, topic.id, section_id, values)
        section = parse_section(section_id, markup, source=source)
        parsed.append(replace(section, blocks=tuple(_with_image(b, topic.id, path, source) for b in section.blocks)))
    return tuple(parsed)


FIGURE_HEIGHT_MM = 42.0  # as printed by the renderer
FIGURE_WIDTH_MM = 60.0


def _with_image(block: Block, topic_id: str, path: tuple[Path, ...], source: str) -> Block:
    """A figure with its picture loaded from the topic's folder (a clinic's first)."""
    if not isinstance(block, Figure):
        return block
    found = next((folder / topic_id / block.source for folder in path
                  if (folder / topic_id / block.source).is_file()), None)
    if found is None:
        raise InputError(f"{source}: figure {block.source!r} is not in the topic's folder")
    image = load_print_image(found, printed_height_mm=FIGURE_HEIGHT_MM, max_width_mm=FIGURE_WIDTH_MM)
    return replace(block, image=image)


def section_titles(topic: Topic, locale: str = SOURCE_LOCALE, brand: Brand = PLACEHOLDER) -> list[tuple[str, str]]:
    """Each section's id and title, in topic order, as printed in ``locale`` for ``brand``."""
    catalog = load_catalog(locale)
    path = search_path(brand.templates)
    sections = _sections(topic, topic.sections, path, catalog.translations, brand, catalog.locale)
    return [(s.id, s.title) for s in sections]


def fever_text(unit: str, locale: str) -> str:
    """The fever threshold in the clinic's unit, the other unit in brackets."""
    celsius = f"{format_decimal(38, locale=locale)}\u00a0\u00b0C"
    fahrenheit = f"{format_decimal(100.4, locale=locale)}\u00a0\u00b0F"
    return f"{fahrenheit} ({celsius})" if unit == "F" else f"{celsius} ({fahrenheit})"


def _clinic_values(brand: Brand) -> dict[str, str | None]:
    return {
        "name": brand.name,
        "phone": brand.phone,
        "emergency_number": brand.emergency_number,
        "urgent_line": brand.urgent_line,
        "website": brand.website,
    }


def _contact(brand: Brand) -> Contact:
    return Contact(
        name=brand.name,
        department=brand.department,
        phone=brand.phone,
        address=brand.address,
        website=brand.website,
        email=brand.email,
        emergency_number=brand.emergency_number,
        urgent_line=brand.urgent_line,
        placeholder=brand.placeholder,
    )


def _labels(topic: Topic, brand: Brand, translations: RecordingTranslations, formats: str) -> dict[str, str]:
    """The words the page furniture prints, translated, with dates formatted for the locale."""
    _ = translations.gettext

    def date(value: dt.date) -> str:
        return format_date(value, format="long", locale=formats)

    reviewed, due = date(topic.reviewed), date(topic.review_due)
    return {
        "_reviewed": reviewed,
        "_due": due,
        "do": _("Do"),
        "dont": _("Don't"),
        "level_routine": _("Not urgent"),
        "level_urgent": _("Urgent: today"),
        "level_emergency": _("Emergency: now"),
        "page": _("Page %(page)s of %(total)s").replace("%(page)s", "{page}").replace("%(total)s", "{total}"),
        "leaflet": _("Leaflet %(code)s, version %(version)s. Reviewed %(reviewed)s. Next review due %(due)s.") % {
            "code": topic.code, "version": topic.version, "reviewed": reviewed, "due": due},
        "phone": _("Phone: %(phone)s") % {"phone": brand.phone},
        "contact_title": _("Contact us"),
        "emergency": _("In an emergency, call %(number)s.") % {"number": brand.emergency_number},
        "placeholder": _("Sample handout: no clinic details set up yet. Fill in the blank lines by hand."),
    }


def _notices(catalog: Catalog, translations: RecordingTranslations) -> tuple[str, ...]:
    _ = translations.gettext
    notices = []
    if catalog.locale != SOURCE_LOCALE and catalog.draft:
        notices.append(_("Draft translation, not yet reviewed."))
    if translations.missing:
        notices.append(_("Parts of this handout are not translated yet and are printed in English."))
    return tuple(notices)
