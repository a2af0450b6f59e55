"""The builder never prescribes what a person lacks, or what the source makes conditional."""

import datetime as dt
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings

import upperback
from upperback import (
    DOSE_CEILING,
    SEVERAL_TIMES,
    Action,
    Equipment,
    Feedback,
    HandoutOptions,
    InvalidConstraintError,
    InvalidOptionError,
    OmissionReason,
    ProgressionKind,
    adapt,
    build_program,
    climbs_on_condition,
    ladder,
    render,
    rounds_a_day,
)
from upperback.cli import main
from upperback.program import explain_omission

from . import strategies

START = dt.date(2026, 1, 5)
CANS = ["soup-cans", *upperback.DEFAULT_EQUIPMENT]


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


def _mine(change):
    """The bundled catalog as a document, declaring a barbell, changed by *change*."""
    document = json.loads(upperback.dumps(upperback.load_catalog()))
    document["vocabulary"] = {"equipment": [{"id": "barbell", "label": "a barbell"}]}
    change({e["id"]: e for e in document["exercises"]})
    return upperback.loads(json.dumps(document), upperback.Catalog)


def _dosages(program, exercise_id):
    return [next(i.dosage for i in w.items if i.exercise == exercise_id) for w in program.weeks]


def _section(text, name, following):
    return text.split(name, 1)[1].split(following, 1)[0]


# -- loads need the kit ---------------------------------------------------------


def test_the_typical_home_is_never_given_soup_cans(catalog):
    program = build_program(start=START, minutes_per_session=60)
    assert "mid-trap-raise" in program.exercise_ids
    assert all(d.load is None for d in _dosages(program, "mid-trap-raise"))
    text = render(program, "text")
    assert "soup cans" not in text
    assert "small weights" not in text
    top = ladder(catalog["mid-trap-raise"], equipment=upperback.DEFAULT_EQUIPMENT)[-1]
    kept = adapt(catalog["mid-trap-raise"], top, "too-easy")
    assert (kept.action, kept.dosage) == (Action.KEEP, top)


def test_with_soup_cans_the_load_is_a_condition_and_adapt_applies_it(catalog):
    program = build_program(equipment=CANS, start=START, minutes_per_session=60)
    assert all(d.load is None for d in _dosages(program, "mid-trap-raise"))
    section = _section(render(program, "text"), "Mid-trap exercise\n", "Take care")
    assert "  - Weeks 1 to 4 (January 5 to February 1, 2026): 3 sets of 15.\n" in section
    assert (
        "  - Weeks 2 to 4, if week 1 felt easy (January 12 to February 1, 2026): "
        "3 sets of 15, with soup cans or small weights in your hands.\n"
    ) in section
    assert "Once the exercise feels easy: hold soup cans or small weights." in section
    week_1 = _dosages(program, "mid-trap-raise")[0]
    up = adapt(catalog["mid-trap-raise"], week_1, "too-easy", equipment=program.request.equipment)
    assert up.action is Action.PROGRESS
    assert up.dosage.load == catalog["mid-trap-raise"].progressions[0].load
    assert up.message.endswith("with soup cans or small weights in your hands.")


def test_a_one_week_plan_has_no_later_week_for_the_load():
    program = build_program(equipment=CANS, weeks=1, minutes_per_session=60)
    assert "felt easy" not in render(program, "text")


def test_a_loaded_step_without_the_kit_is_refused(catalog):
    exercise = catalog["mid-trap-raise"]
    loaded = ladder(exercise)[-1]
    with pytest.raises(InvalidConstraintError, match="holds soup cans or small weights"):
        adapt(exercise, loaded, "just-right")
    assert adapt(exercise, loaded, "just-right", equipment=["small-weights"]).dosage == loaded


def test_an_add_load_progression_of_a_barbell_needs_a_barbell():
    def barbell_progression(exercises):
        exercises["arm-slide-on-wall"]["progressions"] = [
            {"kind": "add-load", "load": {"options": ["barbell"]}, "when": "once it feels easy"}
        ]

    mine = _mine(barbell_progression)
    slide = mine["arm-slide-on-wall"]
    barbell = mine.term(Equipment, "barbell")
    assert ladder(slide, equipment=[]) == ladder(slide, equipment=["wall"])
    assert ladder(slide, equipment=[barbell])[-1].load.options == (barbell,)
    for equipment in (["wall"], ["wall", barbell]):
        program = build_program(equipment=equipment, catalog=mine, minutes_per_session=60)
        assert all(d.load is None for d in _dosages(program, "arm-slide-on-wall"))
        text = render(program, "text", catalog=mine)
        # Its top comes in the last week: no week is left for the load.
        assert "felt easy" not in text
        assert ("a barbell" in text) is (barbell in equipment)
    # adapt reads a declared slug from the catalog given, as build_program does.
    top = ladder(slide, equipment=[])[-1]
    up = adapt(slide, top, "too-easy", equipment=["wall", "barbell"], catalog=mine)
    assert up.dosage.load.options == (barbell,)
    assert adapt(slide, top, "too-easy", equipment=["wall", barbell]) == up


