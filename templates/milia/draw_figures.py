"""Draw the figures of the milia topic with Pillow.

Run ``python templates/milia/draw_figures.py`` to (re)write, next to this script:

* ``where-milia-appear.png``: a baby's face (medium-brown skin), eyes closed, with small
  white bumps (milia) on the nose, cheeks, chin and forehead.
* ``washing-face.png``: an adult's hand (light skin) with a soft cloth wrapped over two
  fingers, gently wiping the cheek of a calm baby (dark-brown skin); a bowl of water beside.
* ``glass-test.png``: the glass test: the side of a clear tumbler, held by an adult's hand
  (brown skin), pressed on a baby's arm (light skin) that has small dark-red and purple
  spots; the spots still show through the glass.

The pictures hold no words, letters or numbers: their captions live in the templates and
are translated there. Each picture is drawn at 4x size, downsampled with LANCZOS, reduced
to a small palette and saved as an RGB PNG. Nothing random is left to chance (fixed seeds),
so every run writes the same bytes.
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

# Skin tones: one per person, so that the three pictures show a range.
SKIN_MEDIUM = (176, 118, 78)  # baby, where-milia-appear
SKIN_DARK = (112, 70, 44)  # baby, washing-face
SKIN_LIGHT = (250, 220, 196)  # adult hand (washing-face), baby arm (glass-test)
SKIN_BROWN = (150, 98, 64)  # adult hand, glass-test

MILIA = (255, 252, 240)
YELLOW = (250, 210, 110)
BLUE = (104, 152, 204)
WATER = (150, 200, 235)
MINT = (160, 214, 184)
SPOT_RED = (150, 24, 52)
SPOT_PURPLE = (98, 28, 86)


# ---------------------------------------------------------------- shared parts

def baby_head(c: Canvas, cx: float, cy: float, s: float, skin, hair, seed: int,
              milia_scale: float = 1.0, face_line=OUTLINE) -> None:
    """A baby's face, front view, eyes closed, with milia on nose, cheeks, chin and forehead.

    The head is an ellipse of radii 240*s x 250*s around (cx, cy). ``face_line`` draws the
    eyes, nose and mouth: darker than the outline on dark skin, so that they still stand out.
    """
    def P(x: float, y: float) -> Point:
        return cx + x * s, cy + y * s

    def E(x: float, y: float, rx: float, ry: float, a0: float = 0, a1: float = 360, n: int = 160) -> list[Point]:
        return ellipse_pts(cx + x * s, cy + y * s, rx * s, ry * s, 0, a0, a1, n)

    feature = mix(skin, face_line, 0.55)
    # Ears, behind the head.
    for side in (-1, 1):
        c.shape(E(side * 232, 18, 40, 54), skin)
        c.stroke(E(side * 236, 20, 18, 28, 90 - side * 80, 270 - side * 80, 40)[6:-6],
                 mix(skin, OUTLINE, 0.4), LINE * 0.7)
    c.shape(E(0, 0, 240, 250), skin)
    # A few curls of hair on top.
    for x0, lean in ((-28, -1), (6, 1), (38, 1)):
        c.stroke(bezier(P(x0, -247), P(x0 + 6 * lean, -292), P(x0 + 40 * lean, -292),
                        P(x0 + 30 * lean, -262), 30), hair, LINE)
    # Soft nose (no outline). No rosy cheeks: milia sit on plain skin, with no red around
    # them, which is how a parent tells them from other rashes.
    c.shape(E(0, 70, 34, 26), mix(skin, OUTLINE, 0.10), None)
    # Eyebrows, closed eyes with lashes, nose and mouth.
    for side in (-1, 1):
        c.stroke(E(side * 92, -48, 40, 16, 205, 335, 30), feature, LINE * 0.7)
        eye = E(side * 90, 6, 44, 22, 12, 168, 40)
        c.stroke(eye, face_line, LINE)
        for k in (10, 20, 30):
            x, y = eye[k]
            dx = (x - (cx + side * 90 * s)) / (44 * s)
            c.stroke([(x, y), (x + dx * 10 * s, y + 15 * s)], face_line, LINE * 0.6)
    c.stroke(E(0, 72, 24, 14, 20, 160, 30), face_line, LINE * 0.85)
    c.stroke(E(0, 138, 40, 18, 18, 162, 40), face_line, LINE)
    # Milia: small white/cream dots with a thin dark outline.
    rng = random.Random(seed)
    taken: list[tuple[float, float, float]] = []
    rm = (4.2 * milia_scale, 7.0 * milia_scale)
    areas = [  # (x, y, rx, ry, count) in head units
        (0, -150, 120, 55, 11), (0, 64, 30, 20, 7),
        (-146, 92, 56, 38, 9), (146, 92, 56, 38, 9), (0, 202, 52, 20, 6),
    ]
    for x, y, rx, ry, n in areas:
        taken += scatter(rng, cx + x * s, cy + y * s, rx * s, ry * s, n, rm[0], rm[1], taken)
    ring = mix(skin, OUTLINE, 0.75)
    for x, y, r in taken:
        c.dot(x, y, r, MILIA, ring, 1.6)


def swaddle(c: Canvas, cx: float, top: float, half_w: float, fill) -> None:
    """A blanket round the baby's shoulders, from ``top`` down past the bottom edge."""
    body = (bezier((cx - half_w, H + 20), (cx - half_w, top + 20), (cx - half_w * 0.6, top),
                   (cx, top), 30)
            + bezier((cx, top), (cx + half_w * 0.6, top), (cx + half_w, top + 20),
                     (cx + half_w, H + 20), 30))
    c.shape(body, fill)


