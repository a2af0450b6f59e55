"""A :class:`~upperback.Log` as FHIR R4 ``Observation`` s: pain scores and done sessions.

- **Pain**: each pain score of an entry (before, after) is an Observation
  coded LOINC 72514-3 (the 0 to 10 numeric rating a person reports), with
  ``valueInteger`` and a note saying before or after which exercise.
- **Done sessions**: the HL7 Physical Activity IG records performed exercise
  as Observations, not Procedures: an "activity group" panel (its
  ``PAPanel`` code) whose ``hasMember`` are activity measures of the same
  exercise occurrence. Each logged day is one panel, with one member, the
  exercise duration (LOINC 55411-3, in minutes), estimated from the logged
  sets, reps and holds with the program's :class:`~upperback.Timing`, as
  the note says; the panel's note lists what was done.

Where each code was checked is in :mod:`upperback._fhir._base`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from upperback._i18n import translations
from upperback._log import Log, LogEntry
from upperback.catalog import Catalog
from upperback.model import Dosage
from upperback.program import Program, Timing

from ._base import (
    CATEGORY_ACTIVITY,
    CATEGORY_PHYSICAL_ACTIVITY,
    EXERCISE_DURATION,
    JSON,
    MINUTE,
    PAIN_SEVERITY,
    PHYSICAL_ACTIVITY_PANEL,
    full_url,
    narrative,
    resource_id,
    with_language,
)

__all__ = ["log_bundle"]


def _seconds(entry: LogEntry, dosage: Dosage, timing: Timing) -> int:
    """The time the logged work took, by the same rule as :meth:`Timing.estimate`."""
    if entry.sets == 0:
        return 0
    sides = 2 if dosage.per_side else 1
    hold = entry.hold or 0
    return (
        timing.setup
        + entry.sets * entry.reps * sides * (timing.seconds_per_rep + hold)
        + (entry.sets - 1) * timing.rest_between_sets
    )


def _dosage(program: Program, start: dt.date, entry: LogEntry) -> Dosage:
    week = program.weeks[(entry.date - start).days // 7]
    return next(item.dosage for item in week.items if item.exercise == entry.exercise)


def log_bundle(  # noqa: PLR0913 - the parts of an export
    program: Program,
    log: Log,
    catalog: Catalog,
    start: dt.date,
    *,
    patient: str,
    locale: str,
) -> JSON:
    """Return a collection Bundle of *log*'s pain scores and done sessions."""
    t = translations(locale)
    names = catalog.localized(locale)
    language = {} if locale == "en" else {"language": locale}

    def said_in(text: JSON) -> JSON:
        """A narrative says its language where the resource does (R4 Resource.language)."""
        return text if locale == "en" else with_language(text, locale)

    subject = {"reference": patient}
    resources: list[tuple[str, JSON]] = []
    for index, entry in enumerate(log.entries):
        name = names[entry.exercise].name
        for when, value, said in (
            ("before", entry.pain_before, t.gettext("Pain before: %(name)s")),
            ("after", entry.pain_after, t.gettext("Pain after: %(name)s")),
        ):
            if value is None:
                continue
            rid = resource_id(
                "pain", patient, entry.date.isoformat(), entry.exercise, when, str(index)
            )
            text = said % {"name": name}
            resources.append(
                (
                    rid,
                    {
                        "resourceType": "Observation",
                        "id": rid,
                        **language,
                        "text": said_in(narrative(text, [f"{value} / 10"])),
                        "status": "final",
                        "code": {"coding": [PAIN_SEVERITY.coding()]},
                        "subject": subject,
                        "effectiveDateTime": entry.date.isoformat(),
                        "valueInteger": value,
                        "note": [{"text": text}],
                    },
                )
            )
    by_day: dict[dt.date, list[LogEntry]] = defaultdict(list)
    for entry in log.entries:
        by_day[entry.date].append(entry)
    timing = program.request.timing
    categories = [
        {"coding": [CATEGORY_ACTIVITY.coding()]},
        {"coding": [CATEGORY_PHYSICAL_ACTIVITY.coding()]},
    ]
    for day in sorted(by_day):
        entries = by_day[day]
        seconds = sum(_seconds(e, _dosage(program, start, e), timing) for e in entries)
        done = [
            t.gettext("%(name)s: %(sets)s x %(reps)s")
            % {"name": names[e.exercise].name, "sets": e.sets, "reps": e.reps}
            for e in entries
        ]
        duration_id = resource_id("exercise-duration", patient, day.isoformat())
        panel_id = resource_id("exercise-session", patient, day.isoformat())
        estimated = t.gettext(
            "Estimated from the sets, reps and holds logged, and the plan's times."
        )
        title = t.gettext("Exercise session")
        resources.append(
            (
                duration_id,
                {
                    "resourceType": "Observation",
                    "id": duration_id,
                    **language,
                    "text": said_in(narrative(title, [estimated])),
                    "status": "final",
                    "category": categories,
                    "code": {"coding": [EXERCISE_DURATION.coding()]},
                    "subject": subject,
                    "effectiveDateTime": day.isoformat(),
                    "performer": [subject],
                    "valueQuantity": {
                        "value": round(seconds / 60, 1),
                        "unit": MINUTE.display,
                        "system": MINUTE.system,
                        "code": MINUTE.code,
                    },
                    "note": [{"text": estimated}],
                },
            )
        )
        resources.append(
            (
                panel_id,
                {
                    "resourceType": "Observation",
                    "id": panel_id,
                    **language,
                    "text": said_in(narrative(title, [], done)),
                    "status": "final",
                    "category": categories,
                    "code": {"coding": [PHYSICAL_ACTIVITY_PANEL.coding()]},
                    "subject": subject,
                    "effectiveDateTime": day.isoformat(),
                    "performer": [subject],
                    "hasMember": [{"reference": full_url("Observation", duration_id)}],
                    "note": [{"text": line} for line in done],
                },
            )
        )
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": full_url("Observation", rid), "resource": resource}
            for rid, resource in resources
        ],
    }
