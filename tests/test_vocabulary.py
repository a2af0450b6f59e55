"""Clinics' own catalogs: declared terms, missing dosages, extras and evidence after a merge."""

import copy
import json
import pickle

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import (
    DEFAULT_EQUIPMENT,
    Catalog,
    CatalogError,
    Category,
    Dosage,
    Equipment,
    Extra,
    InvalidConstraintError,
    NoEligibleExercisesError,
    OmissionReason,
    Position,
    Program,
    Region,
    Requirement,
    UnknownVocabularyError,
    Vocabulary,
    build_program,
    ladder,
    load_catalog,
    render,
    to_fhir,
)
from upperback.model import MAX_EXTRA_DEPTH, FieldError

from . import strategies
from .linear import assert_linear

BUNDLED = json.loads(upperback.dumps(load_catalog()))


def document(**changes):
    """A copy of the bundled catalog file with *changes* at the top level."""
    doc = copy.deepcopy(BUNDLED)
    doc.update(changes)
    return doc


def load(doc):
    return upperback.loads(json.dumps(doc), Catalog)


def problems(doc):
    with pytest.raises(CatalogError) as caught:
        load(doc)
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


BARBELL = {"id": "barbell", "label": "a barbell", "labels": {"es": "una barra"}}


def with_barbell_row():
    """The bundled file, with the band row done with a barbell."""
    doc = document(vocabulary={"equipment": [BARBELL]})
    row = next(e for e in doc["exercises"] if e["id"] == "band-row")
    row["equipment"] = [{"any_of": ["barbell"]}]
    return doc


# -- terms --------------------------------------------------------------------


def test_a_custom_term_is_a_value_of_the_built_in_type():
    barbell = Equipment.custom("barbell", "a barbell", labels={"es": "una barra"})
    assert isinstance(barbell, Equipment)
    assert barbell == "barbell"
    assert barbell.value == "barbell"
    assert barbell.label == "a barbell"
    assert dict(barbell.labels) == {"es": "una barra"}
    assert barbell.is_custom
    assert not Equipment.WALL.is_custom
    assert barbell not in list(Equipment)  # the built-in list stays built in
    assert Equipment.custom("foam-roll").label == "foam roll"


def test_a_custom_term_survives_pickle_and_copy():
    plyo = Category.custom("plyometrics", "jumping work", labels={"es": "saltos"}, warm_up=True)
    for again in (pickle.loads(pickle.dumps(plyo)), copy.deepcopy(plyo), copy.copy(plyo)):  # noqa: S301 - our own bytes
        assert again == plyo
        assert again.label == "jumping work"
        assert dict(again.labels) == {"es": "saltos"}
        assert again.warm_up


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": "wall"}, "'wall' is a built-in equipment; use it without declaring it"),
        ({"id": "Barbell"}, "expected a slug of lowercase letters, digits and hyphens"),
        ({"id": "barbell", "label": " "}, "expected words for a handout"),
        ({"id": "barbell", "label": "a\x1b[2Jbar"}, "expected visible text"),
        ({"id": "barbell", "labels": {"spanish": "barra"}}, "expected a language tag"),
    ],
)
def test_a_bad_custom_term_is_refused_with_a_clear_error(kwargs, message):
    with pytest.raises(FieldError, match="^" + message.replace("[", r"\[").replace("(", r"\(")):
        Equipment.custom(**kwargs)


def test_built_in_categories_say_which_are_warm_up():
    assert {c for c in Category if c.warm_up} == {Category.STRETCH, Category.MOBILITY}
    assert not Category.custom("plyometrics").warm_up


def test_constructors_know_only_built_in_slugs_and_say_how_to_add_one():
    with pytest.raises(UnknownVocabularyError) as caught:
        Requirement(any_of=("barbel",))
    assert caught.value.kind == "equipment"
    assert "barbell" not in caught.value.valid
    assert Requirement(any_of=(Equipment.custom("barbell"),)).describe() == "barbell"


# -- the vocabulary section of a catalog file ---------------------------------


