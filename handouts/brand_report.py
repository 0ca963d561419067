"""What ``handouts brand check`` prints about a brand."""
from __future__ import annotations

import io

from PIL import Image

from .brand import EMERGENCY_NUMBERS, STANDARD_URGENT_LINES, Brand, paper_for, temperature_for, urgent_line_for
from .brandfile import country_names
from .colours import (
    MIN_TEXT_CONTRAST,
    best_text_on,
    contrast_ratio,
    format_ratio,
    ink_name,
)


def describe(brand: Brand, warnings: list[str]) -> str:
    """What ``handouts brand check`` prints: every value the handout will use, where the
    country supplied a default, the logo after downscaling, and the colours' text contrast."""
    country = brand.country
    rows: list[tuple[str, str | None]] = [
        ("clinic.name", brand.name),
        ("clinic.department", brand.department),
        ("clinic.phone", brand.phone),
        ("clinic.address", "\n".join(brand.address) or None),
        ("clinic.website", brand.website or None),
        ("clinic.email", brand.email),
        ("clinic.country", f"{country} ({country_names().get(country, 'unknown')})" if country else None),
        ("clinic.emergency_number",
         brand.emergency_number + _default_note(brand.emergency_number, EMERGENCY_NUMBERS.get(country or ""), country)),
        ("clinic.urgent_line", _urgent_line(brand)),
        ("style.logo", _describe_logo(brand.logo)),
        ("style.primary", f"{brand.primary}: {_describe_text_on(brand.primary)}; "
                          f"as heading text on white, {_describe_ratio(contrast_ratio(brand.primary, '#FFFFFF'))}"),
        ("style.accent", f"{brand.accent}: {_describe_text_on(brand.accent)}"),
        ("print.paper", {"a4": "A4, 210 x 297 mm", "letter": "US Letter, 8.5 x 11 in"}[brand.paper]
         + _default_note(brand.paper, paper_for(country), country)),
        ("print.temperature", {"C": "Celsius, \u00b0C", "F": "Fahrenheit, \u00b0F"}[brand.temperature]
         + _default_note(brand.temperature, temperature_for(country), country)),
        ("print.footer_note", brand.footer_note),
        ("print.templates", f"{brand.templates} (searched before the packaged templates)" if brand.templates
         else "none: the packaged templates"),
        ("print.locales", f"{brand.locales} (searched before the packaged catalogs)" if brand.locales
         else "none: the packaged catalogs"),
        ("print.online", f"{brand.online}LOCALE/TOPIC.html (QR code on each handout)" if brand.online
         else "not set: no QR code"),
    ]
    width = max(len(key) for key, _value in rows) + 2
    source = str(brand.source) if brand.source else "none (the built-in sample brand)"
    out = [f"Brand file: {source}", ""]
    for key, value in rows:
        first, *more = (value or "not set").split("\n")
        out.append(f"  {key.ljust(width)}{first}")
        out.extend(f"  {'':{width}}{line}" for line in more)
    out.append("")
    if warnings:
        out.append(f"{len(warnings)} warning{'s' if len(warnings) > 1 else ''}:")
        out.extend(f"  - {warning}" for warning in warnings)
    else:
        out.append("No warnings.")
    return "\n".join(out)


def _urgent_line(brand: Brand) -> str | None:
    line = urgent_line_for(brand)
    return line and line + _default_note(line, STANDARD_URGENT_LINES.get(brand.country or ""), brand.country)


def _default_note(value: str, default: str | None, country: str | None) -> str:
    if not country or default is None:
        return ""
    if value == default:
        return f" (default for {country})"
    return f" (set in the brand file; the default for {country} is {default})"


def _describe_logo(logo: bytes | None) -> str | None:
    if not logo:
        return None
    with Image.open(io.BytesIO(logo)) as image:
        width, height, kind = image.width, image.height, image.format
    return f"{width} x {height} pixels, {len(logo) / 1024:.1f} kB {kind} (after downscaling for print)"


def _describe_text_on(colour: str) -> str:
    ink = best_text_on(colour)
    return f"{ink_name(ink)} text on it, {_describe_ratio(contrast_ratio(ink, colour))}"


def _describe_ratio(ratio: float) -> str:
    low = "" if ratio >= MIN_TEXT_CONTRAST else f", below {MIN_TEXT_CONTRAST}:1"
    return f"contrast {format_ratio(ratio)}{low}"
