"""The ``upperback`` command line: parsing and printing, nothing more.

Every decision is the library's. This module turns options into library
calls, and their results into text on stdout or in a file. With no
subcommand it prints the default program, the package's main job.

Exit status: 0 on success; 1 when the data is wrong (an invalid catalog
file, no exercise that fits) or a file cannot be read or written; 2 when
the command itself is wrong (an unknown option, id or slug, a value out
of range). Errors are one message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import stat
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

from ._convert import dumps
from ._i18n import SOURCE_LOCALE, check_locale, translations
from ._render._options import PAPER_SIZES, HandoutOptions
from .catalog import MAX_CATALOG_BYTES, Catalog, load_catalog
from .exceptions import (
    CatalogError,
    DataError,
    InvalidConstraintError,
    InvalidOptionError,
    NoEligibleExercisesError,
    UnknownExerciseError,
    UnknownLocaleError,
    UnknownVocabularyError,
    UpperbackError,
)
from .model import Category, Equipment, Exercise, Position, Region
from .program import DEFAULT_EQUIPMENT, Program, ProgramRequest, build_program
from .schema import SCHEMA_NAMES, json_schema

__all__ = ["main"]

_PROG = "upperback"

#: Formats of a handout: an exercise or a program.
_HANDOUT_FORMATS = ("text", "markdown", "html", "pdf", "json")
#: Formats of a listing: the catalog or search results.
_LISTING_FORMATS = ("text", "json")
#: Formats of ``show``: a handout, FHIR, or a picture of one pose.
_SHOW_FORMATS = (*_HANDOUT_FORMATS, "fhir", "svg")
#: Formats of ``program``: a handout, a FHIR Bundle, a CERT report (Markdown), or a calendar.
_PROGRAM_FORMATS = (*_HANDOUT_FORMATS, "fhir", "cert", "ics")

#: The data sets ``upperback import`` reads.
_IMPORT_FORMATS = ("free-exercise-db",)

#: Mistakes in what was typed. They exit 2, like argparse's own usage errors;
#: every other error is about the data and exits 1.
_USAGE_ERRORS = (
    InvalidConstraintError,
    InvalidOptionError,
    UnknownExerciseError,
    UnknownLocaleError,
    UnknownVocabularyError,
)

#: The option that sets each :func:`~upperback.build_program` argument, so
#: that a complaint about an argument names what the user typed.
_OPTIONS = {
    "patient": "--patient-name",
    "provider": "--provider",
    "provider_phone": "--provider-phone",
    "date_given": "--date-given",
    "next_visit": "--next-visit",
    "notes": "--notes",
    "paper": "--paper",
    "minutes_per_session": "--minutes",
    "sessions_per_week": "--sessions-per-week",
    "weeks": "--weeks",
    "start": "--start",
    "include": "--include",
    "exclude": "--exclude",
}

#: Where the defaults of ``upperback program`` come from: the library's.
_DEFAULTS = ProgramRequest()


class _Args(argparse.Namespace):
    """The parsed command line, typed."""

    handler: Callable[[_Args], int]
    catalog: Path | None
    catalog_max_bytes: int
    format: Literal["text", "markdown", "html", "pdf", "json", "svg", "fhir", "cert", "ics"]
    output: Path | None
    lang: str
    # program --format fhir
    fhir_patient: str | None
    fhir_transaction: bool
    # program --format ics
    reminder: dt.time | None
    time_zone: str | None
    # show and program: the handout's options
    patient: str | None
    provider: str | None
    provider_phone: str | None
    date_given: dt.date | None
    next_visit: dt.date | None
    notes: str | None
    paper: Literal["letter", "a4"]
    large_print: bool
    figures_dir: str | None
    # show
    exercise_id: str
    pose: str | None
    # figures
    directory: Path
    # search
    text: str
    limit: int
    # program
    equipment: list[str] | None
    avoid_position: list[str]
    region: list[str]
    category: list[str]
    minutes: int
    sessions_per_week: int
    weeks: int
    start: dt.date | None
    include: list[str]
    exclude: list[str]
    # session
    session_week: int
    session_day: int
    play: bool
    # validate
    file: Path
    # import
    source_format: Literal["free-exercise-db"]
    source: Path
    # schema
    name: str


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name. Default:
            ``sys.argv[1:]``.

    Returns:
        0 on success, 1 for invalid data, 2 for a usage error.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args: _Args | None = None
    try:
        args = parser.parse_args(arguments, namespace=_defaults())
        if not hasattr(args, "handler"):  # no subcommand: the default program
            args = parser.parse_args([*arguments, "program"], namespace=_defaults())
        return args.handler(args)
    except SystemExit as exc:  # argparse: --help, --version or a usage error
        return exc.code if isinstance(exc.code, int) else 2
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        return 130
    except (UpperbackError, OSError) as exc:
        return _fail(exc, listing=getattr(args, "handler", None) is _validate)


# -- the parser ------------------------------------------------------------


class _VersionAction(argparse.Action):
    """Print the package and data versions; read the data only when asked."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        del namespace, values, option_string
        data = load_catalog().data_version
        # importlib.metadata (with the email package) is a sixth of the start-up: only when asked.
        from importlib.metadata import version  # noqa: PLC0415

        _write(f"{_PROG} {version('upperback')} (data {data})\n", None)
        parser.exit()


