import json
import subprocess
import sys
import threading
from pathlib import Path
from types import MappingProxyType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import upperback
from upperback import (
    Catalog,
    CatalogError,
    Category,
    Equipment,
    HoldUnit,
    Period,
    Position,
    ProgressionKind,
    Range,
    UnknownExerciseError,
    UpperbackError,
)
from upperback import (
    catalog as catalog_module,
)

from . import strategies

FIXTURES = Path(__file__).parent / "fixtures"
E = Equipment
P = Position

# The handout's facts, one row an exercise: the contract of the bundled data.
TABLE = {
    "pectoralis-stretch": ("Pectoralis stretch", {P.STANDING}, [{E.DOORWAY, E.WALL_CORNER}]),
    "thoracic-extension": ("Thoracic extension", {P.SITTING}, [{E.CHAIR}]),
    "arm-slide-on-wall": ("Arm slide on wall", {P.SITTING, P.STANDING}, [{E.WALL}]),
    "scapular-squeeze": ("Scapular squeeze", {P.SITTING, P.STANDING}, []),
    "mid-trap-raise": ("Mid-trap exercise", {P.LYING_ON_STOMACH}, [{E.FIRM_SURFACE}, {E.PILLOW}]),
    "thoracic-stretch": ("Thoracic stretch", {P.LONG_SITTING}, [{E.FLOOR_SPACE}]),
    "quadruped-arm-leg-raise": (
        "Quadruped arm and leg raise",
        {P.HANDS_AND_KNEES},
        [{E.FLOOR_SPACE}],
    ),
    "band-row": (
        "Rowing exercise",
        {P.SITTING},
        [{E.ELASTIC_BAND}, {E.DOOR, E.STURDY_ANCHOR}, {E.CHAIR}],
    ),
}

# id: (sets, reps, hold, hold unit, per side, several times a day)
DOSAGE = {
    "pectoralis-stretch": (1, Range.exact(3), Range(15, 30), HoldUnit.SECONDS, False, False),
    "thoracic-extension": (1, Range.exact(10), None, None, False, True),
    "arm-slide-on-wall": (2, Range(8, 12), None, None, False, False),
    "scapular-squeeze": (2, Range.exact(15), Range.exact(5), HoldUnit.SECONDS, False, False),
    "mid-trap-raise": (3, Range.exact(15), None, None, False, False),
    "thoracic-stretch": (1, Range.exact(3), Range.exact(15), HoldUnit.COUNTS, False, False),
    "quadruped-arm-leg-raise": (
        1,
        Range.exact(10),
        Range.exact(5),
        HoldUnit.SECONDS,
        True,
        False,
    ),
    "band-row": (2, Range.exact(15), None, None, False, False),
}


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


