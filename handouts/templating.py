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
import jinja2.bccache
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .errors import InputError
from .timebox import TimeLimit, time_limit

PACKAGE_PREFIX = "!package"
MAX_TEMPLATE_BYTES = 256 * 1024  # a section template is a few kB
MAX_SEQUENCE = 100_000  # characters or items that '*' may make (Jinja's own cap on range())
MAX_EXPONENT = 64  # 'a ** b': no number a page could print needs more
RENDER_SECONDS = 5.0  # a section renders in milliseconds; a loop that never ends stops here


class ContainedLoader(jinja2.FileSystemLoader):
    """A file-system loader that never reads outside its folders."""

    def get_source(self, environment: jinja2.Environment, template: str):
        if template.startswith(("/", "\\")) or "\\" in template or any(
                part in ("..", "") for part in template.split("/")[:-1]):
            raise jinja2.TemplateNotFound(template)
        for folder in self.searchpath:  # check before reading: a pipe or device would block or never end
            candidate = os.path.join(folder, *template.split("/"))
            if os.path.lexists(candidate):
                _check_file(candidate, [os.path.realpath(f) for f in self.searchpath])
                break
        return super().get_source(environment, template)


def _check_file(filename: str, roots: list[str]) -> None:
    real = os.path.realpath(filename)
    if not any(real.startswith(root + os.sep) for root in roots):
        raise InputError(f"{filename}: refused: it leads outside the template folder (to {real}); "
                         f"templates must be regular files inside their folder")
    if not os.path.isfile(real):
        raise InputError(f"{filename}: refused: not a regular file (a folder, pipe or device)")
    if os.path.getsize(real) > MAX_TEMPLATE_BYTES:
        raise InputError(f"{filename}: refused: over {MAX_TEMPLATE_BYTES // 1024} kB, too big for a section template")


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with arithmetic that cannot make a gigabyte string or a huge number."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent {right} is over {MAX_EXPONENT}")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) \
                        and len(sequence) * count > MAX_SEQUENCE:
                    raise SecurityError(f"'*' would make {len(sequence) * count} items, over {MAX_SEQUENCE}")
        return super().call_binop(context, operator, left, right)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates shared by every environment in this process.

    Each build makes its own environment (its translations differ), so Jinja2's own cache,
    which lives in one environment, would compile every template again on every build. All
    environments here are made alike, so their compiled code is interchangeable. Jinja2 keys
    each entry by the template's name and file and checks the source's checksum before using
    it, so an edited override is compiled afresh.
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if len(self.code) >= self.size:
            self.code.pop(next(iter(self.code)))  # the oldest entry
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def make_environment(path: tuple[Path, ...], translations: NullTranslations) -> jinja2.Environment:
    """An environment whose loader tries each folder of ``path`` in turn.

    The last folder (the package's own templates) is also reachable as ``!package/...``,
    so a clinic's override can include or extend the template it replaces.
    """
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({PACKAGE_PREFIX: ContainedLoader(str(path[-1]))}, delimiter="/"),
        ContainedLoader([str(p) for p in path]),
    ])
    env = _BoundedSandbox(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=False,
        optimized=False,  # no arithmetic folded at compile time, past the bounds above
        bytecode_cache=_COMPILED,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations, newstyle=True)
    return env


def render_section(env: jinja2.Environment, topic_id: str, section_id: str, values: dict) -> tuple[str, str]:
    """Render one section; return (markup, the template's file name for messages)."""
    name = f"{topic_id}/{section_id}.j2"
    try:
        template = env.get_template(name)
        with time_limit(RENDER_SECONDS):
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
    except UnicodeDecodeError as exc:
        raise InputError(f"{_where(env, name)}: template error: not UTF-8 text (byte {exc.start}); "
                         "save it as UTF-8") from None
    except RecursionError:
        raise InputError(f"{_where(env, name)}: template error: it includes or extends itself, "
                         "directly or through other templates") from None
    except TimeLimit:
        raise InputError(f"{_where(env, name)}: template error: still rendering after {RENDER_SECONDS:g} s "
                         "(a loop that never ends?); stopped") from None
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
    """The file that ``name`` comes from, for a message, even when it does not load."""
    try:
        return env.get_template(name).filename or name
    except Exception:  # it may not even load (not UTF-8, includes itself): find it on the path
        pass
    loaders = getattr(env.loader, "loaders", [env.loader])
    for loader in loaders:
        for folder in getattr(loader, "searchpath", []):
            candidate = os.path.join(folder, *name.split("/"))
            if os.path.isfile(candidate):
                return candidate
    return name
