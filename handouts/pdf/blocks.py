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
    spacing: float = 1.0  # below 1: the compact layout, tried when a handout spills onto a new sheet

    def gap(self, millimetres: float) -> float:
        """The space between blocks, scaled for the compact layout."""
        return millimetres * mm * self.spacing

    def pad(self, millimetres: float) -> float:
        """A box's space above or below its text: a little less in the compact layout
        (never the space beside the text, the type or the line spacing)."""
        return millimetres * mm * (PAD_COMPACT if self.spacing < 1 else 1.0)

    @property
    def rtl(self) -> bool:
        return self.styles.rtl

    def ordered(self, cells: list) -> list:
        """Cells in reading order: right to left for RTL scripts."""
        return cells[::-1] if self.rtl else cells


FIGURE_HEIGHT = 26 * mm
FIGURE_WIDTH = 34 * mm
PAD_COMPACT = 0.6  # the compact layout's padding above and below the text in a box
FIGURE_COMPACT = 0.75  # the compact layout's pictures: smaller, so the text beside them is wider

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
    return [_marked_rows(markers, block.items, ctx, ctx.width), Spacer(1, 2)]


def _marked_rows(markers: list[str], items: tuple[model.Inline, ...], ctx: Context, width: float) -> Table:
    gutter = 6 * mm
    item = derive(ctx.styles.body, spaceAfter=0.8)
    rows = [
        ctx.ordered([ctx.text.plain(marker, item), ctx.text.para(entry, item)])
        for marker, entry in zip(markers, items)
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


def _do_dont(block: model.ItemList, ctx: Context, *, spaced: bool = True) -> Flowable:
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
        ("TOPPADDING", (0, 0), (-1, 0), ctx.pad(3)),
        ("BOTTOMPADDING", (0, -1), (-1, -1), ctx.pad(3)),
    ])
    return KeepTogether([box, Spacer(1, ctx.gap(3))]) if spaced else box


@flowables.register
def _(block: model.Table, ctx: Context) -> list[Flowable]:
    ncols = len(block.header.cells)
    if ctx.styles.large and ncols > 2:
        return _stacked_rows(block, ctx)
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
        ("TOPPADDING", (0, 0), (-1, -1), ctx.pad(2.2)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ctx.pad(2.8)),
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
    return [table, Spacer(1, ctx.gap(4))]


def _stacked_rows(block: model.Table, ctx: Context) -> list[Flowable]:
    """A table too wide for large print, reflowed: one box per row, its first cell as the
    box's heading, then each other cell after its column's header ("Colour: white")."""
    out: list[Flowable] = []
    head = block.header.cells
    for row in block.rows:
        bar = colour(LEVEL_COLOURS[row.level][0]) if row.level else ctx.primary
        content: list[Flowable] = [ctx.text.para(row.cells[0], derive(ctx.styles.bold, spaceAfter=3), bold=True)]
        if row.level:
            content.append(ctx.text.plain(ctx.labels[f"level_{row.level}"], derive(ctx.styles.label, textColor=bar),
                                          bold=True))
        for name, cell in zip(head[1:], row.cells[1:]):
            content.append(ctx.text.para((Span(model.plain(name) + ": ", bold=True), *cell), ctx.styles.body))
        side = "LINEAFTER" if ctx.rtl else "LINEBEFORE"
        box = grid(ctx, [[content]], [ctx.width], [
            (side, (0, 0), (0, -1), 6, bar),
            ("BOX", (0, 0), (-1, -1), 0.5, colour("#AEB7BD")),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), ctx.pad(2)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), ctx.pad(1)),
        ])
        out += [KeepTogether([box]), Spacer(1, ctx.gap(2))]
    return [*out, Spacer(1, ctx.gap(2))]


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
        ("TOPPADDING", (0, 0), (-1, -1), ctx.pad(3)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ctx.pad(2)),
    ])
    return [box, Spacer(1, ctx.gap(3))]