class TestBundledContent:
    def test_has_exactly_the_eight_exercises(self, catalog):
        assert set(catalog.ids) == set(TABLE)
        assert len(catalog) == 8

    def test_iterates_sorted_by_id(self, catalog):
        assert [e.id for e in catalog] == sorted(TABLE)

    @pytest.mark.parametrize("exercise_id", sorted(TABLE))
    def test_names_positions_and_equipment(self, catalog, exercise_id):
        name, positions, needs = TABLE[exercise_id]
        exercise = catalog[exercise_id]
        assert exercise.name == name
        assert set(exercise.positions) == positions
        assert [set(req.any_of) for req in exercise.equipment] == needs

    @pytest.mark.parametrize("exercise_id", sorted(DOSAGE))
    def test_dosage_matches_the_source(self, catalog, exercise_id):
        sets, reps, hold, unit, per_side, several_a_day = DOSAGE[exercise_id]
        dosage = catalog[exercise_id].dosage
        assert dosage.sets == sets
        assert dosage.reps == reps
        assert (dosage.hold.duration if dosage.hold else None) == hold
        assert (dosage.hold.unit if dosage.hold else None) == unit
        assert dosage.per_side is per_side
        assert dosage.load is None
        if several_a_day:
            assert dosage.frequency is not None
            assert dosage.frequency.period is Period.DAY
            assert dosage.frequency.times is None
        else:
            assert dosage.frequency is None  # the source does not say

    def test_dosage_in_words(self, catalog):
        words = {e.id: e.dosage.describe() for e in catalog}
        assert words == {
            "arm-slide-on-wall": "2 sets of 8 to 12",
            "band-row": "2 sets of 15",
            "mid-trap-raise": "3 sets of 15",
            "pectoralis-stretch": "Hold 15 to 30 seconds. Do it 3 times.",
            "quadruped-arm-leg-raise": "10 times on each side, holding 5 seconds",
            "scapular-squeeze": "2 sets of 15, holding 5 seconds",
            "thoracic-extension": "10 times, several times each day",
            "thoracic-stretch": "Hold for a count of 15. Do it 3 times.",
        }

    def test_only_the_mid_trap_raise_progresses_with_a_load(self, catalog):
        with_progressions = {e.id: e.progressions for e in catalog if e.progressions}
        assert list(with_progressions) == ["mid-trap-raise"]
        (progression,) = with_progressions["mid-trap-raise"]
        assert progression.kind is ProgressionKind.ADD_LOAD
        assert progression.load is not None
        assert progression.load.options == (E.SOUP_CANS, E.SMALL_WEIGHTS)

    def test_all_may_start_right_away(self, catalog):
        assert all(e.can_start_now for e in catalog)

    def test_every_exercise_cites_the_three_references(self, catalog):
        ids = {r.id for r in catalog.references}
        assert ids == {"hall-brody-2010", "kisner-colby-2012", "pesco-2006"}
        for exercise in catalog:
            assert set(exercise.references) == ids
            assert [r.id for r in catalog.references_for(exercise)] == list(exercise.references)

    def test_every_exercise_has_aliases_summary_steps_and_regions(self, catalog):
        for exercise in catalog:
            assert exercise.aliases, exercise.id
            assert exercise.regions, exercise.id
            assert len(exercise.steps) >= 3, exercise.id

    def test_well_known_aliases(self, catalog):
        assert "doorway stretch" in catalog["pectoralis-stretch"].aliases
        assert "wall angel" in catalog["arm-slide-on-wall"].aliases
        assert "bird dog" in catalog["quadruped-arm-leg-raise"].aliases

    def test_categories(self, catalog):
        assert {e.id: e.category for e in catalog} == {
            "arm-slide-on-wall": Category.MOBILITY,
            "band-row": Category.STRENGTHENING,
            "mid-trap-raise": Category.STRENGTHENING,
            "pectoralis-stretch": Category.STRETCH,
            "quadruped-arm-leg-raise": Category.STABILIZATION,
            "scapular-squeeze": Category.STRENGTHENING,
            "thoracic-extension": Category.MOBILITY,
            "thoracic-stretch": Category.STRETCH,
        }

    def test_references_are_structured(self, catalog):
        pesco = catalog.reference("pesco-2006")
        assert [a.family for a in pesco.authors] == ["Pesco", "Chosa", "Tajima"]
        assert (pesco.journal, pesco.year, pesco.volume, pesco.issue, pesco.pages) == (
            "J Manipulative Physiol Ther",
            2006,
            "29",
            "3",
            "228-235",
        )
        kisner = catalog.reference("kisner-colby-2012")
        assert (kisner.edition, kisner.year, kisner.publisher) == (6, 2012, "F. A. Davis Company")
        hall = catalog.reference("hall-brody-2010")
        assert (hall.edition, hall.year) == (3, 2010)

    def test_citations(self, catalog):
        assert [r.cite() for r in catalog.references] == [
            "Hall CM, Brody LT. Therapeutic Exercise: Moving Toward Function. 3rd ed. "
            "Lippincott Williams & Wilkins; 2010.",
            "Kisner C, Colby LA. Therapeutic Exercise: Foundations and Techniques. 6th ed. "
            "F. A. Davis Company; 2012.",
            "Pesco MS, Chosa E, Tajima N. Comparative study of hands-on therapy with active "
            "exercises vs education with active exercises for the management of upper back "
            "pain. J Manipulative Physiol Ther. 2006;29(3):228-235. "
            "doi:10.1016/j.jmpt.2006.02.001 PMID: 16584949",
        ]

    def test_metadata(self, catalog):
        (source,) = catalog.sources
        assert (source.title, source.developer, source.publisher, source.year) == (
            "Upper Back Pain Exercises",
            "RelayHealth",
            "McKesson Corporation",
            2015,
        )
        assert catalog.data_version == "2026.1"
        assert "CC BY 4.0" in catalog.license
        assert "not to treat" in catalog.disclaimer
        assert any("Stop" in line and "pain" in line for line in catalog.safety)


class TestDataFile:
    path = Path(upperback.__file__).parent / "data" / "catalog.json"

    def test_is_canonically_formatted(self):
        text = self.path.read_text(encoding="utf-8")
        assert (
            text
            == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )

    def test_records_are_sorted_by_id(self):
        data = json.loads(self.path.read_text(encoding="utf-8"))
        for key in ("exercises", "references"):
            ids = [record["id"] for record in data[key]]
            assert ids == sorted(ids)

    def test_dumps_reproduces_the_file(self, catalog):
        assert upperback.dumps(catalog) == self.path.read_text(encoding="utf-8")


