"""The log, adherence and the next week: round trips, formulas and the rules of next_week."""

from __future__ import annotations

import datetime as dt
import html
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from hypothesis import given, settings

import upperback
from upperback import (
    PAIN_RISE,
    Action,
    DataError,
    Feedback,
    Log,
    LogEntry,
    Reason,
    adherence,
    build_program,
    json_schema,
    ladder,
    load_catalog,
    load_log,
    next_week,
    session_days,
)

from . import strategies as s

LOG_SCHEMA = jsonschema.Draft202012Validator(json_schema("log"))  # built once
START = dt.date(2026, 1, 5)


def _full_week(program, week, **fields):
    """Every session of *week* done exactly as prescribed."""
    entries = []
    for day in session_days(program):
        if day.week != week:
            continue
        for item in program.weeks[week - 1].items:
            dosage = item.dosage
            entries.append(
                LogEntry(
                    day.date,
                    item.exercise,
                    dosage.sets,
                    dosage.reps.high,
                    dosage.hold.duration.high if dosage.hold else None,
                    **fields,
                )
            )
    return entries


# -- the log ------------------------------------------------------------------


@settings(deadline=None)
@given(s.program_logs())
def test_a_log_never_loses_an_entry_on_a_round_trip(case):
    program, log = case
    text = upperback.dumps(log)
    assert upperback.loads(text, Log) == log
    LOG_SCHEMA.validate(json.loads(text))
    has_hold = {item.exercise for week in program.weeks for item in week.items if item.dosage.hold}
    # A hold on an exercise without one is refused; the strategy draws holds only for those.
    assert all(e.hold is None or e.exercise in has_hold for e in log.entries)
    loaded = load_log(text, program)
    assert loaded == log
    assert len(loaded.entries) == len(log.entries)


def test_load_log_names_each_problem_with_its_path():
    program = build_program(start=START, weeks=1)
    good = {"date": "2026-01-05", "exercise": program.exercise_ids[0], "sets": 1, "reps": 1}
    document = {
        "entries": [
            {**good, "exercise": "band-row"},
            {**good, "date": "2026-02-01"},
            {**good, "exercise": "pectoralis-stretch", "hold": 5, "pain_after": 3},
            {**good, "exercise": "arm-slide-on-wall", "hold": 5},
        ]
    }
    with pytest.raises(DataError) as caught:
        load_log(json.dumps(document), program)
    paths = [(p.path, p.message) for p in caught.value.problems]
    assert paths == [
        (
            "$.entries[0].exercise",
            "expected an exercise of the program "
            f"({', '.join(program.exercise_ids)}), got 'band-row'",
        ),
        ("$.entries[1].date", "expected a day of the program, 2026-01-05 to 2026-01-11"),
        ("$.entries[3].hold", "expected no hold: 'arm-slide-on-wall' has none"),
    ]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"pain_before": 11}, "$.entries[0].pain_before", "from 0 to 10, got 11"),
        ({"sets": -1}, "$.entries[0].sets", "from 0 to 100, got -1"),
        ({"feedback": "meh"}, "$.entries[0].feedback", "meh"),
        ({"date": "2026-13-01"}, "$.entries[0].date", "expected a date"),
        ({"mood": "ok"}, "$.entries[0].mood", "unexpected key"),
    ],
)
def test_bad_entries_are_refused_with_their_path(change, path, message):
    program = build_program(start=START, weeks=1)
    entry = {"date": "2026-01-05", "exercise": program.exercise_ids[0], "sets": 1, "reps": 1}
    with pytest.raises(DataError) as caught:
        load_log(json.dumps({"entries": [{**entry, **change}]}), program)
    problems = {p.path: p.message for p in caught.value.problems}
    assert path in problems
    assert message in problems[path]


def test_an_undated_program_needs_the_logs_start():
    program = build_program(weeks=1)
    with pytest.raises(DataError, match=r"\$\.start: expected the first day of week 1"):
        load_log('{"entries": []}', program)
    assert load_log('{"start": "2026-01-05"}', program).start == START
    dated = build_program(weeks=1, start=START)
    with pytest.raises(DataError, match=r"\$\.start: expected 2026-01-05"):
        load_log('{"start": "2026-01-06"}', dated)


def test_feedback_takes_a_slug():
    assert LogEntry(START, "band-row", 1, 1, feedback="too-hard").feedback is Feedback.TOO_HARD


# -- adherence ----------------------------------------------------------------


