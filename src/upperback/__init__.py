"""Upper back pain exercises as typed, validated data.

>>> import upperback
>>> catalog = upperback.load_catalog()
>>> catalog["band-row"].dosage.describe()
'2 sets of 15'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "DEFAULT_EQUIPMENT",
    "FORMATS",
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
    "Contact",
    "DataError",
    "Dosage",
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
    "dumps",
    "illustrate",
    "illustrations",
    "json_schema",
    "ladder",
    "load_catalog",
    "loads",
    "render",
]


if TYPE_CHECKING:
    from ._convert import dumps, loads
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
    from .illustrate import Illustration, illustrate, illustrations
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

#: Where each public name lives. The package imports none of its modules
#: at import time (PEP 562): each loads on first use of one of its names,
#: so `import upperback` costs no more than the attrs import it needs later.
_LAZY = {
    "Action": ".program",
    "Adjustment": ".program",
    "Arm": ".model",
    "Arrow": ".model",
    "Author": ".model",
    "BodySite": ".model",
    "Catalog": ".catalog",
    "CatalogError": ".exceptions",
    "Category": ".model",
    "Contact": ".model",
    "DEFAULT_EQUIPMENT": ".program",
    "DataError": ".exceptions",
    "Dosage": ".model",
    "Equipment": ".model",
    "Exercise": ".model",
    "FORMATS": "._render",
    "Feedback": ".program",
    "Figure": ".model",
    "Frequency": ".model",
    "HandoutOptions": "._render",
    "Hold": ".model",
    "HoldUnit": ".model",
    "Identifier": ".model",
    "IdentifierScheme": ".model",
    "Illustration": ".illustrate",
    "IncompleteHandoutError": ".exceptions",
    "InvalidConstraintError": ".exceptions",
    "InvalidOptionError": ".exceptions",
    "Joints": ".model",
    "Leg": ".model",
    "Load": ".model",
    "MissingExtraError": ".exceptions",
    "NoEligibleExercisesError": ".exceptions",
    "NoFigureError": ".exceptions",
    "Omission": ".program",
    "OmissionReason": ".program",
    "PAPER_SIZES": "._render",
    "PaperSize": "._render",
    "Period": ".model",
    "Pose": ".model",
    "Position": ".model",
    "Problem": ".exceptions",
    "Program": ".program",
    "ProgramItem": ".program",
    "ProgramRequest": ".program",
    "Progression": ".model",
    "ProgressionKind": ".model",
    "Prop": ".model",
    "Range": ".model",
    "Reference": ".model",
    "ReferenceKind": ".model",
    "Region": ".model",
    "Requirement": ".model",
    "Schedule": ".program",
    "SearchResult": ".catalog",
    "Source": ".model",
    "Step": ".model",
    "Timing": ".program",
    "UnknownExerciseError": ".exceptions",
    "UnknownFormatError": ".exceptions",
    "UnknownVocabularyError": ".exceptions",
    "UpperbackError": ".exceptions",
    "View": ".model",
    "Week": ".program",
    "adapt": ".program",
    "build_program": ".program",
    "dumps": "._convert",
    "illustrate": ".illustrate",
    "illustrations": ".illustrate",
    "json_schema": ".schema",
    "ladder": ".program",
    "load_catalog": ".catalog",
    "loads": "._convert",
    "render": "._render",
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


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