def test_a_catalog_file_declares_its_own_terms():
    catalog = load(with_barbell_row())
    row = catalog["band-row"]
    (barbell,) = row.equipment[0].any_of
    assert barbell.is_custom
    assert barbell.label == "a barbell"
    assert row.equipment[0].describe() == "a barbell"
    assert catalog.vocabulary.equipment == (barbell,)
    assert catalog.term(Equipment, "barbell")._declaration() == barbell._declaration()
    assert row in catalog.filter(equipment=["barbell"])
    assert row not in catalog.filter(equipment=[e for e in Equipment if e != "unknown"])


def test_an_undeclared_term_is_refused_with_its_path_and_a_suggestion():
    doc = with_barbell_row()
    row = next(i for i, e in enumerate(doc["exercises"]) if e["id"] == "band-row")
    doc["exercises"][row]["equipment"] = [{"any_of": ["barbel"]}]
    (problem,) = problems(doc)
    assert problem.startswith(
        f"$.exercises[{row}].equipment[0].any_of[0]: unknown equipment 'barbel' "
        "(did you mean 'barbell'?)"
    )
    assert problem.endswith("small-weights, unknown, barbell")


def test_mistakes_in_the_vocabulary_section_are_reported_with_paths():
    doc = document(
        vocabulary={
            "equipment": [BARBELL, {"id": "wall", "label": "a wall"}, BARBELL],
            "positions": [{"label": "kneeling"}],
            "regions": "quads",
            "categories": [{"id": "plyo", "label": "jumps", "warm_up": "yes"}],
            "moods": [],
        }
    )
    assert sorted(problems(doc)) == [
        "$.vocabulary.categories[0].warm_up: expected true or false, got 'yes'",
        "$.vocabulary.equipment[1].id: 'wall' is a built-in equipment; use it without declaring it",
        "$.vocabulary.moods: unexpected key",
        "$.vocabulary.positions[0].id: required key missing",
        "$.vocabulary.regions: expected a list, got 'quads'",
    ]


def test_an_id_declared_twice_is_refused():
    assert problems(document(vocabulary={"equipment": [BARBELL, BARBELL]})) == [
        "$.vocabulary.equipment: expected each id once, got 'barbell' twice"
    ]


def test_a_catalog_built_in_python_must_declare_its_terms():
    catalog = load_catalog()
    barbell = Equipment.custom("barbell", "a barbell")
    row = attrs.evolve(catalog["band-row"], equipment=(Requirement((barbell,)),))
    others = tuple(e for e in catalog if e.id != "band-row")
    with pytest.raises(CatalogError, match="equipment 'barbell' is not built in and not declared"):
        attrs.evolve(catalog, exercises=(*others, row))
    declared = attrs.evolve(
        catalog, exercises=(*others, row), vocabulary=Vocabulary(equipment=(barbell,))
    )
    assert declared["band-row"].needs == {barbell}
    with pytest.raises(CatalogError, match="differs from its declaration"):
        attrs.evolve(
            declared,
            vocabulary=Vocabulary(equipment=(Equipment.custom("barbell", "a long bar"),)),
        )


def test_a_declared_category_says_where_it_goes_in_a_session():
    doc = document(
        vocabulary={
            "categories": [
                {"id": "breathing", "label": "breathing work", "warm_up": True},
                {"id": "posture", "label": "posture work", "warm_up": False},
            ]
        }
    )
    by_id = {e["id"]: e for e in doc["exercises"]}
    by_id["scapular-squeeze"]["category"] = "breathing"  # was main work
    by_id["thoracic-stretch"]["category"] = "posture"  # was warm-up
    catalog = load(doc)
    program = build_program(catalog=catalog, equipment=EVERYTHING, minutes_per_session=240)
    order = [item.exercise for item in program.weeks[0].items]
    assert order.index("scapular-squeeze") < order.index("band-row")
    assert order.index("thoracic-stretch") > order.index("arm-slide-on-wall")


def test_a_declared_term_is_never_assumed():
    catalog = load(with_barbell_row())
    assert not any(e.is_custom for e in DEFAULT_EQUIPMENT)
    program = build_program(catalog=catalog, minutes_per_session=240)
    out = {o.exercise: o for o in program.omitted}
    assert out["band-row"].reason is OmissionReason.MISSING_EQUIPMENT
    assert out["band-row"].detail == "it needs a barbell"
    asked = build_program(
        catalog=catalog, equipment=[*DEFAULT_EQUIPMENT, "barbell"], minutes_per_session=240
    )
    assert "band-row" in asked.exercise_ids
    assert asked.request.equipment[-1].label == "a barbell"


