"""Draw the figure of the cradle-cap topic with Pillow.

Run ``python templates/cradle-cap/draw_figures.py`` to (re)write, next to this script:

* ``cradle-cap.png``: a calm baby's head (light-medium olive skin), eyes closed, slightly
  bowed so the top of the head shows, with little short dark hair and patches of cradle cap:
  flat, greasy yellow and off-white crusty flakes overlapping like scales on the scalp and a
  little over one eyebrow. An adult's hand holds a small soft baby brush beside the head.

The picture holds no words, letters or numbers: its caption lives in the templates and is
translated there. It is drawn at 4x size, downsampled with LANCZOS, reduced to a small
palette and saved as an RGB PNG. Fixed seeds, so every run writes the same bytes.
"""
from __future__ import annotations

import math
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_shared"))

from drawing import (  # noqa: E402  (the shared helpers live next to the shared figures)
    LINE,
    OUTLINE,
    Canvas,
    H,
    Point,
    bezier,
    capsule_pts,
    ellipse_pts,
    mix,
    region_mask,
    rounded_rect_pts,
    scatter,
)

SKIN_OLIVE = (217, 169, 126)  # baby, #D9A97E
SKIN_ADULT = (140, 92, 62)  # adult's hand, brown
HAIR = (62, 42, 30)
FLAKE_YELLOW = (232, 200, 106)  # #E8C86A, greasy yellow
FLAKE_CREAM = (242, 227, 176)  # #F2E3B0, off-white
BLANKET = (168, 206, 232)
BLUE = (104, 152, 204)
BRUSH = (236, 168, 180)
BRISTLE = (252, 246, 232)

CX, CY, RX, RY = 400, 360, 235, 270  # the baby's head


def flake(rng: random.Random, x: float, y: float, r: float) -> list[Point]:
    """An irregular flat flake (a scale of crust): a wobbly, slightly stretched polygon."""
    n = 9
    rot = rng.random() * 360
    pts = []
    for i in range(n):
        a = math.radians(rot + 360 * i / n + rng.uniform(-12, 12))
        d = r * rng.uniform(0.7, 1.15) * (1.0 if i % 2 else 0.85)
        pts.append((x + d * math.cos(a) * 1.25, y + d * math.sin(a) * 0.85))
    return pts


def blob(rng: random.Random, x: float, y: float, rx: float, ry: float) -> list[Point]:
    """A soft irregular patch outline around (x, y)."""
    k = [rng.uniform(0.8, 1.05) for _ in range(10)]
    return [(x + rx * k[i % 10] * math.cos(math.radians(i * 36)), y + ry * k[i % 10] * math.sin(math.radians(i * 36)))
            for i in range(10)]


