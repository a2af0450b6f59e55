"""One exercise over one dosage block of a program as a FHIR R4 ``ServiceRequest``.

A dosage block is a run of weeks with the same dosage. Sets, repetitions,
per-side work, a counted hold and a load have no R4 element: they go in
``orderDetail`` as the official R5 cross-version extension
``orderDetail.parameter``, coded with our CodeSystem, and the same facts
are always in ``orderDetail.text`` and ``patientInstruction`` too.
Repetitions never go in ``Timing.count`` (it counts occurrences over the
whole schedule) and a counted hold never gets a unit of time.
"""

from __future__ import annotations

import datetime as dt

import attrs

from upperback._i18n import SOURCE_LOCALE, translations, week_span
from upperback.model import Dosage, Exercise, HoldUnit, Period, Range

from ._activity import activity_url
from ._base import (
    CATEGORY_PHYSICAL_ACTIVITY,
    CODE_SYSTEM_URL,
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


def service_request(  # noqa: PLR0913 - each link of the request is its own argument
    block: Block,
    *,
    version: str,
    patient: str,
    care_plan: str,
    replaces: str | None,
    sessions_per_week: int,
    locale: str = SOURCE_LOCALE,
) -> JSON:
    """Return the ServiceRequest for *block*; the ``str`` arguments are references."""
    exercise, dosage = block.exercise, block.dosage
    t = translations(locale)
    text = dosage.describe(locale=locale)
    return {
        "resourceType": "ServiceRequest",
        "text": narrative(
            f"{exercise.name}: {block.describe(locale)}",
            [t.gettext("How much to do: %(dosage)s") % {"dosage": text}, *exercise.cautions],
            [step.text for step in exercise.steps],
        ),
        "instantiatesCanonical": [f"{activity_url(exercise)}|{version}"],
        "basedOn": [{"reference": care_plan}],
        "replaces": [{"reference": replaces}] if replaces else None,
        "status": "active",
        "intent": "order",
        "category": [{"coding": [CATEGORY_PHYSICAL_ACTIVITY.coding()]}],
        "code": {"coding": [EXERCISE_THERAPY.coding()], "text": exercise.name},
        "orderDetail": [{"extension": _parameters(dosage), "text": text}],
        "subject": {"reference": patient},
        "occurrenceTiming": {"repeat": _repeat(block, sessions_per_week)},
        "performer": [{"reference": patient}],
        "patientInstruction": text,
    }


def _repeat(block: Block, sessions_per_week: int) -> JSON:
    repeat: JSON = {}
    if block.start is not None and block.end is not None:
        repeat["boundsPeriod"] = {"start": block.start.isoformat(), "end": block.end.isoformat()}
    else:
        unit = "week" if block.weeks == 1 else "weeks"
        repeat["boundsDuration"] = {
            "value": block.weeks,
            "unit": unit,
            "system": WEEK.system,
            "code": WEEK.code,
        }
    hold = block.dosage.hold
    if hold is not None and hold.unit is HoldUnit.SECONDS:
        repeat["duration"] = hold.duration.low
        if not hold.duration.is_exact:
            repeat["durationMax"] = hold.duration.high
        repeat["durationUnit"] = SECOND.code
    frequency = block.dosage.frequency
    if frequency is not None and frequency.times is not None:
        repeat["frequency"] = frequency.times.low
        if not frequency.times.is_exact:
            repeat["frequencyMax"] = frequency.times.high
        repeat["period"] = 1
        repeat["periodUnit"] = "d" if frequency.period is Period.DAY else WEEK.code
    else:
        repeat["frequency"] = sessions_per_week
        repeat["period"] = 1
        repeat["periodUnit"] = WEEK.code
    return repeat


def _parameters(dosage: Dosage) -> list[JSON]:
    params = [
        _parameter("sets", {"valueQuantity": {"value": dosage.sets, "unit": "sets"}}),
        _parameter("repetitions", {"valueRange": _range(dosage.reps, "repetitions")}),
        _parameter("per-side", {"valueBoolean": dosage.per_side}),
    ]
    hold = dosage.hold
    if hold is not None and hold.unit is HoldUnit.COUNTS:
        params.append(_parameter("hold-count", {"valueRange": _range(hold.duration, "counts")}))
    elif hold is not None:
        seconds = _range(hold.duration, "seconds")
        for end in seconds.values():
            end.update({"system": SECOND.system, "code": SECOND.code})
        params.append(_parameter("hold-seconds", {"valueRange": seconds}))
    if dosage.load is not None:
        params.append(_parameter("load", {"valueString": dosage.load.describe()}))
    if dosage.frequency is not None:
        params.append(_parameter("frequency", {"valueString": dosage.frequency.describe()}))
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
