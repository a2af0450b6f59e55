"""Unknown is a value, not an absence: the builder never guesses."""

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import (
    Equipment,
    InvalidConstraintError,
    Load,
    OmissionReason,
    Position,
    Requirement,
    build_program,
    load_catalog,
)
from upperback.model import FieldError

from . import strategies


def catalog_with(**changes):
    catalog = load_catalog()
    base = attrs.evolve(catalog.get("scapular-squeeze"), aliases=(), progressions=())
    odd = attrs.evolve(base, id="odd-one", name="Odd one", **changes)
    return attrs.evolve(catalog, exercises=(*catalog.exercises, odd))


def omission(program, exercise_id):
    return next(o for o in program.omitted if o.exercise == exercise_id)


def chosen(program):
    return {item.exercise for item in program.weeks[0].items}


def test_unknown_equipment_is_never_chosen_whatever_the_person_has():
    catalog = catalog_with(equipment=(Requirement(["unknown"]),))
    for equipment in ([], None, list(Equipment)[:-1]):
        program = build_program(catalog=catalog, equipment=equipment, minutes_per_session=240)
        assert "odd-one" not in chosen(program)
        out = omission(program, "odd-one")
        assert out.reason is OmissionReason.UNKNOWN_EQUIPMENT
        assert out.detail == "its catalog does not say what equipment it needs"


def test_needs_nothing_is_not_unknown():
    catalog = catalog_with(equipment=())
    program = build_program(catalog=catalog, equipment=[], minutes_per_session=240)
    assert "odd-one" in chosen(program)


def test_unknown_position_is_left_out_only_when_a_position_is_avoided():
    catalog = catalog_with(positions=("unknown",))
    free = build_program(catalog=catalog, minutes_per_session=240)
    assert "odd-one" in chosen(free)
    careful = build_program(catalog=catalog, avoid_positions=["standing"], minutes_per_session=240)
    assert "odd-one" not in chosen(careful)
    assert omission(careful, "odd-one").reason is OmissionReason.UNKNOWN_POSITION


def test_fits_agrees_with_the_builder():
    catalog = catalog_with(positions=("unknown",), equipment=(Requirement(["unknown"]),))
    odd = catalog.get("odd-one")
    assert not odd.fits(equipment=list(Equipment))
    assert not odd.fits(None, avoid_positions=[Position.SITTING])
    assert odd.fits(None)


def test_unknown_stands_alone():
    with pytest.raises(FieldError, match="expected 'unknown' alone"):
        Requirement(["unknown", "wall"])
    with pytest.raises(FieldError, match="expected a load that is known"):
        Load(["unknown"])
    with pytest.raises(FieldError, match="expected 'unknown' alone"):
        attrs.evolve(load_catalog().get("scapular-squeeze"), positions=("unknown", "sitting"))


def test_a_person_cannot_have_unknown_equipment():
    with pytest.raises(InvalidConstraintError, match="'unknown' is not something a person has"):
        build_program(equipment=["unknown", "wall"])


def test_unknown_round_trips_through_a_catalog_file(tmp_path):
    catalog = catalog_with(positions=("unknown",), equipment=(Requirement(["unknown"]),))
    path = tmp_path / "mine.json"
    path.write_text(upperback.dumps(catalog), encoding="utf-8")
    again = load_catalog(path).get("odd-one")
    assert again.positions == (Position.UNKNOWN,)
    assert again.needs == {Equipment.UNKNOWN}


def test_the_bundled_catalog_knows_every_position_and_need():
    for exercise in load_catalog():
        assert Position.UNKNOWN not in exercise.positions
        assert Equipment.UNKNOWN not in exercise.needs


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(strategies.catalogs(), st.lists(st.sampled_from(Position), unique=True, max_size=2))
def test_no_program_for_a_person_with_nothing_contains_an_exercise_that_needs_anything(
    catalog, avoid
):
    avoid = [p for p in avoid if p is not Position.UNKNOWN]
    try:
        program = build_program(catalog=catalog, equipment=[], avoid_positions=avoid)
    except upperback.NoEligibleExercisesError:
        return
    by_id = {e.id: e for e in catalog}
    for exercise_id in chosen(program):
        exercise = by_id[exercise_id]
        assert not exercise.equipment
        assert not (avoid and Position.UNKNOWN in exercise.positions)
