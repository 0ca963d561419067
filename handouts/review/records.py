"""Review records: who checked a topic's English, against which text, and until when.

A topic's ``[review]`` table in ``topic.toml`` records a clinical review together with the
fingerprint of the English it covered. The fingerprint is computed from the files the
handout is actually made from (the topic's templates, metadata and pictures, and the shared
safety templates, a clinic's overrides first), so any change to the text after the review
makes the review stale, and a stale or draft topic never prints a review date.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..output import write_atomic
from ..tomlfile import key_lines

State = Literal["draft", "stale", "current", "overdue"]
CONTENT_FILES = ("*.j2", "*.png", "*.jpg", "*.jpeg", "topic.toml")
SHARED = "_shared"
_FIELDS = {"status", "reviewer", "date", "next_review", "version", "fingerprint"}


@dataclass(frozen=True)
class Record:
    """A review as written in a file: ``status`` is ``draft`` or ``reviewed``."""

    status: Literal["draft", "reviewed"] = "draft"
    reviewer: str = ""
    date: dt.date | None = None
    next_review: dt.date | None = None
    version: str = ""
    fingerprint: str = ""


@dataclass(frozen=True)
class Status:
    """A record judged against the text as it is now and today's date."""

    state: State
    record: Record

    @property
    def printable(self) -> bool:
        """Whether the handout may print the review (reviewer and dates)."""
        return self.state in ("current", "overdue")

    def describe(self) -> str:
        r = self.record
        if self.state == "draft":
            return "draft"
        if self.state == "stale":
            return f"stale: the text changed since {r.reviewer}'s review on {r.date}"
        if self.state == "overdue":
            return f"overdue: review was due {r.next_review}"
        return f"reviewed by {r.reviewer} on {r.date}, next review due {r.next_review}"


@dataclass(frozen=True)
class Approval:
    """A clinic's approval of a topic, from its brand file: the clinic's own leaflet code,
    who approved it, when and until when, and the topic version and text it approved."""

    code: str
    approved_by: str
    date: dt.date
    until: dt.date
    version: str
    fingerprint: str


APPROVAL_FIELDS = ("code", "approved_by", "date", "until", "version", "fingerprint")


def judge_approval(approval: Approval, fingerprint: str, today: dt.date) -> State:
    """Stale when the topic's text changed since the approval, overdue after ``until``."""
    if approval.fingerprint != fingerprint:
        return "stale"
    if approval.until < today:
        return "overdue"
    return "current"


def parse_record(table: object, where: Path, text: str) -> Record:
    """The ``[review]`` table of ``topic.toml``; errors name the file, line and key."""
    if table is None:
        return Record()

    def fail(key: str, message: str) -> InputError:
        line = next((k.number for k in key_lines(text) if k.key in (("review", key), (key,))), None)
        at = f"{where}:{line}" if line else str(where)
        return InputError(f"{at}: review.{key}: {message}")

    if not isinstance(table, dict):
        raise fail("status", "[review] must be a table")
    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise fail(unknown[0], f"unknown key; a review has {', '.join(sorted(_FIELDS))}")
    status = table.get("status", "draft")
    if status not in ("draft", "reviewed"):
        raise fail("status", f"expected \"draft\" or \"reviewed\", got {status!r}")
    if status == "draft":
        return Record()
    for key in ("reviewer", "version", "fingerprint"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise fail(key, "a reviewed topic needs this (record reviews with 'handouts review sign')")
    for key in ("date", "next_review"):
        value = table.get(key)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise fail(key, f"expected a date like 2026-01-31, got {value!r}")
    if table["next_review"] <= table["date"]:
        raise fail("next_review", "must be after the review date")
    return Record("reviewed", table["reviewer"].strip(), table["date"], table["next_review"],
                  table["version"].strip(), table["fingerprint"].strip())


def judge(record: Record, fingerprint: str, today: dt.date) -> Status:
    """Draft, stale (the text changed since the review), overdue, or current."""
    if record.status != "reviewed":
        return Status("draft", record)
    if record.fingerprint != fingerprint:
        return Status("stale", record)
    if record.next_review is not None and record.next_review < today:
        return Status("overdue", record)
    return Status("current", record)


def topic_fingerprint(topic_id: str, path: tuple[Path, ...]) -> str:
    """A short hash of every file a topic's handout is made from, as found on ``path``
    (a clinic's overrides first): templates, pictures, metadata and the shared templates.
    The ``[review]`` table itself is left out, so recording a review keeps it current."""
    found: dict[str, Path] = {}
    for folder in path:
        for sub in (topic_id, SHARED):
            base = folder / sub
            if not base.is_dir():
                continue
            for pattern in CONTENT_FILES:
                for file in base.glob(pattern):
                    found.setdefault(f"{sub}/{file.name}", file)
    digest = hashlib.sha256()
    for name in sorted(found):
        data = found[name].read_bytes()
        if found[name].name == "topic.toml":
            data = _without_review(data, found[name])
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return "sha256:" + digest.hexdigest()[:20]


def _without_review(data: bytes, where: Path) -> bytes:
    try:
        meta = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{where}: cannot read: {exc}") from None
    meta.pop("review", None)
    return json.dumps(meta, sort_keys=True, default=str).encode()


_REVIEW_TABLE = re.compile(r"^\[review\][ \t]*\n(?:(?!\[)[^\n]*(?:\n|$))*", re.M)


def write_record(meta_file: Path, record: Record) -> None:
    """Replace (or add) the ``[review]`` table of ``topic.toml``, keeping everything else."""
    text = meta_file.read_text(encoding="utf-8")
    lines = ["[review]", f'status = "{record.status}"']
    if record.status == "reviewed":
        lines += [f"reviewer = {json.dumps(record.reviewer, ensure_ascii=False)}",
                  f"date = {record.date.isoformat()}", f"next_review = {record.next_review.isoformat()}",
                  f'version = {json.dumps(record.version)}', f'fingerprint = "{record.fingerprint}"']
    table = "\n".join(lines) + "\n"
    if _REVIEW_TABLE.search(text):
        text = _REVIEW_TABLE.sub(lambda _m: table, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + table
    write_atomic(meta_file, text.encode("utf-8"))