def bowl_of_water(c: Canvas, cx: float, cy: float) -> None:
    """A small bowl of plain water, its rim centred on (cx, cy)."""
    c.shape(rounded_rect_pts(cx, cy + 86, 100, 18, 8), YELLOW)  # foot
    body = (ellipse_pts(cx, cy, 112, 26, 0, 180, 360, 60)
            + bezier((cx + 112, cy), (cx + 112, cy + 100), (cx - 112, cy + 100), (cx - 112, cy), 40))
    c.shape(body, YELLOW)
    c.shape(ellipse_pts(cx, cy, 100, 19), WATER, OUTLINE, LINE * 0.8)
    c.stroke(bezier((cx - 55, cy + 2), (cx - 35, cy - 8), (cx - 15, cy + 10), (cx + 5, cy), 20), WHITE, LINE * 0.6)
    c.stroke(bezier((cx + 20, cy - 4), (cx + 35, cy - 12), (cx + 50, cy + 4), (cx + 65, cy - 4), 20), WHITE, LINE * 0.6)


def sleeve(c: Canvas, pts: list[Point], cuff: list[Point]) -> None:
    """An adult's sleeve (blue) with a cuff line."""
    c.shape(pts, BLUE)
    c.stroke(cuff, mix(BLUE, OUTLINE, 0.45), LINE * 0.7)


# ---------------------------------------------------------------- the figures

def where_milia_appear(path: Path) -> None:
    """A baby's face, front view, medium-brown skin, milia on nose, cheeks, chin, forehead."""
    c = Canvas()
    swaddle(c, 450, 560, 300, YELLOW)
    c.stroke(bezier((300, 600), (360, 660), (540, 660), (600, 600), 30), mix(YELLOW, OUTLINE, 0.45), LINE * 0.7)
    baby_head(c, 450, 318, 1.0, SKIN_MEDIUM, (58, 38, 28), seed=11, milia_scale=1.1)
    c.save(path)


