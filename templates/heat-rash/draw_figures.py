"""Draw the figure of the heat-rash topic with Pillow.

Run ``python templates/heat-rash/draw_figures.py`` to (re)write, next to this script:

* ``heat-rash.png``: a calm baby (dark-brown skin, #5E3B26) seen from the front, eyes
  closed: head, neck with soft skin folds, shoulders and upper chest, in a loose pale
  cotton vest with a wide, low neck. Heat rash (prickly heat) shows as clusters of tiny
  pale grey / whitish-grey bumps on the neck, in the neck folds and on the upper chest
  (on dark skin heat rash looks grey or white, not red), with a few at the jaw line.

The picture holds no words, letters or numbers: its caption lives in the templates and is
translated there. It is drawn at 4x size, downsampled with LANCZOS, reduced to a small
palette and saved as an RGB PNG. Nothing is left to chance (fixed seed), so every run
writes the same bytes.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import ImageDraw

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_shared"))

from drawing import (  # noqa: E402  (the shared helpers live next to the shared figures)
    LINE,
    OUTLINE,
    Canvas,
    Point,
    bezier,
    ellipse_pts,
    mix,
    region_mask,
    scatter,
)

SKIN = (94, 59, 38)  # dark brown, #5E3B26
HAIR = (24, 16, 12)
FACE_LINE = (16, 12, 10)  # eyes, nose, mouth: darker than the outline, so they show
VEST = (226, 238, 248)  # a loose, pale cotton vest
BUMP = (214, 212, 206)  # heat rash on dark skin: pale grey / whitish-grey
BUMP_PALE = (236, 234, 228)

CX, HY, S = 450, 226, 0.66  # the baby's middle line; head centre height; head scale


def E(x: float, y: float, rx: float, ry: float, a0: float = 0, a1: float = 360, n: int = 160) -> list[Point]:
    """An ellipse (or arc) in head units around the head's centre."""
    return ellipse_pts(CX + x * S, HY + y * S, rx * S, ry * S, 0, a0, a1, n)


def head(c: Canvas) -> list[Point]:
    """A baby's face, front view, eyes closed and calm; returns the face outline."""
    for side in (-1, 1):
        c.shape(E(side * 232, 18, 40, 54), SKIN)
        c.stroke(E(side * 236, 20, 18, 28, 90 - side * 80, 270 - side * 80, 40)[6:-6],
                 mix(SKIN, FACE_LINE, 0.6), LINE * 0.6)
    face = E(0, 0, 240, 250)
    c.shape(face, SKIN)
    for x0, lean in ((-40, -1), (-6, 1), (28, 1)):
        c.stroke(bezier((CX + x0 * S, HY - 247 * S), (CX + (x0 + 6 * lean) * S, HY - 296 * S),
                        (CX + (x0 + 44 * lean) * S, HY - 296 * S), (CX + (x0 + 32 * lean) * S, HY - 264 * S), 30),
                 HAIR, LINE * 0.9)
    c.shape(E(0, 70, 34, 26), mix(SKIN, FACE_LINE, 0.18), None)  # soft nose
    for side in (-1, 1):
        c.stroke(E(side * 92, -52, 40, 16, 205, 335, 30), mix(SKIN, FACE_LINE, 0.7), LINE * 0.65)
        eye = E(side * 90, 6, 44, 22, 12, 168, 40)
        c.stroke(eye, FACE_LINE, LINE * 0.9)
        for k in (10, 20, 30):
            x, y = eye[k]
            dx = (x - (CX + side * 90 * S)) / (44 * S)
            c.stroke([(x, y), (x + dx * 7, y + 9)], FACE_LINE, LINE * 0.5)
    c.stroke(E(0, 72, 24, 14, 20, 160, 30), FACE_LINE, LINE * 0.75)
    c.stroke(E(0, 140, 38, 16, 18, 162, 40), FACE_LINE, LINE * 0.9)
    return face


def half_body() -> list[Point]:
    """The left half of neck, shoulder and arm, top to bottom (mirrored for the right)."""
    return (bezier((CX - 110, 340), (CX - 110, 380), (CX - 120, 402), (CX - 160, 412), 20)
            + bezier((CX - 156, 410), (CX - 250, 426), (CX - 330, 428), (CX - 362, 510), 30)
            + bezier((CX - 362, 510), (CX - 380, 570), (CX - 384, 640), (CX - 386, 720), 20))


