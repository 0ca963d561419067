"""The review and approval state of one topic in one language, as the staff page shows it.

The same rules as ``handouts build``: an overdue review or approval is refused there, and
the page says so instead of offering a download.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..build import Request
from ..i18n.catalogs import SOURCE_LOCALE, load_catalog
from ..review.status import approval_summary, topic_summary
from ..topics import load_topic, search_path


def describe(request: Request, _: Callable[[str], str], today: dt.date | None = None) -> list[dict]:
    """Lines of (kind, text): kind is ``ok``, ``draft`` or ``refused``, in the page's words."""
    today = today or dt.date.today()
    path = search_path(request.brand.templates)
    topic = load_topic(request.topic, path)
    state, reviewer, due = topic_summary(topic, path, today)
    lines = [_content(state, reviewer, due, _)]
    catalog = load_catalog(request.locale, request.catalog_folders)
    if catalog.locale != SOURCE_LOCALE:
        review = catalog.review
        if catalog.draft:
            lines.append(("draft", _("Draft translation: no reviewer has checked it yet. The handout says so.")))
        elif review.changed(catalog.digests):
            lines.append(("draft", _("The translation changed since its review: it prints as a draft.")))
        elif review.due_date and review.due_date < today:
            lines.append(("refused", _("The translation is overdue for review since %(date)s: it cannot be printed "
                                       "until it is checked again.") % {"date": review.due}))
        else:
            lines.append(("ok", _("Translation checked by %(name)s.") % {"name": review.reviewer}))
    if request.brand.source is not None:
        approval, code, until = approval_summary(topic, request.brand, path, today)
        lines.append(_approval(approval, code, until, request.brand.require_approval, _))
    return [{"kind": kind, "text": text} for kind, text in lines]


def _content(state: str, reviewer: str, due: str, _) -> tuple[str, str]:
    if state == "current":
        return "ok", _("Checked by %(name)s. Next review due %(date)s.") % {"name": reviewer, "date": due}
    if state == "overdue":
        return "refused", _("Overdue for review since %(date)s: it cannot be printed until a clinician checks it "
                            "again.") % {"date": due}
    if state == "stale":
        return "draft", _("The text changed since its review: it prints as a draft until it is checked again.")
    return "draft", _("Draft: no clinician has checked this text yet. The handout says so.")


def _approval(state: str, code: str, until: str, required: bool, _) -> tuple[str, str]:
    if state == "current":
        return "ok", _("Approved by the clinic as %(code)s until %(date)s.") % {"code": code, "date": until}
    if state == "overdue":
        return "refused", _("The clinic's approval ran out on %(date)s: approve it again to print it.") % {
            "date": until}
    if required:
        return "refused", _("Not approved by the clinic, and this clinic prints only approved handouts.")
    return "draft", _("Not approved by the clinic yet.")
