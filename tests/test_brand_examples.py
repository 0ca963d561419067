"""Example data never reaches a parent: a brand file still holding the starter's made-up
contact details is refused by every command that loads it, and ``brand check`` warns about
what a clinic most often forgets (https, a whole phone number, the urgent line)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handouts.brand import WRITE_IN
from handouts.brand_starter import STARTER
from handouts.cli import main

from .support import all_text, words

# Each example value as ``handouts brand init`` writes it, and a clinic's own value for it.
EXAMPLES = {
    "clinic.name": ('name = "Example Maternity Unit"', 'name = "Riverside Birth Centre"'),
    "clinic.phone": ('phone = "020 7946 0000"', 'phone = "0161 496 0000"'),
    "clinic.address": ('address = ["1 Example Road", "Exampletown ZZ1 1ZZ"]',
                       'address = ["12 Mill Lane", "Riverside RV1 2AB"]'),
    "clinic.website": ('website = "https://example.org/leaflets"',
                       'website = "https://riverside-births.example/leaflets"'),
    "clinic.email": ('email = "ward@example.org"', 'email = "postnatal@riverside-births.example"'),
}


def invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def starter(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.toml"
    assert invoke("brand", "init", path).exit_code == 0
    return path


def change(path: Path, *pairs: tuple[str, str]) -> Path:
    """Replace exact pieces of the file; each must be there."""
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, f"{old!r} is not in the starter"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return path


def filled_in(tmp_path: Path, *, keep: tuple[str, ...] = ()) -> Path:
    """The starter with every example replaced by a clinic's own value, except ``keep``."""
    return change(starter(tmp_path), *(pair for key, pair in EXAMPLES.items() if key not in keep))


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def where(path: Path, key: str) -> str:
    """How a message points at ``key``: file, line and key."""
    return f"{path}:{line_of(path, key.split('.')[1] + ' = ')}: {key}: "


def build(tmp_path: Path, brand: Path, *more: object):
    return invoke("build", "milia", "--brand", brand, "-o", tmp_path / "out.pdf", *more)


# -- the refusal ---------------------------------------------------------------------------


def test_starter_as_written_is_refused_by_build_naming_each_example_and_its_line(tmp_path: Path) -> None:
    path = starter(tmp_path)
    result = build(tmp_path, path)
    assert result.exit_code == 3, result.output
    for key in EXAMPLES:
        assert where(path, key) in result.stderr, f"{key} not named:\n{result.stderr}"
    assert f"{path}:{line_of(path, 'name = ')}: clinic.name: 'Example Maternity Unit' is the starter file's " \
           "made-up example value, not your clinic's: replace it with your clinic's own name" in result.stderr
    assert f"{path}:{line_of(path, 'phone = ')}: clinic.phone: '020 7946 0000'" in result.stderr
    assert "replace it with the number parents should call" in result.stderr
    assert "replace each with your clinic's own before printing" in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_real_values_in_the_starter_are_not_refused(tmp_path: Path) -> None:
    path = starter(tmp_path)
    stderr = build(tmp_path, path).stderr
    for real in ("clinic.urgent_line", "clinic.country", "clinic.department", "clinic.emergency_number", "style."):
        assert f": {real}" not in stderr, real
    assert "NHS 111" not in stderr


def test_brand_check_refuses_the_starter_too(tmp_path: Path) -> None:
    path = starter(tmp_path)
    result = invoke("brand", "check", path)
    assert result.exit_code == 3
    assert where(path, "clinic.name") in result.stderr and where(path, "clinic.phone") in result.stderr
    assert "No warnings" not in result.output


def test_list_sections_refuses_the_starter_too(tmp_path: Path) -> None:
    path = starter(tmp_path)
    result = invoke("list", "sections", "milia", "--brand", path)
    assert result.exit_code == 3 and where(path, "clinic.phone") in result.stderr


