"""Recording reviews and approvals: the only way a review date reaches a file.

Each writer computes the fingerprint of the text as it is now and stores it with the
reviewer's name and today's date, so nobody types a fingerprint or a date by hand, and
any later change to the text shows as stale.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

from ..brand import Brand
from ..errors import InputError, OutputError, RequestError
from ..i18n.catalogs import current_digests, po_path, read_catalog, resolve
from ..output import write_atomic
from ..resources import PACKAGE_DIR
from ..topics import load_topic, search_path
from .records import Approval, Record, topic_fingerprint, write_record

DEFAULT_TERM_YEARS = 2  # NHS trusts review patient leaflets every two to three years


def default_next(today: dt.date, years: int = DEFAULT_TERM_YEARS) -> dt.date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


def _name(value: str, what: str) -> str:
    value = " ".join(value.split())
    if not value or not any(c.isalpha() for c in value):
        raise RequestError(f"{what}: give the person's name and role, e.g. \"Dr Ana Pérez, paediatrician\"")
    return value


def _next(today: dt.date, next_review: dt.date | None) -> dt.date:
    due = next_review or default_next(today)
    if due <= today:
        raise RequestError(f"--next-review {due} must be after today ({today})")
    return due


def _writable(path: Path) -> None:
    """Never write into the installed package: reviews are recorded in a source checkout
    (or a clinic's own folder), where they can be committed and checked."""
    if PACKAGE_DIR in path.resolve().parents:
        raise OutputError(f"{path}: is inside the installed package; record reviews in a source checkout of "
                          "handouts (or in your own override or catalog folder)")


def sign_topic(topic_id: str, reviewer: str, *, today: dt.date, next_review: dt.date | None = None,
               templates: Path | None = None) -> Record:
    """Record a clinical review of ``topic_id``'s English as it is now."""
    path = search_path(templates)
    topic = load_topic(topic_id, path)
    meta_file = topic.path / "topic.toml"
    _writable(meta_file)
    record = Record("reviewed", _name(reviewer, "--reviewer"), today, _next(today, next_review), topic.version,
                    topic_fingerprint(topic_id, path))
    write_record(meta_file, record)
    return record


_HEADER_FIELD = re.compile(r"^#\s*(Translator|Reviewer|Review-Date|Review-Due|Review-Status|Review-Covers)\s*:.*\n?",
                           re.M)


def sign_catalog(locale: str, reviewer: str, *, today: dt.date, root: Path, translator: str | None = None,
                 next_review: dt.date | None = None) -> Path:
    """Record the review of a catalog: who reviewed it, when, until when, and a short digest
    of every translated message as it is now (English and translation), so any later change
    to either shows as stale."""
    path = po_path(resolve(locale, root), root)
    _writable(path)
    catalog = read_catalog(path, path.parent.parent.name)
    digests = sorted(set(current_digests(catalog).values()) - {""})
    if not digests:
        raise InputError(f"{path}: nothing is translated yet: there is nothing to review")
    text = path.read_text(encoding="utf-8")
    start = text.find('msgid ""')
    if start < 0:
        raise InputError(f"{path}: no catalog header (msgid \"\"): run 'handouts i18n init' to make one")
    head, body = text[:start], text[start:]
    old = dict(re.findall(r"^#\s*(Translator)\s*:\s*(.*?)\s*$", head, re.M))
    fields = [
        f"# Translator: {_name(translator, '--translator') if translator else old.get('Translator', '') or 'unknown'}",
        f"# Reviewer: {_name(reviewer, '--reviewer')}",
        f"# Review-Date: {today.isoformat()}",
        f"# Review-Due: {_next(today, next_review).isoformat()}",
        "# Review-Status: reviewed",
        *(f"# Review-Covers: {line}" for line in textwrap.wrap(" ".join(digests), 70)),
    ]
    head = _HEADER_FIELD.sub("", head).rstrip("\n")
    head = (head + "\n" if head else "") + "\n".join(fields) + "\n"
    write_atomic(path, (head + body).encode("utf-8"))
    return path


def approve(topic_id: str, brand: Brand, *, by: str, code: str, today: dt.date, until: dt.date | None = None) -> Approval:
    """Record in the brand file that the clinic approved ``topic_id`` as it is now (with the
    clinic's own overrides), under its own leaflet code."""
    if brand.source is None:
        raise RequestError("approvals are recorded in a brand file: give --brand FILE")
    code = " ".join(code.split())
    if not code:
        raise RequestError("--code: give the clinic's own leaflet code, e.g. \"QEH-NEO-012\"")
    path = search_path(brand.templates)
    topic = load_topic(topic_id, path)
    approval = Approval(code, _name(by, "--by"), today, _next(today, until), topic.version,
                        topic_fingerprint(topic_id, path))
    _write_approval(brand.source, topic_id, approval)
    return approval


def _write_approval(brand_file: Path, topic_id: str, approval: Approval) -> None:
    """Replace (or add) the ``[approval.TOPIC]`` table, keeping the rest of the file as written."""
    text = brand_file.read_text(encoding="utf-8")
    table = "\n".join([
        f"[approval.{topic_id}]",
        f"code = {json.dumps(approval.code, ensure_ascii=False)}",
        f"approved_by = {json.dumps(approval.approved_by, ensure_ascii=False)}",
        f"date = {approval.date.isoformat()}",
        f"until = {approval.until.isoformat()}",
        f"version = {json.dumps(approval.version)}",
        f'fingerprint = "{approval.fingerprint}"',
    ]) + "\n"
    existing = re.compile(rf"^\[approval\.{re.escape(topic_id)}\][ \t]*\n(?:(?!\[)[^\n]*(?:\n|$))*", re.M)
    if existing.search(text):
        text = existing.sub(lambda _m: table, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + table
    write_atomic(brand_file, text.encode("utf-8"))
