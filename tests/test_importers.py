"""The free-exercise-db importer: the document it makes, and the catalog that loads from it.

The fixture is written by us in free-exercise-db's format (its schema.json);
no text of the data set is in this repository.
"""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given

from upperback import Category, Equipment, Position, Region
from upperback.exceptions import CatalogError
from upperback.importers import (
    CATEGORIES,
    EQUIPMENT,
    MUSCLES,
    free_exercise_db_document,
    names_equipment,
    position_of,
)
from upperback.model import forbidden_character

from . import strategies
from .linear import assert_linear
from .strategies import free_exercise_db_files
from .test_cli import run

FIXTURE = Path(__file__).parent / "fixtures" / "free_exercise_db_sample.json"
SAMPLE = json.loads(FIXTURE.read_text(encoding="utf-8"))
DOC = free_exercise_db_document(FIXTURE)
BY_SOURCE = {e["extra"]["source_id"]: e for e in DOC["exercises"]}

#: Every value of free-exercise-db's schema.json, null included: one list,
#: shared with the strategies that draw records.
SOURCE_EQUIPMENT = list(strategies.FREE_EXERCISE_DB_VALUES["equipment"])
SOURCE_MUSCLES = list(strategies.FREE_EXERCISE_DB_VALUES["muscle"])
SOURCE_CATEGORIES = list(strategies.FREE_EXERCISE_DB_VALUES["category"])


def record(**changes):
    """A valid free-exercise-db record, with *changes*."""
    base = {
        "id": "Test_Move",
        "name": "Test Move",
        "force": "pull",
        "level": "beginner",
        "mechanic": "isolation",
        "equipment": "dumbbell",
        "primaryMuscles": ["shoulders"],
        "secondaryMuscles": [],
        "instructions": ["Stand up straight.", "Lift the weight."],
        "category": "strength",
        "images": ["Test_Move/0.jpg"],
    }
    base.update(changes)
    return base


def problems(data):
    with pytest.raises(CatalogError) as info:
        free_exercise_db_document(data)
    return [str(p) for p in info.value.problems]


# -- the fixture covers the format ---------------------------------------------


def test_the_fixture_covers_every_equipment_value_and_category():
    assert {r["equipment"] for r in SAMPLE} == set(SOURCE_EQUIPMENT)
    assert {r["category"] for r in SAMPLE} == set(SOURCE_CATEGORIES)


def test_the_tables_cover_the_schema_exactly():
    assert set(EQUIPMENT) | {"body only", "other", None} == set(SOURCE_EQUIPMENT)
    assert set(MUSCLES) == set(SOURCE_MUSCLES)
    assert set(CATEGORIES) == set(SOURCE_CATEGORIES)


# -- vocabulary ------------------------------------------------------------------


def test_declares_what_the_built_ins_lack_and_never_a_built_in():
    vocabulary = DOC["vocabulary"]
    built_in = {
        "equipment": {m.value for m in Equipment},
        "positions": {m.value for m in Position},
        "regions": {m.value for m in Region},
        "categories": {m.value for m in Category},
    }
    assert set(vocabulary) == set(built_in)
    for kind, items in vocabulary.items():
        ids = [item["id"] for item in items]
        assert len(ids) == len(set(ids)), kind
        assert not set(ids) & built_in[kind], kind
        for item in items:
            assert item["label"].strip() == item["label"] != ""
            assert set(item) <= {"id", "label", "labels", "warm_up"}


def test_every_slug_used_is_built_in_or_declared():
    declared = {kind: {i["id"] for i in items} for kind, items in DOC["vocabulary"].items()}
    known = {
        "equipment": declared["equipment"] | {m.value for m in Equipment},
        "positions": declared["positions"] | {m.value for m in Position},
        "regions": declared["regions"] | {m.value for m in Region},
        "categories": declared["categories"] | {m.value for m in Category},
    }
    for exercise in DOC["exercises"]:
        for requirement in exercise["equipment"]:
            assert set(requirement["any_of"]) <= known["equipment"]
        assert set(exercise["positions"]) <= known["positions"]
        assert set(exercise["regions"]) <= known["regions"]
        assert exercise["category"] in known["categories"]


