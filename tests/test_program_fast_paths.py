"""The builder's fast paths give the same programs as the plain algorithm.

``build_program`` chooses on whole seconds and makes ladders only for the
exercises it chooses. ``_reference_build`` below is the builder as it was
before: a ladder and a ``Dosage`` for every eligible exercise, times from
``Timing.estimate``. Both must give equal programs.
"""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import (
    Category,
    Equipment,
    NoEligibleExercisesError,
    Omission,
    OmissionReason,
    Position,
    Program,
    ProgramItem,
    ProgramRequest,
    Region,
    Schedule,
    Timing,
    Week,
)
from upperback import program as p

from . import strategies


def _reference_build(request, catalog):
    order = {exercise_id: i for i, exercise_id in enumerate(catalog.ids)}
    omitted, eligible = [], []
    for exercise in catalog:
        reason = p._ineligible(exercise, request)
        if reason is None:
            eligible.append(exercise)
        else:
            omitted.append(reason)
    plans = {e.id: p._weekly_dosages(e, request.weeks) for e in eligible}
    budget = dt.timedelta(minutes=request.minutes_per_session)
    worst = [dt.timedelta()] * request.weeks
    chosen = []
    for exercise in p._in_choice_order(eligible, request):
        times = [request.timing.estimate_daily(d) for d in plans[exercise.id]]
        if all(w + t <= budget for w, t in zip(worst, times, strict=True)):
            chosen.append(exercise)
            worst = [w + t for w, t in zip(worst, times, strict=True)]
        else:
            minutes = max(1, round(max(times).total_seconds() / 60))
            longest = _minutes(minutes)
            omitted.append(
                Omission(
                    exercise.id,
                    OmissionReason.OVER_TIME_BUDGET,
                    f"it takes about {longest} and does not fit in "
                    f"{_minutes(request.minutes_per_session)} with the others",
                )
            )
    if not chosen:
        raise NoEligibleExercisesError(sorted(omitted, key=lambda o: order[o.exercise]))
    session = sorted(chosen, key=lambda e: (not e.category.warm_up, order[e.id]))
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
    more_often = tuple(e.id for e in session if p._more_than_daily(e.dosage))
    return Program(
        request=request,
        data_version=catalog.data_version,
        schedule=Schedule(request.sessions_per_week, request.weeks, more_often),
        weeks=tuple(weeks),
        omitted=tuple(sorted(omitted, key=lambda o: order[o.exercise])),
    )


def _minutes(count):
    return "1 minute" if count == 1 else f"{count} minutes"


def _both(request, catalog):
    def attempt(build):
        try:
            return build(request, catalog)
        except NoEligibleExercisesError as exc:
            return ("none", str(exc))

    return attempt(p._build), attempt(_reference_build)


@given(st.data(), st.integers(1, 12), strategies.timings)
def test_weekly_seconds_are_the_estimates_of_the_weekly_dosages(data, weeks, timing):
    exercise = data.draw(strategies.exercises())
    expected = [
        int(timing.estimate_daily(d).total_seconds()) for d in p._weekly_dosages(exercise, weeks)
    ]
    assert p._weekly_seconds(exercise, weeks, timing) == expected
    assert p._first_and_last_seconds(exercise, weeks, timing) == (expected[0], expected[-1])
    assert min(expected) == expected[0]
    assert max(expected) == expected[-1]


@settings(suppress_health_check=[HealthCheck.too_slow])  # catalogs are big draws
@given(
    st.data(),
    strategies.catalogs(),
    st.lists(st.sampled_from(Equipment), unique=True),
    st.lists(st.sampled_from(Position), unique=True, max_size=3),
    st.integers(1, 60),
    st.integers(1, 12),
    st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    strategies.timings,
)
def test_random_catalogs_build_the_same_program_as_the_plain_algorithm(  # noqa: PLR0913, PLR0917
    data, catalog, equipment, avoid, minutes, weeks, start, timing
):
    ids = list(catalog.ids)
    request = ProgramRequest(
        equipment=tuple(equipment),
        avoid_positions=tuple(avoid),
        minutes_per_session=minutes,
        weeks=weeks,
        start=start,
        include=tuple(data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))),
        exclude=tuple(data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))),
        timing=timing,
        regions=tuple(data.draw(st.lists(st.sampled_from(Region), unique=True, max_size=2))),
        categories=tuple(data.draw(st.lists(st.sampled_from(Category), unique=True, max_size=2))),
    )
    fast, reference = _both(request, catalog)
    assert fast == reference


@given(strategies.constraints())
def test_bundled_catalog_builds_the_same_program_as_the_plain_algorithm(kwargs):
    catalog = upperback.load_catalog()
    try:
        program = upperback.build_program(**kwargs)
    except NoEligibleExercisesError as exc:
        program = ("none", str(exc))
    fast, reference = _both(
        program.request if isinstance(program, Program) else _request_of(kwargs), catalog
    )
    assert fast == reference
    assert program == fast


def _request_of(kwargs):
    return ProgramRequest(
        equipment=tuple(kwargs["equipment"]),
        avoid_positions=tuple(kwargs["avoid_positions"]),
        minutes_per_session=kwargs["minutes_per_session"],
        sessions_per_week=kwargs["sessions_per_week"],
        weeks=kwargs["weeks"],
        start=kwargs["start"],
        include=tuple(kwargs["include"]),
        exclude=tuple(kwargs["exclude"]),
        timing=kwargs["timing"] if kwargs["timing"] is not None else Timing(),
    )


def test_default_program_is_unchanged():
    catalog = upperback.load_catalog()
    assert upperback.build_program() == _reference_build(ProgramRequest(), catalog)