class _Formatter(argparse.HelpFormatter):
    """Help that never breaks a slug such as ``firm-surface`` across lines."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        formatter_class=_Formatter,
        description=(
            "Exercises for upper back pain, as data. With no command, print a "
            "four-week home program built with the default settings."
        ),
        epilog="This tool gives no medical advice; check with a health professional first.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the package and data versions"
    )
    _add_catalog_options(parser, argparse.SUPPRESS)
    _add_lang(parser)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    listing = commands.add_parser(
        "list", help="a table of every exercise", formatter_class=_Formatter
    )
    _add_output(listing, _LISTING_FORMATS)
    _add_catalog_options(listing, argparse.SUPPRESS)
    listing.set_defaults(handler=_list)

    show = commands.add_parser("show", help="one exercise as a handout", formatter_class=_Formatter)
    show.add_argument("exercise_id", metavar="ID", help="the exercise id, such as band-row")
    _add_output(show, _SHOW_FORMATS)
    show.add_argument(
        "--pose",
        metavar="NAME",
        help="with --format svg: which pose to draw, such as start or end (default: start)",
    )
    _add_handout_options(show)
    _add_catalog_options(show, argparse.SUPPRESS)
    show.set_defaults(handler=_show)

    figures = commands.add_parser(
        "figures",
        help="write a picture of every pose of every exercise, as SVG files",
        formatter_class=_Formatter,
    )
    figures.add_argument(
        "-o",
        "--output",
        dest="directory",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write ID-POSE.svg files to; made if missing",
    )
    _add_lang(figures)
    _add_catalog_options(figures, argparse.SUPPRESS)
    figures.set_defaults(handler=_figures)

    search = commands.add_parser(
        "search", help="find exercises by name, forgiving typos", formatter_class=_Formatter
    )
    search.add_argument("text", metavar="TEXT", help="a name or a nickname, such as 'wall angels'")
    search.add_argument(
        "--limit",
        type=_positive,
        default=5,
        metavar="N",
        help="show at most N (default: %(default)s)",
    )
    _add_output(search, _LISTING_FORMATS)
    _add_catalog_options(search, argparse.SUPPRESS)
    search.set_defaults(handler=_search)

    program = commands.add_parser(
        "program", help="build a home program (the default command)", formatter_class=_Formatter
    )
    _add_program_options(program)
    _add_output(program, _PROGRAM_FORMATS)
    _add_fhir_options(program)
    _add_ics_options(program)
    _add_handout_options(program)
    _add_catalog_options(program, argparse.SUPPRESS)
    program.set_defaults(handler=_program)

    _add_session_command(commands)

    validate = commands.add_parser(
        "validate", help="check a catalog file; list every problem", formatter_class=_Formatter
    )
    validate.add_argument("file", type=Path, metavar="FILE", help="the JSON catalog to check")
    _add_catalog_options(validate, argparse.SUPPRESS)
    validate.set_defaults(handler=_validate)

    importer = commands.add_parser(
        "import",
        help="make a catalog file from another exercise data set",
        description=(
            "Make an upperback catalog file from another data set's file. "
            "free-exercise-db: its dist/exercises.json. The catalog declares the "
            "terms it needs, keeps what the data does not say unknown, and gives "
            "no dosage. Check it with 'upperback validate', use it with --catalog."
        ),
        formatter_class=_Formatter,
    )
    importer.add_argument(
        "source_format",
        choices=_IMPORT_FORMATS,
        metavar="FORMAT",
        help=f"the data set: {', '.join(_IMPORT_FORMATS)}",
    )
    importer.add_argument("source", type=Path, metavar="FILE", help="the data set's JSON file")
    importer.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the catalog to FILE"
    )
    importer.add_argument(
        "--catalog-max-bytes",
        type=_positive,
        metavar="N",
        default=argparse.SUPPRESS,
        help=(
            "refuse a data set file, or a catalog made, bigger than N bytes "
            f"(default: {MAX_CATALOG_BYTES}, the most --catalog reads by default)"
        ),
    )
    importer.set_defaults(handler=_import)

    schema = commands.add_parser("schema", help="print a JSON Schema", formatter_class=_Formatter)
    schema.add_argument("name", choices=SCHEMA_NAMES, help="which document the schema describes")
    schema.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    schema.set_defaults(handler=_schema)
    return parser


def _add_session_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    guided = commands.add_parser(
        "session",
        help="one session of a program as a timeline; --play runs it with a timer",
        formatter_class=_Formatter,
    )
    guided.add_argument(
        "--week",
        dest="session_week",
        type=_positive,
        default=1,
        metavar="N",
        help="the week, from 1 (default: %(default)s)",
    )
    guided.add_argument(
        "--day",
        dest="session_day",
        type=_positive,
        default=1,
        metavar="N",
        help="the session of that week, from 1 (default: %(default)s)",
    )
    guided.add_argument(
        "--play",
        action="store_true",
        help="run the session in the terminal with a countdown; Ctrl-C stops it",
    )
    _add_program_options(guided)
    _add_output(guided, _LISTING_FORMATS)
    _add_catalog_options(guided, argparse.SUPPRESS)
    guided.set_defaults(handler=_session)


def _add_catalog_options(parser: argparse.ArgumentParser, default: object) -> None:
    """``--catalog`` and its size limit, taken before or after the command.

    The parser sets the defaults once; the same options on each command
    default to "not given", so a value typed before the command stays.
    """
    parser.add_argument(
        "--catalog",
        type=Path,
        metavar="FILE",
        default=default,
        help="add the exercises of your own catalog file to the bundled ones",
    )
    parser.add_argument(
        "--catalog-max-bytes",
        type=_positive,
        metavar="N",
        default=default,
        help=(
            "refuse a catalog file bigger than N bytes "
            f"(default: {MAX_CATALOG_BYTES}, which is 64 MiB)"
        ),
    )


def _add_output(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help="how to write it (default: %(default)s)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen"
    )
    _add_lang(parser)


def _add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang``, taken before or after the command, as ``--catalog`` is.

    The namespace starts with English (:func:`_defaults`); the option
    defaults to "not given" everywhere, so a value typed before the
    command stays.
    """
    parser.add_argument(
        "--lang",
        type=_locale,
        default=argparse.SUPPRESS,
        metavar="LANG",
        help=(
            f"the language of the words, such as es for Spanish (default: {SOURCE_LOCALE}); "
            "the JSON of a program is the same in every language"
        ),
    )


