"""Honest provenance: the handout prints only review claims the records back, and any change
to the text after a review turns it back to draft (or stale)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.brandfile import load_brand
from handouts.build import Request, build
from handouts.cli import main
from handouts.errors import InputError
from handouts.resources import LOCALES_DIR, TEMPLATES_DIR
from handouts.review.sign import sign_catalog, sign_topic

from .support import all_text, reader, words

TODAY = dt.date.today()
BRAND = """
[clinic]
name = "Riverside Birth Centre"
phone = "0161 496 0123"
address = ["4 Weir Street", "Manchester M3 7QX"]
website = "https://riverside.example/leaflets"
country = "GB"

[style]
primary = "#005EB8"
accent = "#FFB81C"

[print]
templates = "overrides"
{extra}"""


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    """A brand file whose override folder holds a copy of the milia topic and the shared
    templates, so reviews can be signed there without touching the project's own files."""
    shutil.copytree(TEMPLATES_DIR / "milia", tmp_path / "overrides" / "milia")
    shutil.copytree(TEMPLATES_DIR / "_shared", tmp_path / "overrides" / "_shared")
    path = tmp_path / "clinic.toml"
    path.write_text(BRAND.format(extra=""), encoding="utf-8")
    return path


def text_of(brand_file: Path, **request) -> tuple[str, bytes]:
    brand = load_brand(brand_file)[0]
    pdf = build(Request("milia", brand=brand, **request)).pdf
    return words(all_text(pdf)), pdf


def test_milia_is_an_honest_draft_with_no_review_date() -> None:
    pdf = build(Request("milia")).pdf
    for page in reader(pdf).pages:
        text = words(page.extract_text())
        assert "Draft: not yet checked by a clinician." in text
        assert "Reviewed" not in text and "review due" not in text and "Checked by" not in text
    topic_toml = (TEMPLATES_DIR / "milia" / "topic.toml").read_text(encoding="utf-8")
    assert 'status = "draft"' in topic_toml


def test_signing_prints_the_reviewer_and_an_edit_turns_it_back_to_draft(clinic: Path) -> None:
    brand = load_brand(clinic)[0]
    record = sign_topic("milia", "Dr Ana Perez, consultant paediatrician", today=dt.date(2026, 11, 2),
                        templates=brand.templates)
    assert record.next_review == dt.date(2028, 11, 2)
    text, pdf = text_of(clinic, today=dt.date(2026, 12, 1))
    assert "Checked by Dr Ana Perez, consultant paediatrician on 2 November 2026. Next review due 2 November 2028." \
        in text
    assert "Draft: not yet checked" not in text

    home_care = clinic.parent / "overrides" / "milia" / "home-care.j2"
    home_care.write_text(home_care.read_text(encoding="utf-8").replace("Pat the skin dry", "Pat the skin dry gently"),
                         encoding="utf-8")
    text, _pdf = text_of(clinic, today=dt.date(2026, 12, 1))
    assert "Draft: not yet checked by a clinician." in text
    assert "Checked by" not in text and "2 November 2026" not in text


def test_a_change_to_the_shared_safety_text_also_makes_the_review_stale(clinic: Path) -> None:
    brand = load_brand(clinic)[0]
    sign_topic("milia", "Dr Ana Perez, paediatrician", today=TODAY, templates=brand.templates)
    assert "Checked by Dr Ana Perez" in text_of(clinic)[0]
    shared = clinic.parent / "overrides" / "_shared" / "safety.j2"
    shared.write_text(shared.read_text(encoding="utf-8").replace("is floppy", "is very floppy"), encoding="utf-8")
    text = text_of(clinic)[0]
    assert "is very floppy" in text and "Draft: not yet checked by a clinician." in text


def test_an_overdue_topic_is_refused_and_allow_overdue_marks_every_page(clinic: Path) -> None:
    brand = load_brand(clinic)[0]
    sign_topic("milia", "Dr Ana Perez, paediatrician", today=dt.date(2024, 1, 10), next_review=dt.date(2025, 1, 10),
               templates=brand.templates)
    with pytest.raises(InputError, match=r"overdue for review since 2025-01-10.*--allow-overdue"):
        build(Request("milia", brand=brand, today=dt.date(2026, 1, 1)))
    pdf = build(Request("milia", brand=brand, today=dt.date(2026, 1, 1), allow_overdue=True)).pdf
    for page in reader(pdf).pages:
        assert "Overdue for review since 10 January 2025." in words(page.extract_text())

    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(clinic), "-o", str(clinic.parent / "x.pdf")])
    assert result.exit_code == 3 and "overdue" in result.output
    assert not (clinic.parent / "x.pdf").exists()


