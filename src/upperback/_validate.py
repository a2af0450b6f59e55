"""Rules that span records: the checks a single record cannot make on itself.

Each record validates its own fields when it is built (see ``model.py``).
What is left are rules about the catalog as a whole: ids and names are
unique, every cross-reference resolves, progressions form no cycle. They
run on every catalog, bundled or not, and report every problem at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from .exceptions import Problem, short_repr
from .model import (
    Category,
    Dosage,
    Equipment,
    Exercise,
    Figure,
    Position,
    ProgressionKind,
    Reference,
    Region,
    Vocabulary,
    _Vocabulary,
    without_ignorable,
)

#: How many known ids an "unknown reference" problem suggests, at most.
MAX_SUGGESTIONS = 3
#: How many problems one figure reports, at most: a figure drawn all wrong
#: says so without a page of detail.
MAX_FIGURE_PROBLEMS = 8

#: Letters of other scripts that look like Latin ones (after case folding),
#: mapped to the Latin letter they pass for: a name written with a Cyrillic
#: "o" is the same name to a reader, so it must clash with the Latin one.
#: Written as code points, so that this file itself hides nothing.
_LOOK_ALIKES = str.maketrans(
    {
        0x0430: "a",  # CYRILLIC SMALL LETTER A
        0x0432: "b",  # CYRILLIC SMALL LETTER VE
        0x0435: "e",  # CYRILLIC SMALL LETTER IE
        0x0451: "e",  # CYRILLIC SMALL LETTER IO
        0x043A: "k",  # CYRILLIC SMALL LETTER KA
        0x043C: "m",  # CYRILLIC SMALL LETTER EM
        0x043D: "h",  # CYRILLIC SMALL LETTER EN
        0x043E: "o",  # CYRILLIC SMALL LETTER O
        0x0440: "p",  # CYRILLIC SMALL LETTER ER
        0x0441: "c",  # CYRILLIC SMALL LETTER ES
        0x0442: "t",  # CYRILLIC SMALL LETTER TE
        0x0443: "y",  # CYRILLIC SMALL LETTER U
        0x0445: "x",  # CYRILLIC SMALL LETTER HA
        0x0455: "s",  # CYRILLIC SMALL LETTER DZE
        0x0456: "i",  # CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
        0x0457: "i",  # CYRILLIC SMALL LETTER YI
        0x0458: "j",  # CYRILLIC SMALL LETTER JE
        0x04BB: "h",  # CYRILLIC SMALL LETTER SHHA
        0x0501: "d",  # CYRILLIC SMALL LETTER KOMI DE
        0x051B: "q",  # CYRILLIC SMALL LETTER QA
        0x051D: "w",  # CYRILLIC SMALL LETTER WE
        0x04CF: "l",  # CYRILLIC SMALL LETTER PALOCHKA
        0x04AF: "y",  # CYRILLIC SMALL LETTER STRAIGHT U
        0x0261: "g",  # LATIN SMALL LETTER SCRIPT G
        0x03B1: "a",  # GREEK SMALL LETTER ALPHA
        0x03B2: "b",  # GREEK SMALL LETTER BETA
        0x03B5: "e",  # GREEK SMALL LETTER EPSILON
        0x03B7: "n",  # GREEK SMALL LETTER ETA
        0x03B9: "i",  # GREEK SMALL LETTER IOTA
        0x03BA: "k",  # GREEK SMALL LETTER KAPPA
        0x03BD: "v",  # GREEK SMALL LETTER NU
        0x03BF: "o",  # GREEK SMALL LETTER OMICRON
        0x03C1: "p",  # GREEK SMALL LETTER RHO
        0x03C4: "t",  # GREEK SMALL LETTER TAU
        0x03C5: "u",  # GREEK SMALL LETTER UPSILON
        0x03C7: "x",  # GREEK SMALL LETTER CHI
        0x03B3: "y",  # GREEK SMALL LETTER GAMMA
        0x03B6: "z",  # GREEK SMALL LETTER ZETA
        0x03BC: "u",  # GREEK SMALL LETTER MU
    }
)


def name_key(text: str) -> str:
    """The form in which two names count as the same name.

    NFKC folds compatibility forms (full-width letters, ligatures), case
    folding ignores case, look-alike letters of other scripts become the
    Latin letter they pass for, accents are dropped, characters drawn as
    nothing (Unicode's default-ignorable code points, such as U+034F or a
    variation selector) are dropped, and runs of white space count as one
    space.
    """
    if text.isascii():  # the same, faster: NFKC and NFKD keep ASCII as it is
        return " ".join(text.lower().split())
    folded = without_ignorable(
        unicodedata.normalize("NFKC", text).casefold().translate(_LOOK_ALIKES)
    )
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(bare.split())


def catalog_problems(
    exercises: Sequence[Exercise],
    references: Sequence[Reference],
    vocabulary: Vocabulary = Vocabulary(),  # noqa: B008 - immutable
) -> list[Problem]:
    """Return every problem with the catalog made of *exercises* and *references*."""
    return [
        *_undeclared_terms(exercises, vocabulary),
        *_duplicate_ids("$.references", [r.id for r in references]),
        *_duplicate_ids("$.exercises", [e.id for e in exercises]),
        *_duplicate_names(exercises),
        *_dangling_references(exercises, {r.id for r in references}),
        *_progression_problems(exercises),
        *_figure_problems(exercises),
    ]


def _figure_problems(exercises: Sequence[Exercise]) -> Iterator[Problem]:
    """The kinematic rules, on every figure: angles in range, contacts held, nothing in a prop.

    A figure shared by many exercises is checked once.
    """
    from . import _kinematics as kin  # noqa: PLC0415 - lazy: most loads have few figures

    found: dict[Figure, list[tuple[str, str]]] = {}
    for index, exercise in enumerate(exercises):
        figure = exercise.figure
        if figure is None:
            continue
        if figure not in found:
            found[figure] = kin.figure_problems(figure)
        for path, message in found[figure][:MAX_FIGURE_PROBLEMS]:
            yield Problem(
                f"$.exercises[{index}].figure.{path}",
                f"exercise {short_repr(exercise.id)}: {message}",
            )


def _terms_used(exercise: Exercise) -> Iterator[tuple[str, _Vocabulary]]:
    """Every vocabulary term *exercise* uses, with its path inside the exercise."""
    yield "category", exercise.category
    for i, position in enumerate(exercise.positions):
        yield f"positions[{i}]", position
    for i, region in enumerate(exercise.regions):
        yield f"regions[{i}]", region
    for r, requirement in enumerate(exercise.equipment):
        for i, item in enumerate(requirement.any_of):
            yield f"equipment[{r}].any_of[{i}]", item
    for p, progression in enumerate(exercise.progressions):
        for i, item in enumerate(progression.load.options if progression.load else ()):
            yield f"progressions[{p}].load.options[{i}]", item


def _undeclared_terms(exercises: Sequence[Exercise], vocabulary: Vocabulary) -> Iterator[Problem]:
    """A catalog's own term must be declared in its vocabulary, with the same words."""
    declared = {
        kind: {term.value: term for term in vocabulary.terms(kind)}
        for kind in (Equipment, Position, Region, Category)
    }
    for index, exercise in enumerate(exercises):
        for path, term in _terms_used(exercise):
            if not term.is_custom:
                continue
            kind = next(k for k in declared if isinstance(term, k))
            known = declared[kind].get(term.value)
            where = f"$.exercises[{index}].{path}"
            if known is None:
                yield Problem(
                    where,
                    f"{kind._kind()} {term.value!r} is not built in and not declared "  # noqa: SLF001
                    "in the catalog's vocabulary",
                    code="undeclared_term",
                )
            elif known._declaration() != term._declaration():  # noqa: SLF001
                yield Problem(
                    where,
                    f"{kind._kind()} {term.value!r} differs from its declaration "  # noqa: SLF001
                    "in the catalog's vocabulary",
                    code="term_mismatch",
                )


