"""Calendars: a dated program as an iCalendar file, read back by two parsers."""

from __future__ import annotations

import datetime as dt
import warnings
import zoneinfo

import icalendar
import ics
import pytest
from hypothesis import given, settings

import upperback
from upperback import InvalidConstraintError, build_program, load_catalog, render, session_days
from upperback._render._ics import uid
from upperback.cli import main

from . import strategies as s

START = dt.date(2026, 3, 23)


def _events(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


@settings(deadline=None)
@given(s.dated_programs(), s.time_zones)
def test_one_event_a_session_day_read_back_by_icalendar(program, zone):
    text = render(program, "ics", time_zone=zone, reminder=dt.time(7, 30))
    events = _events(text)
    days = session_days(program)
    assert len(events) == len(days)
    catalog = load_catalog()
    for event, day in zip(events, days, strict=True):
        start = event.decoded("dtstart")
        assert start.date() == day.date
        assert start.time() == dt.time(7, 30)
        if zone is None:
            assert start.tzinfo is None  # floating local time
        else:
            assert start.utcoffset() == zoneinfo.ZoneInfo(zone).utcoffset(
                start.replace(tzinfo=None)
            )
        assert str(event["uid"]) == uid(program.request.start, day.week, day.day)
        week = program.weeks[day.week - 1]
        minutes = max(1, round(week.estimated_session_duration.total_seconds() / 60))
        assert event.decoded("duration") == dt.timedelta(minutes=minutes)
        description = str(event["description"])
        for item in week.items:
            assert f"{catalog[item.exercise].name}: " in description
            assert item.dosage.describe().removesuffix(".")[1:] in description
        assert catalog.disclaimer in description
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger") == dt.timedelta(0)
        assert str(alarms[0]["action"]) == "DISPLAY"
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_a_standard_clients_parser_imports_it_without_warnings():
    program = build_program(start=START, sessions_per_week=3, weeks=2)
    for zone in (None, "Europe/Madrid"):
        text = render(program, "ics", time_zone=zone)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            # The parser's own use of a Python API that 3.13 deprecates (re.split's
            # positional maxsplit) says nothing about our file: only that is let pass.
            warnings.filterwarnings(
                "ignore", message=".*maxsplit.*positional", category=DeprecationWarning
            )
            calendar = ics.Calendar(text)
        events = sorted(calendar.events, key=lambda e: e.begin)
        assert len(events) == 6
        assert [e.begin.date() for e in events] == [d.date for d in session_days(program)]
        assert all(len(e.alarms) == 1 for e in events)
        assert events[0].name == "Upper back exercises: week 1, session 1"


def test_uids_are_stable_across_exports_and_changes():
    first = _events(render(build_program(start=START, weeks=2), "ics"))
    again = _events(render(build_program(start=START, weeks=2, minutes_per_session=5), "ics"))
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in again]
    other = _events(render(build_program(start=START + dt.timedelta(days=1), weeks=2), "ics"))
    assert not {str(e["uid"]) for e in first} & {str(e["uid"]) for e in other}


def test_lines_end_with_crlf_and_fold_at_75_octets():
    text = render(build_program(start=START, weeks=1), "ics", locale="es")
    assert text.endswith("\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        assert "\n" not in line


def test_spanish():
    program = build_program(start=START, weeks=1)
    event = _events(render(program, "ics", locale="es"))[0]
    assert (
        str(event["summary"]) == "Ejercicios para la parte alta de la espalda: semana 1, sesión 1"
    )
    es = load_catalog().localized("es")
    assert es.disclaimer in str(event["description"])
    assert f"{es[program.exercise_ids[0]].name}: " in str(event["description"])


@pytest.mark.parametrize(
    ("locale", "every_day"),
    [
        (
            None,
            "Do the thoracic extension several times each day. Do it every day, also on days "
            "with no session.",
        ),
        (
            "es",
            "Haga este ejercicio varias veces al día: extensión torácica. Hágalo todos los "
            "días, también los días sin sesión.",
        ),
    ],
)
def test_an_exercise_done_each_day_is_said_every_day_with_fewer_sessions(locale, every_day):
    # One session a week has one event a week, but the thoracic extension is done
    # several times each day, every day (issue 19): each event says so.
    events = _events(render(build_program(start=START, sessions_per_week=1), "ics", locale=locale))
    assert len(events) == 4
    for event in events:
        assert every_day in str(event["description"])
    daily = _events(render(build_program(start=START, weeks=1), "ics", locale=locale))
    assert len(daily) == 7
    for event in daily:
        assert every_day.split(". ")[0] in str(event["description"])
        assert "days with no session" not in str(event["description"])
        assert "días sin sesión" not in str(event["description"])


def test_an_undated_program_gets_a_clear_error():
    with pytest.raises(
        InvalidConstraintError, match="start: a calendar needs a program with a start date"
    ):
        render(build_program(), "ics")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone: expected an IANA time zone"),
        ({"time_zone": "../etc/passwd"}, "time_zone: expected an IANA time zone"),
        ({"reminder": "18:00"}, "reminder: expected a local time"),
        (
            {"reminder": dt.time(18, tzinfo=dt.timezone.utc)},
            "reminder: expected a local time",
        ),
    ],
)
def test_bad_options_are_named(kwargs, message):
    with pytest.raises(InvalidConstraintError, match=message):
        render(build_program(start=START), "ics", **kwargs)


def test_only_a_program_has_a_calendar():
    with pytest.raises(upperback.UnknownFormatError):
        render(load_catalog()["band-row"], "ics")


def test_cli_writes_the_file(tmp_path, capsys):
    path = tmp_path / "plan.ics"
    status = main(
        [
            "program",
            "--start",
            "2026-03-23",
            "--format",
            "ics",
            "-o",
            str(path),
            "--reminder",
            "07:15",
            "--time-zone",
            "America/New_York",
        ]
    )
    assert status == 0
    events = _events(path.read_text(encoding="utf-8"))
    assert len(events) == 28
    assert events[0].decoded("dtstart") == dt.datetime(
        2026, 3, 23, 7, 15, tzinfo=zoneinfo.ZoneInfo("America/New_York")
    )
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["program", "--format", "ics"], "--start: a calendar needs a program with a start date"),
        (
            ["program", "--start", "2026-03-23", "--format", "ics", "--time-zone", "Nowhere"],
            "--time-zone: expected an IANA time zone",
        ),
        (["program", "--reminder", "07:15"], "--reminder: only for --format ics"),
        (["program", "--format", "ics", "--reminder", "7pm"], "expected a time as HH:MM"),
    ],
)
def test_cli_errors(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_without_icalendar_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "icalendar", None)
    with pytest.raises(upperback.MissingExtraError, match=r'pip install "upperback\[ics\]"'):
        render(build_program(start=START), "ics")
