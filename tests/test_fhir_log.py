"""A log as FHIR R4: pain scores as LOINC 72514-3 Observations, done sessions as PA IG panels."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from upperback import InvalidConstraintError, Log, LogEntry, build_program, load_catalog
from upperback._fhir import VERIFIED_CODES, log_to_fhir

from . import strategies as s
from .test_fhir import check_codes, check_narrative, references, validate

START = dt.date(2026, 1, 5)
PATIENT = "Patient/123"


def _observations(bundle, code):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["code"]["coding"][0]["code"] == code
    ]


def _check(bundle):
    validate(bundle)
    assert bundle["type"] == "collection"
    entries = bundle.get("entry", [])  # an empty log is a Bundle with no entry
    urls = [e["fullUrl"] for e in entries]
    assert len(set(urls)) == len(urls)
    for entry in entries:
        resource = entry["resource"]
        validate(resource)
        check_codes(resource)
        check_narrative(resource)
        assert resource["subject"] == {"reference": PATIENT}
        assert resource["status"] == "final"
    for reference in references(bundle):
        assert reference == PATIENT or reference in urls


def test_pain_scores_and_done_sessions():
    program = build_program(start=START, weeks=1)
    first, second = program.exercise_ids[:2]
    log = Log(
        (
            LogEntry(START, first, 2, 8, pain_before=4, pain_after=2),
            LogEntry(START, second, 1, 3, hold=15, pain_after=3),
            LogEntry(START + dt.timedelta(days=1), first, 2, 8),
        )
    )
    bundle = log_to_fhir(program, log, patient=PATIENT)
    _check(bundle)
    pain = _observations(bundle, "72514-3")
    assert [(p["effectiveDateTime"], p["valueInteger"]) for p in pain] == [
        ("2026-01-05", 4),
        ("2026-01-05", 2),
        ("2026-01-05", 3),
    ]
    name = load_catalog()[first].name
    assert pain[0]["note"] == [{"text": f"Pain before: {name}"}]
    assert pain[0]["code"]["coding"][0]["display"] == (
        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    )
    panels = _observations(bundle, "PAPanel")
    assert [p["effectiveDateTime"] for p in panels] == ["2026-01-05", "2026-01-06"]
    assert panels[0]["note"][0] == {"text": f"{name}: 2 x 8"}
    durations = _observations(bundle, "55411-3")
    timing = program.request.timing
    # 2 sets of 8: setup, 16 reps, one rest; then 1 set of 3 holding 15.
    expected = (
        timing.setup
        + 16 * timing.seconds_per_rep
        + timing.rest_between_sets
        + timing.setup
        + 3 * (timing.seconds_per_rep + 15)
    )
    assert durations[0]["valueQuantity"] == {
        "value": round(expected / 60, 1),
        "unit": "minute",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    assert by_url[panels[0]["hasMember"][0]["reference"]] is durations[0]
    categories = {c["coding"][0]["code"] for c in panels[0]["category"]}
    assert categories == {"activity", "PhysicalActivity"}


def test_every_code_is_verified_and_says_where():
    for code in VERIFIED_CODES:
        assert code.verified_at


def test_the_same_log_gives_the_same_json():
    program = build_program(start=START, weeks=1)
    log = Log((LogEntry(START, program.exercise_ids[0], 1, 1, pain_before=1),))
    assert log_to_fhir(program, log, patient=PATIENT) == log_to_fhir(program, log, patient=PATIENT)


def test_spanish():
    program = build_program(start=START, weeks=1)
    first = program.exercise_ids[0]
    bundle = log_to_fhir(
        program, Log((LogEntry(START, first, 1, 1, pain_after=5),)), patient=PATIENT, locale="es"
    )
    _check(bundle)
    pain = _observations(bundle, "72514-3")[0]
    assert pain["language"] == "es"
    name = load_catalog().localized("es")[first].name
    assert pain["note"] == [{"text": f"Dolor después: {name}"}]


@pytest.mark.parametrize("patient", ["123", "Practitioner/1", "", None])
def test_a_patient_is_needed(patient):
    program = build_program(start=START, weeks=1)
    with pytest.raises(InvalidConstraintError, match="patient: expected a reference"):
        log_to_fhir(program, Log(), patient=patient)


@settings(deadline=None, max_examples=20)
@given(s.program_logs())
def test_random_logs_validate(case):
    program, log = case
    _check(log_to_fhir(program, log, patient=PATIENT))
