"""Draw the figure of the nappy-rash topic with Pillow.

Run ``python templates/nappy-rash/draw_figures.py`` to (re)write, next to this script:

* ``nappy-rash.png``: the lower half of a baby (medium-brown skin) lying on its back on a
  changing mat, seen from the front, legs bent out a little (frog position), an open nappy
  beneath the bottom with its front loosely up. Nappy rash (irritant dermatitis) shows as
  darker reddish-purple-brown patches on the skin the nappy touches: the lower tummy and
  the fronts of the upper thighs. The skin creases where thigh meets body stay clear.
  A plain tube of barrier cream lies beside the mat.

The picture holds no words, letters or numbers: its caption lives in the templates and is
translated there. It is drawn at 4x size, downsampled with LANCZOS, reduced to a small
palette and saved as an RGB PNG. Nothing is left to chance (fixed seed), so every run
writes the same bytes.
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
    WHITE,
    Canvas,
    Point,
    bezier,
    capsule_pts,
    ellipse_pts,
    mix,
    region_mask,
    rounded_rect_pts,
    scatter,
)

SKIN = (168, 110, 74)  # medium brown, #A86E4A
RASH = (100, 34, 66)  # laid over the skin, translucent: darker, purple-brown
MAT = (176, 214, 236)
NAPPY = (246, 248, 252)
TAB = (104, 152, 204)
VEST = (250, 210, 110)
CREAM = (214, 204, 238)
CAP = (104, 152, 204)

CX = 400  # the baby's middle


def blob(rng: random.Random, cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> list[Point]:
    """An irregular, smooth patch: an ellipse whose radius wobbles a little."""
    ph = [rng.random() * 2 * math.pi for _ in range(3)]
    amp = [0.10 + 0.08 * rng.random() for _ in range(3)]
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    pts = []
    for i in range(90):
        t = 2 * math.pi * i / 90
        k = 1 + sum(a * math.sin((j + 2) * t + p) for j, (a, p) in enumerate(zip(amp, ph)))
        x, y = rx * k * math.cos(t), ry * k * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def foot_at(cx: float, cy: float, rx: float, ry: float, angle: float, a: float) -> Point:
    """The point at ``a`` degrees on a rotated ellipse (where a toe goes)."""
    return ellipse_pts(cx, cy, rx, ry, angle, a, a, 1)[0]


def mirror(pts: list[Point]) -> list[Point]:
    return [(2 * CX - x, y) for x, y in pts]


def nappy_rash(path: Path) -> None:
    c = Canvas()
    # Changing mat (running off the top) with a soft raised edge.
    c.shape(rounded_rect_pts(CX, 320, 740, 740, 60), MAT)
    c.stroke(rounded_rect_pts(CX, 320, 690, 690, 44), mix(MAT, OUTLINE, 0.25), LINE * 0.6, closed=True)

    # The open nappy, lying under the bottom: wings out at the sides, tabs at their ends.
    wing = (bezier((CX, 312), (CX - 100, 312), (CX - 160, 300), (CX - 200, 296), 20)
            + bezier((CX - 200, 296), (CX - 222, 340), (CX - 218, 400), (CX - 190, 440), 20)
            + bezier((CX - 190, 440), (CX - 100, 470), (CX - 80, 560), (CX - 50, 600), 20) + [(CX, 600)])
    back = wing + mirror(wing)[::-1]
    c.shape(back, NAPPY)
    for side in (-1, 1):
        c.shape(rounded_rect_pts(CX + side * 226, 330, 46, 34, 10, side * 8), TAB, OUTLINE, LINE * 0.8)

    # The baby's skin: torso, thighs, shins and feet, drawn as one outlined silhouette.
    half = (bezier((CX - 152, -20), (CX - 164, 80), (CX - 196, 220), (CX - 160, 330), 40)
            + bezier((CX - 160, 330), (CX - 136, 420), (CX - 50, 440), (CX, 440), 20))
    torso = half + mirror(half)[::-1]
    thigh = capsule_pts((CX - 90, 392), (CX - 232, 470), 62)
    shin = capsule_pts((CX - 240, 478), (CX - 160, 590), 42)
    foot = ellipse_pts(CX - 138, 624, 30, 50, -28)
    toes = [ellipse_pts(*foot_at(CX - 138, 624, 24, 44, -28, a), 8.5, 8.5) for a in (62, 80, 98, 116, 134)]
    parts = [torso, thigh, shin, foot] + toes
    parts += [mirror(p) for p in parts[1:]]
    for p in parts:
        c.stroke(p, OUTLINE, LINE * 2, closed=True)
    for p in parts:
        c.shape(p, SKIN, None)
    fold = mix(SKIN, OUTLINE, 0.62)
    for s in ((lambda pts: pts), mirror):  # knee dimple and ankle fold of each leg
        c.stroke(s(bezier((CX - 270, 452), (CX - 256, 470), (CX - 256, 490), (CX - 268, 506), 16)), fold, LINE * 0.6)
        c.stroke(s(bezier((CX - 176, 588), (CX - 160, 600), (CX - 140, 600), (CX - 126, 590), 16)), fold, LINE * 0.55)
    c.stroke(ellipse_pts(CX, 200, 10, 7), fold, LINE * 0.7, closed=True)  # belly button

    # The rash: translucent darker patches where the nappy rubs, with a few small bumps.
    rng = random.Random(7)
    patches = [  # lower tummy, just above the nappy's waist
        (CX - 60, 340, 44, 20, -8), (CX + 2, 346, 44, 18, 0), (CX + 62, 338, 42, 20, 8),
        (CX - 22, 324, 26, 11, 0), (CX + 36, 322, 24, 10, 0),
    ]
    for side in (-1, 1):  # fronts of the upper thighs, beyond the crease
        patches += [(CX + side * 176, 428, 30, 19, side * 30), (CX + side * 146, 466, 28, 18, side * 30),
                    (CX + side * 212, 460, 20, 14, side * 30)]
    for x, y, rx, ry, a in patches:
        c.tint(blob(rng, x, y, rx, ry, a), RASH + (100,))
    for x, y, rx, ry, a in patches:
        c.tint(blob(rng, x + rng.uniform(-6, 6), y + rng.uniform(-3, 3), rx * 0.55, ry * 0.55, a), RASH + (60,))
    bumps: list[tuple[float, float, float]] = []
    masks = [region_mask(torso)] * 3 + [region_mask(thigh)] * 3 + [region_mask(mirror(thigh))] * 3
    for (x, y, rx, ry, a), mask in zip(patches[:3] + patches[5:], masks):
        bumps += scatter(rng, x, y, rx * 1.1, ry * 1.1, 5, 2.2, 3.4, bumps, mask, gap=5)
    for x, y, r in bumps:
        c.dot(x, y, r, mix(SKIN, RASH, 0.65))
    crease = mix(SKIN, OUTLINE, 0.75)
    # Skin creases where the thighs meet the body: drawn, with normal skin all along them.
    for s in ((lambda pts: pts), mirror):
        c.stroke(s(bezier((CX - 158, 344), (CX - 142, 366), (CX - 122, 390), (CX - 98, 408), 20)), crease, LINE * 0.9)

    # The nappy's front, loosely up over the groin (not fastened).
    front = (bezier((CX - 104, 378), (CX - 50, 362), (CX + 50, 362), (CX + 104, 378), 30)
             + bezier((CX + 104, 378), (CX + 92, 420), (CX + 60, 450), (CX + 46, 520), 20)
             + bezier((CX + 46, 520), (CX + 50, 560), (CX + 50, 580), (CX + 50, 600), 10)
             + bezier((CX - 50, 600), (CX - 50, 580), (CX - 50, 560), (CX - 46, 520), 10)
             + bezier((CX - 46, 520), (CX - 60, 450), (CX - 92, 420), (CX - 104, 378), 20))
    c.shape(front, NAPPY)
    c.stroke(bezier((CX - 90, 392), (CX - 40, 380), (CX + 40, 380), (CX + 90, 392), 30),
             mix(TAB, WHITE, 0.4), LINE * 0.6)

    # A short vest over the chest.
    vest = (bezier((CX - 166, -20), (CX - 170, 40), (CX - 172, 80), (CX - 168, 110), 20)
            + bezier((CX - 168, 110), (CX - 60, 136), (CX + 60, 136), (CX + 168, 110), 30)
            + bezier((CX + 168, 110), (CX + 172, 80), (CX + 170, 40), (CX + 166, -20), 20))
    c.shape(vest, VEST)
    c.stroke(bezier((CX - 160, 90), (CX - 60, 114), (CX + 60, 114), (CX + 160, 90), 30),
             mix(VEST, OUTLINE, 0.4), LINE * 0.6)

    # A plain tube of barrier cream beside the mat (no writing).
    tube = (bezier((812, 400), (800, 460), (802, 570), (812, 610), 20)
            + [(862, 610)] + bezier((862, 610), (872, 570), (874, 460), (862, 400), 20))
    c.shape(tube, CREAM)
    c.shape(rounded_rect_pts(837, 392, 66, 18, 5), mix(CREAM, OUTLINE, 0.2), OUTLINE, LINE * 0.8)
    c.shape(rounded_rect_pts(837, 636, 34, 46, 8), CAP, OUTLINE, LINE * 0.8)
    c.stroke([(820, 440), (820, 570)], WHITE, LINE * 0.9)
    c.save(path)


def main() -> None:
    nappy_rash(HERE / "nappy-rash.png")


if __name__ == "__main__":
    main()
