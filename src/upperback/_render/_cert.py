"""A CERT report as text, Markdown or HTML: layout only.

Every word comes from the report, or is a heading said in the report's
language.
"""

from __future__ import annotations

import html

from upperback._i18n import translations
from upperback.cert import CertReport, CertRow

from . import _markdown

__all__ = ["render_cert"]


def render_cert(report: CertReport, fmt: str) -> str:
    """Lay out *report* in *fmt*: ``"text"``, ``"markdown"`` or ``"html"``."""
    if fmt == "markdown":
        return _markdown_report(report)
    if fmt == "html":
        return _html(report)
    return _text(report)


def _answer(report: CertReport, row: CertRow) -> tuple[str, ...]:
    return row.answer or (report.clinician_note,)


def _version(report: CertReport) -> str:
    return translations(report.locale).gettext("Data version: %(version)s")


def _status(report: CertReport, row: CertRow) -> str:
    return row.status.describe(locale=report.locale)


def _text(report: CertReport) -> str:
    lines = [report.title, "=" * len(report.title), "", report.intro, ""]
    section = None
    for row in report.rows:
        if row.section is not section:
            section = row.section
            heading = section.describe(locale=report.locale)
            lines.extend([heading, "-" * len(heading), ""])
        lines.append(f"{row.number}. {row.item} [{_status(report, row)}]")
        lines.extend(f"   - {line}" for line in _answer(report, row))
        lines.append("")
    lines.append(_version(report) % {"version": report.data_version})
    return "\n".join(lines) + "\n"


def _markdown_report(report: CertReport) -> str:
    """CommonMark, every text escaped as the Markdown handout escapes it."""
    inline, block = _markdown.inline, _markdown.block
    lines = [f"# {inline(report.title)}", "", block(report.intro), ""]
    section = None
    for row in report.rows:
        if row.section is not section:
            section = row.section
            lines.extend([f"## {inline(section.describe(locale=report.locale))}", ""])
        lines.append(
            f"**{inline(row.number)}. {inline(row.item)}** ({inline(_status(report, row))})"
        )
        lines.append("")
        lines.extend(f"- {block(line)}" for line in _answer(report, row))
        lines.append("")
    lines.append(block(_version(report) % {"version": report.data_version}))
    return "\n".join(lines) + "\n"


def _html(report: CertReport) -> str:
    esc = html.escape
    t = translations(report.locale)
    body = [f"<h1>{esc(report.title)}</h1>", f"<p>{esc(report.intro)}</p>", "<table>"]
    columns = (
        "#",
        t.pgettext("CERT column", "Section"),
        t.pgettext("CERT column", "Item"),
        t.pgettext("CERT column", "Status"),
        t.pgettext("CERT column", "Answer"),
    )
    body.append(
        "<thead><tr>" + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr></thead><tbody>"
    )
    for row in report.rows:
        answer = "".join(f"<li>{esc(line)}</li>" for line in _answer(report, row))
        body.append(
            f'<tr class="{esc(row.status.value)}"><td>{esc(row.number)}</td>'
            f"<td>{esc(row.section.describe(locale=report.locale))}</td><td>{esc(row.item)}</td>"
            f"<td>{esc(_status(report, row))}</td><td><ul>{answer}</ul></td></tr>"
        )
    body.append("</tbody></table>")
    body.append(f"<p>{esc(_version(report) % {'version': report.data_version})}</p>")
    style = (
        "body{font:16px/1.45 system-ui,sans-serif;margin:2rem;color:#111}"
        "table{border-collapse:collapse;width:100%}"
        "th,td{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}"
        "td ul{margin:0;padding-left:1.1rem}tr.for-clinician td{background:#fff6d6}"
        "@media print{tr{break-inside:avoid}}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(report.locale)}"><head><meta charset="utf-8">'
        f"<title>{esc(report.title)}</title><style>{style}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
