"""Type-checked, never run: the public API as users see it.

mypy --strict and pyright check this file in CI, so a change that breaks
users' types fails there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import upperback
from upperback import Catalog, Dosage, Equipment, Exercise, Position, Range, Reference

catalog: Catalog = upperback.load_catalog()
mine: Catalog = upperback.load_catalog("my-catalog.json")
both: Catalog = catalog.merge(mine)

exercise: Exercise = catalog["band-row"]
maybe: Exercise | None = catalog.get("band-row")
surely: Exercise = catalog.get("band-row", exercise)
found: bool = "band-row" in catalog
count: int = len(catalog)
every: list[Exercise] = list(catalog)

words: str = exercise.dosage.describe()
reps: Range = exercise.dosage.reps
sets: int = exercise.dosage.sets
position: Position = Position.parse("standing")
equipment: Equipment = Equipment.parse(Equipment.WALL)
fits: bool = exercise.fits({Equipment.WALL}, avoid_positions={Position.SITTING})
citations: list[str] = [ref.cite() for ref in catalog.references_for(exercise)]
reference: Reference = catalog.reference("pesco-2006")

stretches: tuple[Exercise, ...] = catalog.filter(category="stretch", equipment=["wall"])
hits: tuple[upperback.SearchResult, ...] = catalog.search("wall angels")
best: float = hits[0].score

program: upperback.Program = upperback.build_program(
    equipment=[Equipment.WALL, "chair"],
    avoid_positions=["lying-on-stomach"],
    minutes_per_session=10,
    weeks=2,
)
week: upperback.Week = program.weeks[0]
item_dosage: Dosage = week.items[0].dosage
steps: tuple[Dosage, ...] = upperback.ladder(exercise)
adjustment: upperback.Adjustment = upperback.adapt(exercise, exercise.dosage, "too-easy")
action: upperback.Action = adjustment.action
next_dosage: Dosage | None = adjustment.dosage
omitted: tuple[upperback.Omission, ...] = program.omitted

handout: str = upperback.render(program, "html", catalog=catalog, template_dir="brand/")
plain_text: str = upperback.render(exercise)
options = upperback.HandoutOptions(
    patient="Sam Lee", next_visit=dt.date(2026, 2, 2), paper="a4", large_print=True
)
pdf: bytes = upperback.render(program, "pdf", options=options)
marked: str = upperback.render(program, "markdown", options=options)
paper: upperback.PaperSize = options.paper
sizes: tuple[upperback.PaperSize, ...] = upperback.PAPER_SIZES
formats: tuple[str, ...] = upperback.FORMATS
schema: dict[str, object] = upperback.json_schema("catalog")

text: str = upperback.dumps(exercise.dosage)
dosage: Dosage = upperback.loads(text, Dosage)
version: str = upperback.__version__

try:
    catalog["nope"]
except upperback.UnknownExerciseError as err:
    suggestions: tuple[str, ...] = err.suggestions
except upperback.CatalogError as err:
    problems: tuple[upperback.Problem, ...] = err.problems

picture: upperback.Illustration = upperback.illustrate(exercise, pose="end")
svg: str = picture.svg
alt: str = picture.alt
pictures: tuple[upperback.Illustration, ...] = upperback.illustrations(exercise)
figure: upperback.Figure | None = exercise.figure
if figure is not None:
    view: upperback.View = figure.view
    joints: upperback.Joints = figure.poses[0].joints
    arm: upperback.Arm = joints.arms[0]
try:
    upperback.illustrate(exercise)
except upperback.NoFigureError as err:
    missing: str = err.exercise_id

# -- FHIR and CERT ---------------------------------------------------------------

fhir_bundle: dict[str, Any] = upperback.to_fhir(
    upperback.build_program(), patient="Patient/1", bundle_type="transaction"
)
fhir_definition: dict[str, Any] = upperback.to_fhir(upperback.load_catalog()["band-row"])
cert: upperback.CertReport = upperback.cert_report(upperback.build_program())
cert_row: upperback.CertRow = cert.rows[0]
cert_status: upperback.CertStatus = cert_row.status
cert_section: upperback.CertSection = cert_row.section
cert_text: str = upperback.render(cert, "markdown")
