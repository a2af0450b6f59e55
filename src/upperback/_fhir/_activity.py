"""An :class:`~upperback.model.Exercise` as a FHIR R4 ``ActivityDefinition``."""

from __future__ import annotations

from urllib.parse import quote

from upperback._i18n import SOURCE_LOCALE, translations
from upperback.catalog import Catalog
from upperback.model import Exercise, IdentifierScheme, Reference

from ._base import (
    BASE,
    EXERCISE_THERAPY,
    EXT_EQUIPMENT,
    EXT_POSITION,
    JSON,
    canonical,
    computable_name,
    narrative,
    resource_id,
)

__all__ = ["activity_definition", "activity_url", "related_artifacts", "usage"]


def activity_url(exercise: Exercise) -> str:
    """The canonical URL of *exercise*'s ActivityDefinition."""
    return canonical("ActivityDefinition", resource_id(exercise.id))


def activity_definition(exercise: Exercise, catalog: Catalog, locale: str = SOURCE_LOCALE) -> JSON:
    """Return *exercise* as an ActivityDefinition; *catalog* gives references and safety text."""
    rid = resource_id(exercise.id)
    dosage = exercise.dosage.describe(locale=locale)
    t = translations(locale)
    return {
        "resourceType": "ActivityDefinition",
        "id": rid,
        "text": narrative(
            exercise.name,
            [exercise.summary, t.gettext("How much to do: %(dosage)s") % {"dosage": dosage}],
            [step.text for step in exercise.steps],
        ),
        "extension": [
            *({"url": EXT_POSITION, "valueString": p.value} for p in exercise.positions),
            *(
                {
                    "url": EXT_EQUIPMENT,
                    "extension": [{"url": "anyOf", "valueString": o.value} for o in req.any_of],
                }
                for req in exercise.equipment
            ),
        ]
        or None,
        "url": activity_url(exercise),
        "identifier": [{"system": f"{BASE}/exercise-id", "value": exercise.id}],
        "version": catalog.data_version,
        "name": computable_name(exercise.name),
        "title": exercise.name,
        "status": "active",
        "description": "\n".join(f"{n}. {s.text}" for n, s in enumerate(exercise.steps, 1)),
        "purpose": exercise.summary,
        "usage": usage(exercise.cautions, catalog),
        "copyright": catalog.license,
        "topic": [{"text": exercise.category.describe(locale=locale)}],
        "relatedArtifact": related_artifacts((exercise,), catalog, locale),
        "kind": "ServiceRequest",
        "code": {"coding": [EXERCISE_THERAPY.coding()], "text": exercise.name},
        "dosage": [{"text": dosage}],
        "bodySite": [{"text": r.describe(locale=locale)} for r in exercise.regions] or None,
    }


def usage(cautions: tuple[str, ...], catalog: Catalog) -> str:
    """The cautions, the safety lines and the disclaimer, one a line."""
    return "\n".join([*cautions, *catalog.safety, catalog.disclaimer])


def related_artifacts(
    exercises: tuple[Exercise, ...], catalog: Catalog, locale: str = SOURCE_LOCALE
) -> list[JSON]:
    """A citation for each reference the exercises cite, then the source credits."""
    ids = dict.fromkeys(ref for exercise in exercises for ref in exercise.references)
    cited = [catalog.reference(i) for i in ids] if ids else list(catalog.references)
    artifacts = [_citation(reference) for reference in cited]
    artifacts.extend(
        {"type": "derived-from", "display": source.credit(locale=locale)}
        for source in catalog.sources
    )
    return artifacts


def _citation(reference: Reference) -> JSON:
    artifact: JSON = {"type": "citation", "citation": reference.cite()}
    doi = reference.identifier(IdentifierScheme.DOI)
    if doi:
        artifact["url"] = f"https://doi.org/{quote(doi, safe='/:;()._-')}"
    return artifact
