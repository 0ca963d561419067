"""Property-based tests of the parsers of outside input: brand files, manifests, catalogs and
section markup. Any input gives a result or the project's own documented error (a
HandoutsError with its exit code), never another exception.

Run at scale (a fuzz run) with:  HANDOUTS_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.batch import load_manifest
from handouts.brandfile import load_brand
from handouts.errors import HandoutsError
from handouts.i18n.catalogs import read_catalog
from handouts.i18n.checks import check_bytes, check_catalog
from handouts.markup import parse_section

EXAMPLES = int(os.environ.get("HANDOUTS_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces that real files are made of, so generated input reaches past the first syntax check.
BRAND_LINES = st.sampled_from([
    "[clinic]", "[style]", "[print]", "[approval]", "[approval.milia]", 'name = "Riverside"',
    'phone = "0161 496 0000"', 'address = ["1 Mill Lane", "Leeds"]', 'website = "https://a.nhs.uk"',
    'country = "GB"', 'country = "ZZ"', 'emergency_number = "999"', 'urgent_line = "NHS 111"',
    'primary = "#005EB8"', 'accent = "#FFB81C"', 'primary = "#fff"', 'logo = "logo.png"', 'logo = "/etc/passwd"',
    'paper = "letter"', 'temperature = "K"', 'footer_note = "x"', 'templates = ".."', 'locales = "x"',
    'online = "https://leaflets.nhs.uk/"', "required = true", 'code = "A"', "date = 2026-01-01", "phone = 5",
    'name = ""', "address = []", "[[clinic]]", "= =", '"\\u202e"', "name = '''a\nb'''",
])
MANIFEST_LINES = st.sampled_from([
    'pdf = "pack.pdf"', 'dir = "out"', "duplex = true", 'sections = ["all"]', 'paper = "a4"', "large_print = true",
    'pattern = "{topic}-{locale}.pdf"', 'pattern = "../x.pdf"', 'brand = "nope.toml"', "[[handout]]",
    'topic = "milia"', 'topics = ["milia", "cradle-cap"]', 'topics = []', 'locales = ["en", "es"]',
    'locales = ["xx"]', "copies = 3", "copies = 0", "copies = 1.5", 'sections = ["bogus"]', "allow_incomplete = 1",
    "[handout]", 'topic = 7',
])


def _lines(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(pieces, st.text(max_size=30)), max_size=14).map("\n".join)


@FUZZ
@given(_lines(BRAND_LINES))
def test_any_brand_file_gives_a_brand_or_a_handouts_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clinic.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_brand(path)
        except HandoutsError:
            pass


@FUZZ
@given(_lines(MANIFEST_LINES))
def test_any_manifest_gives_a_plan_or_a_handouts_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ward.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_manifest(path)
        except HandoutsError:
            pass


PO_PIECES = st.sampled_from([
    'msgid ""', 'msgstr ""', '"Language: es\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
    'msgid "Phone: %(phone)s"', 'msgstr "Tel: %(phone)s"', 'msgstr "Tel: %(phone)d"', 'msgstr "50% Tel"',
    'msgid "Do"', 'msgstr "<b>Haga</b>"', "#, fuzzy", '#| msgid "old"', 'msgid_plural "pages"', 'msgstr[0] ""',
    'msgstr[1] "x"', 'msgstr[5] "y"', 'msgctxt "c"', '"unclosed', "", "#. note", 'msgstr "\\n"',
])


@FUZZ
@given(st.one_of(_lines(PO_PIECES).map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)))
def test_any_catalog_gives_problems_or_a_handouts_error(data: bytes) -> None:
    """As a build reads a catalog: the syntax check, the parser, then every message check."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "handouts.po"
        path.write_bytes(data)
        try:
            assert isinstance(check_bytes(path, data), list)
            check_catalog(path, read_catalog(path, "es"))
        except HandoutsError:
            pass


MARKUP = st.sampled_from([
    "<title>T</title>", "<p>x</p>", "<p><b>bold</b> and</p>", "<ul><li>a</li></ul>", "<ol><li>1</li>", "<do><li>d</li></do>",
    "<dont><li>n</li></dont>", "<table><tr><th>h</th></tr><tr><td>c</td></tr></table>", '<tr level="urgent">',
    '<callout kind="info"><title>K</title><p>x</p></callout>', '<care level="emergency"><title>t</title>',
    "</care>", "<write><field lines=\"2\">F</field></write>", '<field lines="-1">', "<qa><q>q</q><a>a</a></qa>",
    '<figure src="x.png"><caption>c</caption></figure>', "<h>h</h>", "&amp;", "&bogus;", "<", ">", "<b>", "<!--",
    "<![CDATA[x]]>", '<p class="x">', "<script>", "\x00",
])


@FUZZ
@given(st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=12).map("".join))
def test_any_section_markup_gives_a_section_or_a_handouts_error(markup: str) -> None:
    try:
        parse_section("fuzz", markup, source="fuzz.j2")
    except HandoutsError:
        pass
