"""Upper back pain exercises as typed, validated data.

>>> import upperback
>>> catalog = upperback.load_catalog()
>>> catalog["band-row"].dosage.describe()
'2 sets of 15'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._render import FORMATS, PAPER_SIZES, HandoutOptions, PaperSize, render
from .catalog import Catalog, SearchResult, load_catalog
from .exceptions import (
    CatalogError,
    DataError,
    IncompleteHandoutError,
    InvalidConstraintError,
    InvalidOptionError,
    MissingExtraError,
    NoEligibleExercisesError,
    NoFigureError,
    Problem,
    UnknownExerciseError,
    UnknownFormatError,
    UnknownVocabularyError,
    UpperbackError,
)
from .model import (
    Arm,
    Arrow,
    Author,
    BodySite,
    Category,
    Contact,
    Dosage,
    Equipment,
    Exercise,
    Figure,
    Frequency,
    Hold,
    HoldUnit,
    Identifier,
    IdentifierScheme,
    Joints,
    Leg,
    Load,
    Period,
    Pose,
    Position,
    Progression,
    ProgressionKind,
    Prop,
    Range,
    Reference,
    ReferenceKind,
    Region,
    Requirement,
    Source,
    Step,
    View,
)
from .program import (
    DEFAULT_EQUIPMENT,
    DOSE_CEILING,
    MIN_SECONDS_PER_REP,
    Action,
    Adjustment,
    DoseCeiling,
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
    "DOSE_CEILING",
    "FORMATS",
    "MIN_SECONDS_PER_REP",
    "PAPER_SIZES",
    "Action",
    "Adjustment",
    "Arm",
    "Arrow",
    "Author",
    "BodySite",
    "Catalog",
    "CatalogError",
    "Category",
    "CertReport",
    "CertRow",
    "CertSection",
    "CertStatus",
    "Contact",
    "DataError",
    "Dosage",
    "DoseCeiling",
    "Equipment",
    "Exercise",
    "Feedback",
    "Figure",
    "Frequency",
    "HandoutOptions",
    "Hold",
    "HoldUnit",
    "Identifier",
    "IdentifierScheme",
    "Illustration",
    "IncompleteHandoutError",
    "InvalidConstraintError",
    "InvalidOptionError",
    "Joints",
    "Leg",
    "Load",
    "MissingExtraError",
    "NoEligibleExercisesError",
    "NoFigureError",
    "Omission",
    "OmissionReason",
    "PaperSize",
    "Period",
    "Pose",
    "Position",
    "Problem",
    "Program",
    "ProgramItem",
    "ProgramRequest",
    "Progression",
    "ProgressionKind",
    "Prop",
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
    "View",
    "Week",
    "adapt",
    "build_program",
    "cert_report",
    "dumps",
    "illustrate",
    "illustrations",
    "json_schema",
    "ladder",
    "load_catalog",
    "loads",
    "render",
    "to_fhir",
]


if TYPE_CHECKING:
    from ._convert import dumps, loads
    from ._fhir import to_fhir
    from ._illustrate import Illustration, illustrate, illustrations
    from .cert import CertReport, CertRow, CertSection, CertStatus, cert_report

#: Names whose modules load on first use: JSON needs cattrs, which costs
#: more to import than the rest of the package.
_LAZY = {
    "CertReport": ".cert",
    "CertRow": ".cert",
    "CertSection": ".cert",
    "CertStatus": ".cert",
    "Illustration": "._illustrate",
    "cert_report": ".cert",
    "dumps": "._convert",
    "illustrate": "._illustrate",
    "illustrations": "._illustrate",
    "loads": "._convert",
    "to_fhir": "._fhir",
}


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
