"""Public constructors check types and store sequences as tuples (issue 7, defect 18)."""

import pytest

import upperback
from upperback import (
    Catalog,
    Dosage,
    Exercise,
    Hold,
    HoldUnit,
    Range,
    Reference,
    Requirement,
    Step,
)

CATALOG = upperback.load_catalog()
ROW = CATALOG["band-row"]


def test_18_dosage_refuses_a_bare_number_for_reps():
    with pytest.raises(TypeError, match="expected Range, got int"):
        Dosage(reps=5)  # type: ignore[arg-type]


def test_18_hold_refuses_text_for_its_duration():
    with pytest.raises(TypeError, match="expected Range, got str"):
        Hold("long", HoldUnit.SECONDS)  # type: ignore[arg-type]


def test_18_exercise_refuses_text_where_steps_and_requirements_belong():
    with pytest.raises(TypeError, match="expected Step at index 0, got str"):
        Exercise(**{**_fields(ROW), "steps": ("str",)})
    with pytest.raises(TypeError, match="expected Requirement at index 0, got str"):
        Exercise(**{**_fields(ROW), "equipment": ("wall",)})
    with pytest.raises(TypeError, match="expected a list, got str"):
        Exercise(**{**_fields(ROW), "aliases": "row"})


def test_18_optional_parts_are_checked_too():
    with pytest.raises(TypeError, match="expected Hold or NoneType, got int"):
        Dosage(reps=Range.exact(5), hold=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected Author at index 0, got str"):
        Reference(
            id="x",
            kind=upperback.ReferenceKind.BOOK,
            authors=("Doe J",),
            title="T",
            year=2000,
            publisher="P",
        )


def test_18_lists_become_tuples_so_the_caller_cannot_change_them_later():
    exercises = [ROW]
    references = list(CATALOG.references)
    catalog = Catalog(
        data_version="1", disclaimer="D.", license="L", exercises=exercises, references=references
    )
    references.clear()
    exercises.append(CATALOG["mid-trap-raise"])
    assert catalog.exercises == (ROW,)
    assert catalog.references == CATALOG.references
    assert len(catalog) == len(catalog.ids) == 1
    steps = [Step("Sit.")]
    sitting = [upperback.Position.SITTING]
    exercise = Exercise(**{**_fields(ROW), "steps": steps, "positions": sitting})
    steps.append(Step("Stand."))
    assert exercise.steps == (Step("Sit."),)
    assert isinstance(exercise.positions, tuple)
    assert Requirement(any_of=[upperback.Equipment.WALL]).any_of == (upperback.Equipment.WALL,)


def test_18_catalog_refuses_something_that_is_not_an_exercise():
    with pytest.raises(TypeError, match="expected Exercise at index 1, got dict"):
        Catalog(
            data_version="1",
            disclaimer="D.",
            license="L",
            exercises=[ROW, {"id": "x"}],
            references=CATALOG.references,
        )


def _fields(exercise):
    import attrs  # noqa: PLC0415

    return attrs.asdict(exercise, recurse=False)
