"""The command line as a clinic uses it: arguments, outputs and exit codes."""
from __future__ import annotations

import errno
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts import __version__
from handouts.cli import main

from .support import body_text, reader, words

TITLES = {
    "overview": "What are milia?",
    "types": "Types of milia",
    "causes": "What causes milia",
    "compare": "Milia or something else?",
    "home-care": "Caring for your baby's skin",
    "treatment": "Does my baby need treatment?",
    "seek-advice": "When to get help",
    "faq": "Questions parents often ask",
}


def run(args: list[str], cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args, catch_exceptions=False)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def printed_sections(pdf: bytes) -> list[str]:
    text = words(body_text(pdf))
    found = [(text.find(title), sid) for sid, title in TITLES.items() if title in text]
    return [sid for _pos, sid in sorted(found)]


def test_build_writes_default_handout_in_current_folder(tmp_path: Path) -> None:
    result = run(["build", "milia"], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "milia-en.pdf").read_bytes()
    assert printed_sections(pdf) == ["overview", "home-care", "seek-advice"]


def test_sections_print_in_topic_order_whatever_the_order_asked(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run(["build", "milia", "-s", "faq", "-s", "overview", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert printed_sections(out.read_bytes()) == ["overview", "faq"]


def test_all_prints_every_section(tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert run(["build", "milia", "-s", "all", "-o", str(out)]).exit_code == 0
    assert printed_sections(out.read_bytes()) == list(TITLES)


def test_output_dash_writes_pdf_to_stdout() -> None:
    result = CliRunner().invoke(main, ["build", "milia", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"%PDF-")
    assert printed_sections(result.stdout_bytes) == ["overview", "home-care", "seek-advice"]


def test_output_dash_refuses_a_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "handouts", "build", "milia", "-o", "-"],
                              stdout=follower, stderr=subprocess.PIPE, cwd=tmp_path, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert b"terminal" in proc.stderr


def test_paper_letter(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    assert run(["build", "milia", "--paper", "letter", "-o", str(out)]).exit_code == 0
    box = reader(out.read_bytes()).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_default_paper_is_a4(tmp_path: Path) -> None:
    run(["build", "milia"], cwd=tmp_path)
    box = reader((tmp_path / "milia-en.pdf").read_bytes()).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_unknown_topic_exits_2_listing_topics(tmp_path: Path) -> None:
    result = run(["build", "acne"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "unknown topic 'acne'" in result.stderr and "milia" in result.stderr
    assert not list(tmp_path.iterdir())


def test_unknown_section_exits_2_listing_sections(tmp_path: Path) -> None:
    result = run(["build", "milia", "-s", "rash"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "unknown section 'rash'" in result.stderr
    for section_id in TITLES:
        assert section_id in result.stderr
    assert not list(tmp_path.iterdir())


def test_bad_paper_is_a_usage_error() -> None:
    result = run(["build", "milia", "--paper", "a3"])
    assert result.exit_code == 2


def test_failed_run_leaves_existing_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"good file from yesterday")
    result = run(["build", "milia", "-s", "nope", "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_bytes() == b"good file from yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_unwritable_output_exits_4(tmp_path: Path) -> None:
    result = run(["build", "milia", "-o", str(tmp_path / "missing-folder" / "out.pdf")])
    assert result.exit_code == 4
    assert "missing-folder" in result.stderr


def test_disk_full_exits_4_and_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"good file from yesterday")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run(["build", "milia", "-o", str(out)])
    assert result.exit_code == 4
    assert "No space left on device" in result.stderr
    assert out.read_bytes() == b"good file from yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_list_topics() -> None:
    result = run(["list", "topics"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "baby-acne\tBaby acne\tversion 1.0\tdraft\t-\t-",
        "cradle-cap\tCradle cap\tversion 1.0\tdraft\t-\t-",
        "erythema-toxicum\tNewborn rash (erythema toxicum)\tversion 1.0\tdraft\t-\t-",
        "heat-rash\tHeat rash in babies\tversion 1.0\tdraft\t-\t-",
        "milia\tMilia in newborns\tversion 2.1\tdraft\t-\t-",
        "nappy-rash\tNappy (diaper) rash\tversion 1.0\tdraft\t-\t-",
    ]


def test_list_sections_shows_ids_titles_and_defaults() -> None:
    result = run(["list", "sections", "milia"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line[2:].split("\t")[0] for line in lines] == list(TITLES)
    assert [line[2:].split("\t")[1] for line in lines] == list(TITLES.values())
    assert [line[2:].split("\t")[0] for line in lines if line.startswith("*")] == ["overview", "home-care", "seek-advice"]


def test_list_sections_of_unknown_topic_exits_2() -> None:
    assert run(["list", "sections", "nope"]).exit_code == 2


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("args", [[], ["build"], ["list"], ["list", "topics"], ["list", "sections"]])
def test_help_everywhere(args: list[str]) -> None:
    for flag in ("-h", "--help"):
        result = run([*args, flag])
        assert result.exit_code == 0
        assert "Usage:" in result.stdout


def test_help_documents_exit_codes() -> None:
    result = run(["build", "--help"])
    assert "3    invalid input data" in result.stdout


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A KeyboardInterrupt in the middle of rendering (as Ctrl-C raises it) leaves no file."""
    import handouts.build

    def interrupted(request):
        raise KeyboardInterrupt

    monkeypatch.setattr(handouts.build, "build", interrupted)  # the CLI imports it when a build starts
    result = run(["build", "milia", "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert not list(tmp_path.iterdir())