@flowables.register
def _(block: model.CareCard, ctx: Context) -> list[Flowable]:
    """An NHS-style care card: a coloured band with the level in words and what to do,
    then the signs. The emergency card's body is black with white text, as the NHS's
    "immediate" card is, so it stands out in grey-scale print too."""
    band, _fill = (colour(v) for v in LEVEL_COLOURS[block.level])
    band_ink = text_on(band)
    emergency = block.level == "emergency"
    body_ink = colour("#FFFFFF") if emergency else ctx.styles.body.textColor
    styles = ctx.styles
    if emergency:
        styles = replace(styles, body=derive(styles.body, textColor=body_ink), bold=derive(styles.bold, textColor=body_ink))
    inner = replace(ctx, width=ctx.width - 8 * mm, styles=styles)
    # The level in words first ("Emergency: now"), then what to do: one heading, so the
    # level survives grey-scale printing and is read aloud before the action.
    heading = (Span(ctx.labels[f"level_{block.level}"] + "  \u2022  "), *block.title)
    size = ctx.styles.label.fontSize
    title = ctx.text.para(heading, derive(ctx.styles.heading, fontSize=size, leading=round(size * 1.3, 1),
                                          textColor=band_ink, spaceBefore=0, spaceAfter=0), bold=True)
    content: list[Flowable] = []
    for child in block.blocks:
        content.extend(flowables(child, inner))
    card = grid(ctx, [[title], [content]], [ctx.width], [
        ("BACKGROUND", (0, 0), (-1, 0), band),
        ("BACKGROUND", (0, 1), (-1, 1), colour("#000000") if emergency else colour("#FFFFFF")),
        ("BOX", (0, 0), (-1, -1), 1.5, colour("#000000") if emergency else band),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), ctx.pad(1.5)),
        ("BOTTOMPADDING", (0, 0), (-1, 0), ctx.pad(1.5)),
        ("BOTTOMPADDING", (0, 1), (-1, 1), ctx.pad(0.5)),
    ])
    return [KeepTogether([card]), Spacer(1, ctx.gap(2))]


class Rules(Flowable):
    """Blank lines to write on."""

    def __init__(self, count: int, width: float, pitch: float = 6.5 * mm) -> None:
        super().__init__()
        self.count, self.width, self.pitch = count, width, pitch
        self.height = count * pitch

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(colour("#4C6272"))
        self.canv.setLineWidth(0.6)
        for n in range(self.count):
            y = self.height - (n + 1) * self.pitch + 1
            self.canv.line(0, y, self.width, y)


