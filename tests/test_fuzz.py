"""Fuzz the catalog loader with hostile input (issue 7, robustness suite).

The rule: whatever the input, ``upperback.loads`` and ``load_catalog`` either
load a catalog or raise ``CatalogError``, whose message names where the
problem is (a ``$`` JSON path, and the file for ``load_catalog``) and stays
small. Nothing loaded before changes.

CI runs the ``ci`` profile (200 examples a test). The long run is
``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py``.
"""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import CatalogError
from upperback._resources import read_data
from upperback.exceptions import MAX_LISTED_PROBLEMS, MAX_PROBLEM_LENGTH

from .strategies import json_values, mutated_bytes, mutated_documents

RAW = read_data("catalog.json")
DOCUMENT = json.loads(RAW)

#: The largest message a CatalogError can have: a heading and up to
#: MAX_LISTED_PROBLEMS lines of at most MAX_PROBLEM_LENGTH characters, each
#: indented by two, plus the "... and N more" line.
MAX_MESSAGE = (MAX_LISTED_PROBLEMS + 2) * (MAX_PROBLEM_LENGTH + 3)

# The bundled catalog, loaded before any fuzzing, and its JSON.
BUNDLED = upperback.load_catalog()
BUNDLED_JSON = upperback.dumps(BUNDLED)

# Each example parses a 20 KB file; a slow example is the machine, not a bug.
slow_ok = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_loads(text: str | bytes) -> None:
    try:
        catalog = upperback.loads(text, upperback.Catalog)
    except CatalogError as error:
        check_message(error)
    else:
        assert isinstance(catalog, upperback.Catalog)


def check_message(error: CatalogError, source: str | None = None) -> None:
    message = str(error)
    assert len(message) <= MAX_MESSAGE, len(message)
    assert error.problems
    assert all(problem.path.startswith("$") for problem in error.problems), error.problems
    assert "$" in message
    if source is not None:
        assert error.source == source
        assert repr(source)[:50].strip("'") in message


def check_bundled_unchanged() -> None:
    again = upperback.load_catalog()
    assert again is BUNDLED
    assert again == BUNDLED
    assert upperback.dumps(again) == BUNDLED_JSON


@slow_ok
@given(json_values)
def test_arbitrary_json_loads_or_raises_catalog_error(value: object) -> None:
    check_loads(json.dumps(value))
    check_loads(json.dumps(value).encode("utf-8"))


@slow_ok
@given(mutated_documents(DOCUMENT))
def test_a_mutated_catalog_loads_or_raises_catalog_error(document: object) -> None:
    try:
        text = json.dumps(document)
    except RecursionError:  # nested deeper than json.dumps goes; the raw test covers it
        return
    check_loads(text)
    check_bundled_unchanged()


@slow_ok
@given(mutated_bytes(RAW))
def test_a_damaged_catalog_file_loads_or_raises_catalog_error(raw: bytes) -> None:
    check_loads(raw)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged catalog.json"
        path.write_bytes(raw)
        try:
            catalog = upperback.load_catalog(path)
        except CatalogError as error:
            check_message(error, str(path))
        else:
            assert isinstance(catalog, upperback.Catalog)
    check_bundled_unchanged()


@slow_ok
@given(st.data())
def test_a_file_over_the_size_limit_is_refused_with_its_name(data: st.DataObject) -> None:
    raw = data.draw(mutated_bytes(RAW))
    limit = data.draw(st.integers(0, max(len(raw) - 1, 0)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        path.write_bytes(raw + b" ")
        with pytest.raises(CatalogError, match="limit") as info:
            upperback.load_catalog(path, max_bytes=limit)
    check_message(info.value, str(path))


def test_the_mutations_reach_the_loader_errors_the_suite_is_about() -> None:
    # A fuzz test that only ever produced valid files, or only JSON syntax
    # errors, would pass without testing anything: check that the strategies
    # reach the validator's own problems too.
    seen: set[str] = set()

    @settings(
        max_examples=100, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(mutated_documents(DOCUMENT))
    def collect(document: object) -> None:
        try:
            text = json.dumps(document)
        except RecursionError:
            return
        try:
            upperback.loads(text, upperback.Catalog)
        except CatalogError as error:
            seen.update(problem.message[:30] for problem in error.problems)

    collect()
    assert any(message.startswith("expected") for message in seen), seen
    assert not all(message.startswith("invalid JSON") for message in seen), seen
    assert len(seen) >= 5, seen
