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


def extra_catalog_folders() -> tuple[Path, ...]:
    """Catalog folders named in ``HANDOUTS_LOCALES`` (several joined with ``os.pathsep``)."""
    value = os.environ.get("HANDOUTS_LOCALES", "")
    return tuple(Path(part) for part in value.split(os.pathsep) if part)


def catalog_folders(*extra: Path) -> tuple[Path, ...]:
    """Where catalogs are looked for, first match wins: folders given on the command line or
    in the brand file, then ``HANDOUTS_LOCALES``, then the package's own."""
    return tuple(dict.fromkeys((*extra, *extra_catalog_folders(), LOCALES_DIR)))


def locales_dir() -> Path:
    """The first catalog folder in use: a translator's own, else the package's."""
    return catalog_folders()[0]


def source_checkout(start: Path | None = None) -> Path | None:
    """The handouts source checkout the command runs in (this folder or one above it), or
    the one an editable install points to; ``None`` when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents, SOURCE_ROOT):
        if (folder / "babel.cfg").is_file() and (folder / "templates").is_dir() and (folder / "handouts").is_dir():
            return folder
    return None


def inside_package(path: Path) -> bool:
    """Whether ``path`` is inside the installed package (never written to)."""
    return not (SOURCE_ROOT / "babel.cfg").is_file() and PACKAGE_DIR in path.resolve().parents
