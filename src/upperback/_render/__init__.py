"""Patient handouts: an exercise, a program or a whole catalog as text, Markdown or HTML.

>>> import upperback
>>> handout = upperback.render(upperback.load_catalog()["band-row"])
>>> handout.splitlines()[0]
'Rowing exercise'

Every handout carries the steps, the dosage in words, how to make each
exercise harder and its cautions, then when to stop and call a provider,
the disclaimer, the references, the source credit and the data version.
No option leaves any of these out.

Text and Markdown need nothing extra. HTML needs Jinja2: install it with
``pip install "upperback[html]"``. PDF is made from the same HTML by
WeasyPrint: install it with ``pip install "upperback[pdf]"``.

A program's handout opens with an "at a glance" box and ends with a
tracking sheet, a table a week. Personal details, paper size and large
print come in one :class:`HandoutOptions`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, overload

from upperback._i18n import check_locale
from upperback.catalog import Catalog, load_catalog
from upperback.cert import CertReport
from upperback.exceptions import IncompleteHandoutError, TemplateError, UnknownFormatError
from upperback.model import Exercise
from upperback.program import Program

from . import _plain, _view
from ._options import DEFAULT_OPTIONS, DEFAULT_REMINDER, PAPER_SIZES, HandoutOptions, PaperSize

if TYPE_CHECKING:
    # A progress report comes from upperback._adherence, a layer up: render never
    # imports it, so a handout does not load the log and adherence machinery.
    from upperback._adherence import ProgressReport

__all__ = ["FORMATS", "PAPER_SIZES", "Format", "HandoutOptions", "PaperSize", "render"]

#: A format :func:`render` can write.
Format = Literal["text", "markdown", "html", "pdf", "ics"]

#: Every handout format :func:`render` can write. A dated program can also be
#: written as an ``"ics"`` calendar.
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "pdf")

#: The formats of a program: its handout, or its calendar.
_PROGRAM_FORMATS: tuple[Format, ...] = (*FORMATS, "ics")

#: The formats of a CERT report.
_CERT_FORMATS: tuple[Format, ...] = ("text", "markdown", "html")


@overload
def render(
    obj: Exercise | Program | Catalog | CertReport | ProgressReport,
    format: Literal["text", "markdown", "html", "ics"] = "text",
    *,
    catalog: Catalog | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    options: HandoutOptions | None = None,
    locale: str | None = None,
    reminder: dt.time = ...,
    time_zone: str | None = None,
) -> str: ...


@overload
def render(
    obj: Exercise | Program | Catalog | CertReport | ProgressReport,
    format: Literal["pdf"],
    *,
    catalog: Catalog | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    options: HandoutOptions | None = None,
    locale: str | None = None,
    reminder: dt.time = ...,
    time_zone: str | None = None,
) -> bytes: ...


@overload
def render(
    obj: Exercise | Program | Catalog | CertReport | ProgressReport,
    format: Format = "text",
    *,
    catalog: Catalog | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    options: HandoutOptions | None = None,
    locale: str | None = None,
    reminder: dt.time = ...,
    time_zone: str | None = None,
) -> str | bytes: ...


def render(  # noqa: C901, PLR0912, PLR0913 - one branch per kind of object and format; its options
    obj: Exercise | Program | Catalog | CertReport | ProgressReport,
    format: Format = "text",  # noqa: A002 - the word users expect
    *,
    catalog: Catalog | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    options: HandoutOptions | None = None,
    locale: str | None = None,
    reminder: dt.time = DEFAULT_REMINDER,
    time_zone: str | None = None,
) -> str | bytes:
    """Return a patient handout for *obj*, or a dated program's calendar.

    ``str`` for text, ``bytes`` for PDF: type checkers see one signature
    per format::

        render(obj, "text" | "markdown" | "html" | "ics" = "text", ...) -> str
        render(obj, "pdf", ...) -> bytes
        render(obj, format: Format, ...) -> str | bytes   # a format known only at run time

    It is safe to call from many threads at once, PDF included (see
    :doc:`/webapp`).

    Args:
        obj: An exercise, a program from :func:`upperback.build_program`,
            or a whole catalog (every exercise in it); or a CERT report from
            :func:`upperback.cert_report`, printed as a checklist (text,
            Markdown or HTML; the other arguments do not apply to it); or a
            clinician's progress report from
            :func:`upperback.progress_report` (Markdown, HTML or PDF, in
            the report's own language).
        format: ``"text"``, ``"markdown"``, ``"html"`` or ``"pdf"``, or
            ``"ics"`` for a dated program's calendar. HTML is one
            self-contained, print-ready page; PDF is that page printed by
            WeasyPrint, as a tagged PDF (PDF/UA-1).
        catalog: Where to look up a program's exercises, and the source of
            the safety lines, disclaimer, references, credits and data
            version. Default: the bundled catalog. A catalog passed as
            *obj* is its own source of these.
        template_dir: A folder of Jinja2 templates that replace ours by
            name (``handout.html``, ``exercise.html``, ``style.css``).
            Used for HTML and PDF.
        options: Personal details for the header, the paper size and
            large print, as one :class:`HandoutOptions`. Default: none
            of the details, Letter paper, regular print.
        locale: The language of every word, such as ``"es"`` (default:
            English; :func:`upperback.available_locales` lists them). The
            phrases come from the package's message catalog and the
            exercises from ``catalog.localized(locale)``; HTML says the
            language in ``<html lang>``, and PDF in its metadata.

        reminder: For ``"ics"``: the local time of each session and its
            reminder alarm (default 18:00).
        time_zone: For ``"ics"``: an IANA time zone, such as
            ``"Europe/Madrid"``, for the times; default: floating local
            time (the same clock time wherever the person is).

    Returns:
        The handout, as ``bytes`` for PDF, else as text. Text and Markdown end
        with a newline.

    Raises:
        UnknownFormatError: *format* is not one of :data:`FORMATS`, or
            ``"ics"`` for a program.
        InvalidConstraintError: ``"ics"`` for a program with no start
            date, or a *reminder* or *time_zone* that is not valid.
        MissingExtraError: *format* is ``"html"`` and Jinja2 is not
            installed, ``"pdf"`` and WeasyPrint is not, or ``"ics"`` and
            icalendar is not.
        IncompleteHandoutError: A template from *template_dir* left out
            the disclaimer, a safety line, a citation, the source credit
            or the data version.
        UnknownExerciseError: The program names an exercise that *catalog*
            does not have.
        NotADirectoryError: *template_dir* is not a directory.
        TypeError: *obj* is not an exercise, a program or a catalog, or
            *options* is not a :class:`HandoutOptions`.
        UnknownLocaleError: The package has no such language.
        MissingTranslationError: *obj* is an exercise that is not in
            *catalog*, so it has no text in *locale*.

    .. versionchanged:: 0.1.0
       The ``"pdf"`` format and *options*.
    """
    locale = check_locale(locale)
    if isinstance(obj, CertReport):
        from . import _cert  # noqa: PLC0415 - lazy: only for CERT reports

        if format not in _CERT_FORMATS:
            raise UnknownFormatError(format, _CERT_FORMATS)
        return _cert.render_cert(obj, format)
    if not isinstance(obj, Exercise | Program | Catalog):
        return _progress(obj, format)
    if format == "ics" and isinstance(obj, Program):
        return _calendar(obj, catalog, locale, reminder, time_zone)
    if format not in FORMATS:
        raise UnknownFormatError(format, _PROGRAM_FORMATS if isinstance(obj, Program) else FORMATS)
    if options is None:
        options = DEFAULT_OPTIONS
    elif not isinstance(options, HandoutOptions):
        msg = f"options: expected HandoutOptions, got {type(options).__name__}"
        raise TypeError(msg)
    if template_dir is not None and format not in {"html", "pdf"}:
        raise TemplateError(f"templates are used only for HTML and PDF, not {format!r}")
    if format == "pdf":
        from . import _pdf  # noqa: PLC0415 - lazy: only for PDF

        _pdf.require_weasyprint()
    handout = _view.build(
        obj,
        catalog if catalog is not None else load_catalog(),
        options,
        locale,
        pictures=format != "text",  # text shows no pictures: none are drawn
    )
    seen: Callable[[str], str]
    if format == "text":
        output, seen = _plain.render_text(handout), _plain.unescape_text
    elif format == "markdown":
        output, seen = _plain.render_markdown(handout), _plain.unescape_markdown
    else:
        from . import _html, _visible  # noqa: PLC0415 - lazy: only for HTML and PDF

        output = _html.render_html(handout, template_dir, options)
        seen = _visible.visible_text
    missing = _missing(handout, seen(output))
    if missing:
        raise IncompleteHandoutError(missing)
    if format == "pdf":
        from . import _pdf  # noqa: PLC0415 - imported above for this format

        return _pdf.render_pdf(output, handout)
    return output


#: The formats of a progress report.
_REPORT_FORMATS: tuple[Format, ...] = ("markdown", "html", "pdf")


def _progress(report: ProgressReport, format: Format) -> str | bytes:  # noqa: A002
    from upperback._adherence import ProgressReport  # noqa: PLC0415 - lazy: only for reports

    from . import _report  # noqa: PLC0415 - lazy: only for progress reports

    if not isinstance(report, ProgressReport):
        msg = (
            "render: expected an Exercise, a Program or a Catalog (or a CertReport or a "
            "ProgressReport), "
            f"got {type(report).__name__}"
        )
        raise TypeError(msg)

    if format not in _REPORT_FORMATS:
        raise UnknownFormatError(format, _REPORT_FORMATS)
    if format == "pdf":
        from . import _pdf  # noqa: PLC0415 - lazy: only for PDF

        _pdf.require_weasyprint()
    return _report.render_report(report, format)


def _calendar(
    program: Program,
    catalog: Catalog | None,
    locale: str,
    reminder: object,
    time_zone: object,
) -> str:
    from . import _ics  # noqa: PLC0415 - lazy: only for calendars

    checked, zone = _ics.check_reminder(reminder, time_zone)
    _ics.require_icalendar()
    view = _view.calendar(program, catalog if catalog is not None else load_catalog(), locale)
    start = program.request.start
    assert start is not None  # noqa: S101 - calendar() refuses a program without one
    return _ics.render_ics(view, start, checked, zone, dt.datetime.now(dt.timezone.utc))


def _missing(handout: _view.Handout, seen: str) -> list[str]:
    """What a reader cannot see that every handout must show.

    *seen* is the text a reader sees. Every required sentence must be in
    it; each exercise must show its name, then its steps in order; and
    every line of its dosage must be there.

    Each text is looked for from where the one before it was found, and
    only if it is not there, from the start: a handout shows its parts
    in order, so the whole check reads the text about once. Searching
    every name from the start made 32,000 exercises take 21 seconds.
    """
    words = _Words(seen)
    missing: list[str] = []
    position = 0
    for text in handout.required:
        found = words.find(text, position)
        if found is None:
            missing.append(text)
        else:
            position = found
    position = 0
    for exercise in handout.exercises:
        start = words.find(exercise.name, position)
        if start is None:
            missing.append(exercise.name)
            continue
        position = start
        for step in exercise.steps:
            found = words.find(step, position, anywhere=False)
            if found is None:
                missing.append(f"{exercise.name}: {step}")
            else:
                position = found
        missing.extend(
            f"{exercise.name}: {line.text}"
            for line in exercise.dosages
            if words.find(line.text, start) is None
        )
    return missing


class _Words:
    """The text a reader sees, white space runs as one space, to look for texts in."""

    def __init__(self, seen: str) -> None:
        self.text = " ".join(seen.split())

    def find(self, text: str, start: int, *, anywhere: bool = True) -> int | None:
        """Where *text* ends, found from *start* on (or, if *anywhere*, before); else ``None``."""
        needle = " ".join(text.split())
        found = self.text.find(needle, start)
        if found < 0 and anywhere:
            found = self.text.find(needle, 0, start + len(needle))
        return None if found < 0 else found + len(needle)
