"""FHIR that means what it says: language, units and a second validator (fhircraft)."""

import datetime as dt
import importlib.util
import json
import re
import warnings

import pytest
from fhir.resources.R4B import get_fhir_model_class

import upperback
from upperback import build_program, load_catalog, to_fhir
from upperback._fhir import _request
from upperback._fhir._base import XVER_PARAMETER

START = dt.date(2026, 1, 5)


def _requests(bundle):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "ServiceRequest"
    ]


def _parameters(request):
    found = {}
    for ext in request["orderDetail"][0]["extension"]:
        assert ext["url"] == XVER_PARAMETER
        parts = {p["url"]: p for p in ext["extension"]}
        found[parts["code"]["valueCodeableConcept"]["coding"][0]["code"]] = parts["value"]
    return found


def _loaded_catalog():
    """The bundled catalog, with soup cans in the arm slide's own dosage."""
    document = json.loads(upperback.dumps(load_catalog()))
    slide = next(e for e in document["exercises"] if e["id"] == "arm-slide-on-wall")
    slide["dosage"]["load"] = {"options": ["soup-cans", "small-weights"]}
    return upperback.loads(json.dumps(document), upperback.Catalog)


@pytest.fixture(scope="module")
def loaded():
    catalog = _loaded_catalog()
    program = build_program(
        equipment=[*upperback.DEFAULT_EQUIPMENT, "soup-cans"], catalog=catalog, weeks=2
    )
    assert "arm-slide-on-wall" in program.exercise_ids
    return catalog, program


