"""Where the packaged data lives: templates, locales and fonts.

In an installed wheel the data sits inside the package; in a source checkout it sits at
the repository root, beside the package.
"""
from __future__ import annotations

import os
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
SOURCE_ROOT = PACKAGE_DIR.parent


def locales_dir() -> Path:
    """The catalogs in use: ``HANDOUTS_LOCALES`` (a translator's working folder) or the package's."""
    override = os.environ.get("HANDOUTS_LOCALES")
    return Path(override) if override else LOCALES_DIR
