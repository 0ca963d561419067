"""One small handler per block type, each returning the flowables that print it."""
from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import singledispatch

from reportlab.lib.colors import Color, white
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from .. import model
from ..model import Span
from .styles import (
    CALLOUT_COLOURS,
    DO_COLOUR,
    DONT_COLOUR,
    LEVEL_COLOURS,
    Styles,
    colour,
    derive,
    text_on,
)
from .text import TextMaker


@dataclass(frozen=True)
class Context:
    styles: Styles
    text: TextMaker
    width: float
    primary: Color
    labels: dict[str, str]

    @property
    def rtl(self) -> bool:
        return self.styles.rtl

    def ordered(self, cells: list) -> list:
        """Cells in reading order: right to left for RTL scripts."""
        return cells[::-1] if self.rtl else cells


FIGURE_HEIGHT = 42 * mm
FIGURE_WIDTH = 60 * mm

_NO_PADDING = [(f"{side}PADDING", (0, 0), (-1, -1), 0) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")]


def grid(ctx: Context, data: list, widths: list[float], commands: list, **options: object) -> Table:
    """A layout table. Its cells use the handout's font: ReportLab's default would add an
    unembedded Helvetica to the PDF."""
    table = Table(data, colWidths=widths, **options)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), ctx.styles.body.fontName), *commands]))
    return table


@singledispatch
def flowables(block: object, ctx: Context) -> list[Flowable]:
    raise TypeError(f"no renderer for {type(block).__name__}")


@flowables.register
def _(block: model.Heading, ctx: Context) -> list[Flowable]:
    para = ctx.text.para(block.text, ctx.styles.heading, bold=True)
    para.keepWithNext = True
    return [CondPageBreak(28 * mm), para]


@flowables.register
def _(block: model.Paragraph, ctx: Context) -> list[Flowable]:
    return [ctx.text.para(block.text, ctx.styles.body)]


@flowables.register
def _(block: model.ItemList, ctx: Context) -> list[Flowable]:
    if block.kind in ("do", "dont"):
        return [_do_dont(block, ctx)]
    markers = ["\u2022"] * len(block.items) if block.kind == "bullet" else [f"{n}." for n in range(1, len(block.items) + 1)]
    return [_marked_rows(markers, block.items, ctx, ctx.width)]


def _marked_rows(markers: list[str], items: tuple[model.Inline, ...], ctx: Context, width: float) -> Table:
    gutter = 8 * mm
    rows = [
        ctx.ordered([ctx.text.plain(marker, ctx.styles.body), ctx.text.para(item, ctx.styles.body)])
        for marker, item in zip(markers, items)
    ]
    return grid(ctx, rows, ctx.ordered([gutter, width - gutter]), [("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING],
                hAlign="RIGHT" if ctx.rtl else "LEFT")


class Mark(Flowable):
    """A tick or a cross in a filled circle: the do / don't icon."""

    def __init__(self, kind: str, fill: Color, size: float = 7 * mm) -> None:
        super().__init__()
        self.kind, self.fill, self.size = kind, fill, size
        self.width = self.height = size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.setFillColor(self.fill)
        c.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
        c.setStrokeColor(white)
        c.setLineWidth(s * 0.12)
        c.setLineCap(1)
        c.setLineJoin(1)
        path = c.beginPath()
        if self.kind == "do":
            path.moveTo(s * 0.27, s * 0.52)
            path.lineTo(s * 0.43, s * 0.34)
            path.lineTo(s * 0.74, s * 0.68)
        else:
            path.moveTo(s * 0.32, s * 0.32)
            path.lineTo(s * 0.68, s * 0.68)
            path.moveTo(s * 0.32, s * 0.68)
            path.lineTo(s * 0.68, s * 0.32)
        c.drawPath(path, stroke=1, fill=0)


def _do_dont(block: model.ItemList, ctx: Context) -> Flowable:
    ink = colour(DO_COLOUR if block.kind == "do" else DONT_COLOUR)
    label = ctx.labels["do" if block.kind == "do" else "dont"]
    head_style = derive(ctx.styles.heading, textColor=ink, spaceBefore=0)
    inner = ctx.width - 10 * mm
    head = grid(ctx, [ctx.ordered([Mark(block.kind, ink), ctx.text.plain(label, head_style, bold=True)])],
                ctx.ordered([10 * mm, inner - 10 * mm]),
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *_NO_PADDING, ("BOTTOMPADDING", (0, 0), (-1, -1), 2)],
                hAlign="RIGHT" if ctx.rtl else "LEFT")
    body = _marked_rows(["\u2022"] * len(block.items), block.items, ctx, inner)
    side = "LINEAFTER" if ctx.rtl else "LINEBEFORE"
    box = grid(ctx, [[head], [body]], [ctx.width], [
        ("BOX", (0, 0), (-1, -1), 1, ink),
        (side, (0, 0), (0, -1), 5, ink),
        ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
    ])
    return KeepTogether([box, Spacer(1, 4 * mm)])


@flowables.register
def _(block: model.Table, ctx: Context) -> list[Flowable]:
    ncols = len(block.header.cells)
    # The first column names the row (a situation, a condition): give it a little more room.
    shares = [1.1] + [1.0] * (ncols - 1) if ncols == 2 else [1.45] + [1.0] * (ncols - 1)
    widths = [ctx.width * share / sum(shares) for share in shares]
    head_ink = text_on(ctx.primary)
    head_style = derive(ctx.styles.cell_head, textColor=head_ink)
    data = [ctx.ordered([ctx.text.para(cell, head_style, bold=True) for cell in block.header.cells])]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), ctx.primary),
        ("GRID", (0, 0), (-1, -1), 0.5, colour("#AEB7BD")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.8 * mm),
    ]
    for index, row in enumerate(block.rows, start=1):
        cells = list(row.cells)
        style = ctx.styles.cell
        if row.level:
            bar, fill = (colour(v) for v in LEVEL_COLOURS[row.level])
            ink = text_on(fill)
            style = derive(style, textColor=ink)
            label = derive(ctx.styles.label, textColor=ink if row.level == "emergency" else bar)
            commands += [("BACKGROUND", (0, index), (-1, index), fill)]
            edge = -1 if ctx.rtl else 0
            side = "LINEAFTER" if ctx.rtl else "LINEBEFORE"
            commands += [(side, (edge, index), (edge, index), 6, colour("#000000") if row.level == "emergency" else bar)]
            last = [ctx.text.plain(ctx.labels[f"level_{row.level}"], label, bold=True),
                    ctx.text.para(cells[-1], style, bold=row.level == "emergency")]
            rendered = [ctx.text.para(c, style, bold=row.level == "emergency") for c in cells[:-1]] + [last]
        else:
            rendered = [ctx.text.para(c, style) for c in cells]
        data.append(ctx.ordered(rendered))
    table = grid(ctx, data, ctx.ordered(widths), commands, repeatRows=1, hAlign="CENTER")
    return [table, Spacer(1, 4 * mm)]


