"""Pointing at lines of a TOML file in error messages.

``tomllib`` keeps no positions: a syntax error carries its line only inside the message, and
parsed keys carry none. These helpers recover both, for messages only, never for values.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Iterator

_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")
_KEY_PART = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER_LINE = re.compile(rf"\s*(\[\[?)\s*({_DOTTED})\s*\]")
_KEY_LINE = re.compile(rf"\s*({_DOTTED})\s*=")


@dataclass(frozen=True)
class SyntaxProblem:
    reason: str
    line: int
    column: int | None


def syntax_problem(exc: tomllib.TOMLDecodeError, text: str) -> SyntaxProblem:
    """The reason, line and column of a TOML syntax error (end of file when none is given)."""
    message = str(exc)
    position = _POSITION.search(message)
    reason = message[: position.start()] if position else message
    if position and position.group(1):
        return SyntaxProblem(reason, int(position.group(1)), int(position.group(2)))
    return SyntaxProblem(reason, text.count("\n") + 1, None)


@dataclass(frozen=True)
class KeyLine:
    """A table header (``[a.b]``, or ``[[a]]`` when ``array``) or a key (``a.b =``) on a line."""

    number: int
    key: tuple[str, ...]
    header: bool = False
    array: bool = False


def key_lines(text: str) -> Iterator[KeyLine]:
    """Every header and key in ``text`` with its line, skipping multi-line strings."""
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if in_string in line:
                in_string = None
            continue
        if header := _HEADER_LINE.match(line):
            yield KeyLine(number, _split(header.group(2)), header=True, array=header.group(1) == "[[")
        elif key := _KEY_LINE.match(line):
            yield KeyLine(number, _split(key.group(1)))
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2:
                in_string = quotes


def _split(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.findall(_KEY_PART, dotted))


def value_kind(value: object, *, show_number: bool = False) -> str:
    """What a parsed TOML value is, in words for a message: "text", "a list", "a number"
    (or "the number 2.5" with ``show_number``)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}" if show_number else "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"
