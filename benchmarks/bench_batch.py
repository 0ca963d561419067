"""Benchmark: a maternity ward's print pack of ~500 handouts, rendered with -j 1 and -j 2.

Reference (the batch-printing issue): a ward pack of ~500 handouts runs in seconds, and
-j 2 is clearly faster than -j 1. This script prints wall time (the best of a few cold
runs, as timeit does, so a busy neighbour does not decide the figure), handouts per second,
pages, output size and the speed-up, says how they compare with that reference, and exits
non-zero only when a run fails.

    python benchmarks/bench_batch.py                  # -j 1 and -j 2, all four languages
    python benchmarks/bench_batch.py --jobs 1,2,4
    python benchmarks/bench_batch.py --locales en,es,zh_Hans
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

SELECTIONS = [
    None,  # the topic's defaults
    ["all"],
    ["overview"],
    ["overview", "faq"],
    ["home-care", "seek-advice"],
    ["types", "causes", "compare"],
]
TARGET_SECONDS = 30.0  # "in seconds": well under a minute on one core
TARGET_SPEEDUP = 1.3  # "clearly faster" with two workers on two or more CPUs


def manifest_text(output: str, locales: list[str], copies: int) -> str:
    lines = [output, "duplex = true", ""]
    for selection in SELECTIONS:
        lines += ["[[handout]]", 'topic = "milia"', f"locales = {locales!r}".replace("'", '"')]
        if selection:
            lines.append(f"sections = {selection!r}".replace("'", '"'))
        lines += [f"copies = {copies}", ""]
    return "\n".join(lines)


def run(folder: Path, workers: int) -> float:
    """One cold run of the command line; returns the wall time in seconds."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "handouts.batch", "ward.toml", "-j", str(workers), "-q"],
                          cwd=folder, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench_batch: -j {workers} failed with exit {done.returncode}:\n{done.stderr}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", default="1,2", help="worker counts to compare (default: 1,2)")
    parser.add_argument("--locales", default="en,es,ar,zh_Hans", help="languages (default: en,es,ar,zh_Hans)")
    parser.add_argument("--handouts", type=int, default=500, help="printed handouts, about (default: 500)")
    parser.add_argument("--repeat", type=int, default=3, help="cold runs per worker count, best counts (default: 3)")
    args = parser.parse_args()
    workers = [int(j) for j in args.jobs.split(",")]
    locales = args.locales.split(",")
    distinct = len(SELECTIONS) * len(locales)
    copies = max(1, round(args.handouts / distinct))

    print(f"ward pack: milia, {len(SELECTIONS)} section selections x {len(locales)} languages "
          f"({', '.join(locales)}) = {distinct} distinct handouts x {copies} copies = {distinct * copies} handouts, "
          f"duplex; {os.cpu_count()} CPUs")
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        for count in workers:
            folder = Path(tmp) / f"j{count}"
            folder.mkdir()
            (folder / "ward.toml").write_text(manifest_text('pdf = "ward-pack.pdf"', locales, copies), "utf-8")
            runs = [run(folder, count) for _ in range(args.repeat)]
            times[count] = min(runs)
            pack = (folder / "ward-pack.pdf").read_bytes()
            pages = len(PdfReader(io.BytesIO(pack)).pages)
            print(f"  -j {count}: {times[count]:6.2f} s wall (best of {args.repeat}; worst {max(runs):.2f} s), "
                  f"{distinct * copies / times[count]:6.1f} handouts/s, {pages:,} pages, pack {len(pack) / 1e6:.2f} MB")

        # The same handouts as a folder: one file each, to show what copies would weigh
        # if every copy stored its own pages instead of sharing them.
        folder = Path(tmp) / "dir"
        folder.mkdir()
        (folder / "ward.toml").write_text(
            manifest_text('dir = "out"\npattern = "{locale}-{sections}.pdf"', locales, copies), "utf-8")
        run(folder, max(workers))
        files = sum(p.stat().st_size for p in (folder / "out").glob("*.pdf"))
        print(f"  distinct handouts: {files / 1e6:.2f} MB as {distinct} files; duplicated per copy they would "
              f"be {files * copies / 1e6:.1f} MB")

    slowest = max(times.values())
    print(f"reference: ~500 handouts in seconds (under {TARGET_SECONDS:.0f} s); "
          f"{'met' if slowest < TARGET_SECONDS else 'NOT met'} (slowest worker count: {slowest:.1f} s)")
    if 1 in times and 2 in times:
        speedup = times[1] / times[2]
        verdict = "met" if speedup >= TARGET_SPEEDUP else ("NOT met" if (os.cpu_count() or 1) >= 2
                                                           else "not measurable on one CPU")
        print(f"reference: -j 2 clearly faster than -j 1 (>= {TARGET_SPEEDUP}x); speed-up {speedup:.2f}x, {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
