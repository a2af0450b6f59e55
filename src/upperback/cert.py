"""A CERT report of a program: how it answers the Consensus on Exercise Reporting Template.

CERT (Slade SC, Dionne CE, Underwood M, Buchbinder R, et al. Br J Sports
Med 2016;50(23):1428-1437) lists 16 items, three of them in two parts, that
a report of an exercise intervention should cover. :func:`~upperback.cert_report`
answers each one from the program where the data can, and marks the rest
for the clinician to complete. The item texts here are our own short
paraphrases, not CERT's wording.

>>> import upperback
>>> report = upperback.cert_report(upperback.build_program())
>>> [row.number for row in report.rows][:8]
['1', '2', '3', '4', '5', '6', '7a', '7b']
>>> report.rows[1].status.value
'for-clinician'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from ._i18n import N_, NC_, SOURCE_LOCALE, check_locale, translations, week_span
from .catalog import Catalog, load_catalog
from .model import Dosage, Exercise
from .program import HOLD_STEP_SECONDS, Program, explain_omission

__all__ = ["CertReport", "CertRow", "CertSection", "CertStatus", "cert_report"]


class CertSection(str, enum.Enum):
    """The CERT section an item belongs to."""

    WHAT = "WHAT"
    WHO = "WHO"
    HOW = "HOW"
    WHERE = "WHERE"
    WHEN_HOW_MUCH = "WHEN, HOW MUCH"
    TAILORING = "TAILORING"
    HOW_WELL = "HOW WELL"

    def __str__(self) -> str:
        return self.value

    def describe(self, *, locale: str | None = None) -> str:
        """The section's heading in *locale*: CERT's own word in English.

        .. versionadded:: 0.1.0
        """
        return translations(locale).pgettext("CERT section", _SECTION_WORDS[self.value])


#: CERT's section headings, as phrases to translate.
_SECTION_WORDS = {
    "WHAT": NC_("CERT section", "WHAT"),
    "WHO": NC_("CERT section", "WHO"),
    "HOW": NC_("CERT section", "HOW"),
    "WHERE": NC_("CERT section", "WHERE"),
    "WHEN, HOW MUCH": NC_("CERT section", "WHEN, HOW MUCH"),
    "TAILORING": NC_("CERT section", "TAILORING"),
    "HOW WELL": NC_("CERT section", "HOW WELL"),
}


class CertStatus(str, enum.Enum):
    """How far the data answers an item."""

    #: The program's data answers it.
    FILLED = "filled"
    #: The data answers part of it; the clinician adds the rest.
    PARTLY_FILLED = "partly-filled"
    #: Only the clinician can answer it.
    FOR_CLINICIAN = "for-clinician"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The status in words, for a printed checklist."""
        return self.describe()

    def describe(self, *, locale: str | None = None) -> str:
        """The status in words, in *locale*.

        .. versionadded:: 0.1.0
        """
        words = {
            CertStatus.FILLED: N_("Filled from the data"),
            CertStatus.PARTLY_FILLED: N_("Partly filled"),
            CertStatus.FOR_CLINICIAN: N_("For the clinician"),
        }[self]
        return translations(locale).gettext(words)


@attrs.frozen
class CertRow:
    """One CERT item and how this program answers it.

    Args:
        number: ``"1"`` to ``"16b"``.
        section: The CERT section.
        item: What the item asks, in our own words.
        status: How far the data answers it.
        answer: The answer from the data, one line a fact; empty when the
            item is for the clinician.
    """

    number: str
    section: CertSection
    item: str
    status: CertStatus
    answer: tuple[str, ...] = ()


@attrs.frozen
class CertReport:
    """A program's CERT report: 19 rows, in CERT's order.

    Args:
        title: The report's title.
        intro: What the report is, in one or two sentences.
        rows: The items, 1 to 16b.
        clinician_note: What to write where an item is for the clinician.
        data_version: The version of the data the program was built from.
        locale: The language of its words, such as ``"es"``.
    """

    title: str
    intro: str
    rows: tuple[CertRow, ...]
    clinician_note: str
    data_version: str
    locale: str = SOURCE_LOCALE


#: Each item: number, section, our paraphrase of what it asks.
ITEMS: tuple[tuple[str, CertSection, str], ...] = (
    ("1", CertSection.WHAT, N_("What equipment the exercises need.")),
    ("2", CertSection.WHO, N_("Who teaches or supervises, and their training and skills.")),
    ("3", CertSection.HOW, N_("Whether people exercise alone or in a group.")),
    ("4", CertSection.HOW, N_("Whether the exercise is supervised, and how it is delivered.")),
    ("5", CertSection.HOW, N_("How adherence is measured and reported.")),
    ("6", CertSection.HOW, N_("What is done to keep people motivated.")),
    ("7a", CertSection.HOW, N_("The rules for deciding when and how to make exercises harder.")),
    ("7b", CertSection.HOW, N_("How the program actually moved on over time.")),
    ("8", CertSection.HOW, N_("Each exercise, in enough detail for someone else to repeat it.")),
    ("9", CertSection.HOW, N_("What part of the program is done at home.")),
    ("10", CertSection.HOW, N_("Any parts of the program that are not exercise.")),
    ("11", CertSection.HOW, N_("What adverse events happened, and how many.")),
    ("12", CertSection.WHERE, N_("Where the exercise is done.")),
    (
        "13",
        CertSection.WHEN_HOW_MUCH,
        N_("The dose: repetitions, sets, holds, sessions, session length and program length."),
    ),
    ("14a", CertSection.TAILORING, N_("Whether the exercises are the same for all or tailored.")),
    ("14b", CertSection.TAILORING, N_("How the exercises were tailored to the person.")),
    ("15", CertSection.TAILORING, N_("How the starting level was decided.")),
    ("16a", CertSection.HOW_WELL, N_("How adherence or fidelity to the plan is assessed.")),
    ("16b", CertSection.HOW_WELL, N_("How far the program was delivered as planned.")),
)


