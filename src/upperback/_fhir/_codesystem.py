"""Our CodeSystem of dosage parameters, the codes of the R5 ``orderDetail.parameter`` extension."""

from __future__ import annotations

from ._base import CODE_SYSTEM_URL, JSON, narrative

__all__ = ["PARAMETERS", "code_system"]

#: Our codes: (code, display, definition). FHIR R4 has no element for these.
PARAMETERS: tuple[tuple[str, str, str], ...] = (
    ("sets", "Sets", "How many sets to do in one session."),
    ("repetitions", "Repetitions", "How many repetitions in each set: a number or a range."),
    ("per-side", "Per side", "Whether the repetitions are for each side of the body."),
    (
        "hold-count",
        "Counted hold",
        "How long to hold each repetition, counted rather than timed: a number of counts.",
    ),
    ("hold-seconds", "Timed hold", "How long to hold each repetition, in seconds."),
    ("load", "Load", "What to hold in the hands for extra weight."),
    ("frequency", "Frequency", "How often the source says to do it, in words."),
)


def code_system(version: str) -> JSON:
    """Return the CodeSystem, stamped with the data *version*."""
    return {
        "resourceType": "CodeSystem",
        "id": "dosage-parameter",
        "text": narrative(
            "Dosage parameters of upperback",
            ["Codes for the parts of an exercise dose that FHIR R4 has no element for."],
            [f"{code}: {definition}" for code, _display, definition in PARAMETERS],
        ),
        "url": CODE_SYSTEM_URL,
        "version": version,
        "name": "UpperbackDosageParameter",
        "title": "Dosage parameters of upperback",
        "status": "active",
        "caseSensitive": True,
        "content": "complete",
        "count": len(PARAMETERS),
        "concept": [
            {"code": code, "display": display, "definition": definition}
            for code, display, definition in PARAMETERS
        ],
    }