class TestCollection:
    def test_getitem_get_contains(self, catalog):
        assert catalog["band-row"].name == "Rowing exercise"
        assert catalog.get("band-row") is catalog["band-row"]
        assert catalog.get("nope") is None
        assert catalog.get("nope", catalog["band-row"]) is catalog["band-row"]
        assert "band-row" in catalog
        assert "nope" not in catalog

    def test_unknown_id_suggests_close_ones(self, catalog):
        with pytest.raises(UnknownExerciseError) as info:
            catalog["mid-trap-rise"]
        err = info.value
        assert isinstance(err, KeyError)
        assert isinstance(err, UpperbackError)
        assert str(err) == "no exercise with id 'mid-trap-rise'; did you mean 'mid-trap-raise'?"

    def test_unknown_id_without_close_ones(self, catalog):
        with pytest.raises(UnknownExerciseError, match=r"^no exercise with id 'zzz'$"):
            catalog["zzz"]

    def test_is_immutable(self, catalog):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            catalog.exercises = ()  # type: ignore[misc]
        assert isinstance(catalog.exercises, tuple)
        assert isinstance(catalog.references, tuple)
        assert isinstance(catalog._by_id, MappingProxyType)
        with pytest.raises(TypeError):
            catalog._by_id["x"] = catalog["band-row"]  # type: ignore[index]
        for exercise in catalog:
            assert isinstance(exercise.steps, tuple)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                exercise.dosage.sets = 9  # type: ignore[misc]


