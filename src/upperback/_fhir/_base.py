"""What every FHIR resource we write shares: the canonical base, codes, ids, narrative.

Every code we write is in :data:`VERIFIED_CODES`, with where it was
checked. Nothing else may appear in an export: the tests look.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any

import attrs

__all__ = [
    "BASE",
    "CATEGORY_ACTIVITY",
    "CATEGORY_PHYSICAL_ACTIVITY",
    "CODE_SYSTEM_URL",
    "EXERCISE_DURATION",
    "EXERCISE_THERAPY",
    "EXT_EQUIPMENT",
    "EXT_POSITION",
    "JSON",
    "MINUTE",
    "PAIN_SEVERITY",
    "PHYSICAL_ACTIVITY_PANEL",
    "VERIFIED_CODES",
    "XVER_PARAMETER",
    "Bases",
    "VerifiedCode",
    "base_of",
    "bases",
    "canonical",
    "full_url",
    "narrative",
    "prune",
    "resource_id",
    "with_language",
]

#: A FHIR resource or element as plain JSON.
JSON = dict[str, Any]

#: The one canonical base of everything we define: resources, extensions and
#: our CodeSystem. It names the project; nothing needs to be served there.
BASE = "https://github.com/upperback/upperback/fhir"

#: Our extension for the positions an exercise can be done in.
EXT_POSITION = f"{BASE}/StructureDefinition/position"
#: Our extension for one equipment requirement (any one of its options).
EXT_EQUIPMENT = f"{BASE}/StructureDefinition/equipment"
#: Our CodeSystem of dosage parameters (exported with every program Bundle).
CODE_SYSTEM_URL = f"{BASE}/CodeSystem/dosage-parameter"

#: The official R5 cross-version extension for ServiceRequest.orderDetail.parameter.
#: Verified: hl7.org/fhir/uv/xver-r5.r4/0.1.0/
#: StructureDefinition-ext-R5-ServiceRequest.ord.parameter.html
#: ("Official URL", context of use ServiceRequest.orderDetail). Its two parts
#: follow the R5 element ServiceRequest.orderDetail.parameter: ``code``
#: (CodeableConcept) and ``value[x]`` (Quantity, Ratio, Range, boolean,
#: CodeableConcept, string or Period).
XVER_PARAMETER = (
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-ServiceRequest.orderDetail.parameter"
)

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PA_TEMPORARY_CODES = "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes"
PLAN_DEFINITION_TYPE = "http://terminology.hl7.org/CodeSystem/plan-definition-type"
UCUM = "http://unitsofmeasure.org"


class VerifiedCode:
    """A code from someone else's code system, and where we checked it."""

    __slots__ = ("code", "display", "system", "verified_at")

    def __init__(self, system: str, code: str, display: str, verified_at: str) -> None:
        self.system = system
        self.code = code
        self.display = display
        self.verified_at = verified_at

    def coding(self) -> JSON:
        """The code as a FHIR ``Coding``."""
        return {"system": self.system, "code": self.code, "display": self.display}


#: SNOMED CT 229065009 |Exercise therapy (regime/therapy)|.
EXERCISE_THERAPY = VerifiedCode(
    SNOMED,
    "229065009",
    "Exercise therapy",
    "HL7 Physical Activity IG (github.com/HL7/physical-activity, input/fsh/Vocabulary.fsh, "
    "ValueSet PAInterventions, published as ValueSet pa-servicerequest-code): "
    '$sct#229065009 "Exercise therapy (regime/therapy)"',
)

#: The Physical Activity IG's category for every PA resource.
CATEGORY_PHYSICAL_ACTIVITY = VerifiedCode(
    PA_TEMPORARY_CODES,
    "PhysicalActivity",
    "Physical Activity",
    "HL7 Physical Activity IG 1.0.0, CodeSystem pa-temporary-codes "
    "(hl7.org/fhir/us/physical-activity/CodeSystem-pa-temporary-codes.json.html; "
    "input/fsh/Vocabulary.fsh), used as category[PA] by PACarePlan and PAServiceRequest "
    "(input/fsh/Planning.fsh)",
)

