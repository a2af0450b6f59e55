"""Adherence, and the next week from the log.

:func:`adherence` measures what a :class:`~upperback.Log` says was done
against what the :class:`~upperback.Program` prescribes. :func:`next_week`
applies :func:`~upperback.adapt`'s rules to the log, and gives every
exercise's dosage for the next week with its reason. The formulas and the
rules are in the docs (Sessions and adherence), and here:

- **Work** is counted in repetitions: a session of ``s`` sets of ``r``
  (twice for per-side work) is ``s * r`` (or ``2 * s * r``). An entry
  counts at most the prescribed sets and reps.
- **Completion** is done work over prescribed work, over the session days
  up to the last day logged (``through``), each week capped at 100%.
- **Missed days** are session days up to ``through`` with no entry.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

import attrs

from ._i18n import check_locale, translations
from ._log import Log, LogEntry, check_log, log_start
from ._session import _offsets
from .catalog import Catalog, load_catalog
from .model import Dosage, Equipment, Exercise, _Vocabulary
from .program import Action, Feedback, Program, adapt

__all__ = [
    "PAIN_RISE",
    "Adherence",
    "Change",
    "ExerciseAdherence",
    "NextWeek",
    "PainPoint",
    "ProgressReport",
    "Reason",
    "WeekAdherence",
    "adherence",
    "next_week",
    "progress_report",
]

#: A rise in pain, from before an exercise to after it, that stops the
#: exercise: 2 points on the 0 to 10 scale. About the smallest change in
#: pain that people notice; our default, not a fact of the source.
PAIN_RISE: int = 2


@attrs.frozen
class ExerciseAdherence:
    """How much of one exercise was done.

    Args:
        exercise: The exercise id.
        done: Repetitions done, each week capped at the prescribed.
        prescribed: Repetitions prescribed up to ``through``.
    """

    exercise: str
    done: int
    prescribed: int

    @property
    def completion(self) -> float | None:
        """``done / prescribed``, from 0 to 1; ``None`` when nothing was prescribed yet."""
        return None if self.prescribed == 0 else self.done / self.prescribed


@attrs.frozen
class WeekAdherence:
    """How much of one week was done.

    Args:
        week: The week, from 1.
        done: Repetitions done of every exercise, each capped as above.
        prescribed: Repetitions prescribed on its session days up to ``through``.
        sessions: Its session days up to ``through``.
        logged: Those of them with at least one entry.
    """

    week: int
    done: int
    prescribed: int
    sessions: int
    logged: int

    @property
    def completion(self) -> float | None:
        """``done / prescribed``; ``None`` when nothing was prescribed yet."""
        return None if self.prescribed == 0 else self.done / self.prescribed


@attrs.frozen
class PainPoint:
    """The pain of one logged day: the highest before and after, or ``None`` if not noted."""

    date: dt.date
    before: int | None
    after: int | None


@attrs.frozen
class Adherence:
    """What the log says was done, against the program.

    Args:
        through: The last day counted: the last day logged (or the day
            before the start, for an empty log).
        exercises: One an exercise, in session order.
        weeks: One a week up to ``through``.
        missed: Session days up to ``through`` with no entry.
        pain: One a logged day with a pain score, in date order.
        pain_change: The mean pain after exercise in the last week with a
            score, less the mean in the first; ``None`` with fewer than two
            such weeks. Below 0 is better.
    """

    through: dt.date
    exercises: tuple[ExerciseAdherence, ...]
    weeks: tuple[WeekAdherence, ...]
    missed: tuple[dt.date, ...]
    pain: tuple[PainPoint, ...]
    pain_change: float | None

    @property
    def completion(self) -> float | None:
        """All done work over all prescribed work; ``None`` when nothing was prescribed yet."""
        prescribed = sum(week.prescribed for week in self.weeks)
        return None if prescribed == 0 else sum(week.done for week in self.weeks) / prescribed


def _reps(dosage: Dosage) -> int:
    """The repetitions of one session of *dosage*: sets times reps, both sides."""
    return dosage.sets * dosage.reps.high * (2 if dosage.per_side else 1)


def _work(entry: LogEntry, dosage: Dosage) -> int:
    """The repetitions *entry* did, counted at most as *dosage* prescribes."""
    sides = 2 if dosage.per_side else 1
    return min(entry.sets, dosage.sets) * min(entry.reps, dosage.reps.high) * sides


def _held(entry: LogEntry, dosage: Dosage) -> bool:
    """Whether *entry*'s hold, where noted, was as long as *dosage* asks (the low end)."""
    return entry.hold is None or dosage.hold is None or entry.hold >= dosage.hold.duration.low


