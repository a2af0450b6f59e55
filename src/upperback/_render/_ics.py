"""A dated program as an iCalendar file (RFC 5545): one event a session day, with a reminder.

Built with the ``icalendar`` package (``pip install "upperback[ics]"``),
the library most Python calendar tools use, so that escaping, line
folding and time zones follow the standard. The words come from
:func:`upperback._render._view.calendar`; this module only lays them out.

- **UIDs are stable**: each is made from the program's start date and the
  session's week and number, so exporting the plan again (changed or not)
  updates the same events in a calendar instead of adding copies.
- **Times**: with a time zone (an IANA name such as ``"Europe/Madrid"``),
  each event starts at the reminder time in that zone, and the file
  carries the zone's ``VTIMEZONE``. Without one, the times are *floating*:
  the reminder time wherever the person is, which is what a daily habit
  wants.
- **The reminder** is a display alarm at the event's start.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

from upperback.exceptions import InvalidConstraintError, MissingExtraError

from ._options import DEFAULT_REMINDER
from ._view import Calendar

__all__ = ["DEFAULT_REMINDER", "render_ics", "require_icalendar", "uid"]

#: The namespace of our UIDs: the same start, week and session give the same UID.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/upperback/upperback/ics")


def require_icalendar() -> None:
    """Raise :class:`MissingExtraError` unless icalendar can be imported."""
    try:
        import icalendar  # noqa: F401, PLC0415 - optional: only ICS needs it
    except ImportError:
        raise MissingExtraError("ics", "icalendar") from None


def uid(start: dt.date, week: int, day: int) -> str:
    """The UID of one session's event: stable for the same start date, week and session."""
    return f"{uuid.uuid5(_NAMESPACE, f'{start.isoformat()}/{week}/{day}')}@upperback"


def _zone(name: str | None) -> zoneinfo.ZoneInfo | None:
    if name is None:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidConstraintError(
            f"time_zone: expected an IANA time zone such as 'Europe/Madrid', got {name!r}"
        ) from None


def check_reminder(reminder: object, time_zone: object) -> tuple[dt.time, zoneinfo.ZoneInfo | None]:
    """Check the ICS options before any work.

    Raises:
        InvalidConstraintError: *reminder* is not a time without a zone, or
            *time_zone* is not an IANA name.
    """
    if not isinstance(reminder, dt.time) or reminder.tzinfo is not None:
        raise InvalidConstraintError(
            f"reminder: expected a local time such as datetime.time(18, 0), got {reminder!r}"
        )
    if time_zone is not None and not isinstance(time_zone, str):
        raise InvalidConstraintError(f"time_zone: expected a name, got {time_zone!r}")
    return reminder, _zone(time_zone)


def render_ics(
    view: Calendar,
    start: dt.date,
    reminder: dt.time,
    zone: zoneinfo.ZoneInfo | None,
    stamp: dt.datetime,
) -> str:
    """Lay *view* out as an iCalendar file, with CRLF line ends as RFC 5545 asks."""
    import icalendar  # noqa: PLC0415 - optional: only ICS needs it

    cal = icalendar.Calendar()
    cal.add("prodid", "-//upperback//upperback//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", view.title)
    footer = [
        "",
        f"{view.safety_label}:",
        *view.safety,
        "",
        view.disclaimer,
    ]
    if view.citations:
        footer += ["", f"{view.references_label}:", *view.citations]
    for day in view.days:
        event = icalendar.Event()
        event.add("uid", uid(start, day.week, day.day))
        event.add("dtstamp", stamp)
        begin = dt.datetime.combine(day.date, reminder, tzinfo=zone)
        event.add("dtstart", begin)
        event.add("duration", dt.timedelta(minutes=day.minutes))
        event.add("summary", day.summary)
        event.add("description", "\n".join([*day.lines, *footer]))
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", day.summary)
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    if zone is not None and view.days:
        # The zone's rules over the plan's dates only, not icalendar's default decades.
        first, last = view.days[0].date, view.days[-1].date
        cal.add_missing_timezones(
            first_date=first - dt.timedelta(days=1), last_date=last + dt.timedelta(days=1)
        )
    text: str = cal.to_ical().decode("utf-8")
    return text