#: PlanDefinition.type: the code system has no bare "protocol"; its protocol
#: code is "clinical-protocol".
PROTOCOL = VerifiedCode(
    PLAN_DEFINITION_TYPE,
    "clinical-protocol",
    "Clinical Protocol",
    "CodeSystem plan-definition-type (hl7.org/fhir/2018Dec/codesystem-plan-definition-type.html, "
    "R4 ballot; build.fhir.org/ig/HL7/UTG CodeSystem-plan-definition-type): codes order-set, "
    "clinical-protocol, eca-rule, workflow-definition",
)

_UNITS_OF_TIME = (
    "ValueSet http://hl7.org/fhir/ValueSet/units-of-time (normative since R4; "
    "build.fhir.org valueset-units-of-time.html): UCUM s, min, h, d, wk, mo, a"
)

#: UCUM units of time used in Timing and Duration.
WEEK = VerifiedCode(UCUM, "wk", "week", _UNITS_OF_TIME)
DAY = VerifiedCode(UCUM, "d", "day", _UNITS_OF_TIME)
SECOND = VerifiedCode(UCUM, "s", "second", _UNITS_OF_TIME)

MINUTE = VerifiedCode(UCUM, "min", "minute", _UNITS_OF_TIME)

#: LOINC 72514-3, the 0 to 10 numeric pain rating a person reports.
PAIN_SEVERITY = VerifiedCode(
    LOINC,
    "72514-3",
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    "HL7 Europe EPS examples (github.com/hl7-eu/eps, _attic/examples-new/"
    '1cdebaff-a26d-404e-9cc1-51246e489456.fsh): $loinc#72514-3 "Pain severity - 0-10 verbal '
    'numeric rating [Score] - Reported"; HL7 Belgium patient-monitoring (github.com/hl7-be/'
    "patient-monitoring, input/fsh/valuesets/ScalePain.fsh): ValueSet pain-scale, 0 no pain to "
    "10 worst, 'See https://loinc.org/72514-3'; eCQM value set Standardized Pain Assessment Tool "
    "lists 72514-3 with the same name",
)

#: The Physical Activity IG's panel grouping the measures of one performed exercise.
PHYSICAL_ACTIVITY_PANEL = VerifiedCode(
    PA_TEMPORARY_CODES,
    "PAPanel",
    "Physical Activity Panel",
    "HL7 Physical Activity IG 1.0.0, example Observation - Activity Group "
    "(hl7.org/fhir/us/physical-activity/Observation-ExampleActivityGroup.html): code "
    "'Physical Activity Panel (Temporary Codes#PAPanel)', with hasMember activity measures "
    "(profile pa-activity-group, input/fsh/ObservationExerciseSupport.fsh)",
)

#: LOINC 55411-3, an activity measure of the Physical Activity IG.
EXERCISE_DURATION = VerifiedCode(
    LOINC,
    "55411-3",
    "Exercise duration",
    "HL7 Physical Activity IG 1.0.0, example Observation - Activity Measure - Duration "
    "(hl7.org/fhir/us/physical-activity/Observation-ExampleActivityDuration.html): "
    "'Exercise duration (LOINC#55411-3)', value in UCUM min; ValueSet PAActivityMeasures "
    "(input/fsh/Vocabulary.fsh)",
)

#: The observation category every Physical Activity IG observation carries.
CATEGORY_ACTIVITY = VerifiedCode(
    OBSERVATION_CATEGORY,
    "activity",
    "Activity",
    "HL7 Physical Activity IG 1.0.0 example observations (Observation-ExampleActivityGroup, "
    "Observation-ExampleActivityDuration): 'Activity (Observation Category Codes#activity)', "
    "linking terminology.hl7.org CodeSystem-observation-category",
)

#: Every code of someone else's system that an export may carry.
VERIFIED_CODES: tuple[VerifiedCode, ...] = (
    EXERCISE_THERAPY,
    CATEGORY_PHYSICAL_ACTIVITY,
    PROTOCOL,
    WEEK,
    DAY,
    SECOND,
    MINUTE,
    PAIN_SEVERITY,
    PHYSICAL_ACTIVITY_PANEL,
    EXERCISE_DURATION,
    CATEGORY_ACTIVITY,
)

_ID_CHARS = re.compile(r"[^A-Za-z0-9\-.]")


def resource_id(*parts: str) -> str:
    """A FHIR id (``[A-Za-z0-9-.]{1,64}``) made from *parts*, stable across runs."""
    text = _ID_CHARS.sub("-", "-".join(parts))
    if len(text) <= 64:
        return text
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{text[:51]}-{digest}"


