"""How close a handout comes to what ReportLab itself needs, measured side by side in one run.

    python benchmarks/bench_speed.py [--repeat 5] [--skip-pack]

Prints, from one run on this machine:
- warm, in one process: ms per distinct handout (en, es, ar, zh_Hans, bn; default and all
  sections; A4), ms per page, and the floor: the same pages' text drawn by a bare ReportLab
  canvas (same fonts, same strings, same positions, fonts subset and embedded), with each
  handout's ratio to it;
- cold start: wall time of fresh processes `handouts build milia`, `handouts --help` and
  `handouts list topics`, against `python -c pass`;
- a 504-handout ward pack (six topics x four languages x 21 copies) at -j 1 and -j 2;
- peak memory of a batch run as its pack grows from 100 to 10,000 handouts;
- peak memory of this process, and the default handout's size in bytes.

The reference it compares with is issue 15's: before, en default 200 ms (4 pages) against
a 13 ms floor for 2 pages, ar all sections 623 ms, zh_Hans 236-380 ms, the pack 5.5 s at
-j 1 and 3.3 s at -j 2, 113 KB; targets: per page at most 2x the floor in English and 3x in
Arabic and Chinese, `build` under 0.5 s and `--help` under 0.15 s cold, the pack under 2 s
at -j 2 and -j 2 at least 1.8x -j 1, the default PDF under 60 KB. Timings are the best of
several runs (as timeit does). It exits non-zero only when something fails.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from handouts.build import Request, build
from handouts.pdf.fonts import family

CASES = [(locale, sections) for locale in ("en", "es", "ar", "zh_Hans", "bn") for sections in ("default", "all")]
TARGET_RATIO = {"en": 2.0, "es": 2.0, "ar": 3.0, "zh_Hans": 3.0, "bn": 3.0}


def best_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def text_runs(pdf: bytes) -> list[list[tuple[float, float, float, str, str]]]:
    """Per page: (x, y, size, font face, text) of every piece of text the handout drew."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[float, float, float, str, str]] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if text.strip() and font is not None:
                base = str(font.get("/BaseFont", "")).split("+")[-1]
                runs.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], size * (tm[3] or 1), base, text))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def _face_names() -> dict[str, str]:
    """PostScript name of each bundled face -> its ReportLab registration."""
    from handouts.fontfiles import FACES

    names = {}
    for key in FACES:
        fam = family(key)
        for face in {fam.regular, fam.bold}:
            names[pdfmetrics.getFont(face).face.name.decode() if isinstance(pdfmetrics.getFont(face).face.name, bytes)
                  else pdfmetrics.getFont(face).face.name] = face
    return names