def test_a_program_with_declared_terms_loads_back_against_its_catalog():
    catalog = load(with_barbell_row())
    program = build_program(catalog=catalog, equipment=["barbell"], minutes_per_session=240)
    text = upperback.dumps(program)
    with pytest.raises(upperback.DataError, match="unknown equipment 'barbell'"):
        upperback.loads(text, Program)
    assert upperback.loads(text, Program, catalog=catalog) == program


# -- merging ----------------------------------------------------------------


def clinic(title="Clinic plan", **vocabulary):
    """A small user catalog of its own: one exercise, its own evidence."""
    return load(
        {
            "data_version": "clinic-1",
            "disclaimer": "Clinic disclaimer: ask us first.",
            "license": "Clinic license.",
            "safety": ["Clinic safety: stop if it hurts."],
            "sources": [
                {
                    "title": "Clinic notes",
                    "developer": "Clinic",
                    "publisher": "Clinic",
                    "year": 2026,
                }
            ],
            "title": title,
            "vocabulary": vocabulary,
            "extra": {"clinic": {"id": 7}},
            "exercises": [
                {
                    "id": "barbell-shrug",
                    "name": "Barbell shrug",
                    "summary": "Works the top of your shoulders.",
                    "category": "strengthening",
                    "positions": ["standing"],
                    "steps": ["Hold the bar.", "Lift your shoulders."],
                    "dosage": {"reps": 10, "sets": 2},
                    "equipment": [{"any_of": ["barbell"]}],
                    "extra": {"level": "beginner", "images": ["shrug/0.jpg"]},
                }
            ],
        }
    )


def test_merge_joins_vocabularies_and_refuses_a_term_declared_differently():
    bundled = load_catalog()
    merged = bundled.merge(clinic(equipment=[BARBELL]))
    assert merged.term(Equipment, "barbell").label == "a barbell"
    same = merged.merge(
        attrs.evolve(
            clinic(equipment=[BARBELL]),
            exercises=(),
            data_version="clinic-2",
        )
    )
    assert same.vocabulary == merged.vocabulary
    other = clinic(equipment=[{"id": "barbell", "label": "a long bar"}])
    other = attrs.evolve(other, exercises=())
    with pytest.raises(CatalogError) as caught:
        merged.merge(other)
    assert [str(p) for p in caught.value.problems] == [
        "$.vocabulary.equipment[0]: equipment 'barbell' is declared differently "
        "in the catalog it is added to"
    ]


def test_a_merged_handout_shows_only_its_own_exercises_evidence():
    bundled = load_catalog()
    merged = bundled.merge(clinic(equipment=[BARBELL]))
    program = build_program(
        catalog=merged, equipment=["barbell"], include=["barbell-shrug"], minutes_per_session=5
    )
    assert program.exercise_ids == ("barbell-shrug",)
    text = render(program, "text", catalog=merged)
    assert "Clinic plan" in text
    assert "Clinic disclaimer: ask us first." in text
    assert "Clinic safety: stop if it hurts." in text
    assert "Clinic notes" in text
    assert bundled.disclaimer not in text
    assert not any(line in text for line in bundled.safety)
    assert not any(r.title in text for r in bundled.references)
    assert "RelayHealth" not in text
    bundle = json.dumps(to_fhir(program, catalog=merged))
    assert "Clinic disclaimer" in bundle
    assert bundled.disclaimer not in bundle
    assert "Pesco" not in bundle
    assert "RelayHealth" not in bundle
    assert "Clinic license." in bundle
    assert bundled.license not in bundle


def test_a_bundled_handout_after_a_merge_keeps_the_bundled_evidence_only():
    bundled = load_catalog()
    merged = bundled.merge(clinic(equipment=[BARBELL]))
    text = render(build_program(catalog=merged), "text", catalog=merged)
    assert bundled.disclaimer in text
    assert "Clinic" not in text
    assert "Your upper back exercise plan" in text


# -- dosage "not given" -------------------------------------------------------


EVERYTHING = [e for e in Equipment if e is not Equipment.UNKNOWN]


def without_dosage(exercise_id):
    doc = copy.deepcopy(BUNDLED)
    for exercise in doc["exercises"]:
        if exercise["id"] == exercise_id:
            exercise["dosage"] = None
            exercise["progressions"] = [
                p for p in exercise.get("progressions", []) if p["kind"] == "next-exercise"
            ]
    return load(doc)


