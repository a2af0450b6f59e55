"""The free-exercise-db importer's catalogs, loaded: by the API, by the loader, by the CLI.

The unit tests of the document it makes are in test_importers.py.
"""

import json
from pathlib import Path

from hypothesis import given

import upperback
from upperback import Catalog, NoEligibleExercisesError, build_program, free_exercise_db
from upperback.exceptions import CatalogError
from upperback.importers import free_exercise_db_document

from .strategies import free_exercise_db_files
from .test_cli import run

FIXTURE = Path(__file__).parent / "fixtures" / "free_exercise_db_sample.json"
DOC = free_exercise_db_document(FIXTURE)
IMPORTED = free_exercise_db(FIXTURE)
BUNDLED = upperback.load_catalog()


def chosen_and_omitted(**kwargs):
    """The ids a program chooses and the omissions, or none chosen when nothing fits."""
    try:
        program = build_program(**kwargs)
    except NoEligibleExercisesError as error:
        return [], list(error.omitted)
    chosen = {item.exercise for week in program.weeks for item in week.items}
    return sorted(chosen), list(program.omitted)


def test_the_import_loads():
    assert isinstance(IMPORTED, Catalog)
    assert [e.id for e in IMPORTED] == [e["id"] for e in DOC["exercises"]]
    assert all(e.dosage is None for e in IMPORTED)


def test_the_document_loads_with_the_loader(tmp_path):
    path = tmp_path / "imported.json"
    path.write_text(json.dumps(DOC), encoding="utf-8")
    assert upperback.load_catalog(path) == IMPORTED


def test_round_trip_through_dumps_and_loads():
    assert upperback.loads(upperback.dumps(IMPORTED), Catalog) == IMPORTED


def test_every_extra_survives_load_save_and_merge():
    saved = json.loads(upperback.dumps(IMPORTED))
    assert saved["extra"] == DOC["extra"]
    assert [e["extra"] for e in saved["exercises"]] == [e["extra"] for e in DOC["exercises"]]
    again = json.loads(upperback.dumps(upperback.loads(upperback.dumps(IMPORTED), Catalog)))
    assert again == saved
    merged = json.loads(upperback.dumps(BUNDLED.merge(IMPORTED)))
    extras = {e["id"]: e.get("extra") for e in merged["exercises"]}
    for exercise in DOC["exercises"]:
        assert extras[exercise["id"]] == exercise["extra"]


def test_nothing_that_needs_anything_for_a_person_with_nothing():
    chosen, omitted = chosen_and_omitted(catalog=IMPORTED, equipment=[])
    assert all(not IMPORTED[i].equipment for i in chosen)
    # No dosage is given, and the builder never makes one up.
    assert all(IMPORTED[i].dosage is not None for i in chosen)
    assert chosen == []
    assert {o.exercise for o in omitted} == set(IMPORTED.ids)


def test_merged_with_the_bundled_catalog_only_bundled_exercises_are_prescribed():
    merged = BUNDLED.merge(IMPORTED)
    for equipment in ([], None, ["barbell", "dumbbell", "wall", "chair"]):
        chosen, omitted = chosen_and_omitted(catalog=merged, equipment=equipment)
        assert set(chosen) <= set(BUNDLED.ids), equipment
        if equipment == []:
            assert all(not merged[i].equipment for i in chosen)
        assert set(IMPORTED.ids) <= {o.exercise for o in omitted}


def test_a_handout_of_imported_exercises_carries_their_own_lines():
    text = upperback.render(IMPORTED["shoulder-roll-drill"], catalog=IMPORTED)
    assert "importer" in text
    for line in BUNDLED.safety:
        assert line not in text


@given(free_exercise_db_files())
def test_any_data_gives_a_catalog_or_a_catalog_error(data):
    try:
        catalog = free_exercise_db(data)
    except CatalogError as exc:
        error = exc
    else:
        error = None
        assert upperback.loads(upperback.dumps(catalog), Catalog) == catalog
    if error is not None:
        assert error.problems


@given(free_exercise_db_files(valid=True))
def test_valid_records_always_load(data):
    catalog = free_exercise_db(data)
    assert upperback.loads(upperback.dumps(catalog), Catalog) == catalog
    chosen, _ = chosen_and_omitted(catalog=catalog, equipment=[])
    assert chosen == []  # no dosage is given


# -- the command line, end to end -----------------------------------------------------


def test_cli_import_then_validate_then_program(tmp_path):
    out = tmp_path / "imported.json"
    result = run("import", "free-exercise-db", FIXTURE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Wrote 16 exercises to {out}\nLeft out 1 exercise without instructions: No_Steps_Sample\n"
    )
    assert result.stderr == ""
    assert json.loads(out.read_text(encoding="utf-8")) == DOC
    assert upperback.load_catalog(out) == IMPORTED

    result = run("validate", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{out}: valid catalog, 16 exercises\n"

    result = run("--catalog", out, "program", "--equipment", "none", "--format", "json")
    assert result.returncode == 0, result.stderr
    program = upperback.loads(result.stdout, upperback.Program)
    chosen = {item.exercise for week in program.weeks for item in week.items}
    assert chosen
    assert chosen <= set(BUNDLED.ids)
    assert all(not BUNDLED[i].equipment for i in chosen)


def test_cli_only_imported_exercises_fit_gives_one_line(tmp_path):
    out = tmp_path / "imported.json"
    assert run("import", "free-exercise-db", FIXTURE, "-o", out).returncode == 0
    result = run(
        "--catalog", out, "program", "--equipment", "barbell", "--category", "powerlifting"
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("upperback: error: ")
    assert result.stderr.count("\n") == 1


def test_cli_import_to_stdout_notes_on_stderr():
    result = run("import", "free-exercise-db", FIXTURE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == DOC
    assert result.stderr == (
        "upperback: Left out 1 exercise without instructions: No_Steps_Sample\n"
    )
