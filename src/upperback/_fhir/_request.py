"""One exercise over one dosage block of a program as a FHIR R4 ``ServiceRequest``.

A dosage block is a run of weeks with the same dosage. Sets, repetitions,
per-side work, a counted hold and a load have no R4 element: they go in
``orderDetail`` as the official R5 cross-version extension
``orderDetail.parameter``, coded with our CodeSystem, and the same facts
are always in ``orderDetail.text`` and ``patientInstruction`` too.
Repetitions never go in ``Timing.count`` (it counts occurrences over the
whole schedule) and a hold never goes in the ``Timing``: it is in the
dosage parameters only.

The blocks of one exercise follow each other, and each request says so
without ``replaces`` (R4 defines it for requests that are completed or
terminated, and these are not yet): in a dated program each block has its
own ``boundsPeriod``, and all are ``active``; in an undated program the
weeks have no dates to put a later block on, so only the first block is
``active`` and each later one is ``draft`` (R4 request-status: "created
but is not yet complete or ready for action"), to be made active when the
one before it ends; its text says which weeks it is for.
"""

from __future__ import annotations

import datetime as dt

import attrs

from upperback._i18n import SOURCE_LOCALE, translations, week_span
from upperback.model import Dosage, Exercise, HoldUnit, Period, Range
from upperback.program import SEVERAL_TIMES

from ._activity import activity_url
from ._base import (
    CATEGORY_PHYSICAL_ACTIVITY,
    CODE_SYSTEM_URL,
    DAY,
    EXERCISE_THERAPY,
    JSON,
    SECOND,
    WEEK,
    XVER_PARAMETER,
    narrative,
)

__all__ = ["Block", "service_request"]


@attrs.frozen
class Block:
    """One exercise's dosage over a run of weeks (numbered from 1), with their dates if any."""

    exercise: Exercise
    dosage: Dosage
    first_week: int
    last_week: int
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def weeks(self) -> int:
        """How many weeks the block lasts."""
        return self.last_week - self.first_week + 1

    def describe(self, locale: str = SOURCE_LOCALE) -> str:
        """``"Week 1"``, ``"Weeks 1 and 2"`` or ``"Weeks 2 to 4"``."""
        return week_span(self.first_week, self.last_week, locale)


def service_request(
    block: Block,
    *,
    version: str,
    patient: str,
    sessions_per_week: int,
    locale: str = SOURCE_LOCALE,
) -> JSON:
    """Return the ServiceRequest for *block*; *patient* is a reference.

    It has no ``basedOn``: its CarePlan lists it in ``activity.reference``,
    and R4 says of that element that the requests it points to should not
    point back to the CarePlan with ``basedOn`` ("Requests that are part of
    a CarePlan are not 'based on' the CarePlan"; CarePlan.activity.reference,
    comments, hl7.org/fhir/R4/careplan-definitions.html#CarePlan.activity.reference;
    quoted at community.fhir.org/t/how-use-servicerequest-with-careplan/1539).
    """
    exercise, dosage = block.exercise, block.dosage
    t = translations(locale)
    text = dosage.describe(locale=locale)
    dated = block.start is not None
    return {
        "resourceType": "ServiceRequest",
        "text": narrative(
            f"{exercise.name}: {block.describe(locale)}",
            [t.gettext("How much to do: %(dosage)s") % {"dosage": text}, *exercise.cautions],
            [step.text for step in exercise.steps],
        ),
        "instantiatesCanonical": [f"{activity_url(exercise)}|{version}"],
        # R4 ServiceRequest.replaces: "The request takes the place of the
        # referenced completed or terminated request(s)" (servicerequest-
        # definitions.html): never used here, as no block is completed yet.
        # The order is in the dates, or in the statuses (module docstring).
        "status": "active" if dated or block.first_week == 1 else "draft",
        "intent": "order",
        "category": [{"coding": [CATEGORY_PHYSICAL_ACTIVITY.coding()]}],
        "code": {"coding": [EXERCISE_THERAPY.coding()], "text": exercise.name},
        "orderDetail": [{"extension": _parameters(dosage, locale), "text": text}],
        "subject": {"reference": patient},
        "occurrenceTiming": {"repeat": _repeat(block, sessions_per_week, locale)},
        "performer": [{"reference": patient}],
        "patientInstruction": text,
    }


