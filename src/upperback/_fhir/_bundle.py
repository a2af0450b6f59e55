"""A :class:`~upperback.program.Program` as a FHIR R4 ``Bundle``."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from upperback._i18n import SOURCE_LOCALE, translations
from upperback.catalog import Catalog
from upperback.program import Program

from ._activity import activity_definition
from ._base import JSON, full_url, resource_id
from ._careplan import care_plan
from ._codesystem import code_system
from ._document import document_reference
from ._plan import plan_definition, plan_url
from ._request import Block, service_request

__all__ = ["BundleType", "bundle", "dosage_blocks"]

#: The kinds of Bundle :func:`bundle` writes.
BundleType = Literal["collection", "transaction"]


def dosage_blocks(program: Program, catalog: Catalog) -> list[Block]:
    """Each chosen exercise's runs of weeks with the same dosage, in session order."""
    blocks: list[Block] = []
    for exercise_id in program.exercise_ids:
        exercise = catalog[exercise_id]
        runs: list[Block] = []
        for week in program.weeks:
            dosage = next(i.dosage for i in week.items if i.exercise == exercise_id)
            if runs and runs[-1].dosage == dosage:
                last = runs[-1]
                runs[-1] = Block(
                    exercise, dosage, last.first_week, week.number, last.start, week.end
                )
            else:
                runs.append(Block(exercise, dosage, week.number, week.number, week.start, week.end))
        blocks.extend(runs)
    return blocks


def bundle(  # noqa: PLR0913 - the options of an export
    program: Program,
    catalog: Catalog,
    *,
    patient: str | None,
    bundle_type: BundleType,
    handout_html: str | None,
    date: dt.datetime | None,
    locale: str = SOURCE_LOCALE,
) -> JSON:
    """Return the Bundle of *program*; see :func:`upperback.to_fhir`."""
    title = translations(locale).gettext("Upper back exercise plan")
    from upperback._convert import dumps  # noqa: PLC0415 - cattrs loads only when used

    key = hashlib.sha256(f"{dumps(program)}\n{patient}".encode()).hexdigest()[:16]
    version = catalog.data_version
    exercises = tuple(catalog[i] for i in program.exercise_ids)
    plan_id = resource_id("program", key)
    entries: list[tuple[JSON, str | None]] = [
        (code_system(version), "url"),
        (plan_definition(plan_id, title, exercises, catalog, locale), "url"),
        *((activity_definition(e, catalog, locale), "url") for e in exercises),
    ]
    if patient is not None:
        requests: list[JSON] = []
        for block in dosage_blocks(program, catalog):
            rid = resource_id("sr", key, block.exercise.id, str(block.first_week))
            request = service_request(
                block,
                version=version,
                patient=patient,
                sessions_per_week=program.schedule.sessions_per_week,
                locale=locale,
            )
            request["id"] = rid
            requests.append(request)
        plan = care_plan(
            program,
            exercises,
            catalog,
            plan_definition=f"{plan_url(plan_id)}|{version}",
            patient=patient,
            activities=[full_url("ServiceRequest", r["id"]) for r in requests],
            locale=locale,
        )
        plan["id"] = resource_id("careplan", key)
        entries.append((plan, None))
        entries.extend((r, None) for r in requests)
    if handout_html is not None:
        document = document_reference(
            handout_html, title=title, patient=patient, date=date, locale=locale
        )
        document["id"] = resource_id("handout", key)
        entries.append((document, None))
    return {
        "resourceType": "Bundle",
        "id": resource_id("bundle", key),
        "type": bundle_type,
        "entry": [_entry(resource, match, bundle_type) for resource, match in entries],
    }


def _entry(resource: JSON, match: str | None, bundle_type: BundleType) -> JSON:
    """A Bundle entry; definitions are created only when no copy of that version exists."""
    kind, rid = resource["resourceType"], resource["id"]
    resource = {"resourceType": kind, "id": rid, **resource}
    entry: JSON = {"fullUrl": full_url(kind, rid), "resource": resource}
    if bundle_type == "transaction":
        request: JSON = {"method": "POST", "url": resource["resourceType"]}
        if match is not None:
            request["ifNoneExist"] = f"url={resource['url']}&version={resource['version']}"
        entry["request"] = request
    return entry
