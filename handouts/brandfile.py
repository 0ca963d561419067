"""Brand files: a clinic's TOML file read, checked and turned into a ``Brand``.

Every problem is collected, each naming the file, line and key, and reported in one
``InputError``, so a clinic fixes its file in one pass rather than one error per run.
Values stay plain text: escaping for print is the renderer's job.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from babel import Locale

from .brand import EMERGENCY_NUMBERS, STANDARD_URGENT_LINES, Brand, paper_for, temperature_for
from .brand_examples import example_values
from .colours import (
    MIN_TEXT_CONTRAST,
    best_text_on,
    contrast_ratio,
    format_ratio,
    ink_name,
    parse_hex,
    to_hex,
)
from .errors import InputError, located
from .images import load_print_image, looks_like_url
from .review import APPROVAL_FIELDS, Approval
from .tomlfile import key_lines, syntax_problem, value_kind

# Which keys each table may hold, and whether each is required.
SCHEMA: dict[str, dict[str, bool]] = {
    "clinic": {
        "name": True, "department": False, "phone": True, "address": True, "website": True,
        "email": False, "country": True, "emergency_number": False, "urgent_line": False,
    },
    "style": {"logo": False, "primary": True, "accent": True},
    "print": {"paper": False, "temperature": False, "footer_note": False, "templates": False, "locales": False,
              "online": False},
}

# [approval] holds ``required`` and one [approval.TOPIC] table per topic the clinic adopts.
APPROVAL = "approval"

MAX_BRAND_FILE_BYTES = 1024 * 1024
# CLDR territory codes that are not ISO 3166 countries (regions, groupings, test codes).
# XK (Kosovo) is user-assigned but universally used, so it stays.
_NOT_COUNTRIES = frozenset("AC CP CQ DG EA EU EZ IC QO TA UN XA XB ZZ".split())
# Codes and names people write instead of the ISO code.
_COUNTRY_ALIASES = {
    "UK": "GB", "GBR": "GB", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB",
    "NORTHERN IRELAND": "GB", "GREAT BRITAIN": "GB", "USA": "US", "EL": "GR",
}
_PHONE = re.compile(r"\+?[0-9 ().\-]+")
_EMERGENCY = re.compile(r"[0-9]{2,6}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TOML_DUPLICATE = re.compile(r"Cannot overwrite|Cannot declare|Duplicate inline table key|Cannot mutate")


def load_brand(path: Path, *, strict: bool = False) -> tuple[Brand, list[str]]:
    """Read and check the brand file at ``path``; return the ``Brand`` and any warnings.

    Raises ``InputError`` listing every problem found, each as ``file:line: key: message``;
    contact details still holding the starter file's made-up examples are always problems.
    Warnings (problems when ``strict``): colours whose text contrast is under 4.5:1, a website
    that is not https://, a phone number the country's numbering plan does not allow, and an
    urgent line left out where the country has a standard one, or another country's line.
    """
    problems = _Findings(path)
    text = _read_text(path, problems)
    lines = _KeyLines(text)
    data = _parse_toml(path, text, lines, problems)
    reader = _Reader(data, lines, problems)
    reader.check_shape()
    country = _country(reader)
    values = {
        "name": reader.text("clinic.name"),
        "department": reader.text("clinic.department"),
        "phone": _phone(reader),
        "address": _address(reader),
        "website": reader.text("clinic.website"),
        "email": _email(reader),
        "country": country,
        "emergency_number": _emergency_number(reader, country),
        "urgent_line": reader.text("clinic.urgent_line"),
        "primary": _colour(reader, "style.primary"),
        "accent": _colour(reader, "style.accent"),
        "logo": _logo(reader),
        "logo_file": _logo_file(reader),
        "paper": _choice(reader, "print.paper", {"a4": "a4", "letter": "letter"}, paper_for, country),
        "temperature": _choice(reader, "print.temperature", {"c": "C", "f": "F"}, temperature_for, country),
        "footer_note": reader.text("print.footer_note"),
        "templates": _folder(reader, "print.templates"),
        "locales": _folder(reader, "print.locales"),
        "online": _online(reader),
    }
    require_approval, approvals = _approvals(reader)
    examples = example_values(values, country)
    for example in examples:
        reader.problem(example.key, example.message)
    warnings = problems if strict else _Findings(path)
    _contrast(reader, warnings, values["primary"], values["accent"])
    _website_not_https(reader, warnings, values["website"])
    _phone_for_country(reader, warnings, values["phone"], country)
    _urgent_line_for_country(reader, warnings, values["urgent_line"], country)
    if problems.found:
        found = problems.in_file_order()
        count = f"{len(found)} problem" + ("s" if len(found) > 1 else "")
        still = ""
        if examples:
            many = len(examples) > 1
            still = (f"; {len(examples)} contact detail{'s are' if many else ' is'} still the starter's made-up "
                     f"example{'s' if many else ''}: replace each with your clinic's own before printing")
        raise InputError(f"{path}: {count} in the brand file{still}", problems=found)
    return (Brand(**values, placeholder=False, source=path, require_approval=require_approval,  # type: ignore[arg-type]
                  approvals=approvals), warnings.in_file_order())


class _Findings:
    """Problems or warnings about one file, each formatted ``file:line: key: message``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[tuple[float, str]] = []

    def add(self, message: str, *, line: int | None = None, key: str | None = None) -> None:
        self.found.append((line or math.inf, located(self.path, message, line=line, key=key)))

    def in_file_order(self) -> list[str]:
        """Sorted by line, so they read top to bottom; those with no line come last."""
        return [text for _line, text in sorted(self.found, key=lambda found: found[0])]


