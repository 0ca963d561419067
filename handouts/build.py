"""The pipeline: a request in, a rendered handout out.

request -> topic and templates on the search path -> Jinja2 renders each section in the
locale -> block markup parsed into the document model -> PDF bytes (or an HTML page).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.localedata import exists as locale_exists
from babel.numbers import format_decimal

from .brand import PLACEHOLDER, Brand, thermometer_for, urgent_line_for
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
from .resources import catalog_folders
from .review import SHARED, Approval, Status, judge, judge_approval, topic_fingerprint
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
    large_print: bool = False  # body 16 pt, one column, tables as stacked rows
    allow_incomplete: bool = False
    allow_overdue: bool = False
    today: dt.date | None = None  # for review dates; None means the real today
    locales: tuple[Path, ...] = ()  # extra catalog folders, looked for first (--locales)

    @property
    def catalog_folders(self) -> tuple[Path, ...]:
        """Where this handout's catalog is looked for: --locales, the brand file's folder,
        HANDOUTS_LOCALES, then the package's."""
        return catalog_folders(*self.locales, *filter(None, [self.brand.locales]))


@dataclass(frozen=True)
class Handout:
    pdf: bytes
    document: Document
    messages: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class WebHandout:
    html: str
    document: Document
    messages: tuple[str, ...] = field(default=())


def build(request: Request) -> Handout:
    """Build one handout: the PDF bytes and the document they were made from."""
    from .pdf import render_pdf  # ReportLab loads only when a PDF is made

    document, messages = build_document(request)
    return Handout(render_pdf(document), document, messages)


def build_html(request: Request) -> WebHandout:
    """Build one handout as an accessible HTML page, from the same document as the PDF."""
    from .html import render_html

    document, messages = build_document(request)
    return WebHandout(render_html(document), document, messages)


def build_document(request: Request) -> tuple[Document, tuple[str, ...]]:
    """Everything up to the renderer: pure, and free of ReportLab."""
    brand = request.brand
    path = search_path(brand.templates)
    topic = load_topic(request.topic, path)
    sections = select_sections(topic, request.sections)
    locale = normalise(request.locale)
    catalog = load_catalog(request.locale, request.catalog_folders)
    messages = []
    if catalog.locale not in (locale, SOURCE_LOCALE):
        messages.append(f"locale {locale}: using the nearest catalog, {catalog.locale}")
    translations = RecordingTranslations(catalog.translations, source=catalog.locale == SOURCE_LOCALE,
                                         isolate=catalog.direction == "rtl")
    formats = formatting_locale(locale, brand.country)
    parsed = render_sections(topic, sections, path, translations, brand, formats)
    content, approval, overdue = _provenance(request, topic, path, catalog, messages)
    labels = _labels(topic, brand, translations, formats, content, approval)
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
            footer_note=brand.footer_note,
            credits=_credits(catalog, translations, translations.gettext),
            labels=labels,
            notices=_notices(catalog, translations, overdue, formats),
            online=f"{brand.online}{catalog.locale}/{topic.id}.html" if brand.online else None,
        ),
        look=Look(brand.primary, brand.accent, request.paper or brand.paper, brand.logo,  # type: ignore[arg-type]
                  large_print=request.large_print),
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


def render_sections(topic: Topic, ids: tuple[str, ...], path: tuple[Path, ...], translations, brand: Brand,
                    formats: str) -> tuple[Section, ...]:
    """Each section rendered by Jinja2 with ``translations`` and parsed, its pictures loaded."""
    env = make_environment(path, translations)
    values = {
        "clinic": _clinic_values(brand),
        "fever": temperature_text(38, brand.temperature, formats),
        "low_temperature": temperature_text(36, brand.temperature, formats),
        "thermometer": thermometer_for(brand.country),
    }
    parsed = []
    for section_id in ids:
        markup, source = render_section(env, topic.id, section_id, values)
        section = parse_section(section_id, markup, source=source)
        parsed.append(replace(section, blocks=tuple(_with_image(b, topic.id, path, source) for b in section.blocks)))
    return tuple(parsed)


FIGURE_HEIGHT_MM = 26.0  # as printed by the renderer
FIGURE_WIDTH_MM = 34.0
FIGURE_DPI = 200  # a small line drawing prints as sharp as at 300 dpi, at half the bytes


def _with_image(block: Block, topic_id: str, path: tuple[Path, ...], source: str) -> Block:
    """A figure with its picture loaded from the topic's folder, else the shared folder
    (a clinic's override folder first in both)."""
    if not isinstance(block, Figure):
        return block
    candidates = [folder / sub / block.source for sub in (topic_id, SHARED) for folder in path]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        raise InputError(f"{source}: figure {block.source!r} is not in the topic's folder or in {SHARED}/")
    image = load_print_image(found, printed_height_mm=FIGURE_HEIGHT_MM, max_width_mm=FIGURE_WIDTH_MM, dpi=FIGURE_DPI)
    return replace(block, image=image)


