"""Fingerprints of what a handout is made from, so ``--resume`` can tell an output that is
still current from one whose inputs changed."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from .. import __version__
from ..build import Request
from ..i18n.catalogs import SOURCE_LOCALE, po_path, resolve
from ..resources import PACKAGE_DIR
from ..topics import search_path


def handout_fingerprint(request: Request, brand_file: Path | None) -> str:
    """sha256 over everything the handout is made from: the tool (version and code), the
    options, the topic's files on the search path, the catalog, the brand file and logo."""
    digest = hashlib.sha256()

    def feed(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    feed("tool", f"{__version__} {_code_digest()}".encode())
    options = {"topic": request.topic, "sections": list(request.sections), "locale": request.locale,
               "paper": request.paper, "large_print": request.large_print, "allow_incomplete": request.allow_incomplete,
               "allow_overdue": request.allow_overdue}
    feed("options", json.dumps(options, sort_keys=True).encode())
    for number, folder in enumerate(search_path(request.brand.templates)):
        topic = folder / request.topic
        for file in sorted(p for p in topic.rglob("*") if p.is_file()) if topic.is_dir() else ():
            feed(f"template {number} {file.relative_to(topic).as_posix()}", file.read_bytes())
    catalog = resolve(request.locale, request.catalog_folders)
    if catalog != SOURCE_LOCALE:
        feed(f"catalog {catalog}", po_path(catalog, request.catalog_folders).read_bytes())
    if brand_file is not None:
        feed("brand", brand_file.read_bytes())
    # The values the brand file gave (the logo as printed included), not where it was read from.
    feed("brand values", repr(dataclasses.replace(request.brand, source=None)).encode())
    return digest.hexdigest()


def pack_fingerprint(fingerprints: Iterable[str], order: Iterable[tuple[int, int]], duplex: bool) -> str:
    """A merged pack changes when any handout in it changes, or its running order, or duplex."""
    data = {"handouts": list(fingerprints), "order": [list(step) for step in order], "duplex": duplex}
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@functools.cache
def _code_digest() -> str:
    """The package's Python code, so an edited checkout counts as a new tool version."""
    digest = hashlib.sha256()
    for file in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(file.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()