def floor(pages, pagesize, faces: dict[str, str]) -> bytes:
    """The same text on the same number of pages, drawn by a bare canvas."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize)
    for runs in pages:
        for x, y, size, base, text in runs:
            canvas.setFont(faces.get(base, "Handouts-latin"), size)
            canvas.drawString(x, y, text.rstrip("\n"))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def warm(repeat: int) -> None:
    faces = _face_names()
    print("Warm, one process, A4 (best of %d)" % repeat)
    print(f"{'handout':24} {'pages':>5} {'ms':>8} {'ms/page':>8} {'floor ms':>9} {'ratio/page':>10} {'target':>7}")
    for locale, sections in CASES:
        request = Request("milia", locale=locale, sections=("all",) if sections == "all" else (), paper="a4",
                          allow_incomplete=True)
        handout = build(request)  # warm: fonts registered, catalog compiled
        ms = best_ms(lambda: build(request), repeat)
        reader = PdfReader(io.BytesIO(handout.pdf))
        pages = len(reader.pages)
        size = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
        runs = text_runs(handout.pdf)
        floor_ms = best_ms(lambda: floor(runs, size, faces), repeat)
        ratio = ms / floor_ms
        target = TARGET_RATIO[locale]
        mark = "met" if ratio <= target else "NOT met"
        print(f"{'milia ' + locale + ' ' + sections:24} {pages:5d} {ms:8.1f} {ms / pages:8.1f} {floor_ms:9.1f} "
              f"{ratio:9.1f}x {target:5.1f}x {mark}")


def cold(repeat: int) -> None:
    print("\nCold start, fresh process (best of %d)" % repeat)
    # As installed: pip compiles every module to bytecode at install time, but an editable
    # checkout (or PYTHONDONTWRITEBYTECODE=1) would compile the package from source on every
    # start. Compile it once first, so the figure is the installed tool's.
    import handouts

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(handouts.__file__).parent)],
                   check=True, capture_output=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    with tempfile.TemporaryDirectory() as folder:
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("handouts --help", [sys.executable, "-m", "handouts", "--help"], 150),
            ("handouts list topics", [sys.executable, "-m", "handouts", "list", "topics"], None),
            ("handouts build milia", [sys.executable, "-m", "handouts", "build", "milia", "-o",
                                      str(Path(folder) / "m.pdf")], 500),
        ]
        for label, command, target in cases:
            ms = best_ms(lambda: subprocess.run(command, env=env, capture_output=True, check=True), repeat)
            verdict = "" if target is None else (f"  target < {target} ms: " + ("met" if ms < target else "NOT met"))
            print(f"{label:24} {ms:8.0f} ms{verdict}")
        size = (Path(folder) / "m.pdf").stat().st_size
        print(f"default handout (en, A4): {size:,} bytes  target < 60 KB: {'met' if size < 60 * 1024 else 'NOT met'}")


def pack(repeat: int) -> None:
    topics = ["milia", "baby-acne", "erythema-toxicum", "heat-rash", "nappy-rash", "cradle-cap"]
    manifest = 'pdf = "pack.pdf"\nduplex = true\n\n[[handout]]\ntopics = [%s]\nlocales = ["en", "es", "ar", ' \
               '"zh_Hans"]\ncopies = 21\n' % ", ".join(f'"{t}"' for t in topics)
    print("\nWard pack: 24 distinct handouts x 21 copies = 504 (best of %d)" % repeat)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ward.toml"
        path.write_text(manifest, encoding="utf-8")
        seconds = {}
        for jobs in (1, 2):
            seconds[jobs] = best_ms(lambda: subprocess.run(
                [sys.executable, "-m", "handouts.batch", str(path), "-j", str(jobs), "-q"], capture_output=True,
                check=True), repeat) / 1000
            print(f"-j {jobs}: {seconds[jobs]:6.2f} s")
        speedup = seconds[1] / seconds[2]
        print(f"speed-up -j 2 over -j 1: {speedup:.2f}x  target >= 1.8x: {'met' if speedup >= 1.8 else 'NOT met'}; "
              f"-j 2 target < 2 s: {'met' if seconds[2] < 2 else 'NOT met'}; pack "
              f"{(Path(folder) / 'pack.pdf').stat().st_size:,} bytes")


def memory() -> None:
    """Peak memory of a whole batch run (the parent and its workers), as the pack grows."""
    topics = ["milia", "baby-acne", "erythema-toxicum", "heat-rash", "nappy-rash", "cradle-cap"]
    print("\nPeak memory as the pack grows (24 distinct handouts, -j 2; largest process of the run)")
    listed = ", ".join(f'"{t}"' for t in topics)
    peaks = {}
    with tempfile.TemporaryDirectory() as folder:
        for handouts in (100, 10_000):
            copies = max(1, round(handouts / 24))
            path = Path(folder) / f"m{handouts}.toml"
            path.write_text(f'pdf = "m{handouts}.pdf"\nduplex = true\nmax_pages = 100000\n\n[[handout]]\n'
                            f'topics = [{listed}]\nlocales = ["en", "es", "ar", "zh_Hans"]\n'
                            f'copies = {copies}\n', encoding="utf-8")
            probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
                     "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "handouts.batch", str(path),
                                  "-j", "2", "-q"], capture_output=True, text=True, check=True).stdout
            seconds = time.perf_counter() - start
            peaks[handouts] = int(out) / 1024
            pages = len(PdfReader(Path(folder) / f"m{handouts}.pdf").pages)
            print(f"{24 * copies:6,} handouts, {pages:6,} pages: {peaks[handouts]:6.0f} MB peak, {seconds:5.2f} s, "
                  f"{(Path(folder) / f'm{handouts}.pdf').stat().st_size:,} bytes")
        growth = peaks[10_000] / peaks[100]
        print(f"growth from 100 to 10,000 handouts: {growth:.2f}x  target flat (under 1.1x): "
              f"{'met' if growth < 1.1 else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-pack", action="store_true")
    args = parser.parse_args()
    warm(args.repeat)
    cold(args.repeat)
    if not args.skip_pack:
        pack(max(1, args.repeat // 2))
        memory()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak memory: this process {own:.0f} MB, largest child process {children:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
