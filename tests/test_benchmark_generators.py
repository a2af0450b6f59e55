"""The benchmark's catalog generators make valid, reproducible catalogs of the shape they claim."""

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

import upperback

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _module(name):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    if spec is None or spec.loader is None:  # pragma: no cover - the repository is incomplete
        pytest.skip(f"benchmarks/{name}.py is not here")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data():
    return {name: _module(name).catalog_data(2_000) for name in ("generate", "realistic")}


@pytest.mark.parametrize("name", ["generate", "realistic"])
def test_each_generator_makes_a_catalog_that_loads_the_same_every_time(data, name):
    catalog = upperback.loads(json.dumps(data[name]), upperback.Catalog)
    assert len(catalog) == 2_000
    assert _module(name).catalog_data(2_000) == data[name]


def _words(data):
    return Counter(
        word
        for e in data["exercises"]
        for label in (e["name"], *e.get("aliases", ()))
        for word in re.findall(r"[a-z0-9]+", label.casefold())
    )


def test_realistic_names_are_varied_skewed_and_have_typos(data):
    tidy, real = _words(data["generate"]), _words(data["realistic"])
    assert len(real) > 2 * len(tidy)  # a far bigger vocabulary
    # Skewed: the commonest word is far commoner than the median one.
    counts = sorted(real.values())
    assert counts[-1] > 20 * counts[len(counts) // 2]
    # Typos and rare variants: many words are used once or twice.
    assert sum(1 for c in counts if c <= 2) > len(counts) / 4
    # Shared prefixes: many names start with the same first word.
    firsts = Counter(e["name"].split()[0].casefold() for e in data["realistic"]["exercises"])
    assert firsts.most_common(1)[0][1] > 200
