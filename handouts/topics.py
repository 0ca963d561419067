"""Topics: the folders of section templates and their metadata (``topic.toml``)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, RequestError
from .resources import TEMPLATES_DIR
from .review import Record, parse_record

ALL = "all"


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    code: str
    version: str
    review: Record
    sources: tuple[str, ...]
    sections: tuple[str, ...]
    default_sections: tuple[str, ...]
    path: Path


def search_path(overrides: Path | None = None) -> tuple[Path, ...]:
    """Template folders, most specific first: a clinic's overrides, then the package's."""
    return (overrides, TEMPLATES_DIR) if overrides else (TEMPLATES_DIR,)


def topic_ids(path: tuple[Path, ...] = (TEMPLATES_DIR,)) -> list[str]:
    """Every topic on the search path, sorted."""
    found = {p.parent.name for folder in path if folder.is_dir() for p in folder.glob("*/topic.toml")}
    return sorted(found)


def load_topic(topic_id: str, path: tuple[Path, ...] = (TEMPLATES_DIR,)) -> Topic:
    """Read and validate a topic's metadata. Sections that only an override folder
    provides are added after the packaged ones, in name order."""
    meta_file = next((folder / topic_id / "topic.toml" for folder in path
                      if (folder / topic_id / "topic.toml").is_file()), None)
    if meta_file is None or "/" in topic_id or topic_id.startswith("."):
        raise RequestError(f"unknown topic {topic_id!r}; available: {', '.join(topic_ids(path)) or 'none'}")
    data = _read_toml(meta_file)
    get = _Getter(meta_file, data)
    sections = get.str_list("sections")
    extra = sorted({p.stem for folder in path for p in (folder / topic_id).glob("*.j2")} - set(sections))
    sections = sections + tuple(extra)
    for section in sections:
        if not any((folder / topic_id / f"{section}.j2").is_file() for folder in path):
            raise InputError(f"{meta_file}: sections: no template {section}.j2 for section {section!r}")
    defaults = get.str_list("default_sections")
    for section in defaults:
        if section not in sections:
            raise InputError(f"{meta_file}: default_sections: {section!r} is not one of the topic's sections")
    unknown = set(data) - {"title", "code", "version", "review", "sources", "sections", "default_sections",
                           "compare_with"}
    if unknown:
        hint = " (the review is a [review] table now: see templates/README.md)" if unknown & {"reviewed", "review_due"} else ""
        raise InputError(f"{meta_file}: unknown key {sorted(unknown)[0]!r}{hint}")
    return Topic(
        id=topic_id,
        title=get.str("title"),
        code=get.str("code"),
        version=get.str("version"),
        review=parse_record(data.get("review"), meta_file, meta_file.read_text(encoding="utf-8")),
        sources=get.str_list("sources"),
        sections=sections,
        default_sections=defaults,
        path=meta_file.parent,
    )


def select_sections(topic: Topic, requested: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The sections to print, always in topic order. Empty means the topic's defaults."""
    if not requested:
        return topic.default_sections
    unknown = [s for s in requested if s not in topic.sections and s != ALL]
    if unknown:
        raise RequestError(
            f"unknown section {unknown[0]!r} for topic {topic.id!r}; "
            f"choose from: {', '.join(topic.sections)} (or 'all')"
        )
    if ALL in requested:  # checked after the names: "-s all -s bogus" is a mistake, not "all"
        return topic.sections
    return tuple(s for s in topic.sections if s in requested)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: {exc}") from None
    except RecursionError:
        raise InputError(f"{path}: its tables or lists are nested too deeply") from None


class _Getter:
    """Typed access to a TOML table, with errors naming the file and key."""

    def __init__(self, path: Path, data: dict) -> None:
        self.path, self.data = path, data

    def _get(self, key: str) -> object:
        if key not in self.data:
            raise InputError(f"{self.path}: missing required key {key!r}")
        return self.data[key]

    def str(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{self.path}: {key}: expected non-empty text, got {value!r}")
        return value

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise InputError(f"{self.path}: {key}: expected a non-empty list of text")
        return tuple(value)