class TestLoading:
    def test_bundled_is_loaded_once(self, catalog):
        assert upperback.load_catalog() is catalog

    def test_nothing_is_read_at_import(self):
        code = (
            "import upperback, upperback.catalog as c; "
            "assert c._bundled is None; upperback.load_catalog(); assert c._bundled is not None"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_concurrent_first_load_reads_once(self, monkeypatch):
        monkeypatch.setattr(catalog_module, "_bundled", None)
        calls = []
        real_parse = catalog_module._parse

        def counting_parse(raw, source):
            calls.append(source)
            return real_parse(raw, source)

        monkeypatch.setattr(catalog_module, "_parse", counting_parse)
        barrier = threading.Barrier(8)
        results = []

        def load():
            barrier.wait()
            results.append(upperback.load_catalog())

        threads = [threading.Thread(target=load) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(calls) == 1
        assert len(results) == 8
        assert all(result is results[0] for result in results)

    def test_user_file(self):
        mine = upperback.load_catalog(FIXTURES / "good" / "minimal.json")
        assert mine.ids == ("chin-tuck",)
        assert mine["chin-tuck"].dosage.describe() == "Hold 3 seconds. Do it 10 times."

    def test_merge_with_bundled(self, catalog):
        mine = upperback.load_catalog(FIXTURES / "good" / "minimal.json")
        both = catalog.merge(mine)
        assert len(both) == 9
        assert both["chin-tuck"] == mine["chin-tuck"]
        assert both["band-row"] is catalog["band-row"]
        assert both.disclaimer == catalog.disclaimer
        assert both.data_version == "2026.1+clinic-1"
        assert len(catalog) == 8

    def test_merge_refuses_a_clashing_id(self, catalog):
        with pytest.raises(CatalogError) as info:
            catalog.merge(catalog)
        # The path points into the catalog being added, not the merged one.
        assert str(info.value.problems[0]) == (
            "$.exercises[0].id: id 'arm-slide-on-wall' is already in the catalog it is added to"
        )
        assert len(catalog) == 8

    def test_merge_refuses_a_different_reference_with_the_same_id(self, catalog):
        other_ref = attrs.evolve(catalog.references[0], year=1999)
        mine = upperback.load_catalog(FIXTURES / "good" / "minimal.json")
        mine = attrs.evolve(mine, references=(other_ref,))
        with pytest.raises(CatalogError, match="reference 'hall-brody-2010' differs"):
            catalog.merge(mine)

    def test_missing_file_is_an_os_error(self, tmp_path):
        with pytest.raises(FileNotFoundError):
            upperback.load_catalog(tmp_path / "nope.json")

    def test_not_utf8(self, tmp_path):
        path = tmp_path / "latin1.json"
        path.write_bytes(b'{"data_version": "\xe9"}')
        with pytest.raises(CatalogError) as info:
            upperback.load_catalog(path)
        assert [str(p) for p in info.value.problems] == [
            "$: expected UTF-8 text, got an invalid byte at offset 18"
        ]

    def test_failed_load_changes_nothing(self, catalog):
        before = upperback.dumps(catalog)
        with pytest.raises(CatalogError):
            upperback.load_catalog(FIXTURES / "bad" / "meaning.json")
        assert upperback.load_catalog() is catalog
        assert upperback.dumps(catalog) == before


BAD = {
    "fields.json": [
        "$.exercises[0].summary: required key missing",
        "$.exercises[0].positions[0]: unknown position 'sittin' (did you mean 'sitting'?); "
        "expected one of: standing, sitting, lying-on-stomach, long-sitting, hands-and-knees, "
        "unknown",
        "$.exercises[0].dosage.reps: expected a number or an object with low and high, got '10'",
        "$.exercises[0].dosage.sets: expected an int >= 1, got 0",
        "$.exercises[0].colour: unexpected key",
        "$.exercises[0].steps: expected at least one item, got none",
    ],
    "meaning.json": [
        "$.exercises[1].id: duplicate id 'chin-tuck', already used at $.exercises[0]",
        "$.exercises[0].references[0]: unknown reference 'smith-2020'; "
        "the catalog defines no references",
    ],
    "progressions.json": [
        "$.exercises[0].progressions[1].exercise: unknown exercise 'neck-roll'",
        "$.exercises[0].progressions: progressions form a cycle: "
        "chin-tuck -> head-nod -> chin-tuck",
    ],
    # The json module words a trailing comma differently from Python 3.13 on.
    "syntax.json": [
        "$: invalid JSON at line 4, column 16: Expecting property name enclosed in double quotes"
        if sys.version_info < (3, 13)
        else "$: invalid JSON at line 4, column 15: Illegal trailing comma before end of object",
    ],
    "types.json": [
        "$.data_version: expected text, got 2",
        "$.exercises: expected a list, got an object",
    ],
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_fixture_reports_every_problem(name):
    path = FIXTURES / "bad" / name
    with pytest.raises(CatalogError) as info:
        upperback.load_catalog(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.source == str(path)
    assert [str(p) for p in err.problems] == BAD[name]
    count = len(BAD[name])
    noun = "problem" if count == 1 else "problems"
    assert str(err).splitlines()[0] == f"invalid catalog in {str(path)!r} ({count} {noun}):"


def test_every_bad_fixture_is_tested():
    assert sorted(p.name for p in (FIXTURES / "bad").glob("*.json")) == sorted(BAD)


def test_alias_clash_across_exercises():
    mine = upperback.load_catalog(FIXTURES / "good" / "minimal.json")
    other = attrs.evolve(mine["chin-tuck"], id="other", name="Other", aliases=("CHIN TUCK",))
    with pytest.raises(CatalogError) as info:
        attrs.evolve(mine, exercises=(mine["chin-tuck"], other))
    assert [str(p) for p in info.value.problems] == [
        "$.exercises[1].aliases[0]: 'CHIN TUCK' already names exercise 'chin-tuck'"
    ]


def test_progression_to_itself():
    mine = upperback.load_catalog(FIXTURES / "good" / "minimal.json")
    loop = upperback.Progression(
        when="later", kind=ProgressionKind.NEXT_EXERCISE, exercise="chin-tuck"
    )
    with pytest.raises(CatalogError, match="an exercise cannot progress to itself"):
        attrs.evolve(mine, exercises=(attrs.evolve(mine["chin-tuck"], progressions=(loop,)),))


@given(strategies.catalogs())
def test_any_valid_catalog_loads_from_its_file(tmp_path_factory, catalog):
    path = tmp_path_factory.mktemp("c") / "catalog.json"
    path.write_text(upperback.dumps(catalog), encoding="utf-8")
    assert upperback.load_catalog(path) == catalog


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_arbitrary_json_never_escapes_as_another_error(data):
    try:
        upperback.loads(json.dumps(data), Catalog)
    except CatalogError as err:
        assert err.problems  # noqa: PT017 - whether it raises depends on the data
        assert all(p.path.startswith("$") for p in err.problems)  # noqa: PT017


@given(strategies.catalogs(), st.data())
def test_damaging_a_valid_catalog_is_reported_with_a_path(catalog, data):
    raw = json.loads(upperback.dumps(catalog))
    index = data.draw(st.integers(0, len(raw["exercises"]) - 1))
    key = data.draw(st.sampled_from(["steps", "positions", "dosage", "category", "name"]))
    # null is a valid dosage: "not given".
    damage = [0, True, "", {}, [None]] if key == "dosage" else [None, 0, True, "", {}, [None]]
    raw["exercises"][index][key] = data.draw(st.sampled_from(damage))
    with pytest.raises(CatalogError) as info:
        upperback.loads(json.dumps(raw), Catalog)
    assert any(p.path.startswith(f"$.exercises[{index}].{key}") for p in info.value.problems)
