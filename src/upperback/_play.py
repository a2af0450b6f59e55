"""Play a :class:`~upperback.session.Session` in a terminal: a live countdown and a progress bar.

Standard library only. Each event's text is printed on its own line when
it starts; while a timed event runs, one status line under it is redrawn
a few times a second (on a terminal) with the seconds left, a bar of the
whole session and the time so far. Every event ends at its planned time
from the start, so the session never drifts.

Ctrl-C stops it: the status line is finished, a last line says where it
stopped, and :func:`play` returns ``False``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from ._i18n import minutes, translations
from ._session import EventKind, Session

__all__ = ["clock_text", "play", "timeline_text"]

#: How often the status line is redrawn, in seconds.
TICK = 0.25
#: The width of the progress bar, in characters.
BAR = 24


def clock_text(seconds: float) -> str:
    """``"1:05"`` for 65 seconds; hours as ``"1:02:03"``."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02}:{secs:02}" if hours else f"{mins}:{secs:02}"


def timeline_text(session: Session) -> str:
    """The session as lines: when each event starts, how long it lasts, what it says."""
    t = translations(session.lang)
    lines = [
        t.gettext("Week %(week)s, session %(day)s: about %(minutes)s.")
        % {
            "week": session.week,
            "day": session.day,
            "minutes": minutes(max(1, round(session.duration.total_seconds() / 60)), session.lang),
        }
    ]
    for event in session.events:
        length = f"{event.seconds}s" if event.seconds else ""
        lines.append(f"{clock_text(event.at):>7}  {length:>4}  {event.text}")
        lines.extend(f"{'':>15}{number}. {step}" for number, step in enumerate(event.steps, 1))
    return "\n".join(lines) + "\n"


def _bar(done: float, total: float) -> str:
    share = 1.0 if total <= 0 else min(1.0, max(0.0, done / total))
    filled = round(share * BAR)
    return f"[{'#' * filled}{'-' * (BAR - filled)}] {round(share * 100):3}%"


def play(
    session: Session,
    out: TextIO,
    *,
    live: bool = True,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Play *session* on *out*; return ``True`` when it ran to the end, ``False`` on Ctrl-C.

    Args:
        session: What to play.
        out: Where to write, such as ``sys.stdout``.
        live: Redraw a status line in place (for a terminal). Without it,
            only each event's line is written, when it starts.
        clock: Seconds, from any start (for tests).
        sleep: Waits that many seconds (for tests).
    """
    t = translations(session.lang)
    total = session.duration.total_seconds()
    start = clock()
    event = None
    try:
        for event in session.events:
            out.write(f"{_marker(event.kind)} {event.text}\n")
            out.writelines(f"    {number}. {step}\n" for number, step in enumerate(event.steps, 1))
            out.flush()
            end = start + event.at + event.seconds
            while True:
                now = clock()
                left = end - now
                if live and event.seconds:
                    status = t.gettext("%(left)s left") % {
                        "left": clock_text(max(0.0, left) + 0.999)
                    }
                    out.write(
                        f"\r\x1b[K    {status}  {_bar(now - start, total)}  "
                        f"{clock_text(now - start)} / {clock_text(total)}"
                    )
                    out.flush()
                if left <= 0:
                    break
                sleep(min(TICK, left))
            if live and event.seconds:
                out.write("\r\x1b[K")
                out.flush()
    except KeyboardInterrupt:
        done = min(total, max(0.0, clock() - start))
        out.write(("\r\x1b[K" if live else "") + "\n")
        out.write(
            t.gettext("Stopped after %(done)s of %(total)s.")
            % {"done": clock_text(done), "total": clock_text(total)}
            + "\n"
        )
        out.flush()
        return False
    return True


def _marker(kind: EventKind) -> str:
    """A plain mark before each line, so the kinds stand apart without colour."""
    return {
        EventKind.INTRO: "==",
        EventKind.SET: "--",
        EventKind.REST: "..",
        EventKind.END: "==",
    }.get(kind, "  ")