def test_batch_refuses_the_starter_naming_each_example_and_its_line(tmp_path: Path) -> None:
    path = starter(tmp_path)
    ward = tmp_path / "ward.toml"
    ward.write_text('brand = "clinic.toml"\npdf = "pack.pdf"\n\n[[handout]]\ntopic = "milia"\nlocales = ["en"]\n',
                    encoding="utf-8")
    result = invoke("batch", ward)
    assert result.exit_code == 3, result.output
    assert "the brand file cannot be used" in result.stderr
    for key in EXAMPLES:
        assert where(path, key) in result.stderr, f"{key} not named:\n{result.stderr}"
    assert not (tmp_path / "pack.pdf").exists()


def test_every_example_replaced_builds(tmp_path: Path) -> None:
    path = filled_in(tmp_path)
    result = build(tmp_path, path)
    assert result.exit_code == 0, result.stderr
    text = words(all_text((tmp_path / "out.pdf").read_bytes()))
    assert "Riverside Birth Centre" in text and "0161 496 0000" in text
    assert "7946" not in text and "St Mary" not in text
    assert "If the clinic is closed, call NHS 111." in text, "the starter's real urgent line is kept"


def test_nhs_111_and_999_set_by_hand_are_real_values(tmp_path: Path) -> None:
    path = change(filled_in(tmp_path), ('# emergency_number = "999"', 'emergency_number = "999"'),
                  ('urgent_line = "NHS 111"', 'urgent_line = "nhs  111"'))
    assert build(tmp_path, path).exit_code == 0


@pytest.mark.parametrize("kept", [("clinic.phone",), ("clinic.name", "clinic.website"), ("clinic.address",),
                                  ("clinic.email",)])
def test_only_the_examples_left_are_listed(tmp_path: Path, kept: tuple[str, ...]) -> None:
    path = filled_in(tmp_path, keep=kept)
    result = build(tmp_path, path)
    assert result.exit_code == 3
    for key in EXAMPLES:
        if key in kept:
            assert where(path, key) in result.stderr, f"{key} still holds its example:\n{result.stderr}"
        else:
            assert f": {key}:" not in result.stderr, f"{key} was replaced but is listed:\n{result.stderr}"
    assert f"{len(kept)} problem" in result.stderr


@pytest.mark.parametrize(("key", "written"), [
    ("clinic.name", 'name = "  example  MATERNITY   unit "'),
    ("clinic.name", 'name = "  st  MARY\'S   maternity unit "'),
    ("clinic.name", 'name = "St Mary\u2019s Maternity Unit"'),
    ("clinic.name", 'name = "St. Marys Maternity Unit"'),
    ("clinic.phone", 'phone = "020-7946-0000"'),
    ("clinic.phone", 'phone = "02079460000"'),
    ("clinic.phone", 'phone = "(020) 7946 0000"'),
    ("clinic.phone", 'phone = "+44 20 7946 0000"'),
    ("clinic.phone", 'phone = "+44 (0)20 7946 0000"'),
    ("clinic.address", 'address = ["12 Mill Lane", "london  w2 1ny"]'),
    ("clinic.address", 'address = ["1 EXAMPLE ROAD", "Riverside RV1 2AB"]'),
    ("clinic.address", 'address = ["1 Example Road, Exampletown ZZ1 1ZZ"]'),
    ("clinic.website", 'website = "HTTPS://Example.org/leaflets/"'),
    ("clinic.website", 'website = "https://www.example.org/leaflets"'),
    ("clinic.email", 'email = "Ward@Example.ORG"'),
])
def test_examples_are_caught_whatever_their_case_spacing_or_punctuation(
        tmp_path: Path, key: str, written: str) -> None:
    path = change(filled_in(tmp_path), (EXAMPLES[key][1], written))
    result = build(tmp_path, path)
    assert result.exit_code == 3
    assert where(path, key) in result.stderr and "made-up example" in result.stderr
    assert "1 problem in the brand file" in result.stderr


