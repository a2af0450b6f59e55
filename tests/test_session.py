"""Guided sessions: the timeline, its times, its JSON, and the terminal player."""

from __future__ import annotations

import datetime as dt
import io
import json

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import upperback
from upperback import (
    Dosage,
    EventKind,
    Hold,
    HoldUnit,
    InvalidConstraintError,
    Program,
    Range,
    Session,
    Timing,
    build_program,
    json_schema,
    load_catalog,
    session,
    session_days,
)
from upperback._play import clock_text, play, timeline_text
from upperback.cli import main

from . import strategies as s

#: Many random user catalogs build no program (nothing fits): not a failure of the test.
SESSION_SCHEMA = jsonschema.Draft202012Validator(json_schema("session"))  # built once
FILTERED = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _check_timeline(timeline: Session, program: Program, week: int) -> None:
    items = program.weeks[week - 1].items
    intros = [e for e in timeline.events if e.kind is EventKind.INTRO]
    assert [e.exercise for e in intros] == [item.exercise for item in items]
    assert timeline.events[-1].kind is EventKind.END
    for item in items:
        mine = [e for e in timeline.events if e.exercise == item.exercise]
        dosage = item.dosage
        sides = 2 if dosage.per_side else 1
        reps = [e for e in mine if e.kind is EventKind.REP]
        holds = [e for e in mine if e.kind is EventKind.HOLD]
        assert len(reps) == dosage.sets * dosage.reps.high * sides
        assert len(holds) == (len(reps) if dosage.hold else 0)
        assert all(h.seconds == dosage.hold.duration.high for h in holds if dosage.hold)
        assert len([e for e in mine if e.kind is EventKind.SET]) == dosage.sets
        assert len([e for e in mine if e.kind is EventKind.SWITCH_SIDES]) == (
            dosage.sets if dosage.per_side else 0
        )
        assert len([e for e in mine if e.kind is EventKind.REST]) == dosage.sets - 1


@given(s.program_sessions())
def test_the_total_is_the_programs_time_estimate(case):
    program, week, day = case
    timeline = session(program, week=week, day=day)
    assert timeline.duration == program.weeks[week - 1].estimated_session_duration
    _check_timeline(timeline, program, week)


@given(s.program_sessions(), s.timings)
def test_with_other_times_the_total_is_their_estimate(case, timing):
    program, week, day = case
    timeline = session(program, week=week, day=day, timing=timing)
    items = program.weeks[week - 1].items
    expected = sum((timing.estimate(item.dosage) for item in items), dt.timedelta())
    assert timeline.duration == expected
    assert timeline.timing == timing


@FILTERED
@given(s.imported_programs())
def test_user_catalogs_with_their_own_terms_and_given_dosages(case):
    catalog, program = case
    assert catalog.vocabulary  # terms of its own
    for week in range(1, len(program.weeks) + 1):
        timeline = session(program, week=week, catalog=catalog)
        assert timeline.duration == program.weeks[week - 1].estimated_session_duration
        _check_timeline(timeline, program, week)
    intro = next(e for e in timeline.events if e.kind is EventKind.INTRO)
    assert intro.steps == tuple(step.text for step in catalog[intro.exercise].steps)


@FILTERED
@given(s.given_dosage_programs())
def test_a_dosage_given_with_dosages(case):
    catalog, program = case
    for week in range(1, len(program.weeks) + 1):
        timeline = session(program, week=week, catalog=catalog)
        assert timeline.duration == program.weeks[week - 1].estimated_session_duration
        _check_timeline(timeline, program, week)


@settings(deadline=None)  # a schema check of hundreds of events, on a shared machine
@given(s.program_sessions())
def test_json_round_trip_and_schema(case):
    program, week, day = case
    timeline = session(program, week=week, day=day)
    text = upperback.dumps(timeline)
    assert upperback.loads(text, Session) == timeline
    SESSION_SCHEMA.validate(json.loads(text))


def test_spanish_text_and_the_same_times():
    program = build_program()
    english = session(program)
    spanish = session(program, locale="es")
    assert spanish.lang == "es"
    assert [(e.kind, e.at, e.seconds) for e in spanish.events] == [
        (e.kind, e.at, e.seconds) for e in english.events
    ]
    es = load_catalog().localized("es")
    intro = spanish.events[0]
    assert intro.steps == tuple(step.text for step in es[intro.exercise].steps)
    assert intro.text.startswith(f"Siguiente: {es[intro.exercise].name}.")
    assert spanish.events[-1].text == "Muy bien. La sesión ha terminado."
    assert not {e.text for e in spanish.events} & {e.text for e in english.events}


