"""The pipeline: a request in, a rendered handout out.

request -> topic and templates on the search path -> Jinja2 renders each section in the
locale -> block markup parsed into the document model -> PDF bytes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.dates import format_date
from babel.numbers import format_decimal

from .brand import PLACEHOLDER, Brand
from .i18n.catalogs import Catalog, load_catalog
from .markup import parse_section
from .model import Contact, Document, Furniture, Look, Section
from .pdf import render_pdf
from .templating import make_environment, render_section
from .topics import Topic, load_topic, search_path, select_sections


@dataclass(frozen=True)
class Request:
    """What to print. Empty ``sections`` means the topic's defaults."""

    topic: str
    sections: tuple[str, ...] = ()
    locale: str = "en"
    brand: Brand = PLACEHOLDER
    paper: str | None = None


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
    path = search_path(request.brand.templates)
    topic = load_topic(request.topic, path)
    sections = select_sections(topic, request.sections)
    catalog = load_catalog(request.locale)
    messages = []
    if catalog.resolved_from:
        messages.append(f"locale {request.locale}: using the {catalog.locale} catalog")
    gettext = catalog.translations.gettext
    brand = request.brand
    parsed = _sections(topic, sections, path, catalog, brand)
    document = Document(
        topic=topic.id,
        title=gettext(topic.title),
        locale=catalog.locale,
        direction=catalog.direction,  # type: ignore[arg-type]
        sections=tuple(parsed),
        contact=_contact(brand),
        furniture=_furniture(topic, brand, catalog),
        look=Look(brand.primary, brand.accent, request.paper or brand.paper, brand.logo),  # type: ignore[arg-type]
    )
    return document, tuple(messages)


def _sections(topic: Topic, ids: tuple[str, ...], path: tuple, catalog: Catalog, brand: Brand) -> tuple[Section, ...]:
    env = make_environment(path, catalog.translations)
    values = {"clinic": _clinic_values(brand), "fever": fever_text(brand.temperature, catalog.locale)}
    parsed = []
    for section_id in ids:
        markup, source = render_section(env, topic.id, section_id, values)
        parsed.append(parse_section(section_id, markup, source=source))
    return tuple(parsed)


def section_titles(topic: Topic, locale: str = "en") -> list[tuple[str, str]]:
    """Each section's id and title, in topic order, as printed in ``locale``."""
    sections = _sections(topic, topic.sections, search_path(), load_catalog(locale), PLACEHOLDER)
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


def _furniture(topic: Topic, brand: Brand, catalog: Catalog) -> Furniture:
    t = catalog.translations
    _ = t.gettext

    def date(value: dt.date) -> str:
        return format_date(value, format="long", locale=catalog.locale)

    labels = {
        "do": _("Do"),
        "dont": _("Don't"),
        "level_routine": _("Not urgent"),
        "level_urgent": _("Urgent: today"),
        "level_emergency": _("Emergency: now"),
        "page": _("Page %(page)s of %(total)s").replace("%(page)s", "{page}").replace("%(total)s", "{total}"),
        "leaflet": _("Leaflet %(code)s, version %(version)s. Reviewed %(reviewed)s. Next review due %(due)s.") % {
            "code": topic.code, "version": topic.version, "reviewed": date(topic.reviewed), "due": date(topic.review_due)},
        "phone": _("Phone: %(phone)s") % {"phone": brand.phone},
        "contact_title": _("Contact us"),
        "emergency": _("In an emergency, call %(number)s.") % {"number": brand.emergency_number},
        "placeholder": _("Sample handout: no clinic details set up yet. Fill in the blank lines by hand."),
    }
    return Furniture(
        code=topic.code,
        version=topic.version,
        reviewed=date(topic.reviewed),
        review_due=date(topic.review_due),
        footer_note=brand.footer_note,
        labels=labels,
        notices=_notices(catalog),
    )


def _notices(catalog: Catalog) -> tuple[str, ...]:
    _ = catalog.translations.gettext
    notices = []
    if catalog.draft:
        notices.append(_("Draft translation, not yet reviewed."))
    if catalog.missing:
        notices.append(_("Parts of this handout are not translated yet and are printed in English."))
    return tuple(notices)
