"""Hypothesis strategies for every model class; the one place they live."""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
from pathlib import Path
from typing import Any

import attrs
from hypothesis import assume, reject
from hypothesis import strategies as st

from upperback import (
    Action,
    Adjustment,
    Arm,
    Arrow,
    Author,
    BodySite,
    Catalog,
    CatalogError,
    Category,
    Contact,
    Dosage,
    Equipment,
    Exercise,
    Extra,
    Feedback,
    Figure,
    Frequency,
    HandoutOptions,
    Hold,
    HoldUnit,
    Identifier,
    IdentifierScheme,
    Joints,
    Leg,
    Load,
    Log,
    LogEntry,
    NoEligibleExercisesError,
    Omission,
    OmissionReason,
    Period,
    Pose,
    Position,
    Program,
    Progression,
    ProgressionKind,
    Prop,
    Range,
    Reference,
    ReferenceKind,
    Region,
    Requirement,
    Source,
    Step,
    Timing,
    View,
    Vocabulary,
    build_program,
    load_catalog,
)
from upperback.model import MAX_COUNT
from upperback.program import MIN_SECONDS_PER_REP

counts = st.integers(min_value=1, max_value=MAX_COUNT)
texts = (
    st.text(alphabet=string.ascii_letters + string.digits + " .,'()-éü", min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
#: Slugs: ``[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}``, built from lists rather than
#: with ``st.from_regex``, which cost a third of a random catalog's draw.
slugs = st.lists(
    st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8),
    min_size=1,
    max_size=4,
).map("-".join)


def tuples_of(
    elements: st.SearchStrategy, *, min_size: int = 0, max_size: int = 4, unique: bool = False
):
    return st.lists(elements, min_size=min_size, max_size=max_size, unique=unique).map(tuple)


@st.composite
def ranges(draw: st.DrawFn) -> Range:
    low, high = sorted((draw(counts), draw(counts)))
    return Range(low, high)


holds = st.builds(Hold, duration=ranges(), unit=st.sampled_from(HoldUnit))
frequencies = st.builds(Frequency, period=st.sampled_from(Period), times=st.none() | ranges())
#: Equipment a person can have, or a load can be: every term but "unknown".
known_equipment = st.sampled_from([e for e in Equipment if e is not Equipment.UNKNOWN])
#: Positions a catalog can name beside others: every term but "unknown".
known_positions = st.sampled_from([p for p in Position if p is not Position.UNKNOWN])
loads = st.builds(Load, options=tuples_of(known_equipment, min_size=1, unique=True))
dosages = st.builds(
    Dosage,
    reps=ranges(),
    sets=counts,
    hold=st.none() | holds,
    per_side=st.booleans(),
    frequency=st.none() | frequencies,
    load=st.none() | loads,
)
steps = st.builds(Step, text=texts)
# "Unknown" stands alone: a requirement is either it or known options.
requirements = st.builds(
    Requirement,
    any_of=tuples_of(known_equipment, min_size=1, unique=True) | st.just((Equipment.UNKNOWN,)),
)


@st.composite
def progressions(draw: st.DrawFn, targets: tuple[str, ...] = ()) -> Progression:
    kinds = [k for k in ProgressionKind if targets or k is not ProgressionKind.NEXT_EXERCISE]
    kind = draw(st.sampled_from(kinds))
    return Progression(
        when=draw(texts),
        kind=kind,
        load=draw(loads) if kind is ProgressionKind.ADD_LOAD else None,
        exercise=draw(st.sampled_from(targets)) if kind is ProgressionKind.NEXT_EXERCISE else None,
    )


# -- figures ------------------------------------------------------------------

degrees = st.integers(-180, 180)
arms = st.builds(Arm, elevation=degrees, plane=degrees, elbow=degrees, wrist=degrees)
legs = st.builds(Leg, hip=degrees, abduction=degrees, knee=degrees, ankle=degrees)
joints = st.builds(
    Joints,
    trunk=degrees,
    spine=degrees,
    neck=degrees,
    shoulders=degrees,
    arm=arms,
    leg=legs,
    other_arm=st.none() | arms,
    other_leg=st.none() | legs,
)


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    props = draw(tuples_of(st.sampled_from(Prop), min_size=1, max_size=3, unique=True))
    names = draw(st.lists(slugs, min_size=2, max_size=3, unique=True))
    contact = st.builds(Contact, site=st.sampled_from(BodySite), prop=st.sampled_from(props))
    poses = tuple(
        Pose(name=name, joints=draw(joints), contacts=draw(tuples_of(contact, unique=True)))
        for name in names
    )
    arrow_pairs = st.tuples(st.sampled_from(names), st.sampled_from(names)).filter(
        lambda pair: pair[0] != pair[1]
    )
    arrows = tuple(
        Arrow(part=draw(st.sampled_from(BodySite)), start=a, end=b)
        for a, b in draw(st.lists(arrow_pairs, max_size=2))
    )
    view = draw(st.sampled_from(View))
    inset = draw(st.none() | st.sampled_from(View).filter(lambda v: v is not view))
    return Figure(view=view, props=props, poses=poses, arrows=arrows, inset=inset)


# -- a catalog's own terms and data --------------------------------------------

#: What an app might keep in ``extra``: any JSON object (``json_values`` is
#: defined with the fuzz strategies below).
extras = st.dictionaries(st.text(max_size=10), st.deferred(lambda: json_values), max_size=4)
language_labels = st.dictionaries(st.sampled_from(["es", "fr", "pt-BR"]), texts, max_size=2)


@st.composite
def vocabularies(draw: st.DrawFn) -> Vocabulary:
    """Random declared terms of every kind, none of them a built-in slug."""

    def ids(kind: type) -> list[str]:
        own = slugs.filter(lambda slug: slug not in kind._value2member_map_)
        return draw(st.lists(own, max_size=3, unique=True))

    return Vocabulary(
        equipment=tuple(
            Equipment.custom(i, draw(texts), labels=draw(language_labels)) for i in ids(Equipment)
        ),
        positions=tuple(Position.custom(i, draw(texts)) for i in ids(Position)),
        regions=tuple(Region.custom(i, draw(texts)) for i in ids(Region)),
        categories=tuple(
            Category.custom(i, draw(texts), warm_up=draw(st.booleans())) for i in ids(Category)
        ),
    )


def _terms(builtin: list[Any], declared: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from([*builtin, *declared])


@st.composite
def exercises(  # noqa: PLR0913 - one keyword a choice
    draw: st.DrawFn,
    id: str | None = None,  # noqa: A002 - mirrors the field
    reference_ids: tuple[str, ...] = (),
    progression_targets: tuple[str, ...] = (),
    *,
    vocabulary: Vocabulary = Vocabulary(),  # noqa: B008 - immutable
    dosage_given: bool = True,
) -> Exercise:
    exercise_id = id or draw(slugs)
    dosage = draw(dosages) if dosage_given else None
    equipment = _terms([e for e in Equipment if e is not Equipment.UNKNOWN], vocabulary.equipment)
    positions = _terms([p for p in Position if p is not Position.UNKNOWN], vocabulary.positions)
    needs = st.builds(
        Requirement,
        any_of=tuples_of(equipment, min_size=1, unique=True) | st.just((Equipment.UNKNOWN,)),
    )
    kinds_ok = [
        p
        for p in draw(tuples_of(progressions(progression_targets), max_size=2))
        if (
            dosage is not None
            or p.kind in (ProgressionKind.ADD_LOAD, ProgressionKind.NEXT_EXERCISE)
        )
        and not (p.kind is ProgressionKind.MORE_REPS and dosage and dosage.reps.is_exact)
        and not (
            p.kind is ProgressionKind.LONGER_HOLD
            and dosage
            and (dosage.hold is None or dosage.hold.duration.is_exact)
        )
    ]
    return Exercise(
        id=exercise_id,
        name=f"Name: {exercise_id}",
        aliases=tuple(
            f"{exercise_id} {alias}" for alias in draw(tuples_of(slugs, max_size=3, unique=True))
        ),
        summary=draw(texts),
        category=draw(_terms(list(Category), vocabulary.categories)),
        positions=draw(
            tuples_of(positions, min_size=1, unique=True) | st.just((Position.UNKNOWN,))
        ),
        steps=draw(tuples_of(steps, min_size=1, max_size=6)),
        dosage=dosage,
        equipment=draw(tuples_of(needs, max_size=3)),
        regions=draw(tuples_of(_terms(list(Region), vocabulary.regions), unique=True)),
        progressions=tuple(kinds_ok),
        references=draw(
            st.lists(st.sampled_from(reference_ids), unique=True).map(tuple)
            if reference_ids
            else st.just(())
        ),
        cautions=draw(tuples_of(texts, max_size=2)),
        can_start_now=draw(st.booleans()),
        extra=draw(st.just({}) | extras),
    )


authors = st.builds(Author, family=texts, given=texts)
identifiers = st.builds(Identifier, scheme=st.sampled_from(IdentifierScheme), value=texts)


@st.composite
def references(draw: st.DrawFn, id: str | None = None) -> Reference:  # noqa: A002
    kind = draw(st.sampled_from(ReferenceKind))
    optional_text = st.none() | texts
    return Reference(
        id=id or draw(slugs),
        kind=kind,
        authors=draw(tuples_of(authors, min_size=1, max_size=8)),
        title=draw(texts),
        year=draw(st.integers(1800, 2100)),
        edition=draw(st.none() | counts),
        publisher=draw(texts) if kind is ReferenceKind.BOOK else draw(optional_text),
        journal=draw(texts) if kind is ReferenceKind.ARTICLE else draw(optional_text),
        volume=draw(optional_text),
        issue=draw(optional_text),
        pages=draw(optional_text),
        identifiers=draw(tuples_of(identifiers, max_size=3)),
        note=draw(optional_text),
    )


sources = st.builds(
    Source, title=texts, developer=texts, publisher=texts, year=st.integers(1800, 2100)
)


@st.composite
def catalogs(draw: st.DrawFn, max_exercises: int = 6, *, own_terms: bool = True) -> Catalog:
    """Random valid catalogs; with *own_terms*, some declare terms, extras and missing dosages."""
    ref_ids = tuple(draw(st.lists(slugs, max_size=3, unique=True)))
    ids = draw(st.lists(slugs, min_size=1, max_size=max_exercises, unique=True))
    vocabulary = draw(vocabularies()) if own_terms and draw(st.booleans()) else Vocabulary()
    # Progressions may only point "forward", so they can never form a cycle.
    exercise_list = [
        draw(
            exercises(
                id=exercise_id,
                reference_ids=ref_ids,
                progression_targets=tuple(ids[i + 1 :]),
                vocabulary=vocabulary,
                # The simplest draw gives a dosage; one in five does not.
                dosage_given=not own_terms or draw(st.integers(0, 4)) < 4,
            )
        )
        for i, exercise_id in enumerate(ids)
    ]
    return Catalog(
        data_version=draw(texts),
        disclaimer=draw(texts),
        license=draw(texts),
        exercises=tuple(exercise_list),
        references=tuple(draw(references(id=ref_id)) for ref_id in ref_ids),
        safety=draw(tuples_of(texts, max_size=3)),
        sources=draw(tuples_of(sources, max_size=2)),
        vocabulary=vocabulary,
        title=draw(st.none() | texts) if own_terms else None,
        extra=draw(st.just({}) | extras) if own_terms else Extra(),
    )


# -- the program builder ------------------------------------------------------

timings = st.builds(
    Timing,
    seconds_per_rep=st.integers(MIN_SECONDS_PER_REP, 10),
    rest_between_sets=st.integers(0, 120),
    setup=st.integers(0, 120),
)


@st.composite
def constraints(draw: st.DrawFn) -> dict[str, Any]:
    """Keyword arguments for build_program, random but valid."""
    ids = list(load_catalog().ids)
    return {
        "equipment": draw(st.lists(known_equipment, unique=True)),
        "avoid_positions": draw(st.lists(st.sampled_from(Position), unique=True, max_size=3)),
        "minutes_per_session": draw(st.integers(1, 60)),
        "sessions_per_week": draw(st.integers(1, 7)),
        "weeks": draw(st.integers(1, 12)),
        "start": draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
        "include": draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)),
        "exclude": draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)),
        "timing": draw(st.none() | timings),
    }