def cert_report(
    program: Program, *, catalog: Catalog | None = None, locale: str | None = None
) -> CertReport:
    """Return the CERT report of *program*.

    Args:
        program: A program from :func:`upperback.build_program`.
        catalog: Where to look up its exercises. Default: the bundled one.
        locale: The language of the report, such as ``"es"`` (default:
            English). Its exercises come from ``catalog.localized(locale)``.

    Raises:
        UnknownExerciseError: The program names an exercise *catalog* lacks.
        UnknownLocaleError: The package has no such language.
    """
    lang = check_locale(locale)
    t = translations(lang)
    catalog = catalog if catalog is not None else load_catalog()
    source = catalog
    if lang != SOURCE_LOCALE:
        catalog = catalog.localized(lang)
    exercises = tuple(catalog[i] for i in program.exercise_ids)
    answers = _answers(program, exercises, catalog, source, lang)
    rows = []
    for number, section, item in ITEMS:
        status, answer = answers.get(number, (CertStatus.FOR_CLINICIAN, ()))
        rows.append(CertRow(number, section, t.gettext(item), status, answer))
    return CertReport(
        title=t.gettext("CERT report of an upper back exercise program"),
        intro=t.gettext(
            "This checklist follows the Consensus on Exercise Reporting Template (CERT). "
            "Where the program's data answers an item, the answer is below."
        ),
        rows=tuple(rows),
        clinician_note=t.gettext("The clinician completes this item."),
        data_version=program.data_version,
        locale=lang,
    )


def _answers(
    program: Program,
    exercises: tuple[Exercise, ...],
    catalog: Catalog,
    source: Catalog,
    lang: str,
) -> dict[str, tuple[CertStatus, tuple[str, ...]]]:
    t = translations(lang)
    filled, partly = CertStatus.FILLED, CertStatus.PARTLY_FILLED
    names = ", ".join(e.name for e in exercises)
    evidence = catalog._evidence(exercises)  # noqa: SLF001
    return {
        "1": (filled, tuple(_equipment(e, lang) for e in exercises)),
        "3": (filled, (t.gettext("Individual: each person exercises on their own."),)),
        "4": (
            filled,
            (
                t.gettext("Unsupervised."),
                t.gettext(
                    "Delivered as a written handout (text, Markdown, HTML or PDF) "
                    "that the person follows alone."
                ),
            ),
        ),
        "7a": (
            filled,
            (
                t.gettext(
                    "Each exercise moves along a ladder of dosages built from the source alone."
                ),
                t.gettext(
                    "Repetitions go up one at a time, from the low end of the source's range "
                    "to the high end."
                ),
                t.ngettext(
                    "Holds in seconds go up %(seconds)s second at a time; "
                    "a counted hold goes up one count at a time.",
                    "Holds in seconds go up %(seconds)s seconds at a time; "
                    "a counted hold goes up one count at a time.",
                    HOLD_STEP_SECONDS,
                )
                % {"seconds": HOLD_STEP_SECONDS},
                t.gettext("Sets never change, and nothing goes past the source's range."),
                t.gettext(
                    "A step the source gives on a condition, such as a weight once the "
                    "exercise feels easy, is never put on the calendar. The handout shows it "
                    "as that condition, and only to a person who has what it needs."
                ),
                t.ngettext(
                    "Over %(weeks)s week, a range the source gives with no condition moves "
                    "evenly from the easiest step to the top. Where the source makes the climb "
                    "a condition, the dosage stays at the easiest step.",
                    "Over %(weeks)s weeks, a range the source gives with no condition moves "
                    "evenly from the easiest step to the top. Where the source makes the climb "
                    "a condition, the dosage stays at the easiest step.",
                    program.schedule.weeks,
                )
                % {"weeks": program.schedule.weeks},
            ),
        ),
        "7b": (filled, tuple(_progress(program, e, lang) for e in exercises)),
        "8": (
            partly,
            (
                *(_steps(e) for e in exercises),
                t.gettext("Pictures or videos, if used, are for the clinician to describe."),
            ),
        ),
        "9": (
            filled,
            (t.gettext("The whole program is done at home: %(names)s.") % {"names": names},),
        ),
        "10": (
            partly,
            (
                *(
                    t.gettext("Safety advice: %(line)s") % {"line": line}
                    for line in evidence.safety
                ),
                t.gettext("Disclaimer: %(text)s") % {"text": evidence.disclaimer},
                t.gettext("Other parts (such as education) are for the clinician to add."),
            ),
        ),
        "12": (filled, (t.gettext("At home."),)),
        "13": (filled, _dose(program, exercises, lang)),
        "14a": (
            filled,
            (
                t.gettext(
                    "Tailored: the program is built for one person from what they have and can do."
                ),
            ),
        ),
        "14b": (filled, _tailoring(program, source, catalog, lang)),
        "15": (
            filled,
            (
                t.gettext(
                    "Every exercise starts at the easiest step of its ladder, the low end of "
                    "the source's range."
                ),
                *(f"{e.name}: {_first(program, e).describe(locale=lang)}" for e in exercises),
            ),
        ),
    }


