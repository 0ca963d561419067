"""Error types and the exit codes the CLI maps them to.

Exit codes (documented in the README and in ``handouts --help``):

    0  success
    1  a batch finished, but some handouts failed
    2  usage error: unknown topic, section, locale or bad option
    3  invalid input data: brand file, manifest, catalog, template
    4  output or I/O error: cannot write the output, output locked
    130  interrupted (Ctrl-C); 128+N: stopped by signal N (143 SIGTERM, 129 SIGHUP)
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130


class Terminated(BaseException):
    """A terminating signal (SIGTERM, SIGHUP) arrived: unwind as Ctrl-C does (workers
    stopped, lock released, finished files and resume record kept), then exit 128+signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class HandoutsError(Exception):
    """Base class: a problem the user can act on, with the exit code to report it under."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "".join(f"\n  - {p}" for p in self.problems)


class RequestError(HandoutsError):
    """The request names something that does not exist (topic, section, locale)."""

    exit_code = EXIT_USAGE


class InputError(HandoutsError):
    """Input data (brand, manifest, catalog, template) is invalid."""

    exit_code = EXIT_INPUT


class OutputError(HandoutsError):
    """The output cannot be written."""

    exit_code = EXIT_OUTPUT


def located(path: object, message: str, *, line: int | None = None, key: str | None = None) -> str:
    """Format a message that names the file, and the line and key where known."""
    where = str(path)
    if line is not None:
        where += f":{line}"
    if key:
        where += f": {key}"
    return f"{where}: {message}"
