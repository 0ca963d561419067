"""The staff page end to end in a real browser: Debian's Chromium driven by Playwright
against a real ``handouts serve`` server (waitress, on a free local port)."""
from __future__ import annotations

import base64
import io
import threading

import pytest
from PIL import Image
from pypdf import PdfReader

from handouts.batch.plan import padded
from handouts.build import Request, build
from handouts.web.choices import Setup
from handouts.web.serve import make_server

from .support import words
from .test_browser import AXE, RULES, browser  # noqa: F401  (the shared browser fixture)


@pytest.fixture(scope="module")
def server():
    running = make_server(Setup(), "127.0.0.1", 0, None)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{running.effective_port}/"
    running.close()


@pytest.fixture
def page(browser, server):  # noqa: F811
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(server)
    opened.wait_for_selector("#preview img")
    yield opened
    context.close()
    assert errors == [], errors


def pdf_text(pdf: bytes) -> str:
    return words("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def wait_for_preview(page, direction: str) -> list[str]:
    page.wait_for_function(
        "dir => document.querySelector('#preview').dir === dir && document.querySelectorAll('#preview img').length"
        " && document.querySelector('#preview').getAttribute('aria-busy') === 'false'", arg=direction)
    return page.eval_on_selector_all("#preview img", "images => images.map(i => i.src)")


def test_spanish_without_a_section_downloads_as_chosen(page) -> None:
    page.select_option("#topic", "milia")
    page.select_option("#locale", "es")
    page.wait_for_selector("#section-list label:has-text('Cómo cuidar la piel de su bebé')")
    page.uncheck("#section-list input[value=home-care]")
    wait_for_preview(page, "ltr")
    with page.expect_download() as download:
        page.click("#download-pdf")
    assert download.value.suggested_filename == "milia-es.pdf"
    text = pdf_text(download.value.path().read_bytes())
    assert "¿Qué son los milia?" in text and "Cuándo pedir ayuda" in text
    assert "Cómo cuidar la piel de su bebé" not in text and "Caring for" not in text


def ink_starts(data_url: str) -> float:
    """Where the ink of each text line starts, on average, across the body of a page (as a
    fraction of the page's width): left-aligned text starts at the left margin."""
    image = Image.open(io.BytesIO(base64.b64decode(data_url.split(",", 1)[1]))).convert("L")
    width, height = image.size
    starts = []
    for y in range(int(height * 0.3), int(height * 0.85)):
        row = [x for x in range(width) if image.getpixel((x, y)) < 110]
        if row:
            starts.append(row[0] / width)
    return sum(starts) / len(starts)


def test_an_arabic_preview_shows_right_to_left_pages(page) -> None:
    page.select_option("#topic", "cradle-cap")
    page.wait_for_selector("#section-list label:has-text('What is cradle cap?')")
    english = wait_for_preview(page, "ltr")
    page.select_option("#locale", "ar")
    arabic = wait_for_preview(page, "rtl")
    assert page.locator("#section-list").inner_text().strip().startswith("ما هي قشرة الرأس")
    # Right-to-left lines end flush at the right margin, so their starts move right.
    assert ink_starts(arabic[0]) > ink_starts(english[0]) + 0.05


def test_a_late_answer_for_an_earlier_choice_does_not_undo_a_later_one(page) -> None:
    """Staff change the topic and then, before the page has caught up, the language: the
    answer for the first change arrives last and must not put English sections back."""
    held = []

    def hold_english(route) -> None:
        if "locale=en" in route.request.url:
            held.append(route)
        else:
            route.continue_()

    page.route("**/api/choices?*", hold_english)
    page.select_option("#topic", "cradle-cap")
    page.select_option("#locale", "ar")
    wait_for_preview(page, "rtl")
    assert len(held) == 1
    with page.expect_response(lambda response: "locale=en" in response.url):
        held[0].continue_()
    page.wait_for_timeout(300)  # time for the page to act on the late answer, if it would
    wait_for_preview(page, "rtl")
    assert page.locator("#section-list").inner_text().strip().startswith("ما هي قشرة الرأس")


def test_a_pack_of_two_topics_in_two_languages_three_copies_each(page) -> None:
    rows = [("milia", "en"), ("milia", "ar"), ("nappy-rash", "en"), ("nappy-rash", "ar")]
    for number, (topic, locale) in enumerate(rows):
        if number:
            page.click("#add-row")
        page.locator(".pack-topic").nth(number).select_option(topic)
        page.locator(".pack-locale").nth(number).select_option(locale)
        page.locator(".pack-copies").nth(number).fill("3")
    page.click("#make-pack")
    page.wait_for_selector("#pack-download:not([hidden])", timeout=60_000)
    with page.expect_download() as download:
        page.click("#pack-download")
    pack = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    # The duplex rule: each copy takes its pages, plus a blank back when that count is odd.
    expected = sum(3 * padded(len(PdfReader(io.BytesIO(build(Request(t, locale=loc)).pdf)).pages), True)
                   for t, loc in rows)
    assert len(pack.pages) == expected
    assert page.locator("#pack-status").inner_text().endswith(f"{expected} pages.")


@pytest.mark.parametrize("ui", ["en", "es", "ar"])
def test_the_page_has_no_accessibility_violations(browser, server, ui: str) -> None:  # noqa: F811
    context = browser.new_context(bypass_csp=True)  # the page's policy would stop axe's injected script
    opened = context.new_page()
    opened.goto(f"{server}?ui={ui}")
    opened.wait_for_selector("#preview img")
    opened.add_script_tag(path=str(AXE))
    result = opened.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES)
    context.close()
    assert result["passes"], "axe ran no checks"
    assert [f"{v['id']}: {v['help']} {v['nodes'][0]['target']}" for v in result["violations"]] == []
