"""Output names: the file a handout is written to in folder mode, and paths that must stay
inside the folder they are given relative to."""
from __future__ import annotations

import string
from pathlib import PurePosixPath

DEFAULT_PATTERN = "{topic}-{locale}.pdf"
FIELDS = {
    "topic": "the topic id, e.g. milia",
    "locale": "the language, e.g. es or zh_Hans",
    "sections": "the sections joined with +, or 'all'",
    "paper": "a4 or letter",
}


def pattern_problems(pattern: str) -> list[str]:
    """What is wrong with a file-name pattern (unknown placeholders, stray braces)."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return [f"{pattern!r} is not a valid pattern ({exc}); write a literal brace as {{{{ or }}}}"]
    problems = []
    for _text, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in FIELDS or spec or conversion:
            known = ", ".join(f"{{{name}}} ({what})" for name, what in FIELDS.items())
            problems.append(f"unknown placeholder {{{field}{'!' + conversion if conversion else ''}"
                            f"{':' + spec if spec else ''}}} in {pattern!r}; use {known}")
    return problems


def sections_label(sections: tuple[str, ...], every: tuple[str, ...]) -> str:
    """``overview+faq``, or ``all`` when the handout holds every section of its topic."""
    return "all" if sections == every else "+".join(sections)


def file_name(pattern: str, *, topic: str, locale: str, sections: str, paper: str) -> str:
    """The pattern with its placeholders filled in (check it with ``pattern_problems`` first)."""
    return pattern.format(topic=topic, locale=locale, sections=sections, paper=paper)


def escape_problem(name: str, folder: str) -> str | None:
    """Why ``name`` would not stay inside ``folder`` (described in words), or ``None``."""
    if not name.strip():
        return "is empty"
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or name.startswith("~") or (len(name) > 1 and name[1] == ":"):
        return f"{name!r} is an absolute path; give a path relative to {folder}"
    if ".." in path.parts:
        return f"{name!r} leaves {folder} ('..'); outputs stay in it or below it"
    return None
