"""A time limit for Python code that might not end: a template's loops.

A watchdog thread raises ``TimeLimit`` in the limited thread once the time is up (CPython's
asynchronous exception, delivered between bytecodes), so it works in any thread: the CLI's,
a batch worker's, or the staff page server's.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimit(Exception):
    """The limited code ran past its time."""


_raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
_raise_in.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Run the block; raise ``TimeLimit`` inside it if it is still running after ``seconds``."""
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"finished": False, "fired": False}
    done = threading.Event()

    def watch() -> None:
        if done.wait(seconds):
            return
        with lock:
            if not state["finished"]:
                _raise_in(target, TimeLimit)
                state["fired"] = True

    watcher = threading.Thread(target=watch, name="time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            state["finished"] = True
            if state["fired"]:  # fired as the block ended: never let it land outside
                _raise_in(target, ctypes.py_object())  # type: ignore[arg-type]
        done.set()
        watcher.join()