def _add_fhir_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "FHIR options", "Used with --format fhir: an HL7 FHIR R4 Bundle as JSON."
    )
    group.add_argument(
        "--patient",
        dest="fhir_patient",
        metavar="REFERENCE",
        help="the patient, such as Patient/123: adds a CarePlan and ServiceRequests",
    )
    group.add_argument(
        "--fhir-transaction",
        action="store_true",
        help="write a transaction Bundle, ready to POST to a FHIR server",
    )


def _add_ics_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "calendar options",
        "Used with --format ics: an iCalendar file, one event a session day (needs --start).",
    )
    group.add_argument(
        "--reminder",
        type=_time,
        metavar="HH:MM",
        help="the time of each session and its reminder (default: 18:00)",
    )
    group.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="an IANA time zone such as Europe/Madrid (default: floating local time)",
    )


def _time(value: str) -> dt.time:
    """Parse ``--reminder``; argparse reports the error as a usage error."""
    try:
        parsed = dt.time.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is not None:
        raise argparse.ArgumentTypeError(f"expected a time as HH:MM, got {value!r}")
    return parsed


def _add_handout_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "handout options",
        "Printed in the handout's header (text, markdown, html, pdf), never in the JSON.",
    )
    group.add_argument(
        "--patient-name", dest="patient", metavar="NAME", help="the name of the person it is for"
    )
    group.add_argument("--provider", metavar="NAME", help="the doctor or physical therapist")
    group.add_argument("--provider-phone", metavar="PHONE", help="the provider's phone number")
    group.add_argument(
        "--date-given", type=_date, metavar="YYYY-MM-DD", help="the day the handout is given"
    )
    group.add_argument(
        "--next-visit", type=_date, metavar="YYYY-MM-DD", help="the day of the next visit"
    )
    group.add_argument("--notes", metavar="TEXT", help="notes from the provider")
    group.add_argument(
        "--paper",
        choices=PAPER_SIZES,
        default="letter",
        help="paper size for html and pdf (default: %(default)s)",
    )
    group.add_argument(
        "--large-print",
        action="store_true",
        help="print with a base font of at least 16 pt (html and pdf)",
    )
    group.add_argument(
        "--figures-dir",
        metavar="DIR",
        help="markdown: link each exercise's pictures in DIR, as written by 'upperback figures'",
    )