def section_titles(topic: Topic, locale: str = SOURCE_LOCALE, brand: Brand = PLACEHOLDER) -> list[tuple[str, str]]:
    """Each section's id and title, in topic order, as printed in ``locale`` for ``brand``."""
    catalog = load_catalog(locale)
    path = search_path(brand.templates)
    sections = render_sections(topic, topic.sections, path, catalog.translations, brand, catalog.locale)
    return [(s.id, s.title) for s in sections]


def temperature_text(celsius: float, unit: str, locale: str) -> str:
    """A temperature in the clinic's unit, the other unit in brackets: 38 °C (100.4 °F)."""
    fahrenheit = round(celsius * 9 / 5 + 32, 1)
    c_text = f"{format_decimal(celsius, locale=locale)}\u00a0\u00b0C"
    f_text = f"{format_decimal(fahrenheit, locale=locale)}\u00a0\u00b0F"
    return f"{f_text} ({c_text})" if unit == "F" else f"{c_text} ({f_text})"


def _online_line(_) -> str:
    # Translators: footer line beside a QR code; %(url)s is the web address of this leaflet.
    return _("Read this leaflet online: %(url)s").replace("%(url)s", "{url}")


def unbroken(number: str | None) -> str | None:
    """A phone number or service name that must never wrap across lines (a misdial risk):
    its spaces become no-break spaces, which every renderer keeps together."""
    return number.replace(" ", "\u00a0") if number else number


def _clinic_values(brand: Brand) -> dict[str, str | None]:
    return {
        "name": brand.name,
        "phone": unbroken(brand.phone),
        "emergency_number": unbroken(brand.emergency_number),
        "urgent_line": unbroken(urgent_line_for(brand)),
        "website": brand.website,
    }


def _contact(brand: Brand) -> Contact:
    return Contact(
        name=brand.name,
        department=brand.department,
        phone=unbroken(brand.phone) or "",
        address=brand.address,
        website=brand.website,
        email=brand.email,
        emergency_number=unbroken(brand.emergency_number) or "",
        urgent_line=unbroken(urgent_line_for(brand)),
        placeholder=brand.placeholder,
    )


def _date(value: dt.date, formats: str) -> str:
    return format_date(value, format="long", locale=formats)


def _labels(topic: Topic, brand: Brand, translations: RecordingTranslations, formats: str,
            content: Status, approval: Approval | None) -> dict[str, str]:
    """The words the page furniture prints, translated, with dates formatted for the locale."""
    _ = translations.gettext
    return {
        # Translators: heading of the box of things a parent should do (a list follows).
        "do": _("Do"),
        # Translators: heading of the box of things a parent must not do (a list follows).
        "dont": _("Don't"),
        # Translators: level of a "when to get help" card: ask at a routine visit, no hurry.
        "level_routine": _("Not urgent"),
        # Translators: level of a "when to get help" card: get medical help the same day.
        "level_urgent": _("Urgent: today"),
        # Translators: level of a "when to get help" card: call the emergency number now.
        "level_emergency": _("Emergency: now"),
        # Translators: page numbering in the footer, e.g. "Page 1 of 2".
        "page": _("Page %(page)s of %(total)s").replace("%(page)s", "{page}").replace("%(total)s", "{total}"),
        "leaflet": _leaflet_line(topic, content, approval, _, formats),
        "phone": _("Phone: %(phone)s") % {"phone": unbroken(brand.phone)},
        "emergency": _("In an emergency, call %(number)s.") % {"number": unbroken(brand.emergency_number)},
        "placeholder": _("Sample handout: no clinic details set up yet. Fill in the blank lines by hand."),
        # Asked for only where the clinic hosts the leaflets online (brand [print] online).
        **({"online": _online_line(_)} if brand.online else {}),
    }


def check_review(request: Request) -> list[str]:
    """The review, approval and overdue rules for ``request``, without rendering: raises
    ``InputError`` as ``build`` would; returns the warnings ``build`` would print. Batch
    runs this for every handout before it prints any."""
    path = search_path(request.brand.templates)
    topic = load_topic(request.topic, path)
    messages: list[str] = []
    _provenance(request, topic, path, load_catalog(request.locale, request.catalog_folders), messages)
    return messages


def _provenance(request: Request, topic: Topic, path: tuple[Path, ...], catalog: Catalog,
                messages: list[str]) -> tuple[Status, Approval | None, list[dt.date]]:
    """Who checked the text (our review, the clinic's approval) and what is overdue."""
    today = request.today or dt.date.today()
    fingerprint = topic_fingerprint(topic.id, path)
    content = judge(topic.review, fingerprint, today)
    approval = _approval(topic, request.brand, fingerprint, today, request.allow_overdue, messages)
    overdue = [] if approval else _overdue_content(topic, content, request.allow_overdue)
    if approval and approval.until < today:
        overdue.append(approval.until)
    overdue += _overdue_translation(catalog, today, request.allow_overdue)
    return content, approval, overdue


