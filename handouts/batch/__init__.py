"""Batch printing: a manifest of handouts in, one print pack or a folder of files out.

    manifest = load_manifest(Path("ward.toml"))   # checked as a whole, every problem listed
    plan = make_plan(manifest)                    # each distinct handout once, with its copies
    report = run_plan(plan, workers=4, resume=True)
"""
from importlib import import_module

_PUBLIC = {
    "Entry": "manifest", "Manifest": "manifest", "load_manifest": "manifest",
    "Job": "plan", "Plan": "plan", "make_plan": "plan", "pack_pages": "plan", "padded": "plan",
    "Outcome": "run", "Report": "run", "run_plan": "run",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    """Load the batch engine on first use: the command line's --help need not pay for it."""
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
