"""Batch printing: a manifest of handouts in, one print pack or a folder of files out.

    manifest = load_manifest(Path("ward.toml"))   # checked as a whole, every problem listed
    plan = make_plan(manifest)                    # each distinct handout once, with its copies
    report = run_plan(plan, workers=4, resume=True)
"""
from .manifest import Entry, Manifest, load_manifest
from .plan import Job, Plan, make_plan, pack_pages, padded
from .run import Outcome, Report, run_plan

__all__ = ["Entry", "Job", "Manifest", "Outcome", "Plan", "Report", "load_manifest", "make_plan", "pack_pages",
           "padded", "run_plan"]
