"""The handout's words, as extracted from the PDF, match the reviewed golden text per section.

After an intended content change, regenerate with:  python -m pytest tests/test_golden.py --update-goldens
"""
from __future__ import annotations

import re

import pytest

from handouts.build import Request, build, section_titles
from handouts.fontfiles import SHAPED, script_family
from handouts.i18n.catalogs import available_locales
from handouts.topics import load_topic

from .support import (
    body_text,
    body_text_poppler,
    format_golden,
    golden_path,
    split_sections,
    words,
)

CASES = {
    "milia-en-default": Request("milia"),
    "milia-en-all": Request("milia", sections=("all",)),
    "milia-es-default": Request("milia", locale="es"),
    "milia-zh_Hans-default": Request("milia", locale="zh_Hans"),
    "milia-ar-default": Request("milia", locale="ar"),
    # The languages added with the newborn-skin library. Bengali and Punjabi are shaped by HarfBuzz, so their
    # text extracts with private-use characters where letters join (ReportLab numbers them in
    # the order a process first meets them, so they differ from run to run) and section titles
    # cannot be found in it: its golden is the whole body as copy-and-paste gives it, less those
    # private-use characters (all.txt).
    **{f"milia-{locale}-default": Request("milia", locale=locale)
       for locale in ("vi", "pl", "ro", "pt", "ur", "bn", "pa", "so") if locale in available_locales()},
    # The topics added with the library, in English.
    **{f"{topic}-en-default": Request(topic)
       for topic in ("baby-acne", "erythema-toxicum", "heat-rash", "nappy-rash", "cradle-cap")},
    "cradle-cap-es-default": Request("cradle-cap", locale="es"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_section_text_matches_golden(case: str, update_goldens: bool) -> None:
    request = CASES[case]
    handout = build(request)
    topic = load_topic(request.topic)
    printed = [s.id for s in handout.document.sections]
    titles = [(sid, title) for sid, title in section_titles(topic, request.locale) if sid in printed]
    extract = body_text_poppler if handout.document.direction == "rtl" else body_text
    if script_family(request.locale) in SHAPED:
        sections, printed = {"all": re.sub("[\ue000-\uf8ff]", "", words(extract(handout.pdf)))}, ["all"]
    else:
        sections = split_sections(extract(handout.pdf), titles)
    assert list(sections) == printed
    for section_id, text in sections.items():
        path = golden_path(case, section_id)
        if update_goldens:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(format_golden(text), encoding="utf-8")
            continue
        assert path.exists(), f"no golden text {path}; run pytest --update-goldens and review it"
        assert words(text) == words(path.read_text(encoding="utf-8")), f"section {section_id} differs from {path}"
    if not update_goldens:
        expected = {p.stem for p in golden_path(case, "x").parent.glob("*.txt")}
        assert expected == set(printed), "golden folder holds sections this handout does not print"


def test_default_handout_prints_exactly_the_default_sections() -> None:
    text = words(body_text(build(Request("milia")).pdf))
    for title in ("What are milia?", "Caring for your baby's skin", "When to get help"):
        assert title in text
    for title in ("Types of milia", "What causes milia", "Milia or something else?", "Questions parents often ask"):
        assert title not in text
