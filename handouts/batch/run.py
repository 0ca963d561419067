"""Running a plan: each distinct handout rendered once over worker processes, then the pack
or the folder written atomically, under a lock, with a note of what each output was made
from so that ``--resume`` can skip what is still current.

Workers only render and return bytes; the parent process writes every file. So an
interrupted run leaves no temporary files behind: ``write_atomic`` removes its own, and a
file is either the old one or the complete new one.
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..build import Request, build
from ..errors import HandoutsError, InputError, OutputError
from ..output import atomic_file, write_atomic
from .fingerprint import handout_fingerprint, pack_fingerprint
from .lock import exclusive
from .pack import page_count, write_pack
from .plan import Job, Plan, folder_pages, pack_pages
from .state import Record, is_current, read_state, write_state

STATE_NAME = ".handouts-batch.json"
LOCK_NAME = ".handouts-batch.lock"
PRINT_LIST = "print-list.txt"


@dataclass(frozen=True)
class Outcome:
    """What became of one job: rendered, up to date (skipped by ``--resume``), or failed."""

    job: Job
    pages: int | None = None
    rendered: bool = False
    error: str | None = None
    messages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    plan: Plan
    outcomes: tuple[Outcome, ...]  # one per job, in plan order
    written: tuple[Path, ...]
    handouts: int  # printed handouts (every copy) whose output is in place
    pages: int  # pages to print for them
    seconds: float

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.error is not None)

    @property
    def rendered(self) -> int:
        return sum(1 for o in self.outcomes if o.rendered and o.error is None)

    @property
    def current(self) -> int:
        return sum(1 for o in self.outcomes if not o.rendered and o.error is None)


Progress = Callable[[Outcome], None]
# What a run made: outcomes in plan order, files written, printed handouts, pages to print.
_Made = tuple[tuple[Outcome, ...], tuple[Path, ...], int, int]


def run_plan(plan: Plan, *, workers: int | None = None, resume: bool = False,
             progress: Progress | None = None) -> Report:
    """Render and write what ``plan`` asks for; ``progress`` is called as each job finishes.

    Failures are isolated: in folder mode the other files are still written; a merged pack
    is written only when every handout in it rendered. Raises ``OutputError`` when the
    outputs cannot be written or another batch holds their lock; ``KeyboardInterrupt``
    passes through once the workers have stopped and the lock is released.
    """
    started = time.monotonic()
    workers = workers or os.cpu_count() or 1
    progress = progress or (lambda outcome: None)
    run = _run_pack if plan.manifest.pack is not None else _run_folder
    outcomes, written, handouts, pages = run(plan, workers, resume, progress)
    return Report(plan=plan, outcomes=outcomes, written=written, handouts=handouts, pages=pages,
                  seconds=time.monotonic() - started)


# -- the two kinds of output ---------------------------------------------------


def _run_pack(plan: Plan, workers: int, resume: bool, progress: Progress) -> _Made:
    manifest = plan.manifest
    pack = manifest.pack
    assert pack is not None
    _make_folder(pack.parent)
    with exclusive(pack.with_name(pack.name + ".lock")):
        state_path = pack.with_name(f".{pack.name}{STATE_NAME}")
        inputs = pack_fingerprint([handout_fingerprint(job.request, manifest.brand_file) for job in plan.jobs],
                                  plan.order, manifest.duplex)
        record = read_state(state_path).get(pack.name)
        if resume and record is not None and is_current(record, inputs, pack):
            outcomes = tuple(Outcome(job) for job in plan.jobs)
            for outcome in outcomes:
                progress(outcome)
            return outcomes, (), plan.handouts, record.pages

        results: dict[int, _Rendered] = {}
        outcomes_by_job: dict[int, Outcome] = {}

        def done(number: int, result: _Rendered) -> None:
            results[number] = result
            outcomes_by_job[number] = _outcome(plan.jobs[number], result)
            progress(outcomes_by_job[number])

        _render_each([job.request for job in plan.jobs], workers, done)
        outcomes = tuple(outcomes_by_job[n] for n in range(len(plan.jobs)))
        if any(o.error for o in outcomes):
            return outcomes, (), 0, 0
        pages = [results[n].pages or 0 for n in range(len(plan.jobs))]
        total = pack_pages(plan, pages)
        if total > manifest.max_pages:  # known once each distinct handout is rendered, before the pack is made
            raise InputError(f"{manifest.path}: the pack would have {total:,} pages, over its limit of "
                             f"{manifest.max_pages:,} (max_pages); split it, or raise max_pages; nothing was written")
        with atomic_file(pack) as out:  # streamed: memory stays flat however many copies
            digest = write_pack(out, [results[n].pdf or b"" for n in range(len(plan.jobs))], plan.order,
                                duplex=manifest.duplex, titles=[job.label for job in plan.jobs],
                                title=manifest.path.stem)
        write_state(state_path, {pack.name: Record(inputs, digest, total)})
        return outcomes, (pack,), plan.handouts, total


def _run_folder(plan: Plan, workers: int, resume: bool, progress: Progress) -> _Made:
    manifest = plan.manifest
    folder = manifest.folder
    assert folder is not None
    _make_folder(folder)
    with exclusive(folder / LOCK_NAME):
        state_path = folder / STATE_NAME
        old = read_state(state_path)
        fingerprints = [handout_fingerprint(job.request, manifest.brand_file) for job in plan.jobs]
        # Outputs still as recorded stay in the state even when re-rendered or interrupted.
        records = {job.name: old[job.name] for number, job in enumerate(plan.jobs)
                   if job.name and is_current(old.get(job.name), fingerprints[number], folder / job.name)}
        outcomes: dict[int, Outcome] = {}
        todo = []
        for number, job in enumerate(plan.jobs):
            if resume and job.name in records:
                outcomes[number] = Outcome(job, pages=records[job.name].pages)
                progress(outcomes[number])
            else:
                todo.append(number)
        written: list[Path] = []

        def done(index: int, result: _Rendered) -> None:
            number = todo[index]
            job = plan.jobs[number]
            assert job.name is not None
            if result.error is None and result.pdf is not None:
                target = folder / job.name
                _make_folder(target.parent)
                write_atomic(target, result.pdf)
                written.append(target)
                records[job.name] = Record(fingerprints[number], _sha256(result.pdf), result.pages or 0)
            else:
                records.pop(job.name, None)
            outcomes[number] = _outcome(job, result)
            progress(outcomes[number])

        try:
            _render_each([plan.jobs[n].request for n in todo], workers, done)
        except BaseException:
            # Keep what was written, so --resume carries on from here.
            try:
                write_state(state_path, records)
            except OutputError:
                pass
            raise
        write_state(state_path, records)
        ordered = tuple(outcomes[n] for n in range(len(plan.jobs)))
        write_atomic(folder / PRINT_LIST, print_list(plan, ordered).encode("utf-8"))
        handouts = sum(o.job.copies for o in ordered if o.error is None)
        return ordered, tuple(written), handouts, folder_pages(plan, [o.pages or 0 for o in ordered])


def print_list(plan: Plan, outcomes: Sequence[Outcome]) -> str:
    """What the print room needs in folder mode: each file, how many copies, how many pages."""
    lines = [f"# Print list for {plan.manifest.path.name} (handouts {__version__})",
             "# file\tcopies\tpages per copy\tpages to print"]
    for outcome in outcomes:
        job = outcome.job
        if outcome.error is not None:
            lines.append(f"{job.name}\t{job.copies}\t-\t-\tFAILED: not made in this run, do not print")
        else:
            pages = outcome.pages or 0
            lines.append(f"{job.name}\t{job.copies}\t{pages}\t{job.copies * pages}")
    made = [o for o in outcomes if o.error is None]
    lines.append(f"# total: {len(made)} files, {sum(o.job.copies for o in made)} copies, "
                 f"{sum(o.job.copies * (o.pages or 0) for o in made)} pages")
    return "\n".join(lines) + "\n"


# -- rendering -----------------------------------------------------------------


@dataclass(frozen=True)
class _Rendered:
    """A worker's answer: the PDF and its page count, or why it could not be made."""

    pdf: bytes | None = None
    pages: int | None = None
    error: str | None = None
    messages: tuple[str, ...] = ()


