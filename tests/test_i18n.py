"""Translations: locale choice, catalog checks, refusing untranslated text, the translator workflow."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from handouts.brand import PLACEHOLDER
from handouts.build import Request, build, build_document
from handouts.cli import main
from handouts.errors import InputError, RequestError
from handouts.i18n.catalogs import available_locales, load_catalog, po_path, read_catalog, resolve
from handouts.i18n.checks import check_catalog
from handouts.resources import LOCALES_DIR, TEMPLATES_DIR
from handouts.review.sign import sign_topic

from .support import all_text_poppler, body_text, reader, words

SHIPPED = available_locales()[1:]  # every catalog that ships: a new language is tested as it lands
TOPICS = ["baby-acne", "cradle-cap", "erythema-toxicum", "heat-rash", "milia", "nappy-rash"]


def run(args: list[str], locales: Path | None = None):
    env = {"HANDOUTS_LOCALES": str(locales)} if locales else None
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


@pytest.mark.parametrize(("asked", "served"), [
    ("es", "es"), ("es-MX", "es"), ("es_MX", "es"), ("zh-Hans", "zh_Hans"), ("zh_Hans", "zh_Hans"),
    ("zh", "zh_Hans"), ("zh-CN", "zh_Hans"), ("ar", "ar"), ("ar-EG", "ar"), ("en-GB", "en"),
])
def test_nearest_catalog(asked: str, served: str) -> None:
    assert resolve(asked) == served


@pytest.mark.parametrize("asked", ["zh-TW", "zh-Hant", "fr", "xx", "not a locale"])
def test_unknown_or_unserved_locale_is_a_usage_error(asked: str) -> None:
    with pytest.raises(RequestError, match=re.escape(f"available: en, {', '.join(SHIPPED)}")):
        resolve(asked)


def test_cli_says_which_catalog_it_used(tmp_path: Path) -> None:
    result = run(["build", "milia", "-l", "es-MX", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 0
    assert "es_MX: using the nearest catalog, es" in result.stderr


def test_cli_unknown_locale_exits_2_listing_locales() -> None:
    result = run(["build", "milia", "-l", "sw"])
    assert result.exit_code == 2
    assert ", ".join(available_locales()) in result.stderr


def test_list_locales() -> None:
    lines = run(["list", "locales"]).stdout.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    every_topic = ", ".join(f"{topic} 100%" for topic in TOPICS)
    assert rows["en"][1:] == ["English", "ltr", "100%", "source", every_topic]
    assert rows["es"][1:3] == ["español", "ltr"]
    assert rows["ar"][1:3] == ["العربية", "rtl"]
    assert rows["zh_Hans"][2] == "ltr"
    assert all(rows[loc][4] == "draft" for loc in SHIPPED)
    assert all(rows[loc][5] == every_topic for loc in SHIPPED), "every shipped language covers every topic"


def test_list_locales_shows_completeness_per_topic(locales: Path) -> None:
    edit_es(locales, set_string("Key points", ""))
    rows = {line.split("\t")[0]: line.split("\t") for line in run(["list", "locales"], locales).stdout.splitlines()}
    assert "milia 9" in rows["es"][5] and "milia 100%" not in rows["es"][5]


@pytest.mark.parametrize("locale", SHIPPED)
def test_shipped_catalog_passes_every_check_and_is_complete(locale: str) -> None:
    path = po_path(locale, LOCALES_DIR)
    catalog = read_catalog(path, locale)
    assert check_catalog(path, catalog) == []
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    entries = [m for m in catalog if m.id]
    assert entries and all(m.string and not m.fuzzy for m in entries)


@pytest.mark.parametrize("locale", SHIPPED)
def test_draft_translation_is_marked_on_the_handout(locale: str) -> None:
    handout = build(Request("milia", locale=locale))
    notice = handout.document.furniture.notices
    assert len(notice) == 1
    def letters(text: str) -> str:  # punctuation spacing differs in extraction of mixed-direction lines
        return " ".join(re.findall(r"\w+", words(text)))

    def base_letters(text: str) -> str:
        """Shaped scripts (Bengali, Gurmukhi) extract with vowel signs moved and joined glyphs
        as private-use characters: compare their base letters only."""
        return "".join(c for c in text if unicodedata.category(c) in ("Lo", "Lu", "Ll", "Nd"))

    printed = all_text_poppler(handout.pdf)
    assert letters(notice[0]) in letters(printed) or base_letters(notice[0]) in base_letters(printed)


def test_english_has_no_draft_notice() -> None:
    assert build_document(Request("milia"))[0].furniture.notices == ()


def test_dates_and_numbers_follow_the_locale(tmp_path: Path) -> None:
    seek = next(s for s in build_document(Request("milia", locale="es", sections=("seek-advice",)))[0].sections)
    assert "100,4" in str(seek)
    overrides = tmp_path / "overrides"
    shutil.copytree(TEMPLATES_DIR / "milia", overrides / "milia")
    sign_topic("milia", "Dr Ana Perez, paediatrician", today=dt.date(2026, 11, 1), templates=overrides)
    brand = replace(PLACEHOLDER, templates=overrides)
    es, _ = build_document(Request("milia", locale="es", brand=brand, today=dt.date(2026, 12, 1)))
    assert "1 de noviembre de 2026" in es.furniture.labels["leaflet"]
    zh, _ = build_document(Request("milia", locale="zh_Hans", brand=brand, today=dt.date(2026, 12, 1)))
    assert "2026年11月1日" in zh.furniture.labels["leaflet"]


# -- broken catalogs -------------------------------------------------------------------------

@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalogs."""
    target = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def edit_es(locales: Path, change) -> Path:
    path = po_path("es", locales)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    change(catalog)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return path


