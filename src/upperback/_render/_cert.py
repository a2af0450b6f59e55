"""A CERT report as text, Markdown or HTML: layout only; every word comes from the report."""

from __future__ import annotations

import html

from upperback.cert import CertReport, CertRow

__all__ = ["render_cert"]


def render_cert(report: CertReport, fmt: str) -> str:
    """Lay out *report* in *fmt*: ``"text"``, ``"markdown"`` or ``"html"``."""
    if fmt == "markdown":
        return _markdown(report)
    if fmt == "html":
        return _html(report)
    return _text(report)


def _answer(report: CertReport, row: CertRow) -> tuple[str, ...]:
    return row.answer or (report.clinician_note,)


def _text(report: CertReport) -> str:
    lines = [report.title, "=" * len(report.title), "", report.intro, ""]
    section = None
    for row in report.rows:
        if row.section is not section:
            section = row.section
            lines.extend([section.value, "-" * len(section.value), ""])
        lines.append(f"{row.number}. {row.item} [{row.status.label}]")
        lines.extend(f"   - {line}" for line in _answer(report, row))
        lines.append("")
    lines.append(f"Data version: {report.data_version}")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _markdown(report: CertReport) -> str:
    lines = [f"# {_md(report.title)}", "", _md(report.intro), ""]
    section = None
    for row in report.rows:
        if row.section is not section:
            section = row.section
            lines.extend([f"## {section.value}", ""])
        lines.append(f"**{row.number}. {_md(row.item)}** ({row.status.label})")
        lines.append("")
        lines.extend(f"- {_md(line)}" for line in _answer(report, row))
        lines.append("")
    lines.append(f"Data version: {_md(report.data_version)}")
    return "\n".join(lines) + "\n"


def _html(report: CertReport) -> str:
    esc = html.escape
    body = [f"<h1>{esc(report.title)}</h1>", f"<p>{esc(report.intro)}</p>", "<table>"]
    body.append(
        "<thead><tr><th>#</th><th>Section</th><th>Item</th><th>Status</th>"
        "<th>Answer</th></tr></thead><tbody>"
    )
    for row in report.rows:
        answer = "".join(f"<li>{esc(line)}</li>" for line in _answer(report, row))
        body.append(
            f'<tr class="{esc(row.status.value)}"><td>{esc(row.number)}</td>'
            f"<td>{esc(row.section.value)}</td><td>{esc(row.item)}</td>"
            f"<td>{esc(row.status.label)}</td><td><ul>{answer}</ul></td></tr>"
        )
    body.append("</tbody></table>")
    body.append(f"<p>Data version: {esc(report.data_version)}</p>")
    style = (
        "body{font:16px/1.45 system-ui,sans-serif;margin:2rem;color:#111}"
        "table{border-collapse:collapse;width:100%}"
        "th,td{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}"
        "td ul{margin:0;padding-left:1.1rem}tr.for-clinician td{background:#fff6d6}"
        "@media print{tr{break-inside:avoid}}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(report.title)}</title><style>{style}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
