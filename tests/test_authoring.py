"""Writing a topic: the starter passes the content rules, each rule catches what it is for,
and every shipped topic passes them all."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.authoring.check import check_topic
from handouts.authoring.starter import write_starter_topic
from handouts.cli import main
from handouts.topics import topic_ids


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    write_starter_topic("rash", overrides, "Newborn rash")
    return overrides


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / "rash" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def failures(folder: Path) -> list[str]:
    return [str(f) for f in check_topic("rash", folder)]


def test_the_starter_passes_every_rule(starter: Path) -> None:
    assert failures(starter) == []
    result = CliRunner().invoke(main, ["topic", "check", "rash", "--dir", str(starter)])
    assert result.exit_code == 0 and "rash: ok" in result.output


def test_new_refuses_a_bad_id_and_an_existing_folder(starter: Path) -> None:
    assert CliRunner().invoke(main, ["topic", "new", "Rash!", "--dir", str(starter)]).exit_code == 2
    assert CliRunner().invoke(main, ["topic", "new", "rash", "--dir", str(starter)]).exit_code == 4


HARD = ("Neonatal dermatological manifestations necessitate comprehensive multidisciplinary evaluation "
        "incorporating histopathological characterisation and immunohistochemical differentiation.")


@pytest.mark.parametrize(("name", "old", "new", "expected", "file_line"), [
    ("home-care.j2", "Say what a parent can do. Use short steps.", HARD, "reads at grade", "home-care.j2:1"),
    ("overview.j2", "</callout>", "</callout>\n" + "<p>{% trans %}Say what it is.{% endtrans %}</p>\n" * 120,
     "take", "topic.toml"),
    ("seek-advice.j2", "{{ safety.emergency() }}\n", "", "no 'when to get help' card at the emergency level",
     "topic.toml"),
    ("seek-advice.j2", "{{ safety.urgent() }}",
     '<care level="urgent"><title>{% trans %}Get help today if:{% endtrans %}</title>'
     "<ul><li>{% trans %}the spots spread{% endtrans %}</li></ul></care>",
     "gives no route for when the clinic is closed", "seek-advice.j2"),
    ("overview.j2", "<b>Call {{ number }} now</b> if your baby is floppy or hard to wake, or is under 3 months old "
                    "and has a temperature of {{ fever }} or higher.", "Ask us if you are worried.",
     "the key points have no safety line", "overview.j2"),
    ("home-care.j2", "<do>", "<p>Wash gently every day.</p>\n<do>", "is printed but not translatable",
     "home-care.j2:3"),
    ("topic.toml", '[review]\nstatus = "draft"\n', "", "no [review] record", "topic.toml"),
    ("home-care.j2", "<do>", '<figure src="wash.png"></figure>\n<do>', "exactly one <caption>", "home-care.j2"),
])
def test_each_rule_fails_on_a_topic_that_breaks_it(starter: Path, name, old, new, expected, file_line) -> None:
    edit(starter, name, old, new)
    found = failures(starter)
    assert any(expected in f for f in found), found
    assert any(file_line in f for f in found if expected in f), found
    result = CliRunner().invoke(main, ["topic", "check", "rash", "--dir", str(starter)])
    assert result.exit_code == 3 and expected in result.output


def test_text_copied_from_a_listed_source_is_caught(starter: Path) -> None:
    (starter / "rash" / "source.txt").write_text(
        "Blog post. Milia are small white bumps that appear on the nose and chin of many babies.", encoding="utf-8")
    edit(starter, "topic.toml", "# compare_with = [", 'compare_with = ["source.txt"]\n# compare_with = [')
    edit(starter, "home-care.j2", "Say what a parent can do. Use short steps.",
         "Milia are small white bumps that appear on the nose and chin of many babies.")
    found = failures(starter)
    assert any("shares 'milia are small white bumps that appear on' with a source file" in f for f in found), found


@pytest.mark.parametrize("topic", topic_ids())
def test_every_shipped_topic_passes_the_content_rules(topic: str) -> None:
    assert [str(f) for f in check_topic(topic)] == []
