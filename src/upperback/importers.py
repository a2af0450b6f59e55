"""Importers: catalogs made from other open exercise data sets.

One data set so far: free-exercise-db (https://github.com/yuhonas/free-exercise-db),
about 870 exercises released into the public domain under the Unlicense.
The user supplies its file (``dist/exercises.json``); upperback ships no
copy of its text.

Its format, as verified in the repository (``schema.json`` and
``dist/exercises.json`` at commit acd61f751fe15d618862ee3084f27e839222a28f,
and ``LICENSE.md``, the Unlicense): a JSON list of objects with

- ``id`` (letters, digits, ``_`` and ``-``) and ``name``;
- ``force``: ``null``, ``"static"``, ``"pull"`` or ``"push"`` (optional);
- ``level``: ``"beginner"``, ``"intermediate"`` or ``"expert"``;
- ``mechanic``: ``null``, ``"isolation"`` or ``"compound"``;
- ``equipment``: ``null`` or one of 12 names (:data:`EQUIPMENT` below);
- ``primaryMuscles`` and ``secondaryMuscles``: lists of 17 muscle names;
- ``instructions``: a list of text (5 of its exercises have none);
- ``category``: one of 7 names (:data:`CATEGORIES` below);
- ``images``: paths relative to the repository's ``exercises`` folder;
- ``alternateNames``: other names (optional; in the per-exercise files).

How each field is mapped is documented in ``docs/own-catalog.md``. In
short: every term the built-in vocabulary lacks is declared, with the
words a handout uses; nothing the data does not say is made up (no
dosage, no position unless the first instruction makes it certain, no
"needs nothing" unless the source says "body only" and the instructions
name no equipment); every source field is kept in the exercise's
``extra``.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Final

from ._validate import name_key
from .catalog import MAX_CATALOG_BYTES, Catalog, _read_limited
from .exceptions import CatalogError, Problem, describe_json, key_path, short_repr
from .model import forbidden_character

__all__ = ["free_exercise_db", "free_exercise_db_document"]

#: Where the data set lives, for the catalog's ``extra`` and the docs.
SOURCE_URL: Final = "https://github.com/yuhonas/free-exercise-db"

#: free-exercise-db's equipment names -> this catalog's slug and label.
#: ``"body only"`` (nothing needed) and ``null`` / ``"other"`` (not
#: known) are handled apart. ``"bands"`` is declared, not mapped to the
#: built-in ``elastic-band``: the data set's bands include heavy loop
#: bands for pull-ups, which are not the light therapy band a home
#: program means.
EQUIPMENT: Final[Mapping[str, tuple[str, str]]] = {
    "bands": ("resistance-band", "resistance band"),
    "barbell": ("barbell", "barbell"),
    "cable": ("cable-machine", "cable machine"),
    "dumbbell": ("dumbbell", "dumbbells"),
    "e-z curl bar": ("ez-curl-bar", "EZ curl bar"),
    "exercise ball": ("exercise-ball", "exercise ball"),
    "foam roll": ("foam-roller", "foam roller"),
    "kettlebells": ("kettlebell", "kettlebell"),
    "machine": ("weight-machine", "weight machine"),
    "medicine ball": ("medicine-ball", "medicine ball"),
}
_NOTHING = "body only"
_NOT_KNOWN = ("other", None)

#: free-exercise-db's muscles -> region slug and label. Chest, shoulders
#: and neck are the built-in regions of the same name; every other muscle
#: is declared. "abdominals" is not the built-in "core" (the core is more
#: than the belly muscles), nor "traps", "lats" or "middle back" the
#: built-in "upper-back".
MUSCLES: Final[Mapping[str, tuple[str, str | None]]] = {
    "abdominals": ("abdominals", "the belly muscles (abdominals)"),
    "abductors": ("abductors", "the outer hips (abductors)"),
    "adductors": ("adductors", "the inner thighs (adductors)"),
    "biceps": ("biceps", "the front of the upper arms (biceps)"),
    "calves": ("calves", "the calves"),
    "chest": ("chest", None),
    "forearms": ("forearms", "the forearms"),
    "glutes": ("glutes", "the buttocks (glutes)"),
    "hamstrings": ("hamstrings", "the back of the thighs (hamstrings)"),
    "lats": ("lats", "the sides of the back (lats)"),
    "lower back": ("lower-back", "the lower back"),
    "middle back": ("middle-back", "the middle of the back"),
    "neck": ("neck", None),
    "quadriceps": ("quadriceps", "the front of the thighs (quadriceps)"),
    "shoulders": ("shoulders", None),
    "traps": ("traps", "the top of the shoulders and upper back (traps)"),
    "triceps": ("triceps", "the back of the upper arms (triceps)"),
}

#: free-exercise-db's categories -> slug, label, warm-up, and the words of
#: a summary. Warm-up work goes first in a session: stretching (as the
#: built-in ``stretch``) and cardio (light cardio is how a session
#: usually starts). Everything else is main work. None is the built-in
#: category of a similar name: "stretching" here includes foam rolling and
#: partner stretches, "strength" includes heavy lifts.
CATEGORIES: Final[Mapping[str, tuple[str, str, bool, str]]] = {
    "cardio": ("cardio", "cardio", True, "cardio"),
    "olympic weightlifting": (
        "olympic-weightlifting",
        "Olympic weightlifting",
        False,
        "Olympic weightlifting",
    ),
    "plyometrics": ("plyometrics", "jumping (plyometrics)", False, "jumping (plyometric)"),
    "powerlifting": ("powerlifting", "powerlifting", False, "powerlifting"),
    "strength": ("strength", "strength training", False, "strength"),
    "stretching": ("stretching", "stretching", True, "stretching"),
    "strongman": ("strongman", "strongman training", False, "strongman"),
}

#: The one position the built-ins lack that the rule below can name.
_DECLARED_POSITIONS = (("lying-on-back", "lying on your back"),)

_LEVELS = ("beginner", "intermediate", "expert")
_FORCES = (None, "static", "pull", "push")
_MECHANICS = (None, "isolation", "compound")
_REQUIRED = (
    "id",
    "name",
    "level",
    "mechanic",
    "equipment",
    "primaryMuscles",
    "secondaryMuscles",
    "instructions",
    "category",
    "images",
)
_KNOWN_KEYS = frozenset({*_REQUIRED, "force", "alternateNames"})

# -- positions: a conservative keyword rule ----------------------------------
#
# Only the first sentence of the first instruction is read: that is where
# free-exercise-db sets up the starting position. A position is named only
# when that sentence starts with one of the patterns below AND the first
# instruction holds no word of any other position. Anything else is
# "unknown": "Lie on the floor" (back or stomach?), "Sit on the floor"
# (not a chair), "Lay down on a flat bench" (face up is not said).

_START = r"^(?:(?:begin|start)(?: off| by)?(?: in)? )?"
_POSITION_RULES: Final = (
    ("standing", re.compile(_START + r"(?:stand|standing|in a standing position)\b")),
    (
        "sitting",
        # On a bench, chair, box or seat; never on the floor or the ground.
        re.compile(
            _START + r"(?:sit|sitting|seated)\b"
            r"(?!.*\b(?:floor|ground|mat)\b)(?=.*\b(?:bench|chair|box|seat)\b)"
        ),
    ),
    (
        "lying-on-stomach",
        re.compile(_START + r"(?:lie|lying)\b.*\b(?:face down|on your stomach|prone)\b"),
    ),
    (
        "lying-on-back",
        re.compile(_START + r"(?:lie|lying)\b.*\b(?:on your back|face up|supine)\b"),
    ),
    (
        "hands-and-knees",
        re.compile(
            _START + r"(?:get (?:down )?)?(?:on )?(?:your )?(?:hands and knees|all fours)\b"
        ),
    ),
)
#: Words that mean a position, by the position group they belong to.
_POSITION_CUES: Final = {
    "standing": re.compile(r"\bstand(?:ing|s)?\b"),
    "sitting": re.compile(r"\b(?:sit|sits|sitting|seated)\b"),
    "lying": re.compile(r"\b(?:lie|lies|lying|lay|laying|face down|face up|prone|supine)\b"),
    "kneeling": re.compile(r"\bkneel(?:ing|s)?\b"),
    "hands-and-knees": re.compile(r"\b(?:hands and knees|all fours)\b"),
    "hanging": re.compile(r"\bhang(?:ing|s)?\b"),
}
_GROUP = {
    "standing": "standing",
    "sitting": "sitting",
    "lying-on-stomach": "lying",
    "lying-on-back": "lying",
    "hands-and-knees": "hands-and-knees",
}


def position_of(instructions: Sequence[str]) -> str:
    """The position slug the first instruction makes certain, or ``"unknown"``.

    >>> position_of(["Lie on your back with your knees bent.", "Lift your hips."])
    'lying-on-back'
    >>> position_of(["Lie on the floor with your knees bent."])
    'unknown'
    """
    if not instructions:
        return "unknown"
    first = instructions[0].casefold()
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    found = [slug for slug, pattern in _POSITION_RULES if pattern.search(sentence)]
    if len(found) != 1:
        return "unknown"
    group = _GROUP[found[0]]
    others = [name for name, cue in _POSITION_CUES.items() if name != group and cue.search(first)]
    return "unknown" if others else found[0]


# -- "body only" that names equipment ----------------------------------------

#: Things that, named in the instructions of a "body only" exercise, show
#: it needs more than the body: a pull-up bar, a bench, a partner. Such an
#: exercise's equipment is "unknown", never "needs nothing". The floor is
#: not on the list: it is everywhere.
_NAMED_EQUIPMENT: Final = re.compile(
    r"\b(?:bars?|barbells?|dumbbells?|kettlebells?|bands?|cables?|machines?|benche?s?|"
    r"box(?:es)?|chairs?|partners?|platforms?|racks?|rings|ropes?|towels?|walls?|straps?|"
    r"handles?|balls?|sled|posts?)\b"
)


def names_equipment(instructions: Sequence[str]) -> bool:
    """Whether *instructions* name a thing to use, such as a bar, bench or partner.

    >>> names_equipment(["Grab the pull-up bar with both hands."])
    True
    >>> names_equipment(["Stand up straight.", "Raise your arms."])
    False
    """
    return any(_NAMED_EQUIPMENT.search(line.casefold()) for line in instructions)


# -- the document ----------------------------------------------------------


def free_exercise_db_document(
    source: str | os.PathLike[str] | Sequence[Any], *, max_bytes: int = MAX_CATALOG_BYTES
) -> dict[str, Any]:
    """Return the upperback catalog file made from free-exercise-db data, as plain JSON data.

    The result is what ``upperback import free-exercise-db`` writes: pass it
    to ``json.dumps``. Use :func:`free_exercise_db` for a loaded
    :class:`~upperback.Catalog`.

    Args:
        source: A path to free-exercise-db's ``dist/exercises.json`` (or a
            file of the same form), or that file's data already parsed: a
            list of exercise objects.
        max_bytes: The largest file to read (as for
            :func:`~upperback.load_catalog`).

    Returns:
        The catalog document, with the declared vocabulary, the exercises
        (each with its source fields in ``extra``), the credit and license
        of free-exercise-db, and a disclaimer and safety lines that say
        the catalog was imported. An exercise with no instructions cannot be
        shown to a patient: it is left out and listed in the catalog's
        ``extra["skipped"]``.

    Raises:
        CatalogError: The data is not in free-exercise-db's format, or a
            text holds a character a handout cannot show; every problem
            is listed with its JSON path in the source and the source id.
        OSError: The file cannot be read.
    """
    return _import(source, max_bytes)[0]


def free_exercise_db(
    source: str | os.PathLike[str] | Sequence[Any], *, max_bytes: int = MAX_CATALOG_BYTES
) -> Catalog:
    """Load free-exercise-db data as a :class:`~upperback.Catalog`.

    The catalog is the one :func:`free_exercise_db_document` describes,
    checked by the same loader as any catalog file: merge it with the
    bundled catalog (:meth:`~upperback.Catalog.merge`) or build programs
    from it.

    Args:
        source: A path to free-exercise-db's ``dist/exercises.json``, or
            its data already parsed (a list of exercise objects).
        max_bytes: The largest file to read.

    Raises:
        CatalogError: The data is not in free-exercise-db's format, or
            what it holds cannot make a valid catalog; every problem is
            listed with its path in the source.
        OSError: The file cannot be read.
    """
    return _import_catalog(source, max_bytes=max_bytes)[1]


def _import_catalog(
    source: str | os.PathLike[str] | Sequence[Any], *, max_bytes: int = MAX_CATALOG_BYTES
) -> tuple[dict[str, Any], Catalog]:
    """The document and the catalog it loads as (the command line writes the first)."""
    from ._convert import structure  # noqa: PLC0415 - cattrs loads only when used

    document, origins, name = _import(source, max_bytes)
    try:
        return document, structure(document, Catalog)
    except CatalogError as exc:
        problems = [_to_source_path(p, document, origins) for p in exc.problems]
        raise CatalogError(problems, name) from None


def _import(
    source: str | os.PathLike[str] | Sequence[Any], max_bytes: int
) -> tuple[dict[str, Any], list[int], str | None]:
    """The document, the source index of each exercise, and the file name if any."""
    name: str | None = None
    data: object = source
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if isinstance(name, bytes):  # pragma: no cover - the annotation says str
            name = os.fsdecode(name)
        from ._convert import parse_json  # noqa: PLC0415 - cattrs loads only when used

        data = parse_json(_read_limited(name, max_bytes), CatalogError)
    importer = _Importer()
    try:
        document = importer.document(data)
    except CatalogError as exc:
        raise (exc.with_source(name) if name else exc) from None
    return document, importer.origins, name


def _to_source_path(
    problem: Problem, document: Mapping[str, Any], origins: Sequence[int]
) -> Problem:
    """Point a problem of the made catalog back at the source record it came from."""
    match = re.match(r"^\$\.exercises\[(\d+)\](.*)$", problem.path)
    if not match:
        return Problem(
            problem.path,
            f"{problem.message} (in the catalog made from the data)",
            code=problem.code,
            input=problem.input,
        )
    index = int(match[1])
    exercise = document["exercises"][index]
    return Problem(
        f"$[{origins[index]}]",
        f"exercise {short_repr(exercise['extra']['source_id'])}: {problem.message} "
        f"(at {exercise['id']}{match[2]} in the catalog made from it)",
        code=problem.code,
    )


def _vocabulary() -> dict[str, list[dict[str, Any]]]:
    """Every term the data set needs that the built-in vocabulary lacks."""
    return {
        "equipment": [{"id": slug, "label": label} for slug, label in sorted(EQUIPMENT.values())],
        "positions": [{"id": slug, "label": label} for slug, label in _DECLARED_POSITIONS],
        "regions": [
            {"id": slug, "label": label}
            for slug, label in sorted(MUSCLES.values())
            if label is not None
        ],
        "categories": [
            {"id": slug, "label": label, "warm_up": warm_up}
            for slug, label, warm_up, _ in sorted(CATEGORIES.values())
        ],
    }


#: The catalog's own text. Ours, and it says the catalog was imported.
_DISCLAIMER = (
    "This catalog was made by the upperback importer from free-exercise-db, a public "
    "exercise list. No health professional has checked these exercises for back pain. "
    "It is here to inform, not to treat, and does not replace advice from your provider."
)
_SAFETY = (
    "The upperback importer made this list; it was not written for back pain.",
    "Ask your doctor or physical therapist before you try any of these exercises.",
    "Ask your provider how many times to do each one: the list does not say.",
    "If an exercise hurts, stop, and tell your provider.",
)
_LICENSE = (
    "The exercises come from free-exercise-db (" + SOURCE_URL + "), which its authors "
    "released into the public domain under the Unlicense. The upperback importer wrote "
    "the summaries, labels, disclaimer and safety lines."
)
_SOURCE = {
    "title": "Free Exercise DB",
    "developer": "yuhonas and contributors",
    "publisher": "GitHub",
    # The repository's first commit, 2023-03-30.
    "year": 2023,
}


class _Importer:
    """One run of the importer: the problems found and the ids and names taken."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.slugs: set[str] = set()
        #: For each base slug, the number its next copy starts counting from.
        self.next_number: dict[str, int] = {}
        self.source_ids: dict[str, int] = {}
        self.names: dict[str, int] = {}
        self.aliases: set[str] = set()
        #: The source index of each exercise made, in order.
        self.origins: list[int] = []

    def document(self, data: object) -> dict[str, Any]:
        if not isinstance(data, list | tuple):
            what = "an object" if isinstance(data, dict) else type(data).__name__
            raise CatalogError(
                [Problem("$", f"expected a list of free-exercise-db exercises, got {what}")]
            )
        exercises: list[dict[str, Any]] = []
        skipped: list[dict[str, Any]] = []
        for index, record in enumerate(data):
            made = self.exercise(index, record)
            if made is None:
                continue
            if not made["steps"]:
                skipped.append(
                    {"source_id": made["extra"]["source_id"], "reason": "no instructions"}
                )
                continue
            exercises.append(made)
            self.origins.append(index)
        if self.problems:
            raise CatalogError(self.problems)
        extra: dict[str, Any] = {"imported_from": "free-exercise-db", "source_url": SOURCE_URL}
        if skipped:
            extra["skipped"] = skipped
        return {
            "data_version": "free-exercise-db",
            "title": "Exercises from free-exercise-db",
            "disclaimer": _DISCLAIMER,
            "safety": list(_SAFETY),
            "license": _LICENSE,
            "sources": [dict(_SOURCE)],
            "references": [],
            "extra": extra,
            "vocabulary": _vocabulary(),
            "exercises": exercises,
        }

    def problem(self, path: str, source_id: object, message: str) -> None:
        who = f"exercise {short_repr(source_id)}: " if isinstance(source_id, str) else ""
        self.problems.append(Problem(path, who + message))

    def exercise(self, index: int, record: object) -> dict[str, Any] | None:  # noqa: C901, PLR0912 - one check a field
        path = f"$[{index}]"
        if not isinstance(record, dict):
            self.problem(path, None, f"expected an exercise object, got {_describe(record)}")
            return None
        source_id = record.get("id")
        before = len(self.problems)
        missing = [key for key in _REQUIRED if key not in record]
        for key in missing:
            self.problem(f"{path}.{key}", source_id, "required field missing")
        if not isinstance(source_id, str) or not source_id.strip():
            if "id" not in missing:
                self.problem(f"{path}.id", None, f"expected an id, got {_describe(source_id)}")
            source_id = None
        elif (bad := forbidden_character(source_id)) is not None:
            self.problem(f"{path}.id", None, f"expected visible text, got {bad}")
            source_id = None
        elif source_id in self.source_ids:
            first = self.source_ids[source_id]
            self.problem(f"{path}.id", source_id, f"duplicate id, already used at $[{first}]")
        else:
            self.source_ids[source_id] = index
        name = self.text(f"{path}.name", source_id, record.get("name"), missing="name" in missing)
        level = self.choice(path, "level", source_id, record, _LEVELS)
        mechanic = self.choice(path, "mechanic", source_id, record, _MECHANICS)
        force = self.choice(path, "force", source_id, record, _FORCES)
        equipment = self.choice(
            path, "equipment", source_id, record, (*EQUIPMENT, _NOTHING, *_NOT_KNOWN)
        )
        category = self.choice(path, "category", source_id, record, tuple(CATEGORIES))
        primary = self.texts(path, "primaryMuscles", source_id, record, choices=tuple(MUSCLES))
        secondary = self.texts(path, "secondaryMuscles", source_id, record, choices=tuple(MUSCLES))
        images = self.texts(path, "images", source_id, record)
        alternate = self.texts(path, "alternateNames", source_id, record)
        steps = self.steps(
            path, source_id, record.get("instructions"), missing="instructions" in missing
        )
        others = {k: v for k, v in record.items() if k not in _KNOWN_KEYS}
        for key, value in others.items():
            # Kept in extra, and named in messages: quoted as the loader quotes a key.
            if (bad := forbidden_character(key)) is not None:
                self.problem(
                    key_path(path, key),
                    source_id,
                    f"expected a field name of visible text, got {bad}",
                )
            elif not _is_json(value):
                self.problem(
                    key_path(path, key), source_id, f"expected a JSON value, got {_describe(value)}"
                )
        if (
            len(self.problems) > before
            or source_id is None
            or name is None
            or category is None  # required: a missing or wrong one is a problem above
            or level is None
        ):
            return None
        key = name_key(name)
        if key in self.names:
            self.problem(
                f"{path}.name",
                source_id,
                f"the name {short_repr(name)} is already used at $[{self.names[key]}]",
            )
            return None
        self.names[key] = index
        extra: dict[str, Any] = {
            "source": "free-exercise-db",
            "source_id": source_id,
            "level": level,
            "mechanic": mechanic,
            "category": category,
            "equipment": equipment,
            "primary_muscles": primary,
            "secondary_muscles": secondary,
            "images": images,
        }
        if "force" in record:
            extra["force"] = force
        if "alternateNames" in record:
            extra["alternate_names"] = alternate
        if others:
            extra["other_fields"] = others
        return {
            "id": self.slug(source_id),
            "name": name,
            "aliases": self.unique_aliases(alternate, key),
            "summary": _summary(level, category, [*primary, *secondary]),
            "category": CATEGORIES[category][0],
            "positions": [position_of(steps)],
            "equipment": _requirements(equipment, steps),
            "regions": list(dict.fromkeys(MUSCLES[m][0] for m in [*primary, *secondary])),
            "steps": steps,
            "dosage": None,
            "extra": extra,
        }

    def text(self, path: str, source_id: object, value: object, *, missing: bool) -> str | None:
        """One line of visible text: white space runs count as one space."""
        if missing:
            return None
        if not isinstance(value, str):
            self.problem(path, source_id, f"expected text, got {_describe(value)}")
            return None
        cleaned = " ".join(value.split())
        if not cleaned:
            self.problem(path, source_id, "expected text, got an empty string")
            return None
        bad = forbidden_character(cleaned)
        if bad is not None:
            self.problem(path, source_id, f"expected visible text, got {bad}")
            return None
        return cleaned

    def choice(
        self,
        path: str,
        key: str,
        source_id: object,
        record: Mapping[str, object],
        choices: Sequence[str | None],
    ) -> str | None:
        """The value of *key*, one of *choices*; a missing key is reported elsewhere."""
        if key not in record:
            return None
        value = record[key]
        if (value is None or isinstance(value, str)) and value in choices:
            return value
        listed = ", ".join("null" if c is None else repr(c) for c in choices)
        self.problem(
            f"{path}.{key}", source_id, f"expected one of {listed}; got {_describe(value)}"
        )
        return None

    def texts(
        self,
        path: str,
        key: str,
        source_id: object,
        record: Mapping[str, object],
        choices: Sequence[str] | None = None,
    ) -> list[str]:
        value = record.get(key, [])
        if not isinstance(value, list):
            self.problem(f"{path}.{key}", source_id, f"expected a list, got {_describe(value)}")
            return []
        items: list[str] = []
        for index, item in enumerate(value):
            where = f"{path}.{key}[{index}]"
            if choices is not None and item not in choices:
                listed = ", ".join(repr(c) for c in choices)
                self.problem(where, source_id, f"expected one of {listed}; got {_describe(item)}")
            elif (text := self.text(where, source_id, item, missing=False)) is not None:
                items.append(text)
        return items

    def steps(self, path: str, source_id: object, value: object, *, missing: bool) -> list[str]:
        """The instructions, one step a line: line breaks split a step, blanks go."""
        if missing:
            return []
        if not isinstance(value, list):
            self.problem(
                f"{path}.instructions", source_id, f"expected a list, got {_describe(value)}"
            )
            return []
        steps: list[str] = []
        for index, item in enumerate(value):
            where = f"{path}.instructions[{index}]"
            if not isinstance(item, str):
                self.problem(where, source_id, f"expected text, got {_describe(item)}")
                continue
            for line in item.splitlines():
                cleaned = " ".join(line.split())
                if not cleaned:
                    continue
                bad = forbidden_character(cleaned)
                if bad is not None:
                    self.problem(where, source_id, f"a step cannot hold {bad}")
                    break
                steps.append(cleaned)
        return steps

    def slug(self, source_id: str) -> str:
        """A unique slug for *source_id*: ``3_4_Sit-Up`` becomes ``3-4-sit-up``.

        Copies of a slug are numbered ``-2``, ``-3``...: each base slug
        remembers where its count got to, so 16,000 ids that make the same
        slug cost linear time, not a count from 2 for each one.
        """
        ascii_only = unicodedata.normalize("NFKD", source_id).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-") or "exercise"
        number = self.next_number.get(base, 1)
        slug = base if number == 1 else f"{base}-{number}"
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.next_number[base] = number + 1
        self.slugs.add(slug)
        return slug

    def unique_aliases(self, names: Sequence[str], own: str) -> list[str]:
        """The alternate names no other exercise is called: search must find one exercise.

        All of them stay in ``extra["alternate_names"]``.
        """
        aliases: list[str] = []
        for alias in names:
            key = name_key(alias)
            if key == own or key in self.names or key in self.aliases:
                continue
            self.aliases.add(key)
            aliases.append(alias)
        return aliases


