"""Where the packaged data lives: templates, locales and fonts.

In an installed wheel the data sits inside the package; in a source checkout it sits at
the repository root, beside the package.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


TEMPLATES_DIR = _data_dir("templates")
LOCALES_DIR = _data_dir("locales")
FONTS_DIR = PACKAGE_DIR / "fonts"