def test_the_bundled_catalog_gives_every_dosage():
    assert all(exercise.dosage is not None for exercise in load_catalog())
    assert all(exercise["dosage"] is not None for exercise in BUNDLED["exercises"])


def test_an_exercise_without_a_dosage_is_never_prescribed():
    catalog = without_dosage("band-row")
    program = build_program(catalog=catalog, minutes_per_session=240, equipment=EVERYTHING)
    assert "band-row" not in program.exercise_ids
    out = {o.exercise: o for o in program.omitted}
    assert out["band-row"].reason is OmissionReason.NO_DOSAGE
    assert out["band-row"].detail == "its catalog does not say how much to do; ask your provider"
    with pytest.raises(InvalidConstraintError, match="has no dosage"):
        ladder(catalog["band-row"])


def test_a_dosage_the_caller_supplies_is_used_and_kept_in_the_request():
    catalog = without_dosage("band-row")
    given = Dosage(reps=upperback.Range(8, 10), sets=2)
    program = build_program(
        catalog=catalog,
        dosages={"band-row": given},
        include=["band-row"],
        equipment=EVERYTHING,
        minutes_per_session=240,
    )
    assert "band-row" in program.exercise_ids
    assert program.request.dosages[0].exercise == "band-row"
    weekly = [i.dosage for w in program.weeks for i in w.items if i.exercise == "band-row"]
    assert weekly[0].reps.low == 8
    assert weekly[-1].reps.high == 10
    assert upperback.loads(upperback.dumps(program), Program) == program


def test_a_dosage_may_be_supplied_only_where_the_catalog_gives_none():
    with pytest.raises(InvalidConstraintError, match="has its own dosage in its catalog"):
        build_program(dosages={"band-row": load_catalog()["band-row"].dosage})
    with pytest.raises(InvalidConstraintError, match="no exercise with id 'no-such'"):
        build_program(dosages={"no-such": load_catalog()["band-row"].dosage})


def test_only_exercises_without_a_dosage_leave_nothing_to_build():
    doc = copy.deepcopy(BUNDLED)
    for exercise in doc["exercises"]:
        exercise["dosage"] = None
        exercise["progressions"] = []
    with pytest.raises(NoEligibleExercisesError) as caught:
        build_program(catalog=load(doc), equipment=None)
    assert {o.reason for o in caught.value.omitted} >= {OmissionReason.NO_DOSAGE}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_handout_of_an_exercise_without_a_dosage_says_to_ask_the_provider(fmt):
    catalog = without_dosage("band-row")
    out = render(catalog["band-row"], fmt, catalog=catalog)
    assert "Ask your provider how much to do." in out


def test_a_fhir_export_of_an_exercise_without_a_dosage_invents_none():
    catalog = without_dosage("band-row")
    activity = to_fhir(catalog["band-row"], catalog=catalog)
    assert activity["dosage"] == [
        {"text": "Not given in the catalog: ask your provider how much to do."}
    ]


# -- extras -------------------------------------------------------------------


def test_extras_are_immutable_json():
    extra = Extra.of({"level": "beginner", "images": ["a.jpg", {"w": 2}], "n": None})
    assert extra["images"] == ("a.jpg", Extra.of({"w": 2}))
    assert extra.to_json() == {"level": "beginner", "images": ["a.jpg", {"w": 2}], "n": None}
    with pytest.raises(TypeError):
        extra["level"] = "expert"  # type: ignore[index]
    assert hash(extra) == hash(Extra.of(extra.to_json()))
    assert pickle.loads(pickle.dumps(extra)) == extra  # noqa: S301 - our own bytes


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"x": float("nan")}, "x: expected a JSON number, got NaN or infinity"),
        ({"x": {1, 2}}, "x: expected a JSON value, got set"),
        ({"x": "\ud800"}, "x: expected text, got a lone surrogate"),
        ({1: "one"}, "expected text keys, got int"),
    ],
)
def test_extras_refuse_what_is_not_json(value, message):
    with pytest.raises(FieldError) as caught:
        Extra.of(value)
    assert f"{caught.value.field}: {caught.value}".endswith(message) or str(caught.value) in message


