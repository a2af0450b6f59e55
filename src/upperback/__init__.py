"""Upper back pain exercises as typed, validated data.

>>> import upperback
>>> catalog = upperback.load_catalog()
>>> catalog["band-row"].dosage.describe()
'2 sets of 15'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._render import FORMATS, render
from .catalog import Catalog, SearchResult, load_catalog
from .exceptions import (
    CatalogError,
    DataError,
    IncompleteHandoutError,
    InvalidConstraintError,
    MissingExtraError,
    NoEligibleExercisesError,
    Problem,
    UnknownExerciseError,
    UnknownFormatError,
    UnknownVocabularyError,
    UpperbackError,
)
from .model import (
    Author,
    Category,
    Dosage,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    HoldUnit,
    Identifier,
    IdentifierScheme,
    Load,
    Period,
    Position,
    Progression,
    ProgressionKind,
    Range,
    Reference,
    ReferenceKind,
    Region,
    Requirement,
    Source,
    Step,
)
from .program import (
    DEFAULT_EQUIPMENT,
    Action,
    Adjustment,
    Feedback,
    Omission,
    OmissionReason,
    Program,
    ProgramItem,
    ProgramRequest,
    Schedule,
    Timing,
    Week,
    adapt,
    build_program,
    ladder,
)
from .schema import json_schema

__all__ = [
    "DEFAULT_EQUIPMENT",
    "FORMATS",
    "Action",
    "Adjustment",
    "Author",
    "Catalog",
    "CatalogError",
    "Category",
    "DataError",
    "Dosage",
    "Equipment",
    "Exercise",
    "Feedback",
    "Frequency",
    "Hold",
    "HoldUnit",
    "Identifier",
    "IdentifierScheme",
    "IncompleteHandoutError",
    "InvalidConstraintError",
    "Load",
    "MissingExtraError",
    "NoEligibleExercisesError",
    "Omission",
    "OmissionReason",
    "Period",
    "Position",
    "Problem",
    "Program",
    "ProgramItem",
    "ProgramRequest",
    "Progression",
    "ProgressionKind",
    "Range",
    "Reference",
    "ReferenceKind",
    "Region",
    "Requirement",
    "Schedule",
    "SearchResult",
    "Source",
    "Step",
    "Timing",
    "UnknownExerciseError",
    "UnknownFormatError",
    "UnknownVocabularyError",
    "UpperbackError",
    "Week",
    "adapt",
    "build_program",
    "dumps",
    "json_schema",
    "ladder",
    "load_catalog",
    "loads",
    "render",
]


if TYPE_CHECKING:
    from ._convert import dumps, loads

    #: The installed package's version, read from its metadata on first use.
    __version__: str

#: Names whose modules load on first use: JSON needs cattrs, which costs
#: more to import than the rest of the package.
_LAZY = {"dumps": "._convert", "loads": "._convert"}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - each name has its own type
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("upperback")
    if name in _LAZY:
        from importlib import import_module  # noqa: PLC0415

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
