"""What a handout says: the one place that gathers it, for every format.

Each renderer turns a :class:`Handout` into text, Markdown or HTML and
adds nothing of its own but layout, so the formats cannot drift apart in
content. Every fixed phrase a patient reads lives in :data:`LABELS` or in
this module's builders.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse

import attrs

from upperback._illustrate import illustrations
from upperback.catalog import Catalog
from upperback.model import Exercise, Reference
from upperback.program import Program, Week

from ._options import DEFAULT_OPTIONS, HandoutOptions

__all__ = [
    "LABELS",
    "DayColumn",
    "Detail",
    "DosageLine",
    "ExerciseView",
    "FigureView",
    "Handout",
    "Labels",
    "TrackingWeek",
    "build",
]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_SHORT = tuple(month[:3] for month in _MONTHS)


@attrs.frozen
class Labels:
    """The fixed headings and words of a handout, in one place."""

    schedule: str = "Your schedule"
    figures: str = "What it looks like"
    exercises: str = "Your exercises"
    steps: str = "How to do it"
    dosage: str = "How much to do"
    week: str = "Week"
    dates: str = "Dates"
    progression: str = "When it gets easier"
    cautions: str = "Take care"
    safety: str = "When to stop and call your provider"
    disclaimer: str = "Please read"
    references: str = "References"
    source: str = "Where the facts come from"
    data_version: str = "Data version"
    at_a_glance: str = "At a glance"
    details: str = "About this plan"
    patient: str = "For"
    provider: str = "Provider"
    provider_phone: str = "Phone"
    date_given: str = "Date given"
    next_visit: str = "Next visit"
    notes: str = "Notes from your provider"
    tracking: str = "Your tracking sheet"
    tracking_intro: str = (
        "Tick a box each day you do an exercise. "
        "Each day, write how bad your pain is, from 0 (no pain) to 10 (worst pain)."
    )
    exercise: str = "Exercise"
    pain: str = "Pain (0 to 10)"
    tracking_notes: str = "Notes"
    page: str = "Page"
    page_of: str = "of"


LABELS = Labels()

#: Said when a catalog has no safety lines of its own.
_FALLBACK_SAFETY = ("Stop if an exercise hurts, and call your provider.",)
_NO_REFERENCES = "No references are listed for these exercises."
#: Said for an exercise whose catalog does not give a dosage.
_NO_DOSAGE = "Ask your provider how much to do."
_NO_SOURCES = "No source is listed for this data."


@attrs.frozen
class DosageLine:
    """How much to do: for one week of a program, or for the exercise alone.

    Args:
        label: ``"Week 1"``, or ``None`` when there are no weeks.
        dates: The week's dates in words, or ``None``.
        text: The dosage, as a sentence.
    """

    label: str | None
    dates: str | None
    text: str


@attrs.frozen
class FigureView:
    """One picture of an exercise, as the handout shows it.

    Args:
        svg: The SVG element, ready to place inline in HTML (without the
            namespace declaration a standalone file needs).
        alt: What it shows, in plain words.
        caption: A short visible caption, such as ``"Start position"``.
        filename: A file name for the picture, for formats that link to
            files, such as ``"band-row-start.svg"``.
        link: Where a Markdown handout finds the picture file, or ``None``
            to show no picture.
    """

    svg: str
    alt: str
    caption: str
    filename: str
    link: str | None = None


@attrs.frozen
class Detail:
    """One personal detail in the handout's header: ``Provider: Dr. Lee``."""

    label: str
    value: str


@attrs.frozen
class DayColumn:
    """One day of a tracking sheet.

    Args:
        name: ``"Mon"`` when the program has dates, else ``"Day 1"``.
        date: ``"Jan 5"``, or ``None`` when the program has no dates.
    """

    name: str
    date: str | None


@attrs.frozen
class TrackingWeek:
    """One week of the tracking sheet: a row per exercise, a column per day.

    Args:
        title: ``"Week 1"``.
        dates: The week's dates in words, or ``None``.
        days: The columns, one a day.
        rows: The names of the week's exercises, in session order.
    """

    title: str
    dates: str | None
    days: tuple[DayColumn, ...]
    rows: tuple[str, ...]

    @property
    def heading(self) -> str:
        """``"Week 1: January 5 to January 11, 2026"``, or ``"Week 1"``."""
        return f"{self.title}: {self.dates}" if self.dates else self.title

    @property
    def dated(self) -> bool:
        """Whether the columns carry dates."""
        return any(day.date is not None for day in self.days)


