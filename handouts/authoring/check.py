"""``handouts topic check``: the content rules every topic must meet, each failure with its
file and line, for the project's topics and for the ones clinics write themselves.

The rules: every section reads at grade 6 or below; the default sections fit one sheet on
A4 and Letter in every language the topic is translated into; a "when to get help" card at
the emergency level that gives the emergency number; an out-of-hours route on every urgent
card; a safety line in the key points; no reader-facing text outside {% trans %}; a review
record; and no run of 8 or more words shared with a source file the topic names.
"""
from __future__ import annotations

import io
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import textstat
from pypdf import PdfReader

from ..brand import PLACEHOLDER, Brand
from ..build import Request, build, build_document, formatting_locale, render_sections
from ..errors import HandoutsError
from ..i18n.catalogs import SOURCE_LOCALE, available_locales
from ..i18n.listing import topic_messages
from ..model import QA, Callout, CareCard, Figure, Heading, ItemList, Paragraph, Section, Table, WriteIn, plain
from ..resources import TEMPLATES_DIR
from ..topics import Topic, load_topic, search_path

MAX_GRADE = 6.0
COPY_WORDS = 8
# A brand whose numbers are easy to find in the printed text.
PROBE = replace(PLACEHOLDER, name="Probe Clinic", phone="0100 000 0000", emergency_number="999",
                urgent_line="Probe Line 111", country="GB", placeholder=False)
MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Failure:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def check_topic(topic_id: str, overrides: Path | None = None) -> list[Failure]:
    """Every rule ``topic_id`` breaks; ``overrides`` is a clinic's template folder."""
    path = search_path(overrides)
    try:
        topic = load_topic(topic_id, path)
    except HandoutsError as error:
        return [Failure(_where(path, topic_id, "topic.toml"), None, error.message)]
    brand = replace(PROBE, templates=overrides)
    failures: list[Failure] = []
    try:
        sections = build_document(Request(topic_id, sections=("all",), brand=brand, allow_overdue=True))[0].sections
    except HandoutsError as error:
        return [Failure(topic.path, None, error.message)]
    failures += _readability(topic, sections)
    failures += _review_record(topic)
    failures += _help_cards(topic, sections)
    failures += _key_points(topic, brand)
    failures += _translatable(topic, brand)
    failures += _copying(topic, sections)
    failures += _one_sheet(topic, overrides)
    return failures


def section_text(section: Section) -> str:
    """The section as sentences: list items, cells and headings each end a sentence."""
    parts = [section.title]

    def add(block) -> None:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(plain(block.text))
        elif isinstance(block, ItemList):
            parts.extend(plain(item) for item in block.items)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                parts.extend(plain(cell) for cell in row.cells)
        elif isinstance(block, (Callout, CareCard)):
            if block.title:
                parts.append(plain(block.title))
            for inner in block.blocks:
                add(inner)
        elif isinstance(block, QA):
            parts.extend([plain(block.question), plain(block.answer)])
        elif isinstance(block, Figure):
            parts.append(plain(block.caption))
            for inner in block.beside:
                add(inner)
        elif isinstance(block, WriteIn):
            parts.extend(plain(label) for label, _lines in block.fields)

    for block in section.blocks:
        add(block)
    return " ".join(p if p.rstrip().endswith((".", "?", "!", ":")) else p + "." for p in parts)


def grade(section: Section) -> float:
    """US school grade (Flesch-Kincaid) of a section's text."""
    return textstat.flesch_kincaid_grade(section_text(section))


def _readability(topic: Topic, sections: tuple[Section, ...]) -> list[Failure]:
    out = []
    for section in sections:
        level = grade(section)
        if level > MAX_GRADE:
            out.append(Failure(_template(topic, section.id), 1, f"reads at grade {level:.1f}; write it at grade "
                                                                f"{MAX_GRADE:.0f} or below (shorter sentences, everyday words)"))
    return out


def _review_record(topic: Topic) -> list[Failure]:
    meta = topic.path / "topic.toml"
    if "review" not in tomllib.loads(meta.read_text(encoding="utf-8")):
        return [Failure(meta, None, 'no [review] record: add [review] with status = "draft" until a clinician signs it '
                                    "('handouts review sign')")]
    return []


def _cards(sections: tuple[Section, ...], level: str) -> list[tuple[str, str]]:
    """(section id, text) of each care card or table row at ``level``."""
    found = []
    for section in sections:
        for block in section.blocks:
            if isinstance(block, CareCard) and block.level == level:
                found.append((section.id, section_text(Section(section.id, "", (block,)))))
            elif isinstance(block, Table):
                found += [(section.id, " ".join(plain(c) for c in row.cells)) for row in block.rows if row.level == level]
    return found