@flowables.register
def _(block: model.WriteIn, ctx: Context) -> list[Flowable]:
    """A box of labelled blank lines: a tool the reader fills in by hand. Its title runs
    beside the fields (a column of its own), so the box costs no line for it; in large
    print, where space is not the limit, the title sits above."""
    title = ctx.text.para(block.title, derive(ctx.styles.bold, spaceAfter=1), bold=True) if block.title else None
    beside = title is not None and not ctx.styles.large
    title_w = min(40 * mm, max(24 * mm, ctx.width * 0.2)) if beside else 0
    inner = ctx.width - 12 * mm - title_w
    label_style = derive(ctx.styles.body, spaceAfter=0)
    fields: list[Flowable] = [] if beside or title is None else [title]
    for label, lines in block.fields:
        # The first line to write on runs beside its label; any more run full width below.
        fields.append(grid(ctx, [ctx.ordered([ctx.text.para(label, label_style), Rules(1, inner * 0.4)])],
                           ctx.ordered([inner * 0.6, inner * 0.4]), [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                                                     *_NO_PADDING]))
        if lines > 1:
            fields.append(Rules(lines - 1, inner))
    content: list = [fields]
    if beside:
        content = [grid(ctx, [ctx.ordered([[title], fields])], ctx.ordered([title_w, inner]),
                        [("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING])]
    box = grid(ctx, [content], [ctx.width], [
        ("BOX", (0, 0), (-1, -1), 0.8, colour("#4C6272")),
        ("LEFTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), ctx.pad(1.5)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ctx.pad(2.5)),
    ])
    return [box, Spacer(1, ctx.gap(3))]


@flowables.register
def _(block: model.QA, ctx: Context) -> list[Flowable]:
    question = ctx.text.para(block.question, derive(ctx.styles.bold, spaceBefore=4), bold=True)
    answer = ctx.text.para(block.answer, ctx.styles.body)
    return [KeepTogether([question, answer])]


@flowables.register
def _(block: model.Figure, ctx: Context) -> list[Flowable]:
    """The picture with its caption beside it (a figure is small; the caption reads as
    text), followed there by any steps the picture shows."""
    reader = ImageReader(io.BytesIO(block.image or b""))
    pixels_w, pixels_h = reader.getSize()
    scale = min(FIGURE_HEIGHT / pixels_h, FIGURE_WIDTH / pixels_w) * (FIGURE_COMPACT if ctx.spacing < 1 else 1)
    width, height = pixels_w * scale, pixels_h * scale
    picture = Image(io.BytesIO(block.image or b""), width=width, height=height)
    if ctx.styles.large:  # one column: the picture, then its caption and steps at full width
        picture.hAlign = "RIGHT" if ctx.rtl else "LEFT"
        stacked: list[Flowable] = [picture, Spacer(1, ctx.gap(2)),
                                   ctx.text.para(block.caption, derive(ctx.styles.body, spaceAfter=3))]
        for child in block.beside:
            stacked.extend(flowables(child, ctx))
        return [KeepTogether(stacked[:3]), *stacked[3:], Spacer(1, ctx.gap(3))]
    gap = 5 * mm
    beside_ctx = replace(ctx, width=ctx.width - width - gap)
    text: list[Flowable] = [ctx.text.para(block.caption, derive(ctx.styles.body, spaceAfter=3))]
    for child in block.beside:
        text.extend(flowables(child, beside_ctx))
    row = grid(ctx, [ctx.ordered([picture, text])], ctx.ordered([width + gap, beside_ctx.width]),
               [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *_NO_PADDING])
    return [row, Spacer(1, ctx.gap(3))]


def section_flowables(section: model.Section, ctx: Context) -> list[Flowable]:
    """A section: its title (bookmarked) and its blocks."""
    title = ctx.text.para((Span(section.title),), ctx.styles.section, bold=True)
    title.keepWithNext = True
    title.bookmark = (f"section-{section.id}", section.title)  # read by the page template
    parts: list[list[Flowable]] = []
    blocks = list(section.blocks)
    while blocks:
        block = blocks.pop(0)
        if _is_list(block, "do") and blocks and _is_list(blocks[0], "dont") and not ctx.styles.large:
            parts.append([_side_by_side(block, blocks.pop(0), ctx)])
            continue
        parts.append(flowables(block, ctx))
    # The title never ends a page alone: it travels with the section's first block.
    # (A KeepTogether nested in another one leaves a blank page in ReportLab: unwrap it.)
    first = [inner for f in (parts.pop(0) if parts else [])
             for inner in (f._content if isinstance(f, KeepTogether) else [f])]
    return [KeepTogether([title, *first]), *[f for part in parts for f in part]]


def _is_list(block: model.Block, kind: str) -> bool:
    return isinstance(block, model.ItemList) and block.kind == kind


def _side_by_side(do: model.ItemList, dont: model.ItemList, ctx: Context) -> Flowable:
    """A "Do" list and the "Don't" list after it, as two boxes side by side."""
    gap = 4 * mm
    half = replace(ctx, width=(ctx.width - gap) / 2)
    row = grid(ctx, [ctx.ordered([_do_dont(do, half, spaced=False), "", _do_dont(dont, half, spaced=False)])],
               [half.width, gap, half.width], [("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING])
    return KeepTogether([row, Spacer(1, ctx.gap(3))])
