"""Pausing the garbage collector while many acyclic objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, if it was running.

    Loading a catalog or building a program makes thousands of objects that
    form trees without cycles; a collection would only walk them again and
    again (about half of a large load). The collector is process-wide: a
    thread that finds it paused leaves it to the thread that paused it.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
