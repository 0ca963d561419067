"""Jinja2: find a section's template on the search path and render it in a locale.

Templates are content, not code: a clinic's override folder may be written by someone who
must not be able to run programs. So every template renders in Jinja2's immutable sandbox
(no attribute of Python's internals, no changing the values it is given), and the loaders
read only regular files inside their own folders: no symlink that leaves the folder, no
absolute or ``..`` names.
"""
from __future__ import annotations

import os
from gettext import NullTranslations
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .errors import InputError

PACKAGE_PREFIX = "!package"


class ContainedLoader(jinja2.FileSystemLoader):
    """A file-system loader that never reads outside its folders."""

    def get_source(self, environment: jinja2.Environment, template: str):
        if template.startswith(("/", "\\")) or "\\" in template or any(
                part in ("..", "") for part in template.split("/")[:-1]):
            raise jinja2.TemplateNotFound(template)
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        roots = [os.path.realpath(folder) for folder in self.searchpath]
        if not any(real.startswith(root + os.sep) for root in roots) or not os.path.isfile(real):
            raise InputError(f"{filename}: refused: it leads outside the template folder (to {real}); "
                             f"templates must be regular files inside their folder")
        return source, filename, uptodate


def make_environment(path: tuple[Path, ...], translations: NullTranslations) -> jinja2.Environment:
    """An environment whose loader tries each folder of ``path`` in turn.

    The last folder (the package's own templates) is also reachable as ``!package/...``,
    so a clinic's override can include or extend the template it replaces.
    """
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({PACKAGE_PREFIX: ContainedLoader(str(path[-1]))}, delimiter="/"),
        ContainedLoader([str(p) for p in path]),
    ])
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=False,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations, newstyle=True)
    return env


def render_section(env: jinja2.Environment, topic_id: str, section_id: str, values: dict) -> tuple[str, str]:
    """Render one section; return (markup, the template's file name for messages)."""
    name = f"{topic_id}/{section_id}.j2"
    try:
        template = env.get_template(name)
        return template.render(values), template.filename or name
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"{exc.filename or name}:{exc.lineno}: template error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        filename = _where(env, name)
        line = _template_line(exc, filename)
        where = f"{filename}:{line}" if line else filename
        raise InputError(f"{where}: template uses an unknown value: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise InputError(f"{name}: template not found: {exc.name}") from None
    except SecurityError as exc:
        filename = _where(env, name)
        line = _template_line(exc, filename)
        where = f"{filename}:{line}" if line else filename
        raise InputError(f"{where}: refused: a template may only use the values it is given ({exc})") from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
        filename = _where(env, name)
        line = _template_line(exc, filename)
        where = f"{filename}:{line}" if line else filename
        raise InputError(f"{where}: template error: {exc}") from None


def _template_line(exc: BaseException, filename: str) -> int | None:
    """Jinja2 rewrites tracebacks to template lines: take the deepest one in ``filename``."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _where(env: jinja2.Environment, name: str) -> str:
    try:
        return env.get_template(name).filename or name
    except jinja2.TemplateError:
        return name