def test_a_clinic_phone_in_the_same_range_is_not_an_example(tmp_path: Path) -> None:
    # Only the starter's own values are refused, not every number near them.
    path = change(filled_in(tmp_path), (EXAMPLES["clinic.phone"][1], 'phone = "020 7946 0001"'))
    assert build(tmp_path, path).exit_code == 0


def test_the_example_values_of_files_already_written_stay_refused(tmp_path: Path) -> None:
    # Brand files written by earlier versions hold these; the starter must keep them (or its
    # examples must keep listing them) so those files are still refused.
    path = tmp_path / "old.toml"
    path.write_text('[clinic]\nname = "St Mary\'s Maternity Unit"\nphone = "020 7946 0000"\n'
                    'address = ["1 Example Road", "Exampletown ZZ1 1ZZ"]\nwebsite = "https://example.org/leaflets"\n'
                    'email = "ward@example.org"\ncountry = "GB"\n\n[style]\nprimary = "#005EB8"\n'
                    'accent = "#FFB81C"\n', encoding="utf-8")
    result = build(tmp_path, path)
    assert result.exit_code == 3
    assert all(where(path, key) in result.stderr for key in EXAMPLES), result.stderr


def test_the_sample_clinic_still_prints_write_in_lines(tmp_path: Path) -> None:
    out = tmp_path / "sample.pdf"
    result = CliRunner().invoke(main, ["build", "milia", "-o", str(out)], env={"HANDOUTS_BRAND": None})
    assert result.exit_code == 0, result.stderr
    text = words(all_text(out.read_bytes()))
    assert "Sample clinic" in text
    assert f"Call the clinic today on {WRITE_IN}." in text
    assert not any(example in text for example in ("St Mary", "7946", "example.org"))


# -- what brand check warns about ------------------------------------------------------------


def check(path: Path, *more: str):
    return invoke("brand", "check", path, *more)


def test_a_filled_in_file_has_no_warnings(tmp_path: Path) -> None:
    result = check(filled_in(tmp_path), "--strict")
    assert result.exit_code == 0, result.output
    assert "No warnings." in result.stdout
    assert "NHS 111" in result.stdout


@pytest.mark.parametrize(("written", "said"), [
    ('website = "http://riverside-births.example/leaflets"',
     "'http://riverside-births.example/leaflets' does not start with https://: give the secure address, "
     "such as 'https://riverside-births.example/leaflets'"),
    ('website = "www.riverside-births.example"', "'www.riverside-births.example' does not start with https://"),
])
def test_website_without_https_warns(tmp_path: Path, written: str, said: str) -> None:
    path = change(filled_in(tmp_path), (EXAMPLES["clinic.website"][1], written))
    result = check(path)
    assert result.exit_code == 0
    assert "1 warning:" in result.stdout
    assert f"{where(path, 'clinic.website')}{said}" in result.stdout
    strict = check(path, "--strict")
    assert strict.exit_code == 3 and where(path, "clinic.website") in strict.stderr


@pytest.mark.parametrize(("phone", "said"), [
    ("0161 496", "has fewer digits than GB (United Kingdom) phone numbers have: give the whole number, "
                 "with its area code"),
    ("496 0000", "has fewer digits than GB (United Kingdom) phone numbers have"),
    ("0161 496 00000", "has more digits than GB (United Kingdom) phone numbers have"),
    ("020 794 600", "has fewer digits than GB (United Kingdom) phone numbers have"),
    ("0999 123 4567", "is not a GB (United Kingdom) phone number in use: check every digit and the area code"),
])
def test_phone_the_country_does_not_use_warns(tmp_path: Path, phone: str, said: str) -> None:
    path = change(filled_in(tmp_path), (EXAMPLES["clinic.phone"][1], f'phone = "{phone}"'))
    result = check(path)
    assert result.exit_code == 0
    assert "1 warning:" in result.stdout
    assert f"{where(path, 'clinic.phone')}'{phone}' {said}" in result.stdout
    assert check(path, "--strict").exit_code == 3
    assert build(tmp_path, path, "--strict").exit_code == 3


