import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import upperback
from upperback import (
    Category,
    Dosage,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    HoldUnit,
    Load,
    Period,
    Position,
    Progression,
    ProgressionKind,
    Range,
    Region,
    Requirement,
    Step,
    UnknownVocabularyError,
    UpperbackError,
)
from upperback.model import MAX_COUNT

from . import strategies


class TestRange:
    @given(strategies.ranges())
    def test_holds_its_ends(self, r):
        assert r.low in r
        assert r.high in r
        assert r.low - 1 not in r

    @given(st.integers(1, MAX_COUNT), st.integers(1, MAX_COUNT))
    def test_backwards_range_raises(self, a, b):
        if a == b:
            return
        low, high = max(a, b), min(a, b)
        with pytest.raises(ValueError, match=f"expected low <= high, got low={low}, high={high}"):
            Range(low, high)

    @pytest.mark.parametrize("value", [0, -1, MAX_COUNT + 1, True, 1.5, "3"])
    def test_nonsense_numbers_raise(self, value):
        with pytest.raises(ValueError, match="expected an int"):
            Range(value, 5)

    def test_describe(self):
        assert Range.exact(15).describe() == "15"
        assert Range(8, 12).describe() == "8 to 12"


class TestDosageDescribe:
    @pytest.mark.parametrize(
        ("dosage", "words"),
        [
            (Dosage(reps=Range(8, 12), sets=2), "2 sets of 8 to 12"),
            (
                Dosage(reps=Range.exact(3), hold=Hold(Range(15, 30), HoldUnit.SECONDS)),
                "Hold 15 to 30 seconds. Do it 3 times.",
            ),
            (
                Dosage(
                    reps=Range.exact(10),
                    per_side=True,
                    hold=Hold(Range.exact(5), HoldUnit.SECONDS),
                ),
                "10 times on each side, holding 5 seconds",
            ),
            (
                Dosage(reps=Range.exact(3), hold=Hold(Range.exact(15), HoldUnit.COUNTS)),
                "Hold for a count of 15. Do it 3 times.",
            ),
            (
                Dosage(reps=Range.exact(10), frequency=Frequency(Period.DAY)),
                "10 times, several times each day",
            ),
            (
                Dosage(
                    reps=Range.exact(15),
                    sets=3,
                    load=Load((Equipment.SOUP_CANS, Equipment.SMALL_WEIGHTS)),
                ),
                "3 sets of 15, with soup cans or small weights in your hands",
            ),
            (
                Dosage(reps=Range.exact(1), hold=Hold(Range.exact(1), HoldUnit.SECONDS)),
                "Hold 1 second. Do it 1 time.",
            ),
        ],
    )
    def test_plain_words(self, dosage, words):
        assert dosage.describe() == words

    @given(strategies.dosages)
    def test_always_names_the_reps(self, dosage):
        assert dosage.reps.describe() in dosage.describe()

    @pytest.mark.parametrize("sets", [0, -2, MAX_COUNT + 1, True, 2.0])
    def test_invalid_sets_raise(self, sets):
        with pytest.raises(ValueError, match="expected an int"):
            Dosage(reps=Range.exact(1), sets=sets)

    def test_frequency_without_a_number_is_several(self):
        assert Frequency(Period.DAY).describe() == "several times each day"
        assert Frequency(Period.WEEK, Range(2, 3)).describe() == "2 to 3 times each week"
        assert Frequency(Period.DAY, Range.exact(1)).describe() == "1 time each day"
        assert Dosage(reps=Range.exact(1)).describe() == "1 time"


class TestVocabulary:
    def test_parse_accepts_slugs_and_members(self):
        assert Position.parse("lying-on-stomach") is Position.LYING_ON_STOMACH
        assert Position.parse(Position.SITTING) is Position.SITTING
        assert str(Equipment.WALL_CORNER) == "wall-corner"

    def test_unknown_slug_lists_valid_ones_and_suggests(self):
        with pytest.raises(UnknownVocabularyError) as info:
            Equipment.parse("elastic-bnd")
        err = info.value
        assert isinstance(err, ValueError)
        assert isinstance(err, UpperbackError)
        assert err.suggestions[0] == "elastic-band"
        assert "wall-corner" in err.valid
        assert str(err).startswith("unknown equipment 'elastic-bnd' (did you mean 'elastic-band'?)")

    def test_kind_names_read_well(self):
        with pytest.raises(UnknownVocabularyError, match=r"^unknown hold unit 'x'"):
            HoldUnit.parse("x")

    @given(st.text())
    def test_parse_never_accepts_unknown_text(self, text):
        valid = {p.value for p in Position}
        if text in valid:
            assert Position.parse(text).value == text
        else:
            with pytest.raises(UnknownVocabularyError):
                Position.parse(text)


