"""The fonts that ship with handouts: which file serves which script.

Shared by the renderers (PDF embeds subsets through ReportLab, HTML inlines subsets as
web fonts); it knows files and scripts, not how either renderer uses them.
"""
from __future__ import annotations

from pathlib import Path

from .i18n.scripts import likely_script
from .resources import FONTS_DIR

FACES = {
    # key: (regular file, bold file, subfont index)
    "latin": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 0),
    "arabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", 0),
    # WenQuanYi Micro Hei has no bold face; bold Chinese is drawn with a stroke instead.
    "cjk": ("wqy-microhei.ttc", None, 0),
    "bengali": ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", 0),
    "gurmukhi": ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", 0),
    "devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", 0),
    "ethiopic": ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", 0),
}
# ISO 15924 script codes (as CLDR's likely subtags give them) -> font family.
SCRIPT_FAMILIES = {
    "Latn": "latin", "Cyrl": "latin", "Grek": "latin", "Arab": "arabic", "Hans": "cjk", "Hant": "cjk",
    "Beng": "bengali", "Guru": "gurmukhi", "Deva": "devanagari", "Ethi": "ethiopic",
}
# Scripts whose letters change shape with their neighbours (conjuncts, reph, vowel signs
# placed before consonants): they must be shaped with HarfBuzz.
SHAPED = frozenset({"bengali", "gurmukhi", "devanagari"})
FALLBACK = ("latin", "arabic", "cjk", "bengali", "gurmukhi", "devanagari", "ethiopic")


def script_family(locale: str) -> str | None:
    """The font family for ``locale``'s script (``bn`` -> bengali), or ``None`` when no
    bundled font serves it."""
    script = likely_script(locale)
    return SCRIPT_FAMILIES.get(script) if script else None


def face_file(key: str, *, bold: bool = False) -> tuple[Path, int] | None:
    """The file (and subfont index) of a family's face; ``None`` for a bold it does not have."""
    regular, bold_file, index = FACES[key]
    if bold:
        return (FONTS_DIR / bold_file, 0) if bold_file else None
    return FONTS_DIR / regular, index
