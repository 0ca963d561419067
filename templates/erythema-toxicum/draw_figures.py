"""Draw the figure of the erythema-toxicum topic with Pillow.

Run ``python templates/erythema-toxicum/draw_figures.py`` to (re)write, next to this script:

* ``newborn-rash.png``: a newborn baby (light skin, #F3CDB0) seen from the front, lying on
  its back with eyes closed, arms up beside the head and palms open, wearing only a nappy.
  Erythema toxicum ("newborn rash") shows as soft, irregular pink-red blotches on the
  cheeks, chest, tummy and arms, most with a small pale yellow-white raised dot in the
  middle. The palms stay clear.

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

from PIL import ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_shared"))

from drawing import (  # noqa: E402  (the shared helpers live next to the shared figures)
    LINE,
    OUTLINE,
    Canvas,
    Point,
    bezier,
    capsule_pts,
    ellipse_pts,
    mix,
    region_mask,
    scatter,
)

SKIN = (243, 205, 176)  # light, #F3CDB0
HAIR = (120, 84, 56)
RED = (222, 58, 72)  # blotch colour, laid over the skin in soft steps
PUSTULE = (255, 248, 214)  # the small pale yellow-white raised dot
NAPPY = (246, 248, 252)
TAB = (104, 152, 204)

CX, HY = 450, 196  # the baby's middle line; the head's centre height


def blotch(rng: random.Random, cx: float, cy: float, r: float) -> list[list[Point]]:
    """Nested irregular outlines (outside first) of one soft blotch of radius about ``r``."""
    ph = [rng.random() * 2 * math.pi for _ in range(3)]
    amp = [0.07 + 0.06 * rng.random(), 0.04 + 0.05 * rng.random(), 0.03 * rng.random()]
    stretch, tilt = 0.75 + 0.25 * rng.random(), rng.random() * math.pi
    layers = []
    for k, f in enumerate((1.0, 0.88, 0.76, 0.62, 0.46)):
        ox, oy = (rng.random() - 0.5) * 0.12 * r, (rng.random() - 0.5) * 0.12 * r
        pts = []
        for i in range(72):
            t = 2 * math.pi * i / 72
            w = (1 + sum(a * math.sin((2 + j) * t + p + k * 0.5)
                         for j, (a, p) in enumerate(zip(amp, ph)))) / (1 + sum(amp))
            x, y = r * f * w * math.cos(t), r * f * w * stretch * math.sin(t)
            pts.append((cx + ox + x * math.cos(tilt) - y * math.sin(tilt),
                        cy + oy + x * math.sin(tilt) + y * math.cos(tilt)))
        layers.append(pts)
    return layers


def arm(c: Canvas, side: int) -> tuple[list[Point], list[Point], list[Point]]:
    """One arm raised beside the head, palm open to the viewer; returns its outlines."""
    def X(x: float) -> float:
        return CX + side * x
    upper = capsule_pts((X(130), 390), (X(252), 432), 43)
    fore = capsule_pts((X(256), 430), (X(274), 300), 38)
    palm = ellipse_pts(X(278), 254, 40, 46)
    for dx, tip in ((-26, 176), (-9, 166), (8, 168), (24, 182)):  # fingers, then the thumb
        c.shape(capsule_pts((X(278 + dx * 0.8), 236), (X(278 + dx * 1.3), tip), 10.5), SKIN)
    c.shape(upper, SKIN)
    c.shape(fore, SKIN)
    c.shape(capsule_pts((X(130), 390), (X(252), 432), 43 - LINE / 2), SKIN, None)  # one outline
    c.shape(capsule_pts((X(256), 430), (X(274), 300), 38 - LINE / 2), SKIN, None)  # round the elbow
    c.shape(palm, SKIN)
    c.shape(capsule_pts((X(306), 270), (X(340), 232), 12), SKIN)
    crease = mix(SKIN, OUTLINE, 0.35)
    c.stroke(bezier((X(250), 236), (X(262), 250), (X(290), 254), (X(302), 246), 16), crease, LINE * 0.5)
    c.stroke(bezier((X(256), 264), (X(270), 276), (X(290), 276), (X(300), 270), 16), crease, LINE * 0.5)
    return upper, fore, palm


def head(c: Canvas) -> list[Point]:
    """A newborn's face, front view, eyes closed and calm; returns the face outline."""
    s = 0.56

    def E(x: float, y: float, rx: float, ry: float, a0: float = 0, a1: float = 360, n: int = 160) -> list[Point]:
        return ellipse_pts(CX + x * s, HY + y * s, rx * s, ry * s, 0, a0, a1, n)

    for side in (-1, 1):
        c.shape(E(side * 232, 18, 40, 54), SKIN)
        c.stroke(E(side * 236, 20, 18, 28, 90 - side * 80, 270 - side * 80, 40)[6:-6],
                 mix(SKIN, OUTLINE, 0.4), LINE * 0.6)
    face = E(0, 0, 240, 250)
    c.shape(face, SKIN)
    for x0, lean in ((-40, -1), (-6, 1), (28, 1)):
        c.stroke(bezier((CX + x0 * s, HY - 247 * s), (CX + (x0 + 6 * lean) * s, HY - 296 * s),
                        (CX + (x0 + 44 * lean) * s, HY - 296 * s), (CX + (x0 + 32 * lean) * s, HY - 264 * s), 30),
                 HAIR, LINE * 0.9)
    feature = mix(SKIN, OUTLINE, 0.5)
    c.shape(E(0, 70, 34, 26), mix(SKIN, OUTLINE, 0.08), None)
    for side in (-1, 1):
        c.stroke(E(side * 92, -52, 40, 16, 205, 335, 30), feature, LINE * 0.6)
        eye = E(side * 90, 6, 44, 22, 12, 168, 40)
        c.stroke(eye, OUTLINE, LINE * 0.85)
        for k in (10, 20, 30):
            x, y = eye[k]
            dx = (x - (CX + side * 90 * s)) / (44 * s)
            c.stroke([(x, y), (x + dx * 7, y + 9)], OUTLINE, LINE * 0.5)
    c.stroke(E(0, 72, 24, 14, 20, 160, 30), feature, LINE * 0.7)
    c.stroke(E(0, 140, 38, 16, 18, 162, 40), OUTLINE, LINE * 0.85)
    return face


