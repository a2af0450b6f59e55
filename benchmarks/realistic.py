"""Write deterministic catalogs with realistic names, a second generator for the benchmarks.

``generate.py`` builds every name from four short word lists, so its
names are tidy and its vocabulary is small. Real exercise libraries are
not like that (free-exercise-db is an example): names start with the same
few words ("Dumbbell", "Seated", "Barbell") far more often than others,
words come in variants ("One-Arm", "One Arm", "Single-Arm"; "Row",
"Rows"; "Fly", "Flye"), grips and attachments are tacked on ("- Wide
Grip", "With Rope Attachment", "(Variation 2)"), some names have typos,
and aliases are abbreviations ("DB Row") or other word orders. This module
recombines words of that kind with skewed (Zipf-like) frequencies, adds
typos and variants, and writes catalogs in the catalog file format, the
bundled exercises first. Steps are of varied number and length too.

Written for this project from scratch (no data set is read), with a fixed
seed: the same size always gives the same bytes.

Run ``python benchmarks/realistic.py 1000 20000`` to write
``benchmarks/catalogs/realistic-<n>.json`` (the benchmark does it itself).
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

import upperback
from upperback import Category, HoldUnit, Position, Region

#: Where the catalogs are written; git ignores the folder.
OUT = Path(__file__).parent / "catalogs"

# Each list is ordered from the most to the least common word: a word's
# weight is 1 / (its rank + 1), as in a Zipf distribution.

#: What the exercise is done with, and the equipment terms it needs.
_GEAR: list[tuple[str, list[str]]] = [
    ("Dumbbell", ["small-weights"]),
    ("Barbell", ["small-weights"]),
    ("Cable", ["elastic-band", "sturdy-anchor"]),
    ("", []),
    ("Band", ["elastic-band"]),
    ("Kettlebell", ["small-weights"]),
    ("Machine", ["sturdy-anchor"]),
    ("Resistance Band", ["elastic-band"]),
    ("Smith Machine", ["sturdy-anchor"]),
    ("EZ-Bar", ["small-weights"]),
    ("Bodyweight", []),
    ("Towel", []),
    ("Medicine Ball", ["small-weights"]),
    ("Stability Ball", ["floor-space"]),
    ("Foam Roller", ["floor-space"]),
    ("Landmine", ["small-weights"]),
    ("Plate", ["small-weights"]),
    ("TRX", ["sturdy-anchor"]),
    ("Suspension Strap", ["sturdy-anchor"]),
    ("Lever", ["sturdy-anchor"]),
    ("Trap Bar", ["small-weights"]),
    ("Wall", ["wall"]),
    ("Doorway", ["doorway"]),
    ("Chair", ["chair"]),
    ("Pillow", ["pillow"]),
]

#: How the body is placed, and the positions it means.
_STANCE: list[tuple[str, list[str]]] = [
    ("", ["standing"]),
    ("Seated", ["sitting"]),
    ("Standing", ["standing"]),
    ("Bent-Over", ["standing"]),
    ("Incline", ["lying-on-stomach"]),
    ("Lying", ["lying-on-stomach"]),
    ("Kneeling", ["hands-and-knees"]),
    ("One-Arm", ["standing"]),
    ("Single-Arm", ["standing"]),
    ("Alternating", ["standing"]),
    ("Prone", ["lying-on-stomach"]),
    ("Half-Kneeling", ["hands-and-knees"]),
    ("Chest-Supported", ["lying-on-stomach"]),
    ("Reverse", ["standing"]),
    ("Decline", ["lying-on-stomach"]),
    ("Quadruped", ["hands-and-knees"]),
    ("Side-Lying", ["lying-on-stomach"]),
    ("Long-Sitting", ["long-sitting"]),
    ("Isometric", ["standing"]),
    ("Paused", ["standing"]),
    ("Tempo", ["sitting"]),
    ("Split-Stance", ["standing"]),
    ("Tall-Kneeling", ["hands-and-knees"]),
]

#: Which part works, and its regions.
_PART: list[tuple[str, list[str]]] = [
    ("", []),
    ("Rear Delt", ["shoulders"]),
    ("Shoulder", ["shoulders"]),
    ("Lat", ["upper-back"]),
    ("Upper Back", ["upper-back"]),
    ("Scapular", ["shoulder-blades"]),
    ("Trap", ["neck", "upper-back"]),
    ("Chest", ["chest"]),
    ("Thoracic", ["upper-back"]),
    ("Rhomboid", ["shoulder-blades"]),
    ("Neck", ["neck"]),
    ("Rotator Cuff", ["shoulders"]),
    ("Middle Back", ["upper-back"]),
    ("Lower Trap", ["shoulder-blades"]),
    ("Serratus", ["shoulder-blades", "core"]),
    ("Pec", ["chest"]),
    ("Spinal", ["upper-back", "core"]),
    ("Cervical", ["neck"]),
]

#: The movement, and the category it belongs to.
_MOVE: list[tuple[str, str]] = [
    ("Row", "strengthening"),
    ("Raise", "strengthening"),
    ("Press", "strengthening"),
    ("Stretch", "stretch"),
    ("Pulldown", "strengthening"),
    ("Shrug", "strengthening"),
    ("Fly", "strengthening"),
    ("Face Pull", "strengthening"),
    ("Pull-Up", "strengthening"),
    ("Extension", "mobility"),
    ("Rotation", "mobility"),
    ("Pullover", "strengthening"),
    ("Pull Apart", "strengthening"),
    ("Retraction", "stabilization"),
    ("High Pull", "strengthening"),
    ("Y-Raise", "strengthening"),
    ("T-Raise", "strengthening"),
    ("W-Raise", "stabilization"),
    ("Chin-Up", "strengthening"),
    ("Hold", "stabilization"),
    ("Swimmer", "stabilization"),
    ("Superman", "stabilization"),
    ("Angel", "mobility"),
    ("Slide", "mobility"),
    ("Circle", "mobility"),
    ("Opener", "stretch"),
    ("Twist", "mobility"),
    ("Rollout", "stabilization"),
    ("Carry", "stabilization"),
    ("Reach", "mobility"),
    ("Good Morning", "strengthening"),
    ("Deadlift", "strengthening"),
    ("Glide", "mobility"),
    ("Plank", "stabilization"),
]

#: What is tacked on after the movement.
_TAIL = [
    "",
    "- Wide Grip",
    "- Close Grip",
    "- Medium Grip",
    "With Rope Attachment",
    "With Pause",
    "To Chest",
    "With Band",
    "- Neutral Grip",
    "Behind The Neck",
    "On Incline Bench",
    "(Variation 2)",
    "- Palms In",
    "- Underhand Grip",
    "With External Rotation",
    "On Stability Ball",
    "Iso Hold",
    "With Rotation",
    "To Overhead",
    "And Hold",
    "V2",
    "(Advanced)",
    "For Beginners",
]

#: Words written more than one way in real libraries: the other ways.
_VARIANTS = {
    "One-Arm": ["One Arm", "1-Arm", "Single Arm"],
    "Bent-Over": ["Bent Over", "Bentover"],
    "Pull-Up": ["Pullup", "Pull Up"],
    "Chin-Up": ["Chinup", "Chin Up"],
    "Fly": ["Flye", "Flyes", "Flys"],
    "Row": ["Rows"],
    "Raise": ["Raises"],
    "Shrug": ["Shrugs"],
    "Pulldown": ["Pull-Down", "Lat Pull Down"],
    "Face Pull": ["Facepull", "Face Pulls"],
    "Pull Apart": ["Pull-Apart", "Pull Aparts"],
    "EZ-Bar": ["EZ Bar", "E-Z Bar"],
    "Half-Kneeling": ["Half Kneeling", "1/2 Kneeling"],
    "Side-Lying": ["Side Lying", "Sidelying"],
}

#: Abbreviations used in aliases.
_SHORT = {
    "Dumbbell": "DB",
    "Barbell": "BB",
    "Kettlebell": "KB",
    "Resistance Band": "Band",
    "Single-Arm": "SA",
    "One-Arm": "1-Arm",
    "Rear Delt": "Rear Deltoid",
    "Lat": "Latissimus",
    "Pec": "Pectoral",
    "Trap": "Trapezius",
}

_NEIGHBOURS = {
    "a": "sq",
    "e": "wr",
    "i": "uo",
    "o": "ip",
    "u": "yi",
    "r": "et",
    "t": "ry",
    "s": "ad",
    "l": "k",
    "n": "bm",
    "c": "xv",
    "p": "o",
    "h": "gj",
    "d": "sf",
    "m": "n",
}

#: Pieces of step sentences, recombined so steps vary in number and length.
_GET_READY = [
    "Hold the handles with your palms facing each other",
    "Stand with your feet about as wide as your hips",
    "Sit up tall on the bench with your feet flat on the floor",
    "Lie face down on an incline bench set to a low angle",
    "Kneel on the mat and keep your back long",
    "Take hold of the bar with your hands a bit wider than your shoulders",
    "Loop the band around a sturdy post at chest height",
    "Bend at your hips until your chest is almost level with the floor",
]
_DO = [
    "pull your elbows back and squeeze your shoulder blades together",
    "raise your arms out to the sides until they are level with your shoulders",
    "press the weight up until your arms are straight",
    "lower the weight under control until your arms are long",
    "turn your upper body to one side and look over your shoulder",
    "reach forward as far as you can without rounding your back",
    "lift your chest and arms a little off the floor",
    "slide your arms up the wall and keep your wrists in touch with it",
]
_CUE = [
    "",
    "Breathe out as you pull.",
    "Keep your neck relaxed.",
    "Do not shrug your shoulders.",
    "Move slowly and keep control the whole time.",
    "Stop if you feel sharp pain.",
    "Keep your core tight and your back flat.",
]


_T = TypeVar("_T")


def _zipf(rng: random.Random, items: list[_T]) -> _T:
    """One of *items*, the first ones far more often (weight 1 / rank)."""
    return rng.choices(items, weights=[1 / (rank + 1) for rank in range(len(items))])[0]


def _typo(rng: random.Random, word: str) -> str:
    """*word* with one slip of the keyboard: a letter dropped, doubled, swapped or hit beside."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    near = _NEIGHBOURS.get(word[i].lower())
    return word[:i] + rng.choice(near) + word[i + 1 :] if near else word


