"""Time one handout, as a clinic makes it: a fresh `handouts build` process per run.

Reference (the product brief): "one command, a correct PDF in about a second". The script
prints the best and worst wall time of each case over several cold runs and says whether
the best is within 1.5 s. It exits non-zero only when a build fails.

    python benchmarks/bench_build.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REFERENCE_SECONDS = 1.5
CASES = [
    ("milia, default sections, en", ["milia"]),
    ("milia, all sections, en", ["milia", "-s", "all"]),
    ("milia, all sections, es", ["milia", "-s", "all", "-l", "es"]),
    ("milia, all sections, ar", ["milia", "-s", "all", "-l", "ar"]),
    ("milia, all sections, zh_Hans", ["milia", "-s", "all", "-l", "zh_Hans"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    met = True
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.pdf"
        for label, case in CASES:
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = subprocess.run([sys.executable, "-m", "handouts", "build", *case, "-o", str(out)],
                                        env=env, capture_output=True, text=True)
                times.append(time.perf_counter() - start)
                if result.returncode != 0:
                    print(f"{label}: failed ({result.returncode}): {result.stderr.strip()}")
                    return 1
            best = min(times)
            met = met and best <= REFERENCE_SECONDS
            print(f"{label:32} best {best:5.2f} s, worst {max(times):5.2f} s, {out.stat().st_size / 1024:6.1f} kB")
    verdict = "met" if met else "NOT met"
    print(f"reference: a handout in about a second (best run <= {REFERENCE_SECONDS} s per case): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