def _duplicate_ids(path: str, ids: Sequence[str]) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, id_ in enumerate(ids):
        if id_ in first:
            yield Problem(
                f"{path}[{index}].id",
                f"duplicate id {short_repr(id_)}, already used at {path}[{first[id_]}]",
                code="duplicate_id",
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
            key = name_key(text)
            other = owner.setdefault(key, exercise.id)
            if other != exercise.id:
                yield Problem(
                    f"$.exercises[{index}].{field}",
                    f"{short_repr(text)} already names exercise {other!r}"
                    + ("" if text.isascii() else " (the two look the same)"),
                    code="duplicate_name",
                )


def _dangling_references(exercises: Sequence[Exercise], known: set[str]) -> Iterator[Problem]:
    """Each unknown reference, with at most a few close ids: never the whole list.

    Listing every known id in every problem made the message grow with
    the square of the file.
    """
    ordered = sorted(known)
    for index, exercise in enumerate(exercises):
        for ref_index, ref in enumerate(exercise.references):
            if ref not in known:
                yield Problem(
                    f"$.exercises[{index}].references[{ref_index}]",
                    f"unknown reference {short_repr(ref)}; {_expected(ref, ordered)}",
                    code="unknown_reference",
                )


def _expected(ref: str, known: list[str]) -> str:
    if not known:
        return "the catalog defines no references"
    if len(known) <= MAX_SUGGESTIONS:
        return "expected one of: " + ", ".join(known)
    import difflib  # noqa: PLC0415 - lazy: only when a reference is wrong

    close = difflib.get_close_matches(ref, known, n=MAX_SUGGESTIONS, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    return f"no close match among the {len(known)} references"


def _range_problems(path: str, kind: ProgressionKind, dosage: Dosage | None) -> Iterator[Problem]:
    """A progression that moves through reps or a hold needs a range of them to move through."""
    if kind not in (ProgressionKind.MORE_REPS, ProgressionKind.LONGER_HOLD):
        return
    if dosage is None:
        yield Problem(
            path,
            "expected a dosage to move through, got none (not given)",
            code="invalid_progression",
        )
    elif kind is ProgressionKind.MORE_REPS and dosage.reps.is_exact:
        yield Problem(
            path,
            "expected a range of reps to move through, got an exact count",
            code="invalid_progression",
        )
    elif kind is ProgressionKind.LONGER_HOLD and (
        dosage.hold is None or dosage.hold.duration.is_exact
    ):
        yield Problem(
            path, "expected a hold range to move through, got none", code="invalid_progression"
        )


def _progression_problems(exercises: Sequence[Exercise]) -> Iterator[Problem]:
    ids = {e.id for e in exercises}
    graph: dict[str, list[str]] = {}
    for index, exercise in enumerate(exercises):
        for p_index, progression in enumerate(exercise.progressions):
            path = f"$.exercises[{index}].progressions[{p_index}]"
            yield from _range_problems(path, progression.kind, exercise.dosage)
            target = progression.exercise
            if target is None:
                continue
            if target == exercise.id:
                yield Problem(
                    f"{path}.exercise",
                    "an exercise cannot progress to itself",
                    code="progression_cycle",
                )
            elif target not in ids:
                yield Problem(
                    f"{path}.exercise",
                    f"unknown exercise {short_repr(target)}",
                    code="unknown_exercise",
                )
            else:
                graph.setdefault(exercise.id, []).append(target)
    cycle = _find_cycle(graph)
    if cycle:
        index = next(i for i, e in enumerate(exercises) if e.id == cycle[0])
        yield Problem(
            f"$.exercises[{index}].progressions",
            "progressions form a cycle: " + " -> ".join(cycle),
            code="progression_cycle",
        )


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """Return one cycle in *graph* as a path that ends where it starts, or ``None``.

    A depth-first search with its own stack rather than recursion, so a
    chain of any length cannot exhaust Python's recursion limit.
    """
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = [start]
        on_path: dict[str, int] = {start: 0}
        pending: list[Iterator[str]] = [iter(graph.get(start, []))]
        while pending:
            target = next(pending[-1], None)
            if target is None:
                pending.pop()
                node = path.pop()
                del on_path[node]
                done.add(node)
            elif target in on_path:
                return [*path[on_path[target] :], target]
            elif target not in done:
                on_path[target] = len(path)
                path.append(target)
                pending.append(iter(graph.get(target, [])))
    return None
