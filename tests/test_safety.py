"""A handout safe to hand a parent: one sheet by default, red flags at the right level, a
route that works when the clinic is closed, phone numbers that never break."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from handouts.brandfile import load_brand
from handouts.build import Request, build, build_document
from handouts.i18n.catalogs import available_locales
from handouts.model import CareCard, ItemList, Paragraph, plain
from handouts.topics import topic_ids

from .support import all_text_poppler, body_text, reader, words

LONG = """
[clinic]
name = "Queen Elizabeth and Princess Alexandra Children's Hospital Neonatal Unit"
department = "Neonatal Outreach Team"
phone = "+44 20 7946 0991"
address = ["Ward 7B, North Wing, 1234 Long Road", "Greater Townsville, London W2 6XX"]
website = "https://www.qeh-neonatal.example.net/leaflets"
country = "GB"
urgent_line = "NHS 111"

[style]
logo = "logo.png"
primary = "#003087"
accent = "#41B6E6"
"""

US = """
[clinic]
name = "Lakeside Pediatrics"
phone = "(555) 010-4477"
address = ["200 Main Street", "Springfield, IL 62701"]
website = "https://lakeside.example"
country = "US"

[style]
primary = "#6A1B9A"
accent = "#FFEB3B"
"""


def brand(folder: Path, text: str):
    Image.new("RGB", (1600, 600), (0, 48, 135)).save(folder / "logo.png")
    path = folder / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    return load_brand(path)[0]


LOCALES = available_locales()


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("topic", topic_ids())
def test_default_handout_is_one_sheet_under_a_long_letterhead(tmp_path: Path, topic: str, locale: str,
                                                              paper: str) -> None:
    """A clinic with a long name, department and address: every topic still prints on one
    sheet (the sample clinic's case is ``handouts topic check``'s, in test_authoring)."""
    pdf = build(Request(topic, locale=locale, paper=paper, brand=brand(tmp_path, LONG))).pdf
    assert len(reader(pdf).pages) == 2, f"{topic} {locale} {paper}: the default handout is not one sheet"


def test_the_compact_layout_saves_a_sheet_and_keeps_every_word(tmp_path: Path) -> None:
    """Baby acne in Somali on Letter under a long letterhead spills onto a third page with the
    usual spacing; the compact layout keeps it on one sheet, with the same words."""
    from handouts.build import build_document
    from handouts.pdf.render import _layout

    document, _messages = build_document(Request("baby-acne", locale="so", paper="letter",
                                                 brand=brand(tmp_path, LONG)))
    spacious, pages = _layout(document, 1.0)
    assert pages == 3
    printed = build(Request("baby-acne", locale="so", paper="letter", brand=brand(tmp_path, LONG))).pdf
    assert len(reader(printed).pages) == 2
    assert words(body_text(printed)) == words(body_text(spacious))


def cards(request: Request) -> dict[str, CareCard]:
    document, _messages = build_document(request)
    found = [b for s in document.sections for b in s.blocks if isinstance(b, CareCard)]
    assert [c.level for c in found] == ["emergency", "urgent", "routine"]
    return {c.level: c for c in found}


def card_text(card: CareCard) -> str:
    parts = [plain(card.title)]
    for block in card.blocks:
        if isinstance(block, ItemList):
            parts.extend(plain(item) for item in block.items)
        elif isinstance(block, Paragraph):
            parts.append(plain(block.text))
    return " | ".join(parts)


def test_blisters_in_a_young_baby_are_an_emergency_with_the_cold_sore_question() -> None:
    emergency = card_text(cards(Request("milia"))["emergency"])
    assert "under 6 weeks old and has blisters" in emergency
    assert "cold sores" in emergency
    text = words(body_text(build(Request("milia", sections=("compare",))).pdf))
    assert "Blisters (small bubbles of fluid) in a baby under 6 weeks old" in text
    assert "call ______ now" in text
    assert "call the clinic the same day" not in text


def test_the_red_flags_a_parent_must_act_on_now(tmp_path: Path) -> None:
    emergency = card_text(cards(Request("milia", brand=brand(tmp_path, LONG)))["emergency"])
    assert emergency.startswith("Call 999 or go to an emergency department now")
    for sign in ("38\u00a0°C (100.4\u00a0°F) or higher", "below 36\u00a0°C (96.8\u00a0°F)", "grunting",
                 "pauses in their breathing", "pale, blue, grey or blotchy", "floppy", "very hard to wake",
                 "weak, high-pitched or constant cry", "fit", "does not fade under a glass"):
        assert sign in emergency, sign


@pytest.mark.parametrize("text, route", [
    (LONG, "If the clinic is closed, call NHS\u00a0111."),
    (LONG.replace('urgent_line = "NHS 111"\n', ""), "If the clinic is closed, call NHS\u00a0111."),
    (US, "If you cannot reach the clinic, go to an urgent care centre or an emergency department."),
    (None, "If you cannot reach the clinic, go to an urgent care centre or an emergency department."),
])
def test_every_urgent_row_has_a_route_that_works_when_the_clinic_is_closed(tmp_path: Path, text, route) -> None:
    chosen = brand(tmp_path, text) if text else None
    request = Request("milia", brand=chosen) if chosen else Request("milia")
    urgent = cards(request)["urgent"]
    closing = [b for b in urgent.blocks if isinstance(b, Paragraph)]
    assert closing and route in plain(closing[-1].text), card_text(urgent)
    printed = words(body_text(build(Request("milia", sections=("compare", "seek-advice"), brand=request.brand)).pdf))
    assert printed.count(route.replace("\u00a0", " ")) == 2, "the urgent card and the compare section's footnote"


@pytest.mark.parametrize("text, method", [(LONG, "under your baby's armpit"), (US, "in the bottom")])
def test_taking_a_temperature_follows_the_clinic_country(tmp_path: Path, text: str, method: str) -> None:
    printed = words(body_text(build(Request("milia", brand=brand(tmp_path, text))).pdf))
    assert "Taking your baby's temperature:" in printed
    assert method in printed
    other = "in the bottom" if method != "in the bottom" else "under your baby's armpit"
    assert other not in printed


def test_the_glass_test_states_its_limits_in_newborns() -> None:
    printed = words(body_text(build(Request("milia")).pdf))
    for limit in ("Spots may fade under the glass at first: keep checking, and look for new ones.",
                  "Do not wait for a rash if your baby seems very unwell.",
                  "Birthmarks and bruises from the birth do not fade under a glass either: that is normal.",
                  "also check the palms, soles, lips and tongue"):
        assert limit in printed, limit


def test_key_points_carry_the_safety_line_on_the_same_sheet_as_the_emergency_card(tmp_path: Path) -> None:
    pdf = build(Request("milia", brand=brand(tmp_path, LONG), paper="letter")).pdf
    pages = [words(page.extract_text()) for page in reader(pdf).pages]
    assert len(pages) == 2, "one sheet: front and back"
    assert "Key points" in pages[0] and "Call 999 now if your baby is floppy or hard to wake" in pages[0]
    assert any("Emergency: now" in page for page in pages)


def test_the_parent_gets_a_tool_to_fill_in() -> None:
    printed = words(body_text(build(Request("milia")).pdf))
    assert "My notes" in printed and "Spots first seen on:" in printed and "Questions for our next visit:" in printed


PHONES = {"+44 20 7946 0991": LONG, "(555) 010-4477": US}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("phone", sorted(PHONES))
def test_no_phone_number_is_split_across_lines(tmp_path: Path, locale: str, phone: str) -> None:
    pdf = build(Request("milia", locale=locale, sections=("all",), brand=brand(tmp_path, PHONES[phone]))).pdf
    lines = [re.sub(r"[\s\u00a0\u2066-\u2069]+", " ", line) for line in all_text_poppler(pdf).splitlines()]
    first = phone.split()[0]
    whole = sum(line.count(phone) for line in lines)
    starts = sum(line.count(first) for line in lines)
    assert whole >= 3, f"the phone number should print on every page and in the text ({whole} found)"
    assert whole == starts, f"{locale}: {starts - whole} line(s) hold only part of {phone!r}"


def test_wrong_or_too_absolute_claims_are_gone() -> None:
    printed = words(body_text(build(Request("milia", sections=("all",))).pdf))
    assert "Almost all babies have the first type" not in printed
    assert "will not need any tests" not in printed
    assert "put nothing on your baby's skin" not in printed.lower()
    assert "Tiny red or clear bumps" not in printed


# With a QR code as well as the long letterhead, one draft still needs a second sheet: the
# Somali nappy-rash handout on Letter, whose glass test is 5 mm too tall for page 2 even in
# the compact layout. Listed so that a new case fails here, and so does fixing this one.
OVER_ONE_SHEET_WITH_QR = [("nappy-rash", "so", "letter")]


def test_every_handout_fits_one_sheet_under_a_long_letterhead_with_a_qr_code(tmp_path: Path) -> None:
    online = LONG.replace("[style]", '[print]\nonline = "https://leaflets.qeh-neonatal.org.uk/"\n\n[style]')
    clinic = brand(tmp_path, online)
    over = [(topic, locale, paper) for topic in topic_ids() for locale in LOCALES for paper in ("a4", "letter")
            if len(reader(build(Request(topic, locale=locale, paper=paper, brand=clinic)).pdf).pages) > 2]
    assert over == OVER_ONE_SHEET_WITH_QR


def test_the_running_header_stays_on_one_line_above_its_rule(tmp_path: Path) -> None:
    """A long clinic name beside a long title would wrap into the story: the header then
    prints the title alone (the name heads page 1)."""
    from .support import FURNITURE_SIZE, _texts

    pdf = build(Request("erythema-toxicum", locale="pt", paper="letter", brand=brand(tmp_path, LONG))).pdf
    page = reader(pdf).pages[1]
    height = float(page.mediabox.height)
    header = [(round(y), text) for y, size, text in _texts(page) if size < FURNITURE_SIZE and y > height * 2 / 3]
    assert len({y for y, _text in header}) == 1, header
    assert "Erupção do recém-nascido (eritema tóxico)" in "".join(text for _y, text in header)


def test_a_long_clinic_name_does_not_give_the_page_number_a_footer_line_of_its_own(tmp_path: Path) -> None:
    """Name, phone and "Page X of Y" do not fit on one footer line for this clinic: the page
    number ends the leaflet line instead, so the footer takes three lines, not four (the QR
    code on the last page makes the footer narrower on every page)."""
    from .support import FURNITURE_SIZE, _texts

    online = LONG.replace("[style]", '[print]\nonline = "https://leaflets.qeh-neonatal.org.uk/"\n\n[style]')
    pdf = build(Request("milia", brand=brand(tmp_path, online))).pdf
    for number, page in enumerate(reader(pdf).pages, start=1):
        height = float(page.mediabox.height)
        lines: dict[int, str] = {}
        for y, size, text in _texts(page):
            if size < FURNITURE_SIZE and y < height / 3:
                lines[round(y)] = lines.get(round(y), "") + text
        footer = [words(lines[y]) for y in sorted(lines, reverse=True)]
        assert len(footer) == 3, footer
        assert footer[0].startswith("Leaflet PAED-SKIN-001") and footer[0].endswith(f"Page {number} of 2"), footer
        assert footer[1] == "Queen Elizabeth and Princess Alexandra Children's Hospital Neonatal Unit • " \
                            "Phone: +44 20 7946 0991", footer
        assert footer[2] == "Read this leaflet online: https://leaflets.qeh-neonatal.org.uk/en/milia.html", footer