#: The handout options that are personal details, by their option names.
_DETAILS = {
    "patient": "--patient-name",
    "provider": "--provider",
    "provider_phone": "--provider-phone",
    "date_given": "--date-given",
    "next_visit": "--next-visit",
    "notes": "--notes",
}


#: The formats that must never carry personal details, and how to name them.
_NEVER_IN = {
    "json": "the JSON of a program or an exercise",
    "fhir": "the FHIR output",
    "cert": "the CERT output",
    "ics": "a calendar file",
}


def _options(args: _Args) -> HandoutOptions:
    """The handout options of the command line, checked by :class:`HandoutOptions`."""
    given = {name: getattr(args, name) for name in _DETAILS}
    if args.format != "fhir":
        for dest, option in (
            ("fhir_patient", "--patient"),
            ("fhir_transaction", "--fhir-transaction"),
        ):
            if getattr(args, dest, None):
                raise InvalidOptionError(option, f"only for --format fhir, not {args.format}")
    if args.format != "ics":
        for dest, option in (("reminder", "--reminder"), ("time_zone", "--time-zone")):
            if getattr(args, dest, None) is not None:
                raise InvalidOptionError(option, f"only for --format ics, not {args.format}")
    if args.format in _NEVER_IN:
        named = [_DETAILS[name] for name, value in given.items() if value is not None]
        if named:
            raise InvalidOptionError(
                named[0],
                "personal details go in a handout (text, markdown, html, pdf), "
                f"never in {_NEVER_IN[args.format]}",
            )
    return HandoutOptions(
        **given, paper=args.paper, large_print=args.large_print, figures_dir=args.figures_dir
    )


def _add_program_options(parser: argparse.ArgumentParser) -> None:
    typical = ", ".join(e.value for e in DEFAULT_EQUIPMENT)
    parser.add_argument(
        "--equipment",
        action="append",
        metavar="SLUG[,SLUG]",
        help=(
            "what you have; repeat it or separate slugs with commas, and give "
            f"'none' for nothing at all. Slugs: {_slugs(Equipment)}. "
            f"Default: a typical home ({typical})"
        ),
    )
    parser.add_argument(
        "--avoid-position",
        action="append",
        default=[],
        metavar="SLUG",
        help=f"a position you cannot take; may be repeated. Slugs: {_slugs(Position)}",
    )
    parser.add_argument(
        "--region",
        action="append",
        default=[],
        metavar="SLUG[,SLUG]",
        help=f"focus on exercises that work on these regions; may be repeated. Slugs: "
        f"{_slugs(Region)}",
    )
    parser.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="SLUG[,SLUG]",
        help=f"focus on exercises of these categories; may be repeated. Slugs: {_slugs(Category)}",
    )
    parser.add_argument(
        "--minutes",
        type=int,
        default=_DEFAULTS.minutes_per_session,
        metavar="N",
        help="minutes for one session (default: %(default)s)",
    )
    parser.add_argument(
        "--sessions-per-week",
        type=int,
        default=_DEFAULTS.sessions_per_week,
        metavar="N",
        help="sessions each week, 1 to 7 (default: %(default)s)",
    )
    parser.add_argument(
        "--weeks",
        type=int,
        default=_DEFAULTS.weeks,
        metavar="N",
        help="how many weeks, 1 to 52 (default: %(default)s)",
    )
    parser.add_argument(
        "--start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the first day; with it, each week shows its dates",
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="ID",
        help="an exercise to choose first when it fits; may be repeated",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="ID",
        help="an exercise never to choose; may be repeated",
    )


def _slugs(kind: type[Equipment | Position | Region | Category]) -> str:
    # "unknown" is what a catalog says when it does not know: never a choice.
    built_in = ", ".join(member.value for member in kind if member.value != "unknown")
    return f"{built_in}, or one a --catalog file declares"