# -- reading and parsing -------------------------------------------------------


def _read_text(path: Path, problems: _Findings) -> str:
    """The file as text. A BOM or bad bytes are recorded and parsing goes on, to find more."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path}: brand file does not exist") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the brand file: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder; give the path of the brand file (a .toml file)")
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BRAND_FILE_BYTES:
        raise InputError(f"{path}: is not a brand file (not a regular file under 1 MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the brand file: {exc.strerror}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: is saved as UTF-16 ('Unicode'); save it as UTF-8 text")
    if data.startswith(b"\xef\xbb\xbf"):
        problems.add("starts with a byte-order mark (BOM), which TOML does not allow: "
                     "save it as UTF-8 without BOM", line=1)
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.add(f"byte 0x{data[exc.start]:02X} at byte offset {exc.start} (column {column}) is not "
                     "UTF-8 text: save the file as UTF-8", line=line)
        return data.decode("utf-8", errors="replace")


def _parse_toml(path: Path, text: str, lines: _KeyLines, problems: _Findings) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _syntax_problem(problems, exc, lines, text)
        raise InputError(f"{path}: cannot read the brand file", problems=problems.in_file_order()) from None
    except RecursionError:
        raise InputError(f"{path}: cannot read the brand file: its tables or lists are nested too deeply") from None


def _syntax_problem(problems: _Findings, exc: tomllib.TOMLDecodeError, lines: _KeyLines, text: str) -> None:
    found = syntax_problem(exc, text)
    reason, line = found.reason, found.line
    key = lines.key_at(line)
    if _TOML_DUPLICATE.match(reason):
        first = next((n for n in lines.occurrences(key) if n < line), None) if key else None
        what = f"duplicate table [{key}]" if line in lines.headers else "duplicate key"
        again = f" (first on line {first})" if first else ""
        problems.add(f"{what}{again}: keep only one", line=line, key=key)
        return
    hint = ""
    if reason.startswith("Invalid value"):
        hint = ': text and colours go in double quotes, e.g. primary = "#005EB8"'
    column = f" at column {found.column}" if found.column else ""
    problems.add(f"TOML syntax error{column}: {reason}{hint}", line=line, key=key)


class _KeyLines:
    """Where each table and key is in the file, by dotted name (tomllib keeps no positions).

    A line scanner, not a parser: it skips multi-line strings and is only used to point at
    lines in messages, never to read values.
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[str, list[int]] = {}
        self._at: dict[int, str] = {}
        self.headers: set[int] = set()
        table: tuple[str, ...] = ()
        for found in key_lines(text):
            if found.header:
                table = found.key
                self._add(table, found.number)
                self.headers.add(found.number)
            else:
                self._add(table + found.key, found.number)

    def _add(self, key: tuple[str, ...], number: int) -> None:
        name = ".".join(key)
        self._lines.setdefault(name, []).append(number)
        self._at[number] = name

    def line(self, key: str) -> int | None:
        """First line of ``key``, or of the nearest table holding it (e.g. an inline table)."""
        parts = key.split(".")
        while parts:
            found = self._lines.get(".".join(parts))
            if found:
                return found[0]
            parts.pop()
        return None

    def occurrences(self, key: str) -> list[int]:
        return self._lines.get(key, [])

    def key_at(self, number: int) -> str | None:
        return self._at.get(number)


