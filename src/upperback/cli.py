"""The ``upperback`` command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .catalog import load_catalog

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the bundled catalog: each exercise with its dosage in words."""
    del argv
    catalog = load_catalog()
    out = sys.stdout
    out.write(f"upperback catalog, data version {catalog.data_version}\n\n")
    for exercise in catalog:
        out.write(f"{exercise.name} ({exercise.id})\n  {exercise.dosage.describe()}\n")
    out.write(f"\n{catalog.disclaimer}\n")
    return 0
