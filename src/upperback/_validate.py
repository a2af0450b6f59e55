"""Rules that span records: the checks a single record cannot make on itself.

Each record validates its own fields when it is built (see ``model.py``).
What is left are rules about the catalog as a whole: ids and names are
unique, every cross-reference resolves, progressions form no cycle. They
run on every catalog, bundled or not, and report every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .exceptions import Problem
from .model import Exercise, ProgressionKind, Reference


def catalog_problems(
    exercises: Sequence[Exercise], references: Sequence[Reference]
) -> list[Problem]:
    """Return every problem with the catalog made of *exercises* and *references*."""
    return [
        *_duplicate_ids("$.references", [r.id for r in references]),
        *_duplicate_ids("$.exercises", [e.id for e in exercises]),
        *_duplicate_names(exercises),
        *_dangling_references(exercises, {r.id for r in references}),
        *_progression_problems(exercises),
    ]


def _duplicate_ids(path: str, ids: Sequence[str]) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, id_ in enumerate(ids):
        if id_ in first:
            yield Problem(
                f"{path}[{index}].id",
                f"duplicate id {id_!r}, already used at {path}[{first[id_]}]",
            )
        else:
            first[id_] = index


def _duplicate_names(exercises: Sequence[Exercise]) -> Iterator[Problem]:
    """Names and aliases are what people search for: each must lead to one exercise."""
    owner: dict[str, str] = {}
    for index, exercise in enumerate(exercises):
        labelled = [("name", exercise.name)] + [
            (f"aliases[{i}]", alias) for i, alias in enumerate(exercise.aliases)
        ]
        for field, text in labelled:
            key = text.casefold()
            other = owner.setdefault(key, exercise.id)
            if other != exercise.id:
                yield Problem(
                    f"$.exercises[{index}].{field}",
                    f"{text!r} already names exercise {other!r}",
                )


def _dangling_references(exercises: Sequence[Exercise], known: set[str]) -> Iterator[Problem]:
    expected = (
        f"expected one of: {', '.join(sorted(known))}"
        if known
        else "the catalog defines no references"
    )
    for index, exercise in enumerate(exercises):
        for ref_index, ref in enumerate(exercise.references):
            if ref not in known:
                yield Problem(
                    f"$.exercises[{index}].references[{ref_index}]",
                    f"unknown reference {ref!r}; {expected}",
                )


def _progression_problems(exercises: Sequence[Exercise]) -> Iterator[Problem]:
    ids = {e.id for e in exercises}
    graph: dict[str, list[str]] = {}
    for index, exercise in enumerate(exercises):
        for p_index, progression in enumerate(exercise.progressions):
            path = f"$.exercises[{index}].progressions[{p_index}]"
            if progression.kind is ProgressionKind.MORE_REPS and exercise.dosage.reps.is_exact:
                yield Problem(path, "expected a range of reps to move through, got an exact count")
            hold = exercise.dosage.hold
            if progression.kind is ProgressionKind.LONGER_HOLD and (
                hold is None or hold.duration.is_exact
            ):
                yield Problem(path, "expected a hold range to move through, got none")
            target = progression.exercise
            if target is None:
                continue
            if target == exercise.id:
                yield Problem(f"{path}.exercise", "an exercise cannot progress to itself")
            elif target not in ids:
                yield Problem(f"{path}.exercise", f"unknown exercise {target!r}")
            else:
                graph.setdefault(exercise.id, []).append(target)
    cycle = _find_cycle(graph)
    if cycle:
        index = next(i for i, e in enumerate(exercises) if e.id == cycle[0])
        yield Problem(
            f"$.exercises[{index}].progressions",
            "progressions form a cycle: " + " -> ".join(cycle),
        )


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """Return one cycle in *graph* as a path that ends where it starts, or ``None``."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in graph.get(node, []):
            found = visit(target)
            if found:
                return found
        path.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        found = visit(start)
        if found:
            return found
    return None
