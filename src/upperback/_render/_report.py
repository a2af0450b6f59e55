"""A clinician's progress report as Markdown, HTML or PDF.

:func:`view` gathers what the report says, every phrase through gettext,
and the pain chart; the layouts below add nothing but layout. The report
carries the safety lines, the disclaimer and the references of the
program's exercises, as every handout does.
"""

from __future__ import annotations

import base64
import html

import attrs

from upperback._adherence import ProgressReport
from upperback._chart import line_chart
from upperback._i18n import long_date, short_date, translations

from . import _markdown, _view

__all__ = ["ReportView", "render_report", "view"]


@attrs.frozen
class ReportView:
    """Everything a progress report says, in order, in one language.

    Args:
        title: The report's title.
        summary: Its opening lines: the period, the completion, the missed days.
        exercise_heading: The heading of the adherence table.
        exercise_columns: Its column headings.
        exercise_rows: One row an exercise.
        week_columns: The week table's column headings.
        week_rows: One row a week.
        pain_heading: The heading of the pain section.
        pain_text: The trend in words (what the chart shows).
        chart: The chart, an SVG element, or ``None`` with no scores.
        changes_heading: The heading of the next week's changes.
        change_columns: Its column headings.
        change_rows: One row an exercise.
        safety_heading: The heading of the safety lines.
        safety: When to stop and call a provider.
        disclaimer_heading: The heading of the disclaimer.
        disclaimer: The medical disclaimer.
        references_heading: The heading of the references.
        citations: The references the exercises cite.
        data_version: The data version line.
        lang: The language.
    """

    title: str
    summary: tuple[str, ...]
    exercise_heading: str
    exercise_columns: tuple[str, ...]
    exercise_rows: tuple[tuple[str, ...], ...]
    week_columns: tuple[str, ...]
    week_rows: tuple[tuple[str, ...], ...]
    pain_heading: str
    pain_text: str
    chart: str | None
    changes_heading: str
    change_columns: tuple[str, ...]
    change_rows: tuple[tuple[str, ...], ...]
    safety_heading: str
    safety: tuple[str, ...]
    disclaimer_heading: str
    disclaimer: str
    references_heading: str
    citations: tuple[str, ...]
    data_version: str
    lang: str

    @property
    def required(self) -> tuple[str, ...]:
        """The text every rendering must carry."""
        return (self.disclaimer, *self.safety, *self.citations)


def _percent(share: float | None, locale: str) -> str:
    if share is None:
        return "-"
    return translations(locale).gettext("%(percent)s%%") % {"percent": round(share * 100)}


def view(report: ProgressReport) -> ReportView:
    """Gather what *report* says, in its language."""
    locale = report.locale
    t = translations(locale)
    program, measured = report.program, report.adherence
    catalog = report.catalog.localized(locale)
    handout = _view.build(program, report.catalog, locale=locale, pictures=False)
    start = program.request.start or report.log.start
    summary = []
    if start is not None and measured.through >= start:
        summary.append(
            t.gettext("From %(start)s to %(through)s.")
            % {"start": long_date(start, locale), "through": long_date(measured.through, locale)}
        )
    summary.append(
        t.gettext("Done: %(percent)s of the work prescribed so far.")
        % {"percent": _percent(measured.completion, locale)}
    )
    missed = len(measured.missed)
    if missed:
        summary.append(
            t.ngettext(
                "%(count)s session day with nothing logged: %(days)s.",
                "%(count)s session days with nothing logged: %(days)s.",
                missed,
            )
            % {
                "count": missed,
                "days": ", ".join(short_date(day, locale) for day in measured.missed),
            }
        )
    else:
        summary.append(t.gettext("Every session day so far has something logged."))
    exercise_rows = tuple(
        (
            catalog[row.exercise].name,
            str(row.done),
            str(row.prescribed),
            _percent(row.completion, locale),
        )
        for row in measured.exercises
    )
    week_rows = tuple(
        (
            str(week.week),
            t.gettext("%(logged)s of %(sessions)s")
            % {"logged": week.logged, "sessions": week.sessions},
            _percent(week.completion, locale),
        )
        for week in measured.weeks
    )
    change_rows = tuple(
        (
            catalog[change.exercise].name,
            t.gettext("Stopped")  # in an earlier week: it stays stopped
            if change.previous is None
            else _view._sentence(change.previous.describe(locale=locale)),  # noqa: SLF001
            t.gettext("Stop")
            if change.dosage is None
            else _view._sentence(change.dosage.describe(locale=locale)),  # noqa: SLF001
            change.message,
        )
        for change in (report.next_week.changes if report.next_week else ())
    )
    return ReportView(
        title=t.gettext("Progress report"),
        summary=tuple(summary),
        exercise_heading=t.gettext("Done, by exercise"),
        exercise_columns=(
            handout.labels.exercise,
            t.gettext("Reps done"),
            t.gettext("Reps prescribed"),
            t.gettext("Done"),
        ),
        exercise_rows=exercise_rows,
        week_columns=(handout.labels.week, t.gettext("Days logged"), t.gettext("Done")),
        week_rows=week_rows,
        pain_heading=t.gettext("Pain"),
        pain_text=_pain_text(report),
        chart=_chart(report),
        changes_heading=t.gettext("Next week: what changes, and why")
        if report.next_week is None
        else t.gettext("Week %(week)s: what changes, and why") % {"week": report.next_week.week},
        change_columns=(
            handout.labels.exercise,
            t.gettext("Now"),
            t.gettext("Next"),
            t.gettext("Why"),
        ),
        change_rows=change_rows,
        safety_heading=handout.labels.safety,
        safety=handout.safety,
        disclaimer_heading=handout.labels.disclaimer,
        disclaimer=handout.disclaimer,
        references_heading=handout.labels.references,
        citations=handout.citations,
        data_version=f"{handout.labels.data_version}: {handout.data_version}",
        lang=locale,
    )


