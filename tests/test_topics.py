"""Topic metadata and section selection."""
from __future__ import annotations

from pathlib import Path

import pytest

from handouts.errors import InputError, RequestError
from handouts.topics import load_topic, select_sections

MILIA_SECTIONS = ("overview", "types", "causes", "compare", "home-care", "treatment", "seek-advice", "faq")


def test_milia_metadata() -> None:
    topic = load_topic("milia")
    assert topic.sections == MILIA_SECTIONS
    assert topic.default_sections == ("overview", "home-care", "seek-advice")
    assert topic.code and topic.version
    assert topic.review.status == "draft", "nobody has signed the milia text off: it must say so"
    assert len(topic.sources) >= 3


def test_selection_keeps_topic_order_and_expands_all() -> None:
    topic = load_topic("milia")
    assert select_sections(topic, ()) == topic.default_sections
    assert select_sections(topic, ("faq", "overview")) == ("overview", "faq")
    assert select_sections(topic, ("all",)) == MILIA_SECTIONS
    with pytest.raises(RequestError, match="choose from: overview, types"):
        select_sections(topic, ("overveiw",))


def write_topic(folder: Path, toml: str, sections: dict[str, str]) -> None:
    (folder / "t").mkdir(parents=True)
    (folder / "t" / "topic.toml").write_text(toml, encoding="utf-8")
    for name, text in sections.items():
        (folder / "t" / f"{name}.j2").write_text(text, encoding="utf-8")


GOOD = ('title = "T"\ncode = "C-1"\nversion = "1"\n'
        'sources = ["s"]\nsections = ["a"]\ndefault_sections = ["a"]\n')


@pytest.mark.parametrize(("toml", "message"), [
    (GOOD.replace('code = "C-1"\n', ""), "missing required key 'code'"),
    (GOOD + '[review]\nstatus = "reviewed"\nreviewer = "Dr A"\nversion = "1"\nfingerprint = "x"\ndate = "soon"\n',
     "review.date: expected a date"),
    (GOOD + '[review]\nstatus = "done"\n', "review.status: expected \"draft\" or \"reviewed\""),
    (GOOD + '[review]\nstatus = "reviewed"\n', "review.reviewer: a reviewed topic needs this"),
    (GOOD + 'reviewed = 2026-01-01\n', "unknown key 'reviewed' (the review is a [review] table now"),
    (GOOD.replace('sections = ["a"]', 'sections = ["a", "b"]'), "no template b.j2"),
    (GOOD.replace('default_sections = ["a"]', 'default_sections = ["z"]'), "default_sections: 'z'"),
    (GOOD + "colour = 1\n", "unknown key 'colour'"),
    (GOOD.replace('title = "T"', 'title = "T'), "topic.toml"),
])
def test_bad_topic_metadata_names_file_and_key(tmp_path: Path, toml: str, message: str) -> None:
    write_topic(tmp_path, toml, {"a": "<title>A</title>"})
    with pytest.raises(InputError) as info:
        load_topic("t", (tmp_path,))
    assert str(tmp_path / "t" / "topic.toml") in str(info.value)
    assert message in str(info.value)


def test_unknown_topic_lists_available() -> None:
    with pytest.raises(RequestError, match="available: baby-acne, cradle-cap, erythema-toxicum, heat-rash, milia, nappy-rash"):
        load_topic("acne")
