"""A clinic's brand on the printed handout: contact details, country rules, overrides."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from handouts.brandfile import load_brand
from handouts.build import Request, build
from handouts.cli import main
from handouts.i18n.catalogs import available_locales

from .support import all_text, body_text, reader, words

UK = """
[clinic]
name = "St Anne's Maternity Unit"
department = "Postnatal ward"
phone = "0161 496 0000"
address = ["12 Mill Lane", "Manchester M1 4BT"]
website = "https://stannes.example/leaflets"
country = "GB"
urgent_line = "NHS 111"

[style]
primary = "#003087"
accent = "#41B6E6"
{extra}
"""

US = """
[clinic]
name = "A&B <Maternity> \\"Unit\\""
phone = "(555) 010-4477"
address = ["200 Main Street", "Springfield, IL 62701"]
website = "https://abkids.example"
country = "US"

[style]
logo = "logo.png"
primary = "#6A1B9A"
accent = "#FFEB3B"
"""


def brand_file(folder: Path, text: str, name: str = "clinic.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def square_logo(folder: Path) -> None:
    Image.new("RGB", (1200, 1200), (255, 105, 0)).save(folder / "logo.png")


def handout_text(path: Path, **request) -> tuple[str, bytes]:
    brand, _warnings = load_brand(path)
    pdf = build(Request("milia", brand=brand, **request)).pdf
    return words(all_text(pdf)), pdf


def test_uk_clinic(tmp_path: Path) -> None:
    text, pdf = handout_text(brand_file(tmp_path, UK.format(extra="")))
    for expected in ("St Anne's Maternity Unit", "Postnatal ward", "0161 496 0000", "https://stannes.example/leaflets",
                     "Call 999 or go to an emergency department now", "In an emergency, call 999.",
                     "If the clinic is closed, call NHS 111.",
                     "38 °C (100.4 °F)"):
        assert expected in text, expected
    assert "911" not in text and "Sample" not in text
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_us_clinic(tmp_path: Path) -> None:
    square_logo(tmp_path)
    text, pdf = handout_text(brand_file(tmp_path, US))
    for expected in ('A&B <Maternity> "Unit"', "(555) 010-4477", "https://abkids.example", "Call 911 or go to an emergency department now",
                     "100.4 °F (38 °C)", "Springfield, IL 62701"):
        assert expected in text, expected
    assert "999" not in text and "If the clinic is closed" not in text
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_logo_is_embedded_downscaled(tmp_path: Path) -> None:
    square_logo(tmp_path)
    _text, pdf = handout_text(brand_file(tmp_path, US))
    images = reader(pdf).pages[0].images
    logos = [Image.open(io.BytesIO(image.data)) for image in images]
    orange = [logo for logo in logos if logo.convert("RGB").getpixel((0, 0)) == (255, 105, 0)]
    assert len(orange) == 1, "the logo is on the first page"
    assert max(orange[0].size) < 1200, "the 1200 px logo was downscaled for print"


def test_placeholder_brand_is_visibly_a_sample() -> None:
    pdf = build(Request("milia")).pdf
    first = words(reader(pdf).pages[0].extract_text())
    assert "Sample clinic" in first
    assert "Sample handout: no clinic details set up yet." in first
    text = words(all_text(pdf))
    assert "Call the clinic today on _______________." in text
    assert not any(number in text for number in ("999", "911", "112"))


def test_brand_from_option_and_environment(tmp_path: Path) -> None:
    path = brand_file(tmp_path, UK.format(extra=""))
    runner = CliRunner()
    for args, env in ((["--brand", str(path)], None), ([], {"HANDOUTS_BRAND": str(path)})):
        out = tmp_path / "out.pdf"
        result = runner.invoke(main, ["build", "milia", "-o", str(out), *args], env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert "0161 496 0000" in words(all_text(out.read_bytes()))
        out.unlink()


def test_invalid_brand_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    path = brand_file(tmp_path, UK.format(extra="").replace('primary = "#003087"', 'primary = "#038"'))
    out = tmp_path / "out.pdf"
    out.write_bytes(b"yesterday's good handout")
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(path), "-o", str(out)])
    assert result.exit_code == 3
    assert str(path) in result.stderr and "style.primary" in result.stderr
    assert out.read_bytes() == b"yesterday's good handout"


def test_low_contrast_warns_and_strict_refuses(tmp_path: Path) -> None:
    path = brand_file(tmp_path, UK.format(extra="").replace('primary = "#003087"', 'primary = "#7F7F7F"'))
    runner = CliRunner()
    warned = runner.invoke(main, ["build", "milia", "--brand", str(path), "-o", str(tmp_path / "a.pdf")])
    assert warned.exit_code == 0
    assert "warning" in warned.stderr and "style.primary" in warned.stderr
    strict = runner.invoke(main, ["build", "milia", "--brand", str(path), "--strict", "-o", str(tmp_path / "b.pdf")])
    assert strict.exit_code == 3
    assert not (tmp_path / "b.pdf").exists()


def test_brand_init_then_check(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "clinic.toml"
    assert runner.invoke(main, ["brand", "init", str(path)]).exit_code == 0
    assert runner.invoke(main, ["brand", "init", str(path)]).exit_code == 4
    check = runner.invoke(main, ["brand", "check", str(path)])
    assert check.exit_code == 3, "the starter's made-up contact details must be replaced first"
    path.write_text(path.read_text(encoding="utf-8")
                    .replace("Example Maternity Unit", "St Anne's Maternity Unit")
                    .replace("020 7946 0000", "0161 496 0000")
                    .replace('"1 Example Road", "Exampletown ZZ1 1ZZ"', '"12 Mill Lane", "Manchester M1 4BT"')
                    .replace("https://example.org/leaflets", "https://stannes.example/leaflets")
                    .replace("ward@example.org", "ward@stannes.example"), encoding="utf-8")
    check = runner.invoke(main, ["brand", "check", str(path)])
    assert check.exit_code == 0, check.output
    assert "contrast" in check.stdout and "999" in check.stdout


def test_template_overrides_replace_and_add_sections(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "milia"
    overrides.mkdir(parents=True)
    (overrides / "home-care.j2").write_text(
        '{% include "!package/milia/home-care.j2" %}\n'
        '<callout kind="info"><p>{% trans %}Our ward lends a soft cloth to every family.{% endtrans %}</p></callout>\n',
        encoding="utf-8")
    (overrides / "visiting.j2").write_text(
        "<title>Visiting our ward</title>\n<p>Visiting is from 2 pm to 8 pm, every day.</p>\n", encoding="utf-8")
    path = brand_file(tmp_path, UK.format(extra='[print]\ntemplates = "overrides"\n'))
    brand, _ = load_brand(path)
    handout = build(Request("milia", sections=("all",), brand=brand))
    ids = [s.id for s in handout.document.sections]
    assert ids[-1] == "visiting" and "home-care" in ids
    text = words(body_text(handout.pdf))
    assert "Our ward lends a soft cloth to every family." in text
    assert "Wipe the face gently with a soft, clean cloth." in text, "the packaged home-care text is still there"
    assert text.index("Caring for your baby's skin") < text.index("Our ward lends a soft cloth")
    assert text.rstrip().find("Visiting our ward") > text.find("Questions parents often ask")
    listed = CliRunner().invoke(main, ["list", "sections", "milia"]).stdout
    assert "visiting" not in listed, "other clinics do not see this clinic's section"
    own = CliRunner().invoke(main, ["list", "sections", "milia", "--brand", str(path)]).stdout
    assert own.splitlines()[-1] == "  visiting\tVisiting our ward"


def test_override_with_a_template_error_names_file_and_line(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "milia"
    overrides.mkdir(parents=True)
    (overrides / "overview.j2").write_text("<title>Hi</title>\n<p>{{ clinic.fax }}</p>\n", encoding="utf-8")
    path = brand_file(tmp_path, UK.format(extra='[print]\ntemplates = "overrides"\n'))
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(path), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 3
    assert f"{overrides / 'overview.j2'}:2" in result.stderr and "fax" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("unit,expected", [("C", "38 °C (100.4 °F)"), ("F", "100.4 °F (38 °C)")])
def test_temperature_unit_can_be_set(tmp_path: Path, unit: str, expected: str) -> None:
    text, _ = handout_text(brand_file(tmp_path, UK.format(extra=f'[print]\ntemperature = "{unit}"\n')))
    assert expected in text


@pytest.mark.parametrize("locale", available_locales()[1:])
def test_translated_handout_for_a_uk_clinic_keeps_its_numbers(tmp_path: Path, locale: str) -> None:
    text, _ = handout_text(brand_file(tmp_path, UK.format(extra="")), locale=locale)
    for expected in ("0161 496 0000", "999", "NHS 111", "https://stannes.example/leaflets"):
        assert expected in text, expected


def test_a_character_no_font_has_stops_the_build_and_is_named(tmp_path: Path) -> None:
    path = brand_file(tmp_path, UK.format(extra="").replace("Postnatal ward", "Postnatal ward \U0001F476"))
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(path), "-o", str(out)])
    assert result.exit_code == 3
    assert "U+1F476 (BABY)" in result.stderr
    assert not out.exists()


def test_a_clinic_can_replace_a_figure(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "milia"
    overrides.mkdir(parents=True)
    Image.new("RGB", (400, 300), (0, 128, 0)).save(overrides / "where-milia-appear.png")
    path = brand_file(tmp_path, UK.format(extra='[print]\ntemplates = "overrides"\n'))
    brand, _ = load_brand(path)
    pdf = build(Request("milia", sections=("types",), brand=brand)).pdf
    pictures = [Image.open(io.BytesIO(image.data)).convert("RGB") for page in reader(pdf).pages for image in page.images]
    assert any(picture.getpixel((5, 5)) == (0, 128, 0) for picture in pictures)


def test_a_figure_missing_from_the_topic_folder_stops_the_build(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "milia"
    overrides.mkdir(parents=True)
    (overrides / "overview.j2").write_text(
        '<title>Hi</title>\n<figure src="gone.png"><caption>A picture</caption></figure>\n', encoding="utf-8")
    path = brand_file(tmp_path, UK.format(extra='[print]\ntemplates = "overrides"\n'))
    out = tmp_path / "x.pdf"
    result = CliRunner().invoke(main, ["build", "milia", "--brand", str(path), "-o", str(out)])
    assert result.exit_code == 3
    assert str(overrides / "overview.j2") in result.stderr and "figure 'gone.png'" in result.stderr
    assert not out.exists()