@attrs.frozen
class ExerciseView:
    """One exercise as the handout shows it.

    :attr:`figures` are its pictures, start pose first; empty when the
    exercise has no figure.
    """

    number: int
    id: str
    name: str
    summary: str
    steps: tuple[str, ...]
    dosages: tuple[DosageLine, ...]
    progressions: tuple[str, ...]
    cautions: tuple[str, ...]
    figures: tuple[FigureView, ...] = ()

    @property
    def weekly(self) -> bool:
        """Whether the dosage is given week by week."""
        return any(line.label is not None for line in self.dosages)

    @property
    def dated(self) -> bool:
        """Whether the weeks have dates, so a "Dates" column has something to show."""
        return any(line.dates is not None for line in self.dosages)


@attrs.frozen
class Handout:
    """Everything a handout says, in the order it says it.

    Args:
        title: The handout's title.
        intro: One or two plain sentences under the title.
        schedule: How often and for how long, one sentence a line; empty
            for a handout that is not a program.
        exercises: The exercises, in the order to do them.
        safety: When to stop and call a provider.
        disclaimer: The medical disclaimer.
        citations: The references the exercises cite, in AMA style.
        credits: One credit a source of the data.
        data_version: The version of the data.
        summary: The "at a glance" lines of a program: what it is for,
            how often, how long a session takes, when to stop; empty for
            a handout that is not a program.
        details: The personal details given, in the order printed.
        notes: The provider's notes, one paragraph a line.
        tracking: The tracking sheet, one table a week; empty for a
            handout that is not a program.
        labels: The fixed headings.
    """

    title: str
    intro: str
    schedule: tuple[str, ...]
    exercises: tuple[ExerciseView, ...]
    safety: tuple[str, ...]
    disclaimer: str
    citations: tuple[str, ...]
    credits: tuple[str, ...]
    data_version: str
    summary: tuple[str, ...] = ()
    details: tuple[Detail, ...] = ()
    notes: tuple[str, ...] = ()
    tracking: tuple[TrackingWeek, ...] = ()
    labels: Labels = LABELS

    @property
    def references_note(self) -> str | None:
        """What to say in place of citations when there are none."""
        return None if self.citations else _NO_REFERENCES

    @property
    def sources_note(self) -> str | None:
        """What to say in place of credits when there are none."""
        return None if self.credits else _NO_SOURCES

    @property
    def required(self) -> tuple[str, ...]:
        """The text every rendering must carry, word for word."""
        return (
            self.disclaimer,
            *self.safety,
            *self.citations,
            *self.credits,
            self.data_version,
        )


def build(
    obj: Exercise | Program | Catalog,
    catalog: Catalog,
    options: HandoutOptions = DEFAULT_OPTIONS,
) -> Handout:
    """Gather what the handout for *obj* says, looking things up in *catalog*.

    The personal details of *options* go in the header.

    Raises:
        TypeError: *obj* is not an exercise, a program or a catalog.
        UnknownExerciseError: A program names an exercise *catalog* lacks.
        KeyError: An exercise cites a reference *catalog* lacks.
    """
    handout = _build(obj, catalog)
    details, notes = _details(options)
    handout = attrs.evolve(handout, details=details, notes=notes)
    if options.figures_dir is not None:
        handout = _linked(handout, options.figures_dir)
    return handout


def _linked(handout: Handout, folder: str) -> Handout:
    """Point every picture at its file in *folder*, for formats that link to files."""
    base = urllib.parse.quote(folder.rstrip("/"), safe="/._-~:")
    exercises = tuple(
        attrs.evolve(
            view,
            figures=tuple(
                attrs.evolve(figure, link=f"{base}/{urllib.parse.quote(figure.filename)}")
                for figure in view.figures
            ),
        )
        for view in handout.exercises
    )
    return attrs.evolve(handout, exercises=exercises)


def _build(obj: Exercise | Program | Catalog, catalog: Catalog) -> Handout:
    if isinstance(obj, Exercise):
        return _handout(
            obj.name,
            intro="Here is how to do this exercise, and how much to do.",
            views=(_exercise(1, obj, (_single(obj),)),),
            exercises=(obj,),
            catalog=catalog,
        )
    if isinstance(obj, Program):
        return _program(obj, catalog)
    if isinstance(obj, Catalog):
        exercises = tuple(obj)
        views = tuple(_exercise(n, e, (_single(e),)) for n, e in enumerate(exercises, 1))
        count = len(exercises)
        intro = (
            "This handout has the one exercise we have."
            if count == 1
            else f"This handout has all {count} exercises we have."
        )
        # A catalog is its own source of safety lines, references and credits.
        return _handout(
            "Exercises for your upper back",
            intro=intro,
            views=views,
            exercises=exercises,
            catalog=obj,
        )
    msg = f"expected an Exercise, a Program or a Catalog, got {type(obj).__name__}"
    raise TypeError(msg)


