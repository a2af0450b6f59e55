import json
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given

import upperback
from upperback import CatalogError, UnknownVocabularyError, json_schema
from upperback.schema import SCHEMA_NAMES

from . import strategies

FIXTURES = Path(__file__).parent / "fixtures"


def validator(name):
    return jsonschema.Draft202012Validator(
        json_schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


CATALOG = validator("catalog")
PROGRAM = validator("program")


def plain(obj):
    return json.loads(upperback.dumps(obj))


@pytest.mark.parametrize("name", SCHEMA_NAMES)  # the session and log ones too
def test_schemas_are_valid_draft_2020_12(name):
    schema = json_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_each_call_returns_a_fresh_copy():
    json_schema("catalog")["title"] = "changed"
    assert json_schema("catalog")["title"] == "upperback catalog"


def test_unknown_name():
    with pytest.raises(UnknownVocabularyError, match=r"unknown schema 'catalogue'.*'catalog'"):
        json_schema("catalogue")


def test_the_bundled_catalog_validates():
    CATALOG.validate(plain(upperback.load_catalog()))


def test_the_default_program_validates():
    PROGRAM.validate(plain(upperback.build_program()))


@given(strategies.catalogs())
def test_random_valid_catalogs_validate(catalog):
    CATALOG.validate(plain(catalog))


@given(strategies.exercises_with_figures())
def test_random_figures_validate(exercise):
    document = plain(upperback.load_catalog())
    document["exercises"] = [
        plain(exercise) if entry["id"] == exercise.id else entry for entry in document["exercises"]
    ]
    CATALOG.validate(document)


@given(strategies.programs)
def test_random_programs_validate(program):
    PROGRAM.validate(plain(program))


# Fixtures whose mistakes are structural: the schema rejects them as the loader does.
STRUCTURAL = ["fields.json", "types.json"]
# Fixtures whose mistakes are about meaning across records (duplicate ids,
# references and progressions that do not resolve, cycles): JSON Schema
# cannot say these, so only the loader rejects them. The schema's
# description says so.
MEANING = ["meaning.json", "progressions.json"]


def test_every_bad_fixture_is_classified():
    names = sorted(p.name for p in (FIXTURES / "bad").glob("*.json"))
    assert names == sorted([*STRUCTURAL, *MEANING, "syntax.json"])


@pytest.mark.parametrize("name", STRUCTURAL)
def test_structural_bad_fixtures_are_rejected_by_the_schema(name):
    data = json.loads((FIXTURES / "bad" / name).read_text(encoding="utf-8"))
    assert not CATALOG.is_valid(data)


def test_syntax_errors_are_not_json_at_all():
    with pytest.raises(json.JSONDecodeError):
        json.loads((FIXTURES / "bad" / "syntax.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", MEANING)
def test_meaning_fixtures_need_the_loader(name):
    path = FIXTURES / "bad" / name
    assert CATALOG.is_valid(json.loads(path.read_text(encoding="utf-8")))
    with pytest.raises(CatalogError):
        upperback.load_catalog(path)
    assert "the loader also checks meaning" in json_schema("catalog")["description"]


def test_shared_definitions_are_the_same_in_both():
    catalog_defs = json_schema("catalog")["$defs"]
    program_defs = json_schema("program")["$defs"]
    shared = catalog_defs.keys() & program_defs.keys()
    assert {"dosage", "range", "hold", "load", "frequency", "equipment", "position"} <= shared
    for name in shared:
        assert catalog_defs[name] == program_defs[name], name


ENUMS = {
    "position": upperback.Position,
    "equipment": upperback.Equipment,
    "category": upperback.Category,
    "region": upperback.Region,
    "holdUnit": upperback.HoldUnit,
    "period": upperback.Period,
    "progressionKind": upperback.ProgressionKind,
    "referenceKind": upperback.ReferenceKind,
    "identifierScheme": upperback.IdentifierScheme,
    "omissionReason": upperback.OmissionReason,
    "view": upperback.View,
    "prop": upperback.Prop,
    "bodySite": upperback.BodySite,
}


#: Vocabularies a catalog may add terms to: the schema lists the built-in
#: ones as examples and accepts any slug, which the loader checks.
OPEN = {"position", "equipment", "category", "region"}


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_vocabularies_match_the_enums(name):
    for schema in ("catalog", "program"):
        defs = json_schema(schema)["$defs"]
        if name not in defs:
            continue
        builtins = [member.value for member in ENUMS[name]]
        if name in OPEN:
            assert defs[name]["examples"] == builtins
            assert defs[name]["$ref"] == "#/$defs/slug"
        else:
            assert defs[name]["enum"] == builtins


def test_the_vocabulary_section_matches_the_model():
    defs = json_schema("catalog")["$defs"]
    assert set(defs["vocabulary"]["properties"]) == {
        f.name for f in attrs.fields(upperback.Vocabulary)
    }
    assert set(defs["term"]["properties"]) == {"id", "label", "labels"}
    assert set(defs["categoryTerm"]["properties"]) == {"id", "label", "labels", "warm_up"}


def test_the_schema_accepts_a_catalog_with_its_own_terms_and_extras():
    document = json.loads(upperback.dumps(upperback.load_catalog()))
    document["vocabulary"] = {
        "equipment": [{"id": "barbell", "label": "a barbell", "labels": {"es": "una barra"}}],
        "categories": [{"id": "plyometrics", "label": "jumping work", "warm_up": False}],
    }
    document["extra"] = {"source": {"name": "test", "ids": [1, 2]}}
    document["exercises"][0]["equipment"] = [{"any_of": ["barbell"]}]
    document["exercises"][0]["extra"] = {"level": "beginner"}
    document["exercises"][1]["dosage"] = None
    document["exercises"][1]["progressions"] = []
    jsonschema.validate(document, json_schema("catalog"))
    upperback.loads(json.dumps(document), upperback.Catalog)  # and the loader agrees


CLASSES = {
    ("catalog", "dosage"): upperback.Dosage,
    ("catalog", "hold"): upperback.Hold,
    ("catalog", "frequency"): upperback.Frequency,
    ("catalog", "load"): upperback.Load,
    ("catalog", "requirement"): upperback.Requirement,
    ("catalog", "progression"): upperback.Progression,
    ("catalog", "exercise"): upperback.Exercise,
    ("catalog", "author"): upperback.Author,
    ("catalog", "identifier"): upperback.Identifier,
    ("catalog", "reference"): upperback.Reference,
    ("catalog", "source"): upperback.Source,
    ("catalog", None): upperback.Catalog,
    ("catalog", "figure"): upperback.Figure,
    ("catalog", "pose"): upperback.Pose,
    ("catalog", "joints"): upperback.Joints,
    ("catalog", "arm"): upperback.Arm,
    ("catalog", "leg"): upperback.Leg,
    ("catalog", "contact"): upperback.Contact,
    ("catalog", "arrow"): upperback.Arrow,
    ("program", "timing"): upperback.Timing,
    ("program", "item"): upperback.ProgramItem,
    ("program", "week"): upperback.Week,
    ("program", "schedule"): upperback.Schedule,
    ("program", "omission"): upperback.Omission,
    ("program", "givenDosage"): upperback.GivenDosage,
    ("program", None): upperback.Program,
    ("session", "event"): upperback.Event,
    ("session", None): upperback.Session,
    ("log", "entry"): upperback.LogEntry,
    ("log", None): upperback.Log,
}


@pytest.mark.parametrize(("schema", "definition"), sorted(CLASSES, key=str))
def test_properties_and_required_keys_match_the_model(schema, definition):
    cls = CLASSES[schema, definition]
    root = json_schema(schema)
    node = root if definition is None else root["$defs"][definition]
    fields = [f for f in attrs.fields(cls) if f.init]
    assert set(node["properties"]) == {f.name for f in fields}
    assert set(node["required"]) == {f.name for f in fields if f.default is attrs.NOTHING}
    assert node["additionalProperties"] is False


def test_the_session_schema_lists_every_event_kind():
    kinds = json_schema("session")["$defs"]["eventKind"]["enum"]
    assert kinds == [kind.value for kind in upperback.EventKind]


def test_the_log_schema_lists_every_feedback():
    assert json_schema("log")["$defs"]["feedback"]["enum"] == [f.value for f in upperback.Feedback]


def test_program_request_lists_every_argument():
    node = json_schema("program")["$defs"]["request"]
    assert set(node["properties"]) == {f.name for f in attrs.fields(upperback.ProgramRequest)}


#: Words that mark a key as a duration: JSON durations are bare numbers, so the
#: schema must say their unit (issue 21).
DURATION_WORDS = ("duration", "setup", "rest", "seconds")


@pytest.mark.parametrize("name", ["program", "session"])
def test_every_duration_says_it_is_in_whole_seconds(name):
    schema = json_schema(name)
    assert "whole seconds" in schema["$defs"]["seconds"]["description"].lower()
    durations = []
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            properties = node.get("properties", {})
            for key, value in properties.items():
                # A hold's duration has its unit beside it, in the data.
                if any(word in key for word in DURATION_WORDS) and "unit" not in properties:
                    durations.append(key)
                    assert (
                        value.get("$ref") == "#/$defs/seconds"
                        or "seconds" in value.get("description", "").lower()
                    ), (name, key, value)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    assert {"setup", "rest_between_sets", "seconds_per_rep"} <= set(durations)
