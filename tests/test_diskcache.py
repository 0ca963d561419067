"""The per-user cache of pictures prepared for print: reused between runs, never stale,
never trusted when damaged or when others could write to it, and never required."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from handouts import images
from handouts.errors import InputError


def drawing(path: Path, colour: tuple[int, int, int]) -> Path:
    picture = Image.new("RGB", (1200, 900), "white")
    ImageDraw.Draw(picture).ellipse((200, 150, 1000, 750), fill=colour)
    picture.save(path)
    return path


def prepare(path: Path) -> bytes:
    images._prepared.cache_clear()  # what a fresh process would have: nothing in memory
    return images.load_print_image(path, printed_height_mm=26, max_width_mm=34, dpi=200)


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("HANDOUTS_CACHE", str(folder))
    return folder


def test_a_later_run_reuses_the_prepared_picture(tmp_path: Path, cache: Path, monkeypatch) -> None:
    picture = drawing(tmp_path / "figure.png", (200, 80, 60))
    first = prepare(picture)
    assert len(entries(cache)) == 1
    monkeypatch.setattr(images, "_decode", lambda *a: pytest.fail("decoded again despite the cache"))
    assert prepare(picture) == first
    small = Image.open(io.BytesIO(first))
    assert small.size == (268, 201)  # 34 x 26 mm at 200 dpi, the drawing's 4:3 kept


def test_an_edited_picture_is_prepared_afresh(tmp_path: Path, cache: Path) -> None:
    picture = drawing(tmp_path / "figure.png", (200, 80, 60))
    red = prepare(picture)
    drawing(picture, (40, 90, 200))
    blue = prepare(picture)
    assert blue != red
    red_part, _green, blue_part = Image.open(io.BytesIO(blue)).convert("RGB").getpixel((134, 100))
    assert blue_part > 180 and red_part < 80  # the new, blue drawing: not the red one from the cache
    assert len(entries(cache)) == 2


def test_a_damaged_entry_is_ignored_and_written_again(tmp_path: Path, cache: Path) -> None:
    picture = drawing(tmp_path / "figure.png", (200, 80, 60))
    good = prepare(picture)
    (entry,) = entries(cache)
    entry.write_bytes(entry.read_bytes()[:-100])  # cut short, as a full disk would leave it
    assert prepare(picture) == good
    entry.write_bytes(entry.read_bytes()[:40] + b"X" + entry.read_bytes()[41:])  # one byte changed
    assert prepare(picture) == good
    assert prepare(picture) == good and entry.read_bytes()[32:] == good


def test_a_cache_others_could_write_to_is_not_used(tmp_path: Path, cache: Path) -> None:
    cache.mkdir()
    cache.chmod(0o777)
    picture = drawing(tmp_path / "figure.png", (200, 80, 60))
    assert Image.open(io.BytesIO(prepare(picture))).size == (268, 201)
    assert entries(cache) == []


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HANDOUTS_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    picture = drawing(tmp_path / "figure.png", (200, 80, 60))
    assert Image.open(io.BytesIO(prepare(picture))).size == (268, 201)
    assert not (tmp_path / "xdg").exists()


def test_a_picture_that_fails_its_checks_is_never_cached(tmp_path: Path, cache: Path) -> None:
    broken = tmp_path / "logo.png"
    broken.write_bytes(drawing(tmp_path / "whole.png", (0, 0, 0)).read_bytes()[:300])
    for _ in range(2):
        with pytest.raises(InputError, match="damaged or incomplete PNG"):
            prepare(broken)
    assert entries(cache) == []


def test_the_command_line_fills_the_cache_and_prints_the_same_handout(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("HANDOUTS_CACHE")
    outputs = []
    for name in ("first.pdf", "second.pdf"):
        subprocess.run([sys.executable, "-m", "handouts", "build", "milia", "-o", str(tmp_path / name)],
                       env=env, check=True, capture_output=True)
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert len(entries(tmp_path / "xdg" / "handouts")) == 2  # milia's two pictures