def newborn_rash(path: Path) -> None:
    """A newborn in a nappy, arms up, with erythema toxicum on cheeks, chest, tummy, arms."""
    c = Canvas()
    arms = [arm(c, -1), arm(c, 1)]
    left = (bezier((CX - 80, 316), (CX - 140, 318), (CX - 166, 350), (CX - 164, 410), 30)
            + bezier((CX - 164, 410), (CX - 174, 490), (CX - 172, 580), (CX - 160, 720), 30))
    body = left + [(2 * CX - x, y) for x, y in left[::-1]]
    c.shape(body, SKIN)
    c.shape(ellipse_pts(CX, 550, 7, 5), mix(SKIN, OUTLINE, 0.3), None)  # belly button
    c.stroke(ellipse_pts(CX, 553, 10, 7, 0, 200, 340, 16), mix(SKIN, OUTLINE, 0.4), LINE * 0.4)
    nappy = (bezier((CX - 184, 720), (CX - 188, 660), (CX - 184, 620), (CX - 178, 596), 20)
             + bezier((CX - 178, 596), (CX - 80, 612), (CX + 80, 612), (CX + 178, 596), 30)
             + bezier((CX + 178, 596), (CX + 184, 620), (CX + 188, 660), (CX + 184, 720), 20))
    c.shape(nappy, NAPPY)
    c.stroke(bezier((CX - 172, 616), (CX - 80, 632), (CX + 80, 632), (CX + 172, 616), 30),
             mix(NAPPY, OUTLINE, 0.3), LINE * 0.5)
    for side in (-1, 1):
        c.shape(capsule_pts((CX + side * 158, 646), (CX + side * 126, 650), 11), TAB)
    face = head(c)

    # Where blotches may go: skin that shows, a little inside its outline, never on a palm.
    def region(shapes: list[list[Point]], holes: list[list[Point]]):
        mask = region_mask(shapes[0])
        for pts in shapes[1:]:
            mask = ImageChops.lighter(mask, region_mask(pts))
        for pts in holes:
            ImageDraw.Draw(mask).polygon(pts, fill=0)
        return mask.filter(ImageFilter.MinFilter(11))

    hands = [ellipse_pts(palm[0][0] - 40, 250, 70, 80) for _, _, palm in arms]
    head_hole, navel = ellipse_pts(CX, HY, 150, 158), ellipse_pts(CX, 550, 22, 22)
    trunk = region([body], [nappy, head_hole, navel] + hands)
    limbs = region([pts for upper, fore, _ in arms for pts in (upper, fore)], hands + [head_hole, body])
    cheeks = region([face], [])
    rng = random.Random(41)
    taken: list[tuple[float, float, float]] = []
    for x in (-80, 80):  # cheeks, below the eyes
        taken += scatter(rng, CX + x, HY + 56, 30, 14, 2, 10, 15, taken, cheeks, gap=6)
    areas = [(CX, 385, 120, 35, 5, trunk), (CX, 470, 140, 50, 6, trunk), (CX, 555, 140, 30, 4, trunk),
             (CX - 200, 410, 70, 30, 3, limbs), (CX + 200, 410, 70, 30, 3, limbs),
             (CX - 270, 350, 30, 60, 2, limbs), (CX + 270, 350, 30, 60, 2, limbs)]
    for x, y, rx, ry, n, where in areas:
        taken += scatter(rng, x, y, rx, ry, n, 13, 20, taken, where, gap=10)
    for i, (x, y, r) in enumerate(taken):
        for k, pts in enumerate(blotch(rng, x, y, r)):
            c.shape(pts, mix(SKIN, RED, 0.16 + 0.1 * k), None)
        if i % 5 != 3:  # most, not all, have a small pale raised dot in the middle
            pr = 4 + 2 * rng.random()
            c.dot(x, y, pr, PUSTULE, mix(PUSTULE, OUTLINE, 0.35), 1.2)
            c.dot(x - pr * 0.35, y - pr * 0.35, pr * 0.3, (255, 255, 255))
    c.save(path)


def main() -> None:
    newborn_rash(HERE / "newborn-rash.png")


if __name__ == "__main__":
    main()