def _approval(topic: Topic, brand: Brand, fingerprint: str, today: dt.date, allow_overdue: bool,
              messages: list[str]) -> Approval | None:
    """The clinic's approval of this topic, when it covers the text as it is now. A brand
    with ``required = true`` refuses a topic it has not approved, or whose text changed."""
    approval = brand.approval_for(topic.id)
    where = f"{brand.source}: [approval.{topic.id}]"
    if approval is None:
        if brand.require_approval:
            raise InputError(f"{where}: topic {topic.id!r} is not approved by the clinic, and the brand file "
                             f"requires approval; record it with 'handouts review approve {topic.id} --brand "
                             f"{brand.source} --by \"Name, role\" --code YOUR-CODE'")
        return None
    state = judge_approval(approval, fingerprint, today)
    if state == "stale":
        problem = (f"{where}: topic {topic.id!r} changed since the clinic approved version {approval.version} on "
                   f"{approval.date}; review the new text and approve it again ('handouts review approve')")
        if brand.require_approval:
            raise InputError(problem)
        messages.append(f"warning: {problem}; printing without the clinic's approval")
        return None
    if state == "overdue" and not allow_overdue:
        raise InputError(f"{where}: the clinic's approval of topic {topic.id!r} ran out on {approval.until}: "
                         f"approve it again, or build with --allow-overdue to print it marked as overdue")
    return approval


def _overdue_content(topic: Topic, content: Status, allow_overdue: bool) -> list[dt.date]:
    if content.state != "overdue":
        return []
    if not allow_overdue:
        raise InputError(
            f"{topic.path / 'topic.toml'}: topic {topic.id!r} is overdue for review since "
            f"{content.record.next_review}; review it ('handouts review sign'), or build with --allow-overdue "
            f"to print it marked as overdue on every page")
    return [content.record.next_review]  # type: ignore[list-item]


def _overdue_translation(catalog: Catalog, today: dt.date, allow_overdue: bool) -> list[dt.date]:
    due = catalog.review.due_date
    if catalog.locale == SOURCE_LOCALE or catalog.draft or due is None or due >= today:
        return []
    if not allow_overdue:
        raise InputError(f"{catalog.path}: the {catalog.locale} translation is overdue for review since {due}; "
                         f"review it ('handouts review sign --locale {catalog.locale}'), or build with "
                         f"--allow-overdue to print it marked as overdue on every page")
    return [due]


def _leaflet_line(topic: Topic, content: Status, approval: Approval | None, _, formats: str) -> str:
    """The clinic's code and approval, or ours: leaflet code and version, then who checked
    the text and when, or that nobody has."""
    if approval is not None:
        return _("Clinic leaflet %(code)s. Approved by %(approver)s on %(date)s, until %(until)s.") % {
            "code": approval.code, "approver": approval.approved_by, "date": _date(approval.date, formats),
            "until": _date(approval.until, formats)}
    # Translators: footer; the leaflet's code and its content version number.
    line = _("Leaflet %(code)s, version %(version)s.") % {"code": topic.code, "version": topic.version}
    if not content.printable:
        # Translators: footer; no doctor or nurse has yet checked the English text of this leaflet.
        draft = _("Draft: not yet checked by a clinician.")
        return f"{line} {draft}"
    record = content.record
    # Translators: footer; the clinician who checked the English text (not the translation), and dates.
    checked = _("Checked by %(reviewer)s on %(date)s. Next review due %(due)s.") % {
        "reviewer": record.reviewer, "date": _date(record.date, formats), "due": _date(record.next_review, formats)}
    return f"{line} {checked}"


def translation_is_draft(catalog: Catalog, translations: RecordingTranslations) -> bool:
    """A draft catalog, or a reviewed one in which a message this handout uses changed since
    the review (the English under it, or the translation itself)."""
    return catalog.draft or catalog.review.changed(catalog.digests, translations.used) > 0


def _credits(catalog: Catalog, translations: RecordingTranslations, _) -> tuple[str, ...]:
    """Who translated and checked a reviewed, current translation (one small footer line)."""
    if catalog.locale == SOURCE_LOCALE or translation_is_draft(catalog, translations):
        return ()
    review = catalog.review
    return (_("Translated by %(translator)s. Translation checked by %(reviewer)s on %(date)s.") % {
        "translator": review.translator, "reviewer": review.reviewer, "date": review.date},)


def _notices(catalog: Catalog, translations: RecordingTranslations, overdue: list[dt.date],
             formats: str) -> tuple[str, ...]:
    _ = translations.gettext
    notices = [_("Overdue for review since %(date)s.") % {"date": _date(min(overdue), formats)}] if overdue else []
    if catalog.locale != SOURCE_LOCALE and translation_is_draft(catalog, translations):
        notices.append(_("Draft translation, not yet reviewed."))
    if translations.missing:
        notices.append(_("Parts of this handout are not translated yet and are printed in English."))
    return tuple(notices)
