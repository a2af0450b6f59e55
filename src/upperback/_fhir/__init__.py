"""HL7 FHIR R4 (4.0.1) export: exercises, catalogs and programs as plain JSON dicts.

>>> import upperback
>>> definition = upperback.to_fhir(upperback.load_catalog()["band-row"])
>>> definition["resourceType"], definition["code"]["coding"][0]["code"]
('ActivityDefinition', '229065009')

No FHIR library is needed at run time: the output is ``dict``/``list``/
``str``/``int``/``bool``, ready for :func:`json.dumps`. The tests validate
every resource against the R4B models of ``fhir.resources``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

import attrs

from upperback._i18n import SOURCE_LOCALE, check_locale, localized_exercise, translations
from upperback._log import Log
from upperback.catalog import Catalog, load_catalog
from upperback.exceptions import InvalidConstraintError, UpperbackError, short_repr
from upperback.model import Exercise, FieldError, canonical_base
from upperback.program import Program

from ._activity import activity_definition
from ._base import (
    BASE,
    VERIFIED_CODES,
    Bases,
    VerifiedCode,
    bases,
    prune,
    resource_id,
    with_language,
)
from ._bundle import BundleType, bundle
from ._plan import plan_definition

__all__ = ["BASE", "VERIFIED_CODES", "BundleType", "VerifiedCode", "log_to_fhir", "to_fhir"]

_PATIENT = re.compile(r"^(?:https?://\S+/)?Patient/[A-Za-z0-9\-.]{1,64}$")


def to_fhir(  # noqa: PLR0913 - the options of an export
    obj: Exercise | Catalog | Program,
    *,
    patient_reference: str | None = None,
    catalog: Catalog | None = None,
    bundle_type: BundleType = "collection",
    include_handout: bool = False,
    date: dt.datetime | None = None,
    locale: str | None = None,
    canonical_base: str | None = None,
    patient: str | None = None,
) -> dict[str, Any]:
    """Return *obj* as a FHIR R4 resource, as plain JSON-ready dicts.

    - An exercise becomes an ``ActivityDefinition``.
    - A catalog becomes a ``PlanDefinition`` (a clinical protocol) whose
      actions point at each exercise's ``ActivityDefinition``.
    - A program becomes a ``Bundle``: our dosage ``CodeSystem``, a
      ``PlanDefinition`` of the chosen exercises and their
      ``ActivityDefinition`` s; with *patient_reference*, a ``CarePlan`` and one
      ``ServiceRequest`` per exercise per dosage block; with
      *include_handout*, a ``DocumentReference`` holding the HTML handout.

    The same arguments give the same JSON, ids and ``fullUrl`` s included.

    Canonical URLs: upperback's own exercises (those of the bundled
    catalog, in any language) are named under upperback's address,
    ``https://github.com/upperback/upperback/fhir``. Every other exercise
    is named under the ``fhir_base`` its catalog file declares, else under
    *canonical_base*, else by a stable ``urn:uuid:``: never under
    upperback's address. A PlanDefinition made for a program or a catalog
    is named under upperback's address only when all its exercises are
    upperback's; otherwise under the catalog's base,
    *canonical_base* or a ``urn:uuid:``, in that order.

    Args:
        obj: An exercise, a catalog or a program.
        patient_reference: A reference to the patient, such as
            ``"Patient/123"`` (only for a program). It is a reference, not
            a name: :class:`HandoutOptions` takes the name.
        catalog: Where to look up exercises, references and safety text.
            Default: the bundled catalog; a catalog passed as *obj* is its
            own.
        bundle_type: ``"collection"``, or ``"transaction"`` to POST it.
        include_handout: Add the HTML handout (needs ``upperback[html]``).
        date: The handout's date; default: the program's first day, if any.
        locale: The language of the text, such as ``"es"``. Every resource
            then says it in ``language``, and its narrative, titles, dosage
            and instructions are in that language; the exercises come from
            ``catalog.localized(locale)``. Our ``CodeSystem`` of dosage
            parameters stays in English: it defines codes, for software.
            Default: English, with no ``language`` element.
        canonical_base: The address for exercises whose catalog declares
            no ``fhir_base``, such as ``"https://clinic.example/fhir"``.
        patient: The old name of *patient_reference*: it still works, with
            a :class:`DeprecationWarning`.

    Raises:
        InvalidConstraintError: *patient_reference* is not a Patient
            reference (code ``invalid_patient_reference``), or is given for
            something other than a program; *bundle_type* is unknown; both
            *patient_reference* and *patient* are given.
        MissingExtraError: *include_handout* without Jinja2.
        TypeError: *obj* is not an exercise, a catalog or a program.
        UnknownLocaleError: The package has no such language.
        MissingTranslationError: *obj* is an exercise that is not in
            *catalog*, so it has no text in *locale*.

    .. versionchanged:: 0.1.0
       *patient* is renamed *patient_reference*.
    """
    if patient is not None:
        warnings.warn(
            "to_fhir(patient=...) is deprecated: use patient_reference=..., "
            "a reference such as 'Patient/123'",
            DeprecationWarning,
            stacklevel=2,
        )
        if patient_reference is not None:
            raise InvalidConstraintError(
                "patient", "give patient_reference only; patient is its old name"
            )
        patient_reference = patient
    patient = patient_reference
    lang = check_locale(locale)
    _check(obj, patient=patient, bundle_type=bundle_type, include_handout=include_handout)
    if isinstance(obj, Catalog):
        catalog = obj
    elif catalog is None:
        catalog = load_catalog()
    with bases(_bases(obj, catalog, _checked_base(canonical_base))):
        resource = _resource(obj, catalog, lang, patient, bundle_type, include_handout, date)
    if locale is not None:
        _say_language(resource, lang)
    return prune(resource)  # type: ignore[no-any-return]


def _checked_base(base: object) -> str | None:
    try:
        canonical_base(None, _CANONICAL_BASE_FIELD, base)  # type: ignore[arg-type]
    except FieldError as err:
        raise InvalidConstraintError(
            "canonical_base", str(err), code="invalid_canonical_base", input=base
        ) from None
    return base  # type: ignore[return-value]


@attrs.frozen
class _Named:
    """Stands in for an attrs field: the name a validator's error gives."""

    name: str


