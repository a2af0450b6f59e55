"""The program builder: from a person's constraints to a dated home program.

:func:`build_program` chooses exercises that fit what a person has and can
do, orders them into a balanced session within a time budget, and moves
each one's dosage from the low end of the source's range toward the high
end, week by week. It never prescribes more than the source gives.
:func:`adapt` moves one exercise along the same steps in answer to how it
felt.

The rules, each documented where it is applied:

- **Eligibility**: every equipment requirement is met by something the
  person has, and at least one of the exercise's positions is not avoided.
- **Choice**: stretch and mobility work first, then strengthening and
  stabilization; the two groups are taken in turn (one of each when both
  fit), each in catalog order, with the ids of ``include`` first. An exercise is added
  while the session's estimated time stays within the budget in every week.
- **Time**: see :class:`Timing`.
- **Progression**: see :func:`ladder` and :func:`build_program`.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import compress, repeat
from typing import Any, ClassVar, Literal, TypeVar

import attrs

from . import _pydantic
from ._gc import collector_paused
from ._i18n import minutes, translations
from ._index import ExerciseIndex, bits_of, positions_of
from .catalog import Catalog, index_of, load_catalog
from .exceptions import (
    InvalidConstraintError,
    NoEligibleExercisesError,
    UnknownExerciseError,
    UnknownVocabularyError,
    short_repr,
)
from .model import (
    Category,
    Dosage,
    Equipment,
    Exercise,
    FieldError,
    Hold,
    HoldUnit,
    Load,
    Period,
    Position,
    ProgressionKind,
    Range,
    Region,
    Requirement,
    _as_tuple,
    _instance,
    _items,
    _OpenVocabulary,
    _slug,
    _text,
    _Vocabulary,
)

__all__ = [
    "DEFAULT_EQUIPMENT",
    "DOSE_CEILING",
    "MIN_SECONDS_PER_REP",
    "SEVERAL_TIMES",
    "Action",
    "Adjustment",
    "DoseCeiling",
    "Feedback",
    "GivenDosage",
    "Omission",
    "OmissionReason",
    "Program",
    "ProgramItem",
    "ProgramRequest",
    "Schedule",
    "Timing",
    "Week",
    "adapt",
    "build_program",
    "climbs_on_condition",
    "ladder",
    "rounds_a_day",
]

#: What a typical home has: used when ``build_program`` is given no equipment.
DEFAULT_EQUIPMENT: tuple[Equipment, ...] = (
    Equipment.DOORWAY,
    Equipment.WALL_CORNER,
    Equipment.WALL,
    Equipment.CHAIR,
    Equipment.PILLOW,
    Equipment.FIRM_SURFACE,
    Equipment.FLOOR_SPACE,
)

_O = TypeVar("_O", bound=_OpenVocabulary)


class OmissionReason(_Vocabulary):
    """Why an exercise is not in a program."""

    EXCLUDED = "excluded"
    MISSING_EQUIPMENT = "missing-equipment"
    AVOIDED_POSITION = "avoided-position"
    OVER_TIME_BUDGET = "over-time-budget"
    #: Its dosage is above :data:`DOSE_CEILING`: a provider should set it.
    ABOVE_DOSE_CEILING = "above-dose-ceiling"
    #: Outside the regions or categories the program was asked to focus on.
    OUT_OF_FOCUS = "out-of-focus"
    #: The catalog does not say what equipment it needs.
    UNKNOWN_EQUIPMENT = "unknown-equipment"
    #: The catalog does not say its position, and the person avoids some.
    UNKNOWN_POSITION = "unknown-position"
    #: The catalog gives no dosage, and the request supplies none.
    NO_DOSAGE = "no-dosage"
    #: Its dosage has the person hold a load (such as soup cans or small
    #: weights), and the person has none of its options.
    MISSING_LOAD = "missing-load"


@attrs.frozen
class Omission:
    """An exercise left out of a program, and why.

    Args:
        exercise: The exercise's id, as in :attr:`ProgramItem.exercise`.
        reason: Which constraint removed it.
        detail: The same in plain words, naming what was missing.
    """

    exercise: str = attrs.field(validator=_slug)
    reason: OmissionReason = attrs.field(validator=_instance(OmissionReason))
    detail: str = attrs.field(validator=_text)


def _non_negative(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(attribute.name, f"expected whole seconds >= 0, got {value!r}")


#: The least time one repetition can take, in seconds: a repetition cannot
#: take no time, or "100 sets of 100" would fit any budget.
MIN_SECONDS_PER_REP: int = 1


def _rep_seconds(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_SECONDS_PER_REP:
        raise FieldError(
            attribute.name, f"expected whole seconds >= {MIN_SECONDS_PER_REP}, got {value!r}"
        )


def _between(low: int, high: int) -> Callable[[object, attrs.Attribute[int], int], None]:
    def check(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise FieldError(
                attribute.name, f"expected a whole number from {low} to {high}, got {value!r}"
            )

    return check


def _duration(_instance: object, attribute: attrs.Attribute[dt.timedelta], value: object) -> None:
    if not isinstance(value, dt.timedelta) or value < dt.timedelta():
        raise FieldError(attribute.name, f"expected a duration >= 0, got {value!r}")


def _optional_date(
    _instance: object, attribute: attrs.Attribute[dt.date | None], value: object
) -> None:
    if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
        raise FieldError(attribute.name, f"expected a date, got {value!r}")


@attrs.frozen
class DoseCeiling:
    """The most the builder gives of one exercise in one session.

    The bundled catalog stays well below it (at most 3 sets of 15 reps and
    30-second holds). A user catalog may hold more (up to 100 of anything),
    but the builder leaves out an exercise whose top dosage is above the
    ceiling, with the reason ``above-dose-ceiling``: a dose that high is
    for a provider to set, not a program builder. This is a safety limit
    of ours, not a fact from the source.

    Args:
        sets: The most sets.
        reps: The most repetitions in one set (on each side, for per-side
            work).
        hold_seconds: The longest hold, in seconds or counts.
    """

    sets: int = 5
    reps: int = 30
    hold_seconds: int = 60

    def allows(self, dosage: Dosage) -> bool:
        """Whether *dosage*, at the top of its ranges, is within the ceiling.

        The frequency counts: the repetitions of a whole day (every time
        it is done, see :func:`rounds_a_day`) may not be more than
        ``sets * reps``, the most one session may hold.
        """
        hold = dosage.hold.duration.high if dosage.hold else 0
        return (
            dosage.sets <= self.sets
            and dosage.reps.high <= self.reps
            and hold <= self.hold_seconds
            and dosage.sets * dosage.reps.high * rounds_a_day(dosage) <= self.sets * self.reps
        )

    def describe(self, *, locale: str | None = None) -> str:
        """Say the ceiling in plain words."""
        t = translations(locale)
        sets = t.ngettext("%(sets)s set of %(reps)s", "%(sets)s sets of %(reps)s", self.sets) % {
            "sets": self.sets,
            "reps": self.reps,
        }
        return t.ngettext(
            "at most %(sets)s a day, with holds of up to %(seconds)s second",
            "at most %(sets)s a day, with holds of up to %(seconds)s seconds",
            self.hold_seconds,
        ) % {"sets": sets, "seconds": self.hold_seconds}


#: How many times a day "several times each day" counts as, for time and
#: the dose ceiling. The source gives no number; "several" is more than two.
SEVERAL_TIMES = 3


def rounds_a_day(dosage: Dosage) -> int:
    """How many times a day the person does *dosage*, at most: 1 without a frequency.

    A frequency each day counts at the top of its range, and "several
    times each day" as :data:`SEVERAL_TIMES`. A frequency each week
    counts as the times it needs on one day if spread over all seven
    (``"10 times each week"``: 2); "several times each week" as 1.
    """
    frequency = dosage.frequency
    if frequency is None:
        return 1
    if frequency.period is Period.DAY:
        return SEVERAL_TIMES if frequency.times is None else frequency.times.high
    return 1 if frequency.times is None else -(-frequency.times.high // 7)


#: The dose ceiling :func:`build_program` applies to every catalog.
DOSE_CEILING = DoseCeiling()


@attrs.frozen
class Timing:
    """How long things take: the defaults behind every time estimate.

    The source gives no times, so these are our defaults; pass your own to
    :func:`build_program` to change them.

    An exercise takes ``setup`` seconds to get into position, then for each
    set ``reps`` repetitions (twice as many for per-side work) of
    ``seconds_per_rep`` plus the hold, with ``rest_between_sets`` between
    sets. Holds are counted exactly; a count is taken as one second.

    Args:
        seconds_per_rep: Moving through one repetition. Default 3.
        rest_between_sets: Rest between two sets. Default 30.
        setup: Getting into position and ready. Default 20.
    """

    #: JSON always writes every field (see ProgramRequest).
    __upperback_write_defaults__: ClassVar[bool] = True

    seconds_per_rep: int = attrs.field(default=3, validator=_rep_seconds)
    rest_between_sets: int = attrs.field(default=30, validator=_non_negative)
    setup: int = attrs.field(default=20, validator=_non_negative)

    def estimate(self, dosage: Dosage) -> dt.timedelta:
        """Return the time *dosage* takes; ranges count at their high end."""
        hold = dosage.hold.duration.high if dosage.hold else 0
        reps = dosage.reps.high * (2 if dosage.per_side else 1)
        seconds = (
            self.setup
            + dosage.sets * reps * (self.seconds_per_rep + hold)
            + (dosage.sets - 1) * self.rest_between_sets
        )
        return dt.timedelta(seconds=seconds)

    def estimate_daily(self, dosage: Dosage) -> dt.timedelta:
        """Return the time *dosage* takes in a day: :meth:`estimate` times :func:`rounds_a_day`."""
        return self.estimate(dosage) * rounds_a_day(dosage)


@attrs.frozen
class GivenDosage:
    """A dosage the caller supplies for an exercise whose catalog gives none.

    Args:
        exercise: The exercise id.
        dosage: How much to do, as a provider set it.
    """

    exercise: str = attrs.field(validator=_slug)
    dosage: Dosage = attrs.field(validator=_instance(Dosage))


@attrs.frozen
class ProgramRequest:
    """The arguments a program was built from, so it can be rebuilt and audited."""

    #: A request is an audit trail: its JSON writes every argument, defaults
    #: included, so a default that changes later cannot change what an old
    #: program says it was built from.
    __upperback_write_defaults__: ClassVar[bool] = True

    equipment: tuple[Equipment, ...] = attrs.field(
        default=DEFAULT_EQUIPMENT, converter=_as_tuple, validator=_items(Equipment)
    )
    avoid_positions: tuple[Position, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Position)
    )
    minutes_per_session: int = attrs.field(default=15, validator=_between(1, 240))
    sessions_per_week: int = attrs.field(default=7, validator=_between(1, 7))
    weeks: int = attrs.field(default=4, validator=_between(1, 52))
    start: dt.date | None = attrs.field(default=None, validator=_optional_date)
    include: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_slug)
    )
    exclude: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_slug)
    )
    timing: Timing = attrs.field(default=Timing(), validator=_instance(Timing))
    #: When given, only exercises working on one of these regions (a focus).
    regions: tuple[Region, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Region)
    )
    #: When given, only exercises of one of these categories (a focus).
    categories: tuple[Category, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Category)
    )
    #: Dosages supplied for exercises whose catalog gives none.
    dosages: tuple[GivenDosage, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(GivenDosage)
    )

    def __attrs_post_init__(self) -> None:
        if self.start is not None and _last_day(self.start, self.weeks) is None:
            raise FieldError(
                "start", f"expected a date whose {self.weeks} weeks end by {dt.date.max}"
            )


@attrs.frozen
class ProgramItem:
    """One exercise in one week: its dosage that week and its estimated time.

    Args:
        exercise: The exercise's id, as everywhere a program names an
            exercise (its JSON holds ids, never whole exercises);
            ``catalog[item.exercise]`` is the exercise, and :func:`adapt`
            takes the id too.
        dosage: Its dosage that week.
        estimated_duration: Its estimated time in one session; in JSON,
            whole seconds.
    """

    exercise: str = attrs.field(validator=_slug)
    dosage: Dosage = attrs.field(validator=_instance(Dosage))
    estimated_duration: dt.timedelta = attrs.field(validator=_duration)


@attrs.frozen
class Week:
    """One week of a program.

    Args:
        number: 1 for the first week.
        items: The session, in the order to do it.
        estimated_session_duration: The time one session takes.
        start: The first day, when the program has a start date.
        end: The last day, when the program has a start date.
    """

    number: int = attrs.field(validator=_between(1, 52))
    items: tuple[ProgramItem, ...] = attrs.field(converter=_as_tuple, validator=_items(ProgramItem))
    estimated_session_duration: dt.timedelta = attrs.field(validator=_duration)
    start: dt.date | None = attrs.field(default=None, validator=_optional_date)
    end: dt.date | None = attrs.field(default=None, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise FieldError("end", "expected a start and an end date, or neither")
        if self.start is not None and self.end != self.start + dt.timedelta(days=6):
            raise FieldError("end", f"expected the 7th day from the start, got {self.end}")

    @property
    def estimated_daily_duration(self) -> dt.timedelta:
        """How long a session day takes, with every round that day.

        An exercise done more than once a day (see :func:`rounds_a_day`)
        counts each time; :attr:`estimated_session_duration` counts it once.
        """
        return sum(
            (item.estimated_duration * rounds_a_day(item.dosage) for item in self.items),
            dt.timedelta(),
        )


@attrs.frozen
class Schedule:
    """How often to do the session, and what to do more often.

    Args:
        sessions_per_week: Sessions each week.
        weeks: How many weeks.
        more_often: Ids of exercises whose source frequency is higher than
            one session a day, such as "several times each day"; their
            dosage carries that frequency.
    """

    sessions_per_week: int = attrs.field(validator=_between(1, 7))
    weeks: int = attrs.field(validator=_between(1, 52))
    more_often: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_slug)
    )

    def describe(self, *, locale: str | None = None) -> str:
        """Say the schedule in plain words, in *locale* (default: English)."""
        return translations(locale).gettext("Do the session %(how_often)s for %(weeks)s.") % {
            "how_often": how_often(self.sessions_per_week, locale),
            "weeks": weeks_phrase(self.weeks, locale),
        }


def how_often(sessions_per_week: int, locale: str | None = None) -> str:
    """``"every day"`` or ``"3 days a week"``."""
    t = translations(locale)
    if sessions_per_week == 7:
        return t.gettext("every day")
    return t.ngettext("%(count)s day a week", "%(count)s days a week", sessions_per_week) % {
        "count": sessions_per_week
    }


def weeks_phrase(weeks: int, locale: str | None = None) -> str:
    """``"1 week"`` or ``"4 weeks"``."""
    return translations(locale).ngettext("%(count)s week", "%(count)s weeks", weeks) % {
        "count": weeks
    }


@attrs.frozen
class Program:
    """A home-exercise program: weeks of sessions, built from a request.

    Args:
        request: The arguments it was built from.
        data_version: The version of the catalog data it was built from.
        schedule: How often to do the session.
        weeks: The weeks, in order.
        omitted: Every exercise of the catalog that is not in the program,
            with the reason.
    """

    request: ProgramRequest = attrs.field(validator=_instance(ProgramRequest))
    data_version: str = attrs.field(validator=_text)
    schedule: Schedule = attrs.field(validator=_instance(Schedule))
    weeks: tuple[Week, ...] = attrs.field(converter=_as_tuple, validator=_items(Week))
    omitted: tuple[Omission, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Omission)
    )

    def __attrs_post_init__(self) -> None:
        """Hold a loaded program to the rules :func:`build_program` follows."""
        request, schedule = self.request, self.schedule
        if schedule.sessions_per_week != request.sessions_per_week:
            raise FieldError(
                "schedule.sessions_per_week",
                f"expected {request.sessions_per_week}, as in the request, "
                f"got {schedule.sessions_per_week}",
            )
        if schedule.weeks != request.weeks:
            raise FieldError(
                "schedule.weeks",
                f"expected {request.weeks}, as in the request, got {schedule.weeks}",
            )
        if len(self.weeks) != request.weeks:
            raise FieldError(
                "weeks", f"expected {request.weeks} weeks, as in the request, got {len(self.weeks)}"
            )
        first = tuple(item.exercise for item in self.weeks[0].items) if self.weeks else ()
        for index, week in enumerate(self.weeks):
            if week.number != index + 1:
                raise FieldError(
                    f"weeks[{index}].number", f"expected {index + 1}, got {week.number}"
                )
            expected = None if request.start is None else request.start + dt.timedelta(weeks=index)
            if week.start != expected:
                raise FieldError(
                    f"weeks[{index}].start", f"expected {expected}, from the request's start"
                )
            if tuple(item.exercise for item in week.items) != first:
                raise FieldError(
                    f"weeks[{index}].items", "expected the same exercises as week 1, in order"
                )
            for number, item in enumerate(week.items):
                load = item.dosage.load
                if load is not None and set(load.options).isdisjoint(request.equipment):
                    raise FieldError(
                        f"weeks[{index}].items[{number}].dosage.load",
                        "expected a load the request's equipment has, got "
                        + ", ".join(o.value for o in load.options),
                    )

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """The ids of the chosen exercises, in session order."""
        return tuple(item.exercise for item in self.weeks[0].items) if self.weeks else ()


class Feedback(_Vocabulary):
    """How an exercise felt."""

    TOO_EASY = "too-easy"
    JUST_RIGHT = "just-right"
    TOO_HARD = "too-hard"
    PAINFUL = "painful"


class Action(_Vocabulary):
    """What :func:`adapt` says to do next."""

    PROGRESS = "progress"
    KEEP = "keep"
    REGRESS = "regress"
    STOP = "stop"


@attrs.frozen
class Adjustment:
    """The answer of :func:`adapt`.

    Args:
        action: What to do.
        dosage: The dosage to do next, or ``None`` when the action is stop.
        message: The same in plain words, for the person.
    """

    action: Action
    dosage: Dosage | None
    message: str


# -- progression steps -------------------------------------------------------

#: How far a hold in seconds moves in one step of :func:`ladder`.
HOLD_STEP_SECONDS = 5


def _values(span: Range, step: int) -> list[int]:
    """The values from ``span.low`` to ``span.high`` in steps of *step*, ends included."""
    values = list(range(span.low, span.high, step))
    return [*values, span.high]


def ladder(
    exercise: Exercise, *, equipment: Iterable[Equipment] | None = None
) -> tuple[Dosage, ...]:
    """Return the exact dosages an exercise moves through, easiest first.

    Built from the source's dosage alone: reps move one at a time from the
    low end of their range to the high end, holds in seconds move
    ``HOLD_STEP_SECONDS`` at a time (a counted hold one count at a
    time), both together. Where the exercise has an ``add-load``
    progression, the last step is the top dosage with that load. Nothing
    on the ladder goes past the source: sets never change, and reps and
    holds stay inside their ranges.

    Args:
        exercise: The exercise.
        equipment: What the person has. With it, the loaded step is there
            only when one of the load's options is in *equipment*: a load
            is never offered to someone who does not have it. Default:
            every step, as the catalog gives them.

    Raises:
        InvalidConstraintError: The exercise has no dosage (its catalog
            does not give one).

    .. versionchanged:: 0.2.0 the *equipment* argument.
    """
    have = None if equipment is None else frozenset(equipment)
    dosage = _dosage_of(exercise)
    reps = _values(dosage.reps, 1)
    holds: list[int] = []
    if dosage.hold is not None:
        step = HOLD_STEP_SECONDS if dosage.hold.unit is HoldUnit.SECONDS else 1
        holds = _values(dosage.hold.duration, step)
    levels = max(len(reps), len(holds), 1)
    steps = []
    for level in range(levels):
        hold = None
        if dosage.hold is not None:
            hold = Hold(Range.exact(_pick(holds, level, levels)), dosage.hold.unit)
        steps.append(attrs.evolve(dosage, reps=Range.exact(_pick(reps, level, levels)), hold=hold))
    load = _added_load(exercise)
    if (
        load is not None
        and load != dosage.load  # the dosage holds it already: no step to add
        and (have is None or not have.isdisjoint(load.options))
    ):
        steps.append(attrs.evolve(steps[-1], load=load))
    return tuple(steps)


def _added_load(exercise: Exercise) -> Load | None:
    """The load of the exercise's first ``add-load`` progression, if it has one."""
    for progression in exercise.progressions:
        if progression.kind is ProgressionKind.ADD_LOAD:
            return progression.load
    return None