PHONE_ID = ("Call the clinic today on %(phone)s. If you cannot reach the clinic, go to an urgent care centre or an "
            "emergency department.")
BOLD_ID = ("<b>Call %(number)s now</b> if your baby is floppy or hard to wake, or is under 3 months old and has a "
           "temperature of %(fever)s or higher.")


def set_string(msgid: str, value: str):
    def change(catalog):
        catalog[msgid].string = value
    return change


@pytest.mark.parametrize(("change", "expected"), [
    (set_string(PHONE_ID, "Llame hoy a la clínica. Si no puede, vaya a urgencias."), "drops the placeholder %(phone)s"),
    (set_string(PHONE_ID, "Llame hoy a la clínica al %(telefono)s."), "has a placeholder %(telefono)s"),
    (set_string(BOLD_ID, "Llame al %(number)s ahora si su bebé tiene %(fever)s."), "inline markup differs"),
    (set_string(BOLD_ID, "<i>Llame al %(number)s ahora</i> si su bebé tiene %(fever)s."), "inline markup differs"),
])
def test_check_catches_broken_translations(locales: Path, change, expected: str) -> None:
    path = edit_es(locales, change)
    problems = [str(p) for p in check_catalog(path, read_catalog(path, "es"))]
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{path}:") and "msgid" in p for p in problems)
    result = run(["i18n", "check", "es"], locales)
    assert result.exit_code == 3
    assert expected in result.stdout
    build_result = run(["build", "milia", "-l", "es", "-o", str(locales / "x.pdf")], locales)
    assert build_result.exit_code == 3
    assert expected in build_result.stderr
    assert not (locales / "x.pdf").exists()


def test_bad_plural_header(locales: Path) -> None:
    path = po_path("es", locales)
    text = path.read_text(encoding="utf-8")
    header = re.search(r"Plural-Forms: nplurals=(\d);", text)
    assert header, "the shipped catalog has a Plural-Forms header"
    right = int(header.group(1))
    path.write_text(text.replace(header.group(0), f"Plural-Forms: nplurals={right + 1};"), encoding="utf-8")
    problems = check_catalog(path, read_catalog(path, "es"))
    assert any(f"nplurals={right + 1}" in str(p) and f"{right} plural forms" in str(p) for p in problems)
    path.write_text(text.replace(header.group(0), "Plural-Forms: nplurals=two;"), encoding="utf-8")
    with pytest.raises(InputError, match="not a valid gettext catalog"):
        read_catalog(path, "es")


def test_bom_is_refused_with_file_and_line(locales: Path) -> None:
    path = po_path("es", locales)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.raises(InputError, match=rf"{path}:1: .*byte-order mark"):
        load_catalog("es", locales)


def test_latin1_bytes_are_refused_with_line(locales: Path) -> None:
    path = po_path("es", locales)
    path.write_bytes(path.read_bytes() + b'\n#: x\nmsgid "caf\xe9"\nmsgstr ""\n')
    with pytest.raises(InputError, match="not UTF-8"):
        load_catalog("es", locales)


def test_fuzzy_entries_refuse_the_build_unless_allowed(locales: Path) -> None:
    def make_fuzzy(catalog):
        catalog[PHONE_ID].flags.add("fuzzy")

    edit_es(locales, make_fuzzy)
    out = locales / "es.pdf"
    refused = run(["build", "milia", "-l", "es", "-o", str(out)], locales)
    assert refused.exit_code == 3
    assert "not translated" in refused.stderr and "Call the clinic today on" in refused.stderr
    assert not out.exists()
    allowed = run(["build", "milia", "-l", "es", "--allow-incomplete", "-o", str(out)], locales)
    assert allowed.exit_code == 0, allowed.stderr
    text = words(body_text(out.read_bytes()) + reader(out.read_bytes()).pages[0].extract_text())
    assert "Call the clinic today on" in text, "the untranslated sentence prints in English"
    assert "Partes de esta hoja" in text or "no están traducidas" in text or "inglés" in text, \
        "the handout says that parts are in English"
    check = run(["i18n", "check", "es"], locales)
    assert check.exit_code == 3 and "fuzzy" in check.stdout


# -- the translator workflow -----------------------------------------------------------------

def pseudo_translate(path: Path) -> None:
    """Fill every entry the way a translator would: new words, same placeholders and tags."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if message.id:
            message.string = "FR " + message.id
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)


def test_translator_workflow_new_language(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    assert run(["i18n", "--locales-dir", str(locales), "extract"]).exit_code == 0
    pot = (locales / "handouts.pot").read_text(encoding="utf-8")
    assert 'msgid "Milia in newborns"' in pot and "%(phone)s" in pot
    assert run(["i18n", "--locales-dir", str(locales), "init", "fr", "--translator", "Test"]).exit_code == 0
    po = po_path("fr", locales)
    assert "# Review-Status: draft" in po.read_text(encoding="utf-8")
    assert run(["i18n", "--locales-dir", str(locales), "init", "fr"]).exit_code == 4, "init never overwrites"

    stats = run(["i18n", "--locales-dir", str(locales), "stats"]).stdout
    assert "fr\t0\t0\t" in stats
    pseudo_translate(po)
    assert run(["i18n", "--locales-dir", str(locales), "check", "fr"]).exit_code == 0
    assert run(["i18n", "--locales-dir", str(locales), "compile"]).exit_code == 0
    assert po.with_suffix(".mo").is_file()

    out = tmp_path / "fr.pdf"
    result = run(["build", "milia", "-l", "fr", "-s", "all", "-o", str(out)], locales)
    assert result.exit_code == 0, result.stderr
    text = words(body_text(out.read_bytes()))
    assert "FR What are milia?" in text and "FR When to get help" in text
    assert "FR Draft translation, not yet reviewed." in reader(out.read_bytes()).pages[0].extract_text()

    # The English changes: after update the old translation is fuzzy, never printed as current.
    template = locales / "handouts.pot"
    template.write_text(template.read_text(encoding="utf-8").replace(
        'msgid "Get help today if your baby:"', 'msgid "Get medical help today if your baby:"'), encoding="utf-8")
    assert run(["i18n", "--locales-dir", str(locales), "update"]).exit_code == 0
    updated = read_catalog(po, "fr")
    changed = updated["Get medical help today if your baby:"]
    assert changed.fuzzy
    assert run(["i18n", "--locales-dir", str(locales), "check", "fr"]).exit_code == 3


def test_installed_package_ships_compiled_catalogs(tmp_path: Path) -> None:
    """A wheel carries a .mo beside each .po, compiled when the package was built."""
    import subprocess
    import sys

    probe = subprocess.run([sys.executable, "-c", "import handouts.resources as r; print(r.LOCALES_DIR)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True)
    installed = Path(probe.stdout.strip())
    if installed.parent.name != "handouts":
        pytest.skip("handouts is installed from this source checkout (editable), which compiles catalogs on the fly")
    for locale in SHIPPED:
        assert (installed / locale / "LC_MESSAGES" / "handouts.mo").is_file(), locale
        assert (installed / locale / "LC_MESSAGES" / "handouts.po").is_file(), locale


def test_a_fuzzy_suggestion_with_old_tags_does_not_block_the_rest_of_the_catalog(locales: Path) -> None:
    """After ``i18n update`` an old translation kept as a fuzzy suggestion may differ from
    the new English in tags or placeholders. It is never printed, so, as with msgfmt, it is
    reported as fuzzy, not as a broken entry, and handouts that do not need it still build."""
    def suggest(catalog):
        catalog["Questions parents often ask"].string = "<b>Preguntas</b> de los padres %(phone)s"
        catalog["Questions parents often ask"].flags.add("fuzzy")

    edit_es(locales, suggest)
    check = run(["i18n", "check", "es", "--locales-dir", str(locales)])
    assert check.exit_code == 3 and "fuzzy" in check.stdout
    assert "inline markup differs" not in check.stdout and "placeholder" not in check.stdout
    built = run(["build", "milia", "-l", "es", "-o", str(locales / "milia-es.pdf")], locales)
    assert built.exit_code == 0, built.output
    full = run(["build", "milia", "-l", "es", "-s", "all", "-o", str(locales / "all.pdf")], locales)
    assert full.exit_code == 3 and "Questions parents often ask" in full.output