def _pain_text(report: ProgressReport) -> str:
    t = translations(report.locale)
    change = report.adherence.pain_change
    if change is None:
        return t.gettext("There are not yet pain scores from two weeks to compare.")
    points = f"{abs(change):.1f}".removesuffix(".0").replace(
        ".", t.pgettext("decimal separator", ".")
    )
    if change < 0:
        text = t.gettext("Pain after exercise went down by %(points)s points, first week to last.")
    elif change > 0:
        text = t.gettext("Pain after exercise went up by %(points)s points, first week to last.")
    else:
        text = t.gettext("Pain after exercise stayed the same, first week to last.")
    return text % {"points": points}


def _chart(report: ProgressReport) -> str | None:
    points = report.adherence.pain
    if not points:
        return None
    t = translations(report.locale)
    return line_chart(
        [p.date for p in points],
        [p.before for p in points],
        [p.after for p in points],
        title=t.gettext("Pain before and after exercise, from 0 (none) to 10 (worst), each day"),
        labels=[short_date(p.date, report.locale) for p in points],
        legend=(t.gettext("Before exercise"), t.gettext("After exercise")),
    )


# -- layouts ------------------------------------------------------------------


def render_report(report: ProgressReport, fmt: str) -> str | bytes:
    """Lay out *report* as ``"markdown"``, ``"html"`` or ``"pdf"``."""
    page = view(report)
    if fmt == "markdown":
        return _markdown_report(page)
    document = _html(page)
    if fmt == "pdf":
        import weasyprint  # type: ignore[import-untyped]  # noqa: PLC0415 - optional

        from ._pdf import VARIANT, _no_fetching  # noqa: PLC0415 - only for PDF

        fetcher, _refused = _no_fetching()  # the report loads nothing: every URL is refused
        pdf = weasyprint.HTML(string=document, url_fetcher=fetcher).write_pdf(
            pdf_variant=VARIANT, pdf_tags=True, custom_metadata=False
        )
        if pdf is None:  # pragma: no cover - write_pdf returns bytes without a target
            msg = "WeasyPrint returned no PDF for the progress report"
            raise RuntimeError(msg)
        return bytes(pdf)
    return document


def _markdown_table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[str]:
    inline = _markdown.inline
    lines = [
        "| " + " | ".join(inline(c) for c in columns) + " |",
        "|" + "---|" * len(columns),
    ]
    lines.extend("| " + " | ".join(inline(cell) for cell in row) + " |" for row in rows)
    return [*lines, ""]