def _repeat(block: Block, sessions_per_week: int, locale: str) -> JSON:
    """The block's ``Timing.repeat``: its bounds, and how often the exercise is done.

    No ``duration``: R4 Timing.repeat.duration is "How long this thing
    happens for when it happens" (datatypes-definitions.html#Timing.repeat.duration),
    so a hold there would read as a session of a few seconds. The hold is
    in the dosage parameters only.
    """
    repeat: JSON = {}
    if block.start is not None and block.end is not None:
        repeat["boundsPeriod"] = {"start": block.start.isoformat(), "end": block.end.isoformat()}
    else:
        unit = translations(locale).npgettext("unit", "week", "weeks", block.weeks)
        repeat["boundsDuration"] = {
            "value": block.weeks,
            "unit": unit,
            "system": WEEK.system,
            "code": WEEK.code,
        }
    frequency = block.dosage.frequency
    if frequency is None:
        repeat.update(frequency=sessions_per_week, period=1, periodUnit=WEEK.code)
        return repeat
    # The source's own frequency, each day even on days without a session.
    # "Several times" has no number: it is SEVERAL_TIMES, the same count the
    # builder uses for time and the dose ceiling (R4 Timing.repeat.frequency
    # is a positiveInt: "Event occurs frequency times per period"); the words
    # are in the "frequency" dosage parameter and the instructions.
    times = frequency.times or Range.exact(SEVERAL_TIMES)
    repeat["frequency"] = times.low
    if not times.is_exact:
        repeat["frequencyMax"] = times.high
    repeat["period"] = 1
    repeat["periodUnit"] = DAY.code if frequency.period is Period.DAY else WEEK.code
    return repeat


def _parameters(dosage: Dosage, locale: str) -> list[JSON]:
    """The dosage parameters; their words and units in *locale* (codes stay codes)."""
    t = translations(locale)
    sets = t.npgettext("unit", "set", "sets", dosage.sets)
    params = [
        _parameter("sets", {"valueQuantity": {"value": dosage.sets, "unit": sets}}),
        _parameter(
            "repetitions",
            {"valueRange": _range(dosage.reps, t.pgettext("unit", "repetitions"))},
        ),
        _parameter("per-side", {"valueBoolean": dosage.per_side}),
    ]
    hold = dosage.hold
    if hold is not None and hold.unit is HoldUnit.COUNTS:
        counts = t.pgettext("unit", "counts")
        params.append(_parameter("hold-count", {"valueRange": _range(hold.duration, counts)}))
    elif hold is not None:
        seconds = _range(hold.duration, t.pgettext("unit", "seconds"))
        for end in seconds.values():
            end.update({"system": SECOND.system, "code": SECOND.code})
        params.append(_parameter("hold-seconds", {"valueRange": seconds}))
    if dosage.load is not None:
        params.append(_parameter("load", {"valueString": dosage.load.describe(locale=locale)}))
    if dosage.frequency is not None:
        params.append(
            _parameter("frequency", {"valueString": dosage.frequency.describe(locale=locale)})
        )
    return params


def _parameter(code: str, value: JSON) -> JSON:
    return {
        "url": XVER_PARAMETER,
        "extension": [
            {
                "url": "code",
                "valueCodeableConcept": {"coding": [{"system": CODE_SYSTEM_URL, "code": code}]},
            },
            {"url": "value", **value},
        ],
    }


def _range(span: Range, unit: str) -> JSON:
    return {"low": {"value": span.low, "unit": unit}, "high": {"value": span.high, "unit": unit}}