def climbs_on_condition(exercise: Exercise) -> bool:
    """Whether the catalog makes the climb through the dosage's range conditional.

    A ``more-reps`` or ``longer-hold`` progression says to move up the
    range *when* something happens (its ``when``), not week by week. The
    ladder moves reps and holds together, so either one makes the whole
    climb conditional: the builder then keeps every week at the easiest
    step, and :func:`adapt` moves up on ``too-easy``.
    """
    return any(
        p.kind in (ProgressionKind.MORE_REPS, ProgressionKind.LONGER_HOLD)
        for p in exercise.progressions
    )


def _pick(values: Sequence[int], level: int, levels: int) -> int:
    """The value for *level* of *levels*, spreading *values* evenly from first to last."""
    if levels == 1:
        return values[0]
    return values[round(level * (len(values) - 1) / (levels - 1))]


# -- building ------------------------------------------------------------


def _parse_all(
    kind: type[_O], values: Iterable[str | _O] | None, catalog: Catalog, field: str
) -> tuple[_O, ...]:
    """Terms of *kind*, built in or declared by *catalog*, each once.

    An unknown one raises with *field* and its index as where it is, in the
    catalog's language.
    """
    if values is None:
        return ()
    try:
        return catalog._terms(kind, values, field)  # noqa: SLF001 - the filter's own reading
    except UnknownVocabularyError as err:
        err._locale = catalog.locale  # noqa: SLF001 - the language in use
        raise