def _requirements(equipment: str | None, steps: Sequence[str]) -> list[dict[str, list[str]]]:
    if equipment == _NOTHING:
        return [{"any_of": ["unknown"]}] if names_equipment(steps) else []
    if equipment is None or equipment not in EQUIPMENT:
        return [{"any_of": ["unknown"]}]
    return [{"any_of": [EQUIPMENT[equipment][0]]}]


def _summary(level: str, category: str, muscles: Sequence[str]) -> str:
    """One sentence of facts from the data: level, category and muscles."""
    kind = CATEGORIES[category][3]
    article = "An" if level[0] in "aeiou" else "A"
    text = f"{article} {level}-level {kind} exercise"
    named = list(dict.fromkeys(muscles))
    if named:
        listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        text += f" for the {listed}"
    return text + ", from free-exercise-db."


_describe = describe_json


#: How deep a kept unknown field may nest; no real record comes near.
_MAX_DEPTH = 64
#: The biggest whole number a kept unknown field may hold: about 300 digits.
_MAX_INT_BITS = 1000


def _is_json(value: object) -> bool:
    """Whether *value* is plain JSON data that ``json.dumps`` writes back as it is.

    Text must be visible (as every text of a catalog), and a number short
    enough to print.
    """
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, list):
            children: list[object] = item
        elif isinstance(item, dict):
            if not all(isinstance(k, str) and forbidden_character(k) is None for k in item):
                return False
            children = list(item.values())
        elif _is_json_scalar(item):
            continue
        else:
            return False
        if level >= _MAX_DEPTH:
            return False
        stack.extend((child, level + 1) for child in children)
    return True


def _is_json_scalar(item: object) -> bool:
    if item is None or isinstance(item, bool):
        return True
    if isinstance(item, str):
        return forbidden_character(item) is None
    if isinstance(item, int):
        return item.bit_length() <= _MAX_INT_BITS
    if isinstance(item, float):
        return math.isfinite(item)
    return False
