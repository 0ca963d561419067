"""Render a document to one self-contained, accessible HTML page.

Reads the same model as the PDF renderer and knows nothing of it. What the page gives a
screen reader or a zoomed browser: ``lang`` and ``dir``; one ``h1`` (the topic), an ``h2``
per section, ``h3`` inside; real tables with header cells and scope; each urgency level in
words as well as colour; the picture's caption as its text alternative; the same review
lines and notices as the paper. Fonts and pictures are inline: no network.
"""
from __future__ import annotations

import base64
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import singledispatch
from html import escape

from .. import model
from ..colours import best_text_on
from ..fontfiles import FALLBACK, SHAPED, script_family
from .style import stylesheet
from .webfonts import css_family, font_face_rules


@dataclass(frozen=True)
class Nav:
    """Links a hosted page shows above its content: back to the language's index, and the
    same page in other languages (native name, language tag, address)."""

    label: str
    index_label: str
    index_href: str
    languages_label: str
    languages: tuple[tuple[str, str, str], ...] = ()

    def text(self) -> str:
        return "".join([self.label, self.index_label, self.languages_label, *(n for n, _, _ in self.languages)])


# In a right-to-left page, a run of digits and Latin text ("38 °C (100.4 °F)", a phone number)
# is isolated, as on paper, so the bidi algorithm cannot reorder its parts.
_RTL: ContextVar[bool] = ContextVar("rtl", default=False)
_LTR_RUN = re.compile(r"[0-9A-Za-z+(][0-9A-Za-z\s\u00a0.,:;/°%()+\-_@']*[0-9A-Za-z)°_]|[0-9A-Za-z]")


def _text(value: str) -> str:
    """Escaped text; in a right-to-left page, with its left-to-right runs isolated."""
    if not _RTL.get():
        return escape(value)
    out, last = [], 0
    for match in _LTR_RUN.finditer(value):
        out.append(escape(value[last:match.start()]))
        out.append(f'<bdi dir="ltr">{escape(match.group(0))}</bdi>')
        last = match.end()
    out.append(escape(value[last:]))
    return "".join(out)


def render_html(doc: model.Document, nav: Nav | None = None) -> str:
    """The handout as an HTML page (text); ``nav`` adds a hosted site's links."""
    token = _RTL.set(doc.direction == "rtl")
    try:
        body = "\n".join([_masthead(doc), nav_html(nav) if nav else "", _main(doc), _footer(doc)])
    finally:
        _RTL.reset(token)
    return page(locale=doc.locale, direction=doc.direction, title=f"{doc.title} - {doc.contact.name}", body=body,
                text=_all_text(doc) + (nav.text() if nav else ""), look=doc.look)


def page(*, locale: str, direction: str, title: str, body: str, text: str, look: model.Look) -> str:
    """A complete page: fonts for ``text`` inline, the stylesheet in the brand's colours."""
    fonts, keys = font_face_rules(_font_keys(locale, direction), text + title)
    css = stylesheet(
        families=", ".join(f'"{css_family(k)}"' for k in keys),
        primary=look.primary,
        on_primary=best_text_on(look.primary),
        accent=look.accent,
        rtl=direction == "rtl",
    )
    lang = locale.replace("_", "-")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="generator" content="handouts">\n'
        f"<style>\n{fonts}\n{css}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _font_keys(locale: str, direction: str) -> tuple[str, ...]:
    """The families to offer, the language's script first (Latin first for shaped scripts,
    as on paper); the browser falls back through them per character."""
    script = script_family(locale) or ("arabic" if direction == "rtl" else "latin")
    order = ["latin", script] if script in SHAPED or script == "latin" else [script, "latin"]
    return tuple(dict.fromkeys([*order, *FALLBACK]))


# -- page parts -------------------------------------------------------------------

_BULLET = ' <span aria-hidden="true">\u2022</span> '