def test_extras_nest_only_so_deep():
    deep: object = "bottom"
    for _ in range(MAX_EXTRA_DEPTH + 1):
        deep = [deep]
    doc = document(extra={"deep": deep})
    (problem,) = problems(doc)
    assert problem.startswith("$.extra.deep[0][0]")
    assert problem.endswith(f"expected at most {MAX_EXTRA_DEPTH} levels of nesting")


@given(strategies.extras)
def test_every_extra_survives_load_save_and_merge(extra):
    doc = document(extra=extra)
    doc["exercises"][0]["extra"] = extra
    catalog = load(doc)
    assert catalog.extra.to_json() == extra
    assert catalog.exercises[0].extra.to_json() == extra
    again = upperback.loads(upperback.dumps(catalog), Catalog)
    assert again.exercises[0].extra.to_json() == extra
    assert json.loads(upperback.dumps(again)).get("extra", {}) == json.loads(json.dumps(extra))
    merged = clinic(equipment=[BARBELL]).merge(attrs.evolve(catalog, vocabulary=Vocabulary()))
    assert merged[catalog.exercises[0].id].extra == catalog.exercises[0].extra


# -- properties over random declared vocabularies ----------------------------


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(strategies.catalogs())
def test_random_catalogs_with_their_own_terms_round_trip(catalog):
    text = upperback.dumps(catalog)
    again = upperback.loads(text, Catalog)
    assert again == catalog
    assert upperback.dumps(again) == text
    for kind in (Equipment, Position, Region, Category):
        assert [t._declaration() for t in again.vocabulary.terms(kind)] == [
            t._declaration() for t in catalog.vocabulary.terms(kind)
        ]
    assert pickle.loads(pickle.dumps(catalog)) == catalog  # noqa: S301 - our own bytes


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), strategies.catalogs())
def test_no_program_needs_what_the_person_lacks_or_invents_a_dosage(data, catalog):
    terms = [
        *(e for e in Equipment if e is not Equipment.UNKNOWN),
        *catalog.vocabulary.equipment,
    ]
    have = data.draw(st.lists(st.sampled_from(terms), unique=True))
    focus = data.draw(
        st.lists(st.sampled_from([*Region, *catalog.vocabulary.regions]), unique=True, max_size=2)
    )
    try:
        program = build_program(
            catalog=catalog, equipment=have, regions=focus, minutes_per_session=240
        )
    except NoEligibleExercisesError as err:
        left_out = {o.exercise for o in err.omitted}
        assert left_out == set(catalog.ids)
        return
    for exercise_id in program.exercise_ids:
        exercise = catalog[exercise_id]
        assert exercise.dosage is not None
        assert all(req.is_met_by(have) for req in exercise.equipment)
        assert not focus or set(exercise.regions) & set(focus)
    for exercise in catalog:
        if exercise.dosage is None:
            assert exercise.id not in program.exercise_ids
    session = [catalog[i].category.warm_up for i in program.exercise_ids]
    assert session == sorted(session, reverse=True)  # warm-up work first


# -- the CLI ------------------------------------------------------------------


def test_the_cli_takes_a_catalogs_own_terms(tmp_path, capsys):
    from upperback.cli import main  # noqa: PLC0415 - only this test runs the CLI

    path = tmp_path / "clinic.json"
    path.write_text(upperback.dumps(clinic(equipment=[BARBELL])), encoding="utf-8")
    args = ["--catalog", str(path), "program", "--equipment", "barbell", "--format", "json"]
    assert main([*args, "--minutes", "60", "--category", "strengthening"]) == 0
    program = upperback.loads(capsys.readouterr().out, Program, catalog=clinic(equipment=[BARBELL]))
    assert "barbell-shrug" in program.exercise_ids
    assert main(["--catalog", str(path), "program", "--equipment", "barbel"]) == 2
    err = capsys.readouterr().err
    assert "unknown equipment 'barbel' (did you mean 'barbell'?)" in err
    assert len(err.strip().splitlines()) == 1


def test_a_declared_term_speaks_the_language_it_has_words_for():
    barbell = Equipment.custom("barbell", "a barbell", labels={"es": "una barra"})
    assert barbell.describe() == "a barbell"
    assert barbell.describe(locale="es") == "una barra"
    assert Requirement((barbell,)).describe(locale="es") == "una barra"
    assert Equipment.custom("kettlebell", "a kettlebell").describe(locale="es") == "a kettlebell"
    assert Equipment.WALL.label == Equipment.WALL.describe()