def washing_face(path: Path) -> None:
    """An adult's hand wiping a baby's cheek with a soft cloth; a bowl of water beside."""
    c = Canvas()
    bx, by, s = 320, 318, 0.92
    swaddle(c, bx, 560, 270, MINT)
    baby_head(c, bx, by, s, SKIN_DARK, (24, 16, 12), seed=23, face_line=(16, 12, 10))
    bowl_of_water(c, 760, 570)

    # Soft cloth, folded and held on the baby's cheek; one corner hangs down below the hand.
    cx, cy, tilt = 460, 416, -10
    cloth = (236, 244, 252)
    crease = mix(cloth, OUTLINE, 0.35)
    hem = (110, 170, 225)
    ca, sa = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))

    def on_cloth(x: float, y: float) -> Point:
        return cx + x * ca - y * sa, cy + x * sa + y * ca

    def soft_edges(corners: list[Point], bulge: list[float]) -> list[Point]:
        pts: list[Point] = []
        for (x0, y0), (x1, y1), k in zip(corners, corners[1:] + corners[:1], bulge):
            nx, ny = (y1 - y0) * k, (x0 - x1) * k  # sideways, for a soft wavy edge
            pts += bezier(on_cloth(x0, y0), on_cloth(x0 + (x1 - x0) / 3 + nx, y0 + (y1 - y0) / 3 + ny),
                          on_cloth(x0 + 2 * (x1 - x0) / 3 - nx, y0 + 2 * (y1 - y0) / 3 - ny),
                          on_cloth(x1, y1), 20)[:-1]
        return pts

    tail = soft_edges([(24, 50), (100, 40), (130, 138), (44, 150)], [0.0, 0.08, 0.12, -0.1])
    c.shape(tail, cloth)
    c.stroke([on_cloth(62, 124), on_cloth(112, 114)], hem, LINE * 0.9)
    c.stroke(bezier(on_cloth(72, 56), on_cloth(80, 80), on_cloth(76, 100), on_cloth(84, 118), 16),
             crease, LINE * 0.5)
    pad = soft_edges([(-76, -64), (74, -66), (80, 62), (-72, 66)], [0.06, -0.05, 0.06, -0.06])
    c.shape(pad, cloth)
    c.stroke(bezier(on_cloth(-54, -40), on_cloth(-30, -20), on_cloth(-34, 10), on_cloth(-10, 30), 16),
             crease, LINE * 0.5)
    c.stroke(bezier(on_cloth(-50, 40), on_cloth(-30, 30), on_cloth(-10, 44), on_cloth(10, 38), 16),
             crease, LINE * 0.5)
    # Gentle strokes: the cloth moves softly across the cheek.
    soft = mix(SKIN_DARK, WHITE, 0.55)
    for r in (102, 120):
        c.stroke(ellipse_pts(cx, cy + 10, r, r * 0.9, 0, 150, 196, 24), soft, LINE * 0.6)

    # The adult's arm comes in from the right, in a blue sleeve.
    hand = SKIN_LIGHT
    sleeve(c, rounded_rect_pts(900, 402, 260, 170, 30, -4),
           bezier((778, 322), (786, 370), (790, 420), (790, 480), 20))
    palm = (bezier((790, 340), (730, 330), (670, 340), (620, 356), 20)
            + bezier((620, 356), (600, 400), (604, 440), (622, 470), 20)
            + bezier((622, 470), (690, 480), (740, 478), (790, 470), 20))
    c.shape(palm, hand)
    # Thumb along the top, four fingers resting on the cloth.
    c.shape(capsule_pts((680, 338), (562, 330), 20), hand)
    for y, tip in ((372, 500), (404, 482), (436, 490), (466, 512)):
        c.shape(capsule_pts((650, y), (tip, y + 6), 17), hand)
    crease = mix(hand, OUTLINE, 0.4)
    c.stroke(bezier((700, 380), (716, 392), (716, 420), (704, 436), 12), crease, LINE * 0.55)
    c.save(path)


