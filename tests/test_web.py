"""The staff page's server (handouts serve), through Flask's test client: what reaches the
browser when the choice is good, bad or hostile, and what the log gets."""
from __future__ import annotations

import html
import io
import logging
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handouts.cli import main
from handouts.web.app import create_app
from handouts.web.choices import Setup
from handouts.web.packs import MAX_COPIES, MAX_ROWS

from .test_branding import UK


@pytest.fixture
def client():
    return create_app(Setup()).test_client()


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_page_lists_every_topic_and_language_by_native_name(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "<title>Patient handouts</title>" in page
    for label in ("Español", "العربية", "Milia in newborns", "Cradle cap"):
        assert label in page


def test_the_page_speaks_spanish_when_asked_or_when_the_browser_prefers_it(client) -> None:
    asked = client.get("/?ui=es").get_data(as_text=True)
    preferred = client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}).get_data(as_text=True)
    for page in (asked, preferred):
        assert '<html lang="es" dir="ltr">' in page
        assert "Imprimir una hoja" in page and "Print one handout" not in page


def test_the_arabic_page_runs_right_to_left(client) -> None:
    page = client.get("/?ui=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert "نشرات للمرضى" in page


def test_a_download_is_the_handout_the_cli_would_print(client) -> None:
    response = client.get("/handout.pdf?brand=sample&topic=milia&locale=es&section=overview&section=seek-advice")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="milia-es.pdf"'
    text = text_of(response.data)
    assert "¿Qué son los milia?" in text and "Cuándo pedir ayuda" in text
    assert "Cómo cuidar la piel" not in text  # the section left out


def test_print_opens_the_pdf_in_the_browser(client) -> None:
    response = client.get("/handout.pdf?brand=sample&topic=milia&section=overview&print=1")
    assert response.headers["Content-Disposition"].startswith("inline;")


def test_the_accessible_html_download(client) -> None:
    response = client.get("/handout.html?brand=sample&topic=cradle-cap&locale=ar&section=overview")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.get_data(as_text=True)


def test_the_preview_reports_the_review_state_plainly(client) -> None:
    answer = client.get("/api/preview?brand=sample&topic=milia&locale=es&section=overview&ui=es").get_json()
    assert [line["kind"] for line in answer["status"]] == ["draft", "draft"]
    assert answer["status"][0]["text"].startswith("Borrador")
    assert answer["status"][1]["text"].startswith("Traducción en borrador")
    assert len(answer["pages"]) == 1 and answer["pages"][0].startswith("data:image/png;base64,")


@pytest.mark.parametrize("query, said", [
    ("brand=../../etc/passwd&topic=milia&section=overview", "unknown brand '../../etc/passwd'"),
    ("brand=sample&topic=/etc/passwd&section=overview", "unknown topic '/etc/passwd'"),
    ("brand=sample&topic=milia&section=overview&locale=../../x", "unknown language '../../x'"),
    ("brand=sample&topic=milia&section=nope", "has no section 'nope'"),
    ("brand=sample&topic=milia", "choose at least one section"),
    ("brand=sample&topic=milia&section=overview&paper=a3", "unknown paper 'a3'"),
    ("brand=sample&topic=milia&section=overview&large=yes", "'large' is 0 or 1"),
])
def test_a_bad_choice_is_a_readable_error_never_a_path(client, query: str, said: str) -> None:
    for url in (f"/api/preview?{query}", f"/handout.pdf?{query}"):
        response = client.get(url)
        assert response.status_code == 400, url
        body = html.unescape(response.get_data(as_text=True))
        assert said in body and "Traceback" not in body


def test_a_broken_brand_file_is_named_on_the_page_and_in_the_log(tmp_path: Path, caplog) -> None:
    (tmp_path / "broken.toml").write_text("[clinic]\nname = \n", encoding="utf-8")
    client = create_app(Setup(brands=tmp_path)).test_client()
    with caplog.at_level(logging.WARNING, logger="handouts.web"):
        response = client.get("/api/preview?brand=broken&topic=milia&section=overview")
    assert response.status_code == 422
    assert "broken.toml" in response.get_json()["error"]
    assert any("broken.toml" in r.getMessage() for r in caplog.records)
    assert not any(r.exc_info for r in caplog.records)


def test_brands_come_from_the_folder_by_name(tmp_path: Path) -> None:
    (tmp_path / "north.toml").write_text(UK.format(extra=""), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a brand")
    client = create_app(Setup(brands=tmp_path)).test_client()
    page = client.get("/").get_data(as_text=True)
    assert '<option value="north"' in page and "notes" not in page and "sample" not in page
    assert client.get("/api/preview?brand=north&topic=milia&section=overview").status_code == 200
    assert client.get("/api/preview?brand=sample&topic=milia&section=overview").status_code == 400


def test_an_unexpected_failure_is_a_message_and_one_log_line_without_a_traceback(client, monkeypatch, caplog) -> None:
    def boom(*args, **kwargs):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr("handouts.web.app.build", boom)
    with caplog.at_level(logging.ERROR, logger="handouts.web"):
        response = client.get("/handout.pdf?brand=sample&topic=milia&section=overview")
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    assert [r.getMessage() for r in caplog.records] == [
        "GET /handout.pdf: internal error: ZeroDivisionError: division by zero"]
    assert not any(r.exc_info for r in caplog.records)


def test_requests_are_bounded(client) -> None:
    assert client.post("/api/packs", data=b"x" * 100_000, content_type="application/json").status_code == 413
    assert client.get("/api/preview?topic=" + "m" * 5000).status_code == 414
    rows = [{"topic": "milia", "locale": "en", "copies": 1}] * (MAX_ROWS + 1)
    answer = client.post("/api/packs", json={"brand": "sample", "rows": rows})
    assert answer.status_code == 400 and f"at most {MAX_ROWS} rows" in answer.get_json()["error"]
    answer = client.post("/api/packs", json={"brand": "sample", "rows": [
        {"topic": "milia", "locale": "en", "copies": MAX_COPIES + 1}]})
    assert answer.status_code == 400 and f"from 1 to {MAX_COPIES}" in answer.get_json()["error"]
    answer = client.post("/api/packs", json={"brand": "sample", "rows": [
        {"topic": "milia", "locale": "en", "copies": MAX_COPIES}] * 6})
    assert answer.status_code == 400 and "printed handouts" in answer.get_json()["error"]


def test_another_site_cannot_reach_a_local_server_by_its_own_host_name(client) -> None:
    response = client.get("/", headers={"Host": "evil.example:8080"})
    assert response.status_code == 403
    assert client.get("/", headers={"Host": "localhost:8080"}).status_code == 200


def test_a_token_is_needed_once_then_kept_as_a_cookie() -> None:
    client = create_app(Setup(), token="a" * 20, local_only=False).test_client()
    refused = client.get("/")
    assert refused.status_code == 403 and "token" in refused.get_data(as_text=True)
    assert client.get("/?token=wrong").status_code == 403
    welcome = client.get("/?token=" + "a" * 20 + "&ui=es")
    assert welcome.status_code == 302 and welcome.headers["Location"] == "/?ui=es"
    assert "HttpOnly" in welcome.headers["Set-Cookie"] and "SameSite=Strict" in welcome.headers["Set-Cookie"]
    assert client.get("/?ui=es").status_code == 200


@pytest.mark.parametrize("args", [["--host", "0.0.0.0"], ["--host", "192.0.2.10"], ["--host", "::"],
                                  ["--host", "0.0.0.0", "--token", "short"]])
def test_a_non_local_bind_without_a_good_token_refuses_to_start(args: list[str]) -> None:
    result = CliRunner().invoke(main, ["serve", *args], env={"HANDOUTS_TOKEN": None})
    assert result.exit_code == 2, result.output
    assert "token" in result.output


def test_a_pack_reports_progress_and_is_the_batch_engine_s_duplex_pack(client) -> None:
    answer = client.post("/api/packs", json={"brand": "sample", "paper": "a4", "duplex": True, "rows": [
        {"topic": "milia", "locale": "es", "copies": 2}, {"topic": "heat-rash", "locale": "en", "copies": 1}]})
    assert answer.status_code == 202
    job = answer.get_json()
    assert job["total"] == 2 and job["state"] == "running"
    for _ in range(300):
        job = client.get(f"/api/packs/{job['id']}").get_json()
        if job["state"] != "running":
            break
        time.sleep(0.1)
    assert job["state"] == "done", job
    pdf = client.get(f"/api/packs/{job['id']}/ward-pack.pdf").data
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == job["pages"] == 6
    assert [item.title.split(" (")[0] for item in reader.outline] == ["milia", "heat-rash"]


def test_the_page_s_own_catalogs_are_complete_and_current() -> None:
    from babel.messages.pofile import read_po

    from handouts.i18n.checks import check_catalog
    from handouts.i18n.extract import extract_catalog
    root = Path(__file__).resolve().parents[1]  # the source checkout (the tests run from one)
    current = {m.id for m in extract_catalog(root, "babel-web.cfg", "web") if m.id}
    shipped = {m.id for m in read_po((root / "locales" / "web.pot").open("rb")) if m.id}
    assert shipped == current, "run 'handouts i18n extract' and 'handouts i18n update'"
    catalogs = sorted((root / "locales").glob("*/LC_MESSAGES/web.po"))
    assert [p.parent.parent.name for p in catalogs] == ["ar", "es"]
    for path in catalogs:
        catalog = read_po(path.open("rb"), locale=path.parent.parent.name)
        assert check_catalog(path, catalog) == []
        missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert missing == [] and {m.id for m in catalog if m.id} == current, path
        assert "Review-Status: draft" in (catalog.header_comment or ""), path


def test_the_page_s_words_never_enter_the_handouts_catalog() -> None:
    from handouts.resources import LOCALES_DIR

    pot = (LOCALES_DIR / "handouts.pot").read_text(encoding="utf-8")
    assert "handouts/web/" not in pot and "Make the pack" not in pot


def test_a_topic_the_clinic_must_approve_first_is_refused_as_the_cli_refuses(tmp_path: Path) -> None:
    (tmp_path / "strict.toml").write_text(UK.format(extra="\n[approval]\nrequired = true\n"), encoding="utf-8")
    client = create_app(Setup(brands=tmp_path)).test_client()
    answer = client.get("/api/preview?brand=strict&topic=heat-rash&section=overview")
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["pages"] == [] and "is not approved by the clinic" in body["error"]
    assert {"kind": "refused", "text": "Not approved by the clinic, and this clinic prints only approved handouts."} \
        in body["status"]
    download = client.get("/handout.pdf?brand=strict&topic=heat-rash&section=overview")
    assert download.status_code == 422 and download.mimetype == "text/html"
    pack = client.post("/api/packs", json={"brand": "strict", "rows": [{"topic": "heat-rash", "locale": "en",
                                                                       "copies": 1}]})
    assert pack.status_code == 422 and "is not approved by the clinic" in pack.get_json()["error"]
