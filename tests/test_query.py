import pytest
from hypothesis import given
from hypothesis import strategies as st

import upperback
from upperback import Category, Equipment, Position, Region, UnknownVocabularyError

from . import strategies


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


def ids(exercises):
    return [e.id for e in exercises]


class TestFilter:
    def test_no_criteria_is_everything_in_order(self, catalog):
        assert catalog.filter() == catalog.exercises

    def test_by_category(self, catalog):
        assert ids(catalog.filter(category="stretch")) == ["pectoralis-stretch", "thoracic-stretch"]
        assert catalog.filter(category=Category.STABILIZATION) == (
            catalog["quadruped-arm-leg-raise"],
        )

    def test_by_position(self, catalog):
        assert ids(catalog.filter(position="standing")) == [
            "arm-slide-on-wall",
            "pectoralis-stretch",
            "scapular-squeeze",
        ]

    def test_avoiding_positions_keeps_exercises_with_another_position(self, catalog):
        result = ids(catalog.filter(avoid_positions=["sitting"]))
        assert "arm-slide-on-wall" in result  # can stand instead
        assert "band-row" not in result
        assert "thoracic-extension" not in result

    def test_by_equipment_each_requirement_needs_one_option(self, catalog):
        assert ids(catalog.filter(equipment=[])) == ["scapular-squeeze"]
        assert ids(catalog.filter(equipment=["elastic-band", "chair"])) == [
            "scapular-squeeze",
            "thoracic-extension",
        ]
        with_anchor = ids(catalog.filter(equipment=["elastic-band", "chair", "sturdy-anchor"]))
        assert "band-row" in with_anchor
        assert "pectoralis-stretch" in ids(catalog.filter(equipment=[Equipment.WALL_CORNER]))

    def test_by_region_and_start_now(self, catalog):
        assert ids(catalog.filter(region=Region.NECK)) == ["thoracic-stretch"]
        assert catalog.filter(can_start_now=True) == catalog.exercises
        assert catalog.filter(can_start_now=False) == ()

    def test_criteria_combine(self, catalog):
        assert ids(catalog.filter(category="strengthening", position="lying-on-stomach")) == [
            "mid-trap-raise"
        ]

    def test_unknown_slug(self, catalog):
        with pytest.raises(UnknownVocabularyError, match="did you mean 'standing'"):
            catalog.filter(position="standng")

    @pytest.mark.parametrize(
        ("kwargs", "loc"),
        [
            ({"equipment": ["wall", "Wal"]}, ("equipment", 1)),
            ({"avoid_positions": ["sitting", "upside"]}, ("avoid_positions", 1)),
            ({"position": "standng"}, ("position",)),
            ({"category": "strech"}, ("category",)),
            ({"region": "nek"}, ("region",)),
        ],
    )
    def test_an_unknown_slug_names_its_criterion(self, catalog, kwargs, loc):
        with pytest.raises(UnknownVocabularyError) as caught:
            catalog.filter(**kwargs)
        assert caught.value.errors()[0]["loc"] == loc

    def test_one_slug_alone_is_one_term_not_its_letters(self, catalog):
        assert catalog.filter(equipment="wall") == catalog.filter(equipment=["wall"])
        assert catalog.filter(avoid_positions="sitting") == catalog.filter(
            avoid_positions=["sitting"]
        )

    @given(
        strategies.catalogs(),
        st.none() | st.sampled_from(Category),
        st.none() | st.sampled_from(Position),
        st.lists(st.sampled_from(Position), max_size=3),
        st.none() | st.lists(st.sampled_from(Equipment), max_size=6),
        st.none() | st.sampled_from(Region),
        st.none() | st.booleans(),
    )
    def test_indexes_agree_with_a_full_scan(  # noqa: PLR0913, PLR0917
        self, cat, category, position, avoid, equipment, region, start_now
    ):
        expected = tuple(
            e
            for e in cat
            if (category is None or e.category is category)
            and (position is None or position in e.positions)
            and e.fits(equipment, avoid_positions=avoid)
            and (region is None or region in e.regions)
            and (start_now is None or e.can_start_now is start_now)
        )
        got = cat.filter(
            category=category,
            position=position,
            avoid_positions=avoid,
            equipment=equipment,
            region=region,
            can_start_now=start_now,
        )
        assert got == expected


class TestSearch:
    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("wall angels", "arm-slide-on-wall"),
            ("bird dog", "quadruped-arm-leg-raise"),
            ("pec stretch", "pectoralis-stretch"),
            ("scapula sqeeze", "scapular-squeeze"),
            ("Rowing", "band-row"),
            ("mid trap", "mid-trap-raise"),
            ("THORACIC EXTENSION", "thoracic-extension"),
        ],
    )
    def test_finds_people_words(self, catalog, text, first):
        results = catalog.search(text)
        assert results[0].exercise.id == first

    def test_ranked_with_scores(self, catalog):
        results = catalog.search("stretch")
        scores = [r.score for r in results]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 1 for s in scores)
        assert {r.exercise.id for r in results} >= {"pectoralis-stretch", "thoracic-stretch"}

    def test_exact_alias_scores_one(self, catalog):
        (best, *_) = catalog.search("bird dog")
        assert best.score == 1.0
        assert best.matched == "bird dog"

    def test_nothing_matches_nonsense(self, catalog):
        assert catalog.search("xyzzy") == ()
        assert catalog.search("  ") == ()

    def test_limit(self, catalog):
        assert len(catalog.search("s", limit=2, cutoff=0)) == 2

    @given(st.text(max_size=30))
    def test_never_fails(self, text):
        results = upperback.load_catalog().search(text)
        assert len(results) <= 5