# -- typed access --------------------------------------------------------------


class _Reader:
    """Typed access to the parsed file; each problem is recorded with its file, line and key."""

    def __init__(self, data: dict, lines: _KeyLines, problems: _Findings) -> None:
        self.data, self.lines, self.problems = data, lines, problems
        self.folder = problems.path.parent

    def problem(self, key: str, message: str, *, line: int | None = None) -> None:
        self.problems.add(message, line=line or self.lines.line(key), key=key)

    def check_shape(self) -> None:
        """Unknown tables and keys, tables of the wrong type, and missing required keys."""
        for name, value in self.data.items():
            if name == APPROVAL:
                continue
            if name not in SCHEMA:
                self.problem(name, f"unknown {'table' if isinstance(value, dict) else 'key'}"
                                   + _suggest_top_level(name))
            elif not isinstance(value, dict):
                self.problem(name, f"expected a [{name}] table, got {value_kind(value)}")
        for table, keys in SCHEMA.items():
            found = self.data.get(table, {})
            if not isinstance(found, dict):
                continue
            for key in found:
                if key not in keys:
                    self.problem(f"{table}.{key}", "unknown key" + _suggest_key(table, key))
            missing = [key for key, required in keys.items() if required and key not in found]
            if table not in self.data and missing:
                self.problem(table, f"missing table [{table}] (it needs {', '.join(missing)})")
            else:
                for key in missing:
                    self.problem(f"{table}.{key}", f"missing required key: add it under [{table}]",
                                 line=self.lines.line(table))

    def raw(self, key: str) -> object | None:
        table, name = key.split(".")
        found = self.data.get(table)
        return found.get(name) if isinstance(found, dict) else None

    def text(self, key: str) -> str | None:
        """A one-line text value, stripped; ``None`` when absent or invalid."""
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, str):
            hint = f': write {key.split(".")[1]} = "{value}"' if value_kind(value) == "a number" else ""
            self.problem(key, f"expected text in double quotes, got {value_kind(value)}{hint}")
            return None
        value = value.strip()
        if not value:
            self.problem(key, "is empty: fill it in" + ("" if self._required(key) else " or delete the line"))
            return None
        if any(unicodedata.category(c) == "Cc" for c in value):
            self.problem(key, "must be a single line, without tabs or line breaks")
            return None
        if problem := _text_problem(value, key):
            self.problem(key, problem)
            return None
        return value

    def _required(self, key: str) -> bool:
        table, name = key.split(".")
        return SCHEMA[table][name]


def _suggest_top_level(name: str) -> str:
    owner = next((table for table, keys in SCHEMA.items() if name in keys), None)
    if owner:
        return f": it belongs under [{owner}]"
    close = difflib.get_close_matches(name, list(SCHEMA), n=1)
    if close:
        return f"; did you mean [{close[0]}]?"
    return f"; the tables are {', '.join(f'[{t}]' for t in SCHEMA)}"


def _suggest_key(table: str, key: str) -> str:
    owner = next((other for other, keys in SCHEMA.items() if key in keys), None)
    if owner:
        return f": it belongs under [{owner}]"
    close = difflib.get_close_matches(key, list(SCHEMA[table]), n=1)
    if close:
        return f"; did you mean '{table}.{close[0]}'?"
    return f"; [{table}] takes {', '.join(SCHEMA[table])}"


