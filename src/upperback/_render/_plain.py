"""Plain text and Markdown handouts, in plain Python.

Both formats walk the same :class:`~upperback.render._view.Handout` in the
same order; a :class:`_Dialect` says how each part is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from . import _markdown
from ._view import ExerciseView, FigureView, Handout, TrackingWeek

__all__ = ["render_markdown", "render_text", "unescape_markdown", "unescape_text"]


class _Dialect:
    """How plain text writes headings, paragraphs and lists."""

    underlines: ClassVar[Mapping[int, str]] = {1: "=", 2: "-", 3: "~"}
    #: Whether a tracking sheet's dates get a header line of their own.
    dates_below: ClassVar[bool] = True

    def escape(self, text: str) -> str:
        """Return *text* as it is written inside a line."""
        return text

    def heading(self, level: int, text: str) -> list[str]:
        text = self.escape(text)
        if level in self.underlines:
            return [text, self.underlines[level] * len(text), ""]
        return [f"{text}:"]

    def paragraph(self, text: str) -> list[str]:
        return [self.escape(text), ""]

    def images(self, figures: Iterable[FigureView]) -> list[str]:
        """Plain text shows no pictures."""
        del figures
        return []

    def numbered(self, items: Iterable[str]) -> list[str]:
        return [f"  {n}. {self.escape(item)}" for n, item in enumerate(items, 1)] + [""]

    def bullets(self, items: Iterable[str]) -> list[str]:
        return [f"  - {self.escape(item)}" for item in items] + [""]

    def table(self, header: list[str], rows: list[list[str]]) -> list[str]:
        """Columns padded to their widest cell, the first one left, the rest centred."""
        table = [header, *rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        lines = []
        for row in table:
            cells = [row[0].ljust(widths[0])]
            cells += [cell.center(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
            lines.append("  ".join(cells).rstrip())
        return [*lines, ""]

    def blank(self, width: int) -> str:
        """A line to write on."""
        return "_" * width

    def notes(self, label: str, table: list[str]) -> list[str]:
        """A line for notes under the week's table."""
        width = max(len(line) for line in table)
        return [*table[:-1], f"{label}: {self.blank(max(20, width - len(label) - 2))}", ""]


class _Markdown(_Dialect):
    """CommonMark: ATX headings, and text escaped so it stays text (see :mod:`._markdown`)."""

    dates_below: ClassVar[bool] = False

    def escape(self, text: str) -> str:
        """Return *text* escaped so that, at the start of a line, it opens no block."""
        return _markdown.block(text)

    def inline(self, text: str) -> str:
        """Return *text* escaped so that no character of it is Markdown syntax."""
        return _markdown.inline(text)

    def heading(self, level: int, text: str) -> list[str]:
        return [f"{'#' * level} {self.inline(text)}", ""]

    def numbered(self, items: Iterable[str]) -> list[str]:
        return [f"{n}. {self.escape(item)}" for n, item in enumerate(items, 1)] + [""]

    def images(self, figures: Iterable[FigureView]) -> list[str]:
        """Each picture that has a file, with its alt text."""
        lines = [f"![{self.inline(f.alt)}]({f.link})" for f in figures if f.link is not None]
        return [*lines, ""] if lines else []

    def bullets(self, items: Iterable[str]) -> list[str]:
        return [f"- {self.escape(item)}" for item in items] + [""]

    def table(self, header: list[str], rows: list[list[str]]) -> list[str]:
        """A GitHub-flavoured Markdown table; a cell's text cannot break out of it."""

        def line(cells: list[str]) -> str:
            return "| " + " | ".join(self.inline(cell) for cell in cells) + " |"

        rule = "| --- | " + " | ".join(":-:" for _ in header[1:]) + " |"
        return [line(header), rule, *(line(row) for row in rows), ""]

    def blank(self, width: int) -> str:
        """A table cell is a line to write on already."""
        del width
        return " "

    def notes(self, label: str, table: list[str]) -> list[str]:
        """A row for notes, the last of the week's table."""
        row = "| " + self.inline(label) + " |" + " |" * (table[0].count(" | "))
        return [*table[:-1], row, ""]


def unescape_text(output: str) -> str:
    """Return the words a reader of plain text sees: *output* itself."""
    return output