def _equipment(exercise: Exercise, lang: str) -> str:
    t = translations(lang)
    if not exercise.equipment:
        return t.gettext("%(name)s: no equipment.") % {"name": exercise.name}
    needs = "; ".join(r.describe(locale=lang) for r in exercise.equipment)
    return f"{exercise.name}: {needs}."


def _steps(exercise: Exercise) -> str:
    steps = " ".join(f"{n}. {s.text}" for n, s in enumerate(exercise.steps, 1))
    return f"{exercise.name}: {steps}"


def _weekly(program: Program, exercise: Exercise) -> list[tuple[int, int, Dosage]]:
    """Runs of weeks with the same dosage: (first week, last week, dosage)."""
    runs: list[tuple[int, int, Dosage]] = []
    for week in program.weeks:
        dosage = next(i.dosage for i in week.items if i.exercise == exercise.id)
        if runs and runs[-1][2] == dosage:
            runs[-1] = (runs[-1][0], week.number, dosage)
        else:
            runs.append((week.number, week.number, dosage))
    return runs


def _weeks(first: int, last: int, lang: str) -> str:
    return week_span(first, last, lang, lower=True)


def _progress(program: Program, exercise: Exercise, lang: str) -> str:
    runs = _weekly(program, exercise)
    steps = "; ".join(
        f"{_weeks(a, b, lang)}: {d.describe(locale=lang).rstrip('.')}" for a, b, d in runs
    )
    return f"{exercise.name}: {steps}."


def _first(program: Program, exercise: Exercise) -> Dosage:
    return _weekly(program, exercise)[0][2]


def _dose(program: Program, exercises: tuple[Exercise, ...], lang: str) -> tuple[str, ...]:
    t = translations(lang)
    lines = [program.schedule.describe(locale=lang)]
    if program.weeks:
        longest = max(w.estimated_session_duration for w in program.weeks)
        minutes = max(1, round(longest.total_seconds() / 60))
        lines.append(
            t.ngettext(
                "One session takes about %(count)s minute at most.",
                "One session takes about %(count)s minutes at most.",
                minutes,
            )
            % {"count": minutes}
        )
    lines.extend(_progress(program, e, lang) for e in exercises)
    return tuple(lines)


def _tailoring(
    program: Program, catalog: Catalog, localized: Catalog, lang: str
) -> tuple[str, ...]:
    """Item 14b; *localized* is *catalog* in *lang*, for the exercises' names."""
    t = translations(lang)
    request = program.request
    none = t.pgettext("nothing listed", "none")
    no_position = t.pgettext("no position listed", "none")
    equipment = ", ".join(
        e.value if lang == SOURCE_LOCALE else e.describe(locale=lang) for e in request.equipment
    )
    avoided = ", ".join(
        p.value if lang == SOURCE_LOCALE else p.describe(locale=lang)
        for p in request.avoid_positions
    )
    lines = [
        t.gettext("Equipment the person has: %(equipment)s.") % {"equipment": equipment or none},
        t.gettext("Positions avoided: %(positions)s.") % {"positions": avoided or no_position},
        t.ngettext(
            "Time for one session: %(count)s minute.",
            "Time for one session: %(count)s minutes.",
            request.minutes_per_session,
        )
        % {"count": request.minutes_per_session},
        t.gettext("Sessions each week: %(sessions)s; weeks: %(weeks)s.")
        % {"sessions": request.sessions_per_week, "weeks": request.weeks},
    ]
    if request.include:
        lines.append(
            t.gettext("Asked for first: %(ids)s.") % {"ids": _names(request.include, localized)}
        )
    if request.exclude:
        lines.append(
            t.gettext("Left out on request: %(ids)s.") % {"ids": _names(request.exclude, localized)}
        )
    lines.extend(
        t.gettext("Not chosen: %(id)s, because %(reason)s.")
        % {
            "id": _names((o.exercise,), localized),
            "reason": explain_omission(o, program, catalog, lang),
        }
        for o in program.omitted
    )
    return tuple(lines)


def _names(ids: tuple[str, ...], catalog: Catalog) -> str:
    """The exercises' names, in the catalog's language; an id the catalog lacks, as it is."""
    return ", ".join(catalog[i].name if i in catalog else i for i in ids)
