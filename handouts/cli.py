"""The ``handouts`` command line: arguments in, one library call, errors to exit codes."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from . import __version__, resources
from .batch.command import batch_command
from .errors import EXIT_INPUT, EXIT_INTERRUPTED, HandoutsError, OutputError, RequestError

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
    from .topics import topic_ids
    return [t for t in topic_ids() if t.startswith(incomplete)]


def _complete_locales(ctx, param, incomplete):
    from .i18n.catalogs import available_locales
    return [loc for loc in available_locales() if loc.startswith(incomplete)]


def _complete_sections(ctx, param, incomplete):
    from .topics import load_topic
    topic = ctx.params.get("topic")
    try:
        sections = load_topic(topic).sections if topic else ()
    except HandoutsError:
        return []
    return [s for s in (*sections, "all") if s.startswith(incomplete)]


class _Handouts(click.Group):
    """The command group: Ctrl-C anywhere exits 130 (click's own handling would exit 1)."""

    def invoke(self, ctx: click.Context):
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch is not None and not epoch.strip().isdigit():
            _fail(RequestError(f"SOURCE_DATE_EPOCH={epoch!r}: give whole seconds since 1970 (e.g. 1700000000), "
                               "or unset it"))
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("handouts: interrupted; nothing was written", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Handouts, context_settings=CONTEXT, epilog=EXIT_CODES)
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
              help="Output path, or - for stdout. Default: TOPIC-LOCALE.pdf (or .html) here.")
@click.option("-f", "--format", "fmt", type=click.Choice(["pdf", "html"]), default="pdf", show_default=True,
              help="pdf: print-ready; html: one self-contained accessible web page (screen readers, zoom).")
