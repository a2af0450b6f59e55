import datetime as dt
import json

import pytest
from fhir.resources.R4B import get_fhir_model_class

import upperback
from upperback import build_program, cert_report, render, to_fhir

from .test_cli import ok, run

CATALOG = upperback.load_catalog()


def test_show_as_fhir_is_the_activity_definition():
    written = json.loads(ok("show", "band-row", "--format", "fhir"))
    assert written == to_fhir(CATALOG["band-row"])
    get_fhir_model_class("ActivityDefinition").model_validate(written)


def test_program_as_fhir_is_the_bundle():
    written = json.loads(
        ok("program", "--start", "2026-01-05", "--format", "fhir", "--patient", "Patient/123")
    )
    program = build_program(start=dt.date(2026, 1, 5))
    assert written == to_fhir(program, patient_reference="Patient/123")
    get_fhir_model_class("Bundle").model_validate(written)
    kinds = {e["resource"]["resourceType"] for e in written["entry"]}
    assert {"CarePlan", "ServiceRequest", "PlanDefinition"} <= kinds


def test_program_as_a_fhir_transaction(tmp_path):
    out = tmp_path / "bundle.json"
    assert ok("program", "--format", "fhir", "--fhir-transaction", "-o", out) == ""
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["type"] == "transaction"
    assert all(e["request"]["method"] == "POST" for e in written["entry"])


def test_a_bad_fhir_patient_is_a_usage_error():
    result = run("program", "--format", "fhir", "--patient", "123")
    assert result.returncode == 2
    assert result.stderr.startswith("upperback: error: --patient")
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["fhir", "cert"])
def test_personal_details_never_go_in_fhir_or_cert(fmt):
    result = run("program", "--format", fmt, "--patient-name", "Sam Lee")
    assert result.returncode == 2
    assert result.stderr == (
        "upperback: error: --patient-name: personal details go in a handout "
        f"(text, markdown, html, pdf), never in the {fmt.upper()} output\n"
    )
    assert "Sam Lee" not in result.stdout


@pytest.mark.parametrize(
    "option", [["--patient", "Patient/123"], ["--fhir-transaction"]], ids=lambda o: o[0]
)
@pytest.mark.parametrize("fmt", ["text", "json", "cert"])
def test_fhir_options_are_refused_for_other_formats(option, fmt):
    result = run("program", "--format", fmt, *option)
    assert result.returncode == 2
    assert result.stderr == f"upperback: error: {option[0]}: only for --format fhir, not {fmt}\n"
    assert result.stdout == ""


def test_program_as_cert_is_the_markdown_checklist():
    written = ok("program", "--weeks", "3", "--format", "cert")
    assert written == render(cert_report(build_program(weeks=3)), "markdown")
    assert "16b." in written
