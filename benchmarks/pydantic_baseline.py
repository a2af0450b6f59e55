"""The load baseline: the catalog schema written as pydantic v2 models.

Field for field the same rules as ``upperback.model``: strict types (no
coercion), no unknown keys, text on one line without outer spaces, slugs,
counts from 1 to 100, ranges that do not run backwards, lists without
repeats, and unique exercise ids. Used only by the benchmark.
"""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from upperback import model as m


def _text(value: str) -> str:
    if not value.strip() or value != value.strip() or "\n" in value:
        raise ValueError("expected one line of text without outer spaces")
    return value


def _unique(value: tuple[object, ...]) -> tuple[object, ...]:
    if len(set(value)) != len(value):
        raise ValueError("expected no repeats")
    return value


def _vocabulary(cls: type[enum.Enum]) -> type[enum.Enum]:
    # A plain enum of the same slugs, so pydantic checks values, not our classes.
    return enum.Enum(cls.__name__, {member.name: member.value for member in cls})  # type: ignore[return-value]


Text = Annotated[str, AfterValidator(_text)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Count = Annotated[int, Field(ge=1, le=m.MAX_COUNT)]
Position = _vocabulary(m.Position)
Equipment = _vocabulary(m.Equipment)
Category = _vocabulary(m.Category)
Region = _vocabulary(m.Region)
HoldUnit = _vocabulary(m.HoldUnit)
Period = _vocabulary(m.Period)
ProgressionKind = _vocabulary(m.ProgressionKind)
ReferenceKind = _vocabulary(m.ReferenceKind)
IdentifierScheme = _vocabulary(m.IdentifierScheme)


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Range(_Model):
    low: Count
    high: Count

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError("expected low <= high")
        return self


RangeOrCount = Count | Range


class Hold(_Model):
    duration: RangeOrCount
    unit: HoldUnit  # type: ignore[valid-type]


class Frequency(_Model):
    period: Period  # type: ignore[valid-type]
    times: RangeOrCount | None = None


class Load(_Model):
    options: Annotated[tuple[Equipment, ...], Field(min_length=1), AfterValidator(_unique)]  # type: ignore[valid-type]


class Dosage(_Model):
    reps: RangeOrCount
    sets: Count = 1
    hold: Hold | None = None
    per_side: bool = False
    frequency: Frequency | None = None
    load: Load | None = None


class Requirement(_Model):
    any_of: Annotated[tuple[Equipment, ...], Field(min_length=1), AfterValidator(_unique)]  # type: ignore[valid-type]


class Progression(_Model):
    when: Text
    kind: ProgressionKind  # type: ignore[valid-type]
    load: Load | None = None
    exercise: Slug | None = None


class Exercise(_Model):
    id: Slug
    name: Text
    summary: Text
    category: Category  # type: ignore[valid-type]
    positions: Annotated[tuple[Position, ...], Field(min_length=1), AfterValidator(_unique)]  # type: ignore[valid-type]
    steps: Annotated[tuple[Text, ...], Field(min_length=1)]
    dosage: Dosage
    equipment: tuple[Requirement, ...] = ()
    regions: Annotated[tuple[Region, ...], AfterValidator(_unique)] = ()  # type: ignore[valid-type]
    aliases: Annotated[tuple[Text, ...], AfterValidator(_unique)] = ()
    progressions: tuple[Progression, ...] = ()
    references: Annotated[tuple[Slug, ...], AfterValidator(_unique)] = ()
    cautions: tuple[Text, ...] = ()
    can_start_now: bool = False


class Author(_Model):
    family: Text
    given: Text


class Identifier(_Model):
    scheme: IdentifierScheme  # type: ignore[valid-type]
    value: Text


class Reference(_Model):
    id: Slug
    kind: ReferenceKind  # type: ignore[valid-type]
    authors: Annotated[tuple[Author, ...], Field(min_length=1)]
    title: Text
    year: Annotated[int, Field(ge=1800, le=2100)]
    edition: Count | None = None
    publisher: Text | None = None
    journal: Text | None = None
    volume: Text | None = None
    issue: Text | None = None
    pages: Text | None = None
    identifiers: tuple[Identifier, ...] = ()
    note: Text | None = None


class Source(_Model):
    title: Text
    developer: Text
    publisher: Text
    year: Annotated[int, Field(ge=1800, le=2100)]


class Catalog(_Model):
    data_version: Text
    disclaimer: Text
    license: Text
    exercises: tuple[Exercise, ...]
    references: tuple[Reference, ...] = ()
    safety: tuple[Text, ...] = ()
    sources: tuple[Source, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalog:
        ids = [e.id for e in self.exercises]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate exercise ids")
        return self


ADAPTER: TypeAdapter[Catalog] = TypeAdapter(Catalog)

__all__ = ["ADAPTER", "Catalog"]