def mirrored(left: list[Point]) -> list[Point]:
    """``left`` followed by its mirror image, walked back up: one closed outline."""
    return left + [(2 * CX - x, y) for x, y in left[::-1]]


def heat_rash(path: Path) -> None:
    """A baby in a low-necked vest with tiny pale bumps on the neck, folds and upper chest."""
    c = Canvas()
    body = mirrored(half_body())
    c.shape(body, SKIN)
    # Loose vest: a wide scoop neck that leaves the neck and upper chest bare.
    neck_l = bezier((CX - 226, 422), (CX - 204, 520), (CX - 120, 592), (CX, 596), 30)
    neck_line = neck_l + [(2 * CX - x, y) for x, y in neck_l[::-1]][1:]
    shoulder = (bezier((CX - 226, 422), (CX - 290, 422), (CX - 346, 438), (CX - 370, 510), 20)
                + bezier((CX - 370, 510), (CX - 390, 570), (CX - 396, 640), (CX - 398, 720), 20))
    vest = shoulder[::-1] + neck_line + [(2 * CX - x, y) for x, y in shoulder]
    c.shape(vest, VEST)
    band = [(x, y + 12) for x, y in neck_line[6:-6]]  # the ribbed neck band
    c.stroke(band, mix(VEST, OUTLINE, 0.3), LINE * 0.5)
    for side in (-1, 1):  # armhole seam and a soft crease in the cotton
        c.stroke(bezier((CX + side * 310, 452), (CX + side * 296, 520), (CX + side * 300, 610),
                        (CX + side * 310, 700), 20), mix(VEST, OUTLINE, 0.3), LINE * 0.5)
    face = head(c)
    # Soft folds of the neck under the chin, and the collar-bone hint.
    fold = mix(SKIN, FACE_LINE, 0.8)
    folds = [bezier((CX - 100, 392), (CX - 46, 414), (CX + 46, 414), (CX + 100, 392), 30),
             bezier((CX - 112, 410), (CX - 50, 436), (CX + 50, 436), (CX + 112, 410), 30)]
    for f in folds:
        c.stroke(f, fold, LINE * 0.6)
    for side in (-1, 1):
        c.stroke(bezier((CX + side * 50, 470), (CX + side * 90, 460), (CX + side * 140, 462),
                        (CX + side * 180, 472), 16), mix(SKIN, FACE_LINE, 0.45), LINE * 0.45)

    # Where bumps may go: bare skin of neck and chest, kept off the outlines.
    mask = region_mask(body)
    md = ImageDraw.Draw(mask)
    md.polygon(vest, fill=0)
    md.line(vest + vest[:1], fill=0, width=10)
    md.polygon(face, fill=0)
    md.line(face + face[:1], fill=0, width=10)
    jaw = region_mask(face)
    ImageDraw.Draw(jaw).polygon(E(0, -30, 226, 236), fill=0)  # only a thin rim at the jaw
    rng = random.Random(41)
    taken: list[tuple[float, float, float]] = []
    clusters = [  # (x, y, rx, ry, count): neck, in the folds, upper chest
        (CX - 30, 418, 60, 10, 14), (CX + 40, 420, 56, 10, 14), (CX - 90, 404, 20, 26, 8),
        (CX + 92, 406, 20, 26, 8), (CX - 10, 448, 70, 12, 14), (CX - 130, 488, 48, 30, 20),
        (CX + 118, 500, 52, 34, 22), (CX + 10, 504, 40, 28, 14), (CX - 60, 548, 34, 20, 8),
        (CX - 190, 452, 24, 12, 6), (CX + 196, 456, 22, 12, 6),
    ]
    for x, y, rx, ry, n in clusters:
        taken += scatter(rng, x, y, rx, ry, n, 2.0, 4.0, taken, mask, gap=2.2)
    for side in (-1, 1):  # a few at the jaw line
        taken += scatter(rng, CX + side * 86, HY + 214 * S, 40, 16, 4, 2.0, 3.2, taken, jaw, gap=3)
    ring = mix(SKIN, FACE_LINE, 0.5)
    for i, (x, y, r) in enumerate(taken):
        c.dot(x, y, r + 0.6, ring)
        c.dot(x, y, r, BUMP_PALE if i % 3 == 0 else BUMP)
    c.save(path)


def main() -> None:
    heat_rash(HERE / "heat-rash.png")


if __name__ == "__main__":
    main()
