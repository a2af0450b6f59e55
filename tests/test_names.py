"""Names that say one thing (issue 21): one meaning per name, with a deprecation path."""

from pathlib import Path

import pytest

import upperback
from upperback import Equipment, InvalidConstraintError, build_program, load_catalog, to_fhir
from upperback.importers import EQUIPMENT


def test_to_fhir_takes_a_patient_reference():
    program = build_program()
    bundle = to_fhir(program, patient_reference="Patient/123")
    types = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert "CarePlan" in types


def test_the_old_patient_keyword_still_works_with_a_deprecation_warning():
    program = build_program()
    with pytest.warns(DeprecationWarning, match="use patient_reference="):
        old = to_fhir(program, patient="Patient/123")
    assert old == to_fhir(program, patient_reference="Patient/123")


def test_both_keywords_at_once_are_an_error():
    with (
        pytest.warns(DeprecationWarning, match="patient_reference"),
        pytest.raises(InvalidConstraintError, match="give patient_reference only"),
    ):
        to_fhir(build_program(), patient="Patient/1", patient_reference="Patient/2")


def test_adapt_takes_the_id_a_program_names():
    catalog = load_catalog()
    program = build_program(catalog=catalog)
    item = program.weeks[0].items[0]
    by_id = upperback.adapt(item.exercise, item.dosage, "just-right")
    assert by_id == upperback.adapt(catalog[item.exercise], item.dosage, "just-right")
    spanish = upperback.adapt(item.exercise, item.dosage, "just-right", locale="es")
    assert spanish.message.startswith("Siga")


def test_adapt_looks_an_id_up_in_the_catalog_given():
    clinic = load_catalog(Path(__file__).parent / "fixtures" / "locales" / "clinic.json")
    exercise = clinic.exercises[0]
    assert upperback.adapt(exercise.id, exercise.dosage, "too-hard", catalog=clinic) == (
        upperback.adapt(exercise, exercise.dosage, "too-hard")
    )
    with pytest.raises(upperback.UnknownExerciseError) as caught:
        upperback.adapt(exercise.id, exercise.dosage, "too-hard")  # not in the bundled catalog
    assert caught.value.errors()[0]["loc"] == ("exercise",)


def test_unknown_is_never_offered_to_a_person():
    with pytest.raises(upperback.UnknownVocabularyError) as caught:
        build_program(equipment=["anvil"])
    assert "unknown" not in caught.value.valid
    assert "unknown" not in str(caught.value).partition("expected one of:")[2]
    assert set(caught.value.valid) == {e.value for e in Equipment if e is not Equipment.UNKNOWN}
    with pytest.raises(upperback.UnknownVocabularyError) as caught:
        build_program(avoid_positions=["upside-down"])
    assert "unknown" not in caught.value.valid


def test_a_catalog_file_may_still_say_unknown():
    # For a catalog's author "unknown" is a value: the catalog does not say.
    with pytest.raises(upperback.DataError, match="unknown"):
        upperback.structure({"any_of": ["anvil"]}, upperback.Requirement)


def test_the_importers_labels_read_like_the_built_in_ones():
    for _slug, label in EQUIPMENT.values():
        assert not label.startswith(("a ", "an ", "the ")), label
    for member in Equipment:
        assert not member.describe().startswith(("a ", "an ", "the "))


def test_a_program_item_and_an_omission_name_exercises_by_id():
    catalog = load_catalog()
    program = build_program(equipment=["wall"], catalog=catalog)
    for item in program.weeks[0].items:
        assert catalog[item.exercise].id == item.exercise
    for omission in program.omitted:
        assert omission.exercise in catalog


def test_the_command_lines_lists_of_slugs_leave_unknown_out(capsys):
    from upperback.cli import main  # noqa: PLC0415

    assert main(["program", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    lists = [part.split(", or one")[0] for part in text.split("Slugs: ")[1:]]
    kinds = (Equipment, upperback.Position, upperback.Region, upperback.Category)
    assert len(lists) == len(kinds)
    for listed, kind in zip(lists, kinds, strict=True):
        assert set(listed.split(", ")) == {m.value for m in kind if m.value != "unknown"}