_CANONICAL_BASE_FIELD = _Named("canonical_base")


def _bases(obj: Exercise | Catalog | Program, catalog: Catalog, given: str | None) -> Bases:
    """Whose address names each exercise of *obj* (see :func:`to_fhir`)."""
    if isinstance(obj, Exercise):
        exercises: list[Exercise] = [obj]
    elif isinstance(obj, Program):
        exercises = [catalog[i] for i in obj.exercise_ids if i in catalog]
    elif isinstance(obj, Catalog):
        exercises = list(obj)
    else:  # not ours to name: _resource raises the TypeError
        return Bases()
    ours = _ours(catalog)
    named = {
        e.id: BASE if ours.get(e.id) == e else (catalog._origin(e.id).fhir_base or given)  # noqa: SLF001
        for e in exercises
    }
    if all(base == BASE for base in named.values()):
        return Bases(named, BASE)
    return Bases(named, catalog.fhir_base or given)


def _ours(catalog: Catalog) -> Catalog:
    """The bundled catalog in *catalog*'s language: what upperback's address names."""
    bundled = load_catalog()
    try:
        return bundled.localized(catalog.locale)
    except UpperbackError:  # a language the bundled catalog is not in: nothing is ours
        return bundled


def _resource(  # noqa: PLR0913, PLR0917 - the options of an export
    obj: Exercise | Catalog | Program,
    catalog: Catalog,
    lang: str,
    patient: str | None,
    bundle_type: BundleType,
    include_handout: bool,  # noqa: FBT001 - passed on as given
    date: dt.datetime | None,
) -> dict[str, Any]:
    localized = catalog.localized(lang)
    if isinstance(obj, Exercise):
        obj = localized_exercise(obj, catalog, localized)
    elif isinstance(obj, Catalog):
        obj = localized
    catalog = localized
    if isinstance(obj, Exercise):
        return activity_definition(obj, catalog, lang)
    if isinstance(obj, Catalog):
        title = translations(lang).gettext("Exercises for the upper back")
        return plan_definition(resource_id("catalog"), title, tuple(obj), obj, lang)
    if isinstance(obj, Program):
        handout = None
        if include_handout:
            from upperback._render import render  # noqa: PLC0415 - Jinja2 only when asked

            handout = render(obj, "html", catalog=catalog, locale=lang)
        if date is None and obj.weeks and obj.weeks[0].start is not None:
            date = dt.datetime.combine(obj.weeks[0].start, dt.time(), tzinfo=dt.timezone.utc)
        return bundle(
            obj,
            catalog,
            patient=patient,
            bundle_type=bundle_type,
            handout_html=handout,
            date=date,
            locale=lang,
        )
    msg = f"expected an Exercise, a Catalog or a Program, got {type(obj).__name__}"
    raise TypeError(msg)


