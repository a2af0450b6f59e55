"""A clinic's own FHIR addresses (issue 21): upperback's address names only upperback's content."""

import json
from pathlib import Path

import pytest

import upperback
from upperback import CatalogError, InvalidConstraintError, build_program, load_catalog, to_fhir
from upperback._fhir import BASE
from upperback._fhir._base import CODE_SYSTEM_URL, EXT_EQUIPMENT, EXT_POSITION

CLINIC = Path(__file__).parent / "fixtures" / "locales" / "clinic.json"
CLINIC_BASE = "https://clinic.example/fhir"


def _clinic(**changes):
    document = json.loads(CLINIC.read_bytes())
    document.update(changes)
    return load_catalog(json.dumps(document).encode(), name="clinic.json")


#: Definitions of ours that anyone's content uses: our extensions and our CodeSystem.
OUR_DEFINITIONS = {EXT_POSITION, EXT_EQUIPMENT, CODE_SYSTEM_URL}


def _urls(resource):
    """Every address in *resource* but those of our own definitions."""
    found = []
    stack = [resource]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif (
            isinstance(value, str)
            and value.startswith(("http://", "https://", "urn:"))
            and value not in OUR_DEFINITIONS
        ):
            found.append(value)
    return found


def test_a_catalog_file_declares_its_base_and_it_round_trips():
    clinic = _clinic(fhir_base=CLINIC_BASE)
    assert clinic.fhir_base == CLINIC_BASE
    assert upperback.loads(upperback.dumps(clinic), upperback.Catalog).fhir_base == CLINIC_BASE
    assert load_catalog().fhir_base is None  # the bundled catalog's address is the package's own


@pytest.mark.parametrize(
    "bad", ["clinic.example/fhir", "https://clinic.example/fhir/", "ftp://x.y", "https://a b", 3]
)
def test_a_base_that_is_not_an_address_is_refused_with_its_path(bad):
    with pytest.raises(CatalogError) as caught:
        _clinic(fhir_base=bad)
    assert [p.path for p in caught.value.problems] == ["$.fhir_base"]


def test_a_clinic_exercise_is_named_under_the_clinics_base():
    clinic = _clinic(fhir_base=CLINIC_BASE)
    definition = to_fhir(clinic.exercises[0], catalog=clinic)
    assert definition["url"].startswith(f"{CLINIC_BASE}/ActivityDefinition/")
    assert definition["identifier"][0]["system"] == f"{CLINIC_BASE}/exercise-id"
    assert not any(url.startswith(BASE) for url in _urls(definition))


def test_to_fhir_gives_a_base_to_a_catalog_that_declares_none():
    clinic = _clinic()
    given = "https://portal.example/fhir"
    definition = to_fhir(clinic.exercises[0], catalog=clinic, canonical_base=given)
    assert definition["url"].startswith(f"{given}/ActivityDefinition/")
    declared = _clinic(fhir_base=CLINIC_BASE)
    named = to_fhir(declared.exercises[0], catalog=declared, canonical_base=given)
    assert named["url"].startswith(CLINIC_BASE)  # the catalog's own declaration comes first


def test_without_any_base_a_clinic_exercise_gets_a_stable_urn_never_our_address():
    clinic = _clinic()
    first = to_fhir(clinic.exercises[0], catalog=clinic)
    assert first["url"].startswith("urn:uuid:")
    assert "system" not in first["identifier"][0]
    assert to_fhir(clinic.exercises[0], catalog=clinic) == first
    assert not any(url.startswith(BASE) for url in _urls(first))


def test_our_exercises_keep_our_address_in_every_language_and_after_a_merge():
    bundled = load_catalog()
    merged = bundled.merge(_clinic(fhir_base=CLINIC_BASE))
    for catalog, lang in ((bundled, None), (merged, None), (bundled, "es")):
        definition = to_fhir(bundled["band-row"], catalog=catalog, locale=lang)
        assert definition["url"] == f"{BASE}/ActivityDefinition/band-row"


def test_a_program_of_both_names_each_exercise_under_its_own_base():
    clinic = _clinic(fhir_base=CLINIC_BASE)
    merged = load_catalog().merge(clinic)
    program = build_program(
        catalog=merged, include=[clinic.exercises[0].id], minutes_per_session=60
    )
    bundle = to_fhir(program, catalog=merged)
    definitions = {
        e["resource"]["id"]: e["resource"]["url"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "ActivityDefinition"
    }
    ours = {i for i in program.exercise_ids if i in load_catalog()}
    assert ours
    assert clinic.exercises[0].id in program.exercise_ids
    for exercise_id in program.exercise_ids:
        expected = BASE if exercise_id in ours else CLINIC_BASE
        assert definitions[exercise_id] == f"{expected}/ActivityDefinition/{exercise_id}"
    # The program's own PlanDefinition is not only ours: the merged catalog's base (ours
    # declares none), the caller's, or a urn, never upperback's address.
    plan = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "PlanDefinition"
    )
    assert not plan["url"].startswith(BASE)
    given = to_fhir(program, catalog=merged, canonical_base="https://portal.example/fhir")
    plan = next(
        e["resource"] for e in given["entry"] if e["resource"]["resourceType"] == "PlanDefinition"
    )
    assert plan["url"].startswith("https://portal.example/fhir/PlanDefinition/")


def test_a_program_of_ours_alone_is_named_as_before():
    bundle = to_fhir(build_program())
    plan = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "PlanDefinition"
    )
    assert plan["url"].startswith(f"{BASE}/PlanDefinition/")


@pytest.mark.parametrize("bad", ["clinic.example", "https://x.example/", 42])
def test_a_bad_canonical_base_argument_names_itself(bad):
    with pytest.raises(InvalidConstraintError) as caught:
        to_fhir(build_program(), canonical_base=bad)
    [error] = caught.value.errors()
    assert (error["loc"], error["type"]) == (("canonical_base",), "invalid_canonical_base")