def test_spanish_load_frequency_and_units_are_spanish():
    program = build_program(weeks=2, minutes_per_session=60)
    bundle = to_fhir(program, patient_reference="Patient/1", locale="es")
    seen = set()
    for request in _requests(bundle):
        params = _parameters(request)
        assert params["sets"]["valueQuantity"]["unit"] in {"serie", "series"}
        assert params["repetitions"]["valueRange"]["low"]["unit"] == "repeticiones"
        if "hold-seconds" in params:
            assert params["hold-seconds"]["valueRange"]["low"]["unit"] == "segundos"
            seen.add("hold-seconds")
        if "hold-count" in params:
            assert params["hold-count"]["valueRange"]["low"]["unit"] == "cuentas"
            seen.add("hold-count")
        if "load" in params:
            assert params["load"]["valueString"] == "latas de sopa o pesas pequeñas"
            seen.add("load")
        if "frequency" in params:
            assert params["frequency"]["valueString"] == "varias veces al día"
            seen.add("frequency")
    assert seen == {"hold-seconds", "hold-count", "frequency"}
    # The bundled catalog has no dosage with a load, and a catalog of one's own
    # needs its own content file to be Spanish: the load's words, alone.
    loaded = upperback.Dosage(
        upperback.Range.exact(15), sets=3, load=upperback.Load(("soup-cans", "small-weights"))
    )
    params = _request._parameters(loaded, "es")
    (load,) = [
        p
        for p in params
        if p["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "load"
    ]
    assert load["extension"][1]["valueString"] == "latas de sopa o pesas pequeñas"
    undated = to_fhir(build_program(), patient_reference="Patient/1", locale="es")
    bounds = {r["occurrenceTiming"]["repeat"]["boundsDuration"]["unit"] for r in _requests(undated)}
    assert bounds <= {"semana", "semanas"}
    assert "semanas" in bounds


def test_spanish_fhir_holds_no_english_unit_or_phrase():
    program = build_program(weeks=2, minutes_per_session=60)
    text = json.dumps(to_fhir(program, patient_reference="Patient/1", locale="es"))
    # Codes stay codes ("sets" in our CodeSystem, UCUM "s"); words and units do not.
    for english in (
        '"unit": "sets"',
        '"unit": "set"',
        '"unit": "repetitions"',
        '"unit": "seconds"',
        '"unit": "counts"',
        '"unit": "week"',
        '"unit": "weeks"',
        "several times each day",
        "soup cans",
    ):
        assert english not in text


@pytest.mark.parametrize("locale", ["es", "en"])
def test_every_narrative_says_the_language_its_resource_says(locale):
    bundle = to_fhir(
        build_program(), patient_reference="Patient/1", locale=locale, include_handout=False
    )
    for entry in bundle["entry"]:
        resource = entry["resource"]
        lang = resource["language"]
        assert lang == ("en" if resource["resourceType"] == "CodeSystem" else locale)
        assert resource["text"]["div"].startswith(
            f'<div xmlns="http://www.w3.org/1999/xhtml" lang="{lang}" xml:lang="{lang}">'
        )
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    english = to_fhir(build_program(), patient_reference="Patient/1")
    for entry in english["entry"]:
        assert "language" not in entry["resource"]
        assert " lang=" not in entry["resource"]["text"]["div"]


def test_several_times_each_day_is_in_the_timing_even_one_session_a_week():
    for sessions in (1, 7):
        bundle = to_fhir(build_program(sessions_per_week=sessions), patient_reference="Patient/1")
        (extension,) = [r for r in _requests(bundle) if r["code"]["text"] == "Thoracic extension"]
        repeat = extension["occurrenceTiming"]["repeat"]
        assert (repeat["frequency"], repeat["period"], repeat["periodUnit"]) == (
            upperback.SEVERAL_TIMES,
            1,
            "d",
        )
        assert _parameters(extension)["frequency"]["valueString"] == "several times each day"


# -- a second validator ---------------------------------------------------------------


def _fhircraft_validate(resource):
    """Validate with fhircraft's R4 models, built from the R4 StructureDefinitions.

    Unlike the R4B models of fhir.resources, they evaluate the FHIRPath
    invariants of the specification (tim-1, ele-1, ...).
    """
    from fhircraft.fhir.resources.datatypes.R4.core.bundle import Bundle  # noqa: PLC0415

    assert resource["resourceType"] == "Bundle"
    with warnings.catch_warnings():
        # fhircraft warns where it cannot evaluate an invariant (pint knows no
        # "repetitions" unit for Quantity comparisons): not a finding.
        warnings.simplefilter("ignore")
        Bundle.model_validate(resource)


# One test, so that one pytest-xdist worker builds fhircraft's models. `import
# fhircraft` builds every model of R4, R4B and R5, about 50 s on a 2-core
# machine: at the top of this file, every worker paid it while collecting.
# It runs first (tests/conftest.py), while the other workers share the rest.
@pytest.mark.first
@pytest.mark.skipif(
    importlib.util.find_spec("fhircraft") is None, reason="fhircraft needs Python 3.11"
)
def test_fhircraft_validates_every_bundle_and_catches_a_broken_one(loaded):
    catalog, _program = loaded
    for locale, start in [(None, START), (None, None), ("es", START), ("es", None)]:
        # A catalog of one's own has no Spanish content file.
        mine = catalog if locale is None else load_catalog()
        program = build_program(
            equipment=[*upperback.DEFAULT_EQUIPMENT, "soup-cans"], catalog=mine, start=start
        )
        bundle = to_fhir(program, patient_reference="Patient/1", catalog=mine, locale=locale)
        _fhircraft_validate(bundle)
        for request in _requests(bundle):
            assert re.fullmatch(r"active|draft", request["status"]), (locale, start)
    # The check can fail: a duration without its unit breaks invariant tim-1.
    bundle = to_fhir(build_program(weeks=1), patient_reference="Patient/1")
    broken = json.loads(json.dumps(bundle))
    request = _requests(broken)[0]
    request["occurrenceTiming"]["repeat"]["duration"] = 15
    with pytest.raises(ValueError, match="ServiceRequest"):
        _fhircraft_validate(broken)
    from fhircraft.fhir.resources.datatypes.R4.core.service_request import (  # noqa: PLC0415
        ServiceRequest,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match="tim-1"):
            ServiceRequest.model_validate(request)
