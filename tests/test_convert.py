import json

import attrs
import pytest
from hypothesis import given

import upperback
from upperback import DataError, Dosage, Range, Step, _convert

from . import strategies

ROUND_TRIPS = {
    "Range": strategies.ranges(),
    "Hold": strategies.holds,
    "Frequency": strategies.frequencies,
    "Load": strategies.loads,
    "Dosage": strategies.dosages,
    "Step": strategies.steps,
    "Requirement": strategies.requirements,
    "Progression": strategies.progressions(("other",)),
    "Exercise": strategies.exercises(),
    "Author": strategies.authors,
    "Identifier": strategies.identifiers,
    "Reference": strategies.references(),
    "Source": strategies.sources,
    "Catalog": strategies.catalogs(),
    "Timing": strategies.timings,
    "ProgramRequest": strategies.requests,
    "Program": strategies.programs,
    "Omission": strategies.omissions,
    "Adjustment": strategies.adjustments,
    "Week": strategies.weeks,
    "ProgramItem": strategies.program_items,
    "Schedule": strategies.schedules,
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_every_model_type_round_trips(name):
    cls = getattr(upperback, name)

    @given(ROUND_TRIPS[name])
    def round_trip(obj):
        assert upperback.loads(upperback.dumps(obj), cls) == obj

    round_trip()


def test_exact_counts_are_bare_numbers_and_ranges_objects():
    dosage = Dosage(reps=Range(8, 12), sets=2)
    assert json.loads(upperback.dumps(dosage)) == {"reps": {"high": 12, "low": 8}, "sets": 2}
    assert json.loads(upperback.dumps(Range.exact(5))) == 5


def test_steps_are_plain_strings():
    assert upperback.dumps(Step("Sit down.")) == '"Sit down."\n'


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        ({"reps": "10"}, ["$.reps: expected a number or an object with low and high, got '10'"]),
        ({"reps": True}, ["$.reps: expected a number or an object with low and high, got true"]),
        ({"reps": 10, "sets": 1.5}, ["$.sets: expected an int, got 1.5"]),
        ({"reps": 10, "sets": "2"}, ["$.sets: expected an int, got '2'"]),
        ({"reps": 10, "per_side": "yes"}, ["$.per_side: expected true or false, got 'yes'"]),
        ({"reps": 10, "sets": 0}, ["$.sets: expected an int >= 1, got 0"]),
        ({"reps": {"low": 3}}, ["$.reps.high: required key missing"]),
        ({"reps": {"low": 3, "high": 2}}, ["$.reps: expected low <= high, got low=3, high=2"]),
        ({"reps": 10, "rest": 30}, ["$.rest: unexpected key"]),
        (
            {"reps": 10, "hold": {"duration": -5, "unit": "minutes"}},
            [
                "$.hold.duration: expected an int >= 1, got -5",
                "$.hold.unit: unknown hold unit 'minutes'; expected one of: seconds, counts",
            ],
        ),
        ({}, ["$.reps: required key missing"]),
        ([], ["$: expected an object, got a list"]),
    ],
)
def test_no_silent_coercion(data, problems):
    with pytest.raises(DataError) as info:
        upperback.loads(json.dumps(data), Dosage)
    assert [str(p) for p in info.value.problems] == problems


def test_strings_are_not_lists():
    with pytest.raises(DataError) as info:
        upperback.loads('{"any_of": "wall"}', upperback.Requirement)
    assert [str(p) for p in info.value.problems] == ["$.any_of: expected a list, got 'wall'"]


def test_invalid_json_names_line_and_column():
    text = '{\n  "reps": 10,\n}'
    with pytest.raises(DataError) as info:
        upperback.loads(text, Dosage)
    (problem,) = info.value.problems
    # The json module's wording and position for a trailing comma changed in
    # Python 3.13 ("Illegal trailing comma before end of object" at the comma).
    with pytest.raises(json.JSONDecodeError) as stdlib:
        json.loads(text)
    where = f"line {stdlib.value.lineno}, column {stdlib.value.colno}: {stdlib.value.msg}"
    assert str(problem) == f"$: invalid JSON at {where}"
    assert where in {
        "line 3, column 1: Expecting property name enclosed in double quotes",  # <= 3.12
        "line 2, column 13: Illegal trailing comma before end of object",  # >= 3.13
    }


def test_a_bug_inside_a_hook_is_not_hidden_as_a_problem(monkeypatch):
    """Only the data's failures become problems: a NameError of ours escapes as itself."""

    def broken(_value, _type):
        raise NameError("name 'oops' is not defined")

    converter = _convert._make_converter()
    converter.register_structure_hook(Step, broken)
    monkeypatch.setattr(_convert, "converter", converter)
    with pytest.raises(NameError, match="oops"):
        _convert.structure("Breathe out.", Step)
    with pytest.raises(Exception) as caught:  # noqa: PT011 - also from inside a list
        _convert.structure(["Breathe out."], tuple[Step, ...])
    assert not isinstance(caught.value, DataError)
    assert [type(e) for e in caught.value.exceptions] == [NameError]


def test_data_failures_still_become_problems_with_paths():
    with pytest.raises(DataError) as caught:
        _convert.structure({"reps": "10", "sets": 0}, Dosage)
    paths = [problem.path for problem in caught.value.problems]
    assert "$.reps" in paths


# -- issue 18: dumps escapes what does not show -------------------------------------------


@given(strategies.exercises(), strategies.unseen_texts, strategies.unseen_texts)
def test_18_dumps_escapes_every_character_that_does_not_show_and_round_trips(exercise, key, value):
    import unicodedata  # noqa: PLC0415

    odd = attrs.evolve(exercise, extra={key: value, "list": [value]})
    text = upperback.dumps(odd)
    shown = {c for c in text if unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Co", "Cn"}}
    assert shown <= {"\n"}
    assert upperback.loads(text, upperback.Exercise) == odd
    assert "ñ" not in value or "ñ" in text  # letters stay as they are