def _locale(value: str) -> str:
    """Parse ``--lang``; argparse reports an unknown language as a usage error."""
    try:
        return check_locale(value)
    except UnknownLocaleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    """Parse a count of 1 or more; argparse reports the error as a usage error."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return number


def _date(value: str) -> dt.date:
    """Parse ``--start``; argparse reports the error as a usage error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _split(values: Sequence[str]) -> list[str]:
    """Flatten repeated, comma-separated option values, dropping blanks."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


# -- the commands ----------------------------------------------------------


def _defaults() -> _Args:
    """The namespace every parse starts from: the options' defaults, set once."""
    args = _Args()
    args.lang = SOURCE_LOCALE
    args.catalog = None
    args.catalog_max_bytes = MAX_CATALOG_BYTES
    return args


def _catalog(args: _Args) -> Catalog:
    """The bundled catalog, with the ``--catalog`` file's exercises added."""
    bundled = load_catalog()
    if args.catalog is None:
        return bundled
    return bundled.merge(load_catalog(args.catalog, max_bytes=args.catalog_max_bytes))


def _list(args: _Args) -> int:
    catalog = _localized(_catalog(args), args.lang)
    if args.format == "json":
        _write(dumps(catalog), args.output)
        return 0
    rows = [
        (
            exercise.id,
            exercise.name,
            _term(exercise.category, args.lang),
            ", ".join(_term(position, args.lang) for position in exercise.positions),
            ", ".join(
                _or_words((_term(option, args.lang) for option in requirement.any_of), args.lang)
                for requirement in exercise.equipment
            )
            or "-",
        )
        for exercise in catalog
    ]
    t = translations(args.lang)
    header = (
        t.pgettext("column", "ID"),
        t.pgettext("column", "NAME"),
        t.pgettext("column", "CATEGORY"),
        t.pgettext("column", "POSITIONS"),
        t.pgettext("column", "EQUIPMENT"),
    )
    _write(_table(header, rows), args.output)
    return 0


def _localized(catalog: Catalog, lang: str) -> Catalog:
    """*catalog* with its exercises in *lang*."""
    return catalog if lang == SOURCE_LOCALE else catalog.localized(lang)


def _term(term: Category | Position | Equipment, lang: str) -> str:
    """A vocabulary term: its slug in English, to type in options; its words in another language."""
    return term.value if lang == SOURCE_LOCALE else term.describe(locale=lang)


def _or_words(words: Iterable[str], lang: str) -> str:
    """Alternatives in a table cell: ``"a or b"``."""
    t = translations(lang)
    return t.pgettext("table", " or ").join(words)


def _show(args: _Args) -> int:
    catalog = _catalog(args)
    exercise = catalog[args.exercise_id]
    if args.format == "svg":
        from ._illustrate import illustrate  # noqa: PLC0415 - drawing loads only when used

        named = _localized(catalog, args.lang)[args.exercise_id]
        _write(illustrate(named, args.pose, locale=args.lang).svg, args.output)
        return 0
    if args.pose is not None:
        sys.stderr.write(f"{_PROG} show: --pose needs --format svg\n")
        return 2
    _emit(_handout(exercise, args, catalog), args.output)
    return 0


def _figures(args: _Args) -> int:
    """Draw everything first, then write: bad data writes no file at all."""
    from ._illustrate import illustrations  # noqa: PLC0415 - drawing loads only when used

    catalog = _localized(_catalog(args), args.lang)
    pictures = [
        picture for exercise in catalog for picture in illustrations(exercise, locale=args.lang)
    ]
    args.directory.mkdir(parents=True, exist_ok=True)
    for picture in pictures:
        _write_file(picture.svg, args.directory / picture.filename)
    count = len(pictures)
    said = translations(args.lang).ngettext(
        "Wrote %(count)s picture to %(folder)s", "Wrote %(count)s pictures to %(folder)s", count
    )
    _write(said % {"count": count, "folder": args.directory}, None)
    return 0


def _search(args: _Args) -> int:
    t = translations(args.lang)
    results = _localized(_catalog(args), args.lang).search(args.text, limit=args.limit)
    if not results:
        message = t.gettext("no exercise matches %(text)s") % {"text": repr(args.text)}
        sys.stderr.write(f"{_PROG}: {message}\n")
        return 1
    if args.format == "json":
        _write(dumps(list(results)), args.output)
        return 0
    rows = [(f"{r.score:.3f}", r.exercise.id, r.exercise.name, r.matched) for r in results]
    header = (
        t.pgettext("column", "SCORE"),
        t.pgettext("column", "ID"),
        t.pgettext("column", "NAME"),
        t.pgettext("column", "MATCHED"),
    )
    _write(_table(header, rows), args.output)
    return 0


def _program(args: _Args) -> int:
    catalog = _catalog(args)
    program = _build(args, catalog)
    _emit(_handout(program, args, catalog), args.output)
    return 0