def _render(request: Request) -> _Rendered:
    """Build one handout (runs in a worker process); every failure becomes an answer."""
    try:
        handout = build(request)
        return _Rendered(handout.pdf, page_count(handout.pdf), None, handout.messages)
    except HandoutsError as exc:
        return _Rendered(error=str(exc))
    except Exception as exc:  # a template or renderer bug must not stop the other handouts
        return _Rendered(error=f"unexpected error: {type(exc).__name__}: {exc}")


def _outcome(job: Job, result: _Rendered) -> Outcome:
    return Outcome(job, pages=result.pages, rendered=True, error=result.error, messages=result.messages)


def _render_each(requests: Sequence[Request], workers: int, done: Callable[[int, _Rendered], None]) -> None:
    """Render each request in worker processes, calling ``done(number, result)`` in the
    parent as each finishes.

    A worker that dies (killed, out of memory) breaks the pool and every handout still
    waiting in it; those are then rendered again one at a time, each in a fresh worker,
    so only the handout that kills its worker fails."""
    if not requests:
        return
    broken: list[int] = []
    _in_pool(requests, range(len(requests)), workers, done, broken)
    for number in sorted(broken):
        _in_pool(requests, [number], 1, done, None)


_DIED = ("the worker process rendering this handout stopped abruptly (killed, or out of memory); "
         "the other handouts were not affected")
_STOPS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _in_pool(requests: Sequence[Request], numbers: Sequence[int], workers: int,
             done: Callable[[int, _Rendered], None], broken: list[int] | None) -> None:
    """Render ``numbers`` in a pool of ``workers``; with ``broken``, collect those a dying
    worker took down instead of reporting them."""
    with ProcessPoolExecutor(max_workers=min(workers, len(numbers)), initializer=_worker_setup,
                             initargs=(os.getpid(),)) as pool:
        # Ctrl-C reaches the whole process group: the workers ignore it and the parent stops
        # them. Signals are blocked while they start so none is caught half set up.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            futures = {pool.submit(_render, requests[number]): number for number in numbers}
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        try:
            for future in as_completed(futures):
                try:
                    result = future.result()
                except BrokenProcessPool:
                    if broken is not None:
                        broken.append(futures[future])
                        continue
                    result = _Rendered(error=_DIED)
                except Exception as exc:  # the result could not come back (e.g. not picklable)
                    result = _Rendered(error=f"the worker process failed: {type(exc).__name__}: {exc}")
                done(futures[future], result)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _worker_setup(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent; die at once on SIGTERM and SIGHUP (the
    pool itself stops a broken pool's workers with SIGTERM); and die with the parent, so a
    parent killed outright never leaves workers holding the batch's lock."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
        if os.getppid() != parent:  # the parent died before the line above: stop now
            os._exit(1)
    except (OSError, AttributeError):  # not Linux: the parent's own clean-up still stops the workers
        pass


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the output folder: {exc.strerror}") from None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
