"""A CERT report of a program: how it answers the Consensus on Exercise Reporting Template.

CERT (Slade SC, Dionne CE, Underwood M, Buchbinder R, et al. Br J Sports
Med 2016;50(23):1428-1437) lists 16 items, three of them in two parts, that
a report of an exercise intervention should cover. :func:`~upperback.cert_report`
answers each one from the program where the data can, and marks the rest
for the clinician to complete. The item texts here are our own short
paraphrases, not CERT's wording.

>>> import upperback
>>> report = upperback.cert_report(upperback.build_program())
>>> [row.number for row in report.rows][:8]
['1', '2', '3', '4', '5', '6', '7a', '7b']
>>> report.rows[1].status.value
'for-clinician'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from .catalog import Catalog, load_catalog
from .model import Dosage, Exercise
from .program import HOLD_STEP_SECONDS, Program

__all__ = ["CertReport", "CertRow", "CertSection", "CertStatus", "cert_report"]


class CertSection(str, enum.Enum):
    """The CERT section an item belongs to."""

    WHAT = "WHAT"
    WHO = "WHO"
    HOW = "HOW"
    WHERE = "WHERE"
    WHEN_HOW_MUCH = "WHEN, HOW MUCH"
    TAILORING = "TAILORING"
    HOW_WELL = "HOW WELL"

    def __str__(self) -> str:
        return self.value


class CertStatus(str, enum.Enum):
    """How far the data answers an item."""

    #: The program's data answers it.
    FILLED = "filled"
    #: The data answers part of it; the clinician adds the rest.
    PARTLY_FILLED = "partly-filled"
    #: Only the clinician can answer it.
    FOR_CLINICIAN = "for-clinician"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The status in words, for a printed checklist."""
        return {
            CertStatus.FILLED: "Filled from the data",
            CertStatus.PARTLY_FILLED: "Partly filled",
            CertStatus.FOR_CLINICIAN: "For the clinician",
        }[self]


@attrs.frozen
class CertRow:
    """One CERT item and how this program answers it.

    Args:
        number: ``"1"`` to ``"16b"``.
        section: The CERT section.
        item: What the item asks, in our own words.
        status: How far the data answers it.
        answer: The answer from the data, one line a fact; empty when the
            item is for the clinician.
    """

    number: str
    section: CertSection
    item: str
    status: CertStatus
    answer: tuple[str, ...] = ()


@attrs.frozen
class CertReport:
    """A program's CERT report: 19 rows, in CERT's order.

    Args:
        title: The report's title.
        intro: What the report is, in one or two sentences.
        rows: The items, 1 to 16b.
        clinician_note: What to write where an item is for the clinician.
        data_version: The version of the data the program was built from.
    """

    title: str
    intro: str
    rows: tuple[CertRow, ...]
    clinician_note: str
    data_version: str


#: Each item: number, section, our paraphrase of what it asks.
ITEMS: tuple[tuple[str, CertSection, str], ...] = (
    ("1", CertSection.WHAT, "What equipment the exercises need."),
    ("2", CertSection.WHO, "Who teaches or supervises, and their training and skills."),
    ("3", CertSection.HOW, "Whether people exercise alone or in a group."),
    ("4", CertSection.HOW, "Whether the exercise is supervised, and how it is delivered."),
    ("5", CertSection.HOW, "How adherence is measured and reported."),
    ("6", CertSection.HOW, "What is done to keep people motivated."),
    ("7a", CertSection.HOW, "The rules for deciding when and how to make exercises harder."),
    ("7b", CertSection.HOW, "How the program actually moved on over time."),
    ("8", CertSection.HOW, "Each exercise, in enough detail for someone else to repeat it."),
    ("9", CertSection.HOW, "What part of the program is done at home."),
    ("10", CertSection.HOW, "Any parts of the program that are not exercise."),
    ("11", CertSection.HOW, "What adverse events happened, and how many."),
    ("12", CertSection.WHERE, "Where the exercise is done."),
    (
        "13",
        CertSection.WHEN_HOW_MUCH,
        "The dose: repetitions, sets, holds, sessions, session length and program length.",
    ),
    ("14a", CertSection.TAILORING, "Whether the exercises are the same for all or tailored."),
    ("14b", CertSection.TAILORING, "How the exercises were tailored to the person."),
    ("15", CertSection.TAILORING, "How the starting level was decided."),
    ("16a", CertSection.HOW_WELL, "How adherence or fidelity to the plan is assessed."),
    ("16b", CertSection.HOW_WELL, "How far the program was delivered as planned."),
)


def cert_report(program: Program, *, catalog: Catalog | None = None) -> CertReport:
    """Return the CERT report of *program*.

    Args:
        program: A program from :func:`upperback.build_program`.
        catalog: Where to look up its exercises. Default: the bundled one.

    Raises:
        UnknownExerciseError: The program names an exercise *catalog* lacks.
    """
    catalog = catalog if catalog is not None else load_catalog()
    exercises = tuple(catalog[i] for i in program.exercise_ids)
    answers = _answers(program, exercises, catalog)
    rows = []
    for number, section, item in ITEMS:
        status, answer = answers.get(number, (CertStatus.FOR_CLINICIAN, ()))
        rows.append(CertRow(number, section, item, status, answer))
    return CertReport(
        title="CERT report of an upper back exercise program",
        intro=(
            "This checklist follows the Consensus on Exercise Reporting Template (CERT). "
            "Where the program's data answers an item, the answer is below."
        ),
        rows=tuple(rows),
        clinician_note="The clinician completes this item.",
        data_version=program.data_version,
    )


