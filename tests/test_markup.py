"""The block markup parser: the vocabulary content authors use, and the errors they get."""
from __future__ import annotations

import re

import pytest

from handouts.errors import InputError
from handouts.markup import parse_section
from handouts.model import QA, Callout, Figure, Heading, ItemList, Paragraph, Span, Table


def parse(markup: str):
    return parse_section("s", markup, source="topic/s.j2")


def test_every_block_kind() -> None:
    section = parse(
        "<title>Title</title>\n<h>Sub</h>\n<p>Plain <b>bold</b> text</p>\n<ul><li>a</li></ul>\n"
        "<ol><li>one</li><li>two</li></ol>\n<do><li>yes</li></do>\n<dont><li>no</li></dont>\n"
        '<table><tr><th>A</th><th>B</th></tr><tr level="emergency"><td>x</td><td>y</td></tr></table>\n'
        '<callout kind="urgent"><title>Note</title><p>Careful</p></callout>\n<qa><q>Why?</q><a>Because.</a></qa>'
    )
    assert section.title == "Title"
    kinds = [type(b) for b in section.blocks]
    assert kinds == [Heading, Paragraph, ItemList, ItemList, ItemList, ItemList, Table, Callout, QA]
    assert section.blocks[1].text == (Span("Plain "), Span("bold", True), Span(" text"))
    assert [b.kind for b in section.blocks[2:6]] == ["bullet", "numbered", "do", "dont"]
    assert section.blocks[6].rows[0].level == "emergency"
    assert section.blocks[7].kind == "urgent"


def test_figure() -> None:
    section = parse('<title>T</title><figure src="face.png"><caption>Where they show up</caption></figure>')
    assert section.blocks == (Figure("face.png", (Span("Where they show up"),)),)


def test_escaped_text_stays_plain_text() -> None:
    section = parse("<title>T</title><p>A&amp;B &lt;Maternity&gt; &#34;Unit&#34;</p>")
    assert section.blocks[0].text == (Span('A&B <Maternity> "Unit"'),)


@pytest.mark.parametrize(("markup", "line", "message"), [
    ("<title>T</title>\n<p>ok</p>\n<blink>x</blink>", 3, "unknown block <blink>"),
    ("<title>T</title>\n<p>not closed", 2, "not well formed"),
    ("<p>no title</p>", 1, "must start with <title>"),
    ("<title>T</title>\nloose words\n<p>x</p>", 1, "text outside any block"),
    ("<title>T</title>\n<p>an <i>italic</i> word</p>", 2, "only inline tag is <b>"),
    ("<title>T</title>\n<ul>\n<li></li></ul>", 3, "<li> is empty"),
    ("<title>T</title>\n<table><tr><th>A</th></tr>\n<tr><td>1</td><td>2</td></tr></table>", 3, "header has 1"),
    ('<title>T</title>\n<table><tr><th>A</th></tr>\n<tr level="soon"><td>1</td></tr></table>', 3, "level='soon'"),
    ('<title>T</title>\n<callout kind="tip"><p>x</p></callout>', 2, "kind='tip'"),
    ('<title>T</title>\n<figure src="../secret.png"><caption>c</caption></figure>', 2, "no folder, '..' or URL"),
    ('<title>T</title>\n<figure src="https://x.org/a.png"><caption>c</caption></figure>', 2, "no folder"),
    ('<title>T</title>\n<figure src="face.svg"><caption>c</caption></figure>', 2, ".png or .jpg"),
    ('<title>T</title>\n<figure src="face.png"></figure>', 2, "exactly one <caption>"),
    ("<title>T</title>\n<qa><a>answer first</a><q>q</q></qa>", 2, "exactly one <q>"),
])
def test_errors_name_the_template_and_line(markup: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse(markup)
    assert str(info.value).startswith(f"topic/s.j2:{line}: ")
    assert message in str(info.value)


def test_layout_spaces_between_chinese_characters_are_dropped() -> None:
    section = parse("<title>T</title><p>请今天就联系诊所。 如果诊所已经关门，请拨打 NHS 111。</p>")
    assert section.blocks[0].text == (Span("请今天就联系诊所。如果诊所已经关门，请拨打 NHS 111。"),)


def test_care_card_write_in_and_steps_beside_a_figure() -> None:
    from handouts.model import CareCard, WriteIn

    section = parse(
        '<title>T</title><care level="emergency"><title>Call 999 now if your baby:</title>'
        "<ul><li>is floppy</li></ul><p>Tell the staff.</p></care>"
        '<write><title>My notes</title><field lines="1">Seen on:</field><field lines="2">Questions:</field></write>'
        '<figure src="wash.png"><caption>Wash gently.</caption><ol><li>Test the water.</li></ol></figure>'
    )
    card, notes, figure = section.blocks
    assert card == CareCard("emergency", (Span("Call 999 now if your baby:"),),
                            (ItemList("bullet", ((Span("is floppy"),),)), Paragraph((Span("Tell the staff."),))))
    assert notes == WriteIn((Span("My notes"),), (((Span("Seen on:"),), 1), ((Span("Questions:"),), 2)))
    assert figure.beside == (ItemList("numbered", ((Span("Test the water."),),)),)


@pytest.mark.parametrize("markup, message", [
    ('<care level="soon"><title>T</title><p>x</p></care>', "care level='soon' is not one of routine, urgent, emergency"),
    ('<care level="urgent"><p>x</p></care>', "a <care> card starts with a <title>"),
    ('<care level="urgent"><title>T</title></care>', "the care card lists no signs"),
    ('<care level="urgent"><title>T</title><table><tr><th>a</th></tr></table></care>', "may hold p or ul"),
    ('<write><title>T</title></write>', "<write> has no <field>"),
    ('<write><field lines="9">x</field></write>', "from 1 to 6"),
    ('<figure src="a.png"><p>x</p></figure>', "exactly one <caption>, first"),
    ('<figure src="a.png"><caption>c</caption><table><tr><th>a</th></tr></table></figure>', "beside a picture"),
])
def test_new_blocks_refuse_what_would_print_wrongly(markup: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse("<title>T</title>\n" + markup)


def test_no_break_spaces_are_text_not_layout() -> None:
    """A phone number arrives with no-break spaces so it never wraps: the parser keeps them."""
    section = parse("<title>T</title><p>Call  020\u00a07946\u00a00000\n now.</p>")
    assert section.blocks[0].text == (Span("Call 020\u00a07946\u00a00000 now."),)
