"""One batch at a time per output: an exclusive, non-blocking lock file."""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold ``path`` as a lock file while the block runs, then remove it.

    Another process holding it is an ``OutputError`` (exit 4), raised at once, never a wait.
    """
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"{path}: cannot create the lock file: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(f"{path}: another batch is writing these outputs; "
                              "wait for it to finish, then run again") from None
        # The holder before us may have removed the file between our open and our lock:
        # then we hold a lock nobody else can see, so start again on the new file.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        try:
            os.unlink(path)
        finally:
            os.close(fd)
