"""Colour maths for brand colours: parsing ``#RRGGBB`` and WCAG 2.x contrast.

Pure functions with no ReportLab import, so brand files can be checked without a renderer.
Colours are accepted as ``#RRGGBB`` text or as ``(r, g, b)`` tuples of 0-255 integers.
"""
from __future__ import annotations

import math
import re

RGB = tuple[int, int, int]
Colour = str | RGB

WHITE = "#FFFFFF"
BLACK = "#000000"
# The handout's palette, shared by the PDF and HTML renderers. Urgency colours follow the
# NHS care-card pattern (bar, fill); each level also prints its words.
LEVEL_COLOURS = {
    "routine": ("#005EB8", "#E8F1F8"),
    "urgent": ("#D5281B", "#FBE9E7"),
    "emergency": ("#D5281B", "#D5281B"),
}
CALLOUT_COLOURS = {
    "info": ("#005EB8", "#E8F1F8"),
    "warning": ("#B35C00", "#FFF4E0"),
    "urgent": ("#D5281B", "#FBE9E7"),
}
DO_COLOUR = "#007F3B"
DONT_COLOUR = "#D5281B"
TEXT_HEX = "#212B32"
MUTED_HEX = "#4C6272"
NOTICE_HEX = "#D5281B"

# WCAG 2.x level AA for body-size text.
MIN_TEXT_CONTRAST = 4.5

_HEX_DIGITS = re.compile(r"[0-9A-Fa-f]+")


def parse_hex(value: str) -> RGB:
    """``#RRGGBB`` (any case) as an ``(r, g, b)`` tuple; ``ValueError`` saying why otherwise.

    Short (``#fff``) and alpha (``#RRGGBBAA``) forms are refused rather than expanded:
    ReportLab reads both differently from browsers, so a guess here would print the wrong colour.
    """
    if not isinstance(value, str):
        raise ValueError(f"expected a colour like '#005EB8', got {value!r}")
    if not value.startswith("#"):
        if len(value) == 6 and _HEX_DIGITS.fullmatch(value):
            raise ValueError(f"{value!r} needs a leading '#': write '#{value.upper()}'")
        raise ValueError(f"{value!r} is not a hex colour; colour names are not accepted, write it like '#005EB8'")
    digits = value[1:]
    if not _HEX_DIGITS.fullmatch(digits):
        raise ValueError(f"{value!r} is not a hex colour: use only 0-9 and A-F after '#', like '#005EB8'")
    if len(digits) == 3:
        full = "#" + "".join(d * 2 for d in digits.upper())
        raise ValueError(f"{value!r} is a short form; write all six digits, e.g. {full!r}")
    if len(digits) == 8:
        raise ValueError(f"{value!r} has transparency (#RRGGBBAA), which print cannot use; write '#RRGGBB'")
    if len(digits) != 6:
        raise ValueError(f"{value!r} has {len(digits)} hex digits; write exactly six, like '#005EB8'")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: RGB) -> str:
    """``(r, g, b)`` as upper-case ``#RRGGBB``."""
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def _rgb(colour: Colour) -> RGB:
    return parse_hex(colour) if isinstance(colour, str) else colour


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.x relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        # WCAG 2.x prints 0.03928 where sRGB says 0.04045; no 8-bit value lies between them.
        v = channel / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(colour)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: Colour, b: Colour) -> float:
    """WCAG 2.x contrast ratio between two colours, 1.0 to 21.0 (order does not matter)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def best_text_on(background: Colour) -> str:
    """``"#FFFFFF"`` or ``"#000000"``, whichever reads better on ``background``.

    Ties go to white, matching the renderer's choice of band text colour.
    """
    return WHITE if contrast_ratio(WHITE, background) >= contrast_ratio(BLACK, background) else BLACK


def format_ratio(ratio: float) -> str:
    """``4.49:1``: rounded down, so a colour just under the limit never shows as meeting it."""
    return f"{math.floor(ratio * 100) / 100:.2f}:1"


def ink_name(ink: str) -> str:
    return "white" if ink == "#FFFFFF" else "black"
