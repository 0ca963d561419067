"""A time limit for Python code that might not end: a template's loops.

One watchdog thread per process keeps the deadlines of every limited block and raises
``TimeLimit`` in a block's thread once its time is up (CPython's asynchronous exception,
delivered between bytecodes), so it works in any thread: the CLI's, a batch worker's, or
the staff page server's. Entering and leaving a block only takes a lock; the watchdog is
started once, and again in a child process after ``fork``.
"""
from __future__ import annotations

import ctypes
import itertools
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimit(Exception):
    """The limited code ran past its time."""


_raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
_raise_in.argtypes = (ctypes.c_ulong, ctypes.py_object)


class _Block:
    __slots__ = ("deadline", "thread", "fired")

    def __init__(self, deadline: float, thread: int) -> None:
        self.deadline, self.thread, self.fired = deadline, thread, False


class _Watchdog:
    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.blocks: dict[int, _Block] = {}
        self.numbers = itertools.count()
        self.thread: threading.Thread | None = None

    def enter(self, seconds: float) -> int:
        with self.changed:
            if self.thread is None:
                self.thread = threading.Thread(target=self._watch, name="time-limit", daemon=True)
                self.thread.start()
            number = next(self.numbers)
            self.blocks[number] = _Block(time.monotonic() + seconds, threading.get_ident())
            self.changed.notify()
            return number

    def leave(self, number: int) -> None:
        with self.changed:
            block = self.blocks.pop(number)
            if block.fired:  # fired as the block ended: never let it land outside
                _raise_in(block.thread, ctypes.py_object())  # type: ignore[arg-type]

    def _watch(self) -> None:
        with self.changed:
            while True:
                now = time.monotonic()
                for block in self.blocks.values():
                    if not block.fired and block.deadline <= now:
                        _raise_in(block.thread, TimeLimit)
                        block.fired = True
                waiting = [b.deadline for b in self.blocks.values() if not b.fired]
                self.changed.wait(min(waiting) - now if waiting else None)


_watchdog = _Watchdog()
os.register_at_fork(after_in_child=lambda: globals().__setitem__("_watchdog", _Watchdog()))


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Run the block; raise ``TimeLimit`` inside it if it is still running after ``seconds``."""
    watchdog = _watchdog
    number = watchdog.enter(seconds)
    try:
        yield
    finally:
        watchdog.leave(number)
