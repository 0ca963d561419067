"""``handouts batch``: a manifest in, one library call, the outcome and exit code out."""
from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import EXIT_INTERRUPTED, EXIT_PARTIAL, HandoutsError, Terminated

if TYPE_CHECKING:
    from .run import Outcome, Progress, Report

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

EXIT_CODES = """\b
Exit codes:
  0    every handout printed (or still up to date, with --resume)
  1    the batch finished, but some handouts failed (listed); a merged pack is then not written
  2    usage error (bad option)
  3    the manifest or its inputs have problems (all listed); nothing is written
  4    the outputs cannot be written, or another batch is writing them
  130  interrupted: no partial files are left (in folder mode, finished files stay for --resume)
  143  stopped by SIGTERM (129: SIGHUP), as an interruption: the workers stop, the lock is
       released, finished files and the --resume record stay"""

TERMINATING = (signal.SIGTERM, signal.SIGHUP)


@click.command("batch", context_settings=CONTEXT, epilog=EXIT_CODES)
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), default=None,
              help="Handouts rendered at once, each in its own process. Default: one per CPU.")
@click.option("--resume", is_flag=True,
              help="Skip handouts whose inputs have not changed since they were written.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; warnings and errors still show.")
@click.option("--allow-overdue", is_flag=True,
              help="Print topics, translations or approvals past their review date, marked overdue on every page.")
@click.option("--locales", "locales", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder of extra catalogs (yours, as made by 'handouts i18n init --locales-dir'); repeatable.")
def batch_command(manifest: Path, workers: int | None, resume: bool, quiet: bool, allow_overdue: bool,
                  locales: tuple[Path, ...]) -> None:
    """Print every handout a manifest lists, as one print pack or a folder of files.

    The manifest (TOML) names the brand, the output (pdf = one merged pack, or dir = one
    file per handout) and a [[handout]] table per topic with its languages and copies.
    It is checked as a whole first: every problem is listed and nothing is written.

    \b
    Examples:
      handouts batch ward.toml
      handouts batch ward.toml -j 4
      handouts batch ward.toml --resume      # only what changed since the last run
    """
    from .manifest import load_manifest
    from .plan import check_reviews, make_plan
    from .run import run_plan

    try:
        _raise_on_terminating_signals()
        plan = make_plan(load_manifest(manifest, locales=locales), allow_overdue=allow_overdue)
        for warning in [*plan.manifest.warnings, *check_reviews(plan)]:
            click.echo(f"handouts: warning: {warning}", err=True)
        with _progress(len(plan.jobs), shown=not quiet and sys.stderr.isatty()) as progress:
            report = run_plan(plan, workers=workers, resume=resume, progress=progress)
    except HandoutsError as error:
        click.echo(f"handouts: error: {error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("\nhandouts: interrupted; no partial files were left", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Terminated as stop:
        name = signal.Signals(stop.signum).name
        click.echo(f"\nhandouts: stopped by {name}; no partial files were left (finished files and the resume "
                   "record are kept: run again with --resume)", err=True)
        sys.exit(128 + stop.signum)
    for line in dict.fromkeys(f"{o.job.label}: {m}" for o in report.outcomes for m in o.messages):
        click.echo(f"handouts: {line}", err=True)
    if not quiet:
        click.echo(f"handouts: {summary(report)}", err=True)
    if report.failures:
        click.echo(f"handouts: error: {failures(report)}", err=True)
        sys.exit(EXIT_PARTIAL)


def _raise_on_terminating_signals() -> None:
    """SIGTERM and SIGHUP unwind the batch like Ctrl-C (a ``Terminated`` exception), so the
    workers are stopped and the lock and resume record are looked after."""
    def stop(signum: int, _frame) -> None:
        raise Terminated(signum)
    for number in TERMINATING:
        signal.signal(number, stop)


@contextmanager
def _progress(length: int, *, shown: bool) -> Iterator[Progress]:
    if not shown:
        yield lambda outcome: None
        return
    with click.progressbar(length=length, label="Rendering", file=sys.stderr) as bar:
        yield lambda outcome: bar.update(1)


def summary(report: Report) -> str:
    """One line: what was made, where, and how long it took."""
    from .run import PRINT_LIST

    manifest = report.plan.manifest
    counts = (f"{len(report.outcomes)} distinct: {report.rendered} rendered, {report.current} up to date, "
              f"{len(report.failures)} failed")
    if manifest.pack is not None and report.failures:
        return f"nothing written to {manifest.pack} in {report.seconds:.1f} s ({counts})"
    made = f"made {_count(report.handouts, 'handout')}, {_count(report.pages, 'page')}"
    if manifest.pack is not None:
        return f"{made} -> {manifest.pack} in {report.seconds:.1f} s ({counts})"
    return (f"{made} -> {manifest.folder}/ in {report.seconds:.1f} s ({counts}); "
            f"copies per file in {manifest.folder / PRINT_LIST}")


def failures(report: Report) -> str:
    """Which handouts failed and why, and what that means for the output."""
    failed = report.failures
    manifest = report.plan.manifest
    head = f"{len(failed)} of {len(report.outcomes)} handouts failed"
    if manifest.pack is not None:
        head += f", so {manifest.pack} was not written (an earlier pack there is unchanged)"
    else:
        head += f"; the others were written to {manifest.folder}/"
    return head + ":" + "".join(_failure(o) for o in failed)


def _failure(outcome: Outcome) -> str:
    detail = (outcome.error or "").replace("\n", "\n      ")
    return f"\n  - {outcome.job.label}: {detail}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")