def test_same_muscles_reuse_the_built_in_regions_and_no_others():
    reused = {source for source, (slug, label) in MUSCLES.items() if label is None}
    assert reused == {"chest", "neck", "shoulders"}
    assert all(MUSCLES[m][0] == m for m in reused)
    # Not the same thing: the belly muscles are part of the core, not all of it.
    assert MUSCLES["abdominals"][0] != Region.CORE.value
    assert MUSCLES["middle back"][0] != Region.UPPER_BACK.value


def test_categories_say_which_are_warm_up():
    warm = {c["id"] for c in DOC["vocabulary"]["categories"] if c["warm_up"]}
    assert warm == {"stretching", "cardio"}
    assert all(isinstance(c["warm_up"], bool) for c in DOC["vocabulary"]["categories"])


# -- equipment -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (None, [{"any_of": ["unknown"]}]),
        ("other", [{"any_of": ["unknown"]}]),
        ("body only", []),
        ("bands", [{"any_of": ["resistance-band"]}]),
        ("barbell", [{"any_of": ["barbell"]}]),
        ("cable", [{"any_of": ["cable-machine"]}]),
        ("dumbbell", [{"any_of": ["dumbbell"]}]),
        ("e-z curl bar", [{"any_of": ["ez-curl-bar"]}]),
        ("exercise ball", [{"any_of": ["exercise-ball"]}]),
        ("foam roll", [{"any_of": ["foam-roller"]}]),
        ("kettlebells", [{"any_of": ["kettlebell"]}]),
        ("machine", [{"any_of": ["weight-machine"]}]),
        ("medicine ball", [{"any_of": ["medicine-ball"]}]),
    ],
)
def test_each_equipment_value_maps_as_documented(source, expected):
    doc = free_exercise_db_document([record(equipment=source)])
    assert doc["exercises"][0]["equipment"] == expected
    assert doc["exercises"][0]["extra"]["equipment"] == source


def test_bands_are_not_taken_for_the_home_elastic_band():
    assert BY_SOURCE["Band_Apart_Sample"]["equipment"] == [{"any_of": ["resistance-band"]}]


def test_body_only_that_names_equipment_is_unknown_not_nothing():
    assert BY_SOURCE["Shoulder_Roll_Drill"]["equipment"] == []
    assert BY_SOURCE["Bar_Hang_Sample"]["equipment"] == [{"any_of": ["unknown"]}]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Grab the pull-up bar.", True),
        ("Sit on a bench.", True),
        ("Ask a partner to hold your feet.", True),
        ("Put your hands on the wall.", True),
        ("Hold the rings.", True),
        ("Lie on the floor.", False),
        ("Shift your weight to one leg.", False),
        ("Stand up straight and breathe out.", False),
    ],
)
def test_names_equipment(text, named):
    assert names_equipment([text]) is named


# -- positions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "position"),
    [
        ("Stand tall with your feet apart.", "standing"),
        ("In a standing position, hold the bar.", "standing"),
        ("Begin standing with a band in your hands.", "standing"),
        ("Sit on a bench with your back straight.", "sitting"),
        ("Sit upright in a chair.", "sitting"),
        ("Lie face down on the floor.", "lying-on-stomach"),
        ("Lie on the floor face down, arms at your sides.", "lying-on-stomach"),
        ("Lie on your back with your knees bent.", "lying-on-back"),
        ("Begin by lying on your back on the ground.", "lying-on-back"),
        ("Start off on your hands and knees.", "hands-and-knees"),
        ("Get on your hands and knees.", "hands-and-knees"),
        # Not certain: each of these stays unknown.
        ("Lie on the floor with your knees bent.", "unknown"),
        ("Sit on the floor with your legs straight.", "unknown"),
        ("Begin seated on the ground.", "unknown"),
        ("Lay down on a flat bench.", "unknown"),
        ("Stand up, then lie face down on the mat.", "unknown"),
        ("Kneel on the floor and sit back on your heels.", "unknown"),
        ("Hold the bar and stand up.", "unknown"),
        ("Using a band, stand on one end.", "unknown"),
        ("Stand on the box. Then hang from the bar.", "unknown"),
        ("Clean the weight to your shoulders.", "unknown"),
    ],
)
def test_position_only_when_the_first_instruction_makes_it_certain(first, position):
    assert position_of([first, "Lie down and sit up."]) == position