def _build_or_none(kwargs: dict[str, Any]) -> Program | None:
    try:
        return build_program(**kwargs)
    except NoEligibleExercisesError:
        return None


programs = constraints().map(_build_or_none).filter(lambda p: p is not None)
requests = programs.map(lambda p: p.request)
omissions = st.builds(
    Omission, exercise=slugs, reason=st.sampled_from(OmissionReason), detail=texts
)
adjustments = st.builds(
    Adjustment, action=st.sampled_from(Action), dosage=st.none() | dosages, message=texts
)
weeks = programs.map(lambda p: p.weeks[-1])
program_items = weeks.map(lambda w: w.items[0])
schedules = programs.map(lambda p: p.schedule)

#: Text a person might type as a name, a phone number or a note: any printable
#: character, markup included, but no control character.
details_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=40,
)
handout_options = st.builds(
    HandoutOptions,
    patient=st.none() | details_text,
    provider=st.none() | details_text,
    provider_phone=st.none() | details_text,
    date_given=st.none() | st.dates(),
    next_visit=st.none() | st.dates(),
    notes=st.none() | details_text,
    paper=st.sampled_from(("letter", "a4")),
    large_print=st.booleans(),
)


@st.composite
def exercises_with_figures(draw: st.DrawFn) -> Exercise:
    """A bundled exercise with a random figure in place of its own."""
    exercise = draw(st.sampled_from(tuple(load_catalog())))
    return attrs.evolve(exercise, figure=draw(figures()))


