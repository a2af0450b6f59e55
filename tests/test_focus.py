"""build_program(regions=..., categories=...): a focus for big catalogs."""

import json

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import Category, OmissionReason, Region, build_program, load_catalog
from upperback.cli import main

from . import strategies


def chosen(program):
    return [item.exercise for item in program.weeks[0].items]


def test_a_region_focus_keeps_only_exercises_working_on_it():
    program = build_program(regions=["neck"])
    assert chosen(program) == ["thoracic-stretch"]
    out = {o.exercise: o for o in program.omitted if o.reason is OmissionReason.OUT_OF_FOCUS}
    assert out["pectoralis-stretch"].detail == "it works on chest, shoulders, outside the focus"
    assert program.request.regions == (Region.NECK,)


def test_a_category_focus_keeps_only_that_work():
    program = build_program(categories=[Category.STRENGTHENING], minutes_per_session=60)
    assert chosen(program) == ["mid-trap-raise", "scapular-squeeze"]
    out = {o.exercise: o.detail for o in program.omitted}
    assert out["thoracic-stretch"] == "it is stretch work, outside the focus"


def test_no_focus_is_the_same_as_an_empty_one():
    assert build_program() == build_program(regions=[], categories=[])


def test_the_focus_survives_a_round_trip():
    program = build_program(regions=["upper-back"], categories=["mobility", "stretch"])
    again = upperback.loads(upperback.dumps(program), upperback.Program)
    assert again == program


def test_a_saved_program_without_a_focus_still_loads():
    data = json.loads(upperback.dumps(build_program()))
    del data["request"]["regions"], data["request"]["categories"]
    again = upperback.loads(json.dumps(data), upperback.Program)
    assert again.request.regions == ()


def test_within_a_group_the_rule_prefers_start_now_then_asked_regions_then_catalog_order():
    catalog = load_catalog()
    extension = catalog.get("thoracic-extension")
    # Once a day: a frequency counts in the budget, and the rule is about order.
    once = attrs.evolve(extension.dosage, frequency=None)
    base = attrs.evolve(extension, aliases=(), progressions=(), dosage=once)
    # Two mobility exercises named so that alphabetical order disagrees with the rule.
    later = attrs.evolve(base, id="aaa-later", name="Aaa later", regions=(Region.CORE,))
    best = attrs.evolve(
        base, id="zzz-best", name="Zzz best", regions=(Region.NECK, Region.UPPER_BACK)
    )
    mine = upperback.Catalog(
        data_version="1",
        disclaimer=catalog.disclaimer,
        license=catalog.license,
        exercises=(later, best),
        references=catalog.references,
        safety=catalog.safety,
        sources=catalog.sources,
    )
    focus = build_program(
        catalog=mine, regions=["neck", "upper-back", "core"], minutes_per_session=1
    )
    assert chosen(focus) == ["zzz-best"]
    # Without a region focus, catalog order decides.
    assert chosen(build_program(catalog=mine, minutes_per_session=1)) == ["aaa-later"]
    # What may start now comes first.
    waiting = attrs.evolve(best, can_start_now=False)
    mine = attrs.evolve(mine, exercises=(later, waiting))
    assert chosen(
        build_program(catalog=mine, regions=["neck", "upper-back", "core"], minutes_per_session=1)
    ) == ["aaa-later"]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    strategies.catalogs(),
    st.lists(st.sampled_from(Region), unique=True),
    st.lists(st.sampled_from(Category), unique=True),
)
def test_every_chosen_exercise_is_in_focus(catalog, regions, categories):
    try:
        program = build_program(
            catalog=catalog, regions=regions, categories=categories, equipment=None
        )
    except upperback.NoEligibleExercisesError:
        return
    by_id = {e.id: e for e in catalog}
    for exercise_id in chosen(program):
        exercise = by_id[exercise_id]
        assert not categories or exercise.category in categories
        assert not regions or set(exercise.regions) & set(regions)


def test_the_command_line_takes_a_focus(capsys):
    assert main(["program", "--region", "neck", "--format", "json"]) == 0
    program = upperback.loads(capsys.readouterr().out, upperback.Program)
    assert chosen(program) == ["thoracic-stretch"]
    assert main(["program", "--category", "strenght"]) == 2
    assert "unknown category 'strenght'" in capsys.readouterr().err
