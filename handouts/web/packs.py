"""Ward packs from the staff page: the batch engine's plan, review checks and duplex pack,
rendered in the background with progress and kept in memory until downloaded.

Bounds (documented in the README): at most ``MAX_ROWS`` rows, ``MAX_COPIES`` copies in a
row, ``MAX_HANDOUTS`` printed handouts and ``MAX_PAGES`` pages in a pack; the page count is
checked once the distinct handouts are rendered, before the pack is put together. The
server keeps the last ``KEEP`` packs.
"""
from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..batch.manifest import Entry, Manifest
from ..batch.pack import assemble, page_count
from ..batch.plan import check_reviews, make_plan, pack_pages
from ..build import build
from ..errors import HandoutsError, RequestError
from ..i18n.catalogs import normalise
from ..topics import load_topic, search_path, topic_ids
from .choices import PAPERS, Setup

MAX_ROWS = 40
MAX_COPIES = 200
MAX_HANDOUTS = 1000
MAX_PAGES = 2000
KEEP = 8


@dataclass
class PackJob:
    """One pack being made: how far it got, and the PDF once it is done."""

    id: str
    total: int  # distinct handouts to render
    done: int = 0
    state: str = "running"  # running | done | failed
    error: str | None = None
    pages: int | None = None
    pdf: bytes | None = field(default=None, repr=False)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "state": self.state, "done": self.done, "total": self.total,
                "pages": self.pages, "error": self.error, "warnings": self.warnings}


def manifest_from(spec: object, setup: Setup) -> Manifest:
    """A checked in-memory manifest from the page's pack form (JSON)."""
    if not isinstance(spec, dict):
        raise RequestError("the pack request is not a JSON object")
    brand = setup.brand(_text(spec, "brand"))
    paper = spec.get("paper") or brand.paper
    if paper not in PAPERS:
        raise RequestError(f"unknown paper {paper!r}; choose a4 or letter")
    rows = spec.get("rows")
    if not isinstance(rows, list) or not rows:
        raise RequestError("add at least one handout to the pack")
    if len(rows) > MAX_ROWS:
        raise RequestError(f"a pack holds at most {MAX_ROWS} rows; make two packs")
    path = search_path(brand.templates)
    known_topics = topic_ids(path)
    known_languages = {tag for tag, *_ in setup.languages()}
    entries = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise RequestError(f"row {number}: not a handout")
        topic_id, locale = _text(row, "topic"), _text(row, "locale")
        if topic_id not in known_topics:
            raise RequestError(f"row {number}: unknown topic {topic_id!r}")
        if locale not in known_languages:
            raise RequestError(f"row {number}: unknown language {locale!r}")
        copies = row.get("copies")
        if not isinstance(copies, int) or isinstance(copies, bool) or not 1 <= copies <= MAX_COPIES:
            raise RequestError(f"row {number}: copies must be a whole number from 1 to {MAX_COPIES}")
        topic = load_topic(topic_id, path)
        entries.append(Entry(index=number, topic=topic_id, locale=normalise(locale), sections=topic.default_sections,
                             paper=paper, copies=copies, allow_incomplete=False))
    if sum(e.copies for e in entries) > MAX_HANDOUTS:
        raise RequestError(f"a pack holds at most {MAX_HANDOUTS} printed handouts; make smaller packs")
    return Manifest(path=Path("ward-pack"), brand=brand, brand_file=brand.source, pack=Path("ward-pack.pdf"),
                    folder=None, duplex=spec.get("duplex", True) is not False, entries=tuple(entries),
                    locales=setup.locales)


def _text(table: dict, key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value or len(value) > 200:
        raise RequestError(f"{key!r} is missing")
    return value


class Packs:
    """The packs this server is making or has made, newest last."""

    def __init__(self, render_lock: threading.Lock) -> None:
        self._jobs: OrderedDict[str, PackJob] = OrderedDict()
        self._lock = threading.Lock()
        self._render_lock = render_lock

    def start(self, manifest: Manifest, *, log: Callable[[str], None]) -> PackJob:
        """Check every review rule now (a refusal is the caller's error), then render in
        the background."""
        plan = make_plan(manifest)
        warnings = check_reviews(plan)
        job = PackJob(id=secrets.token_urlsafe(12), total=len(plan.jobs), warnings=warnings)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                self._jobs.popitem(last=False)
        threading.Thread(target=self._run, args=(job, plan, log), daemon=True, name=f"pack-{job.id}").start()
        return job

    def get(self, job_id: str) -> PackJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: PackJob, plan, log: Callable[[str], None]) -> None:
        try:
            pdfs, pages = [], []
            for planned in plan.jobs:
                with self._render_lock:
                    pdf = build(planned.request).pdf
                pdfs.append(pdf)
                pages.append(page_count(pdf))
                job.done += 1
            total = pack_pages(plan, pages)
            if total > MAX_PAGES:
                raise RequestError(f"this pack would have {total} pages; a pack holds at most {MAX_PAGES}")
            job.pdf = assemble(pdfs, plan.order, duplex=plan.manifest.duplex,
                               titles=[j.label for j in plan.jobs], title="Ward pack")
            job.pages, job.state = total, "done"
        except HandoutsError as error:
            job.error, job.state = str(error), "failed"
            log(f"pack {job.id} failed: {error}")
        except Exception as error:  # a renderer bug: a message on the page and in the log, no traceback
            job.error, job.state = "the pack could not be made (an internal error; see the server log)", "failed"
            log(f"pack {job.id} failed: internal error: {type(error).__name__}: {error}")