# -- exports ------------------------------------------------------------------


@st.composite
def catalog_programs(draw: st.DrawFn) -> tuple[Catalog, Program]:
    """A random user catalog and a program built from it, with or without dates."""
    catalog = draw(catalogs(max_exercises=3))
    request = {
        "equipment": [
            *(e for e in Equipment if e is not Equipment.UNKNOWN),
            *catalog.vocabulary.equipment,
        ],
        "minutes_per_session": 240,
        "sessions_per_week": draw(st.integers(1, 7)),
        "weeks": draw(st.integers(1, 8)),
        "start": draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
        "catalog": catalog,
    }
    program = _build_or_none(request)
    if program is None:
        # Most random catalogs hold nothing a builder may give a person (equipment
        # unknown, a dose over the ceiling): rejecting them threw away 99% of the
        # draws and took minutes. Make the first exercise one a person can do.
        first, *rest = catalog.exercises
        doable = attrs.evolve(
            first,
            equipment=tuple(r for r in first.equipment if Equipment.UNKNOWN not in r.any_of),
            dosage=Dosage(reps=Range(draw(st.integers(1, 10)), draw(st.integers(11, 30)))),
        )
        try:  # a progression of the first may still ask for what this dosage lacks
            request["catalog"] = catalog = attrs.evolve(catalog, exercises=(doable, *rest))
        except CatalogError:
            reject()
        program = _build_or_none(request)
    assume(program is not None)
    assert program is not None
    return catalog, program


