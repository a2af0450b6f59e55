"""Fast paths of the catalog: bit sets read back their positions; name keys give the full rule."""

from hypothesis import given
from hypothesis import strategies as st

from upperback import _index


@given(
    st.integers(0, 300).flatmap(
        lambda n: st.tuples(st.just(n), st.sets(st.integers(0, max(n - 1, 0))))
    )
)
def test_bits_round_trip(case):
    size, positions = case
    positions = {p for p in positions if p < size}
    bits = _index.bits_of(positions, size)
    assert bits == sum(1 << p for p in positions)
    assert _index.positions_of(bits) == sorted(positions)
    items = [f"item {i}" for i in range(size)]
    assert list(_index.select(items, bits)) == [items[p] for p in sorted(positions)]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_name_key_ascii_fast_path_is_the_full_rule(text):
    import unicodedata  # noqa: PLC0415

    from upperback._validate import _LOOK_ALIKES, name_key  # noqa: PLC0415

    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LOOK_ALIKES)
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    assert name_key(text) == " ".join(bare.split())