# -- the values ----------------------------------------------------------------


def _phone(reader: _Reader) -> str | None:
    value = reader.text("clinic.phone")
    if value is None or _PHONE.fullmatch(value) and sum(c.isdigit() for c in value) >= 3:
        return value
    letters = "".join(c for c in value if c.isalpha())
    if letters:
        reader.problem("clinic.phone", f"{value!r} contains letters ({letters!r}): give only the number")
    elif "+" in value[1:]:
        reader.problem("clinic.phone", f"{value!r}: '+' may only come first")
    else:
        bad = next((c for c in value if not _PHONE.fullmatch(c)), None)
        why = f"contains {bad!r}" if bad else "has fewer than 3 digits"
        reader.problem("clinic.phone", f"{value!r} {why}: use digits, spaces, ( ) - . and a leading +")
    return None


def _address(reader: _Reader) -> tuple[str, ...] | None:
    key = "clinic.address"
    value = reader.raw(key)
    example = 'e.g. address = ["12 Mill Lane", "Manchester M1 4BT"]'
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        got = "an empty list" if value == [] else value_kind(value)
        reader.problem(key, f"expected a list of address lines, got {got}: {example}")
        return None
    if len(value) > MAX_ADDRESS_LINES:
        reader.problem(key, f"has {len(value)} lines; at most {MAX_ADDRESS_LINES} fit in the letterhead: give the "
                            "building, street, town and postcode")
        return None
    lines = []
    for number, line in enumerate(value, start=1):
        if not isinstance(line, str) or not line.strip():
            reader.problem(key, f"address line {number} is {'empty' if isinstance(line, str) else value_kind(line)}: "
                                f"each line must be non-empty text, {example}")
        elif any(unicodedata.category(c) == "Cc" for c in line):
            reader.problem(key, f"address line {number} has a tab or line break: give each line separately")
        elif len(line) > MAX_ADDRESS_LINE:
            reader.problem(key, f"address line {number} is {len(line)} characters long; at most {MAX_ADDRESS_LINE} "
                                "fit where it is printed: shorten it")
        else:
            lines.append(line.strip())
    return tuple(lines) if len(lines) == len(value) else None


def _email(reader: _Reader) -> str | None:
    value = reader.text("clinic.email")
    if value is not None and not _EMAIL.fullmatch(value):
        reader.problem("clinic.email", f"{value!r} is not an email address like ward@example.org")
        return None
    return value


