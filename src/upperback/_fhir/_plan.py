"""A set of exercises (a catalog, or a program's choice) as a FHIR R4 ``PlanDefinition``."""

from __future__ import annotations

from upperback._i18n import SOURCE_LOCALE, translations
from upperback.catalog import Catalog
from upperback.model import Exercise

from ._activity import NO_DOSAGE, activity_url, related_artifacts, usage
from ._base import JSON, PROTOCOL, canonical, narrative

__all__ = ["plan_definition", "plan_url"]


def plan_url(rid: str) -> str:
    """The canonical URL of the PlanDefinition with id *rid*."""
    return canonical("PlanDefinition", rid)


def plan_definition(
    rid: str,
    title: str,
    exercises: tuple[Exercise, ...],
    catalog: Catalog,
    locale: str = SOURCE_LOCALE,
) -> JSON:
    """Return a protocol whose actions point at each exercise's ActivityDefinition, in order."""
    version = catalog.data_version
    evidence = catalog._evidence(exercises)  # noqa: SLF001
    t = translations(locale)
    count = len(exercises)
    return {
        "resourceType": "PlanDefinition",
        "id": rid,
        "text": narrative(
            title,
            [*evidence.safety, evidence.disclaimer],
            [e.name for e in exercises],
        ),
        "url": plan_url(rid),
        "version": version,
        "name": "".join(w[:1].upper() + w[1:] for w in rid.split("-") if w) or "Plan",
        "title": title,
        "type": {"coding": [PROTOCOL.coding()]},
        "status": "active",
        "description": t.ngettext(
            "%(count)s exercise, in the order to do them.",
            "%(count)s exercises, in the order to do them.",
            count,
        )
        % {"count": count},
        "usage": usage((), catalog, exercises),
        "copyright": evidence.license,
        "relatedArtifact": related_artifacts(exercises, catalog, locale),
        "action": [
            {
                "title": exercise.name,
                "description": t.gettext(NO_DOSAGE)
                if exercise.dosage is None
                else exercise.dosage.describe(locale=locale),
                "definitionCanonical": f"{activity_url(exercise)}|{version}",
            }
            for exercise in exercises
        ],
    }
