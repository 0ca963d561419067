"""Extract translatable text into the template catalog (``locales/handouts.pot``)."""
from __future__ import annotations

import datetime as dt
import io
import tomllib
from pathlib import Path
from typing import IO, Iterator

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from .. import __version__

DOMAIN = "handouts"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}


def extract_topic(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor for ``topic.toml``: the topic's title is printed, so it is translated."""
    data = fileobj.read().decode("utf-8")
    title = tomllib.loads(data).get("title")
    if isinstance(title, str):
        line = next((n for n, text in enumerate(data.splitlines(), 1) if text.lstrip().startswith("title")), 1)
        yield line, "_", title, ["Topic title"]


def extract_catalog(root: Path, config: str = "babel.cfg", domain: str = DOMAIN) -> Catalog:
    """Collect every translatable string under ``root`` as configured in ``config``
    (``babel.cfg``: the handouts; ``babel-web.cfg``: the staff page's own words)."""
    with (root / config).open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, filename=str(root / config))
    catalog = Catalog(project="handouts", version=__version__, domain=domain,
                      msgid_bugs_address="", copyright_holder="handouts contributors", charset="utf-8",
                      creation_date=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True,
        directory_filter=_wanted_folder,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _wanted_folder(dirpath: str) -> bool:
    """Babel's default skips every folder whose name starts with ``_`` or ``.``; the shared
    templates (``templates/_shared``) hold text every topic prints, so only hidden folders,
    caches and virtual environments are skipped here."""
    name = Path(dirpath).name
    return not (name.startswith(".") or name in ("__pycache__", "node_modules", "build", "dist"))


def pot_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_by_file=True, omit_header=False)
    return buffer.getvalue()