def test_a_dosage_that_carries_a_load_the_person_lacks_is_left_out():
    def barbell_dosage(exercises):
        exercises["arm-slide-on-wall"]["dosage"]["load"] = {"options": ["barbell"]}

    mine = _mine(barbell_dosage)
    program = build_program(equipment=["wall"], catalog=mine)
    (omission,) = [o for o in program.omitted if o.exercise == "arm-slide-on-wall"]
    assert omission.reason is OmissionReason.MISSING_LOAD
    assert omission.detail == "it is done with a barbell in your hands"
    assert explain_omission(omission, program, mine) == omission.detail
    chosen = build_program(equipment=["wall", "barbell"], catalog=mine)
    assert "arm-slide-on-wall" in chosen.exercise_ids
    assert _dosages(chosen, "arm-slide-on-wall")[0].load is not None


def test_a_loaded_program_holds_only_loads_its_request_has():
    def cans_dosage(exercises):
        exercises["arm-slide-on-wall"]["dosage"]["load"] = {"options": ["soup-cans"]}

    chosen = build_program(equipment=["wall", "soup-cans"], catalog=_mine(cans_dosage))
    assert upperback.loads(upperback.dumps(chosen), upperback.Program) == chosen
    document = json.loads(upperback.dumps(chosen))
    document["request"]["equipment"] = ["wall"]
    with pytest.raises(upperback.DataError) as info:
        upperback.loads(json.dumps(document), upperback.Program)
    assert [p.path for p in info.value.problems] == ["$.weeks[0].items[0].dosage.load"]


# -- conditional stays conditional ------------------------------------------------


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(strategies.built_programs())
def test_no_week_applies_a_progression_and_too_easy_does(pair):
    catalog, program = pair
    have = program.request.equipment
    for exercise_id in program.exercise_ids:
        exercise = catalog[exercise_id]
        weekly = _dosages(program, exercise_id)
        steps = ladder(exercise, equipment=have)
        # The calendar applies no progression: no load but the dosage's own.
        assert all(d.load == exercise.dosage.load for d in weekly)
        if climbs_on_condition(exercise):
            assert weekly == [steps[0]] * len(weekly)
        load = next(
            (p.load for p in exercise.progressions if p.kind is ProgressionKind.ADD_LOAD), None
        )
        offered = (
            load is not None
            and load != exercise.dosage.load
            and bool(set(load.options) & set(have))
        )
        assert (steps[-1].load != steps[0].load) is offered
        # too-easy applies the condition: one step up, the load included.
        for lower, higher in itertools.pairwise(steps):
            up = adapt(exercise, lower, Feedback.TOO_EASY, equipment=have)
            assert (up.action, up.dosage) == (Action.PROGRESS, higher)
        top = adapt(exercise, steps[-1], Feedback.TOO_EASY, equipment=have)
        assert (top.action, top.dosage) == (Action.KEEP, steps[-1])


def test_more_reps_on_a_condition_stay_at_the_bottom():
    def conditional_reps(exercises):
        exercises["arm-slide-on-wall"]["progressions"] = [
            {"kind": "more-reps", "when": "once 8 feel easy"}
        ]

    mine = _mine(conditional_reps)
    program = build_program(catalog=mine, minutes_per_session=60)
    assert [d.reps.low for d in _dosages(program, "arm-slide-on-wall")] == [8] * 4
    text = render(program, "text", catalog=mine)
    assert "Once 8 feel easy: do more repetitions, up to the top of the range." in text
    slide = mine["arm-slide-on-wall"]
    assert adapt(slide, slide.dosage, "too-easy").dosage.reps.low == 9


def test_the_handout_never_offers_to_move_on_to_an_exercise_left_out():
    def next_is_the_row(exercises):
        exercises["arm-slide-on-wall"]["progressions"] = [
            {"kind": "next-exercise", "exercise": "band-row", "when": "once 12 feel easy"}
        ]

    mine = _mine(next_is_the_row)
    without = build_program(catalog=mine, minutes_per_session=60)
    assert "band-row" in {o.exercise for o in without.omitted}
    assert "move on to" not in render(without, "text", catalog=mine)
    kit = [*upperback.DEFAULT_EQUIPMENT, "elastic-band", "door"]
    with_band = build_program(equipment=kit, catalog=mine, minutes_per_session=60)
    text = render(with_band, "text", catalog=mine)
    assert "Once 12 feel easy: move on to the rowing exercise with a band." in text or (
        f"move on to {mine['band-row'].name[:1].lower()}{mine['band-row'].name[1:]}." in text
    )
    assert "move on to band-row" not in text