@click.option("-l", "--locale", default="en", show_default=True, shell_complete=_complete_locales,
              help="Language of the handout, e.g. es, es-MX, ar, zh-Hans. The nearest shipped catalog is used.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), help="Paper size. Default: from the brand's country, else A4.")
@click.option("--large-print", is_flag=True,
              help="Large print: body text 16 pt, headings larger, one column, wide tables as stacked rows.")
@click.option("-b", "--brand", "brand_file", type=click.Path(dir_okay=False, path_type=Path), envvar="HANDOUTS_BRAND",
              help="Clinic brand file (TOML; see 'handouts brand init'). Default: $HANDOUTS_BRAND, else a sample clinic.")
@click.option("--strict", is_flag=True, help="Treat brand warnings (such as low colour contrast) as errors.")
@click.option("--allow-incomplete", is_flag=True,
              help="Print even if some text is not translated: it stays in English and the handout says so.")
@click.option("--allow-overdue", is_flag=True,
              help="Print a topic, translation or approval past its review date, marked overdue on every page.")
@click.option("--locales", "locales", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder of extra catalogs, looked for before the packaged ones (e.g. your translation in "
                   "progress, made with 'handouts i18n init --locales-dir'); repeatable. Also $HANDOUTS_LOCALES.")
def build_command(topic: str, sections: tuple[str, ...], output: str | None, fmt: str, locale: str,
                  paper: str | None, large_print: bool, brand_file: Path | None, strict: bool,
                  allow_incomplete: bool, allow_overdue: bool, locales: tuple[Path, ...]) -> None:
    """Build one handout as a PDF (or an accessible HTML page).

    \b
    Examples:
      handouts build milia
      handouts build milia -s overview -s faq -o out.pdf
      handouts build milia -s all -o - > milia.pdf
      handouts build milia --brand clinic.toml -l es
      handouts build milia -l ar --format html
      handouts build milia --large-print
    """
    from .brand import PLACEHOLDER
    from .brandfile import load_brand
    from .build import Request, build, build_html
    from .output import check_target, write_atomic
    from .topics import search_path
    try:
        if output == "-" and sys.stdout is None:
            raise OutputError("standard output is closed; give -o FILE")
        if output == "-" and sys.stdout.isatty() and fmt == "pdf":
            raise RequestError("refusing to write a PDF to a terminal; redirect stdout or use -o FILE")
        brand = PLACEHOLDER
        if brand_file is not None:
            brand, warnings = load_brand(brand_file, strict=strict)
            for warning in warnings:
                click.echo(f"handouts: warning: {warning}", err=True)
        request = Request(topic=topic, sections=sections, locale=locale, brand=brand, paper=paper,
                          large_print=large_print, allow_incomplete=allow_incomplete, allow_overdue=allow_overdue, locales=locales)
        handout = build_html(request) if fmt == "html" else build(request)
        data = handout.html.encode("utf-8") if fmt == "html" else handout.pdf
        for message in handout.messages:
            click.echo(f"handouts: {message}", err=True)
        if output == "-":
            _to_stdout(data)
            return
        target = Path(output or f"{topic}-{handout.document.locale}.{fmt}")
        check_target(target, (brand_file, brand.logo_file),
                     (*search_path(brand.templates), *request.catalog_folders))
        write_atomic(target, data)
        click.echo(f"handouts: wrote {target}", err=True)
    except HandoutsError as error:
        _fail(error)


build_command.name = "build"


def _to_stdout(data: bytes) -> None:
    """Write the handout to standard output; a reader that went away is an output error
    (exit 4), said once, not a traceback or a silent exit 1."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush at exit
        raise OutputError("standard output: the program reading it stopped before the handout was all "
                          "written (broken pipe)") from None


@main.command("site", epilog=EXIT_CODES)
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-b", "--brand", "brand_file", type=click.Path(dir_okay=False, path_type=Path), envvar="HANDOUTS_BRAND",
              help="Clinic brand file. Default: $HANDOUTS_BRAND, else the sample clinic.")
@click.option("--locales", "locales", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder of extra catalogs, looked for before the packaged ones; repeatable.")
def site_command(outdir: Path, brand_file: Path | None, locales: tuple[Path, ...]) -> None:
    """Write every topic in every complete language as accessible web pages.

    \b
    OUTDIR/index.html            the languages, each in its own language
    OUTDIR/LOCALE/index.html     that language's leaflets
    OUTDIR/LOCALE/TOPIC.html     one leaflet (where the printed QR code leads)

    Copy OUTDIR to any static web server and set [print] online in the brand file to its
    address. A leaflet its language does not fully cover, or one that may not be printed
    (review overdue, approval missing), is left out and listed.
    """
    from .brand import PLACEHOLDER
    from .brandfile import load_brand
    from .output import write_atomic
    from .site import make_site
    try:
        brand = load_brand(brand_file)[0] if brand_file else PLACEHOLDER
        if outdir.exists() and not outdir.is_dir():
            raise OutputError(f"{outdir}: exists and is not a folder")
        result = make_site(brand, locales)
        for page in result.pages:
            target = outdir / page.path
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(f"{target.parent}: cannot make the folder: {exc.strerror}") from None
            write_atomic(target, page.html.encode("utf-8"))
        for reason in result.left_out:
            click.echo(f"handouts: left out: {reason}", err=True)
        leaflets = sum(1 for page in result.pages if not page.path.endswith("index.html"))
        click.echo(f"handouts: wrote {leaflets} leaflets and {len(result.pages) - leaflets} index pages to {outdir}",
                   err=True)
    except HandoutsError as error:
        _fail(error)


@main.command("serve", epilog=EXIT_CODES)
@click.option("--brands", "brands", type=click.Path(path_type=Path), envvar="HANDOUTS_BRANDS",
              help="Folder of the clinic's brand files (*.toml), offered by name. Default: $HANDOUTS_BRANDS, "
                   "else only the sample clinic.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this machine needs --token.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="HANDOUTS_TOKEN",
              help="Access token (16+ characters) every browser must present; required off this machine. "
                   "Also $HANDOUTS_TOKEN.")
@click.option("--locales", "locales", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder of extra catalogs, looked for before the packaged ones; repeatable.")
def serve_command(brands: Path | None, host: str, port: int, token: str | None, locales: tuple[Path, ...]) -> None:
    """Serve the staff page: pick, preview and print handouts, make ward packs.

    \b
    Examples:
      handouts serve                          # http://127.0.0.1:8080/
      handouts serve --brands /srv/clinic/brands
      handouts serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    from .web.app import brands_folder
    from .web.choices import Setup
    from .web.serve import serve
    try:
        serve(Setup(brands_folder(brands), locales), host, port, token, lambda line: click.echo(line, err=True))
    except HandoutsError as error:
        _fail(error)


@main.group("list", context_settings=CONTEXT)
def list_group() -> None:
    """List topics, a topic's sections, or the available languages."""


@list_group.command("topics")
@click.option("-b", "--brand", "brand_file", type=click.Path(dir_okay=False, path_type=Path), envvar="HANDOUTS_BRAND",
              help="Also show the clinic's approval of each topic (default: $HANDOUTS_BRAND).")
def list_topics(brand_file: Path | None) -> None:
    """List the topics: id, title, version, review status, reviewer, next review due."""
    from .brand import PLACEHOLDER
    from .brandfile import load_brand
    from .review.status import approval_summary, topic_summary
    from .topics import load_topic, search_path, topic_ids
    try:
        brand = load_brand(brand_file)[0] if brand_file else PLACEHOLDER
        path = search_path(brand.templates)
        today = dt.date.today()
        for topic_id in topic_ids(path):
            topic = load_topic(topic_id, path)
            state, reviewer, due = topic_summary(topic, path, today)
            row = [topic_id, topic.title, f"version {topic.version}", state, reviewer or "-", f"due {due}" if due else "-"]
            if brand_file:
                approval, code, until = approval_summary(topic, brand, path, today)
                row.append(f"clinic approval: {approval}" + (f" ({code}, until {until})" if code else ""))
            click.echo("\t".join(row))
    except HandoutsError as error:
        _fail(error)


@list_group.command("locales")
def list_locales() -> None:
    """List the languages: native name, direction, completeness and review status."""
    from .i18n.listing import locale_rows
    try:
        for row in locale_rows():
            click.echo("\t".join(row))
    except HandoutsError as error:
        _fail(error)


@list_group.command("sections")
@click.argument("topic", shell_complete=_complete_topics)
@click.option("-b", "--brand", "brand_file", type=click.Path(dir_okay=False, path_type=Path), envvar="HANDOUTS_BRAND",
              help="Include the sections a clinic's template overrides add (default: $HANDOUTS_BRAND).")
def list_sections(topic: str, brand_file: Path | None) -> None:
    """List a topic's sections (id and title), in print order; * marks the defaults."""
    from .brand import PLACEHOLDER
    from .brandfile import load_brand
    from .build import section_titles
    from .topics import load_topic, search_path
    try:
        brand = load_brand(brand_file)[0] if brand_file else PLACEHOLDER
        meta = load_topic(topic, search_path(brand.templates))
        for section_id, title in section_titles(meta, brand=brand):
            mark = "*" if section_id in meta.default_sections else " "
            click.echo(f"{mark} {section_id}\t{title}")
    except HandoutsError as error:
        _fail(error)


@main.group("brand", context_settings=CONTEXT, epilog=EXIT_CODES)
def brand_group() -> None:
    """Set up and check a clinic's brand file."""


@brand_group.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def brand_init(path: Path, force: bool) -> None:
    """Write a commented starter brand file to edit.

    \b
    Example:
      handouts brand init clinic.toml
    """
    from .brand_starter import write_starter
    try:
        write_starter(path, force=force)
    except HandoutsError as error:
        _fail(error)
    click.echo(f"handouts: wrote {path}; edit it, then run: handouts brand check {path}", err=True)


@brand_group.command("check")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings (such as low colour contrast) as errors.")
def brand_check(path: Path, strict: bool) -> None:
    """Validate a brand file and show what the handout will use."""
    from .brand_report import describe
    from .brandfile import load_brand
    try:
        brand, warnings = load_brand(path, strict=strict)
    except HandoutsError as error:
        _fail(error)
    click.echo(describe(brand, warnings))


_LOCALES_DIR_HELP = ("Catalog folder to work on. Default: $HANDOUTS_LOCALES, else the locales/ folder of the "
                     "source checkout you are in; nothing is ever written into the installed package.")


def _locales_dir_option(command):
    """``--locales-dir`` after the subcommand too: ``handouts i18n init fr --locales-dir DIR``."""
    def remember(ctx: click.Context, _param, value: Path | None) -> Path | None:
        if value is not None:
            ctx.ensure_object(dict)["locales_dir"] = value
        return value
    return click.option("--locales-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        expose_value=False, callback=remember, help=_LOCALES_DIR_HELP)(command)


def _working_folder(ctx: click.Context, *, writes: bool) -> Path:
    """The catalog folder an i18n command works on (see ``_LOCALES_DIR_HELP``)."""
    given = (ctx.obj or {}).get("locales_dir")
    if given:
        return given
    extra = resources.extra_catalog_folders()
    if extra:
        return extra[0]
    checkout = resources.source_checkout()
    if checkout:
        return checkout / "locales"
    if writes:
        raise RequestError("no catalog folder to write to: give --locales-dir DIR, a folder of your own (it is "
                           "created if needed); handouts never writes into its installed package")
    return resources.LOCALES_DIR


@main.group("i18n", context_settings=CONTEXT, epilog=EXIT_CODES)
@_locales_dir_option
@click.pass_context
def i18n_group(ctx: click.Context) -> None:
    """Translator tools: extract, init, update, compile, check and stats (see locales/README.md).

    \b
    A new language, without a copy of the source code:
      handouts i18n init fr --locales-dir my-catalogs --translator "Your Name"
      (translate my-catalogs/fr/LC_MESSAGES/handouts.po in Poedit or Weblate)
      handouts i18n check fr --locales-dir my-catalogs
      handouts build milia -l fr --locales my-catalogs
    \b
    In a source checkout (the project's own locales/):
      handouts i18n extract          # English text -> locales/handouts.pot
      handouts i18n update           # merge it into every catalog; changed text turns fuzzy
      handouts i18n check es         # placeholders, markup, plural forms, what is missing
    """
    ctx.ensure_object(dict)


@i18n_group.command("extract")
@_locales_dir_option
@click.pass_context
def i18n_extract(ctx: click.Context) -> None:
    """Collect the English text into the template catalog (handouts.pot); in a source checkout."""
    from .i18n import workflow
    try:
        root = resources.source_checkout()
        if root is None:
            raise RequestError("extract reads the project's templates and code, so it runs in a source checkout of "
                               "handouts; translators do not need it: the template ships with handouts "
                               "(start with 'handouts i18n init LOCALE --locales-dir DIR')")
        locales = _working_folder(ctx, writes=True)
        count = workflow.extract(root, locales)
    except HandoutsError as error:
        _fail(error)
    click.echo(f"handouts: {count} messages -> {locales / workflow.POT_NAME}", err=True)


@i18n_group.command("init")
@click.argument("locale")
@click.option("--translator", default="", help="Your name, recorded in the catalog header.")
@_locales_dir_option
@click.pass_context
def i18n_init(ctx: click.Context, locale: str, translator: str) -> None:
    """Start a catalog for a new language (marked draft), from the template shipped with handouts."""
    from .i18n import workflow
    try:
        locales = _working_folder(ctx, writes=True)
        path = workflow.init(locale, locales, translator)
    except HandoutsError as error:
        _fail(error)
    click.echo(f"handouts: created {path}", err=True)
    warning = workflow.font_warning(path.parent.parent.name)
    if warning:
        click.echo(f"handouts: warning: {warning}", err=True)


@i18n_group.command("update")
@_locales_dir_option
@click.pass_context
def i18n_update(ctx: click.Context) -> None:
    """Merge the template into every catalog; entries whose English changed become fuzzy."""
    from .i18n import workflow
    try:
        locales = _working_folder(ctx, writes=True)
        for locale, stats in workflow.update(locales):
            click.echo(f"{locale}\t{stats.translated} translated\t{stats.fuzzy} fuzzy\t{stats.untranslated} untranslated")
    except HandoutsError as error:
        _fail(error)


@i18n_group.command("compile")
@_locales_dir_option
@click.pass_context
def i18n_compile(ctx: click.Context) -> None:
    """Compile every catalog to .mo for other gettext tools (handouts itself reads the .po)."""
    from .i18n import workflow
    try:
        locales = _working_folder(ctx, writes=True)
        for path in workflow.compile_all(locales):
            click.echo(f"handouts: wrote {path}", err=True)
    except HandoutsError as error:
        _fail(error)


@i18n_group.command("check")
@click.argument("locale", required=False)
@_locales_dir_option
@click.pass_context
def i18n_check(ctx: click.Context, locale: str | None) -> None:
    """Check catalogs: placeholders, markup, plural forms, fuzzy and untranslated entries.

    Exits 3 when any catalog has a problem or is incomplete.
    """
    from .i18n import workflow
    try:
        locales = _working_folder(ctx, writes=False)
        reports = workflow.reports(locales, locale)
    except HandoutsError as error:
        _fail(error)
    failed = False
    for report in reports:
        status = "ok" if not (report.problems or report.incomplete) else "needs work"
        click.echo(f"{report.locale}: {status} ({report.stats.translated}/{report.stats.total} translated, "
                   f"review: {report.review_state})")
        warning = workflow.font_warning(report.locale)
        if warning:
            click.echo(f"  warning: {warning}")
        for problem in report.problems:
            click.echo(f"  error: {problem}")
        for line in report.incomplete:
            click.echo(f"  missing: {line}")
        failed = failed or bool(report.problems or report.incomplete)
    if failed:
        sys.exit(EXIT_INPUT)


@i18n_group.command("stats")
@_locales_dir_option
@click.pass_context
def i18n_stats(ctx: click.Context) -> None:
    """Per language: translated, fuzzy and untranslated counts, and review status."""
    from .i18n import workflow
    try:
        locales = _working_folder(ctx, writes=False)
        reports = workflow.reports(locales)
    except HandoutsError as error:
        _fail(error)
    click.echo("locale\ttranslated\tfuzzy\tuntranslated\treview\treviewer")
    for r in reports:
        click.echo(f"{r.locale}\t{r.stats.translated}\t{r.stats.fuzzy}\t{r.stats.untranslated}\t"
                   f"{r.review_state}\t{r.review.reviewer or '-'}")


main.add_command(batch_command, "batch")


@main.group("topic", context_settings=CONTEXT, epilog=EXIT_CODES)
def topic_group() -> None:
    """Write your own topics: a starter that passes the checks, and the checks themselves.

    \b
    Examples:
      handouts topic new eczema --dir overrides        # a clinic's own topic, in its override folder
      handouts topic check eczema --dir overrides
      handouts topic check milia                       # a topic that ships with handouts
    """


@topic_group.command("new")
@click.argument("topic_id")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The folder to write the topic's folder into (e.g. your override folder).")
@click.option("--title", default=None, help="The handout's title (default: from the id).")
def topic_new(topic_id: str, folder: Path, title: str | None) -> None:
    """Write a starter topic (draft) that already passes 'handouts topic check'."""
    from .authoring.starter import write_starter_topic
    try:
        target = write_starter_topic(topic_id, folder, title)
    except HandoutsError as error:
        _fail(error)
    click.echo(f"handouts: wrote {target}; edit its templates, then run: handouts topic check {topic_id} "
               f"--dir {folder}", err=True)


@topic_group.command("check")
@click.argument("topic_id")
@click.option("--dir", "folder", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="A folder of topics (a clinic's override folder); default: the topics that ship.")
def topic_check(topic_id: str, folder: Path | None) -> None:
    """Check a topic against the content rules; exit 3 listing each failure with file and line.

    \b
    Rules: every section at grade 6 or below (Flesch-Kincaid); the default sections on one
    sheet (2 pages), A4 and Letter, in every language that covers the topic; an emergency
    card that gives the emergency number; an out-of-hours route on every urgent card; a
    safety line in the key points; no text outside {% trans %}; a [review] record; no run of
    8+ words shared with a file listed in compare_with.
    """
    from .authoring.check import check_topic
    try:
        failures = check_topic(topic_id, folder.resolve() if folder else None)
    except HandoutsError as error:
        _fail(error)
    for failure in failures:
        click.echo(f"  {failure}")
    if failures:
        click.echo(f"handouts: {topic_id}: {len(failures)} rule(s) not met", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"{topic_id}: ok")


@main.group("review", context_settings=CONTEXT, epilog=EXIT_CODES)
def review_group() -> None:
    """Record and show clinical reviews, translation reviews and a clinic's approvals.

    \b
    Examples:
      handouts review status
      handouts review sign milia --reviewer "Dr Ana Pérez, consultant paediatrician"
      handouts review sign milia --locale es --reviewer "Luis Gómez, paediatric nurse"
      handouts review approve milia --brand clinic.toml --by "Jo Smith, governance lead" --code QEH-NEO-012
    """


_DATE = click.DateTime(formats=["%Y-%m-%d"])


@review_group.command("sign")
@click.argument("topic", shell_complete=_complete_topics)
@click.option("--reviewer", required=True, help='Who reviewed it: "Name, role".')
@click.option("-l", "--locale", default=None, help="Record the review of this language's translation instead.")
@click.option("--translator", default=None, help="With --locale: who translated it (kept from the catalog if not given).")
@click.option("--next-review", type=_DATE, default=None, help="When the next review is due (default: in two years).")
def review_sign(topic: str, reviewer: str, locale: str | None, translator: str | None, next_review) -> None:
    """Record a review of a topic's English (or, with --locale, of a translation) as it is now."""
    from .review.sign import sign_catalog, sign_topic
    from .topics import load_topic
    today = dt.date.today()
    due = next_review.date() if next_review else None
    try:
        if locale:
            load_topic(topic)
            path = sign_catalog(locale, reviewer, today=today, root=resources.locales_dir(), translator=translator,
                                next_review=due)
            click.echo(f"handouts: recorded the review of {path} by {reviewer} on {today}", err=True)
            return
        record = sign_topic(topic, reviewer, today=today, next_review=due)
        click.echo(f"handouts: recorded the review of {topic} version {record.version} by {record.reviewer} on "
                   f"{record.date}; next review due {record.next_review}", err=True)
    except HandoutsError as error:
        _fail(error)


@review_group.command("approve")
@click.argument("topic", shell_complete=_complete_topics)
@click.option("-b", "--brand", "brand_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The clinic's brand file: the approval is written into it.")
@click.option("--by", "approver", required=True, help='Who approved it for the clinic: "Name, role".')
@click.option("--code", required=True, help="The clinic's own leaflet code, printed in the footer.")
@click.option("--until", type=_DATE, default=None, help="When the approval ends (default: in two years).")
def review_approve(topic: str, brand_file: Path, approver: str, code: str, until) -> None:
    """Record the clinic's approval of a topic as it is now (with the clinic's overrides)."""
    from .brandfile import load_brand
    from .review.sign import approve
    today = dt.date.today()
    try:
        brand = load_brand(brand_file)[0]
        approval = approve(topic, brand, by=approver, code=code, today=today, until=until.date() if until else None)
    except HandoutsError as error:
        _fail(error)
    click.echo(f"handouts: {brand_file}: {topic} approved as {approval.code} by {approval.approved_by} on "
               f"{approval.date}, until {approval.until}", err=True)


@review_group.command("status")
@click.option("-b", "--brand", "brand_file", type=click.Path(dir_okay=False, path_type=Path), envvar="HANDOUTS_BRAND",
              help="Include the clinic's approvals (default: $HANDOUTS_BRAND).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object per topic x language, for a governance dashboard.")
def review_status(brand_file: Path | None, fmt: str) -> None:
    """One row per topic x language: content and translation review, clinic approval, due dates."""
    from .brand import PLACEHOLDER
    from .brandfile import load_brand
    from .review.status import status_rows
    try:
        brand = load_brand(brand_file)[0] if brand_file else PLACEHOLDER
        rows = status_rows(brand, today=dt.date.today())
    except HandoutsError as error:
        _fail(error)
    if fmt == "json":
        click.echo(json.dumps([row.as_dict() for row in rows], indent=2, ensure_ascii=False))
        return
    click.echo("topic\tlocale\tcontent\tdue\ttranslation\tapproval\tproblems")
    for row in rows:
        translation = row.translation + (f" ({row.translation_changed} changed)" if row.translation_changed else "")
        approval = row.approval + (f" {row.approval_code} until {row.approval_until}" if row.approval_code else "")
        click.echo("\t".join([row.topic, row.locale, row.content, row.review_due or "-", translation, approval,
                              "; ".join(row.problems) or "ok"]))
