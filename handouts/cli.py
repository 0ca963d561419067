"""The ``handouts`` command line: arguments in, one library call, errors to exit codes."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .brand import PLACEHOLDER
from .build import Request, build, section_titles
from .errors import HandoutsError, RequestError
from .output import write_atomic
from .topics import load_topic, search_path, topic_ids

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

EXIT_CODES = """\b
Exit codes:
  0    success
  1    batch finished, but some handouts failed
  2    usage error (unknown topic, section or locale; bad option)
  3    invalid input data (brand file, manifest, catalog, template)
  4    output or I/O error (cannot write, output locked)
  130  interrupted"""


def _fail(error: HandoutsError) -> None:
    click.echo(f"handouts: error: {error}", err=True)
    sys.exit(error.exit_code)


def _complete_topics(ctx, param, incomplete):
    return [t for t in topic_ids() if t.startswith(incomplete)]


def _complete_sections(ctx, param, incomplete):
    topic = ctx.params.get("topic")
    try:
        sections = load_topic(topic).sections if topic else ()
    except HandoutsError:
        return []
    return [s for s in (*sections, "all") if s.startswith(incomplete)]


@click.group(context_settings=CONTEXT, epilog=EXIT_CODES)
@click.version_option(__version__, "--version", prog_name="handouts")
def main() -> None:
    """Print clinic-branded patient handouts as PDF.

    \b
    Examples:
      handouts build milia
      handouts build milia -s all -o milia-full.pdf
      handouts list sections milia
    """


@main.command(epilog=EXIT_CODES)
@click.argument("topic", shell_complete=_complete_topics)
@click.option("-s", "--section", "sections", multiple=True, shell_complete=_complete_sections,
              help="Section to include (repeat; 'all' for every section). Default: the topic's defaults.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output PDF path, or - for stdout. Default: TOPIC-LOCALE.pdf here.")
@click.option("-l", "--locale", default="en", show_default=True, help="Language of the handout.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), help="Paper size. Default: from the brand's country, else A4.")
def build_command(topic: str, sections: tuple[str, ...], output: str | None, locale: str, paper: str | None) -> None:
    """Build one handout as a PDF.

    \b
    Examples:
      handouts build milia
      handouts build milia -s overview -s faq -o out.pdf
      handouts build milia -s all -o - > milia.pdf
    """
    try:
        if output == "-" and sys.stdout.isatty():
            raise RequestError("refusing to write a PDF to a terminal; redirect stdout or use -o FILE")
        handout = build(Request(topic=topic, sections=sections, locale=locale, brand=PLACEHOLDER, paper=paper))
        for message in handout.messages:
            click.echo(f"handouts: {message}", err=True)
        if output == "-":
            sys.stdout.buffer.write(handout.pdf)
            sys.stdout.buffer.flush()
            return
        target = Path(output or f"{topic}-{handout.document.locale}.pdf")
        write_atomic(target, handout.pdf)
        click.echo(f"handouts: wrote {target}", err=True)
    except HandoutsError as error:
        _fail(error)


build_command.name = "build"


@main.group("list", context_settings=CONTEXT)
def list_group() -> None:
    """List topics, a topic's sections, or the available languages."""


@list_group.command("topics")
def list_topics() -> None:
    """List the topics that can be printed."""
    for topic_id in topic_ids():
        try:
            topic = load_topic(topic_id)
        except HandoutsError as error:
            _fail(error)
        click.echo(f"{topic_id}\t{topic.title}")


@list_group.command("sections")
@click.argument("topic", shell_complete=_complete_topics)
def list_sections(topic: str) -> None:
    """List a topic's sections (id and title), in print order; * marks the defaults."""
    try:
        meta = load_topic(topic, search_path())
        for section_id, title in section_titles(meta):
            mark = "*" if section_id in meta.default_sections else " "
            click.echo(f"{mark} {section_id}\t{title}")
    except HandoutsError as error:
        _fail(error)

