"""From a manifest to the work: each distinct handout once, and the page arithmetic of
the print pack or the folder."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..build import Request, check_review
from ..errors import InputError
from .manifest import Entry, Manifest

LABEL_TABLES = 3  # [[handout]] numbers a job's label names before "and N more"


@dataclass(frozen=True)
class Job:
    """One distinct handout (topic, language, sections, brand, paper): rendered once,
    printed ``copies`` times in the whole batch."""

    request: Request
    copies: int
    tables: tuple[int, ...]  # the [[handout]] tables asking for it
    name: str | None = None  # folder mode: the file name inside the folder

    @property
    def label(self) -> str:
        """Names the handout and the first few tables that ask for it: a pack's bookmarks and
        messages stay short however many entries repeat one handout."""
        tables = ", ".join(f"#{i}" for i in self.tables[:LABEL_TABLES])
        if len(self.tables) > LABEL_TABLES:
            tables += f" and {len(self.tables) - LABEL_TABLES} more"
        return f"{self.request.topic} ({self.request.locale}, {'+'.join(self.request.sections)}; [[handout]] {tables})"


@dataclass(frozen=True)
class Plan:
    manifest: Manifest
    jobs: tuple[Job, ...]
    # The pack's running order: (job number, copies), one per entry, in manifest order.
    order: tuple[tuple[int, int], ...]

    @property
    def handouts(self) -> int:
        """Printed handouts: every copy counts."""
        return sum(job.copies for job in self.jobs)


def make_plan(manifest: Manifest, *, allow_overdue: bool = False) -> Plan:
    """Group the manifest's entries into distinct jobs, keeping first-asked order."""
    numbers: dict[Request, int] = {}
    firsts: list[Entry] = []  # the entry that first asked for each job
    copies: list[int] = []
    tables: list[dict[int, None]] = []  # ordered sets: linear however many entries repeat a job
    order: list[tuple[int, int]] = []
    for entry in manifest.entries:
        request = request_for(entry, manifest, allow_overdue=allow_overdue)
        number = numbers.setdefault(request, len(firsts))
        if number == len(firsts):
            firsts.append(entry)
            copies.append(0)
            tables.append({})
        copies[number] += entry.copies
        tables[number][entry.index] = None
        order.append((number, entry.copies))
    jobs = tuple(Job(request=request, copies=copies[n], tables=tuple(tables[n]), name=firsts[n].name)
                 for request, n in numbers.items())
    return Plan(manifest=manifest, jobs=jobs, order=tuple(order))


def request_for(entry: Entry, manifest: Manifest, *, allow_overdue: bool = False) -> Request:
    return Request(topic=entry.topic, sections=entry.sections, locale=entry.locale, brand=manifest.brand,
                   paper=entry.paper, large_print=entry.large_print, allow_incomplete=entry.allow_incomplete,
                   allow_overdue=allow_overdue,
                   locales=manifest.locales)


def check_reviews(plan: Plan) -> list[str]:
    """Every handout's review, approval and overdue rules, checked before anything prints:
    raises one ``InputError`` listing every refusal; returns the warnings."""
    problems: list[str] = []
    warnings: list[str] = []
    for request in dict.fromkeys(job.request for job in plan.jobs):
        try:
            warnings += check_review(request)
        except InputError as error:
            problems.append(str(error))
    if problems:
        raise InputError(f"{plan.manifest.path}: {len(problems)} handout(s) cannot be printed as they stand; "
                         "nothing was printed", problems=list(dict.fromkeys(problems)))
    return list(dict.fromkeys(warnings))


def padded(pages: int, duplex: bool) -> int:
    """Pages one copy takes in a pack: printed on both sides, an odd handout gets a blank
    back so the next one starts on a new sheet."""
    return pages + pages % 2 if duplex else pages


def pack_pages(plan: Plan, pages: Sequence[int]) -> int:
    """The pack's page count, from each job's page count."""
    return sum(copies * padded(pages[number], plan.manifest.duplex) for number, copies in plan.order)


def folder_pages(plan: Plan, pages: Sequence[int]) -> int:
    """Pages to print in folder mode: each file once per copy."""
    return sum(job.copies * pages[number] for number, job in enumerate(plan.jobs))