def _week_of(start: dt.date, day: dt.date) -> int:
    return (day - start).days // 7 + 1


def _session_dates(program: Program, start: dt.date) -> list[tuple[int, dt.date]]:
    offsets = _offsets(program.schedule.sessions_per_week)
    return [
        (week.number, start + dt.timedelta(weeks=week.number - 1, days=offset))
        for week in program.weeks
        for offset in offsets
    ]


def adherence(program: Program, log: Log, *, catalog: Catalog | None = None) -> Adherence:
    """Measure *log* against *program*.

    Args:
        program: The program.
        log: What was done; checked against the program first.
        catalog: Where the program's exercises are. Default: the bundled one.

    Raises:
        DataError: The log does not fit the program (see
            :func:`~upperback.load_log`).
    """
    check_log(log, program, catalog)
    start = log_start(program, log)
    through = max((e.date for e in log.entries), default=start - dt.timedelta(days=1))
    sessions = [(w, d) for w, d in _session_dates(program, start) if d <= through]
    per_week: dict[int, int] = defaultdict(int)
    for week, _ in sessions:
        per_week[week] += 1
    logged_days = {e.date for e in log.entries}
    done: dict[tuple[int, str], int] = defaultdict(int)
    for entry in log.entries:
        week = _week_of(start, entry.date)
        done[week, entry.exercise] += _work(entry, _dosage(program, week, entry.exercise))
    exercise_done: dict[str, int] = defaultdict(int)
    exercise_prescribed: dict[str, int] = defaultdict(int)
    weeks = []
    for number in sorted(per_week):
        week_done = week_prescribed = 0
        for item in program.weeks[number - 1].items:
            prescribed = per_week[number] * _reps(item.dosage)
            capped = min(done[number, item.exercise], prescribed)
            exercise_done[item.exercise] += capped
            exercise_prescribed[item.exercise] += prescribed
            week_done += capped
            week_prescribed += prescribed
        logged = sum(1 for w, d in sessions if w == number and d in logged_days)
        weeks.append(WeekAdherence(number, week_done, week_prescribed, per_week[number], logged))
    return Adherence(
        through=through,
        exercises=tuple(
            ExerciseAdherence(e, exercise_done[e], exercise_prescribed[e])
            for e in program.exercise_ids
        ),
        weeks=tuple(weeks),
        missed=tuple(d for _, d in sessions if d not in logged_days),
        pain=_pain_points(log.entries),
        pain_change=_pain_change(log.entries, start),
    )


def _dosage(program: Program, week: int, exercise_id: str) -> Dosage:
    for item in program.weeks[week - 1].items:
        if item.exercise == exercise_id:
            return item.dosage
    msg = f"{exercise_id!r} is not in week {week}"  # check_log rules this out
    raise AssertionError(msg)


def _pain_points(entries: Sequence[LogEntry]) -> tuple[PainPoint, ...]:
    before: dict[dt.date, int] = {}
    after: dict[dt.date, int] = {}
    for entry in entries:
        if entry.pain_before is not None:
            before[entry.date] = max(before.get(entry.date, 0), entry.pain_before)
        if entry.pain_after is not None:
            after[entry.date] = max(after.get(entry.date, 0), entry.pain_after)
    days = sorted(before.keys() | after.keys())
    return tuple(PainPoint(day, before.get(day), after.get(day)) for day in days)


def _pain_change(entries: Sequence[LogEntry], start: dt.date) -> float | None:
    by_week: dict[int, list[int]] = defaultdict(list)
    for entry in entries:
        if entry.pain_after is not None:
            by_week[_week_of(start, entry.date)].append(entry.pain_after)
    if len(by_week) < 2:
        return None
    first, last = by_week[min(by_week)], by_week[max(by_week)]
    return sum(last) / len(last) - sum(first) / len(first)


# -- the next week ------------------------------------------------------------


