"""Bit sets of exercises, for queries on a catalog: one bit per exercise, in catalog order.

A query is a few operations on Python integers (``&``, ``|``, ``~``), done
in C over all the exercises at once, and its answer is read back in
catalog order with :func:`itertools.compress`: no Python loop runs per
exercise. Built once per catalog, on first use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from itertools import compress
from typing import TypeVar

import attrs

from .model import Category, Equipment, Exercise, Position, Region

_K = TypeVar("_K", bound=Hashable)

_FLAGS = bytes.maketrans(b"01", b"\x00\x01")


def bits_of(positions: Iterable[int], size: int) -> int:
    """The bit set of *positions*, each below *size*."""
    flags = bytearray(b"0" * size)
    for position in positions:
        flags[position] = 0x31
    return int(flags[::-1], 2) if size else 0


def flags_of(bits: int) -> bytes:
    """One byte per position from 0, 1 where *bits* is set (trailing zeros left out)."""
    return format(bits, "b")[::-1].encode("ascii").translate(_FLAGS)


def select(items: Sequence[_K], bits: int) -> Iterator[_K]:
    """The items at the set bits of *bits*, in order."""
    return compress(items, flags_of(bits))


def positions_of(bits: int) -> list[int]:
    """The set bits of *bits*, ascending."""
    flags = flags_of(bits)
    return list(compress(range(len(flags)), flags))


def _sets(groups: dict[_K, list[int]], size: int) -> dict[_K, int]:
    return {key: bits_of(positions, size) for key, positions in groups.items()}


@attrs.frozen
class ExerciseIndex:
    """The exercises of one catalog, as bit sets by each thing a query filters on."""

    #: How many exercises.
    size: int
    #: Every exercise.
    all: int
    by_category: dict[Category, int]
    by_position: dict[Position, int]
    by_region: dict[Region, int]
    start_now: int
    #: Exercises by their whole set of positions.
    by_positions: dict[frozenset[Position], int]
    #: Exercises by each requirement they have (its options).
    by_requirement: dict[frozenset[Equipment], int]
    #: Exercises that need unknown equipment.
    needs_unknown: int
    #: Each id's position in the catalog.
    position_of: dict[str, int]
    #: The ids, in catalog order.
    ids: tuple[str, ...]
    #: Derived data that layers above keep per catalog (built on first use).
    memo: dict[str, object] = attrs.field(factory=dict, eq=False)

    @classmethod
    def build(cls, exercises: Sequence[Exercise]) -> ExerciseIndex:
        """Index *exercises*."""
        size = len(exercises)
        by_category: dict[Category, list[int]] = defaultdict(list)
        by_position: dict[Position, list[int]] = defaultdict(list)
        by_region: dict[Region, list[int]] = defaultdict(list)
        by_positions: dict[frozenset[Position], list[int]] = defaultdict(list)
        by_requirement: dict[frozenset[Equipment], list[int]] = defaultdict(list)
        start_now = []
        needs_unknown = []
        for i, exercise in enumerate(exercises):
            by_category[exercise.category].append(i)
            for position in exercise.positions:
                by_position[position].append(i)
            by_positions[frozenset(exercise.positions)].append(i)
            for region in exercise.regions:
                by_region[region].append(i)
            for requirement in exercise.equipment:
                by_requirement[frozenset(requirement.any_of)].append(i)
            if exercise.can_start_now:
                start_now.append(i)
            if Equipment.UNKNOWN in exercise.needs:
                needs_unknown.append(i)
        return cls(
            size=size,
            all=(1 << size) - 1,
            by_category=_sets(by_category, size),
            by_position=_sets(by_position, size),
            by_region=_sets(by_region, size),
            start_now=bits_of(start_now, size),
            by_positions=_sets(by_positions, size),
            by_requirement=_sets(by_requirement, size),
            needs_unknown=bits_of(needs_unknown, size),
            position_of={e.id: i for i, e in enumerate(exercises)},
            ids=tuple(e.id for e in exercises),
        )

    def only_in(self, positions: set[Position]) -> int:
        """Exercises every one of whose (one or more) positions is in *positions*."""
        found = 0
        for kinds, bits in self.by_positions.items():
            if kinds and kinds <= positions:
                found |= bits
        return found

    def doable_with(self, available: set[Equipment]) -> int:
        """Exercises whose every requirement has an option in *available*.

        An unknown need is never met, whatever is available.
        """
        available = available - {Equipment.UNKNOWN}
        unmet = 0
        for options, bits in self.by_requirement.items():
            if options.isdisjoint(available):
                unmet |= bits
        return self.all & ~unmet

    def matching(  # noqa: PLR0913 - one keyword a criterion
        self,
        *,
        category: Category | None = None,
        position: Position | None = None,
        avoided: Iterable[Position] = (),
        equipment: Iterable[Equipment] | None = None,
        region: Region | None = None,
        can_start_now: bool | None = None,
    ) -> int:
        """The exercises that meet every given criterion (see :meth:`Catalog.filter`)."""
        bits = self.all
        if category is not None:
            bits &= self.by_category.get(category, 0)
        if position is not None:
            bits &= self.by_position.get(position, 0)
        avoided = set(avoided)
        if avoided:
            # An unknown position might be one of those avoided.
            bits &= ~(self.only_in(avoided) | self.by_position.get(Position.UNKNOWN, 0))
        if equipment is not None:
            bits &= self.doable_with(set(equipment))
        if region is not None:
            bits &= self.by_region.get(region, 0)
        if can_start_now is not None:
            bits &= self.start_now if can_start_now else ~self.start_now
        return bits