def _masthead(doc: model.Document) -> str:
    contact, labels = doc.contact, doc.furniture.labels
    parts = ['<header class="masthead">']
    if doc.look.logo:
        parts.append(f'<img class="logo" src="{_data_uri(doc.look.logo)}" alt="{escape(contact.name)}">')
    parts.append(f'<p class="clinic">{escape(contact.name)}</p>')
    if contact.department:
        parts.append(f'<p class="department">{escape(contact.department)}</p>')
    parts.append(f'<p class="numbers"><strong>{_text(labels["phone"])}</strong> '
                 f'<span aria-hidden="true">\u2022</span> <strong>{_text(labels["emergency"])}</strong></p>')
    where = [escape(", ".join(contact.address))] if contact.address else []
    if contact.website:
        href = contact.website if contact.website.startswith(("https://", "http://")) else f"https://{contact.website}"
        where.append(f'<a href="{escape(href)}">{escape(contact.website)}</a>')
    if contact.email:
        where.append(f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>')
    if where:
        parts.append(f'<p class="where">{_BULLET.join(where)}</p>')
    if contact.placeholder:
        parts.append(f'<p class="placeholder"><strong>{escape(labels["placeholder"])}</strong></p>')
    parts.append("</header>")
    return "\n".join(parts)


def nav_html(nav: Nav) -> str:
    """The site navigation: the index, then the other languages, each in its own language."""
    others = "".join(f'<li><a href="{escape(href)}" lang="{escape(tag)}" hreflang="{escape(tag)}">{escape(name)}</a></li>'
                     for name, tag, href in nav.languages)
    languages = (f'<p class="languages-label">{escape(nav.languages_label)}</p><ul class="languages">{others}</ul>'
                 if others else "")
    return (f'<nav class="site" aria-label="{escape(nav.label)}"><p><a href="{escape(nav.index_href)}">'
            f"{escape(nav.index_label)}</a></p>{languages}</nav>")


def _main(doc: model.Document) -> str:
    parts = ["<main>", f"<h1>{escape(doc.title)}</h1>"]
    for section in doc.sections:
        parts.append(f'<section id="{escape(section.id)}" aria-labelledby="h-{escape(section.id)}">')
        parts.append(f'<h2 id="h-{escape(section.id)}">{escape(section.title)}</h2>')
        parts.extend(_blocks(section.blocks, doc.furniture.labels))
        parts.append("</section>")
    parts.append("</main>")
    return "\n".join(parts)


def _footer(doc: model.Document) -> str:
    f = doc.furniture
    lines = [f.labels["leaflet"], f"{doc.contact.name} \u2022 {f.labels['phone']}", *f.credits]
    if f.footer_note:
        lines.append(f.footer_note)
    parts = ['<footer class="furniture">', *(f"<p>{_text(line)}</p>" for line in lines)]
    parts += [f'<p class="notice"><strong>{escape(notice)}</strong></p>' for notice in f.notices]
    parts.append("</footer>")
    return "\n".join(parts)


# -- blocks -----------------------------------------------------------------------


def _blocks(blocks: tuple[model.Block, ...], labels: dict[str, str]) -> list[str]:
    out: list[str] = []
    items = list(blocks)
    while items:
        block = items.pop(0)
        if _is_list(block, "do") and items and _is_list(items[0], "dont"):
            out.append(f'<div class="do-dont">{_html(block, labels)}{_html(items.pop(0), labels)}</div>')
            continue
        out.append(_html(block, labels))
    return out


def _is_list(block: model.Block, kind: str) -> bool:
    return isinstance(block, model.ItemList) and block.kind == kind


def inline(text: model.Inline) -> str:
    return "".join(f"<strong>{_text(s.text)}</strong>" if s.bold else _text(s.text) for s in text)


@singledispatch
def _html(block: model.Block, labels: dict[str, str]) -> str:  # pragma: no cover - every block has a renderer
    raise TypeError(f"no HTML for {type(block).__name__}")


@_html.register
def _(block: model.Heading, labels: dict[str, str]) -> str:
    return f"<h3>{inline(block.text)}</h3>"


@_html.register
def _(block: model.Paragraph, labels: dict[str, str]) -> str:
    return f"<p>{inline(block.text)}</p>"


@_html.register
def _(block: model.ItemList, labels: dict[str, str]) -> str:
    items = "".join(f"<li>{inline(item)}</li>" for item in block.items)
    if block.kind in ("do", "dont"):
        title = labels["do" if block.kind == "do" else "dont"]
        return f'<div class="box {block.kind}"><h3>{escape(title)}</h3><ul>{items}</ul></div>'
    tag = "ol" if block.kind == "numbered" else "ul"
    return f"<{tag}>{items}</{tag}>"


@_html.register
def _(block: model.Table, labels: dict[str, str]) -> str:
    head = block.header.cells
    rows = []
    for row in block.rows:
        level = f' class="level-{row.level}"' if row.level else ""
        cells = []
        for index, cell in enumerate(row.cells):
            label = f' data-label="{escape(_plain(head[index]))}"' if index < len(head) else ""
            content = inline(cell)
            if row.level and index == len(row.cells) - 1:
                content = f'<strong class="level">{escape(labels[f"level_{row.level}"])}</strong> {content}'
            tag = "th" if index == 0 else "td"
            scope = ' scope="row"' if index == 0 else ""
            cells.append(f"<{tag}{scope}{label}>{content}</{tag}>")
        rows.append(f"<tr{level}>{''.join(cells)}</tr>")
    header = "".join(f'<th scope="col">{inline(cell)}</th>' for cell in head)
    return (f'<div class="table"><table><thead><tr>{header}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


@_html.register
def _(block: model.Callout, labels: dict[str, str]) -> str:
    title = f"<h3>{inline(block.title)}</h3>" if block.title else ""
    return f'<div class="callout {block.kind}">{title}{"".join(_blocks(block.blocks, labels))}</div>'


@_html.register
def _(block: model.CareCard, labels: dict[str, str]) -> str:
    level = escape(labels[f"level_{block.level}"])
    return (f'<div class="card {block.level}"><h3><span class="level">{level}</span>'
            f' <span aria-hidden="true">\u2022</span> {inline(block.title)}</h3>'
            f'<div class="card-body">{"".join(_blocks(block.blocks, labels))}</div></div>')


@_html.register
def _(block: model.WriteIn, labels: dict[str, str]) -> str:
    title = f"<h3>{inline(block.title)}</h3>" if block.title else ""
    fields = "".join(
        f'<p class="write-label">{inline(label)}</p>' + '<div class="write-line"></div>' * lines
        for label, lines in block.fields
    )
    return f'<div class="write-in">{title}{fields}</div>'


@_html.register
def _(block: model.QA, labels: dict[str, str]) -> str:
    return f'<div class="qa"><h3>{inline(block.question)}</h3><p>{inline(block.answer)}</p></div>'


@_html.register
def _(block: model.Figure, labels: dict[str, str]) -> str:
    alt = escape(_plain(block.caption), quote=True)
    picture = (f'<figure><img src="{_data_uri(block.image or b"")}" alt="{alt}">'
               f"<figcaption>{inline(block.caption)}</figcaption></figure>")
    beside = "".join(_blocks(block.beside, labels))
    return f'<div class="figure-row">{picture}<div class="beside">{beside}</div></div>'


# -- helpers ----------------------------------------------------------------------


def _plain(text: model.Inline) -> str:
    return model.plain(text)


def _data_uri(image: bytes) -> str:
    kind = "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(image).decode('ascii')}"


def _all_text(doc: model.Document) -> str:
    """Every character the page shows, for the font subsets."""
    return render_text(doc)


def render_text(doc: model.Document) -> str:
    parts = [doc.title, doc.contact.name, doc.contact.department or "", " ".join(doc.contact.address),
             doc.contact.website, doc.contact.email or "", *doc.furniture.labels.values(), *doc.furniture.credits,
             doc.furniture.footer_note or "", *doc.furniture.notices, "\u2022 -0123456789"]
    for section in doc.sections:
        parts.append(section.title)
        parts.extend(_block_text(b) for b in section.blocks)
    return "".join(parts)


def _block_text(block: model.Block) -> str:
    if isinstance(block, (model.Heading, model.Paragraph)):
        return _plain(block.text)
    if isinstance(block, model.ItemList):
        return "".join(_plain(i) for i in block.items)
    if isinstance(block, model.Table):
        return "".join(_plain(c) for row in (block.header, *block.rows) for c in row.cells)
    if isinstance(block, (model.Callout, model.CareCard)):
        title = _plain(block.title) if block.title else ""
        return title + "".join(_block_text(b) for b in block.blocks)
    if isinstance(block, model.WriteIn):
        return (_plain(block.title) if block.title else "") + "".join(_plain(label) for label, _ in block.fields)
    if isinstance(block, model.QA):
        return _plain(block.question) + _plain(block.answer)
    if isinstance(block, model.Figure):
        return _plain(block.caption) + "".join(_block_text(b) for b in block.beside)
    return ""