@settings(deadline=None)
@given(s.program_logs())
def test_adherence_is_a_share_and_adds_up(case):
    program, log = case
    result = adherence(program, log)
    for item in (*result.exercises, *result.weeks):
        assert 0 <= item.done <= item.prescribed
        assert item.completion is None or 0 <= item.completion <= 1
    assert sum(e.done for e in result.exercises) == sum(w.done for w in result.weeks)
    assert sum(e.prescribed for e in result.exercises) == sum(w.prescribed for w in result.weeks)
    logged = {e.date for e in log.entries}
    assert not logged & set(result.missed)
    assert all(day <= result.through for day in result.missed)


def test_a_week_done_as_prescribed_is_complete():
    program = build_program(start=START, sessions_per_week=3, weeks=2)
    result = adherence(program, Log(_full_week(program, 1)))
    assert result.completion == 1
    assert result.missed == ()
    assert [(w.week, w.sessions, w.logged) for w in result.weeks] == [(1, 3, 3)]
    assert result.through == dt.date(2026, 1, 9)


def test_completion_missed_days_and_pain_by_the_formulas():
    program = build_program(start=START, sessions_per_week=3, weeks=2, include=["scapular-squeeze"])
    squeeze = next(i for i in program.weeks[0].items if i.exercise == "scapular-squeeze")
    # Week 1: only Monday, half the reps; week 2: Wednesday, in full.
    log = Log(
        (
            LogEntry(
                START,
                "scapular-squeeze",
                squeeze.dosage.sets,
                squeeze.dosage.reps.high // 2,
                pain_before=4,
                pain_after=5,
            ),
            LogEntry(dt.date(2026, 1, 14), "scapular-squeeze", 5, 99, pain_after=2),
        )
    )
    result = adherence(program, log)
    row = next(e for e in result.exercises if e.exercise == "scapular-squeeze")
    week1 = squeeze.dosage.sets * squeeze.dosage.reps.high
    week2_dosage = next(
        i.dosage for i in program.weeks[1].items if i.exercise == "scapular-squeeze"
    )
    week2 = week2_dosage.sets * week2_dosage.reps.high
    # Prescribed: 3 sessions in week 1, 2 in week 2 up to Wednesday the 14th.
    assert row.prescribed == 3 * week1 + 2 * week2
    assert row.done == squeeze.dosage.sets * (squeeze.dosage.reps.high // 2) + week2
    assert result.missed == (dt.date(2026, 1, 7), dt.date(2026, 1, 9), dt.date(2026, 1, 12))
    assert [(p.date, p.before, p.after) for p in result.pain] == [
        (START, 4, 5),
        (dt.date(2026, 1, 14), None, 2),
    ]
    assert result.pain_change == -3


# -- the next week ------------------------------------------------------------


def _exercise(program, exercise_id):
    catalog = load_catalog()
    given_dosages = {g.exercise: g.dosage for g in program.request.dosages}
    exercise = catalog[exercise_id]
    if exercise.dosage is None:
        import attrs  # noqa: PLC0415

        exercise = attrs.evolve(exercise, dosage=given_dosages[exercise_id])
    return exercise


@settings(deadline=None)
@given(s.program_logs())
def test_next_week_never_goes_past_the_source_and_says_why(case):
    program, log = case
    if not log.entries:
        with pytest.raises(DataError, match="at least one entry"):
            next_week(program, log)
        return
    plan = next_week(program, log)
    assert [c.exercise for c in plan.changes] == list(program.exercise_ids)
    for change in plan.changes:
        exercise = _exercise(program, change.exercise)
        steps = ladder(exercise)
        assert change.message
        assert isinstance(change.reason, Reason)
        if change.dosage is None:
            assert change.action is Action.STOP
            continue
        assert change.dosage in steps
        source = exercise.dosage
        assert change.dosage.sets == source.sets
        assert change.dosage.reps.high <= source.reps.high
        if change.dosage.hold is not None:
            assert change.dosage.hold.duration.high <= source.hold.duration.high
        if change.dosage.load is not None and change.previous.load is None:
            assert set(program.request.equipment) & set(change.dosage.load.options)
        if change.action is Action.PROGRESS:
            assert change.reason is Reason.TOO_EASY
            assert steps.index(change.dosage) == steps.index(change.previous) + 1
            _assert_the_week_was_done(program, log, plan.week - 1, change)


def _assert_the_week_was_done(program, log, week, change):
    """A step up follows a week whose work was all logged: sets, reps and holds noted."""
    start = program.request.start or log.start
    dosage = change.previous
    sides = 2 if dosage.per_side else 1
    done = 0
    for entry in log.entries:
        if entry.exercise != change.exercise or (entry.date - start).days // 7 + 1 != week:
            continue
        assert entry.feedback is not Feedback.PAINFUL
        if entry.hold is not None and dosage.hold and entry.hold < dosage.hold.duration.low:
            continue  # held too short: not the work prescribed
        done += min(entry.sets, dosage.sets) * min(entry.reps, dosage.reps.high) * sides
    assert done >= program.schedule.sessions_per_week * dosage.sets * dosage.reps.high * sides


def test_progress_needs_the_logged_work():
    program = build_program(
        start=START, sessions_per_week=2, weeks=2, include=["arm-slide-on-wall"]
    )
    week = _full_week(program, 1, feedback=Feedback.TOO_EASY)
    done = next_week(program, Log(week))
    slide = next(c for c in done.changes if c.exercise == "arm-slide-on-wall")
    assert (done.week, slide.action, slide.reason) == (2, Action.PROGRESS, Reason.TOO_EASY)
    assert slide.message.startswith("Well done. Next time: ")
    half = [e for e in week if e.date == START]
    short = next(
        c for c in next_week(program, Log(half)).changes if c.exercise == "arm-slide-on-wall"
    )
    assert (short.action, short.reason) == (Action.KEEP, Reason.NOT_DONE)
    assert short.dosage == short.previous


def test_progress_needs_each_noted_hold_as_long_as_prescribed():
    # The pectoralis stretch climbs by its hold (15, 20, 25, 30 seconds). Every
    # session, set and rep logged is not the week's work when the holds noted fell
    # short: that is not yet done, so it is not a reason to hold longer.
    program = build_program(
        start=START, sessions_per_week=2, weeks=2, include=["pectoralis-stretch"]
    )
    item = next(i for i in program.weeks[0].items if i.exercise == "pectoralis-stretch")
    assert item.dosage.hold.duration == upperback.Range.exact(15)

    def stretch(hold):
        log = Log(
            [
                LogEntry(day.date, item.exercise, 1, 3, hold, feedback="too-easy")
                for day in session_days(program)
                if day.week == 1
            ]
        )
        changes = next_week(program, log).changes
        return next(c for c in changes if c.exercise == item.exercise)

    short = stretch(5)
    assert (short.action, short.reason, short.dosage) == (
        Action.KEEP,
        Reason.NOT_DONE,
        item.dosage,
    )
    assert stretch(14).reason is Reason.NOT_DONE
    for hold in (15, None):  # as long as prescribed, or not noted
        change = stretch(hold)
        assert (change.action, change.reason) == (Action.PROGRESS, Reason.TOO_EASY)
        assert change.dosage.hold.duration == upperback.Range.exact(20)


def test_painful_and_rising_pain_stop_with_the_call_your_provider_message():
    program = build_program(start=START, weeks=1)
    first = program.exercise_ids[0]
    name = load_catalog()[first].name.lower()
    painful = [LogEntry(START, first, 1, 1, feedback="painful")]
    change = next_week(program, Log(painful)).changes[0]
    assert (change.action, change.reason, change.dosage) == (Action.STOP, Reason.PAINFUL, None)
    assert "Contact your provider" in change.message
    rose = [LogEntry(START, first, 1, 1, pain_before=3, pain_after=3 + PAIN_RISE)]
    change = next_week(program, Log(rose)).changes[0]
    assert (change.action, change.reason) == (Action.STOP, Reason.PAIN_ROSE)
    assert change.message == (
        f"Your pain went up by {PAIN_RISE} points after the {name}. "
        "Stop doing it, and call your provider before you do it again."
    )
    less = [LogEntry(START, first, 1, 1, pain_before=3, pain_after=3 + PAIN_RISE - 1)]
    assert next_week(program, Log(less)).changes[0].action is Action.KEEP


def test_too_hard_steps_back_and_unlogged_exercises_keep():
    program = build_program(start=START, weeks=3, include=["arm-slide-on-wall"])
    day = START + dt.timedelta(weeks=2)
    plan = next_week(program, Log([LogEntry(day, "arm-slide-on-wall", 1, 1, feedback="too-hard")]))
    changes = {c.exercise: c for c in plan.changes}
    assert changes["arm-slide-on-wall"].action is Action.REGRESS
    steps = ladder(load_catalog()["arm-slide-on-wall"])
    assert steps.index(changes["arm-slide-on-wall"].dosage) == (
        steps.index(changes["arm-slide-on-wall"].previous) - 1
    )
    others = [c for c in plan.changes if c.exercise != "arm-slide-on-wall"]
    assert {(c.action, c.reason) for c in others} == {(Action.KEEP, Reason.NOT_LOGGED)}


def test_a_load_the_person_lacks_is_never_added():
    no_cans = list(upperback.DEFAULT_EQUIPMENT)
    program = build_program(start=START, weeks=1, equipment=no_cans, include=["mid-trap-raise"])
    change = next(
        c
        for c in next_week(program, Log(_full_week(program, 1, feedback="too-easy"))).changes
        if c.exercise == "mid-trap-raise"
    )
    assert (change.action, change.reason) == (Action.KEEP, Reason.NO_LOAD)
    with_cans = build_program(
        start=START, weeks=1, equipment=[*no_cans, "soup-cans"], include=["mid-trap-raise"]
    )
    change = next(
        c
        for c in next_week(with_cans, Log(_full_week(with_cans, 1, feedback="too-easy"))).changes
        if c.exercise == "mid-trap-raise"
    )
    assert change.action is Action.PROGRESS
    assert change.dosage.load is not None


def test_spanish_messages():
    program = build_program(start=START, weeks=1)
    first = program.exercise_ids[0]
    log = Log([LogEntry(START, first, 1, 1, pain_before=1, pain_after=6)])
    change = next_week(program, log, locale="es").changes[0]
    assert change.message.startswith("Su dolor subió 5 puntos")
    assert "profesional de la salud" in change.message


# -- the clinician's progress report --------------------------------------------


def _report_case(locale=None):
    program = build_program(start=START, sessions_per_week=3, weeks=2)
    entries = _full_week(program, 1, pain_before=5, pain_after=4, feedback="just-right")
    entries += [
        LogEntry(dt.date(2026, 1, 12), e, 1, 1, pain_before=3, pain_after=1)
        for e in program.exercise_ids
    ]
    return program, upperback.progress_report(program, Log(entries), locale=locale)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_report_shows_adherence_pain_and_changes(fmt):
    _program, report = _report_case()
    output = upperback.render(report, fmt)
    catalog = load_catalog()
    assert "Progress report" in output
    for row in report.adherence.exercises:
        assert catalog[row.exercise].name in output
        assert f"{round(row.completion * 100)}%" in output
    assert "Pain after exercise went down by 3 points, first week to last." in output
    for change in report.next_week.changes:
        assert (html.escape(change.message) if fmt == "html" else change.message) in output
    assert catalog.disclaimer in output
    for line in catalog.safety:
        assert line in output
    if fmt == "html":
        assert output.count("<svg") == 1
        assert "<title>Pain before and after exercise" in output
        assert output.count("<circle") == 2 * 4  # before and after, on 4 logged days
    else:
        assert "data:image/svg+xml;base64," in output


def test_the_report_in_spanish_and_as_pdf():
    _program, report = _report_case("es")
    output = upperback.render(report, "html")
    assert '<html lang="es">' in output
    assert "Informe de progreso" in output
    assert "El dolor después del ejercicio bajó 3 puntos" in output
    assert "Progress report" not in output
    pdf = upperback.render(report, "pdf")
    assert pdf.startswith(b"%PDF")


def test_equal_pain_before_and_after_still_shows_both():
    # Pain 3 before and 3 after: the two points sit on one spot. The one drawn
    # last must not hide the other: a wider open ring around a dot.
    program = build_program(start=START, weeks=1)
    first = program.exercise_ids[0]
    log = Log(
        [
            LogEntry(START, first, 1, 1, pain_before=3, pain_after=3),
            LogEntry(START + dt.timedelta(days=1), first, 1, 1, pain_before=4, pain_after=2),
        ]
    )
    page = upperback.render(upperback.progress_report(program, log), "html")
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + 6])  # noqa: S314 - ours
    circles = [c.attrib for c in svg.iter("{http://www.w3.org/2000/svg}circle")]
    spots = [(c["cx"], c["cy"]) for c in circles]
    shared = [c for c in circles if spots.count((c["cx"], c["cy"])) == 2]
    assert len(shared) == 2
    under, over = shared  # in drawing order
    assert under.get("fill") not in (None, "none")
    assert over["fill"] == "none"
    assert float(over["r"]) > float(under["r"])


def test_a_report_of_an_empty_log_says_so():
    program = build_program(start=START, weeks=1)
    report = upperback.progress_report(program, Log())
    assert report.next_week is None
    output = upperback.render(report, "markdown")
    assert "There are not yet pain scores from two weeks to compare." in output
    assert "what changes" not in output


def test_a_report_has_no_text_format():
    _program, report = _report_case()
    with pytest.raises(upperback.UnknownFormatError):
        upperback.render(report, "text")


@settings(deadline=None, max_examples=15)
@given(s.program_logs())
def test_any_log_gives_a_report_with_its_safety_text(case):
    program, log = case
    report = upperback.progress_report(program, log)
    page = upperback.render(report, "html")
    catalog = load_catalog()
    assert html.escape(catalog.disclaimer) in page
    assert page.count("<svg") == (1 if report.adherence.pain else 0)
    assert page.count("<circle") == sum(
        (p.before is not None) + (p.after is not None) for p in report.adherence.pain
    )
    for row in report.adherence.exercises:
        assert html.escape(catalog[row.exercise].name) in page