def _session(args: _Args) -> int:
    from ._play import play, timeline_text  # noqa: PLC0415 - loads only when used
    from ._session import session  # noqa: PLC0415

    catalog = _catalog(args)
    try:
        timeline = session(
            _build(args, catalog),
            week=args.session_week,
            day=args.session_day,
            catalog=catalog,
            locale=args.lang,
        )
    except InvalidConstraintError as exc:
        name, _, reason = str(exc).partition(": ")
        raise InvalidOptionError(f"--{name}", reason) from None
    if args.play:
        if args.output is not None or args.format != "text":
            raise InvalidOptionError("--play", "plays on the screen, as text; drop -o and --format")
        if sys.stdout is None:
            raise OSError("cannot play: stdout is closed")
        return 0 if play(timeline, sys.stdout, live=sys.stdout.isatty()) else 130
    if args.format == "json":
        _write(dumps(timeline), args.output)
    else:
        _write(timeline_text(timeline), args.output)
    return 0


def _build(args: _Args, catalog: Catalog) -> Program:
    """The program the program options describe."""
    return build_program(
        equipment=None if args.equipment is None else _without_none(_split(args.equipment)),
        avoid_positions=_split(args.avoid_position),
        minutes_per_session=args.minutes,
        sessions_per_week=args.sessions_per_week,
        weeks=args.weeks,
        start=args.start,
        include=_split(args.include),
        exclude=_split(args.exclude),
        catalog=catalog,
        regions=_split(args.region),
        categories=_split(args.category),
    )


def _without_none(slugs: list[str]) -> list[str]:
    """``--equipment none`` means nothing: the word stands for the empty list."""
    return [slug for slug in slugs if slug != "none"]


def _validate(args: _Args) -> int:
    """Check a file; its problems are the command's output, so they go to stdout."""
    try:
        catalog = load_catalog(args.file, max_bytes=args.catalog_max_bytes)
    except DataError as exc:
        _write("".join(f"{_printable(str(problem))}\n" for problem in exc.problems), None)
        raise
    count = len(catalog)
    noun = "exercise" if count == 1 else "exercises"
    _write(f"{_printable(os.fspath(args.file))}: valid catalog, {count} {noun}\n", None)
    return 0


def _import(args: _Args) -> int:
    """Write the catalog made from another data set, only once it loads."""
    from .importers import _import_catalog  # noqa: PLC0415 - loads only when used

    try:
        document, catalog = _import_catalog(args.source, max_bytes=args.catalog_max_bytes)
    except CatalogError as exc:
        # The file is the data set's, not a catalog: say "invalid data".
        raise DataError(exc.problems, exc.source) from None
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    size = len(text.encode("utf-8"))
    if size > args.catalog_max_bytes:
        # A file the loader would refuse is no catalog: refuse it here, before writing.
        raise InvalidOptionError(
            "--catalog-max-bytes",
            f"the catalog made would be {size} bytes, more than the {args.catalog_max_bytes} "
            "that --catalog and validate read; give a bigger --catalog-max-bytes here "
            "and when you load it",
        )
    skipped = [item["source_id"] for item in document.get("extra", {}).get("skipped", [])]
    note = _left_out(skipped)
    if args.output is None:
        _write(text, None)
        if note and sys.stderr is not None:
            sys.stderr.write(f"{_PROG}: {_printable(note)}\n")
        return 0
    _write_file(text, args.output)
    count = len(catalog)
    noun = "exercise" if count == 1 else "exercises"
    wrote = f"Wrote {count} {noun} to {os.fspath(args.output)}"
    _write("".join(f"{_printable(line)}\n" for line in (wrote, note) if line), None)
    return 0


#: How many ids of exercises left out the import command names; the
#: catalog's ``extra["skipped"]`` lists them all.
_MAX_LEFT_OUT_NAMED = 5


def _left_out(skipped: Sequence[str]) -> str:
    """One short line: how many exercises were left out, and the first few ids."""
    if not skipped:
        return ""
    count = len(skipped)
    noun = "exercise" if count == 1 else "exercises"
    named = ", ".join(
        source_id if len(source_id) <= 60 else f"{source_id[:57]}..."
        for source_id in skipped[:_MAX_LEFT_OUT_NAMED]
    )
    more = count - _MAX_LEFT_OUT_NAMED
    rest = f" and {more} more (all are listed in the catalog's extra.skipped)" if more > 0 else ""
    return f"Left out {count} {noun} without instructions: {named}{rest}"


def _schema(args: _Args) -> int:
    schema = json_schema(args.name)
    _write(json.dumps(schema, indent=2, ensure_ascii=False), args.output)
    return 0


