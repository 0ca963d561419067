"""The commented starter brand file that ``handouts brand init`` writes."""
from __future__ import annotations

from pathlib import Path

from .errors import OutputError
from .output import write_atomic

# Its made-up contact details are also the example data ``brand_examples`` refuses. When a
# value changes here, add the old one to ``EARLIER_EXAMPLES`` so files written by earlier
# versions are still refused.
# Example values of earlier starters (``St Mary's`` and ``W2 1NY`` belong to a real hospital).
EARLIER_EXAMPLES = {"name": ("St Mary's Maternity Unit",), "address": ("London W2 1NY",)}

STARTER = '''\
# Handouts brand file: who is speaking on the handout and how it looks.
#
# EVERYTHING BELOW IS EXAMPLE DATA. Replace every value with your clinic's own details
# before printing anything, then check the file with:  handouts brand check FILE
# The example name, phone number, address, website and email are made up (the number is
# one reserved for TV drama): no handout is printed while any of them is still here.
#
# Lines starting with # are comments. Text goes in "double quotes".
# Keys marked "optional" can be deleted; required keys must stay.

[clinic]
# The clinic's name, printed in the coloured band at the top. Required.
name = "Example Maternity Unit"
# The ward or team, printed under the name. Optional.
department = "Postnatal ward"
# The number patients call with questions. Required. Only digits, spaces,
# ( ) - . and a leading + are allowed.
phone = "020 7946 0000"
# The postal address, one quoted line each. Required.
address = ["1 Example Road", "Exampletown ZZ1 1ZZ"]
# Where patients find the leaflets online. Required.
website = "https://example.org/leaflets"
# An email address for questions. Optional.
email = "ward@example.org"
# The two-letter ISO 3166 country code: GB, US, IE, DE, ... Required.
# It sets the defaults for emergency_number, paper and temperature.
country = "GB"
# The emergency (ambulance) number, 2 to 6 digits. Optional: the default comes from
# the country (999 for GB, 911 for US, 112 across the EU). Countries with no known
# default must set it.
# emergency_number = "999"
# The line to call for urgent advice that is not an emergency. Optional: where the
# country has a standard one (NHS 111 in GB) the handout prints it when this is left out.
urgent_line = "NHS 111"

[style]
# The logo: a PNG or JPEG file, relative to this file's folder. Optional: no logo
# when absent. SVG cannot be used: convert it to PNG first. Big images are scaled
# down for print; the limits are 10 MB and 25 megapixels.
# logo = "logo.png"
# The main colour as #RRGGBB: the band at the top, table headers and headings. Required.
primary = "#005EB8"
# The second colour as #RRGGBB: the thin stripe under the band. Required.
accent = "#FFB81C"

[print]
# Paper size: "a4" or "letter". Optional: the default comes from the country
# (letter in the US, Canada, Mexico and a few more; a4 elsewhere).
# paper = "a4"
# Temperature scale: "C" or "F". Optional: the default comes from the country
# (F in the US and a few more; C elsewhere).
# temperature = "C"
# A short note printed at the foot of every page. Optional.
footer_note = "Leaflets are reviewed every two years."
# A folder of your own versions of the templates, relative to this file's folder;
# they are used before the packaged ones. Optional.
# templates = "overrides"
# A folder of your own translations (gettext catalogs made with 'handouts i18n init
# LOCALE --locales-dir FOLDER'), relative to this file's folder; they are used before
# the packaged ones. Optional.
# locales = "catalogs"
# Where you host the leaflets as web pages (the folder 'handouts site' writes, put on
# any web server). Each printed leaflet then has a QR code and the address of its own
# page there, in its language. Optional: without it, no QR code is printed.
# online = "https://example.org/leaflets/"
'''


def write_starter(path: Path, *, force: bool = False) -> None:
    """Write ``STARTER`` to ``path`` atomically; an existing file is kept unless ``force``."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name such as clinic.toml")
    if not force and (path.exists() or path.is_symlink()):
        raise OutputError(f"{path}: already exists; not overwriting it (use --force to replace it)")
    write_atomic(path, STARTER.encode("utf-8"))