@flowables.register
def _(block: model.Callout, ctx: Context) -> list[Flowable]:
    bar, fill = (colour(v) for v in CALLOUT_COLOURS[block.kind])
    inner_ctx = replace(ctx, width=ctx.width - 14 * mm)
    content: list[Flowable] = []
    if block.title:
        title_style = derive(ctx.styles.heading, spaceBefore=0, textColor=bar if block.kind != "info" else ctx.styles.heading.textColor)
        content.append(ctx.text.para(block.title, title_style, bold=True))
    for inner in block.blocks:
        content.extend(flowables(inner, inner_ctx))
    side = "LINEAFTER" if ctx.rtl else "LINEBEFORE"
    box = grid(ctx, [[content]], [ctx.width], [
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        (side, (0, 0), (0, -1), 6, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
    ])
    return [box, Spacer(1, 4 * mm)]


@flowables.register
def _(block: model.QA, ctx: Context) -> list[Flowable]:
    question = ctx.text.para(block.question, derive(ctx.styles.bold, spaceBefore=4), bold=True)
    answer = ctx.text.para(block.answer, ctx.styles.body)
    return [KeepTogether([question, answer])]


@flowables.register
def _(block: model.Figure, ctx: Context) -> list[Flowable]:
    """The picture with its caption beside it (a figure is small; the caption reads as text)."""
    reader = ImageReader(io.BytesIO(block.image or b""))
    pixels_w, pixels_h = reader.getSize()
    scale = min(FIGURE_HEIGHT / pixels_h, FIGURE_WIDTH / pixels_w)
    width, height = pixels_w * scale, pixels_h * scale
    picture = Image(io.BytesIO(block.image or b""), width=width, height=height)
    caption = ctx.text.para(block.caption, derive(ctx.styles.body, spaceAfter=0))
    gap = 6 * mm
    row = grid(ctx, [ctx.ordered([picture, caption])], ctx.ordered([width + gap, ctx.width - width - gap]),
               [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *_NO_PADDING])
    return [row, Spacer(1, 4 * mm)]


def section_flowables(section: model.Section, ctx: Context) -> list[Flowable]:
    """A section: its title (bookmarked) and its blocks."""
    title = ctx.text.para((Span(section.title),), ctx.styles.section, bold=True)
    title.keepWithNext = True
    title.bookmark = (f"section-{section.id}", section.title)  # read by the page template
    out: list[Flowable] = [CondPageBreak(38 * mm), title]
    for block in section.blocks:
        out.extend(flowables(block, ctx))
    return out
