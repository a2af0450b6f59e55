"""The bit sets behind filter and the builder read back the positions they were made of."""

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