@functools.cache
def country_names() -> dict[str, str]:
    """ISO 3166 alpha-2 codes with their English names, from Babel's CLDR data."""
    return {code: name for code, name in Locale("en").territories.items()
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


def _country(reader: _Reader) -> str | None:
    key = "clinic.country"
    value = reader.text(key)
    if value is None:
        return None
    code = value.upper()
    countries = country_names()
    if code in countries:
        return code
    by_name = {name.upper(): c for c, name in countries.items()}
    guess = _COUNTRY_ALIASES.get(code) or by_name.get(code)
    if guess is None:
        close = difflib.get_close_matches(code, list(by_name), n=1, cutoff=0.75)
        guess = by_name[close[0]] if close else None
    hint = f"; did you mean '{guess}' ({countries[guess]})?" if guess else ", like 'GB', 'US' or 'DE'"
    reader.problem(key, f"{value!r} is not an ISO 3166 two-letter country code{hint}")
    return None


def _emergency_number(reader: _Reader, country: str | None) -> str | None:
    key = "clinic.emergency_number"
    value = reader.text(key)
    if value is not None:
        if _EMERGENCY.fullmatch(value):
            return value
        reader.problem(key, f"{value!r} is not a short number to dial: use 2 to 6 digits, "
                            "no spaces or letters, e.g. \"999\"")
        return None
    if reader.raw(key) is not None or country is None:
        return None
    if country in EMERGENCY_NUMBERS:
        return EMERGENCY_NUMBERS[country]
    reader.problem(key, f"no default emergency number is known for {country} ({country_names()[country]}): "
                        f"add emergency_number = \"...\" under [clinic]", line=reader.lines.line("clinic.country"))
    return None


def _colour(reader: _Reader, key: str) -> str | None:
    value = reader.text(key)
    if value is None:
        return None
    try:
        return to_hex(parse_hex(value))
    except ValueError as exc:
        reader.problem(key, str(exc))
        return None


def _choice(
    reader: _Reader, key: str, allowed: dict[str, str], default: Callable[[str | None], str], country: str | None
) -> str | None:
    """One of a few words (any case), or the country's default when absent."""
    value = reader.text(key)
    if value is None:
        return default(country) if reader.raw(key) is None and country else None
    if value.lower() in allowed:
        return allowed[value.lower()]
    choices = " or ".join(f'"{v}"' for v in allowed.values())
    reader.problem(key, f"{value!r} is not one of {choices}")
    return None


# Characters that change how text around them is ordered or joined, invisibly: in a clinic's
# name they can make the handout read differently from the file ("Clinic \u202egnp.exe").
_BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# The longest values that fit where they print (the masthead, the footer), at clear-print sizes.
MAX_ADDRESS_LINES = 5
MAX_ADDRESS_LINE = 80
MAX_LENGTH = {"clinic.name": 80, "clinic.department": 80, "clinic.urgent_line": 60, "print.footer_note": 200,
              "clinic.website": 100, "clinic.email": 100}


def _text_problem(value: str, key: str) -> str | None:
    """Why a text value cannot be printed as written, or ``None``."""
    hidden = sorted({c for c in value if c in _BIDI_CONTROLS})
    if hidden:
        names = ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'control')})" for c in hidden)
        return f"contains an invisible direction control, {names}: it can make the printed text read " \
               "differently from what the file seems to say; delete it"
    if not "".join(c for c in value if c not in _INVISIBLE).strip():
        return "is blank: it holds only invisible characters"
    limit = MAX_LENGTH.get(key)
    if limit and len(value) > limit:
        return f"is {len(value)} characters long; at most {limit} fit where it is printed: shorten it"
    if not value.isascii():
        from .pdf.fonts import printable  # a font question: only asked of text beyond ASCII

        missing = sorted({c for c in value if not printable(c)})
        if missing:
            names = ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed')})" for c in missing)
            return f"has characters no bundled font can print: {names}; remove them or write them another way"
    return None


def _logo_file(reader: _Reader) -> Path | None:
    value = reader.raw("style.logo")
    if not isinstance(value, str) or not value.strip() or looks_like_url(value):
        return None
    return (reader.folder / value.strip()).resolve()


def _logo(reader: _Reader) -> bytes | None:
    key = "style.logo"
    value = reader.text(key)
    if value is None:
        return None
    if looks_like_url(value):
        reader.problem(key, f"{value!r} is a web address; download the logo and give the file's path "
                            "(relative to the brand file)")
        return None
    try:
        return load_print_image((reader.folder / value).resolve())
    except InputError as exc:
        reader.problem(key, exc.message)
        return None


def _folder(reader: _Reader, key: str) -> Path | None:
    """A folder named relative to the brand file (template overrides, extra catalogs)."""
    value = reader.text(key)
    if value is None:
        return None
    folder = (reader.folder / value).resolve()
    if not folder.exists():
        reader.problem(key, f"folder {folder} does not exist (the path is relative to the brand file)")
    elif not folder.is_dir():
        reader.problem(key, f"{folder} is not a folder")
    else:
        return folder
    return None


