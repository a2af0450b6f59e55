"""A small patient portal on upperback: the app of docs/webapp.md.

Run it with ``uvicorn clinic_app:app`` (``pip install upperback[pdf] fastapi
python-multipart uvicorn``). tests/test_webapp.py runs this very file with
FastAPI's TestClient, and mypy --strict checks it.

Every request and response type here is one of upperback's own (Program,
Dosage, Feedback, Adjustment): pydantic validates them through upperback's
converter, so there is no second copy of the data model to keep in step.
"""

from __future__ import annotations

import html
import threading
from typing import Annotated, Any

from fastapi import Body, FastAPI, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

import upperback

app = FastAPI(title="Upper back exercises")

#: The largest catalog a clinic may upload: well below the library's own
#: limit (upperback.catalog.MAX_CATALOG_BYTES, 64 MiB), as a web server's
#: memory is shared by every request.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024

# -- the catalog: the bundled one, or merged with the clinic's ----------------

_catalog_lock = threading.Lock()
_clinic_catalog: upperback.Catalog | None = None


def current_catalog(locale: str = "en") -> upperback.Catalog:
    """The catalog requests use, in *locale*: a catalog is immutable, so threads share it."""
    catalog = _clinic_catalog if _clinic_catalog is not None else upperback.load_catalog()
    return catalog.localized(locale)


@app.post("/catalog")
async def upload_catalog(file: UploadFile) -> dict[str, Any]:
    """Add a clinic's own catalog file to the bundled exercises."""
    global _clinic_catalog  # noqa: PLW0603 - the app's one piece of state
    # The upload's own name goes into messages; its temporary path never does.
    clinic = await run_in_threadpool(
        upperback.load_catalog,
        file.file,
        name=file.filename or "upload",
        max_bytes=MAX_UPLOAD_BYTES,
    )
    with _catalog_lock:
        _clinic_catalog = upperback.load_catalog().merge(clinic)
        merged = _clinic_catalog
    return {"exercises": len(merged), "data_version": merged.data_version}


# -- errors: 422 for data that is wrong, 400 for a request that makes no sense --


@app.exception_handler(upperback.UpperbackError)
async def upperback_error(request: Request, error: upperback.UpperbackError) -> JSONResponse:
    """Return the error's problems as they are: loc, type, msg and input."""
    status = 422 if isinstance(error, upperback.DataError) else 400
    locale = request.query_params.get("lang")
    if locale not in upperback.available_locales():
        locale = None
    return JSONResponse({"detail": error.errors(locale=locale)}, status_code=status)


# -- the form ------------------------------------------------------------------


@app.get("/", response_class=HTMLResponse)
def form() -> str:
    """A form for a person's own program."""
    boxes = "".join(
        f'<label><input type="checkbox" name="equipment" value="{html.escape(e.value)}"> '
        f"{html.escape(e.describe())}</label><br>"
        for e in upperback.Equipment
        if e is not upperback.Equipment.UNKNOWN  # "unknown" is not something a person has
    )
    return (
        "<!doctype html><title>Your exercises</title>"
        '<form method="post" action="/handout">'
        f"<fieldset><legend>What you have at home</legend>{boxes}</fieldset>"
        '<label>Minutes a day <input name="minutes" type="number" value="15"></label> '
        '<label>Weeks <input name="weeks" type="number" value="4"></label> '
        '<label>Your name <input name="name"></label> '
        '<button type="submit">Make my plan</button></form>'
    )


@app.post("/handout", response_class=HTMLResponse)
def handout(
    equipment: Annotated[list[str], Form()],
    minutes: Annotated[int, Form()] = 15,
    weeks: Annotated[int, Form()] = 4,
    name: Annotated[str | None, Form()] = None,
    lang: Annotated[str, Query()] = "en",
) -> str:
    """The form's answer: the program's HTML handout."""
    catalog = current_catalog(lang)
    program = upperback.build_program(
        equipment=equipment, minutes_per_session=minutes, weeks=weeks, catalog=catalog
    )
    options = upperback.HandoutOptions(patient=name)
    return upperback.render(program, "html", catalog=catalog, options=options, locale=lang)


# -- JSON: a program, its PDF and its FHIR Bundle ---------------------------------


@app.post("/program")
def program(
    equipment: Annotated[list[str], Body()],
    minutes_per_session: Annotated[int, Body()] = 15,
    weeks: Annotated[int, Body()] = 4,
    lang: Annotated[str, Query()] = "en",
) -> upperback.Program:
    """Build a program; the response is its JSON, as ``upperback.dumps`` writes it."""
    return upperback.build_program(
        equipment=equipment,
        minutes_per_session=minutes_per_session,
        weeks=weeks,
        catalog=current_catalog(lang),
    )


@app.post("/handout.pdf")
async def handout_pdf(
    program: Annotated[upperback.Program, Body()],
    lang: Annotated[str, Query()] = "en",
) -> Response:
    """The PDF handout of a program. Printing takes seconds: never on the event loop."""
    catalog = current_catalog(lang)
    pdf = await run_in_threadpool(upperback.render, program, "pdf", catalog=catalog, locale=lang)
    return Response(pdf, media_type="application/pdf")


@app.post("/fhir")
def fhir(
    program: Annotated[upperback.Program, Body()],
    patient_reference: Annotated[str | None, Query()] = None,
    lang: Annotated[str, Query()] = "en",
) -> dict[str, Any]:
    """The program as a FHIR R4 Bundle, for a patient's record."""
    return upperback.to_fhir(
        program,
        patient_reference=patient_reference,
        catalog=current_catalog(),
        locale=lang,
    )


# -- adapt: the next dosage, from how it felt ---------------------------------


@app.post("/adapt")
def adapt(
    exercise: Annotated[str, Body()],
    current_dosage: Annotated[upperback.Dosage, Body()],
    feedback: Annotated[upperback.Feedback, Body()],
    lang: Annotated[str, Query()] = "en",
) -> upperback.Adjustment:
    """What to do next with one exercise: its id, the dosage done, and how it felt."""
    catalog = current_catalog(lang)
    return upperback.adapt(catalog[exercise], current_dosage, feedback, locale=lang)
