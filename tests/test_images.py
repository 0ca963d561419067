"""Logo checks (path, type, size, pixels, damage) and downscaling for print."""
from __future__ import annotations

import io
import os
import struct
import warnings
import zlib
from pathlib import Path

import pytest
from PIL import Image

from handouts.errors import EXIT_INPUT, InputError
from handouts.images import load_print_image

# 60 mm and 22 mm at 300 dpi.
MAX_WIDTH_PX = round(60 / 25.4 * 300)
MAX_HEIGHT_PX = round(22 / 25.4 * 300)


def gradient(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A picture with some detail, so encoders cannot shrink it to nothing."""
    width, height = size
    image = Image.linear_gradient("L").resize(size)
    bands = [image, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT), Image.new("L", size, 90)]
    rgb = Image.merge("RGB", bands)
    return rgb.convert(mode) if mode != "RGB" else rgb


def save(image: Image.Image, path: Path, fmt: str, **options) -> Path:
    image.save(path, fmt, **options)
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width`` x ``height`` but which holds no pixel data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    return path


def refused(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_print_image(path)
    assert caught.value.exit_code == EXIT_INPUT
    message = str(caught.value)
    assert message.startswith(f"{path}: "), "the message must name the file"
    return message


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# -- refused before reading ------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://example.org/logo.png",
    "https://example.org/logo.png",
    "file:///tmp/logo.png",
    "data:image/png;base64,iVBORw0KGgo=",
])
def test_web_addresses_are_refused(url: str) -> None:
    assert "not a web address" in refused(Path(url))


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in refused(tmp_path / "logo.png")


def test_folder_named_like_an_image(tmp_path: Path) -> None:
    folder = tmp_path / "logo.png"
    folder.mkdir()
    assert "is a folder" in refused(folder)


def test_device_is_refused_without_reading_it() -> None:
    assert "not a regular file" in refused(Path("/dev/null"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    # Opening a FIFO with no writer blocks forever, so a pass here means it was never opened.
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    assert "not a regular file" in refused(fifo)


def test_file_over_10_mb_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "logo.png"
    with open(big, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    message = refused(big)
    assert "11.0 MB" in message and "limit is 10 MB" in message


# -- refused by content ------------------------------------------------------------


def test_svg_by_extension(tmp_path: Path) -> None:
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    assert "convert it to PNG" in refused(svg)


@pytest.mark.parametrize("content", [
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    '\ufeff  <svg xmlns="http://www.w3.org/2000/svg"/>',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg/>',
])
def test_svg_by_content_despite_png_name(tmp_path: Path, content: str) -> None:
    disguised = tmp_path / "logo.png"
    disguised.write_text(content, encoding="utf-8")
    assert "convert it to PNG" in refused(disguised)


def test_gif_named_png_is_refused_by_its_bytes(tmp_path: Path) -> None:
    gif = save(gradient((20, 10)), tmp_path / "logo.png", "GIF")
    message = refused(gif)
    assert "not a PNG or JPEG" in message and "GIF" in message


def test_text_file_named_jpg(tmp_path: Path) -> None:
    text = tmp_path / "logo.jpg"
    text.write_text("this is not a picture")
    assert "not a PNG or JPEG" in refused(text)


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "logo.png"
    empty.write_bytes(b"")
    assert "empty" in refused(empty)


def test_too_many_pixels_from_a_small_file(tmp_path: Path) -> None:
    big = save(Image.new("1", (6000, 5000)), tmp_path / "logo.png", "PNG")
    assert big.stat().st_size < 100_000
    message = refused(big)
    assert "6000 x 5000" in message and "25 megapixels" in message


def test_header_claiming_a_decompression_bomb_is_refused_not_decoded(tmp_path: Path) -> None:
    # 100 megapixels is over Pillow's own warning limit: the warning must become our error.
    bomb = png_header_only(tmp_path / "logo.png", 10_000, 10_000)
    filters_before = list(warnings.filters)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        message = refused(bomb)
    assert "megapixels" in message
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]
    assert warnings.filters == filters_before


def test_header_without_pixels_is_damaged(tmp_path: Path) -> None:
    assert "damaged or incomplete" in refused(png_header_only(tmp_path / "logo.png", 100, 50))


def test_truncated_png(tmp_path: Path) -> None:
    whole = io.BytesIO()
    gradient((400, 200)).save(whole, "PNG")
    half = tmp_path / "logo.png"
    half.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    assert "damaged or incomplete PNG" in refused(half)


def test_truncated_jpeg(tmp_path: Path) -> None:
    whole = io.BytesIO()
    gradient((400, 200)).save(whole, "JPEG")
    half = tmp_path / "logo.jpg"
    half.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    assert "damaged or incomplete JPEG" in refused(half)


# -- accepted and downscaled ------------------------------------------------------------


def test_phone_photo_is_downscaled_to_300_dpi_and_shrinks(tmp_path: Path) -> None:
    photo = save(gradient((4000, 3000)), tmp_path / "logo.jpg", "JPEG", quality=95)
    data = load_print_image(photo)
    image = opened(data)
    assert image.format == "JPEG" and image.mode == "RGB"
    # The height is the limit for a 4:3 picture in a 22 x 60 mm box; the shape is kept.
    assert image.height == MAX_HEIGHT_PX
    assert abs(image.width - 4000 * MAX_HEIGHT_PX / 3000) <= 1
    assert image.width <= MAX_WIDTH_PX
    assert len(data) < photo.stat().st_size


def test_wide_logo_is_limited_by_the_width(tmp_path: Path) -> None:
    wide = save(gradient((3000, 300)), tmp_path / "logo.png", "PNG")
    image = opened(load_print_image(wide))
    assert image.size == (MAX_WIDTH_PX, round(300 * MAX_WIDTH_PX / 3000))


def test_print_size_arguments_set_the_target(tmp_path: Path) -> None:
    square = save(gradient((2000, 2000)), tmp_path / "logo.png", "PNG")
    image = opened(load_print_image(square, printed_height_mm=25.4, max_width_mm=100))
    assert image.size == (300, 300)


def test_small_logo_is_never_upscaled(tmp_path: Path) -> None:
    small = save(gradient((120, 40)), tmp_path / "logo.png", "PNG")
    assert opened(load_print_image(small)).size == (120, 40)


def test_png_transparency_is_kept(tmp_path: Path) -> None:
    image = gradient((1000, 500), "RGBA")
    image.putalpha(Image.linear_gradient("L").resize((1000, 500)))
    logo = opened(load_print_image(save(image, tmp_path / "logo.png", "PNG")))
    assert logo.format == "PNG" and logo.mode == "RGBA"
    alpha = logo.getchannel("A")
    assert alpha.getextrema()[0] < 10 and alpha.getextrema()[1] > 245


def test_palette_png_transparency_is_kept(tmp_path: Path) -> None:
    image = Image.new("P", (50, 20), 0)
    image.putpalette([255, 255, 255, 0, 94, 184] + [0] * 762)
    image.paste(1, (10, 5, 40, 15))
    logo = opened(load_print_image(save(image, tmp_path / "logo.png", "PNG", transparency=0)))
    assert logo.mode == "RGBA"
    assert logo.getpixel((0, 0))[3] == 0 and logo.getpixel((20, 10)) == (0, 94, 184, 255)


def test_opaque_png_becomes_rgb(tmp_path: Path) -> None:
    logo = opened(load_print_image(save(gradient((100, 50)).convert("L"), tmp_path / "logo.png", "PNG")))
    assert logo.format == "PNG" and logo.mode == "RGB"


def test_jpeg_named_png_is_treated_as_jpeg(tmp_path: Path) -> None:
    logo = opened(load_print_image(save(gradient((100, 50)), tmp_path / "logo.png", "JPEG")))
    assert logo.format == "JPEG"


def test_exif_rotation_is_applied_before_metadata_is_dropped(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to display
    photo = save(gradient((200, 100)), tmp_path / "logo.jpg", "JPEG", exif=exif.tobytes())
    assert opened(load_print_image(photo)).size == (100, 200)


def test_metadata_is_stripped(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8298] = "Someone's name"  # copyright
    photo = save(gradient((300, 200)), tmp_path / "logo.jpg", "JPEG", exif=exif.tobytes(),
                 icc_profile=b"not-a-real-profile", dpi=(72, 72))
    data = load_print_image(photo)
    assert b"PhoneMaker" not in data and b"Someone" not in data and b"not-a-real-profile" not in data
    assert not opened(data).getexif()


def test_png_metadata_is_stripped(tmp_path: Path) -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    logo = save(gradient((300, 200)), tmp_path / "logo.png", "PNG", icc_profile=profile, exif=exif.tobytes())
    data = load_print_image(logo)
    assert b"iCCP" not in data and b"eXIf" not in data and b"PhoneMaker" not in data
    assert "icc_profile" not in opened(data).info


def test_output_is_deterministic_and_ignores_metadata(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    picture = gradient((900, 600), "RGBA")
    plain = save(picture, tmp_path / "plain.png", "PNG")
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "SomeEditor 1.0")
    info.add_text("Creation Time", "2026-01-01T00:00:00")
    tagged = save(picture, tmp_path / "tagged.png", "PNG", pnginfo=info)
    assert plain.read_bytes() != tagged.read_bytes()
    assert load_print_image(plain) == load_print_image(plain) == load_print_image(tagged)

    photo = save(gradient((900, 600)), tmp_path / "photo.jpg", "JPEG")
    assert load_print_image(photo) == load_print_image(photo)
