"""A :class:`~upperback.program.Program` for one patient as a FHIR R4 ``CarePlan``."""

from __future__ import annotations

from upperback._i18n import SOURCE_LOCALE, translations
from upperback.catalog import Catalog
from upperback.model import Exercise
from upperback.program import Program

from ._base import CATEGORY_PHYSICAL_ACTIVITY, JSON, narrative

__all__ = ["care_plan"]


def care_plan(  # noqa: PLR0913 - each link of the plan is its own argument
    program: Program,
    exercises: tuple[Exercise, ...],
    catalog: Catalog,
    *,
    plan_definition: str,
    patient: str,
    activities: list[str],
    locale: str = SOURCE_LOCALE,
) -> JSON:
    """Return the CarePlan; *plan_definition* is canonical, the rest are references."""
    weeks = program.weeks
    period = None
    if weeks and weeks[0].start is not None and weeks[-1].end is not None:
        period = {"start": weeks[0].start.isoformat(), "end": weeks[-1].end.isoformat()}
    schedule = program.schedule.describe(locale=locale)
    title = translations(locale).gettext("Upper back exercise plan")
    evidence = catalog._evidence(exercises)  # noqa: SLF001
    return {
        "resourceType": "CarePlan",
        "text": narrative(
            title,
            [schedule, *evidence.safety, evidence.disclaimer],
            [e.name for e in exercises],
        ),
        "instantiatesCanonical": [plan_definition],
        "status": "active",
        "intent": "plan",
        "category": [{"coding": [CATEGORY_PHYSICAL_ACTIVITY.coding()]}],
        "title": title,
        "description": schedule,
        "subject": {"reference": patient},
        "period": period,
        "activity": [{"reference": {"reference": ref}} for ref in activities],
        "note": [{"text": line} for line in (*evidence.safety, evidence.disclaimer)],
    }
