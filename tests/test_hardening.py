"""Outside input cannot run code or read files: templates render in Jinja2's sandbox and
their loaders stay inside their folders."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.cli import main

from .support import CLINIC

BRAND = CLINIC + '\n[print]\ntemplates = "overrides"\n'


def clinic(tmp_path: Path, files: dict[str, str]) -> Path:
    brand = tmp_path / "clinic.toml"
    brand.write_text(BRAND, encoding="utf-8")
    for name, text in files.items():
        target = tmp_path / "overrides" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return brand


@pytest.mark.parametrize("expression", [
    "cycler.__init__.__globals__.os.popen('id').read()",
    "lipsum.__globals__['os'].system('touch /tmp/handouts-pwned')",
    "clinic.__class__.__mro__[1].__subclasses__()",
    "''.__class__.__base__.__subclasses__()",
])
def test_an_override_cannot_run_code(tmp_path: Path, expression: str) -> None:
    brand = clinic(tmp_path, {"milia/overview.j2": f"<title>X</title>\n<p>{{{{ {expression} }}}}</p>\n"})
    out = tmp_path / "m.pdf"
    for command in (["build", "milia", "--brand", str(brand), "-o", str(out)],
                    ["list", "sections", "milia", "--brand", str(brand)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 3, (command, result.output)
        assert "overview.j2:2: refused: a template may only use the values it is given" in result.output
        assert "uid=" not in result.output and "Traceback" not in result.output
    assert not out.exists() and not Path("/tmp/handouts-pwned").exists()


def test_a_symlink_out_of_the_override_folder_is_refused(tmp_path: Path) -> None:
    brand = clinic(tmp_path, {})
    (tmp_path / "overrides" / "milia").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("<title>Secret</title>\n<p>hunter2</p>\n", encoding="utf-8")
    os.symlink(secret, tmp_path / "overrides" / "milia" / "faq.j2")
    result = CliRunner().invoke(main, ["build", "milia", "-s", "faq", "--brand", str(brand), "-o",
                                       str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "refused: it leads outside the template folder" in result.output
    assert "hunter2" not in result.output and not (tmp_path / "m.pdf").exists()


def test_an_include_cannot_climb_out_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "outside.j2").write_text("<p>outside</p>\n", encoding="utf-8")
    brand = clinic(tmp_path, {"milia/overview.j2": '<title>X</title>\n{% include "../../outside.j2" %}\n'})
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "template not found" in result.output, result.output


def test_a_failing_expression_names_its_file_and_line(tmp_path: Path) -> None:
    brand = clinic(tmp_path, {"milia/overview.j2": "<title>X</title>\n<p>{{ 1 / 0 }}</p>\n"})
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "overview.j2:2: template error: division by zero" in result.output


def test_all_with_an_unknown_section_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "milia", "-s", "all", "-s", "bogus", "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 2, result.output
    assert "unknown section 'bogus' for topic 'milia'" in result.output and "choose from: overview" in result.output
    assert not (tmp_path / "m.pdf").exists()


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("name", "Clinic \u202egnp.exe", "invisible direction control, U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("name", "\u200b\u200b\u200b", "is blank: it holds only invisible characters"),
    ("name", "Riverside \U0001F476 Clinic", "no bundled font can print: U+1F476 (BABY)"),
    ("name", "R" * 300, "is 300 characters long; at most 80 fit"),
    ("urgent_line", "NHS\u2066 111", "invisible direction control, U+2066"),
])
def test_brand_text_that_would_print_wrongly_is_refused_by_name(tmp_path: Path, key: str, value: str,
                                                                 expected: str) -> None:
    import re

    text = re.sub(rf'^{key} = ".*"$', f'{key} = "{value}"', CLINIC, count=1, flags=re.MULTILINE)
    brand = tmp_path / "clinic.toml"
    brand.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith(f"{key} ="))
    for command in (["brand", "check", str(brand)], ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 3, (command, result.output)
        assert f"clinic.toml:{line}: clinic.{key}:" in result.output and expected in result.output, result.output
    assert not (tmp_path / "m.pdf").exists()


def test_a_long_footer_note_is_refused(tmp_path: Path) -> None:
    brand = tmp_path / "clinic.toml"
    brand.write_text(CLINIC + '\n[print]\nfooter_note = "' + "x" * 100_000 + '"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["brand", "check", str(brand)])
    assert result.exit_code == 3 and "print.footer_note: is 100000 characters long; at most 200 fit" in result.output


def test_the_output_may_not_replace_an_input_or_a_device(tmp_path: Path) -> None:
    brand = tmp_path / "clinic.toml"
    brand.write_text(CLINIC, encoding="utf-8")
    before = brand.read_bytes()
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(brand)])
    assert result.exit_code == 2 and "is one of this run's inputs" in result.output
    assert brand.read_bytes() == before
    result = CliRunner().invoke(main, ["build", "milia", "-o", "/dev/null"])
    assert result.exit_code == 4 and "/dev/null: is not a regular file" in result.output
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "elsewhere.pdf")
    result = CliRunner().invoke(main, ["build", "milia", "-o", str(link)])
    assert result.exit_code == 4 and "is a symbolic link" in result.output and not (tmp_path / "elsewhere.pdf").exists()


def _pack_bytes(folder: Path, entries: int) -> int:
    tables = "".join('[[handout]]\ntopic = "milia"\nlocales = ["en"]\n\n' for _ in range(entries))
    manifest = folder / f"m{entries}.toml"
    manifest.write_text(f'pdf = "p{entries}.pdf"\nduplex = false\n\n{tables}', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return (folder / f"p{entries}.pdf").stat().st_size


def test_a_pack_grows_linearly_with_repeated_entries(tmp_path: Path) -> None:
    """Each bookmark names a few of the entries asking for its handout, not all of them."""
    small, large = _pack_bytes(tmp_path, 50), _pack_bytes(tmp_path, 1000)
    per_entry = (large - small) / 950
    assert per_entry < 1500, f"{per_entry:.0f} bytes per repeated entry"


def _copies_pack(folder: Path, copies: int) -> Path:
    manifest = folder / f"c{copies}.toml"
    manifest.write_text(f'pdf = "c{copies}.pdf"\nduplex = true\n\n[[handout]]\ntopic = "milia"\nlocales = ["ar"]\n'
                        f'copies = {copies}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return folder / f"c{copies}.pdf"


def test_a_copy_costs_a_page_dictionary_not_the_pages_content(tmp_path: Path) -> None:
    """The pack is streamed: each handout's fonts, pictures and text are written once, and
    each further copy adds only the small dictionaries of its pages."""
    from pypdf import PdfReader

    few, many = _copies_pack(tmp_path, 10), _copies_pack(tmp_path, 1000)
    per_page = (many.stat().st_size - few.stat().st_size) / (2 * 990)
    assert per_page < 200, f"{per_page:.0f} bytes per copied page"
    fonts = subprocess.run(["pdffonts", str(many)], capture_output=True, text=True, check=True).stdout
    embedded = [line for line in fonts.splitlines()[2:] if line.split()[-5:-2] == ["yes", "yes", "yes"]]
    assert len(embedded) == len(fonts.splitlines()[2:]) == 4  # Arabic and Latin, regular and bold: once each
    reader = PdfReader(many)
    assert len(reader.pages) == 2000
    assert reader.pages[2].extract_text() == reader.pages[1998].extract_text() != ""
    assert subprocess.run(["qpdf", "--check", str(many)], capture_output=True).returncode == 0


def test_a_pack_that_fails_while_being_written_leaves_the_old_one(tmp_path: Path, monkeypatch) -> None:
    import handouts.batch.run as run

    good = _copies_pack(tmp_path, 3)
    before = good.read_bytes()
    real = run.write_pack

    def fails_half_way(out, *args, **kwargs):
        out.write(b"%PDF-1.7\n" + b"x" * 50_000)  # part of a pack, then the disk fills
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(run, "write_pack", fails_half_way)
    (tmp_path / "c3.toml").write_text((tmp_path / "c3.toml").read_text().replace("copies = 3", "copies = 4"))
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "c3.toml"), "-j", "1", "-q"])
    assert result.exit_code == 4 and "No space left on device" in result.output
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    monkeypatch.setattr(run, "write_pack", real)


def _live_members(group: int) -> list[int]:
    """Processes of a process group that are still running (zombies do not count)."""
    live = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            live.append(int(entry.name))
    return live


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminating_signal_stops_the_workers_and_keeps_the_work(tmp_path: Path, signum: int) -> None:
    manifest = tmp_path / "ward.toml"
    manifest.write_text('dir = "out"\nsections = ["all"]\n\n[[handout]]\n'
                        'topics = ["milia", "baby-acne", "erythema-toxicum", "heat-rash", "nappy-rash", "cradle-cap"]\n'
                        'locales = ["en", "es", "ar", "zh_Hans", "vi", "pl"]\n', encoding="utf-8")
    command = [sys.executable, "-m", "handouts", "batch", str(manifest), "-j", "2", "-q"]
    batch = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(list((tmp_path / "out").glob("*.pdf"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert batch.poll() is None, "the batch finished before it could be stopped"
    os.kill(batch.pid, signum)
    _out, err = batch.communicate(timeout=60)
    assert batch.returncode == 128 + signum, err
    assert f"stopped by {signal.Signals(signum).name}" in err and "Traceback" not in err
    assert _live_members(batch.pid) == []
    finished = sorted(p.name for p in (tmp_path / "out").glob("*.pdf"))
    assert finished and not list((tmp_path / "out").glob("*.tmp*"))
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 36


def test_a_batch_killed_outright_leaves_no_workers_holding_its_lock(tmp_path: Path) -> None:
    manifest = tmp_path / "ward.toml"
    manifest.write_text('pdf = "pack.pdf"\nsections = ["all"]\n\n[[handout]]\n'
                        'topics = ["milia", "baby-acne", "heat-rash"]\nlocales = ["en", "es", "ar", "zh_Hans"]\n',
                        encoding="utf-8")
    command = [sys.executable, "-m", "handouts", "batch", str(manifest), "-j", "2", "-q"]
    batch = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_live_members(batch.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _live_members(batch.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _live_members(batch.pid) == []
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr  # the lock of the dead run does not block


DIES_ON_HEAT_RASH = """
import os, sys
import handouts.batch.run as run
from handouts.build import build

