"""The handout's fonts as inline web fonts: subsets of the bundled TrueType files holding
just the characters the page uses, so the page needs no network and shows the same
letters on any machine."""
from __future__ import annotations

import base64
import io
from functools import cache, lru_cache

from ..fontfiles import face_file


def css_family(key: str) -> str:
    return f"Handouts {key}"


def font_face_rules(keys: tuple[str, ...], text: str) -> tuple[str, tuple[str, ...]]:
    """``@font-face`` rules for the families in ``keys`` (in order of preference) and the
    families that got any. Like the browser's own fallback, each character is served by
    the first family that has it: each family's subset holds just those characters."""
    left = set(text) - {" ", "\n"}
    rules: list[str] = []
    used: list[str] = []
    for key in keys:
        path, index = face_file(key)  # type: ignore[misc]
        mine = "".join(sorted(c for c in left if ord(c) in _cmap(str(path), index)))
        if not mine:
            continue
        left -= set(mine)
        used.append(key)
        for bold in (False, True):
            found = face_file(key, bold=bold)
            if found is None:
                continue
            data = _subset(str(found[0]), found[1], mine)
            rules.append(
                f'@font-face{{font-family:"{css_family(key)}";font-weight:{700 if bold else 400};'
                f"font-style:normal;font-display:block;"
                f'src:url(data:font/woff;base64,{base64.b64encode(data).decode("ascii")}) format("woff")}}'
            )
    return "\n".join(rules), tuple(used)


@cache
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # only the HTML renderer needs fontTools: load it then

    return frozenset(TTFont(path, fontNumber=index, lazy=True).getBestCmap())


@lru_cache(maxsize=64)
def _subset(path: str, index: int, chars: str) -> bytes:
    """The WOFF subset of one face for ``chars``, its shaping rules kept."""
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    options = Options()
    options.flavor = "woff"
    options.layout_features = ["*"]  # keep joining, conjuncts and kerning: the browser shapes
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    subsetter = Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()