def _help_cards(topic: Topic, sections: tuple[Section, ...]) -> list[Failure]:
    out = []
    emergency = _cards(sections, "emergency")
    if not any(PROBE.emergency_number in text for _id, text in emergency):
        out.append(Failure(topic.path / "topic.toml", None,
                           "no 'when to get help' card at the emergency level that gives the emergency number "
                           "(use {{ safety.emergency() }} from _shared/safety.j2, or a <care level=\"emergency\"> "
                           "card with {{ clinic.emergency_number }})"))
    for section_id, text in _cards(sections, "urgent"):
        if PROBE.urgent_line not in text.replace("\u00a0", " "):
            out.append(Failure(_template(topic, section_id), None,
                               "an urgent card or row gives no route for when the clinic is closed: end it with "
                               "{{ safety.urgent_route() }} (the urgent line, else urgent care or an emergency department)"))
    return out


def _key_points(topic: Topic, brand: Brand) -> list[Failure]:
    document = build_document(Request(topic.id, brand=brand, allow_overdue=True))[0]
    callouts = [(s.id, b) for s in document.sections for b in s.blocks if isinstance(b, Callout)]
    if not callouts:
        return [Failure(_template(topic, topic.default_sections[0]), None,
                        "the default handout has no key points box (<callout kind=\"info\"><title>Key points</title>)")]
    section_id, box = callouts[0]
    if PROBE.emergency_number not in section_text(Section(section_id, "", (box,))):
        return [Failure(_template(topic, section_id), None,
                        "the key points have no safety line: say when to call {{ clinic.emergency_number }}")]
    return []


class _Marking:
    """Translations that mark every message, so text outside {% trans %} stands out."""

    def gettext(self, message: str) -> str:
        return f"{MARK_OPEN}{message}{MARK_CLOSE}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"{MARK_OPEN}{singular if n == 1 else plural}{MARK_CLOSE}"

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(singular, plural, n)


def _translatable(topic: Topic, brand: Brand) -> list[Failure]:
    """Text printed outside a translated message would stay English in every language."""
    path = search_path(brand.templates)
    sections = render_sections(topic, topic.sections, path, _Marking(), brand, formatting_locale("en", brand.country))
    values = [v for v in (brand.name, brand.phone, brand.emergency_number, brand.urgent_line) if v]
    out = []
    for section in sections:
        text = section_text(section)
        text = re.sub(f"{MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE}", " ", text)
        for value in values:
            text = text.replace(value, " ")
        loose = re.findall(r"[^\W\d_]{2,}(?:\s+[^\W\d_]+)*", text)
        if loose:
            source = _template(topic, section.id)
            out.append(Failure(source, _line_of(source, loose[0]),
                               f"{loose[0][:50]!r} is printed but not translatable: put it inside {{% trans %}}"))
    return out


def _copying(topic: Topic, sections: tuple[Section, ...]) -> list[Failure]:
    """No run of ``COPY_WORDS`` words shared with a source file named in ``compare_with``."""
    meta = topic.path / "topic.toml"
    files = tomllib.loads(meta.read_text(encoding="utf-8")).get("compare_with", [])
    runs: set[tuple[str, ...]] = set()
    for name in files:
        source = (topic.path / name).resolve()
        if source.is_file():
            words = _WORD.findall(source.read_text(encoding="utf-8", errors="replace").lower())
            runs |= {tuple(words[i:i + COPY_WORDS]) for i in range(len(words) - COPY_WORDS + 1)}
    out = []
    for section in sections:
        words = _WORD.findall(section_text(section).lower())
        shared = [words[i:i + COPY_WORDS] for i in range(len(words) - COPY_WORDS + 1)
                  if tuple(words[i:i + COPY_WORDS]) in runs]
        if shared:
            out.append(Failure(_template(topic, section.id), None,
                               f"shares {' '.join(shared[0])!r} with a source file: write it in your own words"))
    return out


def _one_sheet(topic: Topic, overrides: Path | None) -> list[Failure]:
    """The default sections fit 2 pages on A4 and Letter in every language that covers the topic."""
    covered = topic_messages().get(topic.id)
    out = []
    for locale in available_locales():
        if locale != SOURCE_LOCALE and not covered:
            continue
        for paper in ("a4", "letter"):
            request = Request(topic.id, locale=locale, paper=paper, allow_overdue=True,
                              brand=replace(PLACEHOLDER, templates=overrides))
            try:
                pdf = build(request).pdf
            except HandoutsError as error:
                if locale == SOURCE_LOCALE:
                    out.append(Failure(topic.path / "topic.toml", None, error.message))
                continue  # a language that does not cover this topic yet
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            if pages > 2:
                out.append(Failure(topic.path / "topic.toml", None,
                                   f"the default sections take {pages} pages in {locale} on {paper}: one sheet is 2 "
                                   f"pages; shorten them or move material to optional sections"))
    return out


def _template(topic: Topic, section_id: str) -> Path:
    return topic.path / f"{section_id}.j2"


def _where(path: tuple[Path, ...], topic_id: str, name: str) -> Path:
    return next((folder / topic_id / name for folder in path if (folder / topic_id / name).exists()),
                TEMPLATES_DIR / topic_id / name)


def _line_of(path: Path, text: str) -> int | None:
    first = text.split()[0] if text.split() else text
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if first in line:
                return number
    except OSError:
        return None
    return None
