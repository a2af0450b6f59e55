"""The loader checks each value once, and says exactly what checking it twice said.

The converter makes model instances without their ``__init__`` once its
hooks and the fields' value checks have passed (issue 18). These tests
hold it to the plain way, cattrs' generated structuring followed by the
class's own ``__init__`` with every validator: the same instances from
valid documents, the same problems, word for word, from damaged ones.
Constructors used directly still check everything.
"""

import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import Catalog, Exercise, _convert
from upperback._resources import read_data
from upperback.model import FieldError

from .strategies import catalogs, hostile_values, mutated_documents

DOCUMENT = json.loads(read_data("catalog.json"))


@pytest.fixture(scope="module")
def plain():
    """A converter that makes every attrs class with cattrs' function and the class's __init__."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_convert, "_supports_fast_path", lambda _cls: False)
        converter = _convert._make_converter()
        for cls in (Catalog, Exercise):  # hooks are made on first use: make them now
            converter.get_structure_hook(cls)
    return converter


def _made_by(converter, cls):
    """The name of the function that makes *cls* inside the converter's hook."""
    hook = converter.get_structure_hook(cls)
    cells = [cell.cell_contents for cell in hook.__closure__ or ()]
    return next(f.__name__ for f in cells if callable(f) and f.__name__.startswith("structure"))


def test_the_plain_converter_is_cattrs_and_init(plain):
    assert _made_by(plain, Exercise) == "structure_Exercise"  # cattrs' own
    assert _made_by(_convert.converter, Exercise) == "structure"  # ours


def _outcome(converter, data, cls=Catalog):
    try:
        return "made", converter.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - the problems are what is compared
        return "refused", [(p.path, p.message) for p in _convert.problems_of(exc)]


slow_ok = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@slow_ok
@given(mutated_documents(DOCUMENT))
def test_damaged_catalogs_get_the_same_problems_as_from_init(plain, document):
    assert _outcome(_convert.converter, document) == _outcome(plain, document)


@slow_ok
@given(catalogs())
def test_valid_catalogs_make_the_same_instances_as_init(plain, catalog):
    data = _convert.converter.unstructure(catalog)
    kind, made = _outcome(_convert.converter, data)
    assert kind == "made"
    assert made == catalog
    assert _outcome(plain, data) == ("made", made)


_TEXTS = st.sampled_from(["Row", " Row", "Row ", "", "Omóplatos", "a\u034fb", "x\x1by", "\ufffe"])


@given(
    field=st.sampled_from(["id", "name", "summary", "aliases", "references", "cautions", "steps"]),
    value=_TEXTS | st.lists(_TEXTS, max_size=3) | hostile_values,
)
def test_each_text_rule_words_its_problem_as_init_does(plain, field, value):
    exercise = dict(DOCUMENT["exercises"][0], **{field: value})
    assert _outcome(_convert.converter, exercise, Exercise) == _outcome(plain, exercise, Exercise)


def test_constructors_still_check_every_value():
    exercise = upperback.load_catalog().exercises[0]
    with pytest.raises(FieldError, match="expected a slug"):
        attrs.evolve(exercise, id="Not a slug")
    with pytest.raises(FieldError, match="expected no repeats"):
        attrs.evolve(exercise, aliases=("wall slide", "wall slide"))
    with pytest.raises(FieldError, match="expected Step at index 0"):
        attrs.evolve(exercise, steps=("Stand up.",))
