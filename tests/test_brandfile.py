"""Brand files: reading, every validation case, country defaults, the report, the starter."""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image

from handouts import brand_examples
from handouts.brand_examples import example_values, starter_examples
from handouts.brand_report import describe
from handouts.brand_starter import STARTER, write_starter
from handouts.brandfile import SCHEMA, load_brand
from handouts.errors import EXIT_INPUT, EXIT_OUTPUT, InputError, OutputError

VALID = """\
[clinic]
name = "  Riverside Birth Centre  "
department = "Postnatal ward"
phone = "0161 496 0000"
address = ["12 Mill Lane", "Riverside RV1 2AB"]
website = "https://riverside-births.example/leaflets"
email = "postnatal@riverside-births.example"
country = "GB"
urgent_line = "NHS 111"

[style]
primary = "#005EB8"
accent = "#FFB81C"

[print]
footer_note = "Leaflets are reviewed every two years."
"""


def write(tmp_path: Path, text: str, name: str = "clinic.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str = VALID) -> str:
    """``VALID`` with one exact piece replaced; fails loudly if the piece is not there."""
    assert old in text, f"{old!r} is not in the base file"
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def problems(path: Path, *, strict: bool = False) -> str:
    with pytest.raises(InputError) as caught:
        load_brand(path, strict=strict)
    assert caught.value.exit_code == EXIT_INPUT
    return str(caught.value)


def refused(tmp_path: Path, text: str, key: str | None, needle: str | None, *expected: str) -> str:
    """Load ``text``; assert it fails with a problem at the line holding ``needle`` for ``key``
    whose message contains each of ``expected``. Returns the whole message."""
    path = write(tmp_path, text)
    message = problems(path)
    where = str(path)
    if needle is not None:
        where += f":{line_of(text, needle)}"
    if key is not None:
        where += f": {key}"
    matching = [line for line in message.splitlines() if where + ":" in line or where + " " in line]
    assert matching, f"no problem at {where!r} in:\n{message}"
    for part in expected:
        assert any(part in line for line in matching), f"{part!r} not said at {where}:\n{message}"
    return message


# -- a valid file ------------------------------------------------------------------


def test_valid_file_gives_a_brand_with_every_value(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    brand, warnings = load_brand(path)
    assert warnings == []
    assert brand.name == "Riverside Birth Centre"  # surrounding space stripped
    assert brand.department == "Postnatal ward"
    assert brand.phone == "0161 496 0000"
    assert brand.address == ("12 Mill Lane", "Riverside RV1 2AB")
    assert brand.website == "https://riverside-births.example/leaflets"
    assert brand.email == "postnatal@riverside-births.example"
    assert brand.country == "GB"
    assert brand.urgent_line == "NHS 111"
    assert (brand.primary, brand.accent) == ("#005EB8", "#FFB81C")
    assert brand.footer_note == "Leaflets are reviewed every two years."
    assert brand.logo is None and brand.templates is None
    assert brand.source == path and brand.placeholder is False


def test_text_is_kept_plain_not_escaped(tmp_path: Path) -> None:
    brand, _ = load_brand(write(tmp_path, edited('"  Riverside Birth Centre  "', '"A&E <Children>"')))
    assert brand.name == "A&E <Children>"


def test_colours_and_choices_are_normalised(tmp_path: Path) -> None:
    text = edited('"#005EB8"', '"#005eb8"') + 'paper = "A4"\ntemperature = "c"\n'
    brand, _ = load_brand(write(tmp_path, text))
    assert (brand.primary, brand.paper, brand.temperature) == ("#005EB8", "a4", "C")


# -- country defaults ------------------------------------------------------------------


def test_us_clinic_defaults_to_letter_fahrenheit_911(tmp_path: Path) -> None:
    brand, _ = load_brand(write(tmp_path, edited('country = "GB"', 'country = "US"')))
    assert (brand.paper, brand.temperature, brand.emergency_number) == ("letter", "F", "911")


def test_gb_clinic_defaults_to_a4_celsius_999(tmp_path: Path) -> None:
    brand, _ = load_brand(write(tmp_path, VALID))
    assert (brand.paper, brand.temperature, brand.emergency_number) == ("a4", "C", "999")


def test_explicit_values_override_the_country(tmp_path: Path) -> None:
    text = edited('country = "US"', 'country = "US"\nemergency_number = "112"',
                  edited('country = "GB"', 'country = "US"')) + 'paper = "a4"\ntemperature = "C"\n'
    brand, _ = load_brand(write(tmp_path, text))
    assert (brand.paper, brand.temperature, brand.emergency_number) == ("a4", "C", "112")


def test_lower_case_country_code_is_accepted(tmp_path: Path) -> None:
    brand, _ = load_brand(write(tmp_path, edited('country = "GB"', 'country = "de"')))
    assert (brand.country, brand.emergency_number) == ("DE", "112")


def test_country_without_default_needs_an_emergency_number(tmp_path: Path) -> None:
    text = edited('country = "GB"', 'country = "AQ"')
    refused(tmp_path, text, "clinic.emergency_number", 'country = "AQ"', "no default emergency number", "AQ")
    brand, _ = load_brand(write(tmp_path, edited('country = "AQ"', 'country = "AQ"\nemergency_number = "911"', text)))
    assert brand.emergency_number == "911"


# -- encoding and syntax ------------------------------------------------------------------


def test_bom_is_named(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    message = problems(path)
    assert f"{path}:1: " in message and "byte-order mark (BOM)" in message


def test_bom_is_reported_with_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(b"\xef\xbb\xbf" + edited('"#FFB81C"', '"#fff"').encode("utf-8"))
    message = problems(path)
    assert "BOM" in message and "style.accent" in message


def test_non_utf8_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    data = edited("Postnatal ward", "Caf\xe9 ward").encode("latin-1")
    path.write_bytes(data)
    message = problems(path)
    offset = data.index(b"\xe9")
    assert f"{path}:3: " in message
    assert "0xE9" in message and f"offset {offset}" in message and "UTF-8" in message


def test_utf16_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(VALID.encode("utf-16"))
    assert "UTF-16" in problems(path)


def test_toml_syntax_error_names_the_line_and_hints_at_quotes(tmp_path: Path) -> None:
    text = edited('primary = "#005EB8"', "primary = #005EB8")
    refused(tmp_path, text, "style.primary", "primary = #005EB8", "TOML syntax error", "double quotes")


def test_toml_syntax_error_at_end_of_file(tmp_path: Path) -> None:
    text = VALID + 'templates = ["unfinished",\n'
    path = write(tmp_path, text)
    assert f"{path}:{text.count(chr(10)) + 1}: " in problems(path)


def test_duplicate_key(tmp_path: Path) -> None:
    text = edited('phone = "0161 496 0000"', 'phone = "0161 496 0000"\nphone = "0161 496 0001"')
    refused(tmp_path, text, "clinic.phone", "0001", "duplicate key", f"first on line {line_of(text, '0000')}")


def test_duplicate_table(tmp_path: Path) -> None:
    text = VALID + '\n[style]\nlogo = "logo.png"\n'
    path = write(tmp_path, text)
    message = problems(path)
    assert f"{path}:{text.splitlines().index('[style]', 12) + 1}: style: duplicate table [style]" in message


# -- shape -------------------------------------------------------------------------------


def test_unknown_table(tmp_path: Path) -> None:
    refused(tmp_path, VALID + "\n[colours]\nprimary = \"#000000\"\n", "colours", "[colours]", "unknown table")


def test_unknown_table_close_to_a_known_one(tmp_path: Path) -> None:
    refused(tmp_path, VALID + "\n[styles]\n", "styles", "[styles]", "did you mean [style]?")


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    text = edited('phone = "0161 496 0000"', 'phone = "0161 496 0000"\nphonne = "1"')
    refused(tmp_path, text, "clinic.phonne", "phonne", "unknown key", "did you mean 'clinic.phone'?")


def test_key_in_the_wrong_table_says_where_it_belongs(tmp_path: Path) -> None:
    text = edited('urgent_line = "NHS 111"', 'urgent_line = "NHS 111"\nlogo = "logo.png"')
    refused(tmp_path, text, "clinic.logo", 'logo = "logo.png"', "unknown key", "belongs under [style]")


def test_missing_required_key_points_at_its_table(tmp_path: Path) -> None:
    text = edited('website = "https://riverside-births.example/leaflets"\n', "")
    refused(tmp_path, text, "clinic.website", "[clinic]", "missing required key")


def test_missing_table(tmp_path: Path) -> None:
    text = edited('[style]\nprimary = "#005EB8"\naccent = "#FFB81C"\n', "")
    message = refused(tmp_path, text, "style", None, "missing table [style]")
    assert "primary" in message and "accent" in message


def test_table_given_as_a_value(tmp_path: Path) -> None:
    text = 'print = "a4"\n' + VALID.split("\n[print]")[0] + "\n"
    refused(tmp_path, text, "print", 'print = "a4"', "expected a [print] table, got text")


# -- types and empty values ---------------------------------------------------------------


def test_address_given_as_text(tmp_path: Path) -> None:
    text = edited('["12 Mill Lane", "Riverside RV1 2AB"]', '"12 Mill Lane, London"')
    refused(tmp_path, text, "clinic.address", "address =", "expected a list of address lines, got text")


def test_address_empty_list(tmp_path: Path) -> None:
    text = edited('["12 Mill Lane", "Riverside RV1 2AB"]', "[]")
    refused(tmp_path, text, "clinic.address", "address =", "got an empty list")


def test_address_with_an_empty_line_and_a_number(tmp_path: Path) -> None:
    text = edited('["12 Mill Lane", "Riverside RV1 2AB"]', '["12 Mill Lane", "  ", 42]')
    refused(tmp_path, text, "clinic.address", "address =", "address line 2 is empty", "address line 3 is a number")


def test_address_over_several_lines_points_at_the_key(tmp_path: Path) -> None:
    text = edited('["12 Mill Lane", "Riverside RV1 2AB"]', '[\n  "12 Mill Lane",\n  "",\n]')
    refused(tmp_path, text, "clinic.address", "address =", "address line 2 is empty")


def test_name_given_as_a_number(tmp_path: Path) -> None:
    text = edited('"  Riverside Birth Centre  "', "42")
    refused(tmp_path, text, "clinic.name", "name = 42", "expected text in double quotes, got a number",
            'write name = "42"')


def test_phone_given_as_a_number(tmp_path: Path) -> None:
    refused(tmp_path, edited('"0161 496 0000"', "1614960000"), "clinic.phone", "phone =", "got a number")


def test_department_given_as_a_list(tmp_path: Path) -> None:
    refused(tmp_path, edited('"Postnatal ward"', '["Postnatal ward"]'), "clinic.department", "department =",
            "got a list")


def test_empty_required_text(tmp_path: Path) -> None:
    refused(tmp_path, edited('"  Riverside Birth Centre  "', '"   "'), "clinic.name", "name =", "is empty")


def test_empty_optional_text_is_refused_too(tmp_path: Path) -> None:
    refused(tmp_path, edited('"Postnatal ward"', '""'), "clinic.department", "department =",
            "is empty", "delete the line")


def test_text_over_several_lines_is_refused(tmp_path: Path) -> None:
    text = edited('"  Riverside Birth Centre  "', '"""Riverside\nBirth Centre"""')
    refused(tmp_path, text, "clinic.name", "name =", "single line")


def test_line_numbers_skip_multiline_strings(tmp_path: Path) -> None:
    # A line inside a multi-line string that looks like the key must not be taken for it.
    real = 'paper = "A5"'
    text = edited('footer_note = "Leaflets are reviewed every two years."',
                  f'footer_note = """\n{real}\n"""\n{real}')
    path = write(tmp_path, text)
    lines = text.splitlines()
    assert lines.count(real) == 2
    real_line = len(lines) - lines[::-1].index(real)
    assert f"{path}:{real_line}: print.paper: 'A5' is not one of" in problems(path)


# -- values -------------------------------------------------------------------------------


@pytest.mark.parametrize(("colour", "reason"), [
    ('"#fff"', "six digits"),
    ('"#005EB880"', "transparency"),
    ('"blue"', "colour names are not accepted"),
    ('"005EB8"', "leading '#'"),
])
def test_bad_primary_colour(tmp_path: Path, colour: str, reason: str) -> None:
    refused(tmp_path, edited('"#005EB8"', colour), "style.primary", "primary =", reason)


def test_bad_accent_colour(tmp_path: Path) -> None:
    refused(tmp_path, edited('"#FFB81C"', '"orange"'), "style.accent", "accent =", "not a hex colour")


def test_uk_is_not_a_country_code_but_suggests_gb(tmp_path: Path) -> None:
    refused(tmp_path, edited('"GB"', '"UK"'), "clinic.country", "country =", "not an ISO 3166", "did you mean 'GB'")


def test_country_name_suggests_its_code(tmp_path: Path) -> None:
    refused(tmp_path, edited('"GB"', '"Germany"'), "clinic.country", "country =", "did you mean 'DE'")


@pytest.mark.parametrize("code", ['"XX"', '"EU"', '"GBR1"', '"001"'])
def test_codes_that_are_not_countries(tmp_path: Path, code: str) -> None:
    refused(tmp_path, edited('"GB"', code), "clinic.country", "country =", "not an ISO 3166 two-letter country code")


@pytest.mark.parametrize(("number", "shown"), [
    ('"99 9"', "'99 9'"),
    ('"nine"', "'nine'"),
    ('"9"', "'9'"),
    ('"1234567"', "'1234567'"),
    ('"+999"', "'+999'"),
])
def test_emergency_number_must_be_short_digits(tmp_path: Path, number: str, shown: str) -> None:
    text = edited('country = "GB"', f"country = \"GB\"\nemergency_number = {number}")
    refused(tmp_path, text, "clinic.emergency_number", "emergency_number =", shown, "2 to 6 digits")


def test_emergency_number_given_as_a_number(tmp_path: Path) -> None:
    text = edited('country = "GB"', "country = \"GB\"\nemergency_number = 999")
    refused(tmp_path, text, "clinic.emergency_number", "emergency_number =", 'write emergency_number = "999"')


@pytest.mark.parametrize(("phone", "reason"), [
    ('"0161 496 0000 ext 5"', "contains letters"),
    ('"0800-FLOWERS"', "contains letters"),
    ('"0161 496 0000 / 0001"', "contains '/'"),
    ('"020 +7946"', "'+' may only come first"),
    ('"12"', "fewer than 3 digits"),
])
def test_bad_phone(tmp_path: Path, phone: str, reason: str) -> None:
    refused(tmp_path, edited('"0161 496 0000"', phone), "clinic.phone", "phone =", reason)


@pytest.mark.parametrize("phone", ["+44 (0)161 496-0000", "0161.496.0000", "+1 (555) 010-0199"])
def test_phone_punctuation_that_is_allowed(tmp_path: Path, phone: str) -> None:
    brand, _ = load_brand(write(tmp_path, edited('"0161 496 0000"', f'"{phone}"')))
    assert brand.phone == phone


def test_bad_email(tmp_path: Path) -> None:
    refused(tmp_path, edited('"postnatal@riverside-births.example"', '"ward.example.org"'), "clinic.email", "email =",
            "not an email address")


def test_bad_paper(tmp_path: Path) -> None:
    refused(tmp_path, VALID + 'paper = "A5"\n', "print.paper", "paper =", "'A5'", '"a4" or "letter"')


def test_bad_temperature(tmp_path: Path) -> None:
    refused(tmp_path, VALID + 'temperature = "Kelvin"\n', "print.temperature", "temperature =", '"C" or "F"')


# -- logo and templates -----------------------------------------------------------------------


def with_logo(value: str) -> str:
    return edited('[style]\n', f'[style]\nlogo = "{value}"\n')


def test_logo_is_read_relative_to_the_brand_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "brand").mkdir()
    Image.new("RGB", (2000, 1000), (0, 94, 184)).save(tmp_path / "brand" / "logo.png")
    write(tmp_path / "brand", with_logo("logo.png"))
    monkeypatch.chdir(tmp_path)  # somewhere the logo is not
    brand, _ = load_brand(Path("brand") / "clinic.toml")
    assert brand.logo is not None
    image = Image.open(io.BytesIO(brand.logo))
    assert image.format == "PNG" and image.size == (520, 260)


def test_logo_missing(tmp_path: Path) -> None:
    message = refused(tmp_path, with_logo("logo.png"), "style.logo", "logo =", "does not exist")
    assert str(tmp_path / "logo.png") in message


def test_logo_svg(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg/>")
    refused(tmp_path, with_logo("logo.svg"), "style.logo", "logo =", "convert it to PNG")


def test_logo_folder(tmp_path: Path) -> None:
    (tmp_path / "logo.png").mkdir()
    refused(tmp_path, with_logo("logo.png"), "style.logo", "logo =", "is a folder")


def test_logo_device(tmp_path: Path) -> None:
    refused(tmp_path, with_logo("/dev/null"), "style.logo", "logo =", "/dev/null", "not a regular file")


def test_logo_truncated(tmp_path: Path) -> None:
    whole = io.BytesIO()
    Image.linear_gradient("L").resize((500, 300)).save(whole, "PNG")
    (tmp_path / "logo.png").write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    refused(tmp_path, with_logo("logo.png"), "style.logo", "logo =", "damaged or incomplete")


def test_logo_web_address(tmp_path: Path) -> None:
    refused(tmp_path, with_logo("https://example.org/logo.png"), "style.logo", "logo =",
            "'https://example.org/logo.png' is a web address")


def test_templates_folder_is_resolved(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    brand, _ = load_brand(write(tmp_path, VALID + 'templates = "overrides"\n'))
    assert brand.templates == (tmp_path / "overrides").resolve() and brand.templates.is_absolute()


def test_templates_folder_missing(tmp_path: Path) -> None:
    refused(tmp_path, VALID + 'templates = "overrides"\n', "print.templates", "templates =",
            str(tmp_path / "overrides"), "does not exist")


def test_templates_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "overrides").write_text("")
    refused(tmp_path, VALID + 'templates = "overrides"\n', "print.templates", "templates =", "is not a folder")


# -- the brand file itself ---------------------------------------------------------------------


def test_brand_file_missing(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    assert f"{path}: brand file does not exist" in problems(path)


def test_brand_file_is_a_folder(tmp_path: Path) -> None:
    assert "is a folder" in problems(tmp_path)


def test_brand_file_is_a_device() -> None:
    assert "not a regular file" in problems(Path("/dev/zero"))


# -- all at once ----------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    text = edited('"0161 496 0000"', '"call us"',
                  edited('"GB"', '"UK"', edited('"#FFB81C"', '"#fff"', edited("[print]", "[printing]"))))
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_brand(path)
    found = caught.value.problems
    assert len(found) == 4, found
    assert [p.split(": ")[1] for p in found] == ["clinic.phone", "clinic.country", "style.accent", "printing"]
    assert all(re.match(rf"{re.escape(str(path))}:\d+: ", p) for p in found)
    assert "4 problems" in str(caught.value)


# -- contrast -------------------------------------------------------------------------------------


def test_low_contrast_is_an_error_when_strict(tmp_path: Path) -> None:
    path = write(tmp_path, edited('"#005EB8"', '"#FFFF00"'))
    brand, warnings = load_brand(path)
    assert len(warnings) == 1 and "style.primary #FFFF00: as heading text on white" in warnings[0]
    assert "1.07:1, below 4.5:1" in warnings[0]
    message = problems(path, strict=True)
    assert f"{path}:{line_of(VALID, 'primary =')}: style.primary #FFFF00" in message


def test_text_on_a_mid_colour_is_checked_with_the_better_of_black_and_white(tmp_path: Path) -> None:
    # #777777: white text would be 4.48:1, but black is 4.68:1 and the renderer picks black.
    path = write(tmp_path, edited('"#FFB81C"', '"#777777"'))
    _, warnings = load_brand(path, strict=True)
    assert warnings == []
    assert "#777777: black text on it, contrast 4.68:1" in describe(*load_brand(path))


def test_good_colours_give_no_warnings_even_when_strict(tmp_path: Path) -> None:
    _, warnings = load_brand(write(tmp_path, VALID), strict=True)
    assert warnings == []


# -- the report ---------------------------------------------------------------------------------------


def test_describe_lists_values_defaults_logo_and_contrast(tmp_path: Path) -> None:
    Image.new("RGB", (1200, 600), (0, 94, 184)).save(tmp_path / "logo.png")
    text = edited('country = "GB"', 'country = "GB"\nemergency_number = "112"', with_logo("logo.png"))
    path = write(tmp_path, text)
    brand, warnings = load_brand(path)
    report = describe(brand, warnings)
    assert str(path) in report
    for value in ("Riverside Birth Centre", "Postnatal ward", "0161 496 0000", "12 Mill Lane", "Riverside RV1 2AB",
                  "https://riverside-births.example/leaflets", "postnatal@riverside-births.example", "NHS 111",
                  "Leaflets are reviewed every two years."):
        assert value in report
    assert "GB (United Kingdom)" in report
    assert re.search(r"clinic\.emergency_number +112 \(set in the brand file; the default for GB is 999\)", report)
    assert re.search(r"print\.paper +A4.*\(default for GB\)", report)
    assert re.search(r"print\.temperature +Celsius.*\(default for GB\)", report)
    assert re.search(r"style\.logo +520 x 260 pixels, [\d.]+ kB PNG", report)
    assert "#005EB8: white text on it, contrast 6.37:1" in report
    assert "as heading text on white, contrast 6.37:1" in report
    assert "#FFB81C: black text on it, contrast 12.12:1" in report
    assert "No warnings." in report


def test_describe_lists_warnings(tmp_path: Path) -> None:
    brand, warnings = load_brand(write(tmp_path, edited('"#005EB8"', '"#FFFF00"')))
    report = describe(brand, warnings)
    assert "1 warning:" in report and warnings[0] in report


# -- the starter file -------------------------------------------------------------------------------------


def test_starter_is_refused_for_its_examples_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    write_starter(path)
    assert path.read_text(encoding="utf-8") == STARTER
    with pytest.raises(InputError) as caught:
        load_brand(path)
    found = caught.value.problems
    assert [p.split(": ")[1] for p in found] == [
        "clinic.name", "clinic.phone", "clinic.address", "clinic.website", "clinic.email"]
    assert all("the starter file's made-up example" in p for p in found)
    assert "5 contact details are still the starter's made-up examples" in caught.value.message


def test_starter_with_its_examples_replaced_loads_cleanly(tmp_path: Path) -> None:
    own = {"name": "Riverside Birth Centre", "phone": "0161 496 0000", "address": "12 Mill Lane",
           "website": "https://riverside-births.example/leaflets", "email": "postnatal@riverside-births.example"}
    text = STARTER
    for key, examples in starter_examples().items():
        for number, example in enumerate(examples):
            text = text.replace(f'"{example}"', f'"{own[key]}{number or ""}"')
    brand, warnings = load_brand(write(tmp_path, text), strict=True)
    assert warnings == []
    assert (brand.name, brand.urgent_line, brand.emergency_number) == ("Riverside Birth Centre", "NHS 111", "999")


def test_examples_are_the_starter_s_made_up_contact_values() -> None:
    examples = starter_examples()
    assert examples == {
        "name": ("Example Maternity Unit",),
        "phone": ("020 7946 0000",),  # Ofcom's drama range, 020 7946 0000 to 0999
        "address": ("1 Example Road", "Exampletown ZZ1 1ZZ"),
        "website": ("https://example.org/leaflets",),
        "email": ("ward@example.org",),
    }
    assert 'urgent_line = "NHS 111"' in STARTER, "a real line, not an example"
    assert all(f'"{value}"' in STARTER for values in examples.values() for value in values)


def test_examples_follow_the_starter_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One source: change the starter and the check follows it.
    monkeypatch.setattr(brand_examples, "STARTER", STARTER.replace("020 7946 0000", "020 7946 0123"))
    brand_examples._starter_clinic.cache_clear()
    try:
        assert starter_examples()["phone"] == ("020 7946 0123",)
        message = problems(write(tmp_path, edited('"0161 496 0000"', '"020 7946 0123"')))
        assert "clinic.phone: '020 7946 0123' is the starter file's made-up example value" in message
        brand, _ = load_brand(write(tmp_path, edited('"0161 496 0000"', '"020 7946 0000"')))
        assert brand.phone == "020 7946 0000"
    finally:
        brand_examples._starter_clinic.cache_clear()


@pytest.mark.parametrize(("key", "value"), [
    ("phone", "020 7946 0000"), ("phone", "+44 20 7946 0000"), ("phone", "0207 946 0000"),
    ("name", "ST MARY'S  MATERNITY UNIT"), ("website", "example.org/leaflets/"), ("email", " WARD@EXAMPLE.ORG"),
])
def test_example_values_match_whatever_the_spacing_and_case(key: str, value: str) -> None:
    assert [found.key for found in example_values({key: value}, "GB")] == [f"clinic.{key}"]


@pytest.mark.parametrize(("key", "value"), [
    ("urgent_line", "NHS 111"), ("emergency_number", "999"), ("phone", "020 7946 0001"),
    ("name", "St Mary's Hospital Maternity Unit"), ("website", "https://example.org/leaflets/milia"),
])
def test_real_or_different_values_are_not_examples(key: str, value: str) -> None:
    assert example_values({key: value}, "GB") == []


def test_address_examples_are_matched_line_by_line_and_whole() -> None:
    assert example_values({"address": ("12 Mill Lane", "London  W2 1NY")}, "GB")[0].values == ("London  W2 1NY",)
    assert example_values({"address": ("1 Example Road Exampletown ZZ1 1ZZ",)}, "GB")[0].values == (
        "1 Example Road Exampletown ZZ1 1ZZ",)
    assert example_values({"address": ("12 Mill Lane", "London W2 1NZ")}, "GB") == []


def test_starter_mentions_every_key_with_a_comment() -> None:
    lines = STARTER.splitlines()
    for table, keys in SCHEMA.items():
        assert f"[{table}]" in lines
        for key in keys:
            at = next((n for n, line in enumerate(lines) if re.match(rf"#? ?{key} = ", line)), None)
            assert at is not None, f"{table}.{key} is not in the starter"
            assert lines[at - 1].startswith("#"), f"{table}.{key} has no comment above it"


def test_starter_says_it_is_example_data() -> None:
    assert "EXAMPLE DATA" in STARTER


def test_write_starter_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text("mine")
    with pytest.raises(OutputError) as caught:
        write_starter(path)
    assert caught.value.exit_code == EXIT_OUTPUT and str(path) in str(caught.value)
    assert path.read_text() == "mine"


def test_write_starter_overwrites_when_forced(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text("mine")
    write_starter(path, force=True)
    assert path.read_text(encoding="utf-8") == STARTER
    assert os.listdir(tmp_path) == ["clinic.toml"], "the temporary file was left behind"


def test_write_starter_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_starter(tmp_path / "nowhere" / "clinic.toml")
    assert "nowhere" in str(caught.value)
