"""A log of what was done: one entry an exercise a day, as a person or an app records it.

:class:`Log` is plain, typed data with a JSON form (``dumps``/``loads``) and a
JSON Schema (``json_schema("log")``). :func:`load_log` reads one and checks
it against the program and the catalog it belongs to, naming every problem
with its JSON path.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from . import _pydantic
from .catalog import Catalog, load_catalog
from .exceptions import DataError, Problem
from .model import FieldError, _as_tuple, _items, _slug, _text
from .program import Feedback, Program

__all__ = ["MAX_PAIN", "Log", "LogEntry", "check_log", "load_log", "log_start"]

#: The top of the pain scale: 0 is no pain, 10 the worst pain.
MAX_PAIN: int = 10


def _done(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise FieldError(attribute.name, f"expected a whole number from 0 to 100, got {value!r}")


def _optional_done(
    _instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None:
        _done(_instance, attribute, value)  # type: ignore[arg-type]


def _pain(_instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PAIN
    ):
        raise FieldError(
            attribute.name, f"expected pain as a whole number from 0 to {MAX_PAIN}, got {value!r}"
        )


def _date(_instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldError(attribute.name, f"expected a date, got {value!r}")


def _optional_date(
    _instance: object, attribute: attrs.Attribute[dt.date | None], value: object
) -> None:
    if value is not None:
        _date(_instance, attribute, value)  # type: ignore[arg-type]


def _optional_text(
    _instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None:
        _text(_instance, attribute, value)  # type: ignore[arg-type]


def _optional_feedback(
    _instance: object, attribute: attrs.Attribute[Feedback | None], value: object
) -> None:
    if value is not None and not isinstance(value, Feedback):
        raise FieldError(attribute.name, f"expected a Feedback, got {value!r}")


def _to_feedback(value: Feedback | str | None) -> Feedback | None:
    """A slug such as ``"too-easy"`` as its member; anything else is left to the validator."""
    if isinstance(value, str) and not isinstance(value, Feedback):
        return Feedback.parse(value)
    return value


@attrs.frozen
class LogEntry:
    """What was done of one exercise on one day.

    The same fields as a row of the handout's tracking sheet, so a paper
    sheet can be typed in.

    Args:
        date: The day.
        exercise: The exercise id.
        sets: Sets done.
        reps: Repetitions done in each set (on each side, for per-side
            work), as the dosage counts them.
        hold: How long each hold lasted, in the dosage's unit (seconds or
            counts); ``None`` when the exercise has no hold or it was not
            noted.
        pain_before: Pain before, from 0 (none) to 10 (worst), or ``None``.
        pain_after: Pain after, from 0 to 10, or ``None``.
        feedback: How it felt, in :func:`~upperback.adapt`'s words (a
            :class:`~upperback.Feedback` or its slug), or ``None``.
        note: Anything else, in the person's words.
    """

    date: dt.date = attrs.field(validator=_date)
    exercise: str = attrs.field(validator=_slug)
    sets: int = attrs.field(validator=_done)
    reps: int = attrs.field(validator=_done)
    hold: int | None = attrs.field(default=None, validator=_optional_done)
    pain_before: int | None = attrs.field(default=None, validator=_pain)
    pain_after: int | None = attrs.field(default=None, validator=_pain)
    feedback: Feedback | None = attrs.field(
        default=None, converter=_to_feedback, validator=_optional_feedback
    )
    note: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen
class Log:
    """Entries of what was done, in the order they were made.

    Args:
        entries: The entries.
        start: The first day of week 1, for a program without a start
            date; ``None`` when the program has one (its start is used).
    """

    entries: tuple[LogEntry, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(LogEntry)
    )
    start: dt.date | None = attrs.field(default=None, validator=_optional_date)


def log_start(program: Program, log: Log) -> dt.date:
    """The first day of week 1: the program's start, or the log's.

    Raises:
        DataError: Neither has one, or they differ.
    """
    problems = list(_start_problems(program, log))
    if problems:
        raise DataError(problems)
    start = program.request.start or log.start
    assert start is not None  # noqa: S101 - checked above
    return start


def _start_problems(program: Program, log: Log) -> Iterator[Problem]:
    start = program.request.start
    if start is None and log.start is None:
        yield Problem(
            "$.start",
            "expected the first day of week 1 (YYYY-MM-DD): the program has no start date",
        )
    elif start is not None and log.start is not None and log.start != start:
        yield Problem("$.start", f"expected {start}, the program's start date, or no start")


def check_log(log: Log, program: Program, catalog: Catalog | None = None) -> Log:
    """Check *log* against *program* and *catalog*; return it unchanged.

    Every entry must name an exercise of the program, fall within its
    weeks, and give a hold only for an exercise whose dosage has one.
    Done work above the prescribed dose is kept (people do more), and
    :func:`~upperback.adherence` counts it as 100%.

    Raises:
        DataError: Every problem, each with its JSON path, such as
            ``$.entries[2].exercise``.
    """
    catalog = catalog if catalog is not None else load_catalog()
    problems = list(_start_problems(program, log))
    start = program.request.start or log.start
    end = None if start is None else start + dt.timedelta(weeks=len(program.weeks), days=-1)
    in_program = set(program.exercise_ids)
    given = {g.exercise: g.dosage for g in program.request.dosages}
    for index, entry in enumerate(log.entries):
        path = f"$.entries[{index}]"
        if entry.exercise not in in_program:
            problems.append(
                Problem(
                    f"{path}.exercise",
                    f"expected an exercise of the program ({', '.join(program.exercise_ids)}), "
                    f"got {entry.exercise!r}",
                )
            )
            continue
        if start is not None and end is not None and not start <= entry.date <= end:
            problems.append(
                Problem(f"{path}.date", f"expected a day of the program, {start} to {end}")
            )
        dosage = catalog[entry.exercise].dosage if entry.exercise in catalog else None
        dosage = dosage or given.get(entry.exercise)
        if entry.hold is not None and dosage is not None and dosage.hold is None:
            problems.append(
                Problem(f"{path}.hold", f"expected no hold: {entry.exercise!r} has none")
            )
    if problems:
        raise DataError(problems)
    return log


def load_log(text: str | bytes, program: Program, *, catalog: Catalog | None = None) -> Log:
    """Read a log's JSON and check it against *program* and *catalog*.

    Args:
        text: The JSON, as ``dumps(log)`` writes it.
        program: The program the log records.
        catalog: Where the program's exercises are. Default: the bundled
            catalog.

    Raises:
        DataError: The text is not a valid log, or does not fit the
            program; every problem is listed with its JSON path.
    """
    from ._convert import loads  # noqa: PLC0415 - the converter loads only when used

    return check_log(loads(text, Log), program, catalog)


# pydantic support (see _pydantic.py): the hooks only; pydantic is not imported.
_pydantic.install(LogEntry, Log)
