"""A small line chart as SVG: values from 0 to 10 over days, for the pain trend.

Drawing only: points in, one ``<svg>`` element out. It knows nothing of
pain or of words; the caller gives the title, the axis labels and the
legend, already translated. Two series: a dashed, lighter one (before) and
a solid, dark one (after), far apart in lightness, so the chart reads in
grayscale too. The dashed one is drawn last, its points as open rings
wider than the solid one's dots: where both have the same value, each
still shows (a ring around a dot, dashes along the line).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

__all__ = ["line_chart"]

_W, _H = 480, 200
_LEFT, _RIGHT, _TOP, _BOTTOM = 36, 30, 14, 40
_DARK, _LIGHT, _GRID = "#1f1f1f", "#8c8c8c", "#dddddd"


#: Room between the axis and the first and last points, so no ring touches a label.
_PAD = 10


def _x(index: int, count: int) -> float:
    span = _W - _LEFT - _RIGHT - 2 * _PAD
    return _LEFT + _PAD + (span / 2 if count == 1 else span * index / (count - 1))


def _y(value: int) -> float:
    return _TOP + (_H - _TOP - _BOTTOM) * (10 - value) / 10


def _path(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def line_chart(  # noqa: PLR0913 - the data and each of its words
    days: Sequence[dt.date],
    before: Sequence[int | None],
    after: Sequence[int | None],
    *,
    title: str,
    labels: Sequence[str],
    legend: tuple[str, str],
) -> str:
    """An SVG chart of *before* and *after* (0 to 10) over *days*.

    Args:
        days: The days, in order.
        before: A value a day, or ``None`` where there is none.
        after: The same, for the second series.
        title: What the chart shows, for screen readers (its ``<title>``).
        labels: A short label a day for the x axis (only some are drawn
            when there are many).
        legend: The names of the two series.
    """
    esc = html.escape
    count = len(days)
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" '
        f'width="{_W}" height="{_H}" role="img" class="chart">'
    )
    parts = [opening, f"<title>{esc(title)}</title>"]
    for value in (0, 5, 10):
        y = _y(value)
        parts.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_W - _RIGHT}" y2="{y:.1f}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{_DARK}">{value}</text>'
        )
    every = max(1, -(-count // 8))  # at most 8 labels
    for index, label in enumerate(labels):
        if index % every == 0 or index == count - 1:
            parts.append(
                f'<text x="{_x(index, count):.1f}" y="{_H - _BOTTOM + 16}" text-anchor="middle" '
                f'font-size="11" fill="{_DARK}">{esc(label)}</text>'
            )
    # After first, then before on top of it: a dot, then a wider open ring.
    for values, colour, dash, width, marker in (
        (after, _DARK, "", 3, f'r="3.5" fill="{_DARK}"'),
        (
            before,
            _LIGHT,
            ' stroke-dasharray="5 4"',
            2,
            f'r="5.5" fill="none" stroke="{_LIGHT}" stroke-width="2"',
        ),
    ):
        points = [(_x(i, count), _y(v)) for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            parts.append(
                f'<polyline points="{_path(points)}" fill="none" stroke="{colour}" '
                f'stroke-width="{width}"{dash} stroke-linejoin="round" stroke-linecap="round"/>'
            )
        parts.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" {marker}/>' for x, y in points)
    legend_y = _H - 8
    parts.append(
        f'<line x1="{_LEFT}" y1="{legend_y - 4}" x2="{_LEFT + 24}" y2="{legend_y - 4}" '
        f'stroke="{_LIGHT}" stroke-width="2" stroke-dasharray="5 4"/>'
        f'<text x="{_LEFT + 30}" y="{legend_y}" font-size="11" fill="{_DARK}">'
        f"{esc(legend[0])}</text>"
        f'<line x1="{_LEFT + 190}" y1="{legend_y - 4}" x2="{_LEFT + 214}" y2="{legend_y - 4}" '
        f'stroke="{_DARK}" stroke-width="3"/>'
        f'<text x="{_LEFT + 220}" y="{legend_y}" font-size="11" fill="{_DARK}">'
        f"{esc(legend[1])}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