# -- output ------------------------------------------------------------------


def _handout(obj: Exercise | Program, args: _Args, catalog: Catalog) -> str | bytes:
    """Render *obj* as *args* ask: JSON by the converter, the rest by the renderers."""
    options = _options(args)
    if args.format == "json":
        # A program is the same in every language; an exercise is shown in its own.
        if isinstance(obj, Exercise):
            return dumps(_localized(catalog, args.lang)[obj.id])
        return dumps(obj)
    if args.format == "fhir":
        return _fhir(obj, args, catalog)
    if args.format == "ics":
        return _ics(obj, args, catalog)
    if args.format == "cert":
        from ._render import render  # noqa: PLC0415 - the renderers load only when used
        from .cert import cert_report  # noqa: PLC0415

        if not isinstance(obj, Program):  # pragma: no cover - argparse allows it only there
            msg = "only a program has a CERT report"
            raise TypeError(msg)
        return render(cert_report(obj, catalog=catalog, locale=args.lang), "markdown")
    if args.format == "pdf" and args.output is None and sys.stdout and sys.stdout.isatty():
        # Checked before the work, so a mistake costs nothing.
        raise InvalidOptionError(
            "--output", "a PDF is not for the screen: give -o FILE, or pipe the output"
        )
    from ._render import render  # noqa: PLC0415 - the renderers load only when used

    match args.format:
        case "svg":  # pragma: no cover - _show draws pictures itself
            msg = "a handout has no svg format"
            raise AssertionError(msg)
        case fmt:
            return render(obj, format=fmt, catalog=catalog, options=options, locale=args.lang)


def _ics(obj: Exercise | Program, args: _Args, catalog: Catalog) -> str:
    """A dated program as an iCalendar file."""
    from ._render import render  # noqa: PLC0415 - the renderers load only when used
    from ._render._ics import DEFAULT_REMINDER  # noqa: PLC0415

    if not isinstance(obj, Program):  # pragma: no cover - argparse allows it only there
        msg = "only a program has a calendar"
        raise TypeError(msg)
    try:
        return render(
            obj,
            "ics",
            catalog=catalog,
            locale=args.lang,
            reminder=args.reminder or DEFAULT_REMINDER,
            time_zone=args.time_zone,
        )
    except InvalidConstraintError as exc:
        name, _, reason = str(exc).partition(": ")
        option = {"start": "--start", "time_zone": "--time-zone"}.get(name, f"--{name}")
        raise InvalidOptionError(option, reason) from None


def _fhir(obj: Exercise | Program, args: _Args, catalog: Catalog) -> str:
    """*obj* as FHIR R4 JSON: an ActivityDefinition, or a program's Bundle."""
    from ._fhir import to_fhir  # noqa: PLC0415 - the export loads only when used

    patient = getattr(args, "fhir_patient", None)
    kind: Literal["collection", "transaction"] = (
        "transaction" if getattr(args, "fhir_transaction", False) else "collection"
    )
    if isinstance(obj, Program):
        try:
            resource = to_fhir(
                obj,
                patient_reference=patient,
                catalog=catalog,
                bundle_type=kind,
                locale=_fhir_locale(args),
            )
        except InvalidConstraintError as exc:
            raise InvalidOptionError("--patient", exc.reason) from None
    else:
        resource = to_fhir(obj, catalog=catalog, locale=_fhir_locale(args))
    return json.dumps(resource, indent=2, ensure_ascii=False)


def _fhir_locale(args: _Args) -> str | None:
    """The FHIR language: none said for English, as before ``--lang`` existed."""
    return None if args.lang == SOURCE_LOCALE else args.lang


def _emit(output: str | bytes, path: Path | None) -> None:
    """Write a handout: text as :func:`_write` does, a PDF's bytes whole or not at all."""
    if isinstance(output, str):
        _write(output, path)
        return
    if path is None:
        if sys.stdout is None:  # started with stdout closed
            raise OSError("cannot write the output: stdout is closed")
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
        return
    _write_file(output, path)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Plain columns, each as wide as its widest cell, two spaces apart."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    return "".join(line.rstrip() + "\n" for line in lines)


def _write(text: str, output: Path | None) -> None:
    """Write *text* as UTF-8 to the file *output*, or to stdout when it is ``None``.

    The output ends with a newline; a file gets no newline translation.

    Raises:
        OSError: stdout is closed, or the file cannot be written.
    """
    if not text.endswith("\n"):
        text += "\n"
    if output is not None:
        _write_file(text, output)
        return
    if sys.stdout is None:  # started with stdout closed, as by `upperback list >&-`
        raise OSError("cannot write the output: stdout is closed")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    sys.stdout.write(text)
    sys.stdout.flush()