class Reason(_Vocabulary):
    """Which rule of :func:`next_week` decided a change."""

    #: Felt painful. Stop, and contact the provider.
    PAINFUL = "painful"
    #: Pain rose by :data:`PAIN_RISE` or more. Stop, and call the provider.
    PAIN_ROSE = "pain-rose"
    #: Felt too hard. One step down (or stop at the easiest step).
    TOO_HARD = "too-hard"
    #: Felt too easy, and the week's work was done. One step up (or keep at the top).
    TOO_EASY = "too-easy"
    #: Felt too easy, but the week's work was not all done. Keep.
    NOT_DONE = "not-done"
    #: The next step adds a load the person does not have. Keep.
    NO_LOAD = "no-load"
    #: Felt just right, or no feedback. Keep.
    KEEP = "keep"
    #: Nothing logged for it in the week. Keep.
    NOT_LOGGED = "not-logged"


@attrs.frozen
class Change:
    """What :func:`next_week` says for one exercise, and why.

    Args:
        exercise: The exercise id.
        action: Progress, keep, regress or stop.
        previous: The dosage of the week the log ends in.
        dosage: The dosage for the next week, or ``None`` to stop.
        reason: The rule that decided it.
        message: The same in plain words, for the person.
    """

    exercise: str
    action: Action
    previous: Dosage
    dosage: Dosage | None
    reason: Reason
    message: str


@attrs.frozen
class NextWeek:
    """The next week, from the log.

    Args:
        week: Its number: the week after the last one logged.
        changes: One an exercise, in session order.
    """

    week: int
    changes: tuple[Change, ...]


def next_week(
    program: Program,
    log: Log,
    *,
    catalog: Catalog | None = None,
    locale: str | None = None,
) -> NextWeek:
    """Apply :func:`~upperback.adapt`'s rules to what *log* says of its last week.

    The week looked at is the one of the last entry. For each exercise of
    the program, the first rule that applies decides:

    1. An entry that week says ``painful``: stop, and contact the provider.
    2. An entry that week has pain after at least :data:`PAIN_RISE` points
       above pain before: stop, and call the provider.
    3. The last feedback that week is ``too-hard``: one step down the
       exercise's ladder (at the easiest step: stop, and ask the provider).
    4. The last feedback is ``too-easy``: one step up, only if the week's
       prescribed work was all logged as done (every session, every set
       and rep, and every hold noted as long as prescribed); else keep. A
       step that adds a load the person does not have (not in the
       program's equipment) is not taken: keep. At the top of the
       source's range: keep, and ask the provider.
    5. Otherwise (``just-right``, no feedback, or nothing logged): keep.

    The dosages come from :func:`~upperback.ladder`, so nothing goes past
    the source. The result replaces the program's own plan for that week.

    Raises:
        DataError: The log does not fit the program, or is empty.
    """
    from .exceptions import DataError, Problem  # noqa: PLC0415

    locale = check_locale(locale)
    catalog = catalog if catalog is not None else load_catalog()
    check_log(log, program, catalog)
    if not log.entries:
        raise DataError([Problem("$.entries", "expected at least one entry to plan from")])
    start = log_start(program, log)
    week = _week_of(start, max(e.date for e in log.entries))
    localized = catalog.localized(locale)
    given = {g.exercise: g.dosage for g in program.request.dosages}
    sessions = program.schedule.sessions_per_week
    changes = []
    for item in program.weeks[week - 1].items:
        exercise = localized[item.exercise]
        if exercise.dosage is None and item.exercise in given:
            exercise = attrs.evolve(exercise, dosage=given[item.exercise])
        entries = [
            e
            for e in log.entries
            if e.exercise == item.exercise and _week_of(start, e.date) == week
        ]
        # The week's work is done only as prescribed: a hold noted shorter does not count.
        done = sum(_work(e, item.dosage) for e in entries if _held(e, item.dosage))
        changes.append(
            _change(
                exercise,
                item.dosage,
                entries,
                all_done=done >= sessions * _reps(item.dosage),
                equipment=set(program.request.equipment),
                locale=locale,
            )
        )
    return NextWeek(week + 1, tuple(changes))


