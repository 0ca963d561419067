"""Plural rules as translators' tools write them.

Babel derives plural rules from CLDR, which gives Spanish, French and Portuguese a third form
for "millions" (``nplurals=3``); GNU gettext's ``msginit`` and Weblate write two. A catalog made
here must look like one made there, so the header follows gettext's table where it has an
entry, and Babel's otherwise.
"""
from __future__ import annotations

import re

from babel import Locale
from babel.messages.plurals import get_plural

_NOT_ONE = "nplurals=2; plural=(n != 1);"
_MORE_THAN_ONE = "nplurals=2; plural=(n > 1);"
_ONE_FORM = "nplurals=1; plural=0;"

GETTEXT_PLURALS = {
    **{lang: _NOT_ONE for lang in "en es pt it de nl sv da nb nn fi el hu bg ca et eu gl ur so sw".split()},
    **{lang: _ONE_FORM for lang in "zh ja ko vi th id ms".split()},
    "fr": _MORE_THAN_ONE,
    "pt_BR": _MORE_THAN_ONE,
    "tr": _MORE_THAN_ONE,
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def plural_forms(locale: str) -> str:
    """The ``Plural-Forms`` header value for ``locale``."""
    parsed = Locale.parse(locale)
    for key in (str(parsed), f"{parsed.language}_{parsed.territory}" if parsed.territory else None, parsed.language):
        if key and key in GETTEXT_PLURALS:
            return GETTEXT_PLURALS[key]
    rule = get_plural(parsed)
    return f"nplurals={rule.num_plurals}; plural={rule.plural_expr};"


def num_plurals(locale: str) -> int:
    return int(_NPLURALS.search(plural_forms(locale)).group(1))  # type: ignore[union-attr]
