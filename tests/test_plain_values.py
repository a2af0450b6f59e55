"""unstructure/structure, dumps(compact=), and catalogs from bytes and file objects (issue 21)."""

import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import upperback
from upperback import CatalogError, DataError, Dosage, Range, load_catalog
from upperback.catalog import MAX_CATALOG_BYTES

from . import strategies
from .test_convert import ROUND_TRIPS

BUNDLED = Path(upperback.__file__).parent / "data" / "catalog.json"


def _is_json(value):
    """Whether *value* is made only of what json.loads returns."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_is_json(v) for v in value)
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str | int)


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_unstructure_is_the_data_dumps_writes_and_structure_builds_it_back(name):
    cls = getattr(upperback, name)

    @given(ROUND_TRIPS[name])
    def check(obj):
        data = upperback.unstructure(obj)
        assert _is_json(data)
        assert json.loads(upperback.dumps(obj)) == data
        assert upperback.structure(data, cls) == obj
        compact = upperback.dumps(obj, compact=True)
        assert "\n" not in compact
        assert json.loads(compact) == json.loads(upperback.dumps(obj)) == data

    check()


def test_dumps_takes_containers_of_our_objects():
    catalog = load_catalog()
    exercises = catalog.exercises[:2]
    assert json.loads(upperback.dumps(list(exercises))) == [
        upperback.unstructure(e) for e in exercises
    ]
    assert json.loads(upperback.dumps(exercises)) == json.loads(upperback.dumps(list(exercises)))
    by_id = {e.id: e.dosage for e in exercises}
    assert json.loads(upperback.dumps(by_id, compact=True)) == {
        e.id: upperback.unstructure(e.dosage) for e in exercises
    }


@pytest.mark.parametrize("bad", [object(), {1, 2}, [b"bytes"], {"a": float("nan")}, {1: 2}])
def test_unstructure_refuses_what_json_cannot_hold(bad):
    with pytest.raises(TypeError, match="cannot write"):
        upperback.unstructure(bad)


def test_a_compact_dump_has_no_spaces_between_tokens():
    dosage = Dosage(reps=Range(8, 12), sets=2)
    assert upperback.dumps(dosage, compact=True) == '{"reps":{"high":12,"low":8},"sets":2}'


@given(strategies.mutated_documents(json.loads(BUNDLED.read_bytes())))
def test_structure_finds_the_same_problems_as_loads(doc):
    from_text = _raised(lambda: upperback.loads(json.dumps(doc), upperback.Catalog))
    from_data = _raised(lambda: upperback.structure(doc, upperback.Catalog))
    if isinstance(from_text, CatalogError):
        assert isinstance(from_data, CatalogError)
        assert from_data.problems == from_text.problems
    else:
        assert from_data == from_text


def _raised(call):
    """What *call* returns, or the DataError it raises."""
    try:
        return call()
    except DataError as exc:
        return exc


@given(strategies.non_json_values, st.sampled_from([Dosage, upperback.Exercise, upperback.Catalog]))
def test_structure_refuses_any_python_value_with_a_located_data_error(data, cls):
    exc = _raised(lambda: upperback.structure(data, cls))
    if isinstance(exc, DataError):
        assert exc.problems
        assert all(p.path.startswith("$") for p in exc.problems)
        json.dumps(exc.errors())  # plain data, whatever was given


def test_structure_names_a_key_that_is_not_text_and_a_nan():
    with pytest.raises(DataError) as caught:
        upperback.structure({"reps": float("nan"), 3: 1}, Dosage)
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$", "wrong_type"),
        ("$.reps", "json_invalid"),
    }


def test_structure_with_a_catalog_knows_its_terms():
    catalog = upperback.free_exercise_db(
        Path(__file__).parent / "fixtures" / "free_exercise_db_sample.json"
    )
    exercise = next(e for e in catalog if any(t.is_custom for r in e.equipment for t in r.any_of))
    data = upperback.unstructure(exercise)
    with pytest.raises(DataError):
        upperback.structure(data, upperback.Exercise)
    assert upperback.structure(data, upperback.Exercise, catalog=catalog) == exercise


# -- catalogs from bytes, text and file objects --------------------------------


@pytest.mark.parametrize(
    "make",
    [
        bytes,
        bytearray,
        memoryview,
        io.BytesIO,
        lambda raw: io.StringIO(raw.decode()),
        lambda raw: io.BufferedReader(io.BytesIO(raw)),
    ],
    ids=["bytes", "bytearray", "memoryview", "BytesIO", "StringIO", "BufferedReader"],
)
def test_a_catalog_loads_from_its_bytes_or_a_file_object(make):
    raw = BUNDLED.read_bytes()
    assert load_catalog(make(raw)) == load_catalog(BUNDLED)


def test_bytes_are_never_taken_for_a_file_name():
    # Once, bytes went to os.open and came back as "OSError: File name too long".
    with pytest.raises(CatalogError) as caught:
        load_catalog(b"x" * 5000)
    assert caught.value.problems[0].code == "json_invalid"


def test_messages_name_the_name_given_and_no_temporary_path(tmp_path):
    path = tmp_path / "upload-7f3a.tmp"
    path.write_bytes(b"[]")
    for source in (b"[]", io.BytesIO(b"[]"), path):
        with pytest.raises(CatalogError) as caught:
            load_catalog(source, name="clinic.json")
        assert caught.value.source == "clinic.json"
        assert "upload-7f3a" not in str(caught.value)
        assert "clinic.json" in str(caught.value)


def test_without_a_name_bytes_are_named_nothing():
    with pytest.raises(CatalogError) as caught:
        load_catalog(b"[]")
    assert caught.value.source is None
    assert str(caught.value).startswith("invalid catalog (1 problem):")


class _Endless(io.RawIOBase):
    """A file object that never ends, and counts what was read from it."""

    def __init__(self):
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b" " * len(buffer)
        self.read_bytes += len(buffer)
        return len(buffer)


@pytest.mark.parametrize("limit", [0, 1, 100, 4096])
def test_the_size_limit_applies_to_bytes_and_file_objects(limit):
    raw = b" " * (limit + 1)
    for source in (raw, io.BytesIO(raw)):
        with pytest.raises(CatalogError) as caught:
            load_catalog(source, max_bytes=limit)
        assert caught.value.problems[0].code == "too_large"
    endless = _Endless()
    with pytest.raises(CatalogError, match=f"the limit is {limit} bytes"):
        load_catalog(endless, max_bytes=limit)
    assert endless.read_bytes <= limit + 1


def test_the_default_size_limit_is_64_mib():
    assert MAX_CATALOG_BYTES == 64 * 1024 * 1024


def test_a_file_object_that_gives_neither_bytes_nor_text_is_an_error():
    class Odd:
        def read(self, _size):
            return 42

    with pytest.raises(CatalogError, match="expected the file object to give bytes or text"):
        load_catalog(Odd())  # type: ignore[arg-type]


@pytest.mark.parametrize("source", [42, 1.5, ["catalog.json"]])
def test_anything_else_is_a_type_error(source):
    with pytest.raises(TypeError, match="expected a path, bytes or a file object"):
        load_catalog(source)


def test_a_content_file_loads_from_bytes_with_a_name():
    catalog = load_catalog()
    content = (BUNDLED.parent / "locales" / "es.json").read_bytes()
    spanish = catalog.localized("es", content=content, name="es-upload.json")
    assert spanish == catalog.localized("es")
    assert catalog.localized("es", content=io.BytesIO(content)) == spanish
    with pytest.raises(CatalogError) as caught:
        catalog.localized("es", content=b"{}", name="es-upload.json")
    assert caught.value.source == "es-upload.json"
    with pytest.raises(CatalogError, match="the limit is 10 bytes"):
        catalog.localized("es", content=content, max_bytes=10)