def _vary(rng: random.Random, phrase: str) -> str:
    """*phrase*, or now and then one of its other spellings."""
    others = _VARIANTS.get(phrase)
    if others and rng.random() < 0.3:
        return rng.choice(others)
    return phrase


def _key(text: str) -> str:
    """What two labels must not share: letters and digits, case and accents folded."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def _slug(text: str) -> str:
    return "-".join(_key(text).split())


def _name(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A name and what it says: equipment, positions, regions, category."""
    gear, needs = _zipf(rng, _GEAR)
    stance, positions = _zipf(rng, _STANCE)
    part, regions = _zipf(rng, _PART)
    move, category = _zipf(rng, _MOVE)
    tail = _zipf(rng, _TAIL)
    words = [_vary(rng, stance), _vary(rng, gear), part, _vary(rng, move), tail]
    if rng.random() < 0.15:
        words[0], words[1] = words[1], words[0]
    name = " ".join(w for w in words if w)
    if rng.random() < 0.07:
        parts = name.split(" ")
        i = rng.randrange(len(parts))
        parts[i] = _typo(rng, parts[i])
        name = " ".join(parts)
    if rng.random() < 0.1:
        name = name.lower()
    return name, {
        "needs": needs,
        "positions": positions,
        "regions": regions,
        "category": category,
        "words": (stance, gear, part, move),
    }