# -- frequency counts -------------------------------------------------------------


def _frequent(times, sets=1, reps=10):
    def change(exercises):
        exercises["thoracic-extension"]["dosage"] = {
            "reps": reps,
            "sets": sets,
            "frequency": {"period": "day", "times": times},
        }

    return _mine(change)


def test_frequency_counts_in_the_dose_ceiling():
    mine = _frequent(100, sets=5, reps=30)
    assert not DOSE_CEILING.allows(mine["thoracic-extension"].dosage)
    program = build_program(catalog=mine, minutes_per_session=240)
    (omission,) = [o for o in program.omitted if o.exercise == "thoracic-extension"]
    assert omission.reason is OmissionReason.ABOVE_DOSE_CEILING
    assert "100 times each day" in omission.detail
    assert "a day" in omission.detail
    # The same dose once a day is within it.
    assert DOSE_CEILING.allows(_frequent(1, sets=5, reps=30)["thoracic-extension"].dosage)


def test_frequency_counts_in_the_time_budget():
    mine = _frequent(4)
    extension = mine["thoracic-extension"].dosage
    assert rounds_a_day(extension) == 4
    once = upperback.Timing().estimate(extension)
    assert upperback.Timing().estimate_daily(extension) == 4 * once
    program = build_program(catalog=mine, minutes_per_session=60)
    for week in program.weeks:
        assert week.estimated_daily_duration == week.estimated_session_duration + 3 * once
        assert week.estimated_daily_duration <= dt.timedelta(minutes=60)
    # A budget that holds one time but not four leaves it out.
    tight = build_program(catalog=mine, minutes_per_session=3, include=["thoracic-extension"])
    assert "thoracic-extension" in {o.exercise for o in tight.omitted}


def test_several_times_each_day_counts_as_several(catalog):
    extension = catalog["thoracic-extension"].dosage
    assert rounds_a_day(extension) == SEVERAL_TIMES == 3
    assert rounds_a_day(catalog["band-row"].dosage) == 1


def test_the_handout_says_how_long_a_session_and_a_day_take():
    program = build_program(start=START)
    text = render(program, "text")
    session = max(w.estimated_session_duration for w in program.weeks)
    daily = max(w.estimated_daily_duration for w in program.weeks)
    assert daily > session
    assert f"One session takes about {round(session.total_seconds() / 60)} minutes." in text
    assert (
        "Counting every time you do each exercise, a session day takes about "
        f"{round(daily.total_seconds() / 60)} minutes."
    ) in text
    spanish = render(program, "text", locale="es")
    assert "un día con sesión le lleva alrededor de" in spanish


# -- contradictions --------------------------------------------------------------


def test_one_session_a_week_says_the_extension_is_every_day():
    text = render(build_program(sessions_per_week=1), "text")
    assert "Do the session 1 day a week for 4 weeks." in text
    assert (
        "Do the thoracic extension several times each day. "
        "Do it every day, also on days with no session."
    ) in text
    every_day = render(build_program(), "text")
    assert "Do the thoracic extension several times each day.\n" in every_day
    assert "days with no session" not in every_day


@pytest.mark.parametrize("locale", [None, "es"])
def test_adapt_messages_never_end_with_two_full_stops(catalog, locale):
    localized = catalog.localized(locale or "en")
    kit = [e for e in Equipment if e is not Equipment.UNKNOWN]
    for exercise in localized:
        for step in ladder(exercise):
            for feedback in Feedback:
                message = adapt(exercise, step, feedback, equipment=kit, locale=locale).message
                assert ".." not in message
                assert message.endswith(".")


def test_a_date_given_after_the_start_is_refused():
    program = build_program(start=START)
    late = HandoutOptions(date_given=START + dt.timedelta(days=1))
    with pytest.raises(InvalidOptionError, match="date_given: 2026-01-06 is after the plan's"):
        render(program, "text", options=late)
    assert "January 5, 2026" in render(program, "text", options=HandoutOptions(date_given=START))
    undated = build_program()
    assert render(undated, "text", options=late)  # no start: nothing to compare


def test_the_cli_says_a_late_date_given_is_wrong(capsys):
    code = main(["program", "--start", "2026-01-05", "--date-given", "2026-01-07"])
    assert code == 2
    assert "--date-given: 2026-01-07 is after the plan's first day, 2026-01-05" in (
        capsys.readouterr().err
    )
