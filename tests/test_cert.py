import datetime as dt
import re

import pytest
from hypothesis import given

import upperback
from upperback import (
    CertReport,
    CertSection,
    CertStatus,
    UnknownFormatError,
    build_program,
    cert_report,
    load_catalog,
    render,
)
from upperback.cert import ITEMS

from .strategies import programs

CATALOG = load_catalog()

NUMBERS = [
    "1", "2", "3", "4", "5", "6", "7a", "7b", "8", "9", "10", "11",
    "12", "13", "14a", "14b", "15", "16a", "16b",
]  # fmt: skip
FOR_CLINICIAN = {"2", "5", "6", "11", "16a", "16b"}


def test_every_item_is_there_once_in_order():
    report = cert_report(build_program())
    assert [row.number for row in report.rows] == NUMBERS
    assert len(report.rows) == 19


def test_sections_follow_cert():
    report = cert_report(build_program())
    sections = {row.number: row.section for row in report.rows}
    assert sections["1"] is CertSection.WHAT
    assert sections["2"] is CertSection.WHO
    assert {sections[n] for n in ("3", "4", "5", "6", "7a", "7b", "8", "9", "10", "11")} == {
        CertSection.HOW
    }
    assert sections["12"] is CertSection.WHERE
    assert sections["13"] is CertSection.WHEN_HOW_MUCH
    assert {sections[n] for n in ("14a", "14b", "15")} == {CertSection.TAILORING}
    assert {sections["16a"], sections["16b"]} == {CertSection.HOW_WELL}


def test_the_clinician_completes_provider_adherence_motivation_events_fidelity():
    report = cert_report(build_program())
    for row in report.rows:
        if row.number in FOR_CLINICIAN:
            assert row.status is CertStatus.FOR_CLINICIAN
            assert row.answer == ()
        else:
            assert row.status is not CertStatus.FOR_CLINICIAN
            assert row.answer


def test_filled_items_match_the_program():
    program = build_program(
        equipment=["wall", "chair", "floor-space"],
        avoid_positions=["standing"],
        weeks=3,
        sessions_per_week=5,
        start=dt.date(2026, 3, 2),
    )
    report = cert_report(program)
    rows = {row.number: row for row in report.rows}
    chosen = [CATALOG[i] for i in program.exercise_ids]
    # 1: the equipment of each chosen exercise, and nothing else
    assert len(rows["1"].answer) == len(chosen)
    for exercise, line in zip(chosen, rows["1"].answer, strict=True):
        assert line.startswith(exercise.name)
        for requirement in exercise.equipment:
            assert requirement.describe() in line
    # 7b and 13: each week's dosage of each exercise
    for exercise in chosen:
        for week in program.weeks:
            dosage = next(i.dosage for i in week.items if i.exercise == exercise.id)
            assert any(dosage.describe().rstrip(".") in line for line in rows["7b"].answer)
    assert program.schedule.describe() in rows["13"].answer
    # 8: every step of every chosen exercise
    for exercise in chosen:
        for step in exercise.steps:
            assert any(step.text in line for line in rows["8"].answer)
    # 10: the safety lines and the disclaimer
    assert any(CATALOG.disclaimer in line for line in rows["10"].answer)
    for line in CATALOG.safety:
        assert any(line in answer for answer in rows["10"].answer)
    # 14b: the request and every omission
    text = " ".join(rows["14b"].answer)
    assert "standing" in text
    assert "5" in text
    for omission in program.omitted:
        assert f"Not chosen: {CATALOG[omission.exercise].name}, because" in text
    # 15: week 1's dosage
    for exercise in chosen:
        first = next(i.dosage for i in program.weeks[0].items if i.exercise == exercise.id)
        assert f"{exercise.name}: {first.describe()}" in rows["15"].answer


@pytest.mark.parametrize(
    ("locale", "never_on_the_calendar", "stays_at_the_bottom", "weight"),
    [
        ("en", "is never put on the calendar", "the dosage stays at the easiest step", "soup"),
        ("es", "nunca se pone en el calendario", "la dosis se queda en el paso más fácil", "sopa"),
    ],
)
def test_7a_states_the_rule_the_builder_follows(
    locale, never_on_the_calendar, stays_at_the_bottom, weight
):
    # A person with soup cans: the builder puts no weight in any week (issue 19),
    # so item 7a must not say a weight is added in a week.
    program = build_program(equipment=[*upperback.DEFAULT_EQUIPMENT, "soup-cans"], weeks=4)
    assert all(item.dosage.load is None for week in program.weeks for item in week.items)
    rows = {row.number: row for row in cert_report(program, locale=locale).rows}
    rules = " ".join(rows["7a"].answer)
    assert never_on_the_calendar in rules
    assert stays_at_the_bottom in rules
    assert "added only in a week" not in rules
    assert "se añade solo en una semana" not in rules
    # What the program did (7b) and its dose (13) agree: no weight in any week.
    assert not [line for line in (*rows["7b"].answer, *rows["13"].answer) if weight in line]


@given(programs)
def test_every_program_has_every_item(program):
    report = cert_report(program)
    assert [row.number for row in report.rows] == NUMBERS
    assert report.data_version == program.data_version
    rows = {row.number: row for row in report.rows}
    assert len(rows["1"].answer) == len(program.exercise_ids)


def test_items_are_our_own_short_words():
    assert [number for number, _, _ in ITEMS] == NUMBERS
    for _number, _section, item in ITEMS:
        assert len(item.split()) <= 15
        assert item.endswith(".")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_render_prints_the_checklist(fmt):
    report = cert_report(build_program())
    output = render(report, fmt)
    for row in report.rows:
        assert re.search(rf"\b{row.number}\b", output)
        assert row.status.label in output
    assert report.title in output
    if fmt == "html":
        assert output.startswith("<!DOCTYPE html>")
        assert "For the clinician" in output


def test_pdf_is_not_a_report_format():
    with pytest.raises(UnknownFormatError):
        render(cert_report(build_program()), "pdf")


def test_the_report_is_public_and_typed():
    assert isinstance(upperback.cert_report(build_program()), CertReport)