def cradle_cap(c: Canvas, rng: random.Random, patches, mask) -> None:
    """Patches of crust: a greasy yellow base, then flakes overlapping like scales."""
    base = mix(SKIN_OLIVE, FLAKE_YELLOW, 0.55)
    for px, py, rx, ry, n in patches:
        c.shape(bezier_loop(blob(rng, px, py, rx * 0.95, ry * 0.95)), base, mix(base, OUTLINE, 0.3), 1.4)
    for px, py, rx, ry, n in patches:
        spots = scatter(rng, px, py, rx, ry, n, 10, 18, [], mask, gap=-13)
        spots += scatter(rng, px, py, rx, ry, n // 2, 6, 10, [], mask, gap=-6)
        for i, (x, y, r) in enumerate(spots):
            tone = FLAKE_YELLOW if rng.random() < 0.55 else FLAKE_CREAM
            fill = mix(tone, (255, 255, 255), rng.uniform(0.0, 0.2))
            c.shape(flake(rng, x, y, r), fill, mix(tone, OUTLINE, 0.55), 1.6)
            if r > 11 and i % 2 == 0:  # a crack or ridge on the bigger flakes
                c.stroke([(x - r * 0.5, y + r * 0.1), (x, y - r * 0.15), (x + r * 0.4, y + r * 0.05)],
                         mix(tone, OUTLINE, 0.3), 1.4)


def bezier_loop(pts: list[Point]) -> list[Point]:
    """A smooth closed curve through the midpoints of ``pts`` (corners become soft bends)."""
    out: list[Point] = []
    for a, b, d in zip(pts, pts[1:] + pts[:1], pts[2:] + pts[:2]):
        m0 = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        m1 = ((b[0] + d[0]) / 2, (b[1] + d[1]) / 2)
        out += bezier(m0, b, b, m1, 10)[:-1]
    return out


def baby(c: Canvas) -> None:
    """The baby's head, slightly bowed: a big scalp on top, calm face below."""
    skin = SKIN_OLIVE
    feature = mix(skin, OUTLINE, 0.55)

    def P(x: float, y: float) -> Point:
        return CX + x, CY + y

    def E(x: float, y: float, rx: float, ry: float, a0: float = 0, a1: float = 360, n: int = 160):
        return ellipse_pts(CX + x, CY + y, rx, ry, 0, a0, a1, n)

    # Blanket round the shoulders.
    body = (bezier((CX - 300, H + 20), (CX - 300, 560), (CX - 180, 540), (CX, 540), 30)
            + bezier((CX, 540), (CX + 180, 540), (CX + 300, 560), (CX + 300, H + 20), 30))
    c.shape(body, BLANKET)
    c.stroke(bezier((CX - 150, 600), (CX - 80, 660), (CX + 80, 660), (CX + 150, 600), 30),
             mix(BLANKET, OUTLINE, 0.45), LINE * 0.7)
    for side in (-1, 1):  # ears, low because the head is bowed
        c.shape(E(side * 226, 80, 36, 50), skin)
        c.stroke(E(side * 230, 82, 16, 26, 90 - side * 80, 270 - side * 80, 40)[6:-6],
                 mix(skin, OUTLINE, 0.4), LINE * 0.7)
    head = E(0, 0, RX, RY)
    c.shape(head, skin)
    # Face in the lower part of the head: brows, closed eyes, nose, mouth.
    for side in (-1, 1):
        c.stroke(E(side * 88, 20, 38, 14, 205, 335, 30), feature, LINE * 0.7)
        eye = E(side * 86, 70, 42, 20, 12, 168, 40)
        c.stroke(eye, OUTLINE, LINE)
        for k in (10, 20, 30):
            x, y = eye[k]
            dx = (x - (CX + side * 86)) / 42
            c.stroke([(x, y), (x + dx * 10, y + 14)], OUTLINE, LINE * 0.6)
    c.shape(E(0, 132, 30, 22), mix(skin, OUTLINE, 0.10), None)
    c.stroke(E(0, 134, 22, 12, 20, 160, 30), OUTLINE, LINE * 0.85)
    c.stroke(E(0, 194, 36, 16, 18, 162, 40), OUTLINE, LINE)
    # Cradle cap: patches on the scalp (above the hairline) and a little over the left brow.
    scalp = head[80:161] + bezier(P(RX - 10, -20), P(100, -40), P(-100, -40), P(-RX + 10, -20), 30)
    rng = random.Random(5)  # a little short, fine dark hair over the scalp
    for x, y, _ in scatter(rng, CX, CY - 150, 200, 130, 34, 6, 6, [], region_mask(scalp), gap=16):
        lean = rng.uniform(-8, 8)
        c.stroke(bezier((x, y), (x + lean * 0.3, y - 6), (x + lean * 0.8, y - 11), (x + lean + 5, y - 14), 10),
                 HAIR, LINE * 0.4)
    cradle_cap(c, random.Random(17), [(CX - 70, CY - 170, 85, 55, 26), (CX + 80, CY - 150, 75, 60, 22),
                                      (CX - 150, CY - 70, 45, 45, 10), (CX + 10, CY - 70, 60, 28, 10),
                                      (CX + 150, CY - 60, 40, 40, 8)], region_mask(scalp))
    brow = E(-92, 14, 52, 22)
    cradle_cap(c, random.Random(29), [(CX - 92, CY + 12, 40, 14, 5)], region_mask(brow))
    c.stroke(head, OUTLINE, LINE, closed=True)


def hand_with_brush(c: Canvas) -> None:
    """An adult's hand holding a small soft brush, bristles towards the baby's scalp."""
    bx, by, ang = 632, 168, 42  # the brush head; the handle runs down to the right
    ca, sa = math.cos(math.radians(ang)), math.sin(math.radians(ang))

    def R(x: float, y: float) -> Point:
        return bx + x * ca - y * sa, by + x * sa + y * ca

    def RR(x: float, y: float, w: float, h: float, r: float) -> list[Point]:
        return [R(px, py) for px, py in rounded_rect_pts(x, y, w, h, r)]

    # Sleeve, off the right edge, and wrist.
    c.shape(RR(390, 0, 200, 130, 30), BLUE)
    c.stroke([R(300, -60), R(300, 60)], mix(BLUE, OUTLINE, 0.45), LINE * 0.7)
    c.shape(RR(270, 0, 70, 78, 14), SKIN_ADULT)
    # Soft bristles along the side that faces the scalp.
    for i in range(13):
        x = -58 + i * 9.6
        c.stroke([R(x, 14), R(x, 44)], mix(BRISTLE, OUTLINE, 0.35), LINE * 0.9)
        c.stroke([R(x, 16), R(x, 42)], BRISTLE, LINE * 0.45)
    c.shape(RR(120, 4, 190, 24, 12), BRUSH)  # handle
    c.shape(RR(0, 0, 140, 36, 16), BRUSH)  # back of the brush head
    c.stroke([R(-50, -2), R(50, -2)], mix(BRUSH, OUTLINE, 0.3), LINE * 0.5)
    # The fist round the handle: curled fingers below, thumb along the top.
    hand = SKIN_ADULT
    c.shape(RR(226, 0, 80, 76, 26), hand)  # palm
    for x in (244, 222, 200, 178):  # fingers curled round the handle
        c.shape(capsule_pts(R(x + 4, -20), R(x, 46), 12), hand)
    c.shape(capsule_pts(R(250, -30), R(170, -24), 14), hand)  # thumb along the top


def cradle_cap_figure(path: Path) -> None:
    c = Canvas()
    baby(c)
    hand_with_brush(c)
    c.save(path)


def main() -> None:
    cradle_cap_figure(HERE / "cradle-cap.png")


if __name__ == "__main__":
    main()
