"""The clinic's brand: who is speaking on the handout and how it looks.

``Brand`` is the validated, typed form of a brand file; ``PLACEHOLDER`` is the embedded
brand used when none is given. The placeholder prints write-in lines, never a made-up
phone or emergency number, and marks the handout as a sample.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .review import Approval

# Countries whose paper is US Letter (CLDR paperSize data); A4 everywhere else.
LETTER_COUNTRIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())
# Countries that state temperatures in Fahrenheit first.
FAHRENHEIT_COUNTRIES = frozenset("US PR GU VI AS MP BS KY LR PW FM MH".split())
# Emergency (ambulance) numbers. A country missing here needs ``emergency_number`` set.
EMERGENCY_NUMBERS = {
    **{c: "911" for c in "US CA MX PR GU VI AS MP PH AR CR SV GT HN NI PA PY UY VE DO EC CO PE BO".split()},
    **{c: "999" for c in "GB HK MO MY SG BD GH KE QA BH AE".split()},
    **{c: "112" for c in (
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
        "IS LI NO CH IN ID TR RU UA RS BA ME MK AL MD GE AM").split()},
    "AU": "000",
    "NZ": "111",
    "ZA": "10177",
    "JP": "119",
    "KR": "119",
    "CN": "120",
    "TW": "119",
    "BR": "192",
    "CL": "131",
    "EG": "123",
    "SA": "997",
    "IL": "101",
    "PK": "1122",
    "NG": "112",
}

# Standard out-of-hours urgent-advice lines, used on the handout when a brand sets none.
STANDARD_URGENT_LINES = {"GB": "NHS 111"}
# Where the clinic's guidance takes a young baby's temperature in the bottom (AAP, Canadian
# Paediatric Society); elsewhere under the armpit (NICE NG143).
RECTAL_THERMOMETER_COUNTRIES = frozenset("US PR GU VI AS MP CA".split())

WRITE_IN = "_______________"


@dataclass(frozen=True)
class Brand:
    name: str
    phone: str
    address: tuple[str, ...]
    website: str
    country: str | None
    emergency_number: str
    primary: str
    accent: str
    paper: Literal["a4", "letter"]
    temperature: Literal["C", "F"]
    department: str | None = None
    email: str | None = None
    urgent_line: str | None = None
    logo: bytes | None = None
    logo_file: Path | None = None  # where the logo was read from (an output must never replace it)
    footer_note: str | None = None
    templates: Path | None = None
    locales: Path | None = None  # the clinic's own catalogs, looked for before the package's
    online: str | None = None  # base address of the clinic's hosted copy of 'handouts site'
    placeholder: bool = False
    source: Path | None = None
    require_approval: bool = False
    approvals: tuple[tuple[str, Approval], ...] = ()  # (topic id, approval), from [approval.TOPIC]

    def approval_for(self, topic_id: str) -> Approval | None:
        return dict(self.approvals).get(topic_id)


def paper_for(country: str | None) -> Literal["a4", "letter"]:
    return "letter" if country in LETTER_COUNTRIES else "a4"


def temperature_for(country: str | None) -> Literal["C", "F"]:
    return "F" if country in FAHRENHEIT_COUNTRIES else "C"


def urgent_line_for(brand: "Brand") -> str | None:
    """The brand's urgent-advice line, else its country's standard one, else none."""
    return brand.urgent_line or STANDARD_URGENT_LINES.get(brand.country or "")


def thermometer_for(country: str | None) -> Literal["armpit", "rectal"]:
    return "rectal" if country in RECTAL_THERMOMETER_COUNTRIES else "armpit"


PLACEHOLDER = Brand(
    name="Sample clinic",
    phone=WRITE_IN,
    address=(),
    website="",
    country=None,
    emergency_number="______",
    primary="#005EB8",
    accent="#FFB81C",
    paper="a4",
    temperature="C",
    placeholder=True,
)
