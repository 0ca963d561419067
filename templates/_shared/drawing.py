"""Drawing helpers shared by the topics' figure scripts (``templates/*/draw_figures.py``).

A figure is drawn on a :class:`Canvas` at ``SS`` times its final size in final-pixel
coordinates, then downsampled (LANCZOS), reduced to a small palette and saved as an RGB PNG
without metadata, so the same script writes the same bytes on every run. Pictures hold no
words: captions live in the templates, where they are translated.

This file is a tool for people who draw figures; the handouts never import it.
"""
from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

W, H = 900, 700  # final size in pixels
SS = 4  # supersampling factor: drawn at W*SS x H*SS, then downsampled
PALETTE_COLOURS = 64

WHITE = (255, 255, 255)
OUTLINE = (43, 43, 43)
LINE = 7.0  # main outline width, in final pixels

Point = tuple[float, float]


# ---------------------------------------------------------------- geometry helpers

def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    """Colour ``a`` moved a fraction ``t`` towards colour ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0,
                a0: float = 0.0, a1: float = 360.0, n: int = 160) -> list[Point]:
    """Points on an ellipse (or an arc of it, degrees, y pointing down), rotated by ``angle``."""
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    pts = []
    for i in range(n + 1):
        t = math.radians(a0 + (a1 - a0) * i / n)
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 40) -> list[Point]:
    """Points on a cubic Bezier curve."""
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return pts


def capsule_pts(p: Point, q: Point, r: float, n: int = 40) -> list[Point]:
    """Outline of a capsule (a finger, a thumb) from ``p`` to ``q`` with radius ``r``."""
    ang = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
    return (ellipse_pts(q[0], q[1], r, r, 0, ang - 90, ang + 90, n)
            + ellipse_pts(p[0], p[1], r, r, 0, ang + 90, ang + 270, n))


def rounded_rect_pts(cx: float, cy: float, w: float, h: float, r: float, angle: float = 0.0) -> list[Point]:
    """Outline of a rounded rectangle centred on (cx, cy), rotated by ``angle`` degrees."""
    corners = [(w / 2 - r, h / 2 - r, 0), (-w / 2 + r, h / 2 - r, 90),
               (-w / 2 + r, -h / 2 + r, 180), (w / 2 - r, -h / 2 + r, 270)]
    local = []
    for x, y, a in corners:
        local += ellipse_pts(x, y, r, r, 0, a, a + 90, 12)
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return [(cx + x * ca - y * sa, cy + x * sa + y * ca) for x, y in local]


# ---------------------------------------------------------------- drawing surface

class Canvas:
    """A white picture drawn at SS times its final size; coordinates are in final pixels."""

    def __init__(self) -> None:
        self.img = Image.new("RGB", (W * SS, H * SS), WHITE)
        self.draw = ImageDraw.Draw(self.img)

    @staticmethod
    def _scaled(pts: list[Point]) -> list[Point]:
        return [(x * SS, y * SS) for x, y in pts]

    def dot(self, x: float, y: float, r: float, fill, outline=None, width: float = 0.0) -> None:
        """A filled circle, optionally with a (thin) outline."""
        box = [(x - r) * SS, (y - r) * SS, (x + r) * SS, (y + r) * SS]
        self.draw.ellipse(box, fill=fill, outline=outline, width=round(width * SS) if outline else 0)

    def stroke(self, pts: list[Point], color=OUTLINE, width: float = LINE, closed: bool = False) -> None:
        """A line through ``pts`` with round joins and round ends."""
        sp = self._scaled(pts)
        if closed:
            sp = sp + [sp[0], sp[1]]
        self.draw.line(sp, fill=color, width=round(width * SS), joint="curve")
        if not closed:
            for x, y in (sp[0], sp[-1]):
                r = width * SS / 2
                self.draw.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def shape(self, pts: list[Point], fill, outline=OUTLINE, width: float = LINE) -> None:
        """A filled shape with a round-joined outline (no outline if ``outline`` is None)."""
        self.draw.polygon(self._scaled(pts), fill=fill)
        if outline is not None:
            self.stroke(pts, outline, width, closed=True)

    def tint(self, pts: list[Point], rgba: tuple[int, int, int, int]) -> None:
        """A see-through fill: ``rgba`` laid over what is already drawn."""
        layer = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).polygon(self._scaled(pts), fill=rgba)
        self.img = Image.alpha_composite(self.img.convert("RGBA"), layer).convert("RGB")
        self.draw = ImageDraw.Draw(self.img)

    def save(self, path: Path) -> None:
        """Downsample (LANCZOS), reduce to a small palette, save as an RGB PNG without metadata."""
        small = self.img.resize((W, H), Image.Resampling.LANCZOS)
        flat = small.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT,
                              dither=Image.Dither.NONE).convert("RGB")
        clean = Image.frombytes("RGB", flat.size, flat.tobytes())
        clean.save(path, "PNG", optimize=True)


def region_mask(pts: list[Point]) -> Image.Image:
    """A final-size mask (255 inside) of a shape, to keep scattered spots inside it."""
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).polygon(pts, fill=255)
    return mask


def scatter(rng: random.Random, cx: float, cy: float, rx: float, ry: float, count: int,
            rmin: float, rmax: float, taken: list[tuple[float, float, float]],
            mask: Image.Image | None = None, gap: float = 3.0) -> list[tuple[float, float, float]]:
    """Up to ``count`` non-overlapping dots (x, y, r) inside an ellipse (and ``mask``)."""
    found: list[tuple[float, float, float]] = []
    for _ in range(count * 60):
        if len(found) == count:
            break
        a = rng.random() * 2 * math.pi
        d = math.sqrt(rng.random())
        x, y = cx + rx * d * math.cos(a), cy + ry * d * math.sin(a)
        r = rmin + (rmax - rmin) * rng.random()
        if any(math.hypot(x - ox, y - oy) < r + orr + gap for ox, oy, orr in taken + found):
            continue
        if mask is not None and not all(
                0 <= px < W and 0 <= py < H and mask.getpixel((int(px), int(py))) == 255
                for px, py in [(x, y)] + ellipse_pts(x, y, r + 4, r + 4, n=8)):
            continue
        found.append((x, y, r))
    return found
