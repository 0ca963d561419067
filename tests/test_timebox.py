"""The time limit on template rendering: one watchdog per process, for every thread."""
from __future__ import annotations

import os
import threading
import time

import pytest

from handouts.timebox import TimeLimit, time_limit


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_loop_that_runs_too_long_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimit):
        with time_limit(0.2):
            spin(30)
    assert time.monotonic() - started < 5


def test_each_thread_has_its_own_limit() -> None:
    results: dict[str, str] = {}

    def run(name: str, limit: float, work: float) -> None:
        try:
            with time_limit(limit):
                spin(work)
            results[name] = "finished"
        except TimeLimit:
            results[name] = "stopped"

    threads = [threading.Thread(target=run, args=("slow", 0.3, 30)),
               threading.Thread(target=run, args=("quick", 10, 0.5))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert results == {"slow": "stopped", "quick": "finished"}


def test_a_block_that_ends_in_time_is_never_hit_later() -> None:
    for _ in range(200):
        with time_limit(0.05):
            pass
    spin(0.3)  # the deadlines above have all passed: nothing may land here


def test_the_limit_works_in_a_forked_child() -> None:
    with time_limit(5):  # the parent's watchdog is running when the child is made
        pid = os.fork()
        if pid == 0:  # the child: no watchdog thread was copied, a new one must start
            try:
                with time_limit(0.2):
                    spin(30)
                os._exit(1)
            except TimeLimit:
                os._exit(0)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