def glass_test(path: Path) -> None:
    """A clear glass pressed on a baby's arm with dark-red/purple spots seen through it."""
    c = Canvas()
    skin = SKIN_LIGHT
    # The baby's arm: sleeve at the left, little fist at the right.
    arm = (bezier((120, 262), (260, 232), (420, 246), (580, 256), 30)
           + bezier((580, 256), (640, 262), (670, 286), (700, 300), 20)
           + [(710, 300), (710, 480)]
           + bezier((700, 480), (670, 490), (640, 520), (580, 530), 20)
           + bezier((580, 530), (420, 545), (260, 552), (120, 520), 30))
    c.shape(arm, skin)
    fist = (bezier((690, 300), (740, 262), (830, 272), (846, 340), 24)
            + bezier((846, 340), (862, 410), (836, 480), (766, 492), 24)
            + bezier((766, 492), (726, 498), (700, 490), (690, 480), 12))
    c.shape(fist, skin)
    c.shape(capsule_pts((738, 318), (800, 290), 22), skin)  # thumb
    for y0 in (372, 414, 452):
        c.stroke(bezier((826, y0), (812, y0 + 4), (798, y0 + 2), (788, y0 - 6), 12), OUTLINE, LINE * 0.7)
    c.stroke(bezier((690, 306), (682, 360), (682, 430), (690, 476), 20), mix(skin, OUTLINE, 0.45), LINE * 0.7)
    shirt = (bezier((-20, 210), (60, 190), (140, 200), (180, 230), 20)
             + bezier((180, 230), (205, 320), (205, 470), (180, 560), 20)
             + bezier((180, 560), (140, 590), (60, 590), (-20, 580), 20))
    c.shape(shirt, MINT)
    c.stroke(bezier((150, 236), (170, 320), (170, 470), (150, 552), 20), mix(MINT, OUTLINE, 0.45), LINE * 0.7)

    # The rash: small dark-red and purple spots, inside and outside where the glass goes.
    rng = random.Random(37)
    spots = scatter(rng, 440, 395, 250, 140, 60, 4.5, 9.5, [], region_mask(arm), gap=7)
    for i, (x, y, r) in enumerate(spots):
        c.dot(x, y, r, SPOT_PURPLE if i % 3 == 0 else SPOT_RED)

    # The glass lies on its side on the arm: open rim to the left, base to the right.
    gx0, gx1, gy = 250, 590, 394
    top = bezier((gx0, gy - 118), (gx0 + 110, gy - 112), (gx1 - 110, gy - 96), (gx1, gy - 92), 20)
    bottom = bezier((gx1, gy + 92), (gx1 - 110, gy + 96), (gx0 + 110, gy + 112), (gx0, gy + 118), 20)
    glass = (ellipse_pts(gx0, gy, 30, 118, 0, 90, 270, 40) + top
             + ellipse_pts(gx1, gy, 22, 92, 0, -90, 90, 40) + bottom)
    c.tint(glass, (190, 228, 250, 40))
    c.tint(ellipse_pts(gx1 - 14, gy, 26, 90), (190, 228, 250, 80))  # the thick base
    for edge, step in ((top, 16), (bottom, -16)):  # the glass wall, seen edge-on: paler bands
        c.tint(edge + [(x, y + step) for x, y in edge[::-1]], (255, 255, 255, 120))
    c.stroke(glass, OUTLINE, LINE, closed=True)
    c.stroke(ellipse_pts(gx0, gy, 30, 118), OUTLINE, LINE * 0.8, closed=True)
    c.stroke(ellipse_pts(gx0 + 4, gy, 19, 104), mix(WATER, OUTLINE, 0.35), LINE * 0.5, closed=True)
    c.stroke(ellipse_pts(gx1 - 30, gy, 20, 88, 0, -90, 90, 30), mix(WATER, OUTLINE, 0.45), LINE * 0.6)
    # Shine on the glass.
    c.stroke(bezier((300, gy - 92), (350, gy - 91), (390, gy - 88), (430, gy - 84), 20), WHITE, LINE * 1.6)
    c.stroke(bezier((300, gy - 70), (320, gy - 70), (335, gy - 69), (350, gy - 68), 10), WHITE, LINE * 0.9)
    c.stroke(bezier((310, gy + 92), (350, gy + 90), (380, gy + 88), (410, gy + 86), 20), WHITE, LINE * 0.8)

    # The adult's hand grips the glass near its base, from above, and presses it down.
    hand = SKIN_BROWN
    sleeve(c, rounded_rect_pts(640, 20, 230, 170, 30, 20),
           bezier((548, 76), (590, 96), (640, 114), (690, 128), 20))
    back = (bezier((450, 300), (450, 220), (500, 130), (560, 90), 20)
            + bezier((560, 90), (620, 100), (680, 120), (700, 150), 20)
            + bezier((700, 150), (680, 220), (640, 280), (610, 310), 20))
    c.shape(back, hand)
    c.shape(capsule_pts((480, 210), (418, 280), 21), hand)  # thumb
    for x, tip in ((478, 476), (516, 482), (554, 476), (590, 452)):
        c.shape(capsule_pts((x + 14, 290), (x, tip), 18), hand)
    c.save(path)


def main() -> None:
    where_milia_appear(HERE / "where-milia-appear.png")
    washing_face(HERE.parent / "_shared" / "washing-face.png")  # shared: any topic's face-washing steps
    glass_test(HERE.parent / "_shared" / "glass-test.png")  # shared: every topic's glass test


if __name__ == "__main__":
    main()
