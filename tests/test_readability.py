"""Plain words: every section of every topic reads at US grade 6 or below (Flesch-Kincaid)."""
from __future__ import annotations

import pytest
import textstat

from handouts.build import Request, build_document
from handouts.model import QA, Callout, CareCard, Figure, Heading, ItemList, Paragraph, Table, WriteIn, plain
from handouts.topics import load_topic, topic_ids

MAX_GRADE = 6.0


def section_text(section) -> str:
    """The section as sentences: list items, cells and headings each end a sentence."""
    parts = [section.title]

    def add(block) -> None:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(plain(block.text))
        elif isinstance(block, ItemList):
            parts.extend(plain(item) for item in block.items)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                parts.extend(plain(cell) for cell in row.cells)
        elif isinstance(block, Callout):
            if block.title:
                parts.append(plain(block.title))
            for inner in block.blocks:
                add(inner)
        elif isinstance(block, QA):
            parts.extend([plain(block.question), plain(block.answer)])
        elif isinstance(block, CareCard):
            parts.append(plain(block.title))
            for inner in block.blocks:
                add(inner)
        elif isinstance(block, Figure):
            parts.append(plain(block.caption))
            for inner in block.beside:
                add(inner)
        elif isinstance(block, WriteIn):
            parts.extend(plain(label) for label, _lines in block.fields)

    for block in section.blocks:
        add(block)
    return " ".join(p if p.rstrip().endswith((".", "?", "!", ":")) else p + "." for p in parts)


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