def test_require_approval_refuses_an_unapproved_topic_and_approval_prints_the_clinic_code(clinic: Path) -> None:
    clinic.write_text(BRAND.format(extra="\n[approval]\nrequired = true\n"), encoding="utf-8")
    out = clinic.parent / "milia.pdf"
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(clinic), "-o", str(out)])
    assert result.exit_code == 3
    assert "topic 'milia' is not approved by the clinic" in result.output and "[approval.milia]" in result.output
    assert not out.exists()

    result = CliRunner().invoke(main, ["review", "approve", "milia", "--brand", str(clinic), "--by",
                                       "Jo Smith, clinical governance lead", "--code", "RBC-NEO-012"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(clinic), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = words(all_text(out.read_bytes()))
    assert "Clinic leaflet RBC-NEO-012. Approved by Jo Smith, clinical governance lead on" in text
    assert "PAED-SKIN-001" not in text

    home_care = clinic.parent / "overrides" / "milia" / "home-care.j2"
    home_care.write_text(home_care.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(clinic), "-o", str(out)])
    assert result.exit_code == 3 and "changed since the clinic approved version 2.1" in result.output


def test_batch_refuses_before_printing_anything(clinic: Path) -> None:
    clinic.write_text(BRAND.format(extra="\n[approval]\nrequired = true\n"), encoding="utf-8")
    manifest = clinic.parent / "ward.toml"
    manifest.write_text('brand = "clinic.toml"\npdf = "pack.pdf"\n[[handout]]\ntopic = "milia"\nlocales = ["en"]\n',
                        encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest), "-q"])
    assert result.exit_code == 3, result.output
    assert "not approved by the clinic" in result.output
    assert not (clinic.parent / "pack.pdf").exists()


def test_review_status_json_has_one_row_per_topic_and_locale(clinic: Path) -> None:
    result = CliRunner().invoke(main, ["review", "status", "--brand", str(clinic), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    from handouts.i18n.catalogs import available_locales
    from handouts.topics import topic_ids

    assert {(r["topic"], r["locale"]) for r in rows} == {(t, loc) for t in topic_ids() for loc in available_locales()}
    assert len(rows) == len(topic_ids()) * len(available_locales())
    milia_en = next(r for r in rows if r["topic"] == "milia" and r["locale"] == "en")
    assert milia_en["content"] == "draft" and milia_en["approval"] == "none"


def test_list_topics_shows_version_status_and_the_clinic_approval(clinic: Path) -> None:
    result = CliRunner().invoke(main, ["list", "topics", "--brand", str(clinic)])
    assert result.exit_code == 0, result.output
    rows = {line.split("\t")[0]: line for line in result.output.splitlines()}
    assert rows["milia"].startswith("milia\tMilia in newborns\tversion 2.1\tdraft\t")
    assert all("clinic approval: none" in row for row in rows.values()) and len(rows) == 6


@pytest.fixture
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, folder, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setenv("HANDOUTS_LOCALES", str(folder))
    return folder


def _retranslate(po: Path, msgid: str, msgstr: str) -> None:
    """Change one message's translation, as a translator's later edit would."""
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index(f'msgid "{msgid}"\n')
    assert lines[at + 1].startswith("msgstr ")
    lines[at + 1] = f'msgstr "{msgstr}"\n'
    po.write_text("".join(lines), encoding="utf-8")


def test_a_reviewed_translation_credits_its_reviewer_and_goes_stale_when_a_message_changes(catalogs: Path) -> None:
    draft = words(all_text(build(Request("milia", locale="es")).pdf))
    sign_catalog("es", "Luis Gomez, paediatric nurse", translator="Ana Ruiz", today=dt.date(2026, 11, 20),
                 root=catalogs)
    signed = words(all_text(build(Request("milia", locale="es")).pdf))
    assert "Ana Ruiz" in signed and "Luis Gomez, paediatric nurse" in signed and "2026-11-20" in signed
    notice = next(n for n in ("Traducción en borrador", "borrador") if n in draft)
    assert notice not in signed
    listing = CliRunner().invoke(main, ["list", "locales"]).output
    assert any(row.startswith("es\t") and "\treviewed\t" in row and "milia 100%" in row for row in listing.splitlines())

    _retranslate(catalogs / "es" / "LC_MESSAGES" / "handouts.po", "Do", "Sí, hágalo")
    stale = words(all_text(build(Request("milia", locale="es")).pdf))
    assert notice in stale and "Ana Ruiz" not in stale
    for command in (["list", "locales"], ["i18n", "stats"]):
        assert "reviewed (stale: 1 messages changed since review)" in CliRunner().invoke(main, command).output


def test_new_english_after_a_translation_review_makes_it_stale(catalogs: Path) -> None:
    """The English of a message changes and 'i18n update' merges it: the reviewed catalog
    counts that message as changed, and the handout that uses it is a draft translation again."""
    sign_catalog("es", "Luis Gomez, paediatric nurse", translator="Ana Ruiz", today=dt.date(2026, 11, 20),
                 root=catalogs)
    pot = catalogs / "handouts.pot"
    pot.write_text(pot.read_text(encoding="utf-8").replace('msgid "Get help today if your baby:"',
                                                           'msgid "Get medical help today if your baby:"'),
                   encoding="utf-8")
    assert CliRunner().invoke(main, ["i18n", "update", "--locales-dir", str(catalogs)]).exit_code == 0
    assert "reviewed (stale: 1 messages changed since review)" in CliRunner().invoke(main, ["list", "locales"]).output