def unescape_markdown(output: str) -> str:
    """Return the words a reader of Markdown sees: *output* without backslash escapes."""
    return _markdown.unescape(output)


def render_text(handout: Handout) -> str:
    """Return *handout* as plain text."""
    return _render(handout, _Dialect())


def render_markdown(handout: Handout) -> str:
    """Return *handout* as CommonMark."""
    return _render(handout, _Markdown())


def _render(handout: Handout, d: _Dialect) -> str:
    labels = handout.labels
    out = _front(handout, d)
    out += d.heading(2, labels.exercises)
    for exercise in handout.exercises:
        out += _exercise(exercise, handout, d)
    out += d.heading(2, labels.safety)
    out += d.bullets(handout.safety)
    out += d.heading(2, labels.disclaimer)
    out += d.paragraph(handout.disclaimer)
    out += d.heading(2, labels.references)
    out += d.numbered(handout.citations) if handout.citations else []
    out += d.paragraph(handout.references_note) if handout.references_note else []
    out += d.heading(2, labels.source)
    out += d.bullets(handout.credits) if handout.credits else []
    out += d.paragraph(handout.sources_note) if handout.sources_note else []
    out += d.paragraph(f"{labels.data_version}: {handout.data_version}")
    if handout.tracking:
        out += d.heading(2, labels.tracking)
        out += d.paragraph(labels.tracking_intro)
        for week in handout.tracking:
            out += _tracking(week, handout, d)
    return "\n".join(out).rstrip("\n") + "\n"


def _front(handout: Handout, d: _Dialect) -> list[str]:
    """The title, the personal details, the summary, the notes and the schedule."""
    labels = handout.labels
    out = [*d.heading(1, handout.title)]
    if handout.details:
        out += d.bullets(f"{detail.label}: {detail.value}" for detail in handout.details)
    out += d.paragraph(handout.intro)
    if handout.summary:
        out += d.heading(2, labels.at_a_glance)
        out += d.bullets(handout.summary)
    if handout.notes:
        out += d.heading(2, labels.notes)
        for line in handout.notes:
            out += d.paragraph(line)
    if handout.schedule:
        out += d.heading(2, labels.schedule)
        out += d.bullets(handout.schedule)
    return out


def _exercise(exercise: ExerciseView, handout: Handout, d: _Dialect) -> list[str]:
    labels = handout.labels
    out = d.heading(3, f"{exercise.number}. {exercise.name}")
    out += d.paragraph(exercise.summary)
    out += d.images(exercise.figures)
    out += d.heading(4, labels.steps)
    out += d.numbered(exercise.steps)
    out += d.heading(4, labels.dosage)
    if exercise.weekly:
        out += d.bullets(
            f"{line.label}" + (f" ({line.dates})" if line.dates else "") + f": {line.text}"
            for line in exercise.dosages
        )
    else:
        out += d.bullets(line.text for line in exercise.dosages)
    if exercise.progressions:
        out += d.heading(4, labels.progression)
        out += d.bullets(exercise.progressions)
    if exercise.cautions:
        out += d.heading(4, labels.cautions)
        out += d.bullets(exercise.cautions)
    return out


def _tracking(week: TrackingWeek, handout: Handout, d: _Dialect) -> list[str]:
    """One week of the tracking sheet: a row an exercise, a column a day, then pain and feeling."""
    labels = handout.labels
    rows: list[list[str]] = []
    if d.dates_below:
        header = [labels.exercise, *(day.name for day in week.days)]
        if week.dated:
            rows.append(["", *(day.date or "" for day in week.days)])
    else:
        header = [labels.exercise, *(f"{day.name} {day.date or ''}".strip() for day in week.days)]
    # The fields of a log entry (upperback.LogEntry): what was done of each
    # exercise, pain before and after, how it felt, and notes.
    rows += [[name, *(d.blank(6) for _ in week.days)] for name in week.rows]
    rows.append([labels.pain, *(d.blank(5) for _ in week.days)])
    rows.append([labels.feeling, *(d.blank(3) for _ in week.days)])
    return [*d.heading(3, week.heading), *d.notes(labels.tracking_notes, d.table(header, rows))]
