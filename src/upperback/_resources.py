"""Reading the package's data files: the one place that knows where they are.

importlib-resources is imported on the first read, not at import time.
"""

from __future__ import annotations

import sys


def read_data(*parts: str) -> bytes:
    """Return the bytes of ``upperback/data/<parts...>``."""
    if sys.version_info >= (3, 12):
        from importlib.resources import files  # noqa: PLC0415 - lazy: keeps import cheap
    else:  # pragma: no cover - depends on the Python version
        from importlib_resources import files  # noqa: PLC0415

    resource = files("upperback") / "data"
    for part in parts:
        resource = resource / part
    return resource.read_bytes()
