"""Write deterministic synthetic catalogs for the benchmarks.

A clinic's catalog holds thousands of exercises. This module makes one of
any size in the catalog file format: the bundled exercises and references
first (so that real names, aliases and progressions are in it), then
synthetic exercises whose names are built from word lists, as a commercial
library's are ("Seated band row with pause"). The same size always gives
the same bytes: the random generator has a fixed seed and nothing depends
on the clock or the machine.

Run ``python benchmarks/generate.py 1000 5000 20000`` to write
``benchmarks/catalogs/catalog-<n>.json`` (the benchmark does it itself).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import upperback
from upperback import Category, Equipment, HoldUnit, Position, Region

# "unknown" stays out: the synthetic catalogs (and the search corpus recorded
# from them) are drawn from the terms every catalog knows.
_KNOWN_POSITIONS = [p for p in Position if p is not Position.UNKNOWN]
_KNOWN_EQUIPMENT = [e for e in Equipment if e is not Equipment.UNKNOWN]

#: The sizes the benchmark measures.
SIZES = (1_000, 5_000, 20_000)

#: Where the catalogs are written; git ignores the folder.
OUT = Path(__file__).parent / "catalogs"

_STARTS = [
    "seated",
    "standing",
    "kneeling",
    "prone",
    "side-lying",
    "half-kneeling",
    "supported",
    "wall",
    "band",
    "towel",
    "doorway",
    "corner",
    "chair",
    "floor",
    "slow",
    "paused",
    "single-arm",
    "alternating",
    "reverse",
    "wide",
    "narrow",
    "low",
    "high",
    "assisted",
]
_PARTS = [
    "shoulder",
    "scapular",
    "thoracic",
    "chest",
    "neck",
    "upper back",
    "mid-back",
    "rotator cuff",
    "trapezius",
    "rhomboid",
    "pectoral",
    "spine",
    "arm",
    "elbow",
    "trunk",
    "rib cage",
]
_MOVES = [
    "row",
    "stretch",
    "squeeze",
    "raise",
    "slide",
    "rotation",
    "extension",
    "press",
    "pull",
    "hold",
    "circle",
    "retraction",
    "opener",
    "reach",
    "lift",
    "tilt",
    "twist",
    "glide",
]
_ENDS = ["", "with pause", "with band", "on ball", "to wall", "with hold", "on toes", "at angle"]
_STEP_WORDS = ["slowly", "gently", "with control", "and breathe out", "and keep your chin in"]


def _name(rng: random.Random) -> str:
    words = [rng.choice(_STARTS), rng.choice(_PARTS), rng.choice(_MOVES), rng.choice(_ENDS)]
    text = " ".join(word for word in words if word)
    return text[0].upper() + text[1:]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _range(rng: random.Random, low: int, high: int) -> int | dict[str, int]:
    a = rng.randint(low, high)
    if rng.random() < 0.5:
        return a
    return {"low": a, "high": rng.randint(a, min(high + 10, 100))}


def _exercise(rng: random.Random, name: str, reference_ids: list[str]) -> dict[str, Any]:
    category = rng.choice(list(Category))
    dosage: dict[str, Any] = {"reps": _range(rng, 3, 15)}
    if rng.random() < 0.6:
        dosage["sets"] = rng.randint(1, 3)
    if category in {Category.STRETCH, Category.STABILIZATION} or rng.random() < 0.2:
        unit = rng.choice(list(HoldUnit))
        dosage["hold"] = {"duration": _range(rng, 3, 30), "unit": unit.value}
    if rng.random() < 0.3:
        dosage["per_side"] = True
    if rng.random() < 0.2:
        dosage["frequency"] = {"period": "day"}
    exercise: dict[str, Any] = {
        "id": _slug(name),
        "name": name,
        "summary": f"Works the {rng.choice(_PARTS)} {rng.choice(_STEP_WORDS)}.",
        "category": category.value,
        "positions": [p.value for p in rng.sample(_KNOWN_POSITIONS, rng.randint(1, 2))],
        "steps": [
            f"Get ready in a {rng.choice(_STARTS)} position.",
            f"Do the {rng.choice(_MOVES)} {rng.choice(_STEP_WORDS)}.",
            "Go back to where you started.",
        ],
        "dosage": dosage,
    }
    if rng.random() < 0.7:
        exercise["equipment"] = [
            {"any_of": [e.value for e in rng.sample(_KNOWN_EQUIPMENT, rng.randint(1, 2))]}
            for _ in range(rng.randint(1, 2))
        ]
    exercise["regions"] = [r.value for r in rng.sample(list(Region), rng.randint(1, 3))]
    if rng.random() < 0.3:
        exercise["aliases"] = [f"{name.lower()} {rng.choice(_MOVES)}s"]
    exercise["references"] = rng.sample(reference_ids, 1)
    exercise["can_start_now"] = rng.random() < 0.8
    return exercise


def catalog_data(size: int) -> dict[str, Any]:
    """Return the plain data of the synthetic catalog of *size* exercises."""
    bundled = json.loads(upperback.dumps(upperback.load_catalog()))
    rng = random.Random(size)  # noqa: S311 - reproducible, not secret
    reference_ids = [r["id"] for r in bundled["references"]]
    taken = {
        label.casefold()
        for e in bundled["exercises"]
        for label in (e["name"], e["id"], *e.get("aliases", ()))
    }
    # Figures are drawings, not what a clinic's catalog is loaded for; the
    # pydantic baseline has no schema for them.
    exercises = [{k: v for k, v in e.items() if k != "figure"} for e in bundled["exercises"]]
    while len(exercises) < size:
        name = _name(rng)
        if len(exercises) % 7 == 0:  # some variants, as commercial libraries have
            name += f" {rng.randint(2, 9)}"
        exercise = _exercise(rng, name, reference_ids)
        labels = {
            name.casefold(),
            exercise["id"],
            *(a.casefold() for a in exercise.get("aliases", ())),
        }
        if labels & taken:
            continue
        taken |= labels
        exercises.append(exercise)
    # A few chains of "next exercise" progressions, always to a later exercise
    # so that they form no cycle.
    for index in range(len(bundled["exercises"]), size - 1, 97):
        source = exercises[index]
        source["progressions"] = [
            {
                "when": "when this feels easy",
                "kind": "next-exercise",
                "exercise": exercises[index + 1]["id"],
            }
        ]
    bundled["exercises"] = exercises
    bundled["data_version"] = f"synthetic-{size}"
    return bundled


def write(size: int, folder: Path = OUT) -> Path:
    """Write the catalog of *size* exercises, unless it is already there; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"catalog-{size}.json"
    text = json.dumps(catalog_data(size), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str]) -> None:
    """Write the catalogs of the sizes in *argv* (default: all)."""
    for size in [int(a) for a in argv] or SIZES:
        print(write(size))


if __name__ == "__main__":
    main(sys.argv[1:])
