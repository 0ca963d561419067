"""The accessible electronic format: one self-contained HTML page per handout, the site of
every topic in every language, and the QR code that leads from paper to the page."""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.build import Request, build, build_html
from handouts.cli import main
from handouts.i18n.catalogs import available_locales

from .support import CLINIC, golden_path, words

ONLINE_BRAND = CLINIC + '\n[print]\nonline = "https://riverside.leaflets.nhs.uk/born"\n'


class Page(HTMLParser):
    """What a screen reader and a checker see of a page: elements, attributes, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self.text_parts: list[str] = []
        self._heading: tuple[str, list[str]] | None = None
        self._skip = 0
        self.feed(html)

    BLOCKS = frozenset("p li ul ol h1 h2 h3 h4 td th tr div section figcaption figure header footer main nav".split())

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in self.BLOCKS:
            self.text_parts.append(" ")
        if tag in ("style", "script"):
            self._skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (tag, [])

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.text_parts.append(" ")
        if tag in ("style", "script"):
            self._skip -= 1
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, " ".join("".join(self._heading[1]).split())))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text_parts.append(data)
        if self._heading:
            self._heading[1].append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]


@pytest.fixture(scope="module")
def english() -> tuple[str, Page]:
    html = build_html(Request("milia", sections=("all",))).html
    return html, Page(html)


def test_the_page_has_language_direction_and_a_real_heading_outline(english) -> None:
    html, page = english
    assert page.all("html")[0]["lang"] == "en" and page.all("html")[0]["dir"] == "ltr"
    levels = [tag for tag, _ in page.headings]
    assert levels.count("h1") == 1 and levels[0] == "h1"
    assert [text for tag, text in page.headings if tag == "h2"] == [
        "What are milia?", "Types of milia", "What causes milia", "Milia or something else?",
        "Caring for your baby's skin", "Does my baby need treatment?", "When to get help", "Questions parents often ask"]
    for before, after in zip(levels, levels[1:]):
        assert int(after[1]) <= int(before[1]) + 1, f"heading level skipped: {before} then {after}"


def test_tables_have_header_cells_with_scope_and_urgency_in_words(english) -> None:
    _html, page = english
    headers = page.all("th")
    assert headers and all(th.get("scope") in ("col", "row") for th in headers)
    for level in ("Emergency: now", "Urgent: today", "Not urgent"):
        assert level in page.text, f"urgency level {level!r} is not written out"


def test_pictures_carry_their_caption_as_text_alternative(english) -> None:
    _html, page = english
    images = [img for img in page.all("img")]
    assert len(images) >= 3
    for img in images:
        assert img.get("alt") and img["alt"] in page.text, img.get("alt")
        assert img["src"].startswith("data:image/"), "pictures are inline"


def test_the_page_is_self_contained(english) -> None:
    html, page = english
    assert not page.all("link") and not page.all("script") and "@import" not in html
    sources = [a.get("src") or "" for _tag, a in page.elements if "src" in a]
    assert all(s.startswith("data:") for s in sources)
    assert re.findall(r"url\((?!data:)", html) == [], "every font and picture is inline"
    assert html.count("@font-face") >= 2 and "font/woff" in html
    assert "@media print" in html


def test_the_page_says_what_the_paper_says(english) -> None:
    """Every line of the golden text of the printed default handout is on the page, and the
    review line and the draft notice with it."""
    _html, page = english

    def plain(text: str) -> str:  # list bullets and numbers are drawn on paper, list markup here
        return " ".join(re.sub(r"(?<!\S)\d+\.(?=\s)", " ", words(text).replace("\u2022", " ")).split())

    text = plain(page.text)
    for section in ("overview", "home-care", "seek-advice"):
        golden = golden_path("milia-en-default", section).read_text(encoding="utf-8")
        for line in golden.splitlines():
            if line.strip():
                assert plain(line) in text, f"{section}: {line!r} is not on the page"
    assert "Draft: not yet checked by a clinician" in text


@pytest.mark.parametrize(("locale", "lang", "direction"), [("ar", "ar", "rtl"), ("zh_Hans", "zh-Hans", "ltr"),
                                                            ("ur", "ur", "rtl"), ("bn", "bn", "ltr")])
def test_each_language_sets_its_own_lang_and_direction(locale: str, lang: str, direction: str) -> None:
    page = Page(build_html(Request("milia", locale=locale)).html)
    assert page.all("html")[0]["lang"] == lang and page.all("html")[0]["dir"] == direction


def test_build_writes_html_with_format_html(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "milia", "-l", "es", "--format", "html", "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 0, result.output
    page = Page((tmp_path / "m.html").read_text(encoding="utf-8"))
    assert page.all("html")[0]["lang"] == "es" and "¿Qué son los milia?" in page.text


# -- the site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(main, ["site", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_site_holds_every_topic_in_every_language_with_working_links(site: Path) -> None:
    topics = sorted(p.stem for p in (site / "en").glob("*.html") if p.stem != "index")
    assert len(topics) == 6
    for locale in available_locales():
        for topic in topics:
            assert (site / locale / f"{topic}.html").is_file(), f"{locale}/{topic} missing"
    pages = list(site.rglob("*.html"))
    for path in pages:
        for attrs in Page(path.read_text(encoding="utf-8")).all("a"):
            href = attrs.get("href") or ""
            if href.startswith(("https:", "mailto:")):
                continue
            assert (path.parent / href).resolve().is_file(), f"{path.relative_to(site)}: broken link {href}"


def test_each_language_index_switches_language_by_native_name(site: Path) -> None:
    page = Page((site / "es" / "index.html").read_text(encoding="utf-8"))
    links = {a.get("hreflang"): a.get("href") for a in page.all("a") if a.get("hreflang")}
    assert links["ar"] == "../ar/index.html" and links["zh-Hans"] == "../zh_Hans/index.html"
    assert "العربية" in page.text and "中文" in page.text and page.all("html")[0]["lang"] == "es"


# -- QR code ----------------------------------------------------------------------


def test_the_qr_code_leads_to_the_printed_address(tmp_path: Path) -> None:
    brand = tmp_path / "clinic.toml"
    brand.write_text(ONLINE_BRAND, encoding="utf-8")
    out = tmp_path / "milia-es.pdf"
    result = CliRunner().invoke(main, ["build", "milia", "-l", "es", "--brand", str(brand), "-o", str(out)])
    assert result.exit_code == 0, result.output
    url = "https://riverside.leaflets.nhs.uk/born/es/milia.html"
    printed = subprocess.run(["pdftotext", "-l", "2", "-f", "2", str(out), "-"], capture_output=True, text=True).stdout
    assert url in printed
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "2", "-l", "2", str(out), str(tmp_path / "page")], check=True)
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(next(tmp_path.glob("page*.png")))], capture_output=True,
                             text=True)
    assert decoded.stdout.strip() == url


def test_no_qr_code_without_an_address(tmp_path: Path) -> None:
    pdf = build(Request("milia")).pdf
    (tmp_path / "m.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "m.pdf"), str(tmp_path / "page")], check=True)
    for png in tmp_path.glob("page*.png"):
        decoded = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
        assert decoded.returncode == 4 and not decoded.stdout, "zbarimg exits 4 when it finds no code"


@pytest.mark.parametrize(("value", "expected"), [
    ("http://riverside.leaflets.nhs.uk/", "is not a web address starting with https://"),
    ("leaflets.riverside.nhs.uk", "is not a web address starting with https://"),
    ("https://example.org/leaflets/", "made-up example address"),
])
def test_a_site_address_that_would_mislead_is_refused(tmp_path: Path, value: str, expected: str) -> None:
    brand = tmp_path / "clinic.toml"
    brand.write_text(ONLINE_BRAND.replace("https://riverside.leaflets.nhs.uk/born", value), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(brand), "-o", str(tmp_path / "m.pdf")])
    line = ONLINE_BRAND.splitlines().index(next(x for x in ONLINE_BRAND.splitlines() if x.startswith("online"))) + 1
    assert result.exit_code == 3 and f"{brand}:{line}: print.online:" in result.output and expected in result.output
    assert not (tmp_path / "m.pdf").exists()


def test_numbers_in_a_right_to_left_page_keep_their_order() -> None:
    """The browser's bidi algorithm turned "38 °C (100.4 °F)" into "C (100.4 °F) 38°" in an
    Arabic page: runs of digits and Latin text are isolated (bdi), as on paper."""
    html = build_html(Request("milia", locale="ar")).html
    isolated = [m.replace("\u00a0", " ") for m in re.findall(r'<bdi dir="ltr">([^<]*)</bdi>', html)]
    assert "38 °C (100.4 °F)" in isolated
    assert '<bdi' not in build_html(Request("milia", locale="es")).html
