"""Batch printing: manifests checked as a whole, print packs, folders, resume, locks, Ctrl-C.

Most tests use a topic that exists only in the test's folder, found through the brand
file's templates folder, so the batch is shown not to depend on the packaged topics.
"""
from __future__ import annotations

import fcntl
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handouts.batch import load_manifest, make_plan, pack_pages, run_plan
from handouts.batch.command import batch_command
from handouts.brandfile import load_brand
from handouts.build import Request, build
from handouts.errors import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
    EXIT_PARTIAL,
    InputError,
)
from handouts.topics import load_topic

QPDF = shutil.which("qpdf")

BRAND = """\
[clinic]
name = "Riverside Birth Centre"
phone = "0161 496 0000"
address = ["12 Mill Lane", "Manchester M1 4BT"]
website = "https://example.org"
country = "GB"
urgent_line = "NHS 111"

[style]
primary = "{primary}"
accent = "#FFB81C"

[print]
templates = "overrides"
"""

TOPIC = """\
title = "Hiccups in babies"
code = "TEST-HIC-001"
version = "1.0"
sources = ["written for the tests"]
sections = ["what", "help", "long"]
default_sections = ["what", "help"]
"""

SECTIONS = {
    "what": "<title>{% trans %}What hiccups are{% endtrans %}</title>\n"
            "<p>{% trans %}Hiccups are short jumps of the muscle under the lungs.{% endtrans %}</p>\n",
    "help": "<title>{% trans %}How to help{% endtrans %}</title>\n"
            "<p>{% trans %}Most hiccups stop by themselves. Hold your baby upright.{% endtrans %}</p>\n",
    # Long enough to run over several pages.
    "long": "<title>{% trans %}More to read{% endtrans %}</title>\n"
            "{% for n in range(20) %}<p>{% trans %}Feed your baby slowly and let them burp "
            "halfway through the feed. Keep your baby upright for a little while after.{% endtrans %}</p>\n"
            "{% endfor %}",
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_clinic(folder: Path, *, primary: str = "#005EB8") -> Path:
    """A brand file whose templates folder holds the ``hiccups`` topic, and nothing else."""
    topic = folder / "overrides" / "hiccups"
    write(topic / "topic.toml", TOPIC)
    for section, text in SECTIONS.items():
        write(topic / f"{section}.j2", text)
    return write(folder / "clinic.toml", BRAND.format(primary=primary))


def add_broken_topic(folder: Path, body: str = "<p>{{ clinic.fax }}</p>") -> None:
    """A topic beside ``hiccups`` whose template fails when it is rendered (not before)."""
    topic = folder / "overrides" / "broken"
    write(topic / "topic.toml", TOPIC.replace("Hiccups in babies", "Broken").replace(
        'sections = ["what", "help", "long"]', 'sections = ["what"]').replace('["what", "help"]', '["what"]'))
    write(topic / "what.j2", "<title>Broken</title>\n" + body + "\n")


def manifest(folder: Path, text: str, name: str = "ward.toml") -> Path:
    return write(folder / name, text)


def batch(*args: object):
    return CliRunner().invoke(batch_command, [str(a) for a in args], catch_exceptions=False)


def pages_of(pdf: bytes | Path) -> list[str]:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def handout_pages(folder: Path, topic: str, sections: tuple[str, ...] = (), locale: str = "en") -> int:
    brand, _warnings = load_brand(folder / "clinic.toml")
    return len(pages_of(build(Request(topic, sections, locale, brand)).pdf))


def leftovers(folder: Path) -> list[str]:
    """Temporary and lock files anywhere under ``folder``."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.name.endswith((".tmp", ".lock")))


# -- print packs ----------------------------------------------------------------


def test_pack_of_a_topic_found_only_through_the_brand_templates(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"

[[handout]]
topic = "hiccups"
locales = ["en"]
""")
    result = batch(ward, "-j", 1)
    assert result.exit_code == 0, result.output
    text = "\n".join(pages_of(tmp_path / "ward-pack.pdf"))
    assert "Hiccups in babies" in text and "Riverside Birth Centre" in text
    assert leftovers(tmp_path) == []