def test_position_of_nothing_is_unknown():
    assert position_of([]) == "unknown"


# -- each exercise -------------------------------------------------------------------


def test_dosage_is_never_given():
    assert all(e["dosage"] is None for e in DOC["exercises"])


def test_extra_keeps_every_source_field():
    for source in SAMPLE:
        if not source["instructions"]:
            continue
        extra = BY_SOURCE[source["id"]]["extra"]
        assert extra["source"] == "free-exercise-db"
        assert extra["source_id"] == source["id"]
        assert extra["level"] == source["level"]
        assert extra["mechanic"] == source["mechanic"]
        assert extra["images"] == source["images"]
        assert extra["category"] == source["category"]
        assert extra["equipment"] == source["equipment"]
        assert extra["primary_muscles"] == source["primaryMuscles"]
        assert extra["secondary_muscles"] == source["secondaryMuscles"]
        assert extra.get("force", "absent") == source.get("force", "absent")
        assert extra.get("alternate_names") == source.get("alternateNames")


def test_unknown_fields_are_kept_not_dropped():
    doc = free_exercise_db_document([record(video="clip.mp4", tags={"a": [1, 2.5, None]})])
    assert doc["exercises"][0]["extra"]["other_fields"] == {
        "video": "clip.mp4",
        "tags": {"a": [1, 2.5, None]},
    }


def test_ids_become_unique_slugs():
    doc = free_exercise_db_document(
        [
            record(id="3_4_Sit-Up", name="A"),
            record(id="3-4-sit-up", name="B"),
            record(id="__", name="C"),
        ]
    )
    assert [e["id"] for e in doc["exercises"]] == ["3-4-sit-up", "3-4-sit-up-2", "exercise"]
    assert [e["extra"]["source_id"] for e in doc["exercises"]] == ["3_4_Sit-Up", "3-4-sit-up", "__"]


def test_summary_says_only_facts_of_the_data():
    assert BY_SOURCE["Bell_Swing_Sample"]["summary"] == (
        "An intermediate-level Olympic weightlifting exercise for the glutes, "
        "hamstrings and lower back, from free-exercise-db."
    )
    assert BY_SOURCE["Bar_Shrug_Sample"]["summary"] == (
        "An expert-level powerlifting exercise for the traps, from free-exercise-db."
    )


def test_regions_are_the_primary_then_secondary_muscles_once_each():
    assert BY_SOURCE["Shoulder_Roll_Drill"]["regions"] == ["shoulders", "traps", "neck"]
    doc = free_exercise_db_document(
        [record(primaryMuscles=["chest"], secondaryMuscles=["chest", "lats"])]
    )
    assert doc["exercises"][0]["regions"] == ["chest", "lats"]


def test_steps_split_at_line_breaks_and_drop_blank_ones():
    assert BY_SOURCE["Pole_Twist_Sample"]["steps"] == [
        "Sit on the floor with your legs crossed.",
        "Rest a light pole across your shoulders.",
        "Turn your upper body to one side, then to the other.",
    ]
    assert BY_SOURCE["Towel_Chest_Opener"]["steps"] == [
        "Lie on your back on the floor with your knees bent.",
        "Let your arms fall open to the sides, palms up.",
    ]