def _change(  # noqa: PLR0911, PLR0913 - one return a rule; the facts each rule reads
    exercise: Exercise,
    current: Dosage,
    entries: Sequence[LogEntry],
    *,
    all_done: bool,
    equipment: set[Equipment],
    locale: str,
) -> Change:
    t = translations(locale)
    name = {"name": exercise.name.lower()}

    def made(action: Action, dosage: Dosage | None, reason: Reason, message: str) -> Change:
        return Change(exercise.id, action, current, dosage, reason, message)

    if not entries:
        return made(
            Action.KEEP,
            current,
            Reason.NOT_LOGGED,
            t.gettext("Nothing was logged for the %(name)s this week. Keep the same dose.") % name,
        )
    if any(e.feedback is Feedback.PAINFUL for e in entries):
        adjustment = adapt(exercise, current, Feedback.PAINFUL, locale=locale)
        return made(Action.STOP, None, Reason.PAINFUL, adjustment.message)
    rises = [
        e.pain_after - e.pain_before
        for e in entries
        if e.pain_after is not None and e.pain_before is not None
    ]
    if rises and max(rises) >= PAIN_RISE:
        return made(
            Action.STOP,
            None,
            Reason.PAIN_ROSE,
            t.gettext(
                "Your pain went up by %(points)s points after the %(name)s. "
                "Stop doing it, and call your provider before you do it again."
            )
            % {"points": max(rises), **name},
        )
    felt = [e.feedback for e in entries if e.feedback is not None]
    last = felt[-1] if felt else None
    if last is Feedback.TOO_HARD:
        adjustment = adapt(exercise, current, Feedback.TOO_HARD, equipment=equipment, locale=locale)
        return made(adjustment.action, adjustment.dosage, Reason.TOO_HARD, adjustment.message)
    if last is Feedback.TOO_EASY:
        if not all_done:
            return made(
                Action.KEEP,
                current,
                Reason.NOT_DONE,
                t.gettext(
                    "Do all of this week's %(name)s sessions before you do more. "
                    "Keep the same dose."
                )
                % name,
            )
        # Ask as if the person had every load this exercise can add, so that a next
        # step they cannot take is said as such (NO_LOAD), not as the top of the range.
        loads = {option for p in exercise.progressions if p.load for option in p.load.options}
        adjustment = adapt(
            exercise,
            current,
            Feedback.TOO_EASY,
            equipment=[*equipment, *loads],
            locale=locale,
        )
        nxt = adjustment.dosage
        if (
            nxt is not None
            and nxt.load is not None
            and current.load is None
            and not equipment.intersection(nxt.load.options)
        ):
            return made(
                Action.KEEP,
                current,
                Reason.NO_LOAD,
                t.gettext(
                    "The next step needs %(load)s, which you do not have. Keep the same dose."
                )
                % {"load": nxt.load.describe(locale=locale)},
            )
        return made(adjustment.action, adjustment.dosage, Reason.TOO_EASY, adjustment.message)
    adjustment = adapt(exercise, current, Feedback.JUST_RIGHT, equipment=equipment, locale=locale)
    return made(Action.KEEP, current, Reason.KEEP, adjustment.message)


# -- the clinician's progress report ------------------------------------------


@attrs.frozen
class ProgressReport:
    """A clinician's progress report: adherence, pain, and what changes next week.

    Render it with ``render(report, "html" | "pdf" | "markdown")``.

    Args:
        program: The program.
        log: The log it measures.
        adherence: What was done, against the program.
        next_week: What changes next, and why; ``None`` for an empty log.
        catalog: Where the exercises and their safety text are.
        locale: The language of its words.
    """

    program: Program
    log: Log
    adherence: Adherence
    next_week: NextWeek | None
    catalog: Catalog
    locale: str


def progress_report(
    program: Program,
    log: Log,
    *,
    catalog: Catalog | None = None,
    locale: str | None = None,
) -> ProgressReport:
    """Gather a clinician's progress report of *log* against *program*.

    Raises:
        DataError: The log does not fit the program.
        UnknownLocaleError: The package has no such language.
    """
    locale = check_locale(locale)
    catalog = catalog if catalog is not None else load_catalog()
    measured = adherence(program, log, catalog=catalog)
    planned = next_week(program, log, catalog=catalog, locale=locale) if log.entries else None
    return ProgressReport(program, log, measured, planned, catalog, locale)
