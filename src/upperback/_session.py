"""A guided session: one day of a program as a timeline an app can play.

:func:`session` turns one session of a :class:`~upperback.Program` into an
ordered tuple of :class:`Event` s: the intro of each exercise (its steps and
figure ids), "set 2 of 3", each repetition and each hold, "switch sides",
the rests, and the end. Every duration comes from the dosage and the
program's :class:`~upperback.Timing`, so the session's total is the
program's time estimate for that week, to the second.

:func:`session_days` says which days of a program are session days.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt

import attrs

from . import _pydantic
from ._i18n import check_locale, translations
from .catalog import Catalog, load_catalog
from .exceptions import InvalidConstraintError
from .model import (
    Dosage,
    FieldError,
    HoldUnit,
    _as_tuple,
    _instance,
    _items,
    _slug,
    _text,
    _Vocabulary,
)
from .program import Program, Timing

__all__ = [
    "REST_BETWEEN_EXERCISES",
    "Event",
    "EventKind",
    "Session",
    "SessionDay",
    "session",
    "session_days",
]

#: Seconds of rest between two exercises, beyond the next one's setup time.
#: The source says nothing about rest. The next exercise's
#: :attr:`~upperback.Timing.setup` (20 seconds by default: reading the steps
#: and getting into position) is already a break, and it is what the
#: program's time estimate counts; so by default no extra rest is added,
#: and the session takes exactly the estimate.
REST_BETWEEN_EXERCISES: int = 0


class EventKind(_Vocabulary):
    """What happens in one event of a session."""

    #: Read the steps and get into position; lasts ``Timing.setup``.
    INTRO = "intro"
    #: A cue with no time of its own, such as "Set 2 of 3".
    SET = "set"
    #: One repetition; lasts ``Timing.seconds_per_rep``.
    REP = "rep"
    #: Hold the position; a countdown of the hold's seconds (a count is one second).
    HOLD = "hold"
    #: A cue with no time of its own to change to the other side.
    SWITCH_SIDES = "switch-sides"
    #: Rest between sets (``Timing.rest_between_sets``) or exercises.
    REST = "rest"
    #: A cue with no time of its own to say the session is over.
    END = "end"


def _seconds(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(attribute.name, f"expected whole seconds >= 0, got {value!r}")


def _number(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError(attribute.name, f"expected a whole number >= 1, got {value!r}")


def _optional_number(
    _instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise FieldError(attribute.name, f"expected a whole number >= 1, got {value!r}")


def _optional_slug(
    _instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None:
        _slug(_instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen
class Event:
    """One step of a session's timeline.

    Args:
        kind: What happens.
        at: When it starts, in seconds from the start of the session.
        seconds: How long it lasts; 0 for a cue (set, switch sides, end).
        text: What to show or say, in the session's language.
        exercise: The exercise id, or ``None`` for the end.
        set: The set, from 1, for sets, reps, holds, switches and rests
            between sets.
        sets: How many sets the exercise has.
        rep: The repetition, from 1 on each side.
        reps: How many repetitions a set has (on each side).
        side: 1 or 2 for per-side work, else ``None``. The source does not
            say which side goes first.
        steps: For an intro: the exercise's steps, in order.
        figures: For an intro: the ids of its pictures, such as
            ``"band-row-start"`` (the file names of
            :func:`upperback.illustrations` without ``.svg``).
    """

    kind: EventKind = attrs.field(validator=_instance(EventKind))
    at: int = attrs.field(validator=_seconds)
    seconds: int = attrs.field(validator=_seconds)
    text: str = attrs.field(validator=_text)
    exercise: str | None = attrs.field(default=None, validator=_optional_slug)
    set: int | None = attrs.field(default=None, validator=_optional_number)
    sets: int | None = attrs.field(default=None, validator=_optional_number)
    rep: int | None = attrs.field(default=None, validator=_optional_number)
    reps: int | None = attrs.field(default=None, validator=_optional_number)
    side: int | None = attrs.field(default=None, validator=_optional_number)
    steps: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_text)
    )
    figures: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_slug)
    )


@attrs.frozen
class Session:
    """One session of a program, as a timeline.

    Args:
        week: The week, from 1.
        day: The session of the week, from 1.
        date: Its day, when the program has dates.
        lang: The language of the events' text.
        timing: The times it was made with.
        rest_between_exercises: Seconds of rest added between exercises.
        events: The events, in order; the last is the end.
    """

    week: int = attrs.field(validator=_number)
    day: int = attrs.field(validator=_number)
    date: dt.date | None
    lang: str = attrs.field(validator=_text)
    timing: Timing = attrs.field(validator=_instance(Timing))
    rest_between_exercises: int = attrs.field(validator=_seconds)
    events: tuple[Event, ...] = attrs.field(converter=_as_tuple, validator=_items(Event))

    def __attrs_post_init__(self) -> None:
        at = 0
        for index, event in enumerate(self.events):
            if event.at != at:
                raise FieldError(
                    f"events[{index}].at", f"expected {at}, the end of the event before"
                )
            at += event.seconds
        if not self.events or self.events[-1].kind is not EventKind.END:
            raise FieldError("events", "expected the last event to be the end")

    @property
    def duration(self) -> dt.timedelta:
        """How long the whole session takes."""
        return dt.timedelta(seconds=sum(event.seconds for event in self.events))


@attrs.frozen
class SessionDay:
    """One session day of a program.

    Args:
        week: The week, from 1.
        day: The session of the week, from 1.
        date: The date, when the program has dates.
    """

    week: int
    day: int
    date: dt.date | None


def _offsets(sessions_per_week: int) -> tuple[int, ...]:
    """The days of a week (0 is its first day) the sessions fall on, spread evenly."""
    return tuple(n * 7 // sessions_per_week for n in range(sessions_per_week))


def session_days(program: Program) -> tuple[SessionDay, ...]:
    """Every session day of *program*, in order.

    The source does not say on which days to exercise. A program with
    ``n`` sessions a week puts session ``k`` (from 0) on day ``k * 7 // n``
    of each week (from 0): every day for 7, days 1, 3 and 5 for 3, days
    1 and 4 for 2; so the rest days are spread out. Without a start date,
    the days have no dates.
    """
    days = []
    offsets = _offsets(program.schedule.sessions_per_week)
    for week in program.weeks:
        for number, offset in enumerate(offsets, 1):
            date = None if week.start is None else week.start + dt.timedelta(days=offset)
            days.append(SessionDay(week.number, number, date))
    return tuple(days)


def session(  # noqa: PLR0913 - the session and the times it overrides
    program: Program,
    *,
    week: int = 1,
    day: int = 1,
    catalog: Catalog | None = None,
    locale: str | None = None,
    timing: Timing | None = None,
    rest_between_exercises: int = REST_BETWEEN_EXERCISES,
) -> Session:
    """Return session *day* of week *week* of *program*, as a timeline.

    For each exercise, in session order: an intro (``Timing.setup``
    seconds), then for each set a "set" cue, each repetition
    (``Timing.seconds_per_rep``) followed by its hold, if any (the top of
    the hold's range; a count is taken as one second), all reps of one
    side then a "switch sides" cue and the other side for per-side work,
    and ``Timing.rest_between_sets`` of rest between sets. A range of reps
    counts at its high end, as the time estimate does. The last event is
    the end.

    With the defaults, the session lasts exactly
    ``program.weeks[week - 1].estimated_session_duration``.

    Args:
        program: The program.
        week: The week, from 1.
        day: The session of that week, from 1 to ``sessions_per_week``.
        catalog: Where the exercises' steps and names are. Default: the
            bundled catalog.
        locale: The language of the events' text (default: English).
        timing: The times to use. Default: the program's own
            (``program.request.timing``).
        rest_between_exercises: Seconds of rest to add between two
            exercises (default :data:`REST_BETWEEN_EXERCISES`).

    Raises:
        InvalidConstraintError: *week* or *day* is not in the program, or
            *timing* or *rest_between_exercises* is not valid.
        UnknownExerciseError: The program names an exercise *catalog* lacks.
        UnknownLocaleError: The package has no such language.
    """
    locale = check_locale(locale)
    schedule = program.schedule
    _check_number("week", week, len(program.weeks))
    _check_number("day", day, schedule.sessions_per_week)
    if timing is None:
        timing = program.request.timing
    elif not isinstance(timing, Timing):
        raise InvalidConstraintError(f"timing: expected a Timing, got {type(timing).__name__}")
    if (
        isinstance(rest_between_exercises, bool)
        or not isinstance(rest_between_exercises, int)
        or rest_between_exercises < 0
    ):
        raise InvalidConstraintError(
            f"rest_between_exercises: expected whole seconds >= 0, got {rest_between_exercises!r}"
        )
    catalog = (catalog if catalog is not None else load_catalog()).localized(locale)
    the_week = program.weeks[week - 1]
    date = None
    if the_week.start is not None:
        date = the_week.start + dt.timedelta(days=_offsets(schedule.sessions_per_week)[day - 1])
    timeline = _Timeline(locale)
    for index, item in enumerate(the_week.items):
        if index and rest_between_exercises:
            timeline.rest(item.exercise, rest_between_exercises, None, None)
        timeline.exercise(catalog, item.exercise, item.dosage, timing)
    timeline.add(EventKind.END, 0, translations(locale).gettext("Well done. The session is over."))
    return Session(
        week=week,
        day=day,
        date=date,
        lang=locale,
        timing=timing,
        rest_between_exercises=rest_between_exercises,
        events=tuple(timeline.events),
    )


def _check_number(name: str, value: object, most: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        raise InvalidConstraintError(
            f"{name}: expected a whole number from 1 to {most}, got {value!r}"
        )


class _Timeline:
    """Events as they are added, each starting where the one before ends."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.t = translations(locale)
        self.events: list[Event] = []
        self.at = 0

    def add(self, kind: EventKind, seconds: int, text: str, **fields: object) -> None:
        self.events.append(Event(kind, self.at, seconds, text, **fields))  # type: ignore[arg-type]
        self.at += seconds

    def rest(self, exercise: str, seconds: int, number: int | None, sets: int | None) -> None:
        self.add(
            EventKind.REST,
            seconds,
            self.t.ngettext("Rest for %(count)s second.", "Rest for %(count)s seconds.", seconds)
            % {"count": seconds},
            exercise=exercise,
            set=number,
            sets=sets,
        )

    def exercise(self, catalog: Catalog, exercise_id: str, dosage: Dosage, timing: Timing) -> None:
        t = self.t
        exercise = catalog[exercise_id]
        figures: tuple[str, ...] = ()
        if exercise.figure is not None:
            figures = tuple(f"{exercise.id}-{pose.name}" for pose in exercise.figure.poses)
        self.add(
            EventKind.INTRO,
            timing.setup,
            t.gettext("Next: %(name)s. %(dosage)s. Get into position.")
            % {"name": exercise.name, "dosage": _sentence(dosage.describe(locale=self.locale))},
            exercise=exercise.id,
            steps=tuple(step.text for step in exercise.steps),
            figures=figures,
        )
        sides = (1, 2) if dosage.per_side else (None,)
        reps = dosage.reps.high
        hold = dosage.hold
        for number in range(1, dosage.sets + 1):
            common: dict[str, object] = {
                "exercise": exercise.id,
                "set": number,
                "sets": dosage.sets,
            }
            self.add(
                EventKind.SET,
                0,
                t.gettext("Set %(number)s of %(sets)s.") % {"number": number, "sets": dosage.sets},
                **common,
            )
            for side in sides:
                if side == 2:
                    self.add(
                        EventKind.SWITCH_SIDES, 0, t.gettext("Switch sides."), side=2, **common
                    )
                for rep in range(1, reps + 1):
                    self.add(
                        EventKind.REP,
                        timing.seconds_per_rep,
                        t.gettext("Rep %(number)s of %(reps)s.") % {"number": rep, "reps": reps},
                        rep=rep,
                        reps=reps,
                        side=side,
                        **common,
                    )
                    if hold is not None:
                        held = hold.duration.high
                        text = (
                            t.ngettext(
                                "Hold for %(count)s count.", "Hold for %(count)s counts.", held
                            )
                            if hold.unit is HoldUnit.COUNTS
                            else t.ngettext(
                                "Hold for %(count)s second.", "Hold for %(count)s seconds.", held
                            )
                        )
                        self.add(
                            EventKind.HOLD,
                            held,
                            text % {"count": held},
                            rep=rep,
                            reps=reps,
                            side=side,
                            **common,
                        )
            if number < dosage.sets:
                self.rest(exercise.id, timing.rest_between_sets, number, dosage.sets)


def _sentence(text: str) -> str:
    text = text.strip().removesuffix(".")
    return text[:1].upper() + text[1:]


# pydantic support (see _pydantic.py): the hooks only; pydantic is not imported.
_pydantic.install(EventKind, Event, Session)
