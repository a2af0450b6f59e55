"""Our types as pydantic types: validated by our converter, described by our JSON Schema.

pydantic asks a class it does not know for ``__get_pydantic_core_schema__``
(pydantic's documented hook for third-party types). :func:`install` gives
each public type one, so ``pydantic.TypeAdapter(upperback.Program)``, a
pydantic model's field and a FastAPI request or response body all work:

- validating calls :func:`upperback.structure` (an instance passes as it
  is), so the rules and the problems are ours, each problem one pydantic
  error with our ``loc``, ``type`` and ``msg``;
- serializing calls :func:`upperback.unstructure`: the data of ``dumps``;
- the JSON Schema is the one we ship (``json_schema("catalog")`` and
  ``json_schema("program")``), its ``$ref`` s inlined, so an OpenAPI
  document shows the very schema a catalog file or a program follows.

Nothing here imports pydantic until pydantic calls the hook: pydantic stays
optional, and ``import upperback`` never loads it. This module sits at the
converter's layer: it installs the hooks of the model's types when it is
imported, and the catalog, program and session modules install their own.
The package imports it with the first public name it gives out, so every
public type has its hooks before pydantic can see it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import model

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

__all__ = ["install"]

#: Where each type's schema is in the schemas we ship: (schema, definition);
#: ``None`` for the schema's root.
_SCHEMAS: dict[str, tuple[str, str | None]] = {
    "Catalog": ("catalog", None),
    "Exercise": ("catalog", "exercise"),
    "Dosage": ("catalog", "dosage"),
    "Range": ("catalog", "range"),
    "Hold": ("catalog", "hold"),
    "HoldUnit": ("catalog", "holdUnit"),
    "Frequency": ("catalog", "frequency"),
    "Period": ("catalog", "period"),
    "Load": ("catalog", "load"),
    "Requirement": ("catalog", "requirement"),
    "Progression": ("catalog", "progression"),
    "ProgressionKind": ("catalog", "progressionKind"),
    "Reference": ("catalog", "reference"),
    "ReferenceKind": ("catalog", "referenceKind"),
    "Source": ("catalog", "source"),
    "Author": ("catalog", "author"),
    "Identifier": ("catalog", "identifier"),
    "IdentifierScheme": ("catalog", "identifierScheme"),
    "Figure": ("catalog", "figure"),
    "Pose": ("catalog", "pose"),
    "Joints": ("catalog", "joints"),
    "Arm": ("catalog", "arm"),
    "Leg": ("catalog", "leg"),
    "Arrow": ("catalog", "arrow"),
    "Prop": ("catalog", "prop"),
    "Contact": ("catalog", "contact"),
    "BodySite": ("catalog", "bodySite"),
    "View": ("catalog", "view"),
    "Vocabulary": ("catalog", "vocabulary"),
    "Equipment": ("catalog", "equipment"),
    "Position": ("catalog", "position"),
    "Region": ("catalog", "region"),
    "Category": ("catalog", "category"),
    "Extra": ("catalog", "extra"),
    "Step": ("catalog", "text"),
    "Program": ("program", None),
    "ProgramRequest": ("program", "request"),
    "Schedule": ("program", "schedule"),
    "Timing": ("program", "timing"),
    "GivenDosage": ("program", "givenDosage"),
    "Week": ("program", "week"),
    "ProgramItem": ("program", "item"),
    "Omission": ("program", "omission"),
    "OmissionReason": ("program", "omissionReason"),
    "Adjustment": ("program", "adjustment"),
    "Feedback": ("program", "feedback"),
    "Action": ("program", "action"),
    "Session": ("session", None),
    "Event": ("session", "event"),
    "EventKind": ("session", "eventKind"),
    "Log": ("log", None),
    "LogEntry": ("log", "entry"),
}


def install(*classes: type) -> None:
    """Give each of *classes* the pydantic hooks; this imports nothing."""
    for cls in classes:
        cls.__get_pydantic_core_schema__ = classmethod(_core_schema)  # type: ignore[attr-defined]
        cls.__get_pydantic_json_schema__ = classmethod(_json_schema)  # type: ignore[attr-defined]


def _core_schema(cls: type, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:  # noqa: ANN401 - pydantic's signature
    del source, handler
    from pydantic_core import core_schema  # noqa: PLC0415 - pydantic only when it asks

    from ._convert import unstructure  # noqa: PLC0415 - the converter loads when used

    return core_schema.no_info_plain_validator_function(
        _validator(cls),
        serialization=core_schema.plain_serializer_function_ser_schema(unstructure),
    )


def _validator(cls: type) -> Callable[[object], object]:
    from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError  # noqa: PLC0415

    from ._convert import structure  # noqa: PLC0415
    from .exceptions import DataError  # noqa: PLC0415

    def validate(value: object) -> object:
        if isinstance(value, cls):
            return value
        try:
            return structure(value, cls)
        except DataError as exc:
            errors = [
                InitErrorDetails(
                    # The message goes in as a value: ours may hold braces.
                    # Our codes are stable literals (docs/errors.md); pydantic types them so.
                    type=PydanticCustomError(
                        p.code,  # pyright: ignore[reportArgumentType]
                        "{message}",
                        {"message": p.message},
                    ),
                    loc=p.loc,
                    input=p.input,
                )
                for p in exc.problems
            ]
            raise ValidationError.from_exception_data(cls.__name__, errors) from None

    return validate


def _json_schema(
    cls: type,
    core_schema: CoreSchema,
    handler: GetJsonSchemaHandler,
) -> dict[str, Any]:
    del core_schema, handler
    return schema_of(cls.__name__)


@functools.cache
def _inlined(schema_name: str, definition: str | None) -> dict[str, Any]:
    from .schema import json_schema  # noqa: PLC0415

    document = json_schema(schema_name)
    if definition is None:
        node = {k: v for k, v in document.items() if k not in {"$schema", "$id", "$defs"}}
    else:
        node = document["$defs"][definition]
    resolved: dict[str, Any] = _inline(node, document, ())
    return resolved


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of our type *name*, with every ``$ref`` inlined: a fresh copy."""
    import copy  # noqa: PLC0415

    return copy.deepcopy(_inlined(*_SCHEMAS[name]))


