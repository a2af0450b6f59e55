"""Reading the package's data files: the one place that knows where they are.

The package's own loader reads them (``get_data``, which every importer
that can load the package has, from a folder or a zip file), so a first
read imports nothing; :mod:`importlib.resources` (or its backport) is the
fallback for a loader without it.
"""

from __future__ import annotations

import os
import sys


def read_data(*parts: str) -> bytes:
    """Return the bytes of ``upperback/data/<parts...>``."""
    loader = __spec__.loader if __spec__ is not None else None
    get_data = getattr(loader, "get_data", None)
    if get_data is not None:
        path = os.path.join(os.path.dirname(__file__), "data", *parts)  # noqa: PTH118, PTH120 - no pathlib: cheap start-up
        data: bytes = get_data(path)
        return data
    return _read_with_importlib(*parts)  # pragma: no cover - no such loader in the tests


def _read_with_importlib(*parts: str) -> bytes:
    if sys.version_info >= (3, 12):
        from importlib.resources import files  # noqa: PLC0415 - lazy: keeps import cheap
    else:  # pragma: no cover - depends on the Python version
        from importlib_resources import files  # noqa: PLC0415

    resource = files("upperback") / "data"
    for part in parts:
        resource = resource / part
    return resource.read_bytes()
