"""The HTML handouts and site in a real browser: Debian's Chromium, driven by Playwright,
checked by axe-core (from npm, installed by .ci/run into tests/browser/node_modules)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.build import Request, build_html
from handouts.cli import main

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    assert AXE.exists(), "axe-core is not installed: npm ci --prefix tests/browser (.ci/run does it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def violations(browser, path: Path) -> list[str]:
    page = browser.new_page()
    page.goto(path.as_uri())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES)
    page.close()
    assert result["passes"], "axe ran no checks"
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]]


@pytest.mark.parametrize("locale", ["en", "ar", "zh_Hans"])
def test_a_handout_page_has_no_accessibility_violations(browser, tmp_path: Path, locale: str) -> None:
    path = tmp_path / f"milia-{locale}.html"
    path.write_text(build_html(Request("milia", locale=locale, sections=("all",))).html, encoding="utf-8")
    assert violations(browser, path) == []


def test_the_site_index_pages_have_no_accessibility_violations(browser, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["site", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    for page in ("index.html", "en/index.html", "ar/index.html", "zh_Hans/index.html", "ar/cradle-cap.html"):
        assert violations(browser, tmp_path / "site" / page) == [], page


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_readable_at_400_percent_zoom_without_scrolling_sideways(browser, tmp_path: Path, locale: str) -> None:
    """WCAG 1.4.10 reflow: 1280 CSS pixels at 400% zoom is a 320-pixel-wide page."""
    path = tmp_path / "page.html"
    path.write_text(build_html(Request("milia", locale=locale, sections=("all",))).html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(path.as_uri())
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right))")
    page.screenshot(path=str(tmp_path / f"zoom-{locale}.png"), full_page=False)
    page.close()
    assert scroll <= client and widest <= client + 1, f"content {widest}px wide in a {client}px window"


def test_the_page_uses_its_inline_fonts(browser, tmp_path: Path) -> None:
    """The bundled fonts load from the page itself (no network, no system font stands in)."""
    path = tmp_path / "bn.html"
    path.write_text(build_html(Request("milia", locale="bn")).html, encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    loaded = page.evaluate("document.fonts.ready.then(() => [...document.fonts].filter(f => f.status == 'loaded')"
                           ".map(f => f.family))")
    page.close()
    assert any("bengali" in family for family in loaded) and any("latin" in family for family in loaded), loaded
