"""Our types as pydantic and FastAPI types (issue 21): validated by our converter, our schema."""

import json
import subprocess
import sys

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import upperback
from upperback import _pydantic

from . import strategies
from .test_convert import ROUND_TRIPS

pydantic = pytest.importorskip("pydantic")

#: Every public type pydantic can use, with a strategy for its values.
TYPES = {
    **ROUND_TRIPS,
    "Equipment": strategies.known_equipment,
    "Position": strategies.known_positions,
    "Feedback": st.sampled_from(upperback.Feedback),
}


def test_every_public_model_type_has_the_hook_and_a_schema():
    public = {
        name
        for name in upperback.__all__
        if isinstance(getattr(upperback, name), type)
        and (attrs.has(getattr(upperback, name)) or issubclass(getattr(upperback, name), str))
    }
    # Options and results a program makes but never reads back, which have no schema.
    without = {"HandoutOptions", "SearchResult", "Illustration", "DoseCeiling", "Problem"}
    without |= {"SessionDay", "Adherence", "ExerciseAdherence", "WeekAdherence", "PainPoint"}
    without |= {"Reason", "Change", "NextWeek", "ProgressReport"}
    without |= {n for n in public if n.startswith("Cert")}
    assert public - without <= set(_pydantic._SCHEMAS)
    for name in _pydantic._SCHEMAS:
        assert hasattr(getattr(upperback, name), "__get_pydantic_core_schema__")


@pytest.mark.parametrize("name", sorted(TYPES))
def test_a_type_adapter_validates_and_serializes_through_our_converter(name):
    cls = getattr(upperback, name)
    adapter = pydantic.TypeAdapter(cls)
    # Built once: jsonschema.validate() would check the schema again for every example.
    schema = jsonschema.Draft202012Validator(adapter.json_schema())

    @given(TYPES[name])
    def check(obj):
        assert adapter.validate_python(obj) is obj
        data = adapter.dump_python(obj)
        assert data == upperback.unstructure(obj)
        assert adapter.validate_python(data) == obj
        assert adapter.validate_json(upperback.dumps(obj)) == obj
        assert json.loads(adapter.dump_json(obj)) == json.loads(upperback.dumps(obj))
        schema.validate(json.loads(upperback.dumps(obj)))

    check()


@pytest.mark.parametrize("name", sorted(_pydantic._SCHEMAS))
def test_the_json_schema_is_ours_with_references_inlined(name):
    schema_name, definition = _pydantic._SCHEMAS[name]
    ours = upperback.json_schema(schema_name)
    node = ours if definition is None else ours["$defs"][definition]
    got = pydantic.TypeAdapter(getattr(upperback, name)).json_schema()
    assert "$ref" not in json.dumps(got)
    for key in ("description", "required", "enum", "examples", "additionalProperties", "type"):
        assert got.get(key) == node.get(key), key
    assert set(got.get("properties", ())) == set(node.get("properties", ()))


def test_the_bundled_catalog_and_a_program_validate_against_the_pydantic_schema():
    catalog = upperback.load_catalog()
    program = upperback.build_program()
    for obj, cls in ((catalog, upperback.Catalog), (program, upperback.Program)):
        schema = pydantic.TypeAdapter(cls).json_schema()
        jsonschema.validate(upperback.unstructure(obj), schema)


def test_each_of_our_problems_is_one_pydantic_error():
    class Visit(pydantic.BaseModel):
        dosage: upperback.Dosage
        feedback: upperback.Feedback

    with pytest.raises(pydantic.ValidationError) as caught:
        Visit.model_validate({"dosage": {"reps": "10", "sets": 0}, "feedback": "meh"})
    errors = caught.value.errors(include_url=False, include_context=False)
    assert errors == [
        {
            "type": "wrong_type",
            "loc": ("dosage", "reps"),
            "msg": "expected a number or an object with low and high, got '10'",
            "input": "10",
        },
        {
            "type": "invalid_value",
            "loc": ("dosage", "sets"),
            "msg": "expected an int >= 1, got 0",
            "input": 0,
        },
        {
            "type": "unknown_term",
            "loc": ("feedback",),
            "msg": (
                "unknown feedback 'meh'; expected one of: too-easy, just-right, too-hard, painful"
            ),
            "input": "meh",
        },
    ]


def test_a_message_with_braces_is_kept_as_it_is():
    with pytest.raises(pydantic.ValidationError) as caught:
        pydantic.TypeAdapter(upperback.Dosage).validate_python({"reps": 3, "{x}": 1})
    assert caught.value.errors()[0]["loc"] == ("{x}",)


def test_import_upperback_never_imports_pydantic():
    code = (
        "import sys, upperback\n"
        "c = upperback.load_catalog()\n"
        "p = upperback.build_program(catalog=c)\n"
        "upperback.render(p, 'text', catalog=c)\n"
        "upperback.dumps(p); upperback.loads(upperback.dumps(p), upperback.Program)\n"
        "names = {'pydantic', 'pydantic_core', 'fastapi'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in names))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
