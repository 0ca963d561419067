"""A volunteer translator's workflow, with no traps: no source checkout needed, nothing
written into the installed package, and every broken or unfinished catalog caught."""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from handouts.build import Request, build
from handouts.cli import main
from handouts.i18n.catalogs import RecordingTranslations, po_path, read_catalog
from handouts.i18n.checks import check_bytes, check_catalog
from handouts.resources import LOCALES_DIR

from .support import body_text, words

ROOT = Path(__file__).resolve().parents[1]


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _fill(po: Path, prefix: str) -> None:
    """Translate every entry, keeping placeholders and tags: what a translator's tool does."""
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if message.id:
            message.string = f"{prefix} {message.id}"
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    po.write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """handouts installed from this source as a wheel would be (not editable), in a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
                   check=True, capture_output=True, text=True)
    assert (target / "handouts" / "locales" / "handouts.pot").is_file(), "the template ships with the package"
    return target


def test_a_volunteer_translates_without_a_source_checkout(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "volunteer"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    env.pop("HANDOUTS_LOCALES", None)
    before = _tree_digest(installed)

    def handouts(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "handouts", *args], cwd=work, env=env, capture_output=True,
                              text=True)

    refused = handouts("i18n", "init", "fr")
    assert refused.returncode == 2 and "--locales-dir" in refused.stderr, refused.stderr
    extract = handouts("i18n", "extract")
    assert extract.returncode == 2 and "source checkout" in extract.stderr

    made = handouts("i18n", "init", "fr", "--locales-dir", "mine", "--translator", "Marie Curie")
    assert made.returncode == 0, made.stderr
    po = work / "mine" / "fr" / "LC_MESSAGES" / "handouts.po"
    header = po.read_text(encoding="utf-8")
    assert "Last-Translator: Marie Curie" in header and "FULL NAME" not in header
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in header
    assert "PO-Revision-Date: YEAR" not in header

    unfinished = handouts("i18n", "check", "fr", "--locales-dir", "mine")
    assert unfinished.returncode == 3 and "untranslated" in unfinished.stdout

    _fill(po, "FR")
    checked = handouts("i18n", "check", "fr", "--locales-dir", "mine")
    assert checked.returncode == 0, checked.stdout
    built = handouts("build", "milia", "-l", "fr", "--locales", "mine", "-o", "fr.pdf")
    assert built.returncode == 0, built.stderr
    text = words(body_text((work / "fr.pdf").read_bytes()))
    assert "FR What are milia?" in text and "FR When to get help" in text
    assert _tree_digest(installed) == before, "nothing may be written into the installed package"


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    folder = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, folder, ignore=shutil.ignore_patterns("*.mo"))
    return folder


def _edit_line(po: Path, find: str, replace: str) -> int:
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if find in line)
    lines[number] = lines[number].replace(find, replace)
    po.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_a_string_missing_its_closing_quote_is_refused_with_its_line(catalogs: Path) -> None:
    po = po_path("es", catalogs)
    line = _edit_line(po, 'msgstr "No urgente"', 'msgstr "No urgente')
    problems = check_bytes(po, po.read_bytes())
    assert [(p.line, "not closed" in p.text) for p in problems] == [(line, True)]
    result = CliRunner().invoke(main, ["build", "milia", "-l", "es", "--locales", str(catalogs), "-o",
                                       str(catalogs / "x.pdf")])
    assert result.exit_code == 3 and f"{po}:{line}" in result.output
    assert not (catalogs / "x.pdf").exists()


def test_a_placeholder_of_the_wrong_type_is_refused(catalogs: Path) -> None:
    po = po_path("es", catalogs)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    page = catalog["Page %(page)s of %(total)s"]
    page.string = "Página %(page)s de %(total)d"
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    po.write_bytes(buffer.getvalue())
    problems = [str(p) for p in check_catalog(po, read_catalog(po, "es"))]
    assert any("%(total)d must be %(total)s" in p for p in problems), problems


def test_a_lone_percent_sign_is_refused_not_a_traceback(catalogs: Path) -> None:
    """A translator's "50%" in a message with a placeholder made Python's % fail mid-build."""
    po = po_path("es", catalogs)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    catalog["Phone: %(phone)s"].string = "100% Teléfono: %(phone)s"
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    po.write_bytes(buffer.getvalue())
    result = CliRunner().invoke(main, ["build", "milia", "-l", "es", "--locales", str(catalogs), "-o",
                                       str(catalogs / "x.pdf")])
    assert result.exit_code == 3, result.output
    assert "a lone % at '% Telé'" in result.output and f"{po}:" in result.output
    assert not (catalogs / "x.pdf").exists()


def test_an_empty_plural_form_counts_as_missing_and_is_named(catalogs: Path) -> None:
    po = po_path("es", catalogs)
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "%(n)s spot"\nmsgid_plural "%(n)s spots"\n'
                  'msgstr[0] "%(n)s granito"\nmsgstr[1] ""\n', encoding="utf-8")
    report = CliRunner().invoke(main, ["i18n", "check", "es", "--locales-dir", str(catalogs)])
    assert report.exit_code == 3
    assert "untranslated plural form msgstr[1] (empty)" in report.output
    from handouts.i18n.catalogs import load_catalog

    catalog = load_catalog("es", catalogs)
    recording = RecordingTranslations(catalog.translations, source=False)
    recording.ngettext("%(n)s spot", "%(n)s spots", 2)
    assert recording.missing == ["%(n)s spot"], "the singular is translated, but a form is empty: it is missing"


def test_a_stale_mo_with_a_newer_date_is_never_used(catalogs: Path) -> None:
    po = po_path("es", catalogs)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    catalog["Not urgent"].string = "TEXTO ANTIGUO"
    with po.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)
    os.utime(po, (1_000_000_000, 1_000_000_000))  # the .po looks older, as after 'cp -p' or unzip
    text = words(body_text(build(Request("milia", locale="es", locales=(catalogs,))).pdf))
    assert "TEXTO ANTIGUO" not in text and "No urgente" in text


def test_update_keeps_the_previous_english_for_poedit_and_weblate(catalogs: Path) -> None:
    pot = catalogs / "handouts.pot"
    pot.write_text(pot.read_text(encoding="utf-8").replace('msgid "Get help today if your baby:"',
                                                           'msgid "Get medical help today if your baby:"'),
                   encoding="utf-8")
    assert CliRunner().invoke(main, ["i18n", "update", "--locales-dir", str(catalogs)]).exit_code == 0
    text = po_path("es", catalogs).read_text(encoding="utf-8")
    entry = text[text.index('msgid "Get medical help today if your baby:"') - 200:
                 text.index('msgid "Get medical help today if your baby:"')]
    assert '#| msgid "Get help today if your baby:"' in entry and "#, fuzzy" in entry


def test_short_strings_carry_a_note_for_translators() -> None:
    pot = (LOCALES_DIR / "handouts.pot").read_text(encoding="utf-8")
    for msgid in ("Do", "Don't", "Not urgent", "Urgent: today", "Emergency: now", "What to do",
                  "Draft: not yet checked by a clinician."):
        entry = pot[:pot.index(f'msgid "{msgid}"')].rsplit("\n\n", 1)[-1]
        assert re.search(r"^#\. ", entry, re.M), f"{msgid!r} has no translator comment"


def test_init_of_an_unknown_language_code_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["i18n", "init", "xx", "--locales-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "'xx' is not a language code" in result.output and "available" not in result.output


def test_english_left_in_an_arabic_handout_keeps_its_punctuation_in_place(catalogs: Path) -> None:
    """With --allow-incomplete, an untranslated line in a right-to-left handout reads left to
    right as a whole: "Leaflet PAED-SKIN-001, version 2.1.", never ",Leaflet" or ".version"."""
    po = po_path("ar", catalogs)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="ar")
    catalog["Leaflet %(code)s, version %(version)s."].string = ""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    po.write_bytes(buffer.getvalue())
    pdf = build(Request("milia", locale="ar", locales=(catalogs,), allow_incomplete=True)).pdf
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Leaflet PAED-SKIN-001, version 2.1." in text
    assert ",Leaflet" not in text and ".version" not in text
