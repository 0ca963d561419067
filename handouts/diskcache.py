"""A per-user cache of derived bytes (pictures prepared for print), kept between runs.

Only data is cached, never code: an entry is bytes the caller would otherwise compute from
its inputs, named by a hash of those inputs and of the versions that shape the result, so
an edited input or an upgrade simply misses. Every entry carries a checksum of its content;
a damaged or truncated entry is ignored and written again.

A cache is never needed. It is skipped, silently, when ``HANDOUTS_CACHE=off``, when its
folder cannot be made, is not the user's own or is writable by others, and on any read or
write error. ``HANDOUTS_CACHE=/some/folder`` moves it; the default is
``$XDG_CACHE_HOME/handouts`` (``~/.cache/handouts``).
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import __version__

MAX_ENTRIES = 512  # a few dozen pictures in normal use; the oldest go beyond this
_DIGEST = 32  # bytes of sha256 before each entry's content


def folder() -> Path | None:
    """The cache folder, made if need be, or None when there must be no cache."""
    setting = os.environ.get("HANDOUTS_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        path = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = Path(base) / "handouts"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None  # a link, or a folder someone else could fill
    return path


def cached(kind: str, inputs: tuple[bytes | str, ...], make: Callable[[], bytes]) -> bytes:
    """``make()``, or the bytes it gave for the same ``kind`` and ``inputs`` in an earlier run."""
    where = folder()
    if where is None:
        return make()
    key = hashlib.sha256(f"{kind}\0{__version__}\0".encode())
    for part in inputs:
        piece = part.encode() if isinstance(part, str) else part
        key.update(len(piece).to_bytes(8, "big") + piece)
    entry = where / f"{kind}-{key.hexdigest()}"
    found = _read(entry)
    if found is not None:
        return found
    data = make()
    _write(where, entry, data)
    return data


def _read(entry: Path) -> bytes | None:
    try:
        with open(entry, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            raw = handle.read()
    except OSError:
        return None
    digest, data = raw[:_DIGEST], raw[_DIGEST:]
    return data if len(raw) >= _DIGEST and hashlib.sha256(data).digest() == digest else None


def _write(where: Path, entry: Path, data: bytes) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(data).digest() + data)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(where)
    except OSError:
        pass


def _prune(where: Path) -> None:
    entries = [p for p in where.iterdir() if not p.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[:len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)