def test_one_exercise_event_by_event():
    # The scapular squeeze, 2 sets of 15 with a 5-second hold: setup 20,
    # then per rep 3 + 5, and 30 of rest: 20 + 2 x 15 x 8 + 30 = 290 seconds.
    program = build_program(include=["scapular-squeeze"], minutes_per_session=5, weeks=1)
    assert program.exercise_ids == ("scapular-squeeze",)
    timeline = session(program)
    assert timeline.duration == dt.timedelta(seconds=290)
    kinds = [e.kind for e in timeline.events]
    assert kinds[:4] == [EventKind.INTRO, EventKind.SET, EventKind.REP, EventKind.HOLD]
    intro, first_set, rep, hold = timeline.events[:4]
    assert intro.seconds == 20
    assert intro.figures == ("scapular-squeeze-start", "scapular-squeeze-end")
    assert first_set.text == "Set 1 of 2."
    assert (rep.at, rep.seconds, rep.text) == (20, 3, "Rep 1 of 15.")
    assert (hold.at, hold.seconds, hold.text) == (23, 5, "Hold for 5 seconds.")
    rest = next(e for e in timeline.events if e.kind is EventKind.REST)
    assert (rest.at, rest.seconds, rest.text) == (20 + 15 * 8, 30, "Rest for 30 seconds.")
    assert timeline.events[-1].at == 290


def test_per_side_work_switches_sides_once_a_set():
    catalog = load_catalog()
    exercise = catalog["band-row"]
    dosage = Dosage(
        reps=Range.exact(2), sets=2, per_side=True, hold=Hold(Range.exact(3), HoldUnit.COUNTS)
    )
    bare = attrs.evolve(
        catalog,
        exercises=tuple(
            attrs.evolve(e, dosage=None, progressions=()) if e.id == exercise.id else e
            for e in catalog.exercises
        ),
    )
    program = build_program(
        catalog=bare,
        dosages={exercise.id: dosage},
        include=[exercise.id],
        equipment=[e for e in upperback.Equipment if e is not upperback.Equipment.UNKNOWN],
        weeks=1,
    )
    timeline = session(program, catalog=bare)
    mine = [e for e in timeline.events if e.exercise == exercise.id]
    assert [(e.kind.value, e.set, e.rep, e.side) for e in mine[:10]] == [
        ("intro", None, None, None),
        ("set", 1, None, None),
        ("rep", 1, 1, 1),
        ("hold", 1, 1, 1),
        ("rep", 1, 2, 1),
        ("hold", 1, 2, 1),
        ("switch-sides", 1, None, 2),
        ("rep", 1, 1, 2),
        ("hold", 1, 1, 2),
        ("rep", 1, 2, 2),
    ]
    assert mine[3].text == "Hold for 3 counts."
    assert mine[6].seconds == 0