patient_refs = st.from_regex(r"Patient/[A-Za-z0-9\-.]{1,20}", fullmatch=True)


# -- hostile catalog files (the fuzz test, issue 7) ---------------------------

#: Any JSON document: the scalars JSON has, in lists and objects.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)

#: Values that are wrong in most places of a catalog: the wrong type, an
#: extreme number, text a field must refuse.
hostile_values = (
    st.sampled_from(
        [
            None,
            True,
            0,
            -1,
            1.5,
            10**400,
            "",
            "3",
            "\x1b[2J",
            "a\rb",
            "\u202e",
            "\u200b",
            "\ud800",
            "---",
            [],
            {},
            [None],
        ]
    )
    | json_values
)


def _paths(doc: Any) -> list[tuple[Any, ...]]:
    """Every path into *doc*, as tuples of keys and indexes; iterative."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), doc)]
    while stack:
        path, value = stack.pop()
        found.append(path)
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return found


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


@st.composite
def mutated_documents(draw: st.DrawFn, doc: Any) -> Any:  # noqa: C901 - one branch a mutation
    """A deep copy of the JSON document *doc* with one to three mutations.

    Each mutation picks a random path and deletes the key there, replaces
    the value with a hostile one, nests it deeply, or (for the catalog's
    lists) repeats an id or makes a reference dangle.
    """
    import copy  # noqa: PLC0415 - only the fuzz test needs it

    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            return draw(hostile_values)
        path = draw(st.sampled_from(paths))
        parent, key = _parent(doc, path), path[-1]
        kind = draw(
            st.sampled_from(["delete", "replace", "nest", "duplicate_id", "dangling", "huge"])
        )
        if kind == "delete":
            del parent[key]
        elif kind == "replace":
            parent[key] = draw(hostile_values)
        elif kind == "nest":
            value = parent[key]
            # Deeper than this is the byte-level "deep" mutation's job: a
            # parsed document nested past the recursion limit cannot be copied.
            for _ in range(draw(st.sampled_from([2, 20, 100]))):
                value = [value]
            parent[key] = value
        elif kind == "huge":
            parent[key] = draw(st.sampled_from([10**30, -(10**30), 2**63, 10**4000, 1e308]))
        elif kind == "duplicate_id" and isinstance(doc, dict) and doc.get("exercises"):
            exercises = doc["exercises"]
            if isinstance(exercises, list) and exercises:
                exercises.append(copy.deepcopy(draw(st.sampled_from(exercises))))
        elif kind == "dangling":
            target = parent[key]
            if isinstance(target, dict):
                field = draw(st.sampled_from(["references", "progression", "regression", "id"]))
                target[field] = draw(st.sampled_from(["no-such-id", ["no-such-id"], {"to": "x"}]))
    return doc


@st.composite
def mutated_bytes(draw: st.DrawFn, raw: bytes) -> bytes:  # noqa: C901, PLR0911, PLR0912 - one branch a mutation
    """The file *raw* with byte-level damage: the things a parsed document cannot hold."""
    kind = draw(
        st.sampled_from(
            [
                "flip",
                "insert",
                "truncate",
                "empty",
                "huge",
                "duplicate_key",
                "surrogate",
                "bom",
                "utf16",
                "deep",
            ]
        )
    )
    at = draw(st.integers(0, len(raw)))
    if kind == "flip":
        return raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    if kind == "insert":
        junk = draw(
            st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\x1b", b"\x07", b"\r"])
            | st.binary(min_size=1, max_size=8)
        )
        return raw[:at] + junk + raw[at:]
    if kind == "truncate":
        return raw[:at]
    if kind == "empty":
        return draw(st.sampled_from([b"", b" ", b"\n", b"null", b"{}", b"[]"]))
    if kind == "huge":
        # Many megabytes of valid JSON whitespace, or a long string value.
        size = draw(st.sampled_from([1_000_000, 5_000_000]))
        return raw[:1] + b" " * size + raw[1:] if draw(st.booleans()) else b'"' + b"a" * size + b'"'
    if kind == "duplicate_key":
        # The same key twice in one object, textually: a parsed dict cannot hold it.
        key = draw(st.sampled_from([b'"exercises"', b'"id"', b'"reps"', b'"name"', b'"license"']))
        where = raw.find(key, at)
        if where < 0:
            where = raw.find(key)
        if where < 0:
            return raw
        end = raw.find(b",", where)
        if end < 0:
            return raw
        return raw[:end] + b", " + raw[where:end] + raw[end:]
    if kind == "surrogate":
        quote = raw.find(b'"', at)
        if quote < 0:
            return raw
        escape = draw(st.sampled_from([b"\\ud800", b"\\udfff", b"\\u0000", b"\\u001b", b"\\u2028"]))
        return raw[: quote + 1] + escape + raw[quote + 1 :]
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw
    if kind == "utf16":
        return raw.decode("utf-8").encode("utf-16")
    depth = draw(st.sampled_from([100, 1_000, 100_000]))
    return b"[" * depth + b"]" * depth


# -- free-exercise-db records (the importer's input) ---------------------------------

#: The values free-exercise-db's schema.json allows, by field.
FREE_EXERCISE_DB_VALUES: dict[str, tuple[Any, ...]] = {
    "force": (None, "static", "pull", "push"),
    "level": ("beginner", "intermediate", "expert"),
    "mechanic": (None, "isolation", "compound"),
    "equipment": (
        None,
        "medicine ball",
        "dumbbell",
        "body only",
        "bands",
        "kettlebells",
        "foam roll",
        "cable",
        "machine",
        "barbell",
        "exercise ball",
        "e-z curl bar",
        "other",
    ),
    "muscle": (
        "abdominals",
        "abductors",
        "adductors",
        "biceps",
        "calves",
        "chest",
        "forearms",
        "glutes",
        "hamstrings",
        "lats",
        "lower back",
        "middle back",
        "neck",
        "quadriceps",
        "shoulders",
        "traps",
        "triceps",
    ),
    "category": (
        "powerlifting",
        "strength",
        "stretching",
        "cardio",
        "olympic weightlifting",
        "strongman",
        "plyometrics",
    ),
}
#: Instruction-like text: words that trigger the position and equipment rules.
_instruction_words = st.sampled_from(
    [
        "Stand",
        "Sit",
        "Lie",
        "Kneel",
        "Get",
        "Begin",
        "on",
        "your",
        "back",
        "face",
        "down",
        "hands",
        "and",
        "knees",
        "all",
        "fours",
        "bench",
        "chair",
        "floor",
        "bar",
        "partner",
        "wall",
        "the",
        "with",
        "a",
        ".",
        ",",
        "\n",
    ]
)
_instructions = st.lists(_instruction_words, min_size=1, max_size=12).map(" ".join)
#: Any JSON value, or something JSON cannot hold.
_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(st.characters(exclude_categories=()), max_size=12),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


#: Text with characters that do not show: C0 and C1 controls, bidi
#: overrides and isolates, zero-width and other format characters, private
#: use and noncharacters, among plain letters. Extra may hold them; every
#: output must escape them.
unseen_texts = st.text(
    alphabet=st.sampled_from(
        [
            *("a", "ñ", " ", "\x1b", "\x07", "\x7f", "\x85", "\x9b", "\u202e", "\u2066"),
            *("\u200b", "\ufeff", "\u2028", "\ue000", "\ufffe", "\U000e0001", "\U0001f600"),
        ]
    ),
    max_size=20,
)

# -- hostile Markdown ---------------------------------------------------------

#: Pieces of Markdown and HTML that would become markup if printed raw:
#: tags, links, images, autolinks, entities, emphasis, code, block starts.
_markup_pieces = st.sampled_from(
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<b>",
        "</div>",
        "<!-- c -->",
        "![x](https://attacker.example/p.png)",
        "[a](https://attacker.example)",
        "[a][r]",
        "[r]: https://attacker.example",
        "<https://attacker.example>",
        "<me@attacker.example>",
        "&lt;b&gt;",
        "&#60;",
        "**",
        "_",
        "`",
        "~~",
        "|",
        "\\",
        "#",
        "1.",
        "-",
        ">",
        "!",
        "[",
        "]",
        "(",
        ")",
        ":",
        " ",
        "Row",
        "arm",
    ]
)
#: One line of visible text made of :data:`_markup_pieces`.
markup_texts = (
    st.lists(_markup_pieces, min_size=1, max_size=8).map("".join).map(str.strip).filter(bool)
)


@st.composite
def free_exercise_db_records(draw: st.DrawFn, *, valid: bool = False) -> dict[str, Any]:
    """One exercise in free-exercise-db's format; unless *valid*, fields may be wrong or gone."""

    def field(good: st.SearchStrategy[Any]) -> Any:
        return draw(good if valid else st.one_of(good, good, good, _junk))

    values = FREE_EXERCISE_DB_VALUES
    muscles = st.lists(st.sampled_from(values["muscle"]), max_size=4)
    text = st.one_of(texts, _instructions)
    record: dict[str, Any] = {
        "id": field(st.one_of(st.sampled_from(["A_b", "a-b", "Sit_Up", "x_1"]), texts)),
        "name": field(texts),
        "force": field(st.sampled_from(values["force"])),
        "level": field(st.sampled_from(values["level"])),
        "mechanic": field(st.sampled_from(values["mechanic"])),
        "equipment": field(st.sampled_from(values["equipment"])),
        "primaryMuscles": field(muscles),
        "secondaryMuscles": field(muscles),
        "instructions": field(st.lists(text if valid else st.one_of(text, _junk), max_size=4)),
        "category": field(st.sampled_from(values["category"])),
        "images": field(st.lists(texts, max_size=2)),
    }
    if draw(st.booleans()):
        record["alternateNames"] = field(st.lists(texts, max_size=3))
    if valid:
        return record
    for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=2, unique=True)):
        del record[key]
    record.update(draw(st.dictionaries(st.text(max_size=6), _junk, max_size=2)))
    return record


