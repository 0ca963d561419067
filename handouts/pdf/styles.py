"""Print styles: sizes, spacing and colours, turned into ReportLab styles in one place.

Clear-print rules (RNIB): body text 12 pt, nothing under 12 pt except the page footer,
left-aligned (right-aligned for right-to-left scripts), line spacing 1.3, no italics.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..colours import (  # noqa: F401 - the palette is re-exported for the PDF blocks
    CALLOUT_COLOURS,
    DO_COLOUR,
    DONT_COLOUR,
    LEVEL_COLOURS,
    MIN_TEXT_CONTRAST,
    MUTED_HEX,
    TEXT_HEX,
    WHITE,
    best_text_on,
    contrast_ratio,
    parse_hex,
)

BODY_SIZE = 12
LARGE_BODY_SIZE = 16  # large print (RNIB: 16 pt and over)
LEADING = 1.3

TEXT = HexColor(TEXT_HEX)
MUTED = HexColor(MUTED_HEX)


def colour(hex_value: str) -> Color:
    """A colour from a validated ``#RRGGBB`` string (ReportLab's own parser misreads short forms)."""
    red, green, blue = parse_hex(hex_value)
    return Color(red / 255, green / 255, blue / 255)


def _hex(value: Color) -> str:
    return "#" + value.hexval()[2:]


def text_on(background: Color) -> Color:
    """Black or white, whichever reads better on ``background``."""
    return colour(best_text_on(_hex(background)))


def ink_for(brand_colour: Color) -> Color:
    """The brand colour where it is dark enough to read as text on white; else body text colour."""
    return brand_colour if contrast_ratio(_hex(brand_colour), WHITE) >= MIN_TEXT_CONTRAST else TEXT


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    label: ParagraphStyle
    footer: ParagraphStyle
    band: ParagraphStyle
    band_small: ParagraphStyle
    rtl: bool
    large: bool = False  # large print: one column, tables as stacked rows


def make_styles(font: str, bold_font: str, primary: Color, *, rtl: bool, cjk: bool, shaped: bool = False,
                large: bool = False, spacing: float = 1.0) -> Styles:
    """All paragraph styles for one handout; ``shaped`` turns on HarfBuzz shaping (Indic scripts);
    ``large`` scales every size by 4/3: body 16 pt, headings larger, footer 12 pt (large print);
    ``spacing`` scales the space before and after paragraphs (the compact layout), never the
    type or the line spacing."""
    scale = LARGE_BODY_SIZE / BODY_SIZE if large else 1.0
    align = TA_RIGHT if rtl else TA_LEFT
    wrap = "CJK" if cjk else None

    def style(name: str, size: float, *, bold: bool = False, colour: Color = TEXT, space_before: float = 0,
              space_after: float = 0, leading: float = LEADING) -> ParagraphStyle:
        size = round(size * scale, 2)
        return ParagraphStyle(
            name,
            fontName=bold_font if bold else font,
            bulletFontName=font,
            fontSize=size,
            leading=round(size * leading, 1),
            textColor=colour,
            alignment=align,
            spaceBefore=space_before * scale * spacing,
            spaceAfter=space_after * scale * spacing,
            wordWrap=wrap,
            shaping=1 if shaped else 0,
            allowWidows=0,
            allowOrphans=0,
        )

    heading_ink = ink_for(primary)
    return Styles(
        body=style("body", BODY_SIZE, space_after=4),
        bold=style("bold", BODY_SIZE, bold=True, space_after=2),
        title=style("title", 22, bold=True, colour=heading_ink, leading=1.2, space_after=2),
        section=style("section", 16, bold=True, colour=heading_ink, leading=1.25, space_before=4, space_after=3),
        heading=style("heading", 14, bold=True, space_before=5, space_after=3, leading=1.25),
        cell=style("cell", 12, leading=1.3),
        cell_head=style("cell_head", 12, bold=True, colour=white, leading=1.3),
        label=style("label", 12, bold=True, leading=1.3),
        footer=style("footer", 9, colour=MUTED, leading=1.3),
        band=style("band", 16, bold=True, colour=white, leading=1.2),
        band_small=style("band_small", 12, colour=white, leading=1.25),
        rtl=rtl,
        large=large,
    )


def derive(style: ParagraphStyle, **changes: object) -> ParagraphStyle:
    """A copy of ``style`` with some attributes changed."""
    return ParagraphStyle(f"{style.name}+", parent=style, **changes)
