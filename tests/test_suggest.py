from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upperback import Category, Equipment, Region, UnknownVocabularyError
from upperback._suggest import MAX_TYPO, suggest

from .linear import assert_linear


@pytest.mark.parametrize(
    ("typed", "terms", "expected"),
    [
        # Begins with: the longer word that was meant, not a look-alike.
        ("strength", [c.value for c in Category], ["strengthening"]),
        # Contains.
        ("blades", [r.value for r in Region], ["shoulder-blades"]),
        # Spaces and capitals read as a slug.
        ("Upper Back", [r.value for r in Region], ["upper-back"]),
        # A typo away.
        ("elastic-bnd", [e.value for e in Equipment], ["elastic-band"]),
        ("band-rwo", ["band-row", "wall-slide"], ["band-row"]),
        ("stretchs", [c.value for c in Category], ["stretch"]),
        # Looks alike but is another thing: nothing.
        ("barbell", [e.value for e in Equipment], []),
        ("lower back", [r.value for r in Region], []),
        ("kettlebell", [e.value for e in Equipment], []),
        # Too short to match inside a word.
        ("a", [c.value for c in Category], []),
        ("", [c.value for c in Category], []),
    ],
)
def test_suggestions(typed, terms, expected):
    assert suggest(typed, terms) == expected


def test_prefix_comes_before_a_typo_and_terms_keep_their_order():
    assert suggest("wall", ["walk", "wall-corner", "wall-slide"]) == [
        "wall-corner",
        "wall-slide",
        "walk",
    ]


def test_non_text_suggests_nothing():
    assert suggest(3, ["three"]) == []


def test_the_vocabulary_error_uses_the_rule():
    with pytest.raises(UnknownVocabularyError) as info:
        Equipment.parse("barbell")
    assert info.value.suggestions == ()
    assert "did you mean" not in str(info.value)
    with pytest.raises(UnknownVocabularyError) as info:
        Category.parse("strength")
    assert info.value.suggestions[0] == "strengthening"


@given(
    st.lists(st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8}){0,2}", fullmatch=True), max_size=8),
    st.text(max_size=12),
)
def test_suggestions_come_from_the_terms_and_never_the_typed_value(terms, typed):
    found = suggest(typed, terms)
    assert len(found) <= 3
    assert len(set(found)) == len(found)
    assert set(found) <= set(terms)
    assert typed not in found


def test_the_same_term_in_other_case_or_spacing_comes_first():
    terms = ["doorway", "wall-corner", "wall", "floor-space"]
    assert suggest("Wall", terms)[0] == "wall"
    assert suggest("WALL", terms)[0] == "wall"
    assert suggest("Floor Space", terms) == ["floor-space"]
    assert suggest("wall", terms) == ["wall-corner"]  # the term itself is not suggested


def test_a_long_name_is_not_checked_for_typos():
    # One letter off, but far longer than any name a person types: the typo
    # check's time grows with the product of the lengths, so it is skipped.
    long_term = "k" * (MAX_TYPO + 1)
    assert suggest("j" + long_term[1:], [long_term]) == []
    short_term = "k" * MAX_TYPO
    assert suggest("j" + short_term[1:], [short_term]) == [short_term]


def test_many_matching_terms_cost_about_ten_times_more_for_ten_times_as_many():
    # 1,000 and 10,000 terms: with 50,000, the memory the lists take, not the
    # algorithm, made the time grow up to 30 times on a busy machine.
    assert_linear(
        lambda count: [f"band-{i}" for i in range(count)], partial(suggest, "band"), 1_000
    )


def test_a_term_that_begins_with_the_text_and_is_a_typo_away_comes_first():
    # "wal" begins "wall-corner" too, which came first in catalog order.
    terms = ["doorway", "wall-corner", "wall", "floor-space"]
    assert suggest("wal", terms) == ["wall", "wall-corner"]
    assert suggest("chai", ["chair-back", "chair"]) == ["chair", "chair-back"]
    with pytest.raises(UnknownVocabularyError, match="did you mean 'wall'"):
        Equipment.parse("wal")