@attrs.frozen
class Bases:
    """Whose address names what, in one export.

    Args:
        exercises: The canonical base of each exercise, by id: ours
            (:data:`BASE`) for upperback's own exercises, the catalog's or
            the caller's for others, ``None`` for an exercise with none.
        default: The base of the resources an export makes (a program's
            or a catalog's PlanDefinition): ours only when every exercise
            in it is ours.
    """

    exercises: Mapping[str, str | None] = attrs.field(factory=dict)
    default: str | None = BASE


_BASES: ContextVar[Bases] = ContextVar("upperback_fhir_bases", default=Bases())  # noqa: B039 - frozen

#: The namespace of the ``urn:uuid:`` canonical of a resource with no base.
_NO_BASE = uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/no-canonical-base")


@contextlib.contextmanager
def bases(given: Bases) -> Iterator[None]:
    """Name the resources made inside the block with *given*'s bases."""
    token = _BASES.set(given)
    try:
        yield
    finally:
        _BASES.reset(token)


def base_of(exercise_id: str | None = None) -> str | None:
    """The base for *exercise_id*, or for the export's own resources."""
    current = _BASES.get()
    if exercise_id is None:
        return current.default
    return current.exercises.get(exercise_id, current.default)


def canonical(resource_type: str, rid: str, exercise_id: str | None = None) -> str:
    """The canonical URL of a definitional resource: under its base, or a ``urn:uuid:``.

    A resource with no base (a catalog of your own that declares none) gets
    a stable ``urn:uuid:``, never upperback's address.
    """
    base = base_of(exercise_id)
    if base is None:
        return f"urn:uuid:{uuid.uuid5(_NO_BASE, f'{resource_type}/{rid}')}"
    return f"{base}/{resource_type}/{rid}"


def full_url(resource_type: str, rid: str, exercise_id: str | None = None) -> str:
    """A stable ``urn:uuid:`` for a Bundle entry: the same inputs, the same uuid."""
    name = canonical(resource_type, rid, exercise_id)
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def with_language(text: JSON, lang: str) -> JSON:
    """*text*, a narrative, whose ``div`` says its language with ``lang`` and ``xml:lang``.

    R4 Resource.language, comments: "The html language tag in the narrative
    applies to the narrative. [...] The Resource.language should not be
    assumed to apply to the narrative automatically"
    (hl7.org/fhir/R4/resource-definitions.html#Resource.language). So a
    resource that says its language says it on its narrative too.
    """
    div = text["div"]
    opening = '<div xmlns="http://www.w3.org/1999/xhtml"'
    if not div.startswith(f"{opening}>"):
        return text
    attributes = f' lang="{html.escape(lang)}" xml:lang="{html.escape(lang)}"'
    return {**text, "div": f"{opening}{attributes}{div[len(opening) :]}"}


def narrative(title: str, paragraphs: Iterable[str] = (), items: Iterable[str] = ()) -> JSON:
    """A generated narrative: a heading, paragraphs and a list, every word escaped."""
    parts = [f"<p><b>{html.escape(title)}</b></p>"]
    parts.extend(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    listed = [f"<li>{html.escape(text)}</li>" for text in items]
    if listed:
        parts.append(f"<ul>{''.join(listed)}</ul>")
    div = f'<div xmlns="http://www.w3.org/1999/xhtml">{"".join(parts)}</div>'
    return {"status": "generated", "div": div}


def computable_name(text: str) -> str:
    """A name that FHIR's ``name`` invariants accept: ``ArmSlideOnWall``.

    Accents are dropped, not split on: "Extensión torácica" gives
    ``ExtensionToracica``, not ``ExtensiNTorCica``. R4
    ActivityDefinition.name (and PlanDefinition.name): "This name should be
    usable as an identifier for the module by machine processing
    applications such as code generation" (activitydefinition-definitions.html),
    checked by the warning invariant ``name.matches('[A-Z]([A-Za-z0-9_]){0,254}')``.
    """
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    words = re.findall(r"[A-Za-z0-9]+", plain)
    name = "".join(word[:1].upper() + word[1:] for word in words) or "Unnamed"
    if not name[0].isalpha():
        name = f"N{name}"
    return name[:255]


def prune(value: Any) -> Any:  # noqa: ANN401 - JSON in, JSON out
    """Drop ``None`` values and empty lists from JSON, recursively: FHIR forbids empty elements."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v is not None and v != []}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value