def _markdown_report(page: ReportView) -> str:
    inline, block = _markdown.inline, _markdown.block
    lines = [f"# {inline(page.title)}", ""]
    lines += [f"- {block(line)}" for line in page.summary] + [""]
    lines += [f"## {inline(page.exercise_heading)}", ""]
    lines += _markdown_table(page.exercise_columns, page.exercise_rows)
    lines += _markdown_table(page.week_columns, page.week_rows)
    lines += [f"## {inline(page.pain_heading)}", "", block(page.pain_text), ""]
    if page.chart is not None:
        data = base64.b64encode(page.chart.encode("utf-8")).decode("ascii")
        lines += [f"![{inline(page.pain_text)}](data:image/svg+xml;base64,{data})", ""]
    if page.change_rows:
        lines += [f"## {inline(page.changes_heading)}", ""]
        lines += _markdown_table(page.change_columns, page.change_rows)
    lines += [f"## {inline(page.safety_heading)}", ""]
    lines += [f"- {block(line)}" for line in page.safety] + [""]
    lines += [f"## {inline(page.disclaimer_heading)}", "", block(page.disclaimer), ""]
    if page.citations:
        lines += [f"## {inline(page.references_heading)}", ""]
        lines += [f"{n}. {block(c)}" for n, c in enumerate(page.citations, 1)] + [""]
    lines.append(block(page.data_version))
    return "\n".join(lines) + "\n"


_STYLE = (
    "@page{size:letter;margin:1.6cm 1.6cm 1.8cm}"
    "body{font:11pt/1.4 'DejaVu Sans',system-ui,sans-serif;color:#111;max-width:52rem;"
    "margin:1.5rem auto;padding:0 1rem}"
    "h1{font-size:1.6em;margin:0 0 .3em;border-bottom:3px solid #2b5d8a}"
    "h2{font-size:1.2em;margin:1.2em 0 .4em;color:#1d3f5e}"
    "table{border-collapse:collapse;width:100%;margin:.3em 0 .9em}"
    "th,td{border:1px solid #8a96a3;padding:.25em .45em;text-align:left;vertical-align:top}"
    "thead th{background:#e8eef5}td.n{text-align:right;white-space:nowrap}"
    "tr{break-inside:avoid}.chart{max-width:100%;height:auto;display:block;margin:.3em 0}"
    "ul.summary{padding-left:1.2em}.safety{border:2px solid #b03a2e;padding:.2em .9em;"
    "margin-top:1em}.about{font-size:.9em;color:#333}"
)


def _html_table(
    columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], *, numbers: bool = True
) -> str:
    """A table whose first column heads each row; with *numbers*, the rest align right."""
    esc = html.escape
    cell = '<td class="n">{}</td>' if numbers else "<td>{}</td>"
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = "".join(
        f'<tr><th scope="row">{esc(row[0])}</th>'
        + "".join(cell.format(esc(value)) for value in row[1:])
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html(page: ReportView) -> str:
    esc = html.escape
    parts = [
        f"<h1>{esc(page.title)}</h1>",
        '<ul class="summary">' + "".join(f"<li>{esc(s)}</li>" for s in page.summary) + "</ul>",
        f"<h2>{esc(page.exercise_heading)}</h2>",
        _html_table(page.exercise_columns, page.exercise_rows),
        _html_table(page.week_columns, page.week_rows),
        f"<h2>{esc(page.pain_heading)}</h2>",
        f"<p>{esc(page.pain_text)}</p>",
    ]
    if page.chart is not None:
        parts.append(f"<figure>{page.chart}</figure>")
    if page.change_rows:
        parts += [
            f"<h2>{esc(page.changes_heading)}</h2>",
            _html_table(page.change_columns, page.change_rows, numbers=False),
        ]
    parts.append(
        f'<section class="safety"><h2>{esc(page.safety_heading)}</h2><ul>'
        + "".join(f"<li>{esc(line)}</li>" for line in page.safety)
        + "</ul></section>"
    )
    about = [f"<h2>{esc(page.disclaimer_heading)}</h2>", f"<p>{esc(page.disclaimer)}</p>"]
    if page.citations:
        about.append(f"<h2>{esc(page.references_heading)}</h2><ol>")
        about += [f"<li>{esc(c)}</li>" for c in page.citations]
        about.append("</ol>")
    about.append(f"<p>{esc(page.data_version)}</p>")
    parts.append('<section class="about">' + "".join(about) + "</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(page.lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(page.title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{''.join(parts)}</main></body></html>\n"
    )
