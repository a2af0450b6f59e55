"""What a handout says: the one place that gathers it, for every format.

Each renderer turns a :class:`Handout` into text, Markdown or HTML and
adds nothing of its own but layout, so the formats cannot drift apart in
content. Every fixed phrase a patient reads lives in :class:`Labels` or in
this module's builders, and is translated here, with gettext: the
renderers and templates get finished text in one language.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from typing import TYPE_CHECKING

import attrs

from upperback._i18n import (
    N_,
    SOURCE_LOCALE,
    check_locale,
    date_span,
    localized_exercise,
    long_date,
    minutes,
    short_date,
    translations,
    week_span,
    weekday_name,
)
from upperback.catalog import Catalog
from upperback.exceptions import InvalidOptionError
from upperback.model import Exercise, Period, ProgressionKind, Reference
from upperback.program import OmissionReason, Program, Week, how_often, ladder, weeks_phrase

from ._options import DEFAULT_OPTIONS, HandoutOptions

if TYPE_CHECKING:
    from upperback._illustrate import Illustration

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


@attrs.frozen
class Labels:
    """The fixed headings and words of a handout, in one place.

    The defaults are English; :func:`labels` gives them in another language.
    """

    schedule: str = N_("Your schedule")
    figures: str = N_("What it looks like")
    exercises: str = N_("Your exercises")
    steps: str = N_("How to do it")
    dosage: str = N_("How much to do")
    week: str = N_("Week")
    dates: str = N_("Dates")
    progression: str = N_("When it gets easier")
    cautions: str = N_("Take care")
    safety: str = N_("When to stop and call your provider")
    disclaimer: str = N_("Please read")
    references: str = N_("References")
    source: str = N_("Where the facts come from")
    data_version: str = N_("Data version")
    at_a_glance: str = N_("At a glance")
    details: str = N_("About this plan")
    patient: str = N_("For")
    provider: str = N_("Provider")
    provider_phone: str = N_("Phone")
    date_given: str = N_("Date given")
    next_visit: str = N_("Next visit")
    notes: str = N_("Notes from your provider")
    tracking: str = N_("Your tracking sheet")
    tracking_intro: str = N_(
        "Each day you do an exercise, write the sets and reps you did, like 2 x 10. "
        "If it has a hold, add how long you held, like 2 x 10, 5 s. "
        "Write your pain before and after, from 0 (no pain) to 10 (worst pain), like 3 / 2. "
        "Write how it felt: 1 too easy, 2 just right, 3 too hard, 4 painful."
    )
    exercise: str = N_("Exercise")
    pain: str = N_("Pain before / after (0 to 10)")
    feeling: str = N_("How it felt (1 to 4)")
    tracking_notes: str = N_("Notes")
    page: str = N_("Page")
    page_of: str = N_("of")


LABELS = Labels()


def labels(locale: str | None = None) -> Labels:
    """The labels of a handout in *locale*."""
    t = translations(locale)
    return Labels(**{field.name: t.gettext(str(field.default)) for field in attrs.fields(Labels)})


#: Said when a catalog has no safety lines of its own.
#: Said for an exercise whose catalog does not give a dosage.
_NO_DOSAGE = N_("Ask your provider how much to do.")
_FALLBACK_SAFETY = N_("Stop if an exercise hurts, and call your provider.")
_NO_REFERENCES = N_("No references are listed for these exercises.")
_NO_SOURCES = N_("No source is listed for this data.")


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


#: A card with more steps, or more characters of text, than this is "long"
#: (see :attr:`ExerciseView.long`). A bundled card has at most 8 steps and
#: 560 characters; a printed page beside the pictures holds about 3,000.
LONG_CARD_STEPS = 20
LONG_CARD_CHARACTERS = 2_000


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

    @property
    def long(self) -> bool:
        """Whether the card holds more text than a printed page shows beside the pictures.

        Such a card is printed in one column and may split across pages:
        kept whole, it would start on a new page and leave a blank one.
        """
        texts = (self.summary, *self.steps, *self.progressions, *self.cautions)
        return len(self.steps) > LONG_CARD_STEPS or sum(map(len, texts)) > LONG_CARD_CHARACTERS


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
        lang: The language of every word of it, a tag such as ``"es"``.
        references_note: What to say in place of citations when there
            are none.
        sources_note: What to say in place of credits when there are none.
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
    lang: str = SOURCE_LOCALE
    references_note: str | None = None
    sources_note: str | None = None

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
    locale: str | None = None,
    *,
    pictures: bool = True,
) -> Handout:
    """Gather what the handout for *obj* says, looking things up in *catalog*.

    The personal details of *options* go in the header. Every word is in
    *locale*: the phrases from its message catalog, the exercises from
    ``catalog.localized(locale)``. With *pictures* false, exercises carry
    no figures (for formats that show none).

    Raises:
        TypeError: *obj* is not an exercise, a program or a catalog.
        UnknownExerciseError: A program names an exercise *catalog* lacks.
        KeyError: An exercise cites a reference *catalog* lacks.
        UnknownLocaleError: The package has no such language.
    """
    locale = check_locale(locale)
    _check_date_given(obj, options)
    obj, catalog = _localized(obj, catalog, locale)
    handout = _build(obj, catalog, locale, pictures=pictures)
    details, notes = _details(options, locale)
    t = translations(locale)
    handout = attrs.evolve(
        handout,
        details=details,
        notes=notes,
        labels=labels(locale),
        lang=locale,
        references_note=None if handout.citations else t.gettext(_NO_REFERENCES),
        sources_note=None if handout.credits else t.gettext(_NO_SOURCES),
    )
    if options.figures_dir is not None:
        handout = _linked(handout, options.figures_dir)
    return handout


def _check_date_given(obj: object, options: HandoutOptions) -> None:
    """Refuse a plan handed over after its first day: its first days would be gone.

    Raises:
        InvalidOptionError: *options* gives a date later than the start of
            the program *obj*.
    """
    given = options.date_given
    if not isinstance(obj, Program) or given is None or not obj.weeks:
        return
    start = obj.weeks[0].start
    if start is not None and given > start:
        raise InvalidOptionError(
            "date_given",
            f"{given.isoformat()} is after the plan's first day, {start.isoformat()}; "
            "give the handout on or before the day the plan starts, or start the plan later",
        )


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


def _localized(
    obj: Exercise | Program | Catalog, catalog: Catalog, locale: str
) -> tuple[Exercise | Program | Catalog, Catalog]:
    """*obj* and *catalog* with their exercises in *locale*.

    A program names its exercises by id, so it stays as it is. An exercise
    is taken from the localized catalog by its id; one that is not the
    catalog's own has no translation, and is refused rather than shown in
    two languages.

    Raises:
        MissingTranslationError: *obj* or *catalog* has no text in *locale*.
    """
    if isinstance(obj, Catalog):
        localized = obj.localized(locale)
        return localized, localized
    localized = catalog.localized(locale)
    if isinstance(obj, Exercise):
        return localized_exercise(obj, catalog, localized), localized
    return obj, localized


def _build(
    obj: Exercise | Program | Catalog, catalog: Catalog, locale: str, *, pictures: bool
) -> Handout:
    t = translations(locale)
    if isinstance(obj, Exercise):
        return _handout(
            obj.name,
            intro=t.gettext("Here is how to do this exercise, and how much to do."),
            views=(_exercise(1, obj, (_single(obj, locale),), locale, pictures=pictures),),
            exercises=(obj,),
            catalog=catalog,
            locale=locale,
        )
    if isinstance(obj, Program):
        return _program(obj, catalog, locale, pictures=pictures)
    if isinstance(obj, Catalog):
        exercises = tuple(obj)
        views = tuple(
            _exercise(n, e, (_single(e, locale),), locale, pictures=pictures)
            for n, e in enumerate(exercises, 1)
        )
        count = len(exercises)
        intro = t.ngettext(
            "This handout has the one exercise we have.",
            "This handout has all %(count)s exercises we have.",
            count,
        ) % {"count": count}
        # A catalog is its own source of safety lines, references and credits.
        return _handout(
            t.gettext("Exercises for your upper back"),
            intro=intro,
            views=views,
            exercises=exercises,
            catalog=obj,
            locale=locale,
        )
    msg = f"expected an Exercise, a Program or a Catalog, got {type(obj).__name__}"
    raise TypeError(msg)


def _program(program: Program, catalog: Catalog, locale: str, *, pictures: bool) -> Handout:
    t = translations(locale)
    exercises = tuple(catalog[exercise_id] for exercise_id in program.exercise_ids)
    views = tuple(
        attrs.evolve(
            _exercise(
                number,
                exercise,
                (*_weekly(program, exercise.id, locale), *_if_easy(program, exercise, locale)),
                locale,
                pictures=pictures,
            ),
            progressions=_offered(program, exercise, catalog, locale),
        )
        for number, exercise in enumerate(exercises, 1)
    )
    count = len(exercises)
    intro = t.ngettext(
        "Your plan has 1 exercise.",
        "Your plan has %(count)s exercises. Do them in the order shown.",
        count,
    ) % {"count": count}
    data_version = catalog.data_version
    if program.data_version != catalog.data_version:
        data_version = t.gettext("%(version)s (plan made with %(plan_version)s)") % {
            "version": catalog.data_version,
            "plan_version": program.data_version,
        }
    handout = _handout(
        t.gettext("Your upper back exercise plan"),
        intro=intro,
        schedule=_schedule(program, catalog, locale),
        views=views,
        exercises=exercises,
        catalog=catalog,
        locale=locale,
    )
    return attrs.evolve(
        handout,
        data_version=data_version,
        # A catalog that names its own handouts says what they are for; the
        # upper back purpose line is the bundled content's.
        summary=_summary(program, locale, purpose=catalog._evidence(exercises).title is None),  # noqa: SLF001
        tracking=tuple(_tracking(week, catalog, locale) for week in program.weeks),
    )


#: What every program is for, in one line; the source's purpose, in our words.
_PURPOSE = N_("What it is for: exercises to help your upper back heal.")
#: The one rule for when to stop, in the words of the fallback safety line.
_STOP_RULE = N_("When to stop: if an exercise hurts, stop it and call your provider.")


def _summary(program: Program, locale: str, *, purpose: bool = True) -> tuple[str, ...]:
    """The "at a glance" lines: what for (if *purpose*), how often, how long, when to stop."""
    t = translations(locale)
    schedule = program.schedule
    lines = [
        *([t.gettext(_PURPOSE)] if purpose else []),
        t.gettext("How often: %(how_often)s, for %(weeks)s.")
        % {
            "how_often": how_often(schedule.sessions_per_week, locale),
            "weeks": weeks_phrase(schedule.weeks, locale),
        },
    ]
    first = program.weeks[0] if program.weeks else None
    if first is not None and first.start is not None:
        lines.append(t.gettext("Start: %(date)s.") % {"date": long_date(first.start, locale)})
    if program.weeks:
        longest = max(week.estimated_session_duration for week in program.weeks)
        lines.append(
            t.gettext("How long: about %(minutes)s a session.")
            % {"minutes": _minutes(longest, locale)}
        )
    lines.append(t.gettext(_STOP_RULE))
    return tuple(lines)


def _tracking(week: Week, catalog: Catalog, locale: str) -> TrackingWeek:
    t = translations(locale)
    if week.start is not None:
        days = tuple(
            DayColumn(weekday_name(day, locale, short=True), short_date(day, locale))
            for day in (week.start + dt.timedelta(days=n) for n in range(7))
        )
    else:
        days = tuple(
            DayColumn(t.gettext("Day %(number)s") % {"number": n}, None) for n in range(1, 8)
        )
    return TrackingWeek(
        title=_week_label(week.number, locale),
        dates=_span(week.start, week.end, locale),
        days=days,
        rows=tuple(catalog[item.exercise].name for item in week.items),
    )


def _details(options: HandoutOptions, locale: str) -> tuple[tuple[Detail, ...], tuple[str, ...]]:
    words = labels(locale)
    given = (
        (words.patient, options.patient),
        (words.provider, options.provider),
        (words.provider_phone, options.provider_phone),
        (words.date_given, long_date(options.date_given, locale) if options.date_given else None),
        (words.next_visit, long_date(options.next_visit, locale) if options.next_visit else None),
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
    locale: str,
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
        safety=evidence.safety or (translations(locale).gettext(_FALLBACK_SAFETY),),
        disclaimer=evidence.disclaimer,
        citations=tuple(r.cite(locale=locale) for r in _cited(exercises, catalog)),
        credits=tuple(s.credit(locale=locale) for s in evidence.sources),
        data_version=catalog.data_version,
    )


def _cited(exercises: tuple[Exercise, ...], catalog: Catalog) -> tuple[Reference, ...]:
    """The references *exercises* cite, in order of first citation; none if they cite none.

    A handout lists only what its own exercises rest on: an exercise that
    cites nothing must not borrow another's evidence.
    """
    ids = dict.fromkeys(ref for exercise in exercises for ref in exercise.references)
    return tuple(catalog.reference(ref) for ref in ids)


def _exercise(
    number: int,
    exercise: Exercise,
    dosages: tuple[DosageLine, ...],
    locale: str,
    *,
    pictures: bool,
) -> ExerciseView:
    return ExerciseView(
        number=number,
        id=exercise.id,
        name=exercise.name,
        summary=exercise.summary,
        steps=tuple(step.text for step in exercise.steps),
        dosages=dosages,
        progressions=tuple(p.describe(locale=locale) for p in exercise.progressions),
        cautions=exercise.cautions,
        figures=tuple(
            FigureView(
                svg=_inline(picture.svg),
                alt=picture.alt,
                caption=_sentence(picture.label).removesuffix("."),
                filename=picture.filename,
            )
            for picture in (_illustrations(exercise, locale) if pictures else ())
        ),
    )


def _illustrations(exercise: Exercise, locale: str) -> tuple[Illustration, ...]:
    from upperback._illustrate import illustrations  # noqa: PLC0415 - lazy: text shows none

    return illustrations(exercise, locale=locale)


def _inline(svg: str) -> str:
    """The SVG as HTML markup: HTML puts ``<svg>`` in its namespace itself.

    Without the namespace declaration, a page holds no URL at all.
    """
    return svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1).rstrip("\n")


def _single(exercise: Exercise, locale: str) -> DosageLine:
    if exercise.dosage is None:
        return DosageLine(None, None, translations(locale).gettext(_NO_DOSAGE))
    return DosageLine(None, None, _sentence(exercise.dosage.describe(locale=locale)))


def _weekly(program: Program, exercise_id: str, locale: str) -> tuple[DosageLine, ...]:
    """One line per run of weeks with the same dosage: "Weeks 2 to 4" reads faster."""
    runs: list[tuple[list[Week], str]] = []
    for week in program.weeks:
        for item in week.items:
            if item.exercise != exercise_id:
                continue
            text = _sentence(item.dosage.describe(locale=locale))
            if runs and runs[-1][1] == text and runs[-1][0][-1].number == week.number - 1:
                runs[-1][0].append(week)
            else:
                runs.append(([week], text))
    return tuple(
        DosageLine(_weeks_label(weeks, locale), _span(weeks[0].start, weeks[-1].end, locale), text)
        for weeks, text in runs
    )


def _if_easy(program: Program, exercise: Exercise, locale: str) -> tuple[DosageLine, ...]:
    """The load as the condition the source makes it: "Weeks 2 to 4, if week 1 felt easy".

    Only for a person who has the load (:func:`~upperback.ladder` with their
    equipment), and only when a week follows the first one at the top of
    the range: the load comes after a week at the top felt easy, never by
    the calendar alone.
    """
    steps = ladder(exercise, equipment=program.request.equipment)
    if exercise.dosage is None or steps[-1].load == steps[0].load:
        return ()
    top = steps[-2]
    weeks = program.weeks
    first_top = next(
        (
            week.number
            for week in weeks
            for item in week.items
            if item.exercise == exercise.id and item.dosage == top
        ),
        None,
    )
    if first_top is None or first_top >= len(weeks):
        return ()
    later = list(weeks[first_top:])
    t = translations(locale)
    label = t.gettext("%(weeks)s, if week %(number)s felt easy") % {
        "weeks": _weeks_label(later, locale),
        "number": first_top,
    }
    return (
        DosageLine(
            label,
            _span(later[0].start, later[-1].end, locale),
            _sentence(steps[-1].describe(locale=locale)),
        ),
    )


def _offered(
    program: Program, exercise: Exercise, catalog: Catalog, locale: str
) -> tuple[str, ...]:
    """The progressions a program's handout offers this person.

    A load only to a person who has one of its options; a move to another
    exercise only when that exercise is in the catalog and was not left
    out for this person (one left out only for time may take this one's
    place), named by its name.
    """
    t = translations(locale)
    have = set(program.request.equipment)
    left_out = {
        o.exercise for o in program.omitted if o.reason is not OmissionReason.OVER_TIME_BUDGET
    }
    offered = []
    for progression in exercise.progressions:
        if progression.kind is ProgressionKind.ADD_LOAD:
            if progression.load is None or have.isdisjoint(progression.load.options):
                continue
        elif progression.kind is ProgressionKind.NEXT_EXERCISE:
            target = progression.exercise
            if target is None or target in left_out or target not in catalog:
                continue
            when = progression.when[:1].upper() + progression.when[1:]
            offered.append(
                t.gettext("%(when)s: move on to %(exercise)s.")
                % {"when": when, "exercise": _lower_first(catalog[target].name)}
            )
            continue
        offered.append(progression.describe(locale=locale))
    return tuple(offered)


def _week_label(number: int, locale: str) -> str:
    return translations(locale).gettext("Week %(number)s") % {"number": number}


def _weeks_label(weeks: list[Week], locale: str) -> str:
    return week_span(weeks[0].number, weeks[-1].number, locale)


def _schedule(program: Program, catalog: Catalog, locale: str) -> tuple[str, ...]:
    t = translations(locale)
    lines = [program.schedule.describe(locale=locale)]
    weeks = program.weeks
    if weeks and weeks[0].start is not None and weeks[-1].end is not None:
        lines.append(
            t.gettext("Start on %(start)s. Finish on %(end)s.")
            % {"start": long_date(weeks[0].start, locale), "end": long_date(weeks[-1].end, locale)}
        )
    if weeks:
        longest = max(week.estimated_session_duration for week in weeks)
        lines.append(
            t.gettext("One session takes about %(minutes)s.")
            % {"minutes": _minutes(longest, locale)}
        )
    lines += _more_often(program, catalog, locale)
    if program.schedule.more_often and weeks:
        daily = max(week.estimated_daily_duration for week in weeks)
        lines.append(
            t.gettext(
                "Counting every time you do each exercise, a session day takes about %(minutes)s."
            )
            % {"minutes": _minutes(daily, locale)}
        )
    return tuple(lines)


def _more_often(program: Program, catalog: Catalog, locale: str) -> list[str]:
    """A line for each exercise done more often than the sessions: how often, and which days."""
    t = translations(locale)
    lines = []
    weeks = program.weeks
    first = {item.exercise: item.dosage for item in weeks[0].items} if weeks else {}
    every_day = program.schedule.sessions_per_week < 7
    for exercise_id in program.schedule.more_often:
        exercise = catalog[exercise_id]
        frequency = next(
            (d.frequency for d in (first.get(exercise_id), exercise.dosage) if d and d.frequency),
            None,
        )
        often = (
            frequency.describe(locale=locale) if frequency else t.gettext("more than once a day")
        )
        values = {"name": _lower_first(exercise.name), "how_often": often}
        if every_day and (frequency is None or frequency.period is Period.DAY):
            # What the person does: this one every day, the session on its days only.
            lines.append(
                t.gettext(
                    "Do the %(name)s %(how_often)s. Do it every day, also on days with no session."
                )
                % values
            )
        else:
            lines.append(t.gettext("Do the %(name)s %(how_often)s.") % values)
    return lines


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _lower_first(name: str) -> str:
    # Keep acronyms such as "TRX row" as they are.
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _span(start: dt.date | None, end: dt.date | None, locale: str) -> str | None:
    if start is None or end is None:
        return None
    return date_span(start, end, locale)


def _minutes(duration: dt.timedelta, locale: str) -> str:
    return minutes(max(1, round(duration.total_seconds() / 60)), locale)


# -- the calendar (ICS) ------------------------------------------------------


@attrs.frozen
class CalendarDay:
    """One session day of a calendar: its event's words.

    Args:
        week: The week, from 1.
        day: The session of the week, from 1.
        date: The day.
        minutes: How long the session takes, in whole minutes (at least 1).
        summary: The event's title.
        lines: The exercises of that week, one line each, with the dosage, then
            an empty line and a line for each exercise done more often than
            the sessions, if any.
    """

    week: int
    day: int
    date: dt.date
    minutes: int
    summary: str
    lines: tuple[str, ...]


@attrs.frozen
class Calendar:
    """What a calendar of a program says: a title, its days, and what every export carries.

    Args:
        title: The calendar's name.
        days: One a session day, in order.
        safety: When to stop and call a provider.
        disclaimer: The medical disclaimer.
        citations: The references the exercises cite.
        safety_label: The heading of the safety lines.
        references_label: The heading of the citations.
        lang: The language of every word.
    """

    title: str
    days: tuple[CalendarDay, ...]
    safety: tuple[str, ...]
    disclaimer: str
    citations: tuple[str, ...]
    safety_label: str
    references_label: str
    lang: str


def calendar(program: Program, catalog: Catalog, locale: str | None = None) -> Calendar:
    """Gather what the calendar of a dated *program* says, in *locale*.

    Raises:
        InvalidConstraintError: The program has no start date.
        UnknownExerciseError: The program names an exercise *catalog* lacks.
    """
    from upperback._session import session_days  # noqa: PLC0415 - only calendars need it
    from upperback.exceptions import InvalidConstraintError  # noqa: PLC0415

    locale = check_locale(locale)
    if program.request.start is None:
        raise InvalidConstraintError(
            "start: a calendar needs a program with a start date; "
            "build it with start=... (upperback program --start YYYY-MM-DD)"
        )
    handout = build(program, catalog, locale=locale, pictures=False)
    localized = catalog.localized(locale)
    t = translations(locale)
    # An exercise done more often than the sessions, every day with fewer than 7
    # (issue 19): each event says so, since the calendar has no event on the other days.
    more_often = tuple(_more_often(program, localized, locale))
    if more_often:
        more_often = ("", *more_often)
    days = []
    for day in session_days(program):
        assert day.date is not None  # noqa: S101 - the program has a start date
        week = program.weeks[day.week - 1]
        lines = tuple(
            t.gettext("%(number)s. %(name)s: %(dosage)s")
            % {
                "number": number,
                "name": localized[item.exercise].name,
                "dosage": _sentence(item.dosage.describe(locale=locale)),
            }
            for number, item in enumerate(week.items, 1)
        )
        days.append(
            CalendarDay(
                week=day.week,
                day=day.day,
                date=day.date,
                minutes=max(1, round(week.estimated_session_duration.total_seconds() / 60)),
                summary=t.gettext("Upper back exercises: week %(week)s, session %(day)s")
                % {"week": day.week, "day": day.day},
                lines=lines + more_often,
            )
        )
    return Calendar(
        title=handout.title,
        days=tuple(days),
        safety=handout.safety,
        disclaimer=handout.disclaimer,
        citations=handout.citations,
        safety_label=handout.labels.safety,
        references_label=handout.labels.references,
        lang=locale,
    )