def _approvals(reader: _Reader) -> tuple[bool, tuple[tuple[str, Approval], ...]]:
    """``[approval] required`` and each ``[approval.TOPIC]`` table (written by
    ``handouts review approve``): the clinic's code, who approved, when, until, and the
    topic version and fingerprint approved."""
    table = reader.data.get(APPROVAL)
    if table is None:
        return False, ()
    if not isinstance(table, dict):
        reader.problem(APPROVAL, f"expected an [{APPROVAL}] table, got {value_kind(table)}")
        return False, ()
    required = table.get("required", False)
    if not isinstance(required, bool):
        reader.problem(f"{APPROVAL}.required", f"expected true or false, got {value_kind(required)}")
        required = True
    found = []
    for topic, entry in table.items():
        if topic == "required":
            continue
        key = f"{APPROVAL}.{topic}"
        if not isinstance(entry, dict):
            reader.problem(key, f"expected a table [{key}] (record it with 'handouts review approve'), "
                                f"got {value_kind(entry)}")
            continue
        for unknown in sorted(set(entry) - set(APPROVAL_FIELDS)):
            reader.problem(f"{key}.{unknown}", f"unknown key; an approval has {', '.join(APPROVAL_FIELDS)}")
        values: dict[str, object] = {}
        for name in APPROVAL_FIELDS:
            value = entry.get(name)
            dated = name in ("date", "until")
            if value is None:
                reader.problem(f"{key}.{name}", "missing: record approvals with 'handouts review approve'",
                               line=reader.lines.line(key))
            elif dated and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
                reader.problem(f"{key}.{name}", f"expected a date like 2027-01-31, got {value_kind(value)}")
            elif not dated and (not isinstance(value, str) or not value.strip()):
                reader.problem(f"{key}.{name}", f"expected text in double quotes, got {value_kind(value)}")
            else:
                values[name] = value.strip() if isinstance(value, str) else value
        if len(values) == len(APPROVAL_FIELDS):
            if values["until"] <= values["date"]:  # type: ignore[operator]
                reader.problem(f"{key}.until", "must be after the approval date")
            found.append((topic, Approval(**values)))  # type: ignore[arg-type]
    return required, tuple(found)


def _contrast(reader: _Reader, found: _Findings, primary: str | None, accent: str | None) -> None:
    """Brand colours that make text hard to read (under WCAG AA, 4.5:1), added to ``found``."""
    # The renderer picks black or white text per colour, and the better of the two is never
    # under about 4.58:1, so the first check only bites if the threshold is raised (AAA, 7:1).
    for key, colour in (("style.primary", primary), ("style.accent", accent)):
        if colour is None:
            continue
        ink = best_text_on(colour)
        ratio = contrast_ratio(ink, colour)
        if ratio < MIN_TEXT_CONTRAST:
            found.add(f"{ink_name(ink)} text on it has contrast {format_ratio(ratio)}, "
                      f"below {MIN_TEXT_CONTRAST}:1: choose a darker or lighter colour",
                      line=reader.lines.line(key), key=f"{key} {colour}")
    if primary is not None:
        ratio = contrast_ratio(primary, "#FFFFFF")
        if ratio < MIN_TEXT_CONTRAST:
            found.add(f"as heading text on white it has contrast {format_ratio(ratio)}, "
                      f"below {MIN_TEXT_CONTRAST}:1: choose a darker colour",
                      line=reader.lines.line("style.primary"), key=f"style.primary {primary}")


# -- warnings about what a clinic most often forgets -----------------------------------


def _online(reader: _Reader) -> str | None:
    """The web address where the clinic hosts ``handouts site`` (a QR code on each handout
    leads to the page there): an https:// address, kept with one trailing slash."""
    value = reader.text("print.online")
    if value is None:
        return None
    if not re.fullmatch(r"https://[^\s/?#]+\.[^\s/?#]+(/[^\s?#]*)?", value, flags=re.IGNORECASE):
        reader.problem("print.online", f"{value!r} is not a web address starting with https://: give the "
                                       "full address where you host 'handouts site'")
        return None
    host = value.split("/")[2].split(":")[0].casefold()
    if re.fullmatch(r"(.+\.)?example\.(org|com|net)|.+\.(example|invalid|test|localhost)", host):
        reader.problem("print.online", f"{value!r} is a made-up example address (like the starter's): a QR code "
                                       "would send parents nowhere; give the address where you host 'handouts site'")
        return None
    return value.rstrip("/") + "/"


def _website_not_https(reader: _Reader, found: _Findings, website: str | None) -> None:
    """A web address without https://: browsers warn about it, or the address is incomplete."""
    if website is None or website.casefold().startswith("https://"):
        return
    secure = "https://" + re.sub(r"^[a-z][a-z0-9+.-]*://", "", website, flags=re.IGNORECASE)
    found.add(f"{website!r} does not start with https://: give the secure address, such as {secure!r}, "
              "and check that it opens", line=reader.lines.line("clinic.website"), key="clinic.website")