def _answers(
    program: Program, exercises: tuple[Exercise, ...], catalog: Catalog
) -> dict[str, tuple[CertStatus, tuple[str, ...]]]:
    filled, partly = CertStatus.FILLED, CertStatus.PARTLY_FILLED
    names = ", ".join(e.name for e in exercises)
    evidence = catalog._evidence(exercises)  # noqa: SLF001
    return {
        "1": (filled, tuple(_equipment(e) for e in exercises)),
        "3": (filled, ("Individual: each person exercises on their own.",)),
        "4": (
            filled,
            (
                "Unsupervised.",
                (
                    "Delivered as a written handout (text, Markdown, HTML or PDF) "
                    "that the person follows alone."
                ),
            ),
        ),
        "7a": (
            filled,
            (
                "Each exercise moves along a ladder of dosages built from the source alone.",
                (
                    "Repetitions go up one at a time, from the low end of the source's range "
                    "to the high end."
                ),
                (
                    f"Holds in seconds go up {HOLD_STEP_SECONDS} seconds at a time; "
                    "a counted hold goes up one count at a time."
                ),
                "Sets never change, and nothing goes past the source's range.",
                (
                    "Where the source adds a weight, it is added only in a week after a week "
                    "at the top of the range without it."
                ),
                (
                    f"Over {program.schedule.weeks} weeks the dosage moves evenly from the "
                    "easiest step to the top of the range."
                ),
            ),
        ),
        "7b": (filled, tuple(_progress(program, e) for e in exercises)),
        "8": (
            partly,
            (
                *(_steps(e) for e in exercises),
                "Pictures or videos, if used, are for the clinician to describe.",
            ),
        ),
        "9": (filled, (f"The whole program is done at home: {names}.",)),
        "10": (
            partly,
            (
                *(f"Safety advice: {line}" for line in evidence.safety),
                f"Disclaimer: {evidence.disclaimer}",
                "Other parts (such as education) are for the clinician to add.",
            ),
        ),
        "12": (filled, ("At home.",)),
        "13": (filled, _dose(program, exercises)),
        "14a": (
            filled,
            ("Tailored: the program is built for one person from what they have and can do.",),
        ),
        "14b": (filled, _tailoring(program)),
        "15": (
            filled,
            (
                (
                    "Every exercise starts at the easiest step of its ladder, the low end of "
                    "the source's range."
                ),
                *(f"{e.name}: {_first(program, e).describe()}" for e in exercises),
            ),
        ),
    }


def _equipment(exercise: Exercise) -> str:
    if not exercise.equipment:
        return f"{exercise.name}: no equipment."
    needs = "; ".join(r.describe() for r in exercise.equipment)
    return f"{exercise.name}: {needs}."


def _steps(exercise: Exercise) -> str:
    steps = " ".join(f"{n}. {s.text}" for n, s in enumerate(exercise.steps, 1))
    return f"{exercise.name}: {steps}"


def _weekly(program: Program, exercise: Exercise) -> list[tuple[int, int, Dosage]]:
    """Runs of weeks with the same dosage: (first week, last week, dosage)."""
    runs: list[tuple[int, int, Dosage]] = []
    for week in program.weeks:
        dosage = next(i.dosage for i in week.items if i.exercise == exercise.id)
        if runs and runs[-1][2] == dosage:
            runs[-1] = (runs[-1][0], week.number, dosage)
        else:
            runs.append((week.number, week.number, dosage))
    return runs


def _weeks(first: int, last: int) -> str:
    return f"week {first}" if first == last else f"weeks {first} to {last}"


def _progress(program: Program, exercise: Exercise) -> str:
    runs = _weekly(program, exercise)
    steps = "; ".join(f"{_weeks(a, b)}: {d.describe().rstrip('.')}" for a, b, d in runs)
    return f"{exercise.name}: {steps}."


def _first(program: Program, exercise: Exercise) -> Dosage:
    return _weekly(program, exercise)[0][2]


def _dose(program: Program, exercises: tuple[Exercise, ...]) -> tuple[str, ...]:
    lines = [program.schedule.describe()]
    if program.weeks:
        longest = max(w.estimated_session_duration for w in program.weeks)
        minutes = max(1, round(longest.total_seconds() / 60))
        lines.append(f"One session takes about {minutes} minutes at most.")
    lines.extend(_progress(program, e) for e in exercises)
    return tuple(lines)


def _tailoring(program: Program) -> tuple[str, ...]:
    request = program.request
    lines = [
        "Equipment the person has: "
        + (", ".join(e.value for e in request.equipment) or "none")
        + ".",
        "Positions avoided: "
        + (", ".join(p.value for p in request.avoid_positions) or "none")
        + ".",
        f"Time for one session: {request.minutes_per_session} minutes.",
        f"Sessions each week: {request.sessions_per_week}; weeks: {request.weeks}.",
    ]
    if request.include:
        lines.append("Asked for first: " + ", ".join(request.include) + ".")
    if request.exclude:
        lines.append("Left out on request: " + ", ".join(request.exclude) + ".")
    lines.extend(f"Not chosen: {o.exercise}, because {o.detail}." for o in program.omitted)
    return tuple(lines)
