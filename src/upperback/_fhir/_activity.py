"""An :class:`~upperback.model.Exercise` as a FHIR R4 ``ActivityDefinition``."""

from __future__ import annotations

from urllib.parse import quote

from upperback._i18n import N_, SOURCE_LOCALE, translations
from upperback.catalog import Catalog
from upperback.model import Exercise, IdentifierScheme, Reference

from ._base import (
    EXERCISE_THERAPY,
    EXT_EQUIPMENT,
    EXT_POSITION,
    JSON,
    base_of,
    canonical,
    computable_name,
    narrative,
    resource_id,
)

__all__ = ["activity_definition", "activity_url", "related_artifacts", "usage"]


def activity_url(exercise: Exercise) -> str:
    """The canonical URL of *exercise*'s ActivityDefinition."""
    return canonical("ActivityDefinition", resource_id(exercise.id), exercise.id)


def _id_system(exercise_id: str) -> str | None:
    """The identifier system of exercise ids under the exercise's base; none without one."""
    base = base_of(exercise_id)
    return None if base is None else f"{base}/exercise-id"


def activity_definition(exercise: Exercise, catalog: Catalog, locale: str = SOURCE_LOCALE) -> JSON:
    """Return *exercise* as an ActivityDefinition; *catalog* gives references and safety text."""
    rid = resource_id(exercise.id)
    evidence = catalog._evidence((exercise,))  # noqa: SLF001
    t = translations(locale)
    dosage = (
        t.gettext(NO_DOSAGE) if exercise.dosage is None else exercise.dosage.describe(locale=locale)
    )
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
        "identifier": [{"system": _id_system(exercise.id), "value": exercise.id}],
        "version": catalog.data_version,
        "name": computable_name(exercise.name),
        "title": exercise.name,
        "status": "active",
        "description": "\n".join(f"{n}. {s.text}" for n, s in enumerate(exercise.steps, 1)),
        "purpose": exercise.summary,
        "usage": usage(exercise.cautions, catalog, (exercise,)),
        "copyright": evidence.license,
        "topic": [{"text": exercise.category.describe(locale=locale)}],
        "relatedArtifact": related_artifacts((exercise,), catalog, locale),
        "kind": "ServiceRequest",
        "code": {"coding": [EXERCISE_THERAPY.coding()], "text": exercise.name},
        "dosage": [{"text": dosage}],
        "bodySite": [{"text": r.describe(locale=locale)} for r in exercise.regions] or None,
    }


#: The dosage text of an exercise whose catalog gives none.
NO_DOSAGE = N_("Not given in the catalog: ask your provider how much to do.")


def usage(cautions: tuple[str, ...], catalog: Catalog, exercises: tuple[Exercise, ...]) -> str:
    """The cautions, then the safety lines and disclaimer of *exercises*' catalogs, one a line."""
    evidence = catalog._evidence(exercises)  # noqa: SLF001
    return "\n".join([*cautions, *evidence.safety, evidence.disclaimer])


def related_artifacts(
    exercises: tuple[Exercise, ...], catalog: Catalog, locale: str = SOURCE_LOCALE
) -> list[JSON]:
    """A citation for each reference the exercises cite, then their catalogs' source credits.

    Only what the exercises themselves rest on: an exercise that cites
    nothing borrows no other's references.
    """
    ids = dict.fromkeys(ref for exercise in exercises for ref in exercise.references)
    artifacts = [_citation(catalog.reference(i), locale) for i in ids]
    sources = catalog._evidence(exercises).sources  # noqa: SLF001
    artifacts.extend(
        {"type": "derived-from", "display": source.credit(locale=locale)} for source in sources
    )
    return artifacts


def _citation(reference: Reference, locale: str) -> JSON:
    artifact: JSON = {"type": "citation", "citation": reference.cite(locale=locale)}
    doi = reference.identifier(IdentifierScheme.DOI)
    if doi:
        artifact["url"] = f"https://doi.org/{quote(doi, safe='/:;()._-')}"
    return artifact