def test_duplex_pack_starts_every_copy_on_a_front_side(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    assert handout_pages(tmp_path, "hiccups") == 1
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"
duplex = true

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 3
""")
    assert batch(ward, "-j", 1).exit_code == 0
    pages = pages_of(tmp_path / "ward-pack.pdf")
    assert len(pages) == 6
    assert ["Hiccups in babies" in page for page in pages] == [True, False] * 3
    assert [page.strip() for page in pages[1::2]] == ["", "", ""]


def test_duplex_pack_page_count_is_what_the_manifest_implies(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    odd, even = handout_pages(tmp_path, "hiccups"), handout_pages(tmp_path, "hiccups", ("long",))
    assert (odd % 2, even % 2) == (1, 0)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"
duplex = true

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 3

[[handout]]
topic = "hiccups"
locales = ["en"]
sections = ["long"]
copies = 2

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 4
""")
    plan = make_plan(load_manifest(ward))
    assert len(plan.jobs) == 2  # the first and last tables ask for the same handout: rendered once
    expected = 3 * (odd + 1) + 2 * even + 4 * (odd + 1)
    assert pack_pages(plan, [odd, even]) == expected
    report = run_plan(plan, workers=1)
    assert report.rendered == 2 and report.handouts == 9 and report.pages == expected
    assert len(pages_of(tmp_path / "ward-pack.pdf")) == expected