def _pointer(document: dict[str, Any], ref: str) -> Any:  # noqa: ANN401 - any JSON value
    """The part of *document* that the local reference *ref* (``#/$defs/...``) points at."""
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _inline(node: Any, document: dict[str, Any], seen: tuple[str, ...]) -> Any:  # noqa: ANN401 - any JSON value
    """*node* with each local ``{"$ref": ...}`` replaced by what it points at."""
    if isinstance(node, list):
        return [_inline(item, document, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        if ref in seen:  # pragma: no cover - our schemas have no cycles; a test says so
            msg = f"the schema's {ref!r} refers to itself"
            raise ValueError(msg)
        target = _inline(_pointer(document, ref), document, (*seen, ref))
        rest = {k: _inline(v, document, seen) for k, v in node.items() if k != "$ref"}
        if not rest:
            return target
        return {"allOf": [target], **rest}
    return {key: _inline(value, document, seen) for key, value in node.items()}


install(
    model.Position,
    model.Equipment,
    model.Category,
    model.Region,
    model.HoldUnit,
    model.Period,
    model.ProgressionKind,
    model.ReferenceKind,
    model.IdentifierScheme,
    model.Range,
    model.Hold,
    model.Frequency,
    model.Load,
    model.Dosage,
    model.View,
    model.Prop,
    model.BodySite,
    model.Arm,
    model.Leg,
    model.Joints,
    model.Contact,
    model.Pose,
    model.Arrow,
    model.Figure,
    model.Extra,
    model.Vocabulary,
    model.Step,
    model.Requirement,
    model.Progression,
    model.Exercise,
    model.Author,
    model.Identifier,
    model.Reference,
    model.Source,
)
