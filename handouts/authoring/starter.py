"""``handouts topic new``: a starter topic that already passes ``handouts topic check``.

It has the three default sections every newborn topic has (what it is with key points and a
safety line; home care with do and don't; when to get help, from the shared safety cards),
a draft review record, and placeholder wording an author replaces.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import OutputError, RequestError
from ..output import write_atomic

_ID = re.compile(r"[a-z][a-z0-9-]{1,40}")

TOPIC_TOML = '''\
# A topic: its title, leaflet code and sections. See templates/README.md in handouts.
title = "{title}"
code = "CLINIC-{code}"
version = "0.1"
sources = ["Name each source you took facts from, e.g. NHS: page title"]
sections = ["overview", "home-care", "seek-advice"]
default_sections = ["overview", "home-care", "seek-advice"]
# Files to compare the text with: no run of 8 or more words may be shared with them.
# compare_with = ["sources/leaflet-we-adapted.txt"]

# The clinical review: stays "draft" until a clinician signs it with 'handouts review sign'.
[review]
status = "draft"
'''

OVERVIEW = '''\
<title>{{% trans %}}What is {title_lower}?{{% endtrans %}}</title>
<callout kind="info">
<title>{{% trans %}}Key points{{% endtrans %}}</title>
<ul>
<li>{{% trans %}}Say in one short sentence what it is and who gets it.{{% endtrans %}}</li>
<li>{{% trans %}}Say if it is harmless, and how long it lasts.{{% endtrans %}}</li>
<li>{{% trans %}}Say the one thing a parent should do at home.{{% endtrans %}}</li>
<li>{{% trans number=clinic.emergency_number, fever=fever %}}<b>Call {{{{ number }}}} now</b> if your baby is floppy or hard to wake, or is under 3 months old and has a temperature of {{{{ fever }}}} or higher.{{% endtrans %}}</li>
</ul>
</callout>
'''

HOME_CARE = '''\
<title>{% trans %}Caring for your baby at home{% endtrans %}</title>
<p>{% trans %}Say what a parent can do. Use short steps.{% endtrans %}</p>
<do>
<li>{% trans %}Write one thing to do.{% endtrans %}</li>
</do>
<dont>
<li>{% trans %}Do not use adult creams or medicines on your baby unless a doctor says so.{% endtrans %}</li>
</dont>
'''

SEEK_ADVICE = '''\
{% import "_shared/safety.j2" as safety with context %}
<title>{% trans %}When to get help{% endtrans %}</title>
{{ safety.emergency() }}
{{ safety.urgent() }}
{% call safety.routine() %}
<li>{% trans %}still has it after the time you would expect it to clear{% endtrans %}</li>
{% endcall %}
{{ safety.temperature() }}
{{ safety.glass_test() }}
'''


def write_starter_topic(topic_id: str, folder: Path, title: str | None = None) -> Path:
    """Write ``folder/topic_id/`` with a starter topic; never over an existing folder."""
    if not _ID.fullmatch(topic_id):
        raise RequestError(f"{topic_id!r} is not a topic id: use lowercase letters, digits and '-', "
                           "e.g. baby-acne")
    target = folder / topic_id
    if target.exists():
        raise OutputError(f"{target}: exists already; choose another id or folder")
    if not folder.is_dir():
        raise OutputError(f"{folder}: no such folder")
    name = title or topic_id.replace("-", " ").capitalize()
    target.mkdir()
    files = {
        "topic.toml": TOPIC_TOML.format(title=name, code=topic_id.upper()[:12]),
        "overview.j2": OVERVIEW.format(title_lower=name.lower()),
        "home-care.j2": HOME_CARE,
        "seek-advice.j2": SEEK_ADVICE,
    }
    for name_, text in files.items():
        write_atomic(target / name_, text.encode("utf-8"))
    return target