def test_rest_between_exercises_is_added_where_asked():
    program = build_program()
    plain = session(program)
    rested = session(program, rest_between_exercises=45)
    count = len(program.exercise_ids)
    assert rested.duration - plain.duration == dt.timedelta(seconds=45 * (count - 1))
    rests = [e for e in rested.events if e.kind is EventKind.REST and e.set is None]
    assert len(rests) == count - 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"week": 0}, "week: expected a whole number from 1 to 4, got 0"),
        ({"week": 5}, "week: expected a whole number from 1 to 4, got 5"),
        ({"day": 8}, "day: expected a whole number from 1 to 7, got 8"),
        ({"day": True}, "day: expected a whole number from 1 to 7, got True"),
        ({"timing": 3}, "timing: expected a Timing, got int"),
        ({"rest_between_exercises": -1}, "rest_between_exercises: expected whole seconds >= 0"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(InvalidConstraintError, match=message):
        session(build_program(), **kwargs)


def test_a_loaded_session_must_add_up():
    data = json.loads(upperback.dumps(session(build_program())))
    data["events"][2]["at"] += 1
    with pytest.raises(upperback.DataError, match=r"\$\.events\[2\]\.at: expected 20"):
        upperback.loads(json.dumps(data), Session)
    data = json.loads(upperback.dumps(session(build_program())))
    data["events"].pop()
    with pytest.raises(upperback.DataError, match="expected the last event to be the end"):
        upperback.loads(json.dumps(data), Session)


def test_session_days_spread_rest_days_and_carry_dates():
    program = build_program(sessions_per_week=3, start=dt.date(2026, 1, 5), weeks=2)
    days = session_days(program)
    assert [(d.week, d.day, d.date) for d in days] == [
        (1, 1, dt.date(2026, 1, 5)),
        (1, 2, dt.date(2026, 1, 7)),
        (1, 3, dt.date(2026, 1, 9)),
        (2, 1, dt.date(2026, 1, 12)),
        (2, 2, dt.date(2026, 1, 14)),
        (2, 3, dt.date(2026, 1, 16)),
    ]
    assert session(program, week=2, day=3).date == dt.date(2026, 1, 16)
    assert session(build_program()).date is None


@given(s.programs)
def test_session_days_are_within_their_week(program):
    days = session_days(program)
    assert len(days) == len(program.weeks) * program.schedule.sessions_per_week
    for day in days:
        week = program.weeks[day.week - 1]
        if week.start is None:
            assert day.date is None
        else:
            assert week.start <= day.date <= week.end
    dates = [d.date for d in days if d.date is not None]
    assert dates == sorted(set(dates))


# -- the command line and the player ------------------------------------------


def test_cli_prints_the_timeline(capsys):
    assert main(["session", "--week", "2", "--day", "1"]) == 0
    out = capsys.readouterr().out
    timeline = session(build_program(), week=2)
    assert out == timeline_text(timeline)
    assert out.splitlines()[1].startswith("   0:00   20s  Next: ")


def test_cli_json_is_the_session(capsys):
    assert main(["session", "--format", "json", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert upperback.loads(out, Session) == session(build_program(), locale="es")


def test_cli_names_the_option_that_is_out_of_range(capsys):
    assert main(["session", "--day", "9", "--sessions-per-week", "3"]) == 2
    assert "--day: expected a whole number from 1 to 3, got 9" in capsys.readouterr().err


def test_cli_play_refuses_a_file(capsys, tmp_path):
    assert main(["session", "--play", "-o", str(tmp_path / "x")]) == 2
    assert "--play" in capsys.readouterr().err


class FakeClock:
    """A clock that moves only when the player sleeps."""

    def __init__(self, stop_at: float | None = None) -> None:
        self.now = 100.0
        self.slept = 0.0
        self.stop_at = stop_at

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        if self.stop_at is not None and self.now - 100.0 >= self.stop_at:
            raise KeyboardInterrupt
        self.now += seconds
        self.slept += seconds


def test_play_waits_the_whole_session_and_shows_every_event():
    timeline = session(build_program(weeks=1))
    clock, out = FakeClock(), io.StringIO()
    assert play(timeline, out, clock=clock, sleep=clock.sleep) is True
    assert clock.slept == pytest.approx(timeline.duration.total_seconds())
    text = out.getvalue()
    for event in timeline.events:
        assert event.text in text
    assert f"/ {clock_text(timeline.duration.total_seconds())}" in text
    assert "[" + "#" * 24 + "] 100%" in text


def test_play_without_a_terminal_writes_only_lines():
    timeline = session(build_program(weeks=1))
    clock, out = FakeClock(), io.StringIO()
    assert play(timeline, out, live=False, clock=clock, sleep=clock.sleep)
    assert "\r" not in out.getvalue()
    assert "\x1b" not in out.getvalue()


def test_ctrl_c_stops_cleanly_and_says_where():
    timeline = session(build_program(weeks=1))
    clock, out = FakeClock(stop_at=61), io.StringIO()
    assert play(timeline, out, clock=clock, sleep=clock.sleep) is False
    last = out.getvalue().splitlines()[-1]
    assert last == f"Stopped after 1:01 of {clock_text(timeline.duration.total_seconds())}."


def test_clock_text():
    assert [clock_text(x) for x in (0, 5, 65, 3600 + 62)] == ["0:00", "0:05", "1:05", "1:01:02"]


def test_timing_defaults_are_the_documented_ones():
    assert Timing() == Timing(seconds_per_rep=3, rest_between_sets=30, setup=20)
    assert upperback.REST_BETWEEN_EXERCISES == 0