def test_alternate_names_become_aliases_unless_another_exercise_has_the_name():
    # "Shoulder Roll Drill" names another exercise: search must find one.
    assert BY_SOURCE["Pole_Twist_Sample"]["aliases"] == ["Seated Pole Turn"]
    assert BY_SOURCE["Pole_Twist_Sample"]["extra"]["alternate_names"] == [
        "Seated Pole Turn",
        "Shoulder Roll Drill",
    ]


def test_an_exercise_without_instructions_is_left_out_and_listed():
    assert "No_Steps_Sample" not in BY_SOURCE
    assert DOC["extra"]["skipped"] == [
        {"source_id": "No_Steps_Sample", "reason": "no instructions"}
    ]
    assert len(DOC["exercises"]) == len(SAMPLE) - 1


# -- the catalog's own lines -------------------------------------------------------------


def test_credits_the_source_and_its_license():
    assert DOC["sources"] == [
        {
            "title": "Free Exercise DB",
            "developer": "yuhonas and contributors",
            "publisher": "GitHub",
            "year": 2023,
        }
    ]
    assert "public domain" in DOC["license"]
    assert "Unlicense" in DOC["license"]
    assert "https://github.com/yuhonas/free-exercise-db" in DOC["license"]
    assert DOC["references"] == []


def test_disclaimer_and_safety_say_the_catalog_was_imported():
    assert "importer" in DOC["disclaimer"]
    assert any("importer" in line for line in DOC["safety"])
    assert DOC["title"] == "Exercises from free-exercise-db"


def test_the_document_is_plain_json():
    assert json.loads(json.dumps(DOC)) == DOC


def test_the_input_is_not_changed():
    data = copy.deepcopy(SAMPLE)
    free_exercise_db_document(data)
    assert data == SAMPLE


# -- bad input: CatalogError with the path, never a crash -----------------------------------


def test_not_a_list():
    assert problems({"id": "x"}) == [
        "$: expected a list of free-exercise-db exercises, got an object"
    ]


def test_a_record_that_is_not_an_object():
    assert problems([record(), 3]) == ["$[1]: expected an exercise object, got 3"]


def test_missing_fields_are_each_named():
    bad = record()
    del bad["level"], bad["images"]
    assert problems([bad]) == [
        "$[0].level: exercise 'Test_Move': required field missing",
        "$[0].images: exercise 'Test_Move': required field missing",
    ]


def test_a_value_outside_the_schema():
    assert problems([record(equipment="sled")]) == [
        "$[0].equipment: exercise 'Test_Move': expected one of 'bands', 'barbell', 'cable', "
        "'dumbbell', 'e-z curl bar', 'exercise ball', 'foam roll', 'kettlebells', 'machine', "
        "'medicine ball', 'body only', 'other', null; got 'sled'"
    ]
    assert problems([record(primaryMuscles=["lower-back"])]) == [
        "$[0].primaryMuscles[0]: exercise 'Test_Move': expected one of "
        + ", ".join(repr(m) for m in MUSCLES)
        + "; got 'lower-back'"
    ]


def test_a_step_a_handout_cannot_show_names_the_exercise_and_why():
    bad = record(instructions=["Stand up.", "Lift\x1b[2J the weight."])
    assert problems([bad]) == [
        "$[0].instructions[1]: exercise 'Test_Move': a step cannot hold an invisible or "
        "control character (U+001B) at position 4"
    ]


def test_duplicate_ids_and_names():
    assert problems([record(), record(name="Other")]) == [
        "$[1].id: exercise 'Test_Move': duplicate id, already used at $[0]"
    ]
    assert problems([record(), record(id="Other", name="test  MOVE")]) == [
        "$[1].name: exercise 'Other': the name 'test MOVE' is already used at $[0]"
    ]


def test_every_problem_of_the_file_at_once():
    assert len(problems([record(level="pro"), record(id="B", name="B", category="yoga")])) == 2


