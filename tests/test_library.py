"""The newborn skin library: six topics, each printable in every shipped language, with the
safety text written once and shared by all of them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.brand import PLACEHOLDER
from handouts.build import Request, build
from handouts.cli import main
from handouts.i18n.catalogs import available_locales
from handouts.resources import TEMPLATES_DIR
from handouts.topics import topic_ids

from .support import body_text, reader, words

TOPICS = ["baby-acne", "cradle-cap", "erythema-toxicum", "heat-rash", "milia", "nappy-rash"]


def test_six_topics_are_listed() -> None:
    listed = [line.split("\t")[0] for line in CliRunner().invoke(main, ["list", "topics"]).output.splitlines()]
    assert listed == TOPICS == topic_ids()


def _fonts_embedded(pdf: bytes) -> bool:
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                return False
    return True


@pytest.mark.parametrize("locale", available_locales())
@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_prints_in_every_language(topic: str, locale: str) -> None:
    """Default (one sheet) and every section, on A4 and Letter, all fonts embedded."""
    for paper in ("a4", "letter"):
        default = build(Request(topic, locale=locale, paper=paper)).pdf
        assert len(reader(default).pages) == 2, f"{topic} {locale} {paper}: the default is not one sheet"
        assert _fonts_embedded(default)
        full = build(Request(topic, locale=locale, paper=paper, sections=("all",))).pdf
        assert len(reader(full).pages) >= 2 and _fonts_embedded(full)


def test_the_shared_red_flags_change_in_one_place_for_every_topic(tmp_path: Path) -> None:
    """A clinic (or the project) edits the shared safety text once: every topic prints it,
    and every translation now lacks it, so translated handouts say they are incomplete."""
    shared = tmp_path / "overrides" / "_shared"
    shutil.copytree(TEMPLATES_DIR / "_shared", shared)
    safety = shared / "safety.j2"
    safety.write_text(safety.read_text(encoding="utf-8").replace(
        "has a fit: goes stiff or jerks, and it does not stop when you hold them",
        "has a fit (a seizure): goes stiff or jerks, and it does not stop when you hold them"), encoding="utf-8")
    brand = PLACEHOLDER.__class__(**{**PLACEHOLDER.__dict__, "templates": tmp_path / "overrides"})
    for topic in TOPICS:
        text = words(body_text(build(Request(topic, brand=brand)).pdf))
        assert "has a fit (a seizure): goes stiff or jerks" in text, topic
        for locale in available_locales()[1:]:
            handout = build(Request(topic, locale=locale, brand=brand, allow_incomplete=True))
            assert handout.document.furniture.notices[-1].strip(), topic
            assert any("1 message" in m for m in handout.messages), (topic, locale, handout.messages)
