"""Type-checked, never run: the public API as users see it.

mypy --strict and pyright check this file in CI (.ci/run), so a change that
breaks users' types fails there. Every name in ``upperback.__all__`` is used
here (tests/test_packaging.py checks that), and ``assert_type`` pins what the
main calls return, exactly.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from typing_extensions import assert_type

import upperback
import upperback.importers
from upperback import (
    DEFAULT_EQUIPMENT,
    DOSE_CEILING,
    FORMATS,
    MAX_PAIN,
    MIN_SECONDS_PER_REP,
    PAIN_RISE,
    PAPER_SIZES,
    REST_BETWEEN_EXERCISES,
    SEVERAL_TIMES,
    Action,
    Adherence,
    Adjustment,
    Arm,
    Arrow,
    Author,
    BodySite,
    Catalog,
    CatalogError,
    Category,
    CertReport,
    CertRow,
    CertSection,
    CertStatus,
    Change,
    Contact,
    DataError,
    Dosage,
    DoseCeiling,
    Equipment,
    ErrorDetails,
    Event,
    EventKind,
    Exercise,
    ExerciseAdherence,
    Extra,
    Feedback,
    Figure,
    Frequency,
    GivenDosage,
    HandoutOptions,
    Hold,
    HoldUnit,
    Identifier,
    IdentifierScheme,
    Illustration,
    IncompleteHandoutError,
    InvalidConstraintError,
    InvalidOptionError,
    Joints,
    Leg,
    Load,
    Log,
    LogEntry,
    MissingExtraError,
    MissingTranslationError,
    NextWeek,
    NoDosageError,
    NoEligibleExercisesError,
    NoFigureError,
    Omission,
    OmissionReason,
    PainPoint,
    PaperSize,
    Period,
    Pose,
    Position,
    Problem,
    Program,
    ProgramItem,
    ProgramRequest,
    Progression,
    ProgressionKind,
    ProgressReport,
    Prop,
    Range,
    Reason,
    Reference,
    ReferenceKind,
    Region,
    Requirement,
    Schedule,
    SearchResult,
    Session,
    SessionDay,
    Source,
    Step,
    TemplateError,
    Timing,
    UnknownExerciseError,
    UnknownFormatError,
    UnknownLocaleError,
    UnknownVocabularyError,
    UpperbackError,
    View,
    Vocabulary,
    Week,
    WeekAdherence,
    adapt,
    adherence,
    available_locales,
    build_program,
    cert_report,
    check_log,
    climbs_on_condition,
    dumps,
    free_exercise_db,
    free_exercise_db_document,
    illustrate,
    illustrations,
    json_schema,
    ladder,
    load_catalog,
    load_log,
    loads,
    log_to_fhir,
    next_week,
    progress_report,
    render,
    rounds_a_day,
    session,
    session_days,
    structure,
    to_fhir,
    unstructure,
)

# -- the catalog ------------------------------------------------------------

catalog = load_catalog()
assert_type(catalog, Catalog)
assert_type(load_catalog("my-catalog.json"), Catalog)
assert_type(catalog.merge(load_catalog("my-catalog.json")), Catalog)
assert_type(free_exercise_db("exercises.json"), Catalog)
assert_type(free_exercise_db([{"id": "Sit_Up"}], max_bytes=1024), Catalog)
assert_type(free_exercise_db_document("exercises.json"), dict[str, Any])
assert_type(upperback.importers.free_exercise_db("exercises.json"), Catalog)
assert_type(catalog.data_version, str)

exercise = catalog["band-row"]
assert_type(exercise, Exercise)
assert_type(catalog.get("band-row"), Exercise | None)
assert_type(catalog.get("band-row", exercise), Exercise)
assert_type("band-row" in catalog, bool)
assert_type(len(catalog), int)
assert_type(list(catalog), list[Exercise])
assert_type(catalog.ids, tuple[str, ...])
assert_type(catalog.reference("pesco-2006"), Reference)
assert_type(catalog.references_for(exercise), tuple[Reference, ...])
assert_type(catalog.filter(category="stretch", equipment=["wall"]), tuple[Exercise, ...])
assert_type(
    catalog.filter(category=Category.STRETCH, region=Region.SHOULDERS), tuple[Exercise, ...]
)
# A catalog's own terms: values of the built-in types.
barbell = Equipment.custom("barbell", "a barbell", labels={"es": "una barra"})
assert_type(barbell, Equipment)
assert_type(barbell.label, str)
assert_type(barbell.is_custom, bool)
assert_type(Category.custom("plyometrics", warm_up=False).warm_up, bool)
vocabulary = Vocabulary(equipment=(barbell,))
assert_type(vocabulary.terms(Equipment), tuple[Equipment, ...])
assert_type(catalog.vocabulary, Vocabulary)
assert_type(catalog.term(Equipment, "wall"), Equipment)
assert_type(catalog.title, str | None)
assert_type(catalog.extra, Extra)
assert_type(exercise.extra, Extra)
assert_type(exercise.dosage, Dosage | None)
assert_type(exercise.require_dosage(), Dosage)
assert_type(Extra.of({"level": "beginner"}).to_json(), dict[str, Any])
assert_type(upperback.loads("{}", Exercise, catalog=catalog), Exercise)
hits = catalog.search("wall angels")
assert_type(hits, tuple[SearchResult, ...])
assert_type(hits[0].score, float)

# -- languages --------------------------------------------------------------

assert_type(available_locales(), tuple[str, ...])
spanish = load_catalog(locale="es")
assert_type(spanish, Catalog)
assert_type(spanish.locale, str)
assert_type(catalog.localized("es"), Catalog)
assert_type(load_catalog("my-catalog.json").localized("es", content="my.es.json"), Catalog)

# -- the model --------------------------------------------------------------

assert_type(exercise.id, str)
assert_type(exercise.category, Category)
assert_type(exercise.positions, tuple[Position, ...])
assert_type(exercise.steps, tuple[Step, ...])
assert_type(exercise.steps[0].text, str)
assert_type(exercise.equipment, tuple[Requirement, ...])
assert_type(exercise.equipment[0].is_met_by([Equipment.WALL]), bool)
assert_type(exercise.regions, tuple[Region, ...])
assert_type(exercise.progressions, tuple[Progression, ...])
assert_type(exercise.progressions[0].kind, ProgressionKind)
assert_type(exercise.needs, frozenset[Equipment])
assert_type(exercise.fits({Equipment.WALL}, avoid_positions={Position.SITTING}), bool)

# A user catalog may give no dosage (None): check before using it.
assert exercise.dosage is not None
dosage = exercise.dosage
assert_type(dosage, Dosage)
assert_type(dosage.describe(), str)
assert_type(dosage.describe(locale="es"), str)
assert_type(dosage.reps, Range)
assert_type(dosage.sets, int)
assert_type(dosage.hold, Hold | None)
assert_type(dosage.frequency, Frequency | None)
assert_type(dosage.load, Load | None)
assert_type(Range.exact(10), Range)
assert_type(Range(8, 12).describe(), str)
assert_type(Hold(Range.exact(5), HoldUnit.SECONDS).describe(), str)
assert_type(Frequency(Period.DAY, Range(2, 3)).describe(), str)
assert_type(Load((Equipment.SOUP_CANS,)).describe(), str)
assert_type(Equipment.SOUP_CANS.describe(locale="es"), str)
assert_type(Requirement((Equipment.WALL,)).describe(locale=None), str)

assert_type(Position.parse("standing"), Position)
assert_type(Equipment.parse(Equipment.WALL), Equipment)
assert_type(ReferenceKind.parse("book"), ReferenceKind)

reference = catalog.reference("pesco-2006")
assert_type(reference.cite(), str)
assert_type(reference.cite(locale="es"), str)
assert_type(reference.kind, ReferenceKind)
assert_type(reference.authors, tuple[Author, ...])
assert_type(reference.identifiers, tuple[Identifier, ...])
assert_type(reference.identifier(IdentifierScheme.PMID), str | None)
assert_type(catalog.sources, tuple[Source, ...])
assert_type(catalog.sources[0].credit(), str)

# -- figures ----------------------------------------------------------------

figure = exercise.figure
assert_type(figure, Figure | None)
if figure is not None:
    assert_type(figure.view, View)
    assert_type(figure.props, tuple[Prop, ...])
    assert_type(figure.arrows, tuple[Arrow, ...])
    assert_type(figure.arrows[0].part, BodySite)
    pose = figure.pose("start")
    assert_type(pose, Pose)
    assert_type(pose.joints, Joints)
    assert_type(pose.joints.arms, tuple[Arm, Arm])
    assert_type(pose.joints.legs, tuple[Leg, Leg])
    assert_type(pose.contacts, tuple[Contact, ...])
picture = illustrate(exercise, "start")
assert_type(illustrate(exercise, locale="es").alt, str)
assert_type(illustrations(exercise, locale="es"), tuple[Illustration, ...])
assert_type(picture, Illustration)
assert_type(picture.svg, str)
assert_type(picture.alt, str)
assert_type(picture.filename, str)
assert_type(illustrations(exercise), tuple[Illustration, ...])

# -- programs ---------------------------------------------------------------

assert_type(DEFAULT_EQUIPMENT, tuple[Equipment, ...])
program = build_program(
    equipment=[Equipment.WALL, "chair"],
    avoid_positions=["lying-on-stomach"],
    minutes_per_session=10,
    weeks=2,
    start=dt.date(2026, 1, 5),
    timing=Timing(seconds_per_rep=4),
    catalog=catalog,
)
assert_type(program, Program)
assert_type(program.request, ProgramRequest)
assert_type(program.schedule, Schedule)
assert_type(program.schedule.describe(), str)
assert_type(program.schedule.describe(locale="es"), str)
assert_type(program.weeks, tuple[Week, ...])
assert_type(program.weeks[0].items, tuple[ProgramItem, ...])
assert_type(program.weeks[0].items[0].dosage, Dosage)
assert_type(program.weeks[0].estimated_session_duration, dt.timedelta)
assert_type(program.omitted, tuple[Omission, ...])
assert_type(program.omitted[0].reason, OmissionReason)
assert_type(program.request.dosages, tuple[GivenDosage, ...])
assert_type(
    build_program(regions=["neck"], categories=[Category.STRETCH], dosages={"x": dosage}),
    Program,
)
assert_type(program.exercise_ids, tuple[str, ...])
assert_type(Timing().estimate(dosage), dt.timedelta)
assert_type(DOSE_CEILING, DoseCeiling)
assert_type(DOSE_CEILING.allows(dosage), bool)
assert_type(DOSE_CEILING.describe(), str)
min_seconds_per_rep: int = MIN_SECONDS_PER_REP
several_times: int = SEVERAL_TIMES
assert_type(rounds_a_day(dosage), int)
assert_type(climbs_on_condition(exercise), bool)
assert_type(Timing().estimate_daily(dosage), dt.timedelta)
assert_type(program.weeks[0].estimated_daily_duration, dt.timedelta)
assert_type(ladder(exercise, equipment=[Equipment.SOUP_CANS]), tuple[Dosage, ...])
assert_type(adapt(exercise, dosage, "too-easy", equipment=["soup-cans"]), Adjustment)

assert_type(ladder(exercise), tuple[Dosage, ...])
adjustment = adapt(exercise, dosage, "too-easy")
assert_type(adjustment, Adjustment)
assert_type(adapt(exercise, dosage, Feedback.PAINFUL), Adjustment)
assert_type(adapt(exercise, dosage, "too-hard", locale="es"), Adjustment)
assert_type(adjustment.action, Action)
assert_type(adjustment.dosage, Dosage | None)

# -- outputs ----------------------------------------------------------------

assert_type(render(program, "html", catalog=catalog, template_dir="brand/"), str)
assert_type(render(exercise), str)
assert_type(render(exercise, "html", locale="es"), str)
assert_type(render(program, "pdf", locale="es"), bytes)
assert_type(render(catalog, "markdown"), str)
options = HandoutOptions(
    patient="Sam Lee", next_visit=dt.date(2026, 2, 2), paper="a4", large_print=True
)
assert_type(render(program, "pdf", options=options), bytes)
assert_type(render(program, "markdown", options=options), str)
assert_type(options.paper, PaperSize)
assert_type(PAPER_SIZES, tuple[PaperSize, ...])
formats: tuple[str, ...] = FORMATS
assert_type(json_schema("catalog"), dict[str, Any])
assert_type(dumps(exercise.dosage), str)
assert_type(loads(dumps(exercise.dosage), Dosage), Dosage)
assert_type(loads("{}", Program), Program)
assert_type(loads(b"{}", Catalog, name="clinic.json"), Catalog)
assert_type(dumps(program, compact=True), str)
assert_type(dumps([exercise, exercise]), str)
plain: Any = unstructure(program)
assert_type(structure(plain, Program), Program)
assert_type(structure({"reps": 8}, Dosage, catalog=catalog), Dosage)
assert_type(load_catalog(b"{}", name="clinic.json", max_bytes=1024), Catalog)
assert_type(load_catalog(io.BytesIO(b"{}")), Catalog)
assert_type(load_catalog(io.StringIO("{}")), Catalog)
assert_type(catalog.localized("es", content=b"{}", name="es.json"), Catalog)
assert_type(upperback.__version__, str)

# -- FHIR and CERT -----------------------------------------------------------

assert_type(
    to_fhir(program, patient_reference="Patient/1", bundle_type="transaction"), dict[str, Any]
)
assert_type(to_fhir(exercise), dict[str, Any])
assert_type(to_fhir(program, locale="es"), dict[str, Any])
assert_type(to_fhir(catalog, date=dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)), dict[str, Any])
cert = cert_report(program, catalog=catalog)
assert_type(cert_report(program, locale="es").locale, str)
assert_type(cert, CertReport)
assert_type(cert.rows, tuple[CertRow, ...])
assert_type(cert.rows[0].status, CertStatus)
assert_type(cert.rows[0].section, CertSection)
assert_type(render(cert, "markdown"), str)

# -- errors: one base class, each also the matching builtin ----------------

try:
    catalog["nope"]
except UnknownExerciseError as err:
    assert_type(err.suggestions, tuple[str, ...])
    key_error: KeyError = err
except CatalogError as err:
    assert_type(err.problems, tuple[Problem, ...])
    assert_type(err.problems[0].path, str)
    assert_type(err.problems[0].code, str)
    assert_type(err.problems[0].loc, tuple[str | int, ...])
    details: list[ErrorDetails] = err.errors()
    assert_type(details[0]["loc"], tuple[str | int, ...])
    assert_type(details[0]["type"], str)
    assert_type(details[0]["msg"], str)
    assert_type(details[0]["input"], object)
except DataError as err:
    value_error: ValueError = err
except UnknownVocabularyError as err:
    assert_type(err.valid, tuple[str, ...])
except InvalidConstraintError as err:
    value_error = err
    assert_type(err.field, str | None)
    assert_type(err.reason, str)
    assert_type(err.errors(locale="es"), list[ErrorDetails])
except NoEligibleExercisesError as err:
    assert_type(err.omitted, tuple[Omission, ...])
except InvalidOptionError as err:
    value_error = err
    assert_type(err.field, str)
except UnknownFormatError as err:
    assert_type(err.valid, tuple[str, ...])
except MissingExtraError as err:
    assert_type(err.extra, str)
    import_error: ImportError = err
except IncompleteHandoutError as err:
    assert_type(err.missing, tuple[str, ...])
except NoFigureError as err:
    assert_type(err.exercise_id, str)
    lookup_error: LookupError = err
except NoDosageError as err:
    assert_type(err.exercise_id, str)
    lookup_error = err
except UnknownLocaleError as err:
    assert_type(err.available, tuple[str, ...])
    value_error = err
except MissingTranslationError as err:
    assert_type(err.exercise_ids, tuple[str, ...])
    assert_type(err.texts, tuple[str, ...])
    lookup_error = err
except TemplateError as err:
    value_error = err
except UpperbackError as err:
    base: Exception = err


# -- guided sessions ----------------------------------------------------------

timeline = session(
    program, week=1, day=1, locale="es", rest_between_exercises=REST_BETWEEN_EXERCISES
)
assert_type(timeline, Session)
assert_type(timeline.events, tuple[Event, ...])
assert_type(timeline.events[0].kind, EventKind)
assert_type(timeline.events[0].exercise, str | None)
assert_type(timeline.duration, dt.timedelta)
assert_type(session_days(program), tuple[SessionDay, ...])
assert_type(session_days(program)[0].date, dt.date | None)


# -- the log and adherence ----------------------------------------------------

entry = LogEntry(dt.date(2026, 1, 5), "band-row", 2, 15, pain_before=3, pain_after=MAX_PAIN)
log = Log((entry,), start=dt.date(2026, 1, 5))
assert_type(load_log(upperback.dumps(log), program), Log)
assert_type(check_log(log, program, catalog), Log)
measured = adherence(program, log)
assert_type(measured, Adherence)
assert_type(measured.exercises, tuple[ExerciseAdherence, ...])
assert_type(measured.weeks, tuple[WeekAdherence, ...])
assert_type(measured.pain, tuple[PainPoint, ...])
assert_type(measured.completion, float | None)
planned = next_week(program, log, locale="es")
assert_type(planned, NextWeek)
assert_type(planned.changes, tuple[Change, ...])
assert_type(planned.changes[0].reason, Reason)
assert_type(planned.changes[0].previous, Dosage | None)  # None: stopped in an earlier week
assert_type(PAIN_RISE, int)
report = progress_report(program, log, locale="es")
assert_type(report, ProgressReport)
assert_type(render(report, "html"), str)
assert_type(render(report, "pdf"), bytes)
assert_type(log_to_fhir(program, log, patient="Patient/1"), dict[str, Any])