def test_phone_is_checked_against_the_brand_country(tmp_path: Path) -> None:
    path = change(filled_in(tmp_path), ('country = "GB"', 'country = "US"'), ('urgent_line = "NHS 111"\n', ""),
                  (EXAMPLES["clinic.phone"][1], 'phone = "555 0100"'))
    result = check(path)
    assert "'555 0100' has fewer digits than US (United States) phone numbers have" in result.stdout
    assert "clinic.urgent_line: " not in result.stdout, "the US has no standard urgent line"


def test_phone_with_another_country_code_is_checked_for_that_country(tmp_path: Path) -> None:
    path = change(filled_in(tmp_path), (EXAMPLES["clinic.phone"][1], 'phone = "+353 1 234"'))
    assert "'+353 1 234' has fewer digits than IE (Ireland) phone numbers have" in check(path).stdout


def test_urgent_line_left_out_warns_and_says_the_standard_one_prints(tmp_path: Path) -> None:
    path = change(filled_in(tmp_path), ('urgent_line = "NHS 111"\n', ""))
    result = check(path)
    assert result.exit_code == 0
    assert "1 warning:" in result.stdout
    assert (f"{path}:{line_of(path, '[clinic]')}: clinic.urgent_line: not set: the handout will print the standard "
            "urgent-advice line for GB, NHS 111") in result.stdout
    assert "NHS 111 (default for GB)" in result.stdout
    assert check(path, "--strict").exit_code == 3
    built = build(tmp_path, path)
    assert built.exit_code == 0 and "clinic.urgent_line" in built.stderr and "warning" in built.stderr
    assert "If the clinic is closed, call NHS 111." in words(all_text((tmp_path / "out.pdf").read_bytes()))


def test_another_country_s_urgent_line_warns(tmp_path: Path) -> None:
    # The starter's NHS 111 is right for GB, wrong for a clinic that changed its country.
    path = change(filled_in(tmp_path), ('country = "GB"', 'country = "IE"'),
                  (EXAMPLES["clinic.phone"][1], 'phone = "01 234 5678"'))
    result = check(path)
    assert result.exit_code == 0 and "1 warning:" in result.stdout
    assert (f"{where(path, 'clinic.urgent_line')}'NHS 111' is the standard urgent-advice line for GB, but the clinic "
            "is in IE") in result.stdout
    assert check(path, "--strict").exit_code == 3


def test_every_warning_at_once_in_file_order(tmp_path: Path) -> None:
    path = change(filled_in(tmp_path), ('urgent_line = "NHS 111"\n', ""),
                  (EXAMPLES["clinic.phone"][1], 'phone = "0161 496"'),
                  (EXAMPLES["clinic.website"][1], 'website = "http://riverside-births.example"'))
    result = check(path)
    assert result.exit_code == 0 and "3 warnings:" in result.stdout
    listed = [line.split(": ")[1] for line in result.stdout.splitlines() if line.startswith("  - ")]
    assert listed == ["clinic.urgent_line", "clinic.phone", "clinic.website"]


def test_files_written_by_an_earlier_starter_are_still_refused(tmp_path: Path) -> None:
    """Earlier starters used a real hospital's name and postcode; files holding them stay refused."""
    path = tmp_path / "old.toml"
    path.write_text(STARTER.replace("Example Maternity Unit", "St Mary's Maternity Unit")
                    .replace("Exampletown ZZ1 1ZZ", "London W2 1NY"), encoding="utf-8")
    result = CliRunner().invoke(main, ["brand", "check", str(path)])
    assert result.exit_code == 3
    assert "clinic.name: \"St Mary's Maternity Unit\" is the starter file's made-up example" in result.output
    assert "'London W2 1NY'" in result.output