def test_nothing_fits_in_a_big_catalog_is_said_briefly(tmp_path, capsys):
    from upperback.cli import main  # noqa: PLC0415 - only this test runs the CLI

    doc = copy.deepcopy(BUNDLED)
    template = next(e for e in doc["exercises"] if e["id"] == "band-row")
    doc["exercises"] = [
        {**copy.deepcopy(template), "id": f"row-{i}", "name": f"Row {i}", "aliases": []}
        for i in range(60)
    ]
    catalog = load(doc)
    with pytest.raises(NoEligibleExercisesError) as caught:
        build_program(catalog=catalog, equipment=[])
    assert len(caught.value.omitted) == 60  # the error holds them all
    message = str(caught.value)
    assert "row-19:" in message
    assert "row-20:" not in message
    assert message.endswith("... and 40 more (see the error's omitted attribute)")
    path = tmp_path / "rows.json"
    path.write_text(upperback.dumps(catalog), encoding="utf-8")
    args = ["--catalog", str(path), "program", "--equipment", "none"]
    assert main([*args, "--exclude", "scapular-squeeze"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert len(err) < 400
    assert err.rstrip().endswith("(and 65 more)")  # 60 rows and 8 bundled, 3 shown


def test_a_catalog_that_names_its_handouts_does_not_claim_the_upper_back_purpose():
    merged = load_catalog().merge(clinic(equipment=[BARBELL]))
    own = build_program(
        catalog=merged, equipment=["barbell"], include=["barbell-shrug"], minutes_per_session=5
    )
    assert "help your upper back" not in render(own, "text", catalog=merged)
    bundled = render(build_program(), "text")
    assert "What it is for: exercises to help your upper back heal." in bundled


# -- issue 18: many declared terms ----------------------------------------------------------


def _with_terms(count):
    terms = tuple(Equipment.custom(f"kit-{i}", f"kit number {i}") for i in range(count))
    return attrs.evolve(load_catalog(), vocabulary=Vocabulary(equipment=terms))


def test_18_term_finds_each_of_many_declared_terms_in_linear_time():
    def look_up_all(catalog):
        for _ in range(3):
            for i in range(len(catalog.vocabulary.equipment)):
                assert catalog.term(Equipment, f"kit-{i}").label == f"kit number {i}"

    assert_linear(_with_terms, look_up_all, 3_000)


def test_18_an_unknown_term_among_thousands_has_a_short_message():
    catalog = _with_terms(10_000)
    with pytest.raises(upperback.UnknownVocabularyError) as info:
        catalog.term(Equipment, "kit-x")
    message = str(info.value)
    assert len(message) < 1_000
    assert message.startswith("unknown equipment 'kit-x'")
    assert message.endswith("more (the error's valid attribute holds them all)")
    # Every term a person may name: the declared ones and the built-in ones but "unknown".
    assert len(info.value.valid) == len(Equipment) - 1 + 10_000


def test_18_a_long_slug_is_cut_in_the_message():
    catalog = attrs.evolve(
        load_catalog(), vocabulary=Vocabulary(equipment=(Equipment.custom("k" * 5_000),))
    )
    with pytest.raises(upperback.UnknownVocabularyError) as info:
        catalog.term(Equipment, "x" * 5_000)
    assert len(str(info.value)) < 1_000
    for locale in ("en", "es"):
        assert len(info.value.errors(locale=locale)[0]["msg"]) < 1_000


@pytest.mark.parametrize(
    ("locale", "more"), [("en", "and {count} more."), ("es", "y {count} más.")]
)
def test_18_an_unknown_term_among_thousands_is_short_for_a_person_too(locale, more):
    # errors() is what a web app sends back: its msg listed every term, 99 KB.
    catalog = _with_terms(10_000)
    with pytest.raises(upperback.UnknownVocabularyError) as info:
        catalog.term(Equipment, "kit-x")
    message = info.value.errors(locale=locale)[0]["msg"]
    assert len(message) < 1_000
    shown = info.value.valid[: upperback.exceptions.MAX_LISTED_TERMS]
    assert ", ".join(shown) in message
    assert message.endswith(more.format(count=len(info.value.valid) - len(shown)))
