"""Plain words: every section of every topic reads at US grade 6 or below (Flesch-Kincaid)."""
from __future__ import annotations

import pytest
import textstat

from handouts.authoring.check import MAX_GRADE, section_text
from handouts.build import Request, build_document
from handouts.topics import load_topic, topic_ids

SECTIONS = [(topic, section) for topic in topic_ids() for section in load_topic(topic).sections]


@pytest.mark.parametrize(("topic", "section"), SECTIONS, ids=[f"{t}/{s}" for t, s in SECTIONS])
def test_section_reads_at_grade_6_or_below(topic: str, section: str) -> None:
    document, _ = build_document(Request(topic, sections=(section,)))
    text = section_text(document.sections[0])
    assert len(text.split()) > 40, "too little text to score"
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, f"{topic}/{section} reads at grade {grade}"


def test_the_scorer_flags_hard_text() -> None:
    """The measure itself can fail: dense clinical prose scores far above grade 6."""
    hard = ("Neonatal milia represent superficial keratinous inclusion cysts originating from "
            "pilosebaceous units, characteristically manifesting as discrete, monomorphic, "
            "pearly-white papules distributed predominantly across the nasal and malar regions.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE
