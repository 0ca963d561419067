"""Images for print (a clinic's logo, a topic's figures): checked before anything is
decoded, then downscaled for print.

A logo arrives from a clinic's own files, often a phone photo or a file exported by some
design tool. Everything is checked in order of cost: the path, then the file's type and
size on disk, then the pixel dimensions read from the header, and only then the pixels.
"""
from __future__ import annotations

import io
import os
import re
import stat
import warnings
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageOps

from .diskcache import cached
from .errors import InputError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 25_000_000
PRINT_DPI = 300
JPEG_QUALITY = 85
MAX_FLAT_COLOURS = 256  # a picture with no more colours than this is a drawing, not a photograph
MM_PER_INCH = 25.4

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
# Other formats clinics commonly have, named so the error can say what the file really is.
_OTHER_MAGIC = (
    (b"GIF8", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF", "a PDF document"),
    (b"\x00\x00\x01\x00", "an icon (.ico) file"),
)
_URL = re.compile(r"^(https?|file|data):", re.IGNORECASE)


def looks_like_url(text: str) -> bool:
    """True for ``http(s)://``, ``file://`` and ``data:`` references, which are never fetched."""
    return bool(_URL.match(text.strip()))


def load_print_image(path: Path, *, printed_height_mm: float = 22.0, max_width_mm: float = 60.0,
                     dpi: int = PRINT_DPI) -> bytes:
    """Read a PNG or JPEG image (a logo, a figure), check it, and return it re-encoded at about ``dpi``.

    The image is fitted inside ``printed_height_mm`` x ``max_width_mm``, downscaled (never
    upscaled) to ``dpi`` at that size, and re-encoded without metadata: PNG (transparency
    kept) or JPEG at quality 85. A drawing of few colours keeps that few. The same input
    always gives the same bytes.
    Raises ``InputError`` naming the file and what to do about it.
    """
    if printed_height_mm <= 0 or max_width_mm <= 0:
        raise ValueError("printed_height_mm and max_width_mm must be positive")
    data = _read_regular_file(path)
    return _prepared(path, data, printed_height_mm, max_width_mm, dpi)


@lru_cache(maxsize=64)
def _prepared(path: Path, data: bytes, printed_height_mm: float, max_width_mm: float, dpi: int) -> bytes:
    """Decode, fit and re-encode, once for the same bytes: per process, and between runs in
    the user's cache (the file is read every time, so an edited picture is never served
    stale; a file that fails a check is never cached)."""
    def make() -> bytes:
        kind = _sniff(path, data)
        image = _decode(path, data, kind)
        image = _fit_for_print(image, kind, printed_height_mm, max_width_mm, dpi)
        return _encode(image, kind)

    settings = f"{printed_height_mm!r} {max_width_mm!r} {dpi} Pillow {PIL.__version__}"
    return cached("print-image", (data, settings), make)


def _fail(path: Path, message: str) -> InputError:
    return InputError(f"{path}: {message}")


def _read_regular_file(path: Path) -> bytes:
    if looks_like_url(str(path)):
        raise _fail(path, "the image must be a file on this computer, not a web address; "
                          "download it and give the file's path")
    try:
        # stat, not open: opening a FIFO blocks and /dev/zero never ends.
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise _fail(path, "image file does not exist; check its name and folder") from None
    except OSError as exc:
        raise _fail(path, f"cannot read the image file: {exc.strerror}") from None
    _require_regular(path, info)
    if info.st_size > MAX_FILE_BYTES:
        raise _fail(path, f"image file is {info.st_size / 1_048_576:.1f} MB; the limit is "
                          f"{MAX_FILE_BYTES // 1_048_576} MB: save a smaller PNG or JPEG")
    try:
        with open(path, "rb") as handle:
            # Checked again on the open file, in case the path changed since the stat.
            _require_regular(path, os.fstat(handle.fileno()))
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(path, f"cannot read the image file: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _fail(path, f"image file is over {MAX_FILE_BYTES // 1_048_576} MB: save a smaller PNG or JPEG")
    return data


def _require_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, "is a folder, not a image file; give the path of a PNG or JPEG file")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "is not a regular file (it is a device, pipe or socket); "
                          "give the path of a PNG or JPEG file")


def _sniff(path: Path, data: bytes) -> str:
    """``"PNG"`` or ``"JPEG"`` from the file's first bytes; the extension is not trusted."""
    if data.startswith(PNG_MAGIC):
        return "PNG"
    if data.startswith(JPEG_MAGIC):
        return "JPEG"
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    is_svg = path.suffix.lower() in {".svg", ".svgz"} or head.startswith((b"<?xml", b"<svg")) or (
        head.startswith(b"<") and b"<svg" in head)
    if is_svg:
        raise _fail(path, "is an SVG drawing, which cannot be embedded: convert it to PNG "
                          "(at least 600 pixels wide) and use the PNG")
    if not data:
        raise _fail(path, "image file is empty: export the image again as PNG or JPEG")
    found = next((name for magic, name in _OTHER_MAGIC if data.startswith(magic)), None)
    if found is None and data[8:12] == b"WEBP":
        found = "a WebP image"
    if found is None and data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        found = "a HEIC/AVIF image"
    what = f"it looks like {found}" if found else "its content is not an image Handouts can use"
    raise _fail(path, f"is not a PNG or JPEG image ({what}): convert it to PNG or JPEG")


def _decode(path: Path, data: bytes, kind: str) -> Image.Image:
    """The fully decoded image, upright; the pixel count is checked before decoding."""
    too_big = "resize it to under 2000 pixels wide and save it again"
    # Pillow only warns about decompression bombs below twice its limit; make that warning an
    # error here, inside this block only, rather than changing the process-wide filters.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[kind])
            # Image.open reads only the header, so the size is known before any pixel is decoded.
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _fail(path, f"is {width} x {height} pixels, over the limit of "
                                  f"{MAX_PIXELS // 1_000_000} megapixels: {too_big}")
            image.load()
            # Phone cameras store rotation as an EXIF tag, which re-encoding drops: apply it now.
            return ImageOps.exif_transpose(image)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _fail(path, f"has too many pixels (over {MAX_PIXELS // 1_000_000} megapixels): {too_big}") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _fail(path, f"is a damaged or incomplete {kind} file ({exc}): export the image again") from None


def _fit_for_print(image: Image.Image, kind: str, printed_height_mm: float, max_width_mm: float,
                   dpi: int = PRINT_DPI) -> Image.Image:
    """In RGB (RGBA for a PNG with transparency), at most ``dpi`` when printed in the box."""
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
    image = image.convert("RGBA" if kind == "PNG" and has_alpha else "RGB")
    box_w = max_width_mm / MM_PER_INCH * dpi
    box_h = printed_height_mm / MM_PER_INCH * dpi
    scale = min(box_w / image.width, box_h / image.height, 1.0)
    if scale < 1.0:
        # A drawing of few flat colours keeps that few: resampling would add thousands of
        # in-between shades that treble the picture's size in the PDF and print the same.
        colours = image.getcolors(MAX_FLAT_COLOURS) if image.mode == "RGB" else None
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
        if colours:
            image = image.quantize(len(colours), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            image = image.convert("RGB")
    return image


def _encode(image: Image.Image, kind: str) -> bytes:
    # A fresh image from the raw pixels carries no metadata (EXIF, ICC, text chunks, dates),
    # so identical inputs give identical bytes and nothing private leaks into the PDF.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    if kind == "JPEG":
        clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        clean.save(out, "PNG")  # zlib level 6: optimize=True saves 2% and takes 3x as long
    return out.getvalue()