def dies_on_heat_rash(request):
    if request.topic == "heat-rash":
        os._exit(9)  # as a worker killed by the kernel, or out of memory, would
    return build(request)

run.build = dies_on_heat_rash
from handouts.cli import main
sys.argv = ["handouts", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_dying_worker_fails_only_its_own_handout(tmp_path: Path, jobs: str) -> None:
    manifest = tmp_path / "ward.toml"
    manifest.write_text('dir = "out"\n\n[[handout]]\ntopics = ["milia", "heat-rash", "cradle-cap", "baby-acne"]\n'
                        'locales = ["en", "es"]\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", DIES_ON_HEAT_RASH, "batch", str(manifest), "-j", jobs, "-q"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("stopped abruptly") == 2 and "heat-rash (en" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == [
        f"{t}-{loc}.pdf" for t in ("baby-acne", "cradle-cap", "milia") for loc in ("en", "es")]


@pytest.mark.parametrize("expression, said", [
    ("('x' * 10**9)|length", "'*' would make 1000000000 items, over 100000"),
    ("[0] * 10**7", "'*' would make 10000000 items"),
    ("2 ** 100000", "exponent 100000 is over 64"),
])
def test_a_template_cannot_make_unbounded_values(tmp_path: Path, expression: str, said: str) -> None:
    brand = clinic(tmp_path, {"milia/overview.j2": f"<title>X</title>\n<p>{{{{ {expression} }}}}</p>\n"})
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "overview.j2:2: refused" in result.output and said in result.output


def test_a_loop_that_never_ends_is_stopped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("handouts.templating.RENDER_SECONDS", 0.5)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    brand = clinic(tmp_path, {"milia/overview.j2": f"<title>X</title>\n{loops}\n"})
    started = time.monotonic()
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3, result.output
    assert "overview.j2: template error: still rendering after 0.5 s" in result.output
    assert time.monotonic() - started < 10 and not (tmp_path / "m.pdf").exists()


def test_a_template_that_is_a_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    brand = clinic(tmp_path, {})
    (tmp_path / "overrides" / "milia").mkdir(parents=True)
    os.mkfifo(tmp_path / "overrides" / "milia" / "overview.j2")
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "overview.j2: refused: not a regular file" in result.output


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_manifest_that_is_a_device_or_a_pipe_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    path = Path("/dev/zero") if kind == "device" else tmp_path / "ward.toml"
    if kind == "pipe":
        os.mkfifo(path)
    result = CliRunner().invoke(main, ["batch", str(path)])
    assert result.exit_code == 3 and f"{path}: is not a regular file" in result.output


def test_a_huge_catalog_is_refused_unread(tmp_path: Path) -> None:
    folder = tmp_path / "catalogs" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "handouts.po").open("wb") as handle:
        handle.write(b'msgid ""\nmsgstr ""\n' + b"# padding\n" * 600_000)
    result = CliRunner().invoke(main, ["build", "milia", "-l", "es", "--locales", str(tmp_path / "catalogs"),
                                       "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "too big for a catalog" in result.output, result.output


def test_toml_nested_too_deeply_is_an_input_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for command, said in ((["brand", "check", str(deep)], "cannot read the brand file"),
                          (["batch", str(deep)], "cannot read the manifest")):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 3, result.output
        assert f"{said}: its tables or lists are nested too deeply" in result.output


@pytest.mark.parametrize("files, said", [
    ({"milia/overview.j2": b"<title>X</title>\n<p>\xff\xfe</p>\n"},
     "/overrides/milia/overview.j2: template error: not UTF-8 text"),
    ({"milia/overview.j2": b'<title>X</title>\n{% include "milia/overview.j2" %}\n'},
     "/overrides/milia/overview.j2: template error: it includes or extends itself"),
    ({"milia/overview.j2": b'{% extends "milia/faq.j2" %}', "milia/faq.j2": b'{% extends "milia/overview.j2" %}'},
     "/overrides/milia/overview.j2: template error: it includes or extends itself"),
])
def test_a_template_that_cannot_be_read_or_loops_on_itself(tmp_path: Path, files: dict, said: str) -> None:
    brand = clinic(tmp_path, {})
    for name, data in files.items():
        target = tmp_path / "overrides" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and said in result.output, result.output


def test_a_catalog_with_an_unknown_charset_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "catalogs" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shipped = Path(__file__).parents[1] / "locales" / "es" / "LC_MESSAGES" / "handouts.po"
    (folder / "handouts.po").write_text(shipped.read_text(encoding="utf-8").replace("charset=utf-8", "charset=NOPE-9"),
                                        encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "milia", "-l", "es", "--locales", str(tmp_path / "catalogs"),
                                       "-o", str(tmp_path / "m.pdf")])
    assert result.exit_code == 3 and "the catalog header is not valid: unknown encoding: nope-9" in result.output


def test_bad_environment_and_impossible_outputs_are_errors_not_tracebacks(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "milia", "-o", str(tmp_path / "m.pdf")],
                                env={"SOURCE_DATE_EPOCH": "abc"})
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH='abc'" in result.output
    result = CliRunner().invoke(main, ["build", "milia", "-o", str(tmp_path / ("x" * 5000 + ".pdf"))])
    assert result.exit_code == 4 and "cannot write here: File name too long" in result.output
    closed = subprocess.run(f"{sys.executable} -m handouts build milia -o - >&-", shell=True, capture_output=True,
                            text=True, timeout=60)
    assert closed.returncode == 4 and "standard output is closed" in closed.stderr