@st.composite
def free_exercise_db_files(draw: st.DrawFn, *, valid: bool = False) -> list[Any]:
    """A list of free-exercise-db records; valid ones have unique ids and names."""
    records = draw(st.lists(free_exercise_db_records(valid=valid), max_size=6))
    if valid:
        for index, record in enumerate(records):
            record["id"] = f"{record['id']}_{index}"
            record["name"] = f"{record['name']} {index}"
        return records
    # Not text: a string is a file name to the importer.
    not_text = _junk.filter(lambda value: not isinstance(value, str))
    return draw(st.one_of(st.just(records), st.lists(_junk, max_size=2), not_text))


# -- content translations -----------------------------------------------------

#: Filler words for translations: no digits, so a text's numbers are only
#: the ones it must keep.
_plain_words = (
    st.text(alphabet=string.ascii_letters + " .,'()-éñ", min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def content_files(draw: st.DrawFn, catalog: Catalog, language: str = "es") -> dict[str, Any]:
    """A content file (as JSON data) that translates *catalog* into *language*.

    Each text is new words with the original's numbers, in any order; names
    and aliases end with ``#id`` and ``#id/n``, so none names two exercises.
    """

    def words(original: str) -> str:
        numbers = draw(st.permutations(re.findall(r"\d+", original)))
        return " ".join([draw(_plain_words), *numbers])

    exercises = {}
    for exercise in catalog:
        text: dict[str, Any] = {
            "name": f"{draw(_plain_words)} #{exercise.id}",
            "summary": words(exercise.summary),
            "steps": [words(step.text) for step in exercise.steps],
        }
        if exercise.aliases:
            text["aliases"] = [
                f"{draw(_plain_words)} #{exercise.id}/{i}" for i in range(len(exercise.aliases))
            ]
        if exercise.cautions:
            text["cautions"] = [words(caution) for caution in exercise.cautions]
        if exercise.progressions:
            text["progressions"] = [{"when": words(p.when)} for p in exercise.progressions]
        exercises[exercise.id] = text
    return {
        "data_version": catalog.data_version,
        "disclaimer": words(catalog.disclaimer),
        "exercises": exercises,
        "language": language,
        "license": words(catalog.license),
        "reviewed": draw(st.booleans()),
        "safety": [words(line) for line in catalog.safety],
    }


@st.composite
def built_programs(draw: st.DrawFn) -> tuple[Catalog, Program]:
    """A random catalog and a program built from it for a random person (one that fits).

    Dosages are drawn within the dose ceiling (some with a load of their
    own) and unknown equipment is dropped, so that most draws fit.
    """
    drawn = draw(catalogs())
    catalog = attrs.evolve(
        drawn, exercises=tuple(_within_ceiling(draw, e) for e in drawn.exercises)
    )
    everything = [
        *(e for e in Equipment if e is not Equipment.UNKNOWN),
        *catalog.vocabulary.equipment,
    ]
    kwargs = {
        **draw(constraints()),
        # Mostly everything, so that most draws fit; loads are built-in equipment.
        "equipment": draw(
            st.just(everything)
            | st.lists(known_equipment, unique=True).map(
                lambda kit: [*kit, *catalog.vocabulary.equipment]
            )
        ),
        "avoid_positions": [],
        "include": [],
        "exclude": [],
        "catalog": catalog,
        "minutes_per_session": 240,
        "timing": None,
    }
    program = _build_or_none(kwargs)
    assume(program is not None)
    assert program is not None
    return catalog, program


def _within_ceiling(draw: st.DrawFn, exercise: Exercise) -> Exercise:
    """*exercise* within the dose ceiling, with known equipment and the progressions it allows."""
    if exercise.dosage is None:
        return exercise
    dosage = draw(ceiling_dosages)
    if draw(st.booleans()):
        dosage = attrs.evolve(dosage, load=draw(loads))
    hold = dosage.hold
    kept = tuple(
        p
        for p in exercise.progressions
        if not (p.kind is ProgressionKind.MORE_REPS and dosage.reps.is_exact)
        and not (p.kind is ProgressionKind.LONGER_HOLD and (hold is None or hold.duration.is_exact))
    )
    equipment = tuple(r for r in exercise.equipment if Equipment.UNKNOWN not in r.any_of)
    return attrs.evolve(exercise, dosage=dosage, progressions=kept, equipment=equipment)


# -- guided sessions ----------------------------------------------------------


@st.composite
def program_sessions(draw: st.DrawFn) -> tuple[Program, int, int]:
    """A random program and one of its session days: (program, week, day)."""
    program = draw(programs)
    week = draw(st.integers(1, len(program.weeks)))
    day = draw(st.integers(1, program.schedule.sessions_per_week))
    return program, week, day


@st.composite
def small_ranges(draw: st.DrawFn, most: int) -> Range:
    low = draw(st.integers(1, most))
    return Range(low, draw(st.integers(low, most)))


#: Dosages within the builder's dose ceiling, without a load.
ceiling_dosages = st.builds(
    Dosage,
    reps=small_ranges(30),
    sets=st.integers(1, 5),
    hold=st.none() | st.builds(Hold, duration=small_ranges(60), unit=st.sampled_from(HoldUnit)),
    per_side=st.booleans(),
    frequency=st.none() | frequencies,
)


@st.composite
def imported_programs(draw: st.DrawFn) -> tuple[Catalog, Program]:
    """A program from an imported catalog: its own terms, and dosages given with ``dosages=``."""
    catalog = _imported_catalog()
    chosen = draw(st.lists(st.sampled_from(catalog.ids), min_size=1, max_size=3, unique=True))
    program = _build_or_none(
        {
            "catalog": catalog,
            "dosages": {exercise_id: draw(ceiling_dosages) for exercise_id in chosen},
            "include": chosen,
            "equipment": [
                *(e for e in Equipment if e is not Equipment.UNKNOWN),
                *catalog.vocabulary.equipment,
            ],
            "minutes_per_session": 240,
            "sessions_per_week": draw(st.integers(1, 7)),
            "weeks": draw(st.integers(1, 6)),
            "start": draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
        }
    )
    assume(program is not None)
    assert program is not None
    return catalog, program


@functools.cache
def _imported_catalog() -> Catalog:
    from upperback.importers import free_exercise_db  # noqa: PLC0415

    return free_exercise_db(Path(__file__).parent / "fixtures" / "free_exercise_db_sample.json")


@st.composite
def given_dosage_programs(draw: st.DrawFn) -> tuple[Catalog, Program]:
    """A catalog with an exercise without a dosage, and a program given one with ``dosages=``."""
    catalog = load_catalog()
    exercise_id = draw(st.sampled_from(catalog.ids))
    bare = attrs.evolve(
        catalog,
        exercises=tuple(
            attrs.evolve(e, dosage=None, progressions=()) if e.id == exercise_id else e
            for e in catalog.exercises
        ),
    )
    program = _build_or_none(
        {
            "catalog": bare,
            "dosages": {exercise_id: draw(ceiling_dosages)},
            "include": [exercise_id],
            "equipment": [e for e in Equipment if e is not Equipment.UNKNOWN],
            "minutes_per_session": 240,
            "weeks": draw(st.integers(1, 6)),
        }
    )
    assume(program is not None and exercise_id in program.exercise_ids)
    assert program is not None
    return bare, program


def spanish_words() -> st.SearchStrategy[str]:
    """Words of Spanish letters, with and without accents, some odd ones too."""
    return st.text(alphabet="abcdefghijlmnñopqrstuvxyzáéíóúüAEIOUÁÉÍÓÚ", min_size=1, max_size=20)


# -- calendars ----------------------------------------------------------------


@st.composite
def dated_programs(draw: st.DrawFn) -> Program:
    """A random program with a start date."""
    kwargs = draw(constraints())
    kwargs["start"] = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    program = _build_or_none(kwargs)
    assume(program is not None)
    assert program is not None
    return program


#: IANA time zones people live in, or floating local time (None).
time_zones = st.none() | st.sampled_from(
    ["Europe/Madrid", "America/New_York", "America/Mexico_City", "Asia/Kolkata", "UTC"]
)


# -- logs ---------------------------------------------------------------------

pains = st.none() | st.integers(0, 10)


def _session_offsets(sessions_per_week: int) -> list[int]:
    """The days of a week the sessions fall on, as session_days spreads them."""
    return [n * 7 // sessions_per_week for n in range(sessions_per_week)]


@st.composite
def program_logs(draw: st.DrawFn) -> tuple[Program, Log]:
    """A random program, dated or not, and a random log of it.

    Entries on random days, and perhaps some weeks logged in full, the
    last of them the last week logged: every session of every exercise at
    the top of the source's dosage (its sets, the top of its reps), so the
    week's work is done whatever dose is in force, each exercise with one
    feedback and a hold noted or not, long enough or not. Random entries
    alone almost never add up to a week's work, and only a week done in
    full can step up; several such weeks climb more than one step. Half
    the logs are calm (no pain scores, nothing painful, full weeks more
    often "too easy" or "too hard"): random pain stops almost every
    exercise before it can climb or step back.
    """
    program = draw(programs)
    start = program.request.start
    log_start = None
    if start is None:
        log_start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    first = start or log_start
    assert first is not None
    full = draw(st.sets(st.sampled_from([w.number for w in program.weeks]), max_size=4))
    calm = draw(st.booleans())
    feedbacks = st.none() | st.sampled_from(Feedback)
    if calm:
        feedbacks = st.none() | st.sampled_from([f for f in Feedback if f is not Feedback.PAINFUL])
    full_feedbacks = (
        st.sampled_from([Feedback.TOO_EASY, Feedback.TOO_HARD]) | feedbacks if calm else feedbacks
    )
    days = (max(full) if full else len(program.weeks)) * 7
    entries = []
    for _ in range(draw(st.integers(0, 25))):
        day = first + dt.timedelta(days=draw(st.integers(0, days - 1)))
        week = program.weeks[(day - first).days // 7]
        item = draw(st.sampled_from(week.items))
        dosage = item.dosage
        hold = None
        if dosage.hold is not None:
            hold = draw(st.none() | st.integers(0, dosage.hold.duration.high + 5))
        entries.append(
            LogEntry(
                date=day,
                exercise=item.exercise,
                sets=draw(st.integers(0, dosage.sets + 1)),
                reps=draw(st.integers(0, dosage.reps.high + 3)),
                hold=hold,
                pain_before=None if calm else draw(pains),
                pain_after=None if calm else draw(pains),
                feedback=draw(feedbacks),
                note=draw(st.none() | texts),
            )
        )
    catalog = load_catalog()
    given = {g.exercise: g.dosage for g in program.request.dosages}
    for number in sorted(full):
        for exercise_id in program.exercise_ids:
            top = catalog[exercise_id].dosage or given[exercise_id]
            feedback = draw(full_feedbacks)
            hold = None
            if top.hold is not None:
                hold = draw(st.none() | st.integers(0, top.hold.duration.high + 5))
            entries.extend(
                LogEntry(
                    date=first + dt.timedelta(weeks=number - 1, days=offset),
                    exercise=exercise_id,
                    sets=top.sets,
                    reps=top.reps.high,
                    hold=hold,
                    feedback=feedback,
                )
                for offset in _session_offsets(program.schedule.sessions_per_week)
            )
    return program, Log(tuple(entries), start=log_start)


# -- plain values a program hands to structure() (issue 21) ----------------

#: Python data that JSON cannot hold, mixed into JSON values: keys that are
#: not text, NaN and infinities, sets, bytes and arbitrary objects.
non_json_values = st.recursive(
    json_values
    | st.sampled_from([float("nan"), float("inf"), -float("inf"), b"x", object(), {1, 2}]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(children, max_size=4).map(tuple)
        | st.dictionaries(
            st.text(max_size=5) | st.integers() | st.none() | st.tuples(st.integers()),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)

#: Object keys as JSON paths name them: plain names and any other text.
json_keys = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,20}", fullmatch=True) | st.text(max_size=30)
