"""The web-app guide's app (docs/examples/clinic_app.py), run with FastAPI's TestClient.

docs/webapp.md shows this very file; these tests are what the guide promises.
"""

import importlib.util
import io
import json
import threading
from pathlib import Path

import pytest

import upperback

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient

ROOT = Path(__file__).parent.parent
APP_FILE = ROOT / "docs" / "examples" / "clinic_app.py"
CLINIC = ROOT / "tests" / "fixtures" / "locales" / "clinic.json"


@pytest.fixture
def app_module():
    """A fresh copy of the app module, so one test's upload never reaches another."""
    spec = importlib.util.spec_from_file_location("clinic_app", APP_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def client(app_module):
    with TestClient(app_module.app) as client:
        yield client


def test_the_form_offers_what_a_person_can_have_and_nothing_unknown(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'value="wall"' in page.text
    assert 'value="unknown"' not in page.text


def test_the_form_gives_an_html_handout(client):
    page = client.post(
        "/handout", data={"equipment": ["wall", "chair"], "minutes": "10", "name": "Sam Lee"}
    )
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Sam Lee" in page.text
    assert upperback.load_catalog().disclaimer in page.text


def test_a_program_is_its_json(client):
    response = client.post("/program", json={"equipment": ["wall"], "weeks": 2})
    assert response.status_code == 200
    expected = upperback.build_program(equipment=["wall"], weeks=2)
    assert response.json() == json.loads(upperback.dumps(expected))
    assert upperback.structure(response.json(), upperback.Program) == expected


def test_out_of_range_minutes_are_a_400_with_errors_in_the_persons_language(client):
    response = client.post(
        "/program?lang=es", json={"equipment": ["wall"], "minutes_per_session": 0}
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {
                "loc": ["minutes_per_session"],
                "type": "out_of_range",
                "msg": "Los minutos de cada sesión deben ser un número entero de 1 a 240.",
                "input": 0,
            }
        ]
    }


def test_unknown_equipment_names_its_place_and_suggests_the_term(client):
    response = client.post("/program", json={"equipment": ["wall", "Chair"]})
    assert response.status_code == 400
    [error] = response.json()["detail"]
    assert (error["loc"], error["type"], error["input"]) == (
        ["equipment", 1],
        "unknown_term",
        "Chair",
    )
    assert "Did you mean 'chair'?" in error["msg"]


def test_a_program_that_is_not_valid_is_a_422_with_our_problems(client):
    good = json.loads(upperback.dumps(upperback.build_program()))
    good["weeks"][0]["items"][0]["dosage"]["sets"] = "two"
    response = client.post("/fhir", json=good)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "weeks", 0, "items", 0, "dosage", "sets"]
    assert error["type"] == "wrong_type"


def test_fhir_with_a_patient_reference(client):
    program = json.loads(upperback.dumps(upperback.build_program()))
    response = client.post("/fhir?patient_reference=Patient/123", json=program)
    assert response.status_code == 200
    types = [entry["resource"]["resourceType"] for entry in response.json()["entry"]]
    assert "CarePlan" in types
    bad = client.post("/fhir?patient_reference=Sam", json=program)
    assert bad.status_code == 400
    assert bad.json()["detail"][0]["type"] == "invalid_patient_reference"


def test_the_pdf_is_printed_off_the_event_loop(client, app_module, monkeypatch):
    pytest.importorskip("weasyprint")
    threads = []
    render = upperback.render

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return render(*args, **kwargs)

    monkeypatch.setattr(app_module.upperback, "render", spy)
    program = json.loads(upperback.dumps(upperback.build_program(equipment=["wall"], weeks=1)))
    response = client.post("/handout.pdf", json=program)
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"%PDF-")
    assert response.headers["content-type"] == "application/pdf"
    assert threads
    assert threads[0] is not threading.main_thread()


def test_a_clinic_catalog_is_uploaded_merged_and_used(client):
    with CLINIC.open("rb") as file:
        response = client.post(
            "/catalog", files={"file": ("clinic.json", file, "application/json")}
        )
    assert response.status_code == 200
    clinic = upperback.load_catalog(CLINIC)
    assert response.json()["exercises"] == len(upperback.load_catalog()) + len(clinic)
    chosen = client.post(
        "/program", json={"equipment": ["wall", "chair", "doorway"], "minutes_per_session": 60}
    ).json()
    assert clinic.exercises[0].id in {item["exercise"] for item in chosen["weeks"][0]["items"]}


def test_a_bad_upload_is_a_422_naming_the_uploaded_file_not_a_temporary_path(client):
    response = client.post(
        "/catalog", files={"file": ("mine.json", io.BytesIO(b"[]"), "application/json")}
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": [],
                "type": "wrong_type",
                "msg": "expected an object, got a list",
                "input": [],
            }
        ]
    }


def test_an_upload_over_the_limit_is_refused(client, app_module):
    big = b" " * (app_module.MAX_UPLOAD_BYTES + 1)
    response = client.post(
        "/catalog", files={"file": ("big.json", io.BytesIO(big), "application/json")}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "too_large"


def test_adapt_takes_and_returns_our_types(client):
    exercise = upperback.load_catalog()["band-row"]
    steps = upperback.ladder(exercise)
    body = {
        "exercise": "band-row",
        "current_dosage": upperback.unstructure(steps[0]),
        "feedback": "too-easy",
    }
    response = client.post("/adapt", json=body)
    assert response.status_code == 200
    expected = upperback.adapt(exercise, steps[0], "too-easy")
    assert response.json() == upperback.unstructure(expected)
    off = client.post("/adapt", json={**body, "current_dosage": {"reps": 99, "sets": 2}})
    assert off.status_code == 400
    assert off.json()["detail"][0]["type"] == "dosage_not_on_ladder"
    wrong = client.post("/adapt", json={**body, "feedback": "meh"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "feedback"]


def test_the_openapi_schema_holds_our_json_schema(client):
    from upperback import _pydantic  # noqa: PLC0415

    document = client.get("/openapi.json").json()
    text = json.dumps(document)
    assert "Program" in text
    body = document["paths"]["/fhir"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    if "$ref" in body:
        body = document["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    # Ours, word for word; only the title is pydantic's (the class's name).
    assert _untitled(body) == _untitled(_pydantic.schema_of("Program"))
    adapt = document["paths"]["/adapt"]["post"]["responses"]["200"]["content"]["application/json"]
    schema = adapt["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    assert _untitled(schema) == _untitled(_pydantic.schema_of("Adjustment"))


def _untitled(schema):
    return {key: value for key, value in schema.items() if key != "title"}


def test_the_app_passes_mypy_strict():
    mypy = pytest.importorskip("mypy.api")
    out, err, status = mypy.run(["--strict", "--no-incremental", str(APP_FILE)])
    assert status == 0, out + err