def _aliases(rng: random.Random, name: str, about: dict[str, Any]) -> list[str]:
    """Zero to three other names: abbreviations, other word orders, plain variants."""
    found = []
    stance, gear, part, move = about["words"]
    if rng.random() < 0.25:
        short = name
        for long, abbreviation in _SHORT.items():
            short = short.replace(long, abbreviation)
        if short != name:
            found.append(short)
    if rng.random() < 0.15:
        found.append(" ".join(w for w in (gear, move, part, stance) if w).lower())
    if rng.random() < 0.1:
        found.append(f"{move} for the {part or 'upper back'}".lower())
    return found


def _range(rng: random.Random, low: int, high: int) -> int | dict[str, int]:
    a = rng.randint(low, high)
    if rng.random() < 0.5:
        return a
    return {"low": a, "high": rng.randint(a, min(high + 10, 100))}


def _steps(rng: random.Random) -> list[str]:
    steps = [f"{rng.choice(_GET_READY)}."]
    for _ in range(rng.randint(1, 7)):
        cue = rng.choice(_CUE)
        step = f"Slowly {rng.choice(_DO)}."
        steps.append(f"{step} {cue}" if cue else step)
    return steps


def _exercise(
    rng: random.Random, name: str, about: dict[str, Any], reference_ids: list[str]
) -> dict[str, Any]:
    category = about["category"]
    dosage: dict[str, Any] = {"reps": _range(rng, 3, 15)}
    if rng.random() < 0.7:
        dosage["sets"] = rng.randint(1, 4)
    if category in {Category.STRETCH.value, Category.STABILIZATION.value}:
        unit = rng.choice(list(HoldUnit))
        dosage["hold"] = {"duration": _range(rng, 3, 60), "unit": unit.value}
    if rng.random() < 0.25:
        dosage["per_side"] = True
    if rng.random() < 0.3:
        dosage["frequency"] = {"period": "day", "times": rng.randint(1, 3)}
    regions = about["regions"] or [rng.choice(list(Region)).value]
    exercise: dict[str, Any] = {
        "id": _slug(name),
        "name": name,
        "summary": f"Works the {(about['words'][2] or 'upper back').lower()} "
        f"with a {about['words'][3].lower()}.",
        "category": category,
        "positions": list(about["positions"]),
        "steps": _steps(rng),
        "dosage": dosage,
        "regions": list(regions),
        "references": rng.sample(reference_ids, rng.randint(1, 2)),
        "can_start_now": not about["needs"] or rng.random() < 0.3,
    }
    if about["needs"]:
        exercise["equipment"] = [{"any_of": list(about["needs"])}]
    if rng.random() < 0.2:
        extra = rng.choice([p for p in Position if p is not Position.UNKNOWN]).value
        if extra not in exercise["positions"]:
            exercise["positions"].append(extra)
    if rng.random() < 0.15:
        exercise["cautions"] = ["Stop if you feel pain that spreads down your arm."]
    return exercise


