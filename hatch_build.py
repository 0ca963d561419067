"""Build hook: compile every gettext catalog (.po) to .mo inside the wheel.

Compiled .mo files are never committed, so they can never be stale in the repository.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        out = Path(tempfile.mkdtemp(prefix="handouts-mo-"))
        for po_path in sorted((root / "locales").glob("*/LC_MESSAGES/handouts.po")):
            locale = po_path.parent.parent.name
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=locale)
            mo_path = out / locale / "handouts.mo"
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            build_data["force_include"][str(mo_path)] = f"handouts/locales/{locale}/LC_MESSAGES/handouts.mo"