def _convert_unstructure(obj: object) -> object:
    from ._convert import unstructure  # noqa: PLC0415 - cattrs loads only when used

    return unstructure(obj)


def _check_dosages(
    dosages: Mapping[str, Dosage] | None, catalog: Catalog
) -> tuple[GivenDosage, ...]:
    if not dosages:
        return ()
    if not isinstance(dosages, Mapping):
        raise InvalidConstraintError(
            "dosages",
            f"expected a mapping of exercise ids to dosages, got {type(dosages).__name__}",
            code="wrong_type",
        )
    checked = []
    for exercise_id, dosage in dosages.items():
        try:
            exercise = catalog[exercise_id]
        except UnknownExerciseError as err:
            raise InvalidConstraintError(
                "dosages", str(err), code="unknown_exercise", input=exercise_id
            ) from None
        if exercise.dosage is not None:
            raise InvalidConstraintError(
                "dosages",
                f"exercise {exercise_id!r} has its own dosage in its catalog; "
                "a dosage is supplied only where the catalog gives none",
                input=exercise_id,
            )
        if not isinstance(dosage, Dosage):
            raise InvalidConstraintError(
                "dosages",
                f"expected a Dosage for {exercise_id!r}, got {type(dosage).__name__}",
                code="wrong_type",
                input=exercise_id,
            )
        checked.append(GivenDosage(exercise_id, dosage))
    order = {exercise_id: i for i, exercise_id in enumerate(catalog.ids)}
    return tuple(sorted(checked, key=lambda g: order[g.exercise]))