def _program(program: Program, catalog: Catalog) -> Handout:
    exercises = tuple(catalog[exercise_id] for exercise_id in program.exercise_ids)
    views = tuple(
        _exercise(number, exercise, _weekly(program, exercise.id))
        for number, exercise in enumerate(exercises, 1)
    )
    count = len(exercises)
    intro = (
        "Your plan has 1 exercise."
        if count == 1
        else f"Your plan has {count} exercises. Do them in the order shown."
    )
    data_version = catalog.data_version
    if program.data_version != catalog.data_version:
        data_version = f"{catalog.data_version} (plan made with {program.data_version})"
    handout = _handout(
        "Your upper back exercise plan",
        intro=intro,
        schedule=_schedule(program, catalog),
        views=views,
        exercises=exercises,
        catalog=catalog,
    )
    return attrs.evolve(
        handout,
        data_version=data_version,
        summary=_summary(program),
        tracking=tuple(_tracking(week, catalog) for week in program.weeks),
    )


#: What every program is for, in one line; the source's purpose, in our words.
_PURPOSE = "What it is for: exercises to help your upper back heal."
#: The one rule for when to stop, in the words of the fallback safety line.
_STOP_RULE = "When to stop: if an exercise hurts, stop it and call your provider."


def _summary(program: Program) -> tuple[str, ...]:
    """The "at a glance" lines: what for, how often, how long, when to stop."""
    schedule = program.schedule
    times = (
        "every day"
        if schedule.sessions_per_week == 7
        else (f"{schedule.sessions_per_week} days a week")
    )
    weeks = "1 week" if schedule.weeks == 1 else f"{schedule.weeks} weeks"
    lines = [_PURPOSE, f"How often: {times}, for {weeks}."]
    first = program.weeks[0] if program.weeks else None
    if first is not None and first.start is not None:
        lines.append(f"Start: {_date(first.start)}.")
    if program.weeks:
        longest = max(week.estimated_session_duration for week in program.weeks)
        lines.append(f"How long: about {_minutes(longest)} a session.")
    lines.append(_STOP_RULE)
    return tuple(lines)


def _tracking(week: Week, catalog: Catalog) -> TrackingWeek:
    if week.start is not None:
        days = tuple(
            DayColumn(
                _WEEKDAYS_SHORT[day.weekday()],
                f"{_MONTHS_SHORT[day.month - 1]} {day.day}",
            )
            for day in (week.start + dt.timedelta(days=n) for n in range(7))
        )
    else:
        days = tuple(DayColumn(f"Day {n}", None) for n in range(1, 8))
    return TrackingWeek(
        title=f"{LABELS.week} {week.number}",
        dates=_span(week.start, week.end),
        days=days,
        rows=tuple(catalog[item.exercise].name for item in week.items),
    )


def _details(options: HandoutOptions) -> tuple[tuple[Detail, ...], tuple[str, ...]]:
    given = (
        (LABELS.patient, options.patient),
        (LABELS.provider, options.provider),
        (LABELS.provider_phone, options.provider_phone),
        (LABELS.date_given, _date(options.date_given) if options.date_given else None),
        (LABELS.next_visit, _date(options.next_visit) if options.next_visit else None),
    )
    details = tuple(Detail(label, value) for label, value in given if value is not None)
    notes = tuple(line.strip() for line in (options.notes or "").splitlines() if line.strip())
    return details, notes


def _handout(  # noqa: PLR0913 - each part of a handout is its own argument
    title: str,
    *,
    intro: str,
    schedule: tuple[str, ...] = (),
    views: tuple[ExerciseView, ...],
    exercises: tuple[Exercise, ...],
    catalog: Catalog,
) -> Handout:
    # Safety travels with the content: each exercise brings the disclaimer,
    # safety lines and sources of the catalog it came from (after a merge,
    # not always *catalog*'s own), and nothing else's.
    evidence = catalog._evidence(exercises)  # noqa: SLF001
    return Handout(
        # A catalog may name its handouts; a one-exercise handout keeps the
        # exercise's name.
        title=title if len(views) == 1 and exercises[0].name == title else evidence.title or title,
        intro=intro,
        schedule=schedule,
        exercises=views,
        safety=evidence.safety or _FALLBACK_SAFETY,
        disclaimer=evidence.disclaimer,
        citations=tuple(r.cite() for r in _cited(exercises, catalog)),
        credits=tuple(s.credit() for s in evidence.sources),
        data_version=catalog.data_version,
    )