def test_simplex_pack_has_no_blank_pages(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"
duplex = false

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 3
""")
    assert batch(ward, "-j", 1).exit_code == 0
    pages = pages_of(tmp_path / "ward-pack.pdf")
    assert len(pages) == 3 and all("Hiccups in babies" in page for page in pages)


def test_copies_reuse_the_rendered_pages_instead_of_duplicating_them(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"

[[handout]]
topic = "hiccups"
locales = ["en"]
sections = ["long"]
copies = 500
""")
    brand, _warnings = load_brand(tmp_path / "clinic.toml")
    single = build(Request("hiccups", ("long",), "en", brand)).pdf
    assert batch(ward, "-j", 1).exit_code == 0
    pack = (tmp_path / "ward-pack.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(pack))
    assert len(reader.pages) == 1000
    contents = {page["/Contents"].indirect_reference.idnum for page in reader.pages}
    assert len(contents) == 2
    # Each page is still its own page object, as the PDF page tree requires.
    assert len({page.indirect_reference.idnum for page in reader.pages}) == 1000
    # A copy costs a page dictionary, not another copy of the page's content.
    assert len(pack) < len(single) + 1000 * 500
    assert QPDF, "qpdf is not installed (.ci/run installs it)"
    check = subprocess.run([QPDF, "--check", str(tmp_path / "ward-pack.pdf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_example_manifest_plans_each_distinct_handout_once() -> None:
    """The README's discharge pack: six topics in four languages, one sheet each, and the
    full milia handout for the nurses' folder."""
    example = Path(__file__).parent / "batch_fixtures" / "ward.toml"
    plan = make_plan(load_manifest(example))
    topics = ["milia", "baby-acne", "erythema-toxicum", "heat-rash", "nappy-rash", "cradle-cap"]
    assert [(j.request.topic, j.request.locale, j.copies) for j in plan.jobs] == [
        *((topic, locale, 20) for topic in topics for locale in ("en", "pl", "ur", "bn")), ("milia", "en", 5)]
    assert all(j.request.sections == load_topic(j.request.topic).default_sections for j in plan.jobs[:-1])
    assert len(plan.jobs[-1].request.sections) == 8 and plan.handouts == 24 * 20 + 5
    assert pack_pages(plan, [2] * 24 + [5]) == 24 * 20 * 2 + 5 * 6


def test_the_example_pack_prints_every_topic_on_one_sheet_in_every_language(tmp_path: Path) -> None:
    example = Path(__file__).parent / "batch_fixtures" / "ward.toml"
    shutil.copy(example, tmp_path / "ward.toml")
    result = CliRunner().invoke(batch_command, [str(tmp_path / "ward.toml"), "-j", "2", "-q"])
    assert result.exit_code == 0, result.output
    pack = PdfReader(tmp_path / "ward-pack.pdf")
    full = len(PdfReader(io.BytesIO(build(Request("milia", sections=("all",))).pdf)).pages)
    assert len(pack.pages) == 24 * 20 * 2 + 5 * (full + full % 2), "every default handout is one sheet"


# -- folder mode ------------------------------------------------------------------


def test_folder_mode_writes_one_file_per_distinct_handout_and_a_print_list(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
dir = "out"
pattern = "{locale}/{topic}-{sections}-{paper}.pdf"

[[handout]]
topic = "hiccups"
locales = ["en", "es"]
allow_incomplete = true
copies = 20

[[handout]]
topic = "hiccups"
locales = ["en"]
sections = ["all"]
paper = "letter"
copies = 5

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 2
""")
    result = batch(ward, "-j", 2)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    pdfs = sorted(str(p.relative_to(out)) for p in out.rglob("*.pdf"))
    assert pdfs == ["en/hiccups-all-letter.pdf", "en/hiccups-what+help-a4.pdf", "es/hiccups-what+help-a4.pdf"]
    listing = (out / "print-list.txt").read_text(encoding="utf-8").splitlines()
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in listing if not line.startswith("#")}
    assert rows["en/hiccups-what+help-a4.pdf"] == ["22", "1", "22"]  # tables #1 and #3: one file, 22 copies
    assert rows["es/hiccups-what+help-a4.pdf"] == ["20", "1", "20"]
    assert rows["en/hiccups-all-letter.pdf"][0] == "5"
    assert "47 handouts" in result.output
    assert leftovers(tmp_path) == []


def test_folder_mode_keeps_going_when_one_handout_fails(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    add_broken_topic(tmp_path)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
dir = "out"

[[handout]]
topic = "hiccups"
locales = ["en"]

[[handout]]
topic = "broken"
locales = ["en"]

[[handout]]
topic = "hiccups"
locales = ["es"]
allow_incomplete = true
""")
    result = batch(ward, "-j", 2)
    assert result.exit_code == EXIT_PARTIAL, result.output
    out = tmp_path / "out"
    assert sorted(p.name for p in out.glob("*.pdf")) == ["hiccups-en.pdf", "hiccups-es.pdf"]
    assert "1 of 3 handouts failed" in result.output
    assert "broken (en, what; [[handout]] #2)" in result.output
    assert "what.j2:2: template uses an unknown value" in result.output
    assert "broken-en.pdf\t1\t-\t-\tFAILED" in (out / "print-list.txt").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unexpected_template_error_is_isolated_too(tmp_path: Path, workers: int) -> None:
    make_clinic(tmp_path)
    add_broken_topic(tmp_path, body="<p>{{ 1 // (clinic.name|length - clinic.name|length) }}</p>")
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
dir = "out"

[[handout]]
topic = "broken"
locales = ["en"]

[[handout]]
topic = "hiccups"
locales = ["en"]
""")
    result = batch(ward, "-j", workers)
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "template error: integer division or modulo by zero" in result.output, "named, with its file"
    assert [p.name for p in (tmp_path / "out").glob("*.pdf")] == ["hiccups-en.pdf"]


# -- a merged pack is all or nothing ----------------------------------------------


def test_pack_is_not_written_when_a_handout_fails_and_the_old_pack_survives(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    add_broken_topic(tmp_path)
    good = """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 2
"""
    ward = manifest(tmp_path, good)
    assert batch(ward, "-j", 1).exit_code == 0
    before = (tmp_path / "ward-pack.pdf").read_bytes()
    manifest(tmp_path, good + '\n[[handout]]\ntopic = "broken"\nlocales = ["en"]\n')
    result = batch(ward, "-j", 2)
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "ward-pack.pdf was not written" in result.output
    assert (tmp_path / "ward-pack.pdf").read_bytes() == before
    assert leftovers(tmp_path) == []


# -- the manifest is checked as a whole --------------------------------------------

MANY_PROBLEMS = """\
brand = "clinic.toml"
pdf = "packs/ward.pdf"
dir = "out"
dupelx = true

[[handout]]
topic = "hiccup"
locales = ["en"]

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 0

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 1001

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 2.5

[[handout]]
topic = "hiccups"
locales = ["en", "tlh", "zh_TW"]

[[handout]]
topic = "hiccups"
locales = ["en"]
sections = ["what", "nope"]
copy = 3
"""


def line_of(text: str, needle: str, after: int = 0) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if n > after and needle in line)


def test_every_problem_in_the_manifest_is_listed_and_nothing_is_written(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, MANY_PROBLEMS)
    before = sorted(tmp_path.rglob("*"))
    result = batch(ward)
    assert result.exit_code == EXIT_INPUT, result.output
    text, out = MANY_PROBLEMS, result.output
    unknown_topic = line_of(text, '"hiccup"')
    expected = [
        f"ward.toml:{line_of(text, 'dir =')}: dir: give either pdf = ",
        f"ward.toml:{line_of(text, 'dupelx')}: dupelx: unknown key 'dupelx'; did you mean 'duplex'?",
        f"ward.toml:{unknown_topic}: [[handout]] #1 topic: unknown topic 'hiccup'",
        "did you mean 'hiccups'?",
        f"ward.toml:{line_of(text, 'copies = 0')}: [[handout]] #2 copies: 0 is below 1",
        f"ward.toml:{line_of(text, 'copies = 1001')}: [[handout]] #3 copies: 1001 is above the limit of 1,000",
        f"ward.toml:{line_of(text, 'copies = 2.5')}: [[handout]] #4 copies: expected a whole number",
        f"ward.toml:{line_of(text, 'tlh')}: [[handout]] #5 locales: unknown locale 'tlh'",
        f"ward.toml:{line_of(text, 'tlh')}: [[handout]] #5 locales: no catalog for locale 'zh_TW'",
        f"ward.toml:{line_of(text, 'nope')}: [[handout]] #6 sections: unknown section 'nope'",
        f"ward.toml:{line_of(text, 'copy = 3')}: [[handout]] #6 copy: unknown key 'copy'; did you mean 'copies'?",
    ]
    for problem in expected:
        assert problem in out, f"{problem!r} not in:\n{out}"
    assert "problems in the manifest; nothing was printed" in out
    assert sorted(tmp_path.rglob("*")) == before


def test_a_table_can_list_several_topics_and_each_is_checked(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    text = """\
brand = "clinic.toml"
pdf = "pack.pdf"

[[handout]]
topics = ["hiccups", "hiccup", "hiccups"]
locales = ["en"]

[[handout]]
topic = "hiccups"
topics = ["hiccups"]
locales = ["en"]
"""
    with pytest.raises(InputError) as caught:
        load_manifest(manifest(tmp_path, text))
    problems = caught.value.problems
    where = line_of(text, "topics = [")
    assert any(f"ward.toml:{where}: [[handout]] #1 topics: unknown topic 'hiccup'" in p
               and "did you mean 'hiccups'?" in p for p in problems), problems
    assert any(f":{where}: [[handout]] #1 topics: 'hiccups' is listed twice" in p for p in problems), problems
    assert any("[[handout]] #2 topics: give either topic" in p for p in problems), problems

    fixed = manifest(tmp_path, text.replace('"hiccups", "hiccup", "hiccups"', '"hiccups"').split("[[handout]]\ntopic =")[0])
    plan = make_plan(load_manifest(fixed))
    assert [(j.request.topic, j.request.locale) for j in plan.jobs] == [("hiccups", "en")]


def test_output_names_must_stay_in_their_folder_and_not_clash(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    text = """\
brand = "clinic.toml"
dir = "out"
pattern = "{topic}.pdf"

[[handout]]
topic = "hiccups"
locales = ["en", "es"]
allow_incomplete = true
"""
    with pytest.raises(InputError) as caught:
        load_manifest(manifest(tmp_path, text))
    message = str(caught.value)
    assert f"ward.toml:{line_of(text, '[[handout]]')}: [[handout]] #1: file name 'hiccups.pdf' is also the name " \
           "of [[handout]] #1 (hiccups, en), which differs in locale" in message

    for key, value, needle in [
        ("dir", "../elsewhere", "leaves the manifest's folder ('..')"),
        ("dir", "/srv/print", "is an absolute path"),
        ("pdf", "../ward.pdf", "leaves the manifest's folder ('..')"),
        ("pdf", "ward", "does not end in .pdf"),
    ]:
        path = manifest(tmp_path, f'{key} = "{value}"\n[[handout]]\ntopic = "hiccups"\nlocales = ["en"]\n'
                                  'brand = "clinic.toml"\n')
        with pytest.raises(InputError) as caught:
            load_manifest(path)
        assert f"ward.toml:1: {key}: " in str(caught.value) and needle in str(caught.value)

    path = manifest(tmp_path, 'dir = "out"\npattern = "../{topic}-{copies}.pdf"\n'
                              '[[handout]]\ntopic = "milia"\nlocales = ["en"]\n')
    message = str(pytest.raises(InputError, load_manifest, path).value)
    assert "ward.toml:2: pattern: unknown placeholder {copies}" in message


def test_missing_output_and_handouts_are_reported(tmp_path: Path) -> None:
    path = manifest(tmp_path, "duplex = true\n")
    message = str(pytest.raises(InputError, load_manifest, path).value)
    assert "ward.toml:1: no output: add pdf = " in message
    assert "no handouts: add a [[handout]] table" in message


def test_toml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    path = manifest(tmp_path, 'pdf = "pack.pdf"\n[[handout]]\ntopic = milia\n')
    result = batch(path)
    assert result.exit_code == EXIT_INPUT
    assert "ward.toml:3: TOML syntax error at column 9: Invalid value" in result.output


# -- resume -----------------------------------------------------------------------


def mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")}


def test_resume_renders_only_what_changed(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, """\
brand = "clinic.toml"
dir = "out"

[[handout]]
topic = "hiccups"
locales = ["en"]

[[handout]]
topic = "milia"
locales = ["en"]
sections = ["overview"]
""")
    out = tmp_path / "out"

    def resumed() -> set[str]:
        report = run_plan(make_plan(load_manifest(ward)), workers=1, resume=True)
        assert not report.failures
        return {o.job.name for o in report.outcomes if o.rendered}

    assert batch(ward, "-j", 1).exit_code == 0
    first = mtimes(out)
    result = batch(ward, "--resume")
    assert result.exit_code == 0 and "0 rendered, 2 up to date" in result.output
    assert mtimes(out) == first

    write(tmp_path / "overrides" / "hiccups" / "help.j2", SECTIONS["help"].replace("upright", "close"))
    assert resumed() == {"hiccups-en.pdf"}
    assert mtimes(out)["milia-en.pdf"] == first["milia-en.pdf"]
    assert resumed() == set()

    make_clinic(tmp_path, primary="#7A1F5C")  # a new brand colour touches every handout
    assert resumed() == {"hiccups-en.pdf", "milia-en.pdf"}

    (out / "milia-en.pdf").write_bytes(b"not the file that was written")
    assert resumed() == {"milia-en.pdf"}
    (out / "hiccups-en.pdf").unlink()
    assert resumed() == {"hiccups-en.pdf"}
    assert leftovers(tmp_path) == []


def test_resume_skips_an_unchanged_pack_and_rebuilds_a_changed_one(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    text = """\
brand = "clinic.toml"
pdf = "ward-pack.pdf"
duplex = true

[[handout]]
topic = "hiccups"
locales = ["en"]
copies = 2
"""
    ward = manifest(tmp_path, text)
    assert batch(ward, "-j", 1).exit_code == 0
    before = (tmp_path / "ward-pack.pdf").stat().st_mtime_ns
    result = batch(ward, "--resume")
    assert "0 rendered, 1 up to date" in result.output and "2 handouts, 4 pages" in result.output
    assert (tmp_path / "ward-pack.pdf").stat().st_mtime_ns == before
    manifest(tmp_path, text.replace("copies = 2", "copies = 3"))
    result = batch(ward, "--resume")
    assert "1 rendered, 0 up to date" in result.output
    assert len(pages_of(tmp_path / "ward-pack.pdf")) == 6


# -- one batch at a time ------------------------------------------------------------


@pytest.mark.parametrize("output, lock", [('dir = "out"', "out/.handouts-batch.lock"),
                                          ('pdf = "ward-pack.pdf"', "ward-pack.pdf.lock")])
def test_a_second_batch_on_the_same_outputs_exits_4(tmp_path: Path, output: str, lock: str) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, f'brand = "clinic.toml"\n{output}\n[[handout]]\ntopic = "hiccups"\nlocales = ["en"]\n')
    held = tmp_path / lock
    held.parent.mkdir(exist_ok=True)
    with held.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = batch(ward, "-j", 1)
        assert result.exit_code == EXIT_OUTPUT, result.output
        assert "another batch is writing these outputs" in result.output
        assert held.exists()  # not the second batch's to remove
    assert list(tmp_path.rglob("*.pdf")) == []
    assert batch(ward, "-j", 1).exit_code == 0  # once released, the batch runs
    assert not held.exists()


# -- Ctrl-C ---------------------------------------------------------------------------


@pytest.mark.parametrize("output, lock", [
    ('pdf = "ward-pack.pdf"', "ward-pack.pdf.lock"),
    ('dir = "out"\npattern = "{locale}-{sections}-{paper}.pdf"', "out/.handouts-batch.lock"),
])
def test_ctrl_c_exits_130_and_leaves_no_partial_files(tmp_path: Path, output: str, lock: str) -> None:
    handouts = "".join(
        f'[[handout]]\ntopic = "milia"\nlocales = ["en", "es", "ar", "zh_Hans"]\nsections = {sections}\n'
        f'paper = "{paper}"\ncopies = 10\n\n'
        for sections in ('["all"]', '["overview"]', '["faq", "types"]', '["home-care", "compare"]')
        for paper in ("a4", "letter"))
    ward = manifest(tmp_path, f"{output}\n\n{handouts}")
    lock_file = tmp_path / lock
    # Its own session, so that SIGINT goes to the whole process group, as Ctrl-C in a terminal does.
    process = subprocess.Popen([sys.executable, "-m", "handouts.batch", str(ward), "-j", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not lock_file.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the batch never took its lock"
            time.sleep(0.02)
        time.sleep(0.5)  # the workers are rendering now
        assert process.poll() is None, "the batch finished before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)
        _stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == EXIT_INTERRUPTED, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr, stderr.decode()
    assert leftovers(tmp_path) == []
    if output.startswith("pdf"):
        assert not (tmp_path / "ward-pack.pdf").exists()
    else:
        # Whatever was finished is complete, and recorded for --resume.
        written = sorted((tmp_path / "out").glob("*.pdf"))
        assert len(written) < 32
        for path in written:
            assert len(pages_of(path)) >= 1
        state = (tmp_path / "out" / ".handouts-batch.json").read_text(encoding="utf-8")
        assert all(path.name in state for path in written)
        assert not (tmp_path / "out" / "print-list.txt").exists()
        # --resume carries on where the interrupted run stopped.
        report = run_plan(make_plan(load_manifest(ward)), workers=2, resume=True)
        assert (report.current, report.rendered, report.failures) == (len(written), 32 - len(written), ())


# -- the command line ------------------------------------------------------------------


def test_cli_passes_workers_and_refuses_nonsense(tmp_path: Path) -> None:
    make_clinic(tmp_path)
    ward = manifest(tmp_path, 'brand = "clinic.toml"\npdf = "p.pdf"\n[[handout]]\ntopic = "hiccups"\n'
                              'locales = ["en"]\n')
    assert batch(ward, "-j", 0).exit_code == 2
    assert batch(tmp_path / "missing.toml").exit_code == 2
    result = batch(ward, "-q")
    assert result.exit_code == 0 and result.output == ""
