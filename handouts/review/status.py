"""One table of every topic x language: content review, translation review, the clinic's
approval, due dates, and what is stale or overdue (``handouts review status``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from ..brand import PLACEHOLDER, Brand
from ..i18n.catalogs import SOURCE_LOCALE, available_locales, current_digests, po_path, read_catalog, review_of
from ..topics import Topic, load_topic, search_path, topic_ids
from .records import judge, judge_approval, topic_fingerprint


@dataclass(frozen=True)
class Row:
    topic: str
    version: str
    locale: str
    content: str  # draft | stale | current | overdue
    reviewer: str
    review_due: str
    translation: str  # source | draft | reviewed | stale | overdue
    translation_changed: int  # messages changed since the translation's review
    translator: str
    translation_reviewer: str
    translation_due: str
    approval: str  # none | current | stale | overdue (with a brand); "-" without
    approval_code: str
    approval_until: str
    problems: tuple[str, ...]

    def as_dict(self) -> dict:
        return {**asdict(self), "problems": list(self.problems)}


def topic_summary(topic: Topic, path, today: dt.date) -> tuple[str, str, str]:
    """(state, reviewer, next review due) of a topic's content review."""
    status = judge(topic.review, topic_fingerprint(topic.id, path), today)
    record = status.record
    return status.state, record.reviewer, str(record.next_review or "")


def approval_summary(topic: Topic, brand: Brand, path, today: dt.date) -> tuple[str, str, str]:
    """(state, clinic code, until) of the clinic's approval; "-" without a brand file."""
    if brand.source is None:
        return "-", "", ""
    approval = brand.approval_for(topic.id)
    if approval is None:
        return "none", "", ""
    return judge_approval(approval, topic_fingerprint(topic.id, path), today), approval.code, str(approval.until)


def status_rows(brand: Brand = PLACEHOLDER, *, today: dt.date) -> list[Row]:
    path = search_path(brand.templates)
    catalogs = {}
    for locale in available_locales():
        if locale != SOURCE_LOCALE:
            po = read_catalog(po_path(locale), locale)
            catalogs[locale] = (review_of(po), current_digests(po))
    rows = []
    for topic_id in topic_ids(path):
        topic = load_topic(topic_id, path)
        content, reviewer, due = topic_summary(topic, path, today)
        approval, code, until = approval_summary(topic, brand, path, today)
        for locale in available_locales():
            problems = []
            if content in ("draft", "stale"):
                problems.append(f"content {content}: not yet checked by a clinician" if content == "draft"
                                else "content stale: the English changed since its review")
            if content == "overdue":
                problems.append(f"content overdue since {due}")
            translation, changed, translator, checker, translation_due = "source", 0, "", "", ""
            if locale != SOURCE_LOCALE:
                review, digests = catalogs[locale]
                changed = review.changed(digests) if not review.draft else 0
                translator, checker, translation_due = review.translator, review.reviewer, review.due
                translation = "draft" if review.draft else "stale" if changed else "reviewed"
                if translation == "reviewed" and review.due_date and review.due_date < today:
                    translation = "overdue"
                if translation != "reviewed":
                    problems.append(f"translation {translation}" + (f": {changed} messages changed since review"
                                                                    if changed else ""))
            if approval in ("none", "stale", "overdue") and brand.require_approval:
                problems.append(f"clinic approval {approval}: build and batch refuse this topic")
            elif approval in ("stale", "overdue"):
                problems.append(f"clinic approval {approval}")
            rows.append(Row(topic_id, topic.version, locale, content, reviewer, due, translation, changed,
                            translator, checker, translation_due, approval, code, until, tuple(problems)))
    return rows