def _phone_for_country(reader: _Reader, found: _Findings, phone: str | None, country: str | None) -> None:
    """A phone number with fewer (or more) digits than the country's numbers have, or one its
    numbering plan does not use, as the phonenumbers library (Google's libphonenumber) knows them."""
    if phone is None or country is None:
        return
    if not phone.startswith("+") and country not in phonenumbers.SUPPORTED_REGIONS:
        return  # no numbering plan to check against
    try:
        number = phonenumbers.parse(phone, country)
    except phonenumbers.NumberParseException as exc:
        fault = _PHONE_PARSE_FAULTS.get(exc.error_type, "short")
    else:
        fault = _PHONE_LENGTH_FAULTS.get(phonenumbers.is_possible_number_with_reason(number))
        if fault is None and not phonenumbers.is_valid_number(number):
            fault = "short" if _digits_missing(number) else "invalid"
        if number.country_code != phonenumbers.country_code_for_region(country):  # a +code names its country
            country = phonenumbers.region_code_for_country_code(number.country_code)
    if fault is None:
        return
    where = f"{country} ({country_names().get(country, country)})"
    message = {
        "short": f"has fewer digits than {where} phone numbers have: give the whole number, with its area code",
        "long": f"has more digits than {where} phone numbers have: check for a digit too many",
        "length": f"does not have as many digits as {where} phone numbers have: check every digit",
        "code": "does not start with a country code in use: check the number after the +",
        "invalid": f"is not a {where} phone number in use: check every digit and the area code",
    }[fault]
    found.add(f"{phone!r} {message}", line=reader.lines.line("clinic.phone"), key="clinic.phone")


def _digits_missing(number: phonenumbers.PhoneNumber) -> bool:
    """Whether an invalid number is a local one without its area code, or becomes a valid
    number with one to four more digits: such numbers have lost digits rather than got some wrong."""
    local = phonenumbers.is_possible_number_for_type_with_reason(number, phonenumbers.PhoneNumberType.FIXED_LINE)
    if local == phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return True
    written = f"+{number.country_code}{phonenumbers.national_significant_number(number)}"
    return any(phonenumbers.is_valid_number(phonenumbers.parse(written + digit * extra))
               for extra in range(1, 5) for digit in "0123456789")


_PHONE_PARSE_FAULTS = {
    phonenumbers.NumberParseException.TOO_LONG: "long",
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "code",
}
_PHONE_LENGTH_FAULTS = {
    phonenumbers.ValidationResult.TOO_SHORT: "short",
    phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "short",
    phonenumbers.ValidationResult.TOO_LONG: "long",
    phonenumbers.ValidationResult.INVALID_LENGTH: "length",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "code",
}


def _urgent_line_for_country(reader: _Reader, found: _Findings, urgent_line: str | None,
                             country: str | None) -> None:
    """No urgent line where the country has a standard one (the handout prints that one
    instead), or another country's standard line, such as the starter's NHS 111 kept by a US clinic."""
    standard = STANDARD_URGENT_LINES.get(country or "")
    key, line = "clinic.urgent_line", reader.lines.line("clinic.urgent_line")
    if urgent_line is None:
        if standard is not None and reader.raw(key) is None:
            found.add(f"not set: the handout will print the standard urgent-advice line for {country}, {standard}; "
                      f'add urgent_line = "{standard}" under [clinic] to say so, or give your own out-of-hours line',
                      line=line, key=key)
        return
    spoken = _spoken(urgent_line)
    if country is None or standard is not None and _spoken(standard) == spoken:
        return
    other = next((code for code, there in STANDARD_URGENT_LINES.items() if _spoken(there) == spoken), None)
    if other is not None:
        found.add(f"{urgent_line!r} is the standard urgent-advice line for {other}, but the clinic is in {country}: "
                  "give the line your patients should call, or delete the line", line=line, key=key)


def _spoken(text: str) -> str:
    return " ".join(text.casefold().split())
