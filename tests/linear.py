"""Scaling tests: grow the input tenfold and check the time grows about tenfold.

Speed itself is measured in ``benchmarks/``, never here. These tests only
catch an algorithm that is quadratic: ten times the input must not take a
hundred times as long. The slack is wide (30 times) because the machine
may be busy, and each size is timed as its best of a few runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: How much longer ten times the input may take: linear is 10, quadratic 100.
SLACK = 30


def _best(run: Callable[[T], object], data: T, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(data)
        best = min(best, time.perf_counter() - start)
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