def test_a_pack_over_its_page_limit_is_refused_before_it_prints(tmp_path: Path) -> None:
    manifest = tmp_path / "ward.toml"
    tables = '[[handout]]\ntopic = "milia"\nlocales = ["en"]\ncopies = 1000\n\n' * 21
    manifest.write_text(f'pdf = "pack.pdf"\n\n{tables}', encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["batch", str(manifest), "-q"])
    assert result.exit_code == 3, result.output
    assert "the pack would hold 21,000 handouts, so more than 20,000 pages" in result.output
    assert time.monotonic() - started < 5 and not (tmp_path / "pack.pdf").exists()  # nothing was rendered


def test_max_pages_counts_the_pages_each_handout_really_has(tmp_path: Path) -> None:
    manifest = tmp_path / "ward.toml"
    manifest.write_text('pdf = "pack.pdf"\nmax_pages = 10\n\n[[handout]]\ntopics = ["milia", "heat-rash"]\n'
                        'locales = ["en"]\ncopies = 3\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest), "-q", "-j", "1"])
    assert result.exit_code == 3, result.output
    assert "the pack would have 12 pages, over its limit of 10 (max_pages)" in result.output
    assert not (tmp_path / "pack.pdf").exists()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("max_pages = 10", "max_pages = 12"),
                        encoding="utf-8")
    assert CliRunner().invoke(main, ["batch", str(manifest), "-q", "-j", "1"]).exit_code == 0


def test_a_reader_that_goes_away_is_an_output_error(tmp_path: Path) -> None:
    command = f"{sys.executable} -m handouts build milia -s all -o - | (exec 0<&-; sleep 0.2); exit ${{PIPESTATUS[0]}}"
    gone = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert gone.returncode == 4, gone.stderr
    assert "the program reading it stopped" in gone.stderr and "Traceback" not in gone.stderr


@pytest.mark.parametrize("lines, said", [
    (['"line"'] * 200, "clinic.address: has 200 lines; at most 5 fit in the letterhead"),
    (['"' + "x" * 300 + '"'], "clinic.address: address line 1 is 300 characters long; at most 80 fit"),
])
def test_an_address_that_cannot_fit_the_letterhead_is_refused(tmp_path: Path, lines: list[str], said: str) -> None:
    brand = tmp_path / "clinic.toml"
    text = re.sub(r"address = \[.*?\]", "address = [" + ", ".join(lines) + "]", CLINIC, flags=re.S)
    brand.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["brand", "check", str(brand)])
    assert result.exit_code == 3 and said in result.output, result.output
