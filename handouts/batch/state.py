"""The batch's memory between runs: which input fingerprint each output was made from.

Kept as a small JSON file beside the outputs, written atomically. A missing or unreadable
state file only means that ``--resume`` renders everything again.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..output import write_atomic
from .fingerprint import file_digest

STATE_VERSION = 1


@dataclass(frozen=True)
class Record:
    """One output as it was written."""

    inputs: str  # sha256 of what it was made from
    output: str  # sha256 of the file written
    pages: int


def read_state(path: Path) -> dict[str, Record]:
    """Output name -> record; empty when there is no usable state file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            return {}
        return {name: Record(**fields) for name, fields in data["outputs"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def write_state(path: Path, records: dict[str, Record]) -> None:
    data = {"version": STATE_VERSION, "outputs": {name: asdict(r) for name, r in sorted(records.items())}}
    write_atomic(path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))


def is_current(record: Record | None, inputs: str, output: Path) -> bool:
    """The output was made from these inputs and is still the file that was written."""
    if record is None or record.inputs != inputs:
        return False
    try:
        return file_digest(output) == record.output
    except OSError:
        return False