def log_to_fhir(
    program: Program,
    log: Log,
    *,
    patient: str,
    catalog: Catalog | None = None,
    locale: str | None = None,
) -> dict[str, Any]:
    """Return *log* as a FHIR R4 collection ``Bundle`` of ``Observation`` s.

    - Each pain score (before, after) is an Observation coded LOINC
      72514-3, the 0 to 10 numeric rating a person reports, with
      ``valueInteger``.
    - Each logged day is a done session, as the HL7 Physical Activity IG
      records performed exercise: an activity group Observation (its
      ``PAPanel`` code) with one member, the exercise duration (LOINC
      55411-3, in minutes), estimated from the logged work with the
      program's timing; its note lists what was done.

    The same arguments give the same JSON, ids included.

    Args:
        program: The program the log records.
        log: What was done; checked against the program first.
        patient: The patient, such as ``"Patient/123"``.
        catalog: Where the exercises are. Default: the bundled catalog.
        locale: The language of the text (default: English, with no
            ``language`` element).

    Raises:
        InvalidConstraintError: *patient* is not a Patient reference.
        DataError: The log does not fit the program.
        UnknownLocaleError: The package has no such language.

    .. versionadded:: 0.1.0
    """
    from upperback._log import check_log, log_start  # noqa: PLC0415 - only for logs

    from ._observation import log_bundle  # noqa: PLC0415

    lang = check_locale(locale)
    if not isinstance(patient, str) or not _PATIENT.fullmatch(patient):
        raise InvalidConstraintError(
            f"patient: expected a reference such as 'Patient/123', got {patient!r}"
        )
    catalog = catalog if catalog is not None else load_catalog()
    check_log(log, program, catalog)
    resource = log_bundle(
        program, log, catalog, log_start(program, log), patient=patient, locale=lang
    )
    return prune(resource)  # type: ignore[no-any-return]


def _say_language(resource: dict[str, Any], lang: str) -> None:
    """Set ``language`` on *resource*, or on each resource of a Bundle.

    Our CodeSystem defines codes for software, in English, and says so.
    """
    if resource["resourceType"] == "Bundle":
        for entry in resource["entry"]:
            _say_language(entry["resource"], lang)
    resource["language"] = SOURCE_LOCALE if resource["resourceType"] == "CodeSystem" else lang
    if "text" in resource:
        resource["text"] = with_language(resource["text"], resource["language"])


def _check(obj: object, *, patient: str | None, bundle_type: str, include_handout: bool) -> None:
    if patient is not None and not _PATIENT.fullmatch(patient):
        raise InvalidConstraintError(
            "patient_reference",
            f"expected a reference such as 'Patient/123', got {short_repr(patient)}",
            code="invalid_patient_reference",
            input=patient,
        )
    if bundle_type not in ("collection", "transaction"):
        raise InvalidConstraintError(
            "bundle_type",
            f"expected 'collection' or 'transaction', got {short_repr(bundle_type)}",
            input=bundle_type,
        )
    if not isinstance(obj, Program) and (patient is not None or include_handout):
        raise InvalidConstraintError(
            "patient_reference" if patient is not None else "include_handout",
            "only a program is exported for a patient",
            code="not_a_program",
        )