def test_a_file_names_itself_in_the_error(tmp_path):
    path = tmp_path / "exercises.json"
    path.write_text(json.dumps([record(level="pro")]), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        free_exercise_db_document(path)
    assert info.value.source == str(path)
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(CatalogError, match="invalid JSON at line 1"):
        free_exercise_db_document(path)


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        free_exercise_db_document(tmp_path / "nothing.json")


def test_a_value_that_is_not_json_is_refused():
    assert problems([record(video=float("nan"))]) == [
        "$[0].video: exercise 'Test_Move': expected a JSON value, got nan"
    ]


# -- properties over generated records ---------------------------------------------------


@given(free_exercise_db_files())
def test_any_data_gives_a_document_or_a_catalog_error(data):
    try:
        doc = free_exercise_db_document(data)
    except CatalogError as exc:
        error = exc
    else:
        error = None
    if error is not None:
        assert error.problems
        assert all(p.path.startswith("$") for p in error.problems)
        return
    assert json.loads(json.dumps(doc)) == doc
    for exercise in doc["exercises"]:
        assert exercise["steps"]
        assert all(forbidden_character(step) is None for step in exercise["steps"])
        assert exercise["dosage"] is None


@given(free_exercise_db_files(valid=True))
def test_valid_records_always_import_and_keep_their_ids(data):
    doc = free_exercise_db_document(data)
    with_steps = [r for r in data if any(s.strip() for s in r["instructions"])]
    assert [e["extra"]["source_id"] for e in doc["exercises"]] == [r["id"] for r in with_steps]
    ids = [e["id"] for e in doc["exercises"]]
    assert len(ids) == len(set(ids))
    for exercise, source in zip(doc["exercises"], with_steps, strict=True):
        if source["equipment"] in (None, "other"):
            assert exercise["equipment"] == [{"any_of": ["unknown"]}]
        if exercise["equipment"] == []:
            assert source["equipment"] == "body only"
            assert not names_equipment(source["instructions"])


# -- the command line: errors ----------------------------------------------------------


def test_cli_unknown_format_is_a_usage_error(tmp_path):
    result = run("import", "wger", FIXTURE, "-o", tmp_path / "out.json")
    assert result.returncode == 2
    assert "invalid choice: 'wger' (choose from 'free-exercise-db')" in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_cli_missing_file_is_one_line(tmp_path):
    result = run("import", "free-exercise-db", tmp_path / "none.json")
    assert result.returncode == 1
    assert (
        result.stderr == f"upperback: error: {tmp_path / 'none.json'}: No such file or directory\n"
    )
    assert result.stdout == ""


def test_cli_bad_data_is_one_line_with_the_path_and_writes_nothing(tmp_path):
    source = tmp_path / "exercises.json"
    source.write_text(json.dumps([record(), record(id="B", name="B", level="pro")]))
    out = tmp_path / "out.json"
    out.write_text("old")
    result = run("import", "free-exercise-db", source, "-o", out)
    assert result.returncode == 1
    assert result.stderr == (
        f"upperback: error: invalid data in {str(source)!r} (1 problem): $[1].level: "
        "exercise 'B': expected one of 'beginner', 'intermediate', 'expert'; got 'pro'\n"
    )
    assert result.stdout == ""
    assert out.read_text() == "old"


# -- issue 18: hostile names, scale ------------------------------------------------------


def test_18_a_field_name_with_control_characters_is_refused_and_quoted():
    key = "x\x1b[2J\x07\u202eevil"
    found = problems([record(**{key: 1})])
    assert len(found) == 1
    assert '$[0]["x\\u001b[2J\\u0007\\u202eevil"]' in found[0]
    assert "expected a field name of visible text" in found[0]
    for char in "\x1b\x07\u202e":
        assert char not in found[0]


def test_18_a_field_name_that_is_not_plain_is_quoted_when_its_value_is_wrong():
    found = problems([record(**{"odd name": float("nan")})])
    assert found == [
        "$[0][\"odd name\"]: exercise 'Test_Move': expected a JSON value, got nan",
    ]


def test_18_cli_prints_no_control_character_of_the_data(tmp_path):
    source = tmp_path / "exercises.json"
    source.write_text(
        json.dumps([record(**{"x\x1b[2J\x07\u202e\x85": 1})], ensure_ascii=False),
        encoding="utf-8",
    )
    result = run("import", "free-exercise-db", source)
    assert result.returncode == 1
    assert result.stderr.startswith("upperback: error: invalid data in")
    assert "\\u001b" in result.stderr
    assert not set(result.stderr) & {"\x1b", "\x07", "\u202e", "\x85"}


def test_18_printable_escapes_controls_and_bidi_characters():
    from upperback.cli import _printable  # noqa: PLC0415

    printed = _printable("a\x1b[2Jb\x07c\u202ed\x85e\u200bf")
    assert printed == "a\\x1b[2Jb\\x07c\\u202ed\\x85e\\u200bf"
    assert _printable("Lève le bras") == "Lève le bras"
    assert _printable("bad\udcffname") == "bad\\xffname"


def test_18_slugs_number_their_copies_as_before():
    from upperback.importers import _Importer  # noqa: PLC0415

    importer = _Importer()
    ids = ["A", "a", "a-2", "a_2", "a", "b", "a"]
    assert [importer.slug(i) for i in ids] == ["a", "a-2", "a-2-2", "a-2-3", "a-3", "b", "a-4"]


def test_18_slugs_of_many_ids_that_make_the_same_slug_take_linear_time():
    from upperback.importers import _Importer  # noqa: PLC0415

    def slugs(ids):
        importer = _Importer()
        made = [importer.slug(i) for i in ids]
        assert len(set(made)) == len(ids)

    assert_linear(lambda n: [f"Sit_Up{'_' * (i % 3)}" for i in range(n)], slugs, 2_000)


def _records_without_steps(count):
    return [record(id=f"No_Steps_{i}", name=f"No steps {i}", instructions=[]) for i in range(count)]


def test_18_the_left_out_line_stays_short(tmp_path):
    source = tmp_path / "exercises.json"
    source.write_text(json.dumps([record(), *_records_without_steps(2_000)]), encoding="utf-8")
    result = run("import", "free-exercise-db", source, "-o", tmp_path / "out.json")
    assert result.returncode == 0, result.stderr
    left_out = result.stdout.splitlines()[1]
    assert left_out == (
        "Left out 2000 exercises without instructions: No_Steps_0, No_Steps_1, No_Steps_2, "
        "No_Steps_3, No_Steps_4 and 1995 more (all are listed in the catalog's extra.skipped)"
    )
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(document["extra"]["skipped"]) == 2_000


def test_18_a_catalog_over_the_load_limit_is_refused_at_import(tmp_path):
    source = tmp_path / "exercises.json"
    source.write_text(json.dumps([record()]), encoding="utf-8")
    size = len(json.dumps(free_exercise_db_document(source), indent=2, ensure_ascii=False)) + 1
    out = tmp_path / "out.json"
    for where in ("before", "after"):
        limit = ["--catalog-max-bytes", str(size - 1)]
        args = [*limit, "import", "free-exercise-db", source, "-o", out]
        if where == "after":
            args = ["import", "free-exercise-db", source, "-o", out, *limit]
        result = run(*args)
        assert result.returncode == 2
        assert result.stderr == (
            f"upperback: error: --catalog-max-bytes: the catalog made would be {size} bytes, "
            f"more than the {size - 1} that --catalog and validate read; give a bigger "
            "--catalog-max-bytes here and when you load it\n"
        )
        assert not out.exists()
    result = run("import", "free-exercise-db", source, "-o", out, "--catalog-max-bytes", size)
    assert result.returncode == 0, result.stderr
    assert run("--catalog-max-bytes", size, "validate", out).returncode == 0
