"""Scaling tests: grow the input tenfold and check the time grows about tenfold.

Speed itself is measured in ``benchmarks/``, never here. These tests only
catch an algorithm that is quadratic: ten times the input must not take a
hundred times as long. The slack is wide (30 times) because the machine
may be busy, and each size is timed as its best of a few runs, in CPU
time where the clock is fine enough: other work on a busy machine hardly
moves a process's CPU time, while it can stretch one long run's wall time
and not the short one's.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: How much longer ten times the input may take: linear is 10, quadratic 100.
SLACK = 30

#: The clock: this process's CPU time, but on Windows, where it moves in steps of
#: 15.6 ms (longer than a small run), the wall clock.
_CLOCK = time.perf_counter if os.name == "nt" else time.process_time


def _best(run: Callable[[T], object], data: T, repeat: int) -> float:
    """The shortest of *repeat* runs, with the garbage collector paused.

    A collection walks every object of the test process, so one that falls
    in a run adds the size of the process's heap, not of the input.
    """
    best = float("inf")
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = _CLOCK()
            run(data)
            best = min(best, _CLOCK() - start)
    finally:
        if collecting:
            gc.enable()
    return best


def assert_linear(
    make: Callable[[int], T], run: Callable[[T], object], small: int, *, repeat: int = 3
) -> None:
    """Check that ``run(make(10 * small))`` takes under SLACK times ``run(make(small))``.

    *make* builds the input outside the timing; *run* is what is timed.
    """
    little, big = make(small), make(10 * small)
    run(little)  # warm up: imports, caches
    short = _best(run, little, repeat)
    long = _best(run, big, repeat)
    ratio = long / max(short, 1e-4)
    assert ratio < SLACK, (
        f"{10 * small} items took {long:.3f} s, {ratio:.0f} times the {short:.4f} s of "
        f"{small}: about {SLACK} at most was expected (10 for linear time)"
    )