class TestExercise:
    def _exercise(self, **changes):
        fields = {
            "id": "wall-thing",
            "name": "Wall thing",
            "summary": "Does a thing.",
            "category": Category.MOBILITY,
            "positions": (Position.SITTING, Position.STANDING),
            "steps": (Step("Stand up."),),
            "dosage": Dosage(reps=Range.exact(5)),
            "equipment": (Requirement((Equipment.DOORWAY, Equipment.WALL_CORNER)),),
        }
        fields.update(changes)
        return Exercise(**fields)

    def test_is_frozen(self):
        exercise = self._exercise()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            exercise.name = "Other"  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"steps": ()}, "expected at least one item, got none"),
            ({"positions": ()}, "expected at least one item, got none"),
            ({"id": "Not A Slug"}, "expected a slug"),
            ({"name": " padded"}, "expected one line without outer spaces"),
            ({"name": ""}, "expected text, got an empty string"),
            ({"positions": (Position.SITTING, Position.SITTING)}, "expected no repeats"),
        ],
    )
    def test_invalid_fields_raise(self, changes, message):
        with pytest.raises(ValueError, match=message):
            self._exercise(**changes)

    def test_slugs_become_members(self):
        exercise = self._exercise(positions=["sitting"], category="stretch", regions=["chest"])
        assert exercise.positions == (Position.SITTING,)
        assert exercise.category is Category.STRETCH
        assert exercise.regions == (Region.CHEST,)
        assert Requirement(any_of=("wall",)).any_of == (Equipment.WALL,)
        assert Load(options=["soup-cans"]).options == (Equipment.SOUP_CANS,)

    def test_an_unknown_slug_gets_the_loaders_error(self):
        with pytest.raises(UnknownVocabularyError) as info:
            self._exercise(positions=("sittin",))
        assert str(info.value).startswith("unknown position 'sittin' (did you mean 'sitting'?)")
        with pytest.raises(UnknownVocabularyError, match="unknown equipment 'barbell'; expected"):
            Requirement(any_of=("barbell",))
        with pytest.raises(UnknownVocabularyError, match="did you mean 'strengthening'"):
            self._exercise(category="strength")

    def test_items_of_the_wrong_type_are_still_named(self):
        with pytest.raises(TypeError, match="expected Position at index 0, got int"):
            self._exercise(positions=(3,))

    def test_fits_needs_one_option_of_each_requirement(self):
        exercise = self._exercise()
        assert exercise.fits({Equipment.WALL_CORNER})
        assert exercise.fits({Equipment.DOORWAY, Equipment.CHAIR})
        assert not exercise.fits({Equipment.CHAIR})
        assert exercise.fits(None)

    def test_fits_while_any_position_is_allowed(self):
        exercise = self._exercise()
        assert exercise.fits(None, avoid_positions={Position.SITTING})
        assert not exercise.fits(None, avoid_positions={Position.SITTING, Position.STANDING})


class TestProgression:
    def test_add_load_needs_a_load(self):
        with pytest.raises(ValueError, match="expected a load exactly when kind is 'add-load'"):
            Progression(when="later", kind=ProgressionKind.ADD_LOAD)

    def test_next_exercise_needs_an_id(self):
        with pytest.raises(ValueError, match="expected an exercise id exactly when"):
            Progression(when="later", kind=ProgressionKind.NEXT_EXERCISE)

    def test_describe(self):
        progression = Progression(
            when="once it feels easy",
            kind=ProgressionKind.ADD_LOAD,
            load=Load((Equipment.SOUP_CANS, Equipment.SMALL_WEIGHTS)),
        )
        assert progression.describe() == "Once it feels easy: hold soup cans or small weights."


def test_require_dosage_gives_the_dosage_or_says_the_catalog_has_none():
    catalog = upperback.load_catalog()
    for exercise in catalog:
        assert exercise.require_dosage() is exercise.dosage
    silent = attrs.evolve(catalog["band-row"], dosage=None)
    with pytest.raises(upperback.NoDosageError, match="'band-row' has no dosage") as info:
        silent.require_dosage()
    assert info.value.exercise_id == "band-row"
    assert isinstance(info.value, LookupError)
    assert "build_program(dosages=" in str(info.value)