def _cited(exercises: tuple[Exercise, ...], catalog: Catalog) -> tuple[Reference, ...]:
    """The references *exercises* cite, in order of first citation; none if they cite none.

    A handout lists only what its own exercises rest on: an exercise that
    cites nothing must not borrow another's evidence.
    """
    ids = dict.fromkeys(ref for exercise in exercises for ref in exercise.references)
    return tuple(catalog.reference(ref) for ref in ids)


def _exercise(number: int, exercise: Exercise, dosages: tuple[DosageLine, ...]) -> ExerciseView:
    return ExerciseView(
        number=number,
        id=exercise.id,
        name=exercise.name,
        summary=exercise.summary,
        steps=tuple(step.text for step in exercise.steps),
        dosages=dosages,
        progressions=tuple(p.describe() for p in exercise.progressions),
        cautions=exercise.cautions,
        figures=tuple(
            FigureView(
                svg=_inline(picture.svg),
                alt=picture.alt,
                caption=_sentence(picture.label).removesuffix("."),
                filename=picture.filename,
            )
            for picture in illustrations(exercise)
        ),
    )


def _inline(svg: str) -> str:
    """The SVG as HTML markup: HTML puts ``<svg>`` in its namespace itself.

    Without the namespace declaration, a page holds no URL at all.
    """
    return svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1).rstrip("\n")


def _single(exercise: Exercise) -> DosageLine:
    if exercise.dosage is None:
        return DosageLine(None, None, _NO_DOSAGE)
    return DosageLine(None, None, _sentence(exercise.dosage.describe()))


def _weekly(program: Program, exercise_id: str) -> tuple[DosageLine, ...]:
    """One line per run of weeks with the same dosage: "Weeks 2 to 4" reads faster."""
    runs: list[tuple[list[Week], str]] = []
    for week in program.weeks:
        for item in week.items:
            if item.exercise != exercise_id:
                continue
            text = _sentence(item.dosage.describe())
            if runs and runs[-1][1] == text and runs[-1][0][-1].number == week.number - 1:
                runs[-1][0].append(week)
            else:
                runs.append(([week], text))
    return tuple(
        DosageLine(_weeks_label(weeks), _span(weeks[0].start, weeks[-1].end), text)
        for weeks, text in runs
    )


def _weeks_label(weeks: list[Week]) -> str:
    if len(weeks) == 1:
        return f"{LABELS.week} {weeks[0].number}"
    return f"{LABELS.week}s {weeks[0].number} to {weeks[-1].number}"


def _schedule(program: Program, catalog: Catalog) -> tuple[str, ...]:
    lines = [program.schedule.describe()]
    weeks = program.weeks
    if weeks and weeks[0].start is not None and weeks[-1].end is not None:
        lines.append(f"Start on {_date(weeks[0].start)}. Finish on {_date(weeks[-1].end)}.")
    if weeks:
        longest = max(week.estimated_session_duration for week in weeks)
        lines.append(f"One session takes about {_minutes(longest)}.")
    first = {item.exercise: item.dosage for item in weeks[0].items} if weeks else {}
    for exercise_id in program.schedule.more_often:
        exercise = catalog[exercise_id]
        frequency = next(
            (d.frequency for d in (first.get(exercise_id), exercise.dosage) if d and d.frequency),
            None,
        )
        how_often = frequency.describe() if frequency else "more than once a day"
        lines.append(f"Do the {_lower_first(exercise.name)} {how_often}.")
    return tuple(lines)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _lower_first(name: str) -> str:
    # Keep acronyms such as "TRX row" as they are.
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _date(day: dt.date) -> str:
    """``"Monday, January 5, 2026"``, the same in every locale."""
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _span(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None:
        return None
    first = f"{_MONTHS[start.month - 1]} {start.day}"
    last = f"{_MONTHS[end.month - 1]} {end.day}, {end.year}"
    if start.year != end.year:
        first += f", {start.year}"
    return f"{first} to {last}"


def _minutes(duration: dt.timedelta) -> str:
    minutes = max(1, round(duration.total_seconds() / 60))
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