def _write_file(text: str | bytes, output: Path) -> None:
    """Write *text* (or a PDF's bytes) to *output* whole or not at all.

    A regular file (new or old) is replaced in one step: the text goes to
    a temporary file beside it, which is renamed over it once complete.
    So a failure never leaves a half-written or emptied file. Overwriting
    an existing file is the Unix habit, and kept. A device or a pipe
    (``-o /dev/stdout``) is written directly, as it cannot be replaced.

    A symbolic link to a file, or a link to nothing, is refused: writing
    through it would replace (or create) a file somewhere else than the
    path given, which a link planted in a shared folder could choose.

    Raises:
        InvalidOptionError: *output* is a link to a file or a dangling link.
        OSError: The file cannot be written.
    """
    target = Path(output)
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if target.is_symlink() and (mode is None or stat.S_ISREG(mode)):
        what = "a link to nothing" if mode is None else "a link to another file"
        raise InvalidOptionError(
            "--output",
            f"{_printable(os.fspath(output))} is {what}; upperback does not write through "
            "links: give the path of the file itself",
        )
    # Encoded first: a failure here comes before any file is touched.
    data = text.encode("utf-8") if isinstance(text, str) else text
    if mode is not None and not stat.S_ISREG(mode):
        with target.open("wb") as file:
            file.write(data)
        return
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        temporary.chmod(stat.S_IMODE(mode) if mode is not None else _new_file_mode())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: Unicode categories a message must not print as themselves: controls
#: (ESC starts a terminal command, BEL rings, C1 controls too), format
#: characters (bidi overrides reorder a line, zero-width ones hide text),
#: line and paragraph separators, surrogates and private use.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co"})


def _printable(text: str) -> str:
    r"""*text* safe for a terminal: no control character, no undecodable byte.

    An undecodable byte of a file name shows as ``\xNN``; a control or
    bidi character as its escape (``\x1b``, ``\u202e``), as ``repr`` writes it.
    """
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(
        ascii(char)[1:-1] if unicodedata.category(char) in _UNPRINTABLE else char for char in text
    )


def _fail(exc: UpperbackError | OSError, *, listing: bool = False) -> int:
    """Say what went wrong in one line on stderr; return the exit status.

    An invalid catalog is summed up by its first problem; ``validate``
    (*listing*) has already printed every problem on stdout.
    """
    if isinstance(exc, _USAGE_ERRORS):
        message, status = _option_names(str(exc)), 2
    elif isinstance(exc, NoEligibleExercisesError):
        message, status = _nothing_fits(exc), 1
    elif isinstance(exc, DataError) and exc.problems:
        message, status = _one_line(exc, listing=listing), 1
    elif isinstance(exc, UpperbackError):
        message, status = str(exc), 1
    else:
        message, status = _os_message(exc), 1
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"{_PROG}: error: {_printable(' '.join(message.split()))}\n")
            sys.stderr.flush()
    return status


def _nothing_fits(exc: NoEligibleExercisesError) -> str:
    """The first few exercises left out and why; a big catalog leaves out thousands."""
    shown = "; ".join(f"{o.exercise}: {o.detail}" for o in exc.omitted[:3])
    more = len(exc.omitted) - 3
    return f"no exercise fits these constraints: {shown}" + (
        f" (and {more} more)" if more > 0 else ""
    )


def _one_line(exc: DataError, *, listing: bool) -> str:
    head = str(exc).split("\n", 1)[0].rstrip(":")
    count = len(exc.problems)
    if listing and count > 1:
        return head
    first = str(exc.problems[0])
    first = first if len(first) <= 200 else first[:197] + "..."
    more = "" if count == 1 else f" (and {count - 1} more)"
    where = ""
    if exc.source and count > 1 and isinstance(exc, CatalogError):  # a file validate reads
        where = f"; 'upperback validate {exc.source}' lists them all"
    return f"{head}: {first}{more}{where}"


def _option_names(message: str) -> str:
    """Name the option rather than the library argument: ``--minutes: ...``."""
    name, colon, rest = message.partition(":")
    return f"{_OPTIONS[name]}{colon}{rest}" if colon and name in _OPTIONS else message


def _os_message(exc: OSError) -> str:
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)


def _reader_gone() -> int:
    """Stop quietly when stdout is closed early, as by ``upperback list | head``."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's last flush must not fail too
    except (OSError, ValueError):
        pass
    return 1
