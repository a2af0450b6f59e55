"""Program rules hold for built and loaded programs alike (issue 7, defects 13 to 15)."""

import datetime as dt
import json

import attrs
import pytest

import upperback
from upperback import (
    DOSE_CEILING,
    MIN_SECONDS_PER_REP,
    DataError,
    InvalidConstraintError,
    OmissionReason,
    Program,
    ProgramRequest,
    Range,
    Timing,
    build_program,
)

CATALOG = upperback.load_catalog()


def test_13_a_start_near_the_end_of_the_calendar_is_a_constraint_error():
    with pytest.raises(InvalidConstraintError, match=r"start: 4 weeks from 9999-12-25"):
        build_program(start=dt.date(9999, 12, 25))
    # The last possible start still works.
    program = build_program(start=dt.date(9999, 12, 31) - dt.timedelta(weeks=1, days=-1), weeks=1)
    assert program.weeks[0].end == dt.date(9999, 12, 31)


def test_14_a_repetition_takes_at_least_the_minimum_time():
    assert MIN_SECONDS_PER_REP == 1
    with pytest.raises(ValueError, match="expected whole seconds >= 1, got 0"):
        Timing(0, 0, 0)
    assert Timing(1, 0, 0).seconds_per_rep == 1


def test_14_a_huge_dose_does_not_fit_a_small_budget_even_with_fast_timing():
    row = CATALOG["band-row"]
    huge = attrs.evolve(row, dosage=attrs.evolve(row.dosage, sets=100, reps=Range.exact(100)))
    catalog = attrs.evolve(CATALOG, exercises=(huge,))
    with pytest.raises(upperback.NoEligibleExercisesError):
        build_program(catalog=catalog, minutes_per_session=1, timing=Timing(1, 0, 0))


def test_14_the_builder_leaves_out_a_dose_above_the_ceiling_and_says_why():
    row = CATALOG["band-row"]
    high = attrs.evolve(row, dosage=attrs.evolve(row.dosage, sets=DOSE_CEILING.sets + 1))
    catalog = attrs.evolve(
        CATALOG, exercises=tuple(high if e.id == "band-row" else e for e in CATALOG)
    )
    program = build_program(
        catalog=catalog, equipment=["elastic-band", "door", "chair"], include=["band-row"]
    )
    assert "band-row" not in program.exercise_ids
    (omission,) = [o for o in program.omitted if o.exercise == "band-row"]
    assert omission.reason is OmissionReason.ABOVE_DOSE_CEILING
    assert "at most 5 sets of 30" in omission.detail


def test_14_the_bundled_catalog_is_within_the_ceiling():
    assert all(DOSE_CEILING.allows(e.dosage) for e in CATALOG)


def _program_json(**changes):
    data = json.loads(upperback.dumps(build_program(weeks=2)))
    for path, value in changes.items():
        node = data
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"schedule.sessions_per_week": -3}, "$.schedule.sessions_per_week"),
        ({"schedule.weeks": 0}, "$.schedule.weeks"),
        ({"weeks.0.number": -7}, "$.weeks[0].number"),
        ({"request.minutes_per_session": -5}, "$.request.minutes_per_session"),
        ({"request.weeks": 0}, "$.request.weeks"),
        ({"weeks.1.number": 5}, "$.weeks[1].number"),
        ({"request.timing.seconds_per_rep": 0}, "$.request.timing.seconds_per_rep"),
        ({"request.start": "9999-12-25"}, "$.request.start"),
    ],
)
def test_15_a_loaded_program_follows_the_builders_rules(changes, path):
    with pytest.raises(DataError) as info:
        upperback.loads(_program_json(**changes), Program)
    assert any(p.path.startswith(path) for p in info.value.problems), info.value


def test_15_a_loaded_request_follows_them_too():
    with pytest.raises(DataError) as info:
        upperback.loads('{"minutes_per_session": -5, "weeks": 0}', ProgramRequest)
    assert [p.path for p in info.value.problems] == ["$.minutes_per_session"]


def test_15_a_valid_program_still_round_trips():
    program = build_program(start=dt.date(2026, 1, 5))
    assert upperback.loads(upperback.dumps(program), Program) == program