def _known(equipment: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
    if Equipment.UNKNOWN in equipment:
        raise InvalidConstraintError(
            "equipment",
            "'unknown' is not something a person has; name what they have",
            input="unknown",
        )
    return equipment


def _check_count(name: str, value: object, low: int, high: int, locale: str | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidConstraintError(
            name,
            f"expected a whole number from {low} to {high}, got {short_repr(value)}",
            code="out_of_range",
            input=value,
            low=low,
            high=high,
            locale=locale,
        )
    return value


def _check_ids(name: str, ids: Iterable[str] | None, catalog: Catalog) -> tuple[str, ...]:
    if ids is None:
        return ()
    if isinstance(ids, str):
        ids = [ids]
    checked = tuple(dict.fromkeys(ids))
    for exercise_id in checked:
        try:
            catalog[exercise_id]
        except UnknownExerciseError as err:  # the catalog already suggests close ids
            raise InvalidConstraintError(
                name, str(err), code="unknown_exercise", input=exercise_id
            ) from None
    return checked


def build_program(  # noqa: PLR0913 - keyword arguments mirror the request
    *,
    equipment: Iterable[str | Equipment] | None = None,
    avoid_positions: Iterable[str | Position] | None = None,
    minutes_per_session: int = 15,
    sessions_per_week: int = 7,
    weeks: int = 4,
    start: dt.date | None = None,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    timing: Timing | None = None,
    catalog: Catalog | None = None,
    regions: Iterable[str | Region] | None = None,
    categories: Iterable[str | Category] | None = None,
    dosages: Mapping[str, Dosage] | None = None,
) -> Program:
    """Build a home-exercise program for one person.

    Args:
        equipment: What the person has, as :class:`Equipment` members or
            slugs. Default: :data:`DEFAULT_EQUIPMENT`, a typical home.
        avoid_positions: Positions the person cannot or should not take.
        minutes_per_session: The time budget of one session.
        sessions_per_week: Sessions each week, 1 to 7. The source does not
            say how often to exercise, so the default is once a day.
        weeks: How many weeks, 1 to 52.
        start: The first day; with it, every week has dates.
        include: Ids to choose first, when they fit.
        exclude: Ids never to choose.
        timing: The defaults behind time estimates (see :class:`Timing`).
        catalog: Where to choose from. Default: the bundled catalog.
        regions: A focus for big catalogs: choose only exercises that work
            on at least one of these regions. Default: any region.
        categories: A focus: choose only exercises of these categories.
            Default: any category.
        dosages: Dosages a provider set for exercises whose catalog gives
            none, by exercise id. Without one, such an exercise is never
            chosen: the builder does not invent how much to do.

    Terms (equipment, positions, regions, categories) may be built-in ones
    or the catalog's own, as members or slugs.

    Returns:
        A :class:`Program`. Each week, every chosen exercise's reps and
        hold move evenly along its :func:`ladder` from the easiest step in
        week 1 to the top of the source's range in the last week. A load
        (for the mid-trap exercise: soup cans or small weights) is added
        only in a week after one spent at the top of the range without it.

    Raises:
        InvalidConstraintError: An argument makes no sense (0 weeks,
            negative minutes, an unknown id).
        UnknownVocabularyError: A term is neither built in nor declared by
            the catalog.
        NoEligibleExercisesError: No exercise fits; the error says which
            constraint removed each one.
    """
    catalog = catalog if catalog is not None else load_catalog()
    request = ProgramRequest(
        equipment=DEFAULT_EQUIPMENT
        if equipment is None
        else _known(_parse_all(Equipment, equipment, catalog, "equipment")),
        avoid_positions=_parse_all(Position, avoid_positions, catalog, "avoid_positions"),
        minutes_per_session=_check_count(
            "minutes_per_session", minutes_per_session, 1, 240, catalog.locale
        ),
        sessions_per_week=_check_count(
            "sessions_per_week", sessions_per_week, 1, 7, catalog.locale
        ),
        weeks=_check_count("weeks", weeks, 1, 52, catalog.locale),
        start=_check_start(start, weeks),
        include=_check_ids("include", include, catalog),
        exclude=_check_ids("exclude", exclude, catalog),
        timing=_check_timing(timing),
        regions=_parse_all(Region, regions, catalog, "regions"),
        categories=_parse_all(Category, categories, catalog, "categories"),
        dosages=_check_dosages(dosages, catalog),
    )
    with collector_paused():  # thousands of omissions, no cycles
        return _build(request, catalog)


def _check_start(start: object, weeks: int) -> dt.date | None:
    if start is None:
        return None
    if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
        raise InvalidConstraintError(
            "start", f"expected a date, got {short_repr(start)}", code="wrong_type", input=start
        )
    if _last_day(start, weeks) is None:
        raise InvalidConstraintError(
            "start",
            f"{weeks} weeks from {start} would end after {dt.date.max}, the last date there is",
            code="out_of_range",
            input=start.isoformat(),
        )
    return start


def _last_day(start: dt.date, weeks: int) -> dt.date | None:
    """The last day of *weeks* weeks from *start*, or ``None`` past the calendar's end."""
    try:
        return start + dt.timedelta(weeks=weeks, days=-1)
    except OverflowError:
        return None


def _check_timing(timing: object) -> Timing:
    if timing is None:
        return Timing()
    if not isinstance(timing, Timing):
        raise InvalidConstraintError(
            "timing", f"expected a Timing, got {type(timing).__name__}", code="wrong_type"
        )
    return timing


class _Omitted:
    """The omissions of one build, made in bulk at the end (see :func:`_omission`)."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = ids
        self.positions: list[int] = []
        self.reasons: list[OmissionReason] = []
        self.details: list[str] = []

    def add(self, position: int, reason: OmissionReason, detail: str) -> None:
        self.positions.append(position)
        self.reasons.append(reason)
        self.details.append(detail)

    def in_catalog_order(self) -> tuple[Omission, ...]:
        made = list(map(_new_omission, repeat(Omission, len(self.positions))))
        ids = map(self.ids.__getitem__, self.positions)
        deque(map(_set_exercise, made, ids), maxlen=0)
        deque(map(_set_reason, made, self.reasons), maxlen=0)
        deque(map(_set_detail, made, self.details), maxlen=0)
        slots: list[Omission | None] = [None] * len(self.ids)
        deque(map(slots.__setitem__, self.positions, made), maxlen=0)
        return tuple(compress(slots, slots))  # type: ignore[arg-type]


def _eligible(request: ProgramRequest, catalog: Catalog, plan: _PlanData, omitted: _Omitted) -> int:
    """Who fits, as a bit set; adds why not for the others to *omitted*."""
    exercises = catalog.exercises
    index = index_of(catalog)
    excluded = [index.position_of[i] for i in request.exclude if i in index.position_of]
    eligible = index.matching(equipment=request.equipment, avoided=request.avoid_positions)
    without_load = plan.without_load(request.equipment) if plan.loads else 0
    eligible &= plan.dose_ok & ~without_load & ~bits_of(excluded, index.size)
    if request.categories:
        eligible &= _union(index.by_category.get(c, 0) for c in request.categories)
    if request.regions:
        eligible &= _union(index.by_region.get(r, 0) for r in request.regions)
    # Only the others are asked why not, rule by rule in _reason's order, and
    # the exercises that one rule leaves out for the same data share an answer.
    avoided = set(request.avoid_positions)
    met = [r.is_met_by(request.equipment) for r in plan.requirement_list]
    missing = _Keyed(plan.requirements, _MissingOf(met))
    rules: list[tuple[int, Sequence[Hashable] | None]] = [
        (index.needs_unknown, None),
        (index.by_position.get(Position.UNKNOWN, 0) if avoided else 0, None),
        (~index.doable_with(set(request.equipment)), missing),
        (index.only_in(avoided) if avoided else 0, plan.position_kinds),
        (~plan.dose_ok, range(index.size)),
        (without_load, range(index.size)),
    ]
    if request.categories:
        focus = _union(index.by_category.get(c, 0) for c in request.categories)
        rules.append((~focus, plan.categories))
    if request.regions:
        worked = _union(index.by_region.get(r, 0) for r in request.regions)
        rules.append((~worked, plan.region_kinds))
    for position in excluded:
        omitted.add(position, OmissionReason.EXCLUDED, _excluded(None))
    left = index.all & ~eligible & ~bits_of(excluded, index.size)
    add_position, add_reason = omitted.positions.append, omitted.reasons.append
    add_detail = omitted.details.append
    for bits, kinds in (*rules, (left, range(index.size))):
        answers: dict[object, tuple[OmissionReason, str] | None] = {}
        for position in positions_of(left & bits):
            kind = None if kinds is None else kinds[position]
            answer = answers.get(kind, _UNKNOWN)
            if answer is _UNKNOWN:
                found = _reason(exercises[position], request)
                answer = answers[kind] = None if found is None else (found.reason, found.detail)
            if answer is None:
                eligible |= 1 << position  # no rule leaves it out after all
            else:
                add_position(position)
                add_reason(answer[0])
                add_detail(answer[1])
        left &= ~bits
    return eligible


def _choose(
    request: ProgramRequest, catalog: Catalog, plan: _PlanData, eligible: int, omitted: _Omitted
) -> list[Exercise]:
    """Choose on whole seconds; add the others to *omitted*, as over the time budget.

    Ladders and Dosage objects are made only for the few exercises chosen
    (see _weekly_seconds).
    """
    exercises = catalog.exercises
    budget = request.minutes_per_session * 60
    timing = request.timing
    setup, rest, per_rep = timing.setup, timing.rest_between_sets, timing.seconds_per_rep
    firsts, lasts = plan.seconds(setup, rest, per_rep, one_week=request.weeks == 1)
    worst = [0] * request.weeks
    chosen: list[Exercise] = []
    left_out: list[int] = []
    for position in _choice_order(catalog, plan, eligible, request):
        # Weeks never get easier: the first week is the shortest and the last
        # the longest, so most exercises are turned down on those two alone.
        if worst[0] + firsts[position] <= budget and worst[-1] + lasts[position] <= budget:
            exercise = exercises[position]
            times = _weekly_seconds(exercise, request.weeks, timing)
            if all(w + t <= budget for w, t in zip(worst, times, strict=True)):
                chosen.append(exercise)
                worst = [w + t for w, t in zip(worst, times, strict=True)]
                continue
        left_out.append(position)
    details: dict[int, str] = {}
    for seconds in {lasts[p] for p in left_out}:
        details[seconds] = _over_budget(seconds, request, None)
    omitted.positions.extend(left_out)
    omitted.reasons.extend(repeat(OmissionReason.OVER_TIME_BUDGET, len(left_out)))
    omitted.details.extend(map(details.__getitem__, map(lasts.__getitem__, left_out)))
    return chosen


def _build(request: ProgramRequest, catalog: Catalog) -> Program:
    if request.dosages:
        # Rare: a provider gave dosages the catalog lacks. Build from a copy
        # of the catalog with them filled in; the program names ids only.
        given = _Given({g.exercise: g.dosage for g in request.dosages})
        catalog = attrs.evolve(catalog, exercises=tuple(map(given.dose, catalog.exercises)))
    plan = _PlanData.of(index_of(catalog), catalog.exercises)
    omitted = _Omitted(index_of(catalog).ids)
    eligible = _eligible(request, catalog, plan, omitted)
    chosen = _choose(request, catalog, plan, eligible, omitted)
    in_order = omitted.in_catalog_order()
    if not chosen:

        def explain(omission: Omission, locale: str | None) -> str:
            return _explain(omission, request, catalog, locale)

        raise NoEligibleExercisesError(list(in_order), explain=explain, locale=catalog.locale)
    plans = {e.id: _weekly_dosages(e, request.weeks) for e in chosen}

    position_of = index_of(catalog).position_of
    session = sorted(chosen, key=lambda e: (not e.category.warm_up, position_of[e.id]))
    weeks = []
    for index in range(request.weeks):
        items = tuple(
            ProgramItem(e.id, plans[e.id][index], request.timing.estimate(plans[e.id][index]))
            for e in session
        )
        start = end = None
        if request.start is not None:
            start = request.start + dt.timedelta(weeks=index)
            end = start + dt.timedelta(days=6)
        total = sum((item.estimated_duration for item in items), dt.timedelta())
        weeks.append(Week(index + 1, items, total, start, end))

    more_often = tuple(e.id for e in session if _more_than_daily(_dosage_of(e)))
    return Program(
        request=request,
        data_version=catalog.data_version,
        schedule=Schedule(request.sessions_per_week, request.weeks, more_often),
        weeks=tuple(weeks),
        omitted=in_order,
    )


# Omissions are made without their validators: the id is a catalog's
# (checked when it loaded), the reason a member and the detail made here
# from checked text. Thousands are made per program, and checking them
# again would cost more than choosing (tests compare them with checked ones).
_new_omission = object.__new__
_set_exercise = Omission.exercise.__set__  # type: ignore[attr-defined]
_set_reason = Omission.reason.__set__  # type: ignore[attr-defined]
_set_detail = Omission.detail.__set__  # type: ignore[attr-defined]


_UNKNOWN: Any = object()


class _MissingOf(dict[tuple[int, ...], tuple[int, ...]]):
    """For each tuple of requirement numbers, those not met (worked out once each)."""

    def __init__(self, met: list[bool]) -> None:
        super().__init__()
        self.met = met

    def __missing__(self, needs: tuple[int, ...]) -> tuple[int, ...]:
        value = self[needs] = tuple(r for r in needs if not self.met[r])
        return value


class _Keyed(Sequence[Hashable]):
    """``mapping[keys[position]]``, read only for the positions asked."""

    def __init__(self, keys: Sequence[tuple[int, ...]], mapping: _MissingOf) -> None:
        self.keys = keys
        self.mapping = mapping

    def __getitem__(self, position: int) -> Hashable:  # type: ignore[override]
        return self.mapping[self.keys[position]]

    def __len__(self) -> int:
        return len(self.keys)


def _union(groups: Iterable[int]) -> int:
    found = 0
    for bits in groups:
        found |= bits
    return found


#: How many timings _PlanData.seconds keeps.
_TIMINGS_KEPT = 4


@attrs.frozen
class _PlanData:
    """What the builder reads of every exercise, in catalog order, kept per catalog."""

    #: Exercises with equal equipment, positions or regions share a number
    #: here, so that why a rule leaves one out says why it leaves out all.
    #: The catalog's distinct requirements, and each exercise's, as numbers.
    requirement_list: list[Requirement]
    requirements: list[tuple[int, ...]]
    position_kinds: list[int]
    region_kinds: list[int]
    categories: list[Category]
    #: Exercises within the dose ceiling.
    dose_ok: int
    #: Warm-up exercises.
    warm: int
    #: Per exercise, for whole seconds: sets - 1; then, for the first and the
    #: last step, repetitions (both sides, all sets) and those times the hold.
    sets: list[int]
    low: list[int]
    low_hold: list[int]
    high: list[int]
    high_hold: list[int]
    #: Per exercise, the times a day it is done (rounds_a_day).
    rounds: list[int]
    #: Per load a dosage carries (as a requirement), the exercises whose dosage carries it.
    loads: dict[Requirement, int]
    #: seconds(), for the last few timings: never changed once made.
    by_timing: dict[tuple[int, int, int, bool], tuple[list[int], list[int]]] = attrs.field(
        factory=dict, eq=False
    )

    def seconds(
        self, setup: int, rest: int, per_rep: int, *, one_week: bool
    ) -> tuple[list[int], list[int]]:
        """The first and the last week of every exercise, in whole seconds, for one timing.

        Kept for the last few timings (programs are mostly built with one).
        """
        key = (setup, rest, per_rep, one_week)
        found = self.by_timing.get(key)
        if found is None:
            firsts = [
                setup + s * rest + low * per_rep + hold
                for s, low, hold in zip(self.sets, self.low, self.low_hold, strict=True)
            ]
            lasts = (
                firsts
                if one_week
                else [
                    setup + s * rest + high * per_rep + hold
                    for s, high, hold in zip(self.sets, self.high, self.high_hold, strict=True)
                ]
            )
            if any(r != 1 for r in self.rounds):
                firsts = [r * f for r, f in zip(self.rounds, firsts, strict=True)]
                lasts = (
                    firsts if one_week else [r * x for r, x in zip(self.rounds, lasts, strict=True)]
                )
            found = (firsts, lasts)
            if len(self.by_timing) >= _TIMINGS_KEPT:
                self.by_timing.clear()
            self.by_timing[key] = found
        return found

    @classmethod
    def of(cls, index: ExerciseIndex, exercises: Sequence[Exercise]) -> _PlanData:
        """The data of *exercises*, built once per catalog (a race builds an equal one)."""
        data = index.memo.get("program")
        if not isinstance(data, _PlanData):
            data = index.memo["program"] = cls.build(exercises)
        return data

    @classmethod
    def build(cls, exercises: Sequence[Exercise]) -> _PlanData:
        """Read *exercises*."""
        dose_ok = []
        sets, low, low_hold, high, high_hold, rounds = [], [], [], [], [], []
        loads: dict[Requirement, list[int]] = {}
        for position, exercise in enumerate(exercises):
            dosage = exercise.dosage
            if dosage is None:  # never chosen: no times to know
                dosage = _NO_TIME
            elif DOSE_CEILING.allows(dosage):
                dose_ok.append(position)
            if dosage.load is not None:
                loads.setdefault(Requirement(dosage.load.options), []).append(position)
            reps = dosage.sets * (2 if dosage.per_side else 1)
            hold = dosage.hold.duration if dosage.hold is not None else None
            sets.append(dosage.sets - 1)
            rounds.append(rounds_a_day(dosage))
            low.append(reps * dosage.reps.low)
            low_hold.append(reps * dosage.reps.low * (hold.low if hold else 0))
            if exercise.progressions and climbs_on_condition(exercise):
                high.append(low[-1])
                high_hold.append(low_hold[-1])
                continue
            high.append(reps * dosage.reps.high)
            high_hold.append(reps * dosage.reps.high * (hold.high if hold else 0))
        requirements: dict[Requirement, int] = {}
        needs = [
            tuple(requirements.setdefault(r, len(requirements)) for r in e.equipment)
            for e in exercises
        ]
        size = len(exercises)
        return cls(
            requirement_list=list(requirements),
            requirements=needs,
            position_kinds=_kinds(e.positions for e in exercises),
            region_kinds=_kinds(e.regions for e in exercises),
            categories=[e.category for e in exercises],
            dose_ok=bits_of(dose_ok, size),
            warm=bits_of((i for i, e in enumerate(exercises) if e.category.warm_up), size),
            sets=sets,
            low=low,
            low_hold=low_hold,
            high=high,
            high_hold=high_hold,
            rounds=rounds,
            loads={r: bits_of(p, size) for r, p in loads.items()},
        )

    def without_load(self, equipment: Iterable[Equipment]) -> int:
        """The exercises whose dosage carries a load none of whose options is in *equipment*."""
        return _union(bits for r, bits in self.loads.items() if not r.is_met_by(equipment))


#: Stands in for a missing dosage in _PlanData's sums; never chosen (not dose_ok).
_NO_TIME = Dosage(Range.exact(1))


def _kinds(values: Iterable[Hashable]) -> list[int]:
    """Number *values*, equal ones alike."""
    seen: dict[Hashable, int] = {}
    return [seen.setdefault(value, len(seen)) for value in values]


def _choice_order(
    catalog: Catalog, plan: _PlanData, eligible: int, request: ProgramRequest
) -> list[int]:
    """:func:`_in_choice_order`, on positions and bit sets."""
    index = index_of(catalog)
    exercises = catalog.exercises
    include = bits_of(
        (index.position_of[i] for i in request.include if i in index.position_of), index.size
    )
    first = positions_of(eligible & include)
    rest = eligible & ~include
    start, warm_bits = index.start_now, plan.warm
    if request.regions:
        # Fewer, and a sort on regions matched: the plain rule (none is included).
        ranked = _in_choice_order([exercises[i] for i in positions_of(rest)], request)
        return first + [index.position_of[e.id] for e in ranked]
    warm = positions_of(rest & start & warm_bits) + positions_of(rest & ~start & warm_bits)
    strong = positions_of(rest & start & ~warm_bits) + positions_of(rest & ~start & ~warm_bits)
    shorter = min(len(warm), len(strong))
    mixed = [0] * (2 * shorter)
    mixed[0::2] = warm[:shorter]
    mixed[1::2] = strong[:shorter]
    return first + mixed + warm[shorter:] + strong[shorter:]


def _more_than_daily(dosage: Dosage) -> bool:
    """Whether the source asks for more than one session a day, as "several times each day"."""
    frequency = dosage.frequency
    if frequency is None or frequency.period is not Period.DAY:
        return False
    return frequency.times is None or frequency.times.high > 1


def _over_budget(seconds: float, request: ProgramRequest, locale: str | None) -> str:
    return translations(locale).gettext(
        "it takes about %(minutes)s and does not fit in %(budget)s with the others"
    ) % {
        "minutes": _minutes_of(seconds, locale),
        "budget": _minutes_of(request.minutes_per_session * 60, locale),
    }


def explain_omission(
    omission: Omission, program: Program, catalog: Catalog, locale: str | None = None
) -> str:
    """Say why *omission* happened, in *locale*: its :attr:`~Omission.detail`, translated.

    A program's JSON keeps the English detail; this rebuilds the same reason
    from the exercise and the request, in another language. *catalog* is
    where the exercise is, localized or not.
    """
    return _explain(omission, program.request, catalog, locale)


def _explain(
    omission: Omission, request: ProgramRequest, catalog: Catalog, locale: str | None
) -> str:
    if omission.exercise not in catalog:
        return omission.detail
    exercise = _Given({g.exercise: g.dosage for g in request.dosages}).dose(
        catalog[omission.exercise]
    )
    if omission.reason is OmissionReason.OVER_TIME_BUDGET:
        _first, last = _first_and_last_seconds(exercise, request.weeks, request.timing)
        return _over_budget(last, request, locale)
    again = _ineligible(exercise, request, locale)
    return omission.detail if again is None else again.detail


def _ineligible(
    exercise: Exercise, request: ProgramRequest, locale: str | None = None
) -> Omission | None:
    if exercise.id in request.exclude:
        return Omission(exercise.id, OmissionReason.EXCLUDED, _excluded(locale))
    return _reason(exercise, request, locale)


def _excluded(locale: str | None) -> str:
    return translations(locale).gettext("it was excluded")


def _reason(  # noqa: PLR0911 - one return a reason
    exercise: Exercise, request: ProgramRequest, locale: str | None = None
) -> Omission | None:
    """Why *exercise* is left out, other than being excluded by id (or ``None``)."""
    t = translations(locale)
    if Equipment.UNKNOWN in exercise.needs:
        return Omission(
            exercise.id,
            OmissionReason.UNKNOWN_EQUIPMENT,
            t.gettext("its catalog does not say what equipment it needs"),
        )
    if request.avoid_positions and Position.UNKNOWN in exercise.positions:
        return Omission(
            exercise.id,
            OmissionReason.UNKNOWN_POSITION,
            t.gettext("its catalog does not say its position, and some positions are avoided"),
        )
    missing = [r for r in exercise.equipment if not r.is_met_by(request.equipment)]
    if missing:
        needs = t.gettext(", and ").join(r.describe(locale=locale) for r in missing)
        return Omission(
            exercise.id,
            OmissionReason.MISSING_EQUIPMENT,
            t.gettext("it needs %(needs)s") % {"needs": needs},
        )
    if set(exercise.positions) <= set(request.avoid_positions):
        words = [
            p.value if locale is None else p.describe(locale=locale) for p in exercise.positions
        ]
        return Omission(
            exercise.id,
            OmissionReason.AVOIDED_POSITION,
            t.gettext("it is done %(where)s, which is avoided")
            % {"where": t.gettext(" or ").join(words)},
        )
    if exercise.dosage is None:
        return Omission(
            exercise.id,
            OmissionReason.NO_DOSAGE,
            t.gettext("its catalog does not say how much to do; ask your provider"),
        )
    if not DOSE_CEILING.allows(exercise.dosage):
        return Omission(
            exercise.id,
            OmissionReason.ABOVE_DOSE_CEILING,
            t.gettext(
                "its dosage (%(dosage)s) is more than this builder gives (%(ceiling)s); "
                "ask your provider"
            )
            % {
                "dosage": exercise.dosage.describe(locale=locale),
                "ceiling": DOSE_CEILING.describe(locale=locale),
            },
        )
    load = exercise.dosage.load
    if load is not None and not Requirement(load.options).is_met_by(request.equipment):
        return Omission(
            exercise.id,
            OmissionReason.MISSING_LOAD,
            t.gettext("it is done with %(load)s in your hands")
            % {"load": load.describe(locale=locale)},
        )
    if request.categories and exercise.category not in request.categories:
        category = (
            exercise.category.value if locale is None else exercise.category.describe(locale=locale)
        )
        return Omission(
            exercise.id,
            OmissionReason.OUT_OF_FOCUS,
            t.gettext("it is %(category)s work, outside the focus") % {"category": category},
        )
    if request.regions and set(exercise.regions).isdisjoint(request.regions):
        worked = ", ".join(
            r.value if locale is None else r.describe(locale=locale) for r in exercise.regions
        ) or t.gettext("no region it names")
        return Omission(
            exercise.id,
            OmissionReason.OUT_OF_FOCUS,
            t.gettext("it works on %(regions)s, outside the focus") % {"regions": worked},
        )
    return None


def _in_choice_order(eligible: Sequence[Exercise], request: ProgramRequest) -> list[Exercise]:
    """Included ids first; then warm-up and main work taken in turn.

    Within each group the rule is, in order: what the source says may be
    started now; then the most of the asked regions worked on (when a
    focus on regions was given); then catalog order. Names and ids never
    decide, so the choice does not depend on alphabetical order.
    """
    position = {e.id: i for i, e in enumerate(eligible)}
    asked = set(request.regions)

    def preference(exercise: Exercise) -> tuple[bool, int, int]:
        matched = len(asked.intersection(exercise.regions))
        return (not exercise.can_start_now, -matched, position[exercise.id])

    first = [e for e in eligible if e.id in request.include]
    rest = sorted((e for e in eligible if e.id not in request.include), key=preference)
    warm = [e for e in rest if e.category.warm_up]
    strong = [e for e in rest if not e.category.warm_up]
    order = list(first)
    for pair in zip(warm, strong, strict=False):
        order.extend(pair)
    shorter = min(len(warm), len(strong))
    order.extend(warm[shorter:])
    order.extend(strong[shorter:])
    return order


def _weekly_dosages(exercise: Exercise, weeks: int) -> list[Dosage]:
    """The dosage of each week: the calendar applies no progression.

    The steps of the source's range are spread over the weeks; a loaded
    step (an ``add-load`` progression) is never on the calendar, since the
    source makes it conditional; where the catalog makes the climb itself
    conditional (:func:`climbs_on_condition`), every week is the easiest step.
    """
    steps = ladder(exercise, equipment=())  # the range only: no load step
    if climbs_on_condition(exercise):
        return [steps[0]] * weeks
    top = len(steps) - 1
    return [steps[_pick(range(top + 1), week, weeks)] for week in range(weeks)]


def _weekly_seconds(exercise: Exercise, weeks: int, timing: Timing) -> list[int]:
    """The seconds a day of each week's dosage: ``timing.estimate_daily`` of ``_weekly_dosages``.

    The same steps as :func:`ladder` and the same weeks as
    :func:`_weekly_dosages`, without making a :class:`Dosage`: a load changes
    no time, so the loaded weeks take as long as the top step.
    """
    dosage = _dosage_of(exercise)
    if climbs_on_condition(exercise):
        return [_first_and_last_seconds(exercise, 1, timing)[0]] * weeks
    rounds = rounds_a_day(dosage)
    reps, hold = dosage.reps, dosage.hold
    rep_steps = len(range(reps.low, reps.high)) + 1
    hold_steps = 0
    hold_step = 1
    if hold is not None:
        hold_step = HOLD_STEP_SECONDS if hold.unit is HoldUnit.SECONDS else 1
        hold_steps = len(range(hold.duration.low, hold.duration.high, hold_step)) + 1
    levels = max(rep_steps, hold_steps, 1)
    per_rep = 2 if dosage.per_side else 1
    sets = dosage.sets
    fixed = timing.setup + (sets - 1) * timing.rest_between_sets
    seconds = []
    for week in range(weeks):
        level = _pick(range(levels), week, weeks)
        rep = _step_value(reps.low, reps.high, 1, rep_steps, level, levels)
        held = 0
        if hold is not None:
            held = _step_value(
                hold.duration.low, hold.duration.high, hold_step, hold_steps, level, levels
            )
        seconds.append(rounds * (fixed + sets * rep * per_rep * (timing.seconds_per_rep + held)))
    return seconds


def _first_and_last_seconds(exercise: Exercise, weeks: int, timing: Timing) -> tuple[int, int]:
    """The seconds of the first and the last week: the bottom and the top of the ladder.

    Reps and holds never go down from one week to the next, so these are
    also the shortest and the longest weeks. Seconds are a day's: every
    time the exercise is done that day (:func:`rounds_a_day`).
    """
    dosage = _dosage_of(exercise)
    rounds = rounds_a_day(dosage)
    per_rep = 2 if dosage.per_side else 1
    fixed = timing.setup + (dosage.sets - 1) * timing.rest_between_sets
    hold = dosage.hold.duration if dosage.hold is not None else None
    first = rounds * (
        fixed
        + dosage.sets
        * dosage.reps.low
        * per_rep
        * (timing.seconds_per_rep + (hold.low if hold else 0))
    )
    if weeks == 1 or climbs_on_condition(exercise):
        return first, first
    last = rounds * (
        fixed
        + dosage.sets
        * dosage.reps.high
        * per_rep
        * (timing.seconds_per_rep + (hold.high if hold else 0))
    )
    return first, last


@attrs.frozen
class _Given:
    """The dosages a request supplies, by exercise id."""

    dosages: Mapping[str, Dosage]

    def dose(self, exercise: Exercise) -> Exercise:
        """*exercise*, with the supplied dosage where its catalog gives none."""
        if exercise.dosage is None and exercise.id in self.dosages:
            return attrs.evolve(exercise, dosage=self.dosages[exercise.id])
        return exercise


def _dosage_of(exercise: Exercise) -> Dosage:
    """The dosage of *exercise*; an exercise without one has no ladder and no times."""
    if exercise.dosage is None:
        raise InvalidConstraintError(
            "exercise",
            f"exercise {exercise.id!r} has no dosage: its catalog does not say how much to do",
            code="no_dosage",
            input=exercise.id,
        )
    return exercise.dosage


def _step_value(low: int, high: int, step: int, count: int, level: int, levels: int) -> int:  # noqa: PLR0913, PLR0917
    """``_pick(_values(Range(low, high), step), level, levels)``, without the list."""
    index = 0 if levels == 1 else round(level * (count - 1) / (levels - 1))
    return high if index == count - 1 else low + index * step


def _minutes_of(seconds: float, locale: str | None = None) -> str:
    return minutes(max(1, round(seconds / 60)), locale)


# -- adapting ------------------------------------------------------------


def _adapt_arguments(
    exercise: Exercise | str, feedback: object, catalog: Catalog | None, locale: str | None
) -> tuple[Exercise, Feedback]:
    """The exercise (looked up if an id) and the feedback; errors say which argument."""
    if isinstance(exercise, str):
        where = catalog if catalog is not None else load_catalog(locale=locale)
        try:
            exercise = where[exercise]
        except UnknownExerciseError as err:
            err.loc = ("exercise",)
            raise
    try:
        return exercise, Feedback.parse(feedback)  # type: ignore[arg-type] # checked here
    except UnknownVocabularyError as err:
        err.loc = ("feedback",)
        err._locale = locale  # noqa: SLF001 - the language in use
        raise


def _adapt_equipment(
    equipment: Iterable[str | Equipment], catalog: Catalog | None, locale: str | None
) -> tuple[Equipment, ...]:
    """What the person has, as build_program reads it: an error names its place, in *locale*."""
    where = catalog if catalog is not None else load_catalog()
    try:
        return _known(_parse_all(Equipment, equipment, where, "equipment"))
    except UnknownVocabularyError as err:
        if locale is not None:
            err._locale = locale  # noqa: SLF001 - the language in use
        raise


def _clause(dosage: Dosage, locale: str | None) -> str:
    """The dosage in words, without its own final period: a message adds one."""
    return dosage.describe(locale=locale).removesuffix(".")


def adapt(  # noqa: PLR0913 - the person, the exercise and how it felt
    exercise: Exercise | str,
    current_dosage: Dosage,
    feedback: Feedback | Literal["too-easy", "just-right", "too-hard", "painful"],
    *,
    equipment: Iterable[str | Equipment] | None = None,
    locale: str | None = None,
    catalog: Catalog | None = None,
) -> Adjustment:
    """Say what to do next with *exercise*, given how *current_dosage* felt.

    Moves along :func:`ladder`: ``too-easy`` one step up, ``too-hard`` one
    step down, ``just-right`` stays. At the top of the source's range the
    action is ``keep``, with a message to ask a provider before doing more;
    at the bottom, ``too-hard`` stops the exercise. ``painful`` always
    stops it and says to contact a provider.

    Args:
        exercise: The exercise, or its id (as in :attr:`ProgramItem.exercise`
            and :attr:`Omission.exercise`), looked up in *catalog*.
        current_dosage: What the person did: a step of the ladder, or the
            exercise's own dosage (taken as the easiest step).
        feedback: How it felt.
        equipment: What the person has, as for :func:`build_program`:
            built-in terms, or terms *catalog* declares (default:
            :data:`DEFAULT_EQUIPMENT`). A load is the next step only when
            one of its options is here (see :func:`ladder`).
        locale: The language of the message (default: English). Pass an
            exercise of a catalog localized to the same language, so that
            its name is in that language too.
        catalog: Where to look an id up. Default: the bundled catalog, in
            *locale*.

    Raises:
        InvalidConstraintError: *current_dosage* is not on the exercise's
            ladder, or holds a load none of whose options is in *equipment*.
        UnknownVocabularyError: *feedback* or a piece of equipment is not a
            known slug.
        UnknownExerciseError: *exercise* is an id that is not in *catalog*.
        UnknownLocaleError: The package has no such language.

    .. versionchanged:: 0.1.0
       *exercise* may be an id, and *catalog* says where to find it; the
       *equipment* argument.
    """
    t = translations(locale)
    exercise, feedback = _adapt_arguments(exercise, feedback, catalog, locale)
    have = DEFAULT_EQUIPMENT if equipment is None else _adapt_equipment(equipment, catalog, locale)
    steps = ladder(exercise, equipment=have)
    if (
        current_dosage.load is not None
        and current_dosage not in steps
        and current_dosage in ladder(exercise)
    ):
        raise InvalidConstraintError(
            "current_dosage",
            f"{current_dosage.describe()!r} holds {current_dosage.load.describe()}, "
            "and equipment has none of them",
            code="dosage_not_on_ladder",
            input=_convert_unstructure(current_dosage),
        )
    if current_dosage == exercise.dosage:
        level = 0
    elif current_dosage in steps:
        level = steps.index(current_dosage)
    else:
        raise InvalidConstraintError(
            "current_dosage",
            f"{current_dosage.describe()!r} is not a step of {exercise.id!r}; expected one of: "
            + "; ".join(s.describe() for s in steps),
            code="dosage_not_on_ladder",
            input=_convert_unstructure(current_dosage),
        )
    current = steps[level]
    name = {"name": exercise.name.lower()}
    if feedback is Feedback.PAINFUL:
        return Adjustment(
            Action.STOP,
            None,
            t.gettext("Stop doing the %(name)s. Contact your provider before you do it again.")
            % name,
        )
    if feedback is Feedback.JUST_RIGHT:
        return Adjustment(
            Action.KEEP,
            current,
            t.gettext("Keep going: %(dosage)s.") % {"dosage": _clause(current, locale)},
        )
    if feedback is Feedback.TOO_EASY:
        if level + 1 < len(steps):
            nxt = steps[level + 1]
            return Adjustment(
                Action.PROGRESS,
                nxt,
                t.gettext("Well done. Next time: %(dosage)s.") % {"dosage": _clause(nxt, locale)},
            )
        return Adjustment(
            Action.KEEP,
            current,
            t.gettext(
                "You are at the most this exercise plan gives. "
                "Ask your provider before you do more."
            ),
        )
    if level > 0:
        prev = steps[level - 1]
        return Adjustment(
            Action.REGRESS,
            prev,
            t.gettext("Go easier. Next time: %(dosage)s.") % {"dosage": _clause(prev, locale)},
        )
    return Adjustment(
        Action.STOP,
        None,
        t.gettext(
            "This is the easiest version of the %(name)s. "
            "Stop it for now and ask your provider what to do instead."
        )
        % name,
    )


# pydantic support (see _pydantic.py): the hooks only; pydantic is not imported.
_pydantic.install(
    OmissionReason,
    Omission,
    Timing,
    GivenDosage,
    ProgramRequest,
    ProgramItem,
    Week,
    Schedule,
    Program,
    Feedback,
    Action,
    Adjustment,
)
