"""Writing outputs atomically: a failed run never leaves a half-written file behind,
and never replaces a good file with a bad one."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import OutputError, RequestError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync, rename."""
    with atomic_file(path) as handle:
        handle.write(data)


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write ``path``'s new content into, as a stream: it replaces ``path`` (fsync,
    rename) only when the block ends without an error; otherwise it is removed and ``path``
    stays as it was."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write: folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise


def check_target(path: Path, inputs: tuple[Path | None, ...] = (), input_folders: tuple[Path, ...] = ()) -> None:
    """Refuse an output that would destroy something: one of the run's own inputs (the brand
    file, its logo, a template or catalog it reads: exit 2), or anything that is not a regular
    file, such as a device, a folder or a pipe (exit 4). A missing file is fine."""
    try:
        _check_target(path, inputs, input_folders)
    except OSError as exc:  # a name too long, a folder that cannot be searched, ...
        raise OutputError(f"{path}: cannot write here: {exc.strerror or exc}") from None


def _check_target(path: Path, inputs: tuple[Path | None, ...], input_folders: tuple[Path, ...]) -> None:
    resolved = path.resolve()
    for source in filter(None, inputs):
        if resolved == source.resolve():
            raise RequestError(f"{path}: is one of this run's inputs ({source}); choose another output name")
    for folder in input_folders:
        if folder.is_dir() and resolved.is_relative_to(folder.resolve()) and resolved.suffix in _INPUT_SUFFIXES:
            raise RequestError(f"{path}: is inside {folder}, which this run reads templates or catalogs from; "
                               "choose another output name")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        kind = "a symbolic link" if path.is_symlink() else ("a folder" if path.is_dir() else "not a regular file")
        raise OutputError(f"{path}: is {kind}; give the name of a file to write (it is replaced whole, never "
                          "written through)")


_INPUT_SUFFIXES = frozenset({".j2", ".toml", ".po", ".pot", ".mo", ".png", ".jpg", ".jpeg"})
