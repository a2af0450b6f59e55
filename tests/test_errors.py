"""errors(): every UpperbackError as data a program can read (issue 21)."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given

import upperback
from upperback import (
    CatalogError,
    DataError,
    Dosage,
    HandoutOptions,
    InvalidConstraintError,
    InvalidOptionError,
    NoEligibleExercisesError,
    Range,
    UnknownVocabularyError,
    UpperbackError,
    build_program,
    load_catalog,
)
from upperback._convert import _key_path
from upperback.exceptions import path_to_loc

from . import strategies

ROOT = Path(__file__).parent.parent
BUNDLED = ROOT / "src" / "upperback" / "data" / "catalog.json"


def _documented_codes():
    """The codes in the table of docs/errors.md: its first column."""
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z_]+)` \|", text, re.MULTILINE))


def _codes_in_source():
    found = set()
    for path in (ROOT / "src" / "upperback").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(
            re.findall(r'\bcode(?:: str)?\s*=\s*(?:attrs.field\(default=)?"([a-z_]+)"', text)
        )
    return found


def test_every_code_in_the_source_is_in_the_table_and_every_code_in_the_table_is_used():
    assert _codes_in_source() == _documented_codes()


def _check_shape(details):
    assert isinstance(details, list)
    assert details
    for item in details:
        assert set(item) == {"loc", "type", "msg", "input"}
        assert isinstance(item["loc"], tuple)
        assert all(isinstance(part, str | int) for part in item["loc"])
        assert item["type"] in _documented_codes()
        assert isinstance(item["msg"], str)
        assert item["msg"]
    json.dumps(details)  # plain data, ready for a response


def test_a_data_error_lists_each_problem_with_a_tuple_path():
    text = '{"reps": "10", "sets": 0, "rest": 30, "hold": {"duration": 5, "unit": "minutes"}}'
    with pytest.raises(DataError) as caught:
        upperback.loads(text, Dosage)
    assert sorted(caught.value.errors(), key=lambda e: e["loc"]) == [
        {
            "loc": ("hold", "unit"),
            "type": "unknown_term",
            "msg": "unknown hold unit 'minutes'; expected one of: seconds, counts",
            "input": "minutes",
        },
        {
            "loc": ("reps",),
            "type": "wrong_type",
            "msg": "expected a number or an object with low and high, got '10'",
            "input": "10",
        },
        {"loc": ("rest",), "type": "extra_forbidden", "msg": "unexpected key", "input": 30},
        {
            "loc": ("sets",),
            "type": "invalid_value",
            "msg": "expected an int >= 1, got 0",
            "input": 0,
        },
    ]


def test_a_missing_key_quotes_the_object_that_lacks_it():
    with pytest.raises(DataError) as caught:
        upperback.structure({"sets": 2}, Dosage)
    assert caught.value.errors() == [
        {"loc": ("reps",), "type": "missing", "msg": "required key missing", "input": {"sets": 2}}
    ]


def test_a_long_input_is_shortened():
    with pytest.raises(DataError) as caught:
        upperback.structure({"reps": "x" * 10_000, "sets": list(range(1000))}, Dosage)
    inputs = {e["loc"]: e["input"] for e in caught.value.errors()}
    assert inputs[("reps",)] == "x" * 100 + "..."
    assert inputs[("sets",)] == [*range(10), "..."]


def test_json_that_does_not_parse_has_its_own_code():
    with pytest.raises(CatalogError) as caught:
        load_catalog(b'{"a": 1,}', name="clinic.json")
    [error] = caught.value.errors()
    assert error["loc"] == ()
    assert error["type"] == "json_invalid"


@given(strategies.mutated_documents(json.loads(BUNDLED.read_bytes())))
def test_every_catalog_problem_reads_as_data(doc):
    exc = _raised(lambda: load_catalog(json.dumps(doc).encode()))
    if exc is not None:
        details = exc.errors()
        _check_shape(details)
        assert [d["loc"] for d in details] == [path_to_loc(p.path) for p in exc.problems]
        assert [d["msg"] for d in details] == [p.message for p in exc.problems]


def _raised(call):
    """The CatalogError *call* raises, or None if it returns."""
    try:
        call()
    except CatalogError as exc:
        return exc
    return None


@given(strategies.json_keys)
def test_a_path_reads_back_as_the_keys_it_names(key):
    path = _key_path(_key_path("$", "exercises"), key) + "[3]"
    assert path_to_loc(path) == ("exercises", key[:60], 3)


def test_catalog_checks_have_their_own_codes():
    doc = json.loads(BUNDLED.read_bytes())
    doc["exercises"].append(dict(doc["exercises"][0]))
    doc["exercises"].append(dict(doc["exercises"][0], id="a-copy"))
    doc["exercises"][1]["references"] = ["no-such-reference"]
    with pytest.raises(CatalogError) as caught:
        upperback.structure(doc, upperback.Catalog)
    codes = {e["type"] for e in caught.value.errors()}
    assert {"duplicate_id", "duplicate_name", "unknown_reference"} <= codes


# -- errors of the calls a request makes ----------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "loc", "code", "given"),
    [
        ({"minutes_per_session": 0}, ("minutes_per_session",), "out_of_range", 0),
        ({"sessions_per_week": 8}, ("sessions_per_week",), "out_of_range", 8),
        ({"weeks": "4"}, ("weeks",), "out_of_range", "4"),
        ({"include": ["no-such"]}, ("include",), "unknown_exercise", "no-such"),
        ({"equipment": ["wall", "Wal"]}, ("equipment", 1), "unknown_term", "Wal"),
        (
            {"avoid_positions": ["upside-down"]},
            ("avoid_positions", 0),
            "unknown_term",
            "upside-down",
        ),
        ({"equipment": ["unknown"]}, ("equipment",), "invalid_constraint", "unknown"),
    ],
)
def test_build_program_errors_name_their_argument(kwargs, loc, code, given):
    with pytest.raises(UpperbackError) as caught:
        build_program(**kwargs)
    [error] = caught.value.errors()
    _check_shape([error])
    assert (error["loc"], error["type"], error["input"]) == (loc, code, given)
    if code not in {"out_of_range", "unknown_term"}:  # those two speak to a person
        assert error["msg"] == str(caught.value)


def test_an_invalid_constraint_names_its_field_apart_from_the_message():
    with pytest.raises(InvalidConstraintError) as caught:
        build_program(minutes_per_session=0)
    err = caught.value
    assert err.field == "minutes_per_session"
    assert err.reason == "expected a whole number from 1 to 240, got 0"
    assert str(err) == "minutes_per_session: expected a whole number from 1 to 240, got 0"
    assert (err.low, err.high) == (1, 240)
    assert err.errors()[0]["msg"] == (
        "The minutes for each session must be a whole number from 1 to 240."
    )


def test_the_message_alone_still_makes_an_invalid_constraint_error():
    err = InvalidConstraintError("something is off")
    assert (err.field, str(err), err.errors()[0]["loc"]) == (None, "something is off", ())
    err = InvalidConstraintError("time_zone: expected a name, got 3")
    assert (err.field, err.reason) == ("time_zone", "expected a name, got 3")
    assert str(err) == "time_zone: expected a name, got 3"
    assert err.errors()[0]["loc"] == ("time_zone",)


def test_an_invalid_option_names_its_field():
    with pytest.raises(InvalidOptionError) as caught:
        HandoutOptions(provider_phone="5" * 41)
    err = caught.value
    assert (err.field, err.option) == ("provider_phone", "provider_phone")
    [error] = err.errors()
    assert error["loc"] == ("provider_phone",)
    assert error["type"] == "invalid_option"
    assert error["msg"] == "provider_phone: at most 40 characters, got 41"


def test_a_bad_patient_reference_and_an_off_ladder_dosage_have_their_own_codes():
    catalog = load_catalog()
    program = build_program()
    with pytest.raises(InvalidConstraintError) as caught:
        upperback.to_fhir(program, patient_reference="Bob")
    assert caught.value.errors()[0]["type"] == "invalid_patient_reference"
    assert caught.value.errors()[0]["input"] == "Bob"
    exercise = catalog["band-row"]
    with pytest.raises(InvalidConstraintError) as caught:
        upperback.adapt(exercise, Dosage(reps=Range.exact(99), sets=2), "too-easy")
    [error] = caught.value.errors()
    assert (error["loc"], error["type"]) == (("current_dosage",), "dosage_not_on_ladder")
    assert error["input"] == {"reps": 99, "sets": 2}


def test_an_unknown_feedback_is_located():
    with pytest.raises(UnknownVocabularyError) as caught:
        upperback.adapt(load_catalog()["band-row"], load_catalog()["band-row"].dosage, "meh")
    assert caught.value.errors()[0]["loc"] == ("feedback",)


def test_no_eligible_exercises_is_one_error_with_its_code():
    with pytest.raises(NoEligibleExercisesError) as caught:
        build_program(equipment=["elastic-band"], minutes_per_session=1)
    [error] = caught.value.errors()
    assert error["type"] == "no_eligible_exercises"
    assert error["msg"] == str(caught.value)


@pytest.mark.parametrize(
    "make",
    [
        lambda: load_catalog()["no-such"],
        lambda: upperback.render(build_program(), "docx"),
        lambda: upperback.render(build_program(), "text", locale="xx"),
        lambda: load_catalog().localized("es", content=b"{}"),
    ],
)
def test_every_other_error_has_a_code_and_its_message(make):
    with pytest.raises(UpperbackError) as caught:
        make()
    _check_shape(caught.value.errors())


# -- the person-facing messages follow the language in use ---------------------


def test_person_facing_messages_are_in_the_catalogs_language():
    spanish = load_catalog(locale="es")
    with pytest.raises(InvalidConstraintError) as caught:
        build_program(minutes_per_session=500, catalog=spanish)
    assert caught.value.errors()[0]["msg"] == (
        "Los minutos de cada sesión deben ser un número entero de 1 a 240."
    )
    assert str(caught.value).startswith("minutes_per_session: expected")  # logs stay English
    assert caught.value.errors(locale="en")[0]["msg"].startswith("The minutes")

    with pytest.raises(UnknownVocabularyError) as caught:
        build_program(equipment=["Wall"], catalog=spanish)
    msg = caught.value.errors()[0]["msg"]
    assert msg.startswith("No conocemos el equipo 'Wall'. ¿Quiso decir 'wall'? Elija entre: ")
    assert "unknown" not in msg  # not something a person has

    with pytest.raises(NoEligibleExercisesError) as caught:
        build_program(equipment=["elastic-band"], minutes_per_session=1, catalog=spanish)
    msg = caught.value.errors()[0]["msg"]
    assert msg.startswith("Ningún ejercicio se ajusta a estas opciones:")
    assert "it needs" not in msg
    assert "necesita" in msg


def test_english_is_asked_for_by_name_or_by_default():
    with pytest.raises(UnknownVocabularyError) as caught:
        build_program(equipment=["Wall"])
    english = caught.value.errors()[0]["msg"]
    assert english.startswith("We do not know the equipment 'Wall'. Did you mean 'wall'?")
    assert caught.value.errors(locale="es")[0]["msg"].startswith("No conocemos el equipo")


def test_adapt_reads_equipment_as_build_program_does():
    # adapt once parsed its equipment alone: no place, English only, and "unknown"
    # among what a person may name.
    exercise = load_catalog()["band-row"]
    with pytest.raises(UnknownVocabularyError) as caught:
        upperback.adapt(
            exercise, exercise.dosage, "too-easy", equipment=["door", "anvl"], locale="es"
        )
    err = caught.value
    assert "unknown" not in err.valid
    assert "unknown" not in str(err).partition("expected one of:")[2]
    [error] = err.errors()
    assert (error["loc"], error["type"], error["input"]) == (
        ("equipment", 1),
        "unknown_term",
        "anvl",
    )
    assert error["msg"].startswith("No conocemos el equipo 'anvl'.")
    assert err.errors(locale="en")[0]["msg"].startswith("We do not know the equipment 'anvl'.")
    with pytest.raises(InvalidConstraintError) as caught:
        upperback.adapt(exercise, exercise.dosage, "too-easy", equipment=["unknown"])
    assert caught.value.errors()[0]["loc"] == ("equipment",)


def test_a_long_list_of_omissions_ends_in_the_persons_language():
    # The Spanish message ended "... and 5 more (see the error's omitted attribute)".
    from upperback.exceptions import MAX_LISTED_OMISSIONS  # noqa: PLC0415
    from upperback.program import Omission, OmissionReason  # noqa: PLC0415

    left_out = [
        Omission(f"exercise-{i}", OmissionReason.EXCLUDED, "excluded by request")
        for i in range(MAX_LISTED_OMISSIONS + 5)
    ]
    error = NoEligibleExercisesError(left_out, locale="es")
    spanish = error.errors()[0]["msg"]
    assert spanish.splitlines()[-1] == "  ... y 5 más"
    assert "more" not in spanish
    assert str(error).splitlines()[-1] == "  ... and 5 more (see the error's omitted attribute)"
