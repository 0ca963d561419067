"""The starter brand file's made-up contact details, recognised wherever a clinic left them.

A leaflet that sends parents to a made-up phone number is a patient-safety fault, so a brand
file still holding any of the starter's example contact values is refused. The examples are
read from ``STARTER`` itself, so the two cannot drift apart. Real values the starter shows
(a country's standard urgent line such as NHS 111, emergency numbers such as 999) are not
examples and are never refused. Values match whatever their case, spacing or punctuation;
phone numbers match on their digits, with or without the country code.
"""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import phonenumbers

from .brand import EMERGENCY_NUMBERS, STANDARD_URGENT_LINES
from .brand_starter import EARLIER_EXAMPLES, STARTER

# The [clinic] keys that put a contact detail on the handout, and what to write instead.
CONTACT_KEYS = {
    "name": "your clinic's own name",
    "phone": "the number parents should call",
    "address": "your clinic's own postal address",
    "website": "your clinic's own web address",
    "email": "your clinic's own email address, or delete the line",
    "emergency_number": "the emergency number, or delete the line to use the country's",
    "urgent_line": "your own urgent-advice line, or delete the line",
}
# Values the starter shows that are real, not examples: they may stay.
_REAL = {"urgent_line": frozenset(STANDARD_URGENT_LINES.values()),
         "emergency_number": frozenset(EMERGENCY_NUMBERS.values())}


@dataclass(frozen=True)
class ExampleValue:
    """A contact value in a brand file that is still the starter's example."""

    key: str  # dotted, e.g. "clinic.phone"
    values: tuple[str, ...]  # as the brand file has them: one, or the example address lines

    @property
    def message(self) -> str:
        many = len(self.values) > 1
        shown = ", ".join(repr(value) for value in self.values)
        what = "line" if self.key == "clinic.address" else "value"
        return (f"{shown} {'are' if many else 'is'} the starter file's made-up example {what}{'s' if many else ''}, "
                f"not your clinic's: replace {'them' if many else 'it'} with {CONTACT_KEYS[self.key.split('.')[1]]}")


def example_values(clinic: Mapping[str, object], country: str | None) -> list[ExampleValue]:
    """The contact values in ``clinic`` (the brand's [clinic] values, address as lines) that are
    still the starter's examples, in ``CONTACT_KEYS`` order."""
    found = []
    for key in CONTACT_KEYS:
        value = clinic.get(key)
        if not value:
            continue
        lines = tuple(value) if isinstance(value, (list, tuple)) else (str(value),)
        same = _same_phone(country) if key in ("phone", "emergency_number") else _same_text(key)
        examples = starter_examples().get(key, ())
        earlier = EARLIER_EXAMPLES.get(key, ())
        matching = tuple(line for line in lines if any(same(line, example) for example in examples + earlier))
        if not matching and key == "address" and same(" ".join(lines), " ".join(examples)):
            matching = lines  # the example address written on fewer or more lines
        if matching:
            found.append(ExampleValue(f"clinic.{key}", matching))
    return found


def starter_examples() -> dict[str, tuple[str, ...]]:
    """Each contact key's example value(s) as the starter writes them (address: its lines)."""
    clinic = _starter_clinic()
    found = {}
    for key in CONTACT_KEYS:
        value = clinic.get(key)
        lines = tuple(value) if isinstance(value, list) else (value,) if value else ()
        examples = tuple(line for line in lines if line not in _REAL.get(key, ()))
        if examples:
            found[key] = examples
    return found


@functools.cache
def _starter_clinic() -> dict:
    return tomllib.loads(STARTER)["clinic"]


# -- comparing values ------------------------------------------------------------


def _same_text(key: str) -> Callable[[str, str], bool]:
    normal = _web if key == "website" else _email if key == "email" else _words
    return lambda value, example: normal(value) == normal(example)


def _words(text: str) -> str:
    """Letters and digits only, casefolded, one space between words: "St. Marys" = "st marys"."""
    text = re.sub(r"['\u2018\u2019`]", "", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(re.split(r"[\W_]+", text)).strip()


def _web(text: str) -> str:
    """A web address without its scheme, "www.", trailing slash, spaces or case."""
    text = re.sub(r"\s+", "", text).casefold()
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", text).rstrip("/")


def _email(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _same_phone(country: str | None) -> Callable[[str, str], bool]:
    starter_country = _starter_clinic().get("country")
    return lambda value, example: bool(_phone_forms(value, country) & _phone_forms(example, starter_country))


def _phone_forms(number: str, country: str | None) -> set[str]:
    """The digits as written and, when it can be read, the number in international form,
    so "020 7946 0000" and "+44 20 7946 0000" are the same number."""
    forms = {"".join(c for c in number if c.isdigit())}
    try:
        parsed = phonenumbers.parse(number, country)
    except phonenumbers.NumberParseException:
        return forms
    return forms | {phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)}
