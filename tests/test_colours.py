"""Colour parsing and WCAG 2.x contrast."""
from __future__ import annotations

import pytest

from handouts.colours import (
    best_text_on,
    contrast_ratio,
    parse_hex,
    relative_luminance,
    to_hex,
)


@pytest.mark.parametrize(("text", "rgb"), [
    ("#005EB8", (0, 94, 184)),
    ("#005eb8", (0, 94, 184)),
    ("#FFFFFF", (255, 255, 255)),
    ("#000000", (0, 0, 0)),
])
def test_parse_hex_reads_six_digits_in_any_case(text: str, rgb: tuple[int, int, int]) -> None:
    assert parse_hex(text) == rgb


@pytest.mark.parametrize(("text", "reason"), [
    ("#fff", "'#FFFFFF'"),                # short form: says what to write instead
    ("#ff000080", "transparency"),
    ("red", "colour names are not accepted"),
    ("005EB8", "needs a leading '#'"),
    ("#GG0000", "only 0-9 and A-F"),
    ("#12345", "5 hex digits"),
    ("#", "not a hex colour"),
    ("", "not a hex colour"),
    (" #005EB8", "not a hex colour"),
])
def test_parse_hex_refuses_other_forms_and_says_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_hex(text)
    assert reason in str(caught.value)


def test_to_hex_round_trips_in_upper_case() -> None:
    assert to_hex(parse_hex("#00a3e0")) == "#00A3E0"


def test_relative_luminance_known_values() -> None:
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)
    # Mid grey: 0.5 in sRGB is about 0.216 in linear light, not 0.5.
    assert relative_luminance((128, 128, 128)) == pytest.approx(0.2159, abs=1e-4)
    # Green weighs most, blue least.
    assert relative_luminance("#00FF00") == pytest.approx(0.7152)
    assert relative_luminance("#0000FF") == pytest.approx(0.0722)


def test_contrast_ratio_extremes_and_symmetry() -> None:
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#005EB8", "#005EB8") == pytest.approx(1.0)
    assert contrast_ratio("#FFFFFF", "#005EB8") == contrast_ratio("#005EB8", "#FFFFFF")
    assert contrast_ratio((255, 255, 255), (0, 94, 184)) == contrast_ratio("#FFFFFF", "#005EB8")


def test_contrast_ratio_around_the_aa_limit() -> None:
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#FFFFFF") < 4.5 < contrast_ratio("#767676", "#FFFFFF")
    assert contrast_ratio("#FFFF00", "#FFFFFF") == pytest.approx(1.07, abs=0.01)


@pytest.mark.parametrize(("background", "ink"), [
    ("#005EB8", "#FFFFFF"),
    ("#000080", "#FFFFFF"),
    ("#FFFF00", "#000000"),
    ("#FFB81C", "#000000"),
    ("#777777", "#000000"),   # black 4.69:1 beats white 4.48:1
])
def test_best_text_on_picks_the_higher_contrast(background: str, ink: str) -> None:
    assert best_text_on(background) == ink
    other = "#000000" if ink == "#FFFFFF" else "#FFFFFF"
    assert contrast_ratio(ink, background) >= contrast_ratio(other, background)


def test_colour_maths_does_not_need_reportlab() -> None:
    import subprocess
    import sys

    code = "import sys, handouts.colours; sys.exit('reportlab' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_black_or_white_text_always_reaches_aa() -> None:
    # Why the brand check rarely warns about text on a colour: whichever of black and white
    # is better always reaches about 4.58:1 (worst near luminance 0.18), above 4.5:1.
    worst = min(
        contrast_ratio(best_text_on((r, g, b)), (r, g, b))
        for r in range(0, 256, 5) for g in range(0, 256, 5) for b in range(0, 256, 5)
    )
    assert 4.5 < worst < 4.6
