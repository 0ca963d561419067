"""The page's stylesheet: clear print on screen and paper, reflow at any zoom.

Sizes are in rem so the reader's browser settings and zoom scale everything; no block has
a fixed width, so at 400% zoom (320 CSS pixels) nothing needs scrolling sideways: pictures
shrink, boxes stack, and tables become one labelled block per row.
"""
from __future__ import annotations

from ..colours import CALLOUT_COLOURS, DO_COLOUR, DONT_COLOUR, LEVEL_COLOURS, MUTED_HEX, NOTICE_HEX, TEXT_HEX

_CSS = """
:root { --primary: %(primary)s; --on-primary: %(on_primary)s; --accent: %(accent)s; --text: %(text)s;
  --muted: %(muted)s; }
* { box-sizing: border-box; }
html { font-family: %(families)s, sans-serif; font-size: 100%%; color: var(--text); background: #fff; }
body { margin: 0; line-height: 1.5; font-size: 1.125rem; }
header.masthead, main, footer.furniture { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
header.masthead { max-width: none; background: var(--primary); color: var(--on-primary);
  border-bottom: 0.4rem solid var(--accent); padding: 1rem max(1rem, calc((100%% - 46rem) / 2)); }
header.masthead p { margin: 0.1rem 0; }
header.masthead a { color: inherit; }
header.masthead .clinic { font-size: 1.4rem; font-weight: 700; }
header.masthead .logo { float: %(end)s; max-height: 4rem; max-width: 40%%; background: #fff; padding: 0.25rem;
  border-radius: 0.25rem; margin-%(start)s: 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1.2rem 0 0.5rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 1.6rem 0 0.5rem; color: var(--text);
  border-bottom: 0.15rem solid var(--primary); }
h3 { font-size: 1.2rem; line-height: 1.3; margin: 0.8rem 0 0.3rem; }
p, li { max-width: 40em; }
ul, ol { padding-%(start)s: 1.5rem; }
li { margin: 0.2rem 0; }
strong { font-weight: 700; }
a { color: #003d78; }
.callout { border-%(start)s: 0.4rem solid; padding: 0.5rem 1rem; margin: 1rem 0; }
%(callouts)s
.do-dont { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.do-dont > .box { flex: 1 1 16rem; }
.box { border: 0.15rem solid; padding: 0.25rem 1rem; margin: 1rem 0; }
.box.do { border-color: %(do)s; } .box.do h3 { color: %(do)s; }
.box.dont { border-color: %(dont)s; } .box.dont h3 { color: %(dont)s; }
.box.do h3::before { content: "\\2713  "; } .box.dont h3::before { content: "\\2715  "; }
.card { border: 0.15rem solid; margin: 0.8rem 0; }
.card h3 { margin: 0; padding: 0.4rem 1rem; }
.card .card-body { padding: 0.2rem 1rem 0.4rem; }
.card .level { text-decoration: underline; text-underline-offset: 0.2em; }
%(cards)s
.table { margin: 1rem 0; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #aeb7bd; padding: 0.4rem 0.6rem; text-align: start; vertical-align: top; }
thead th { background: var(--primary); color: var(--on-primary); }
tbody th { font-weight: 700; }
%(rows)s
.figure-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0; }
figure { margin: 0; flex: 0 1 12rem; }
figure img { width: 100%%; height: auto; display: block; }
figcaption { margin-top: 0.3rem; }
.beside { flex: 1 1 16rem; }
.write-in { border: 0.1rem solid var(--muted); padding: 0.25rem 1rem 0.75rem; margin: 1rem 0; }
.write-in .write-label { margin: 0.5rem 0 0; }
.write-line { border-bottom: 1px solid var(--muted); height: 1.8rem; }
.qa h3 { margin-top: 1rem; }
nav.site { max-width: 48rem; margin: 0 auto; padding: 0.5rem 1rem 0; }
nav.site p { margin: 0.2rem 0; }
nav.site ul.languages { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
nav.site .languages-label { font-weight: 700; }
ul.topics { list-style: none; padding: 0; }
ul.topics li { margin: 0.6rem 0; font-size: 1.25rem; }
footer.furniture { border-top: 1px solid var(--muted); margin-top: 2rem; padding-top: 0.5rem;
  padding-bottom: 2rem; font-size: 1rem; }
footer.furniture p { margin: 0.2rem 0; }
footer.furniture .notice { color: %(notice)s; }
@media (max-width: 40rem) {
  table, thead, tbody, tr, th, td { display: block; width: 100%%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border: 1px solid #aeb7bd; margin-bottom: 0.6rem; }
  th, td { border: 0; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
}
@media print {
  html { font-size: 12pt; }
  body { font-size: 12pt; }
  @page { margin: 12mm; }
  header.masthead, thead th, .card, .callout, tr[class] { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  header.masthead { padding: 4mm; }
  h2, h3 { break-after: avoid; }
  .card, .box, .figure-row, .qa, tr, .write-in { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; }
  nav.site { display: none; }
}
"""


def stylesheet(*, families: str, primary: str, on_primary: str, accent: str, rtl: bool) -> str:
    callouts = "\n".join(f".callout.{kind} {{ border-color: {bar}; background: {fill}; }}"
                         for kind, (bar, fill) in CALLOUT_COLOURS.items())
    cards = "\n".join(
        f".card.{level} {{ border-color: {'#000' if level == 'emergency' else bar}; }}\n"
        f".card.{level} h3 {{ background: {bar}; color: #fff; }}"
        + ("\n.card.emergency .card-body { background: #000; color: #fff; }" if level == "emergency" else "")
        for level, (bar, _fill) in LEVEL_COLOURS.items()
    )
    rows = "\n".join(
        f"tr.level-{level} {{ background: {fill}; {'color: #fff;' if level == 'emergency' else ''} }}"
        f"\ntr.level-{level} > :first-child {{ border-{'right' if rtl else 'left'}: 0.4rem solid "
        f"{'#000' if level == 'emergency' else bar}; }}"
        for level, (bar, fill) in LEVEL_COLOURS.items()
    )
    return _CSS % {
        "families": families, "primary": primary, "on_primary": on_primary, "accent": accent, "text": TEXT_HEX,
        "muted": MUTED_HEX, "notice": NOTICE_HEX, "do": DO_COLOUR, "dont": DONT_COLOUR, "callouts": callouts,
        "cards": cards, "rows": rows, "start": "right" if rtl else "left", "end": "left" if rtl else "right",
    }