def catalog_data(size: int) -> dict[str, Any]:
    """Return the plain data of the realistic catalog of *size* exercises."""
    bundled = json.loads(upperback.dumps(upperback.load_catalog()))
    rng = random.Random(f"realistic-{size}")  # noqa: S311 - reproducible, not secret
    reference_ids = [r["id"] for r in bundled["references"]]
    # Figures are drawings, not what a clinic's catalog is loaded for; the
    # pydantic baseline has no schema for them.
    exercises = [{k: v for k, v in e.items() if k != "figure"} for e in bundled["exercises"]]
    taken = {
        _key(label) for e in exercises for label in (e["name"], e["id"], *e.get("aliases", ()))
    }
    while len(exercises) < size:
        name, about = _name(rng)
        if _key(name) in taken:
            # Real libraries number their near-duplicates.
            name = f"{name} {rng.randint(2, 40)}"
        exercise = _exercise(rng, name, about, reference_ids)
        aliases = [a for a in _aliases(rng, name, about) if _key(a) != _key(name)]
        labels = {_key(name), _key(exercise["id"]), *map(_key, aliases)}
        if labels & taken or len(labels) != 1 + len(set(map(_key, aliases))):
            continue
        if aliases:
            exercise["aliases"] = aliases
        taken |= labels
        exercises.append(exercise)
    # Progressions to a later exercise of the same movement, so no cycle.
    for index in range(len(bundled["exercises"]), size - 1, 53):
        exercises[index]["progressions"] = [
            {
                "when": "when this feels easy",
                "kind": "next-exercise",
                "exercise": exercises[index + 1]["id"],
            }
        ]
    bundled["exercises"] = exercises
    bundled["data_version"] = f"realistic-{size}"
    return bundled


def write(size: int, folder: Path = OUT) -> Path:
    """Write the catalog of *size* exercises, unless it is already there; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"realistic-{size}.json"
    text = json.dumps(catalog_data(size), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str]) -> None:
    """Write the catalogs of the sizes in *argv* (default: 1,000, 5,000 and 20,000)."""
    for size in [int(a) for a in argv] or (1_000, 5_000, 20_000):
        print(write(size))


if __name__ == "__main__":
    main(sys.argv[1:])
