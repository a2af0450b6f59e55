"""Content translations: the content files, their loader and Catalog.localized."""

import json
import pickle
import threading
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import upperback
from upperback import (
    Catalog,
    CatalogError,
    MissingTranslationError,
    UnknownLocaleError,
    UpperbackError,
)
from upperback import _locales as locales_module
from upperback import catalog as catalog_module
from upperback._convert import _key_path

from . import strategies

FIXTURES = Path(__file__).parent / "fixtures" / "locales"
LOCALES = Path(upperback.__file__).parent / "data" / "locales"
ES = LOCALES / "es.json"


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


@pytest.fixture(scope="module")
def spanish(catalog):
    return catalog.localized("es")


@pytest.fixture(scope="module")
def clinic():
    return upperback.load_catalog(FIXTURES / "clinic.json")


class TestBundledSpanish:
    def test_translates_every_exercise_in_its_own_words(self, catalog, spanish):
        assert spanish.ids == catalog.ids
        for english, mine in zip(catalog, spanish, strict=True):
            assert mine.name != english.name
            assert mine.summary != english.summary
            assert len(mine.steps) == len(english.steps)
            assert all(a != b for a, b in zip(mine.steps, english.steps, strict=True))
            assert len(mine.cautions) == len(english.cautions)
            assert mine.aliases
            assert not set(mine.aliases) & set(english.aliases)

    def test_keeps_everything_that_is_not_words(self, catalog, spanish):
        words = {"name", "aliases", "summary", "steps", "cautions", "progressions"}
        for english, mine in zip(catalog, spanish, strict=True):
            for field in attrs.fields(type(english)):
                if field.name not in words:
                    assert getattr(mine, field.name) == getattr(english, field.name), field.name
            kept = [attrs.evolve(p, when="x") for p in mine.progressions]
            assert kept == [attrs.evolve(p, when="x") for p in english.progressions]
        assert spanish.references == catalog.references
        assert spanish.sources == catalog.sources
        assert spanish.data_version == catalog.data_version

    def test_catalog_text_is_spanish(self, catalog, spanish):
        assert spanish.locale == "es"
        assert catalog.locale == "en"
        assert spanish.disclaimer.startswith("Esta información es para enseñar")
        assert spanish.license != catalog.license
        assert "CC BY 4.0" in spanish.license
        assert len(spanish.safety) == len(catalog.safety)
        assert (
            spanish.safety[2]
            == "Si un ejercicio le duele, pare y llame a su médico o fisioterapeuta."
        )

    def test_exact_content(self, spanish):
        row = spanish["band-row"]
        assert row.name == "Ejercicio de remo"
        assert row.steps[4].text == "Doble los codos en ángulo recto (90 grados)."
        (progression,) = spanish["mid-trap-raise"].progressions
        assert progression.when == "cuando el ejercicio ya le sea fácil"
        assert progression.load is not None

    def test_metadata(self, catalog):
        data = json.loads(ES.read_text(encoding="utf-8"))
        assert data["language"] == "es"
        assert data["data_version"] == catalog.data_version
        # No clinician fluent in Spanish has reviewed it yet: the docs say so.
        assert data["reviewed"] is False
        docs = (Path(__file__).parent.parent / "docs" / "languages.md").read_text(encoding="utf-8")
        assert "not yet been reviewed" in docs

    def test_file_is_canonically_formatted_and_sorted(self):
        text = ES.read_text(encoding="utf-8")
        data = json.loads(text)
        assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for exercise in data["exercises"].values():
            assert exercise["aliases"] == sorted(exercise["aliases"])

    def test_spanish_names_and_aliases_are_searchable(self, catalog, spanish):
        found = {r.exercise.id for r in spanish.search("estiramiento") if r.score == 1.0}
        assert found == {"pectoralis-stretch", "thoracic-stretch"}
        assert upperback.load_catalog(locale="es").search("remo")[0].exercise.id == "band-row"
        (hit, *_) = spanish.search("perro de caza")
        assert (hit.exercise.id, hit.score) == ("quadruped-arm-leg-raise", 1.0)
        assert spanish.search("omóplatos")[0].exercise.id == "scapular-squeeze"
        # A catalog in one language searches its own words only.
        assert not catalog.search("estiramiento")
        assert not spanish.search("bird dog", cutoff=0.9)

    def test_filters_work_the_same(self, catalog, spanish):
        for kwargs in ({"category": "stretch"}, {"equipment": ["chair"]}, {"position": "sitting"}):
            mine = [e.id for e in spanish.filter(**kwargs)]
            assert mine == [e.id for e in catalog.filter(**kwargs)]


class TestApi:
    def test_own_language_is_the_catalog_itself(self, catalog, spanish):
        assert catalog.localized("en") is catalog
        assert spanish.localized("es") is spanish
        assert spanish.localized("en") is catalog

    def test_made_once_and_shared(self, catalog, spanish):
        assert catalog.localized("es") is spanish
        assert upperback.load_catalog(locale="es") is spanish
        assert upperback.load_catalog(locale="en") is catalog

    def test_never_changes_the_bundled_catalog(self, catalog):
        before = upperback.dumps(catalog)
        catalog.localized("es")
        assert upperback.dumps(catalog) == before
        assert catalog["band-row"].name == "Rowing exercise"

    def test_unknown_locale_lists_the_available_ones(self, catalog):
        with pytest.raises(UnknownLocaleError) as info:
            catalog.localized("fr")
        err = info.value
        assert isinstance(err, ValueError)
        assert isinstance(err, UpperbackError)
        assert err.available == upperback.available_locales()
        assert str(err) == "unknown language 'fr'; available: " + ", ".join(err.available)
        with pytest.raises(UnknownLocaleError, match=r"^unknown language 'ES'"):
            upperback.load_catalog(locale="ES")

    def test_available_locales(self):
        assert upperback.available_locales()[:1] == ("en",)
        assert "es" in upperback.available_locales()

    def test_json_round_trip(self, spanish):
        text = upperback.dumps(spanish)
        assert json.loads(text)["locale"] == "es"
        again = upperback.loads(text, Catalog)
        assert again == spanish
        assert again.locale == "es"
        assert again["band-row"].name == "Ejercicio de remo"

    def test_read_back_it_still_finds_its_english(self, catalog, spanish):
        again = upperback.loads(upperback.dumps(spanish), Catalog)
        assert again.localized("en") is catalog
        assert pickle.loads(pickle.dumps(spanish)).localized("en") is catalog  # noqa: S301

    def test_other_translated_words_cannot_be_translated_again(self, spanish):
        changed = attrs.evolve(spanish["band-row"], name="Remo con banda elástica")
        mine = attrs.evolve(spanish, exercises=(changed,))
        with pytest.raises(MissingTranslationError) as info:
            mine.localized("en")
        assert (info.value.locale, info.value.exercise_ids) == ("en", ("band-row",))

    def test_a_catalog_written_in_another_language_stays_in_it(self, clinic):
        french = attrs.evolve(clinic, locale="fr")
        assert french.localized("fr") is french
        with pytest.raises(MissingTranslationError) as info:
            french.localized("en")
        assert info.value.exercise_ids == ("chin-tuck", "head-nod")

    def test_english_json_has_no_locale_key(self, catalog):
        assert "locale" not in json.loads(upperback.dumps(catalog))

    def test_pickle_round_trip(self, spanish):
        again = pickle.loads(pickle.dumps(spanish))  # noqa: S301 - our own data
        assert again == spanish
        assert again.locale == "es"

    def test_a_language_tag_is_checked(self, catalog):
        with pytest.raises(ValueError, match="expected a language tag"):
            attrs.evolve(catalog, locale="Spanish")
        raw = json.loads(upperback.dumps(catalog))
        raw["locale"] = "es!"
        with pytest.raises(CatalogError) as info:
            upperback.loads(json.dumps(raw), Catalog)
        assert [str(p) for p in info.value.problems] == [
            "$.locale: expected a language tag such as 'es' or 'pt_BR', got 'es!'"
        ]

    def test_concurrent_first_localization_reads_once(self, monkeypatch):
        monkeypatch.setattr(catalog_module, "_bundled", None)
        monkeypatch.setattr(locales_module, "_bundled", {})
        calls = []
        real = locales_module.parse_content

        def counting(raw, source, catalog, language):
            calls.append(source)
            return real(raw, source, catalog, language)

        monkeypatch.setattr(locales_module, "parse_content", counting)
        barrier = threading.Barrier(8)
        results = []

        def load():
            barrier.wait()
            results.append(upperback.load_catalog(locale="es"))

        threads = [threading.Thread(target=load) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert calls == ["upperback/data/locales/es.json"]
        assert len(results) == 8
        assert all(result is results[0] for result in results)


class TestOtherCatalogs:
    def test_own_content_file(self, clinic):
        spanish = clinic.localized("es", content=FIXTURES / "clinic.es.json")
        assert spanish.locale == "es"
        assert spanish["chin-tuck"].steps[2].text == "Quédese así de 3 a 5 segundos."
        assert spanish["chin-tuck"].progressions[0].when == "después de 2 semanas"
        assert spanish.disclaimer == "Solo para enseñar; pregunte a su propio clínico."
        assert spanish["chin-tuck"].dosage == clinic["chin-tuck"].dosage
        assert spanish.localized("en") is clinic

    def test_bundled_content_does_not_translate_other_exercises(self, clinic):
        with pytest.raises(MissingTranslationError) as info:
            clinic.localized("es")
        err = info.value
        assert isinstance(err, LookupError)
        assert (err.locale, err.exercise_ids) == ("es", ("chin-tuck", "head-nod"))
        assert err.texts == ("disclaimer", "safety", "license")
        assert str(err).startswith(
            "no 'es' translation of exercises 'chin-tuck', 'head-nod' and of the catalog's "
            "disclaimer, safety, license;"
        )

    def test_a_changed_bundled_exercise_is_not_translated(self, catalog):
        changed = attrs.evolve(catalog["band-row"], steps=(upperback.Step("Pull the band."),))
        mine = attrs.evolve(catalog, exercises=(changed, catalog["scapular-squeeze"]))
        with pytest.raises(MissingTranslationError) as info:
            mine.localized("es")
        assert info.value.exercise_ids == ("band-row",)
        assert info.value.texts == ()

    def test_a_subset_of_the_bundled_catalog_is_translated(self, catalog, spanish):
        mine = attrs.evolve(catalog, exercises=(catalog["scapular-squeeze"],))
        (exercise,) = mine.localized("es")
        assert exercise == spanish["scapular-squeeze"]

    def test_merge_refuses_two_languages(self, catalog, spanish, clinic):
        with pytest.raises(CatalogError) as info:
            catalog.merge(clinic.localized("es", content=FIXTURES / "clinic.es.json"))
        assert [str(p) for p in info.value.problems] == [
            "$.locale: the catalog is in 'es', the one it is added to in 'en'; "
            "localize both to one language first"
        ]
        with pytest.raises(CatalogError, match=r"^invalid catalog \(1 problem\)"):
            spanish.merge(catalog)

    def test_localize_then_merge(self, spanish, clinic):
        theirs = clinic.localized("es", content=FIXTURES / "clinic.es.json")
        both = spanish.merge(theirs)
        assert both.locale == "es"
        assert len(both) == len(spanish) + 2
        assert both._origin("chin-tuck").disclaimer == theirs.disclaimer
        assert both._origin("band-row").safety == spanish.safety

    def test_a_merged_catalog_is_translated_only_where_it_can_be(self, catalog, spanish, clinic):
        with pytest.raises(MissingTranslationError) as info:
            catalog.merge(clinic).localized("es")
        assert info.value.exercise_ids == ("chin-tuck", "head-nod")
        # A merge of bundled parts keeps each part's safety text, translated.
        first = attrs.evolve(catalog, exercises=(catalog["band-row"],))
        second = attrs.evolve(catalog, exercises=(catalog["scapular-squeeze"],))
        both = first.merge(second).localized("es")
        assert both._origin("scapular-squeeze").safety == spanish.safety
        assert both._origin("band-row").disclaimer == spanish.disclaimer


BAD = {
    "counts.json": [
        "$.safety: expected 2 safety lines, as in the catalog, got 1",
        '$.exercises["chin-tuck"].steps: expected 3 steps, as in the catalog, got 2',
        '$.exercises["chin-tuck"].cautions: expected 1 caution, as in the catalog, got 2',
        '$.exercises["chin-tuck"].progressions: expected 1 progression, as in the catalog, got 0',
    ],
    "coverage.json": [
        "$.language: expected 'es', the file's language, got 'pt'",
        "$.data_version: expected 'clinic-2', the version of the catalog it translates, "
        "got 'clinic-1'",
        "$.exercises: no translation of exercise 'head-nod'",
        "$.exercises[\"head-nods\"]: unknown exercise 'head-nods'; did you mean 'head-nod'?",
    ],
    "fields.json": [
        "$.reviewed: expected true or false, got 'no'",
        '$.exercises["chin-tuck"].summary: required key missing',
        '$.exercises["chin-tuck"].dosage: unexpected key',
        '$.exercises["head-nod"].steps[1]: expected a step as text, got 2',
        "$.colour: unexpected key",
        "$.language: expected a language tag such as 'es' or 'pt_BR', got 'Spanish'",
    ],
    "names.json": [
        "$.exercises[\"head-nod\"].name: 'Retracción del cuello' already names exercise "
        "'chin-tuck'",
        "$.exercises[\"head-nod\"].aliases[0]: 'METER EL MENTON' already names exercise "
        "'chin-tuck'",
    ],
    "numbers.json": [
        "$.safety[0]: expected the numbers of the original text (2), got none",
        '$.exercises["chin-tuck"].steps[2]: expected the numbers of the original text (3, 5), '
        "got 3, 50",
        '$.exercises["chin-tuck"].progressions[0].when: expected the numbers of the original '
        "text (2), got 3",
        '$.exercises["head-nod"].summary: expected the numbers of the original text (none), got 5',
        '$.exercises["head-nod"].steps[0]: expected the numbers of the original text (1), got none',
    ],
    "syntax.json": ["$: invalid JSON at line 3, column 15: Expecting value"],
    "text.json": [
        "$.disclaimer: expected visible text, got an invisible or control character (U+000A) "
        "at position 18",
        '$.exercises["chin-tuck"].steps[0].text: expected visible text, got an invisible or '
        "control character (U+001B) at position 8",
        '$.exercises["chin-tuck"].aliases[0]: expected visible text, got an invisible or '
        "control character (U+200B ZERO WIDTH SPACE) at position 10",
        '$.exercises["head-nod"].name: expected text, got an empty string',
    ],
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_content_file_reports_every_problem(clinic, name):
    path = FIXTURES / "bad" / name
    with pytest.raises(CatalogError) as info:
        clinic.localized("es", content=path)
    err = info.value
    assert err.source == str(path)
    assert [str(p) for p in err.problems] == BAD[name]
    count = len(BAD[name])
    noun = "problem" if count == 1 else "problems"
    assert str(err).splitlines()[0] == f"invalid catalog in {str(path)!r} ({count} {noun}):"


def test_every_bad_content_fixture_is_tested():
    assert sorted(p.name for p in (FIXTURES / "bad").glob("*.json")) == sorted(BAD)


def test_a_bad_bundled_file_fails_with_its_path(catalog, tmp_path):
    # The bundled file goes through the same loader: break a copy and read it.
    data = json.loads(ES.read_text(encoding="utf-8"))
    data["exercises"]["band-row"]["steps"][4] = "Doble los codos en ángulo recto (9 grados)."
    del data["exercises"]["thoracic-stretch"]
    broken = tmp_path / "es.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        locales_module.parse_content(
            broken.read_bytes(), "upperback/data/locales/es.json", catalog, "es"
        )
    assert [str(p) for p in info.value.problems] == [
        "$.exercises: no translation of exercise 'thoracic-stretch'",
        '$.exercises["band-row"].steps[4]: expected the numbers of the original text (90), got 9',
    ]
    assert info.value.source == "upperback/data/locales/es.json"


def test_every_available_language_has_content_and_phrases():
    """A language is whole: its exercises and its interface phrases."""
    missing = [
        lang
        for lang in upperback.available_locales()[1:]
        if not (LOCALES / f"{lang}.json").is_file()
        or not (LOCALES / lang / "LC_MESSAGES" / "upperback.mo").is_file()
    ]
    assert missing == []


# -- properties over random catalogs ------------------------------------------

#: Each example writes and loads a file: a quarter of the profile's examples
#: (at most 50) find the same bugs in a quarter of the time.
FEWER = settings(max_examples=max(10, min(50, settings.default.max_examples // 4)))


@FEWER
@given(st.data())
def test_any_catalog_with_a_matching_content_file_is_localized(tmp_path_factory, data):
    english = data.draw(strategies.catalogs())
    content = data.draw(strategies.content_files(english))
    path = tmp_path_factory.mktemp("l") / "catalog.es.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    spanish = english.localized("es", content=path)
    assert spanish.locale == "es"
    assert spanish.ids == english.ids
    for mine, theirs in zip(spanish, english, strict=True):
        text = content["exercises"][mine.id]
        assert (mine.name, mine.summary) == (text["name"], text["summary"])
        assert [s.text for s in mine.steps] == text["steps"]
        assert (mine.dosage, mine.figure, mine.references) == (
            theirs.dosage,
            theirs.figure,
            theirs.references,
        )
    assert list(spanish.safety) == content["safety"]
    assert upperback.loads(upperback.dumps(spanish), Catalog) == spanish
    assert spanish.localized("en") is english


@FEWER
@given(st.data())
def test_a_damaged_content_file_is_refused_with_a_path(tmp_path_factory, data):
    english = data.draw(strategies.catalogs())
    content = data.draw(strategies.content_files(english))
    exercise = data.draw(st.sampled_from(english.exercises))
    text = content["exercises"][exercise.id]
    damage = data.draw(
        st.sampled_from(["drop-step", "add-step", "change-number", "forget", "unknown-field"])
    )
    where = _key_path("$.exercises", exercise.id)
    if damage == "drop-step" and len(text["steps"]) > 1:
        text["steps"].pop()
        where += ".steps"
    elif damage in {"add-step", "drop-step"}:
        text["steps"].append("Uno más.")
        where += ".steps"
    elif damage == "change-number":
        text["steps"][0] += " 1000"
        where += ".steps[0]"
    elif damage == "forget":
        del content["exercises"][exercise.id]
        where = "$.exercises"
    else:
        text["dosage"] = 3
        where += ".dosage"
    path = tmp_path_factory.mktemp("l") / "catalog.es.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        english.localized("es", content=path)
    assert where in [p.path for p in info.value.problems]


# -- the JSON Schema of content files -----------------------------------------

CONTENT = jsonschema.Draft202012Validator(upperback.json_schema("content"))


def test_the_bundled_content_files_validate():
    for path in sorted(LOCALES.glob("*.json")):
        CONTENT.validate(json.loads(path.read_text(encoding="utf-8")))


@FEWER
@given(st.data())
def test_random_content_files_validate(data):
    CONTENT.validate(data.draw(strategies.content_files(data.draw(strategies.catalogs()))))


#: The bad fixtures whose problems are in the file alone, which the schema sees too.
STRUCTURAL = {"fields.json", "text.json"}


@pytest.mark.parametrize("name", sorted(set(BAD) - {"syntax.json"}))
def test_the_schema_sees_structure_and_the_loader_sees_meaning(name):
    data = json.loads((FIXTURES / "bad" / name).read_text(encoding="utf-8"))
    assert CONTENT.is_valid(data) is (name not in STRUCTURAL)


@pytest.mark.parametrize(
    ("definition", "cls"),
    [
        (None, locales_module.CatalogText),
        ("exerciseText", locales_module.ExerciseText),
        ("progressionText", locales_module.ProgressionText),
    ],
)
def test_the_content_schema_matches_the_model(definition, cls):
    root = upperback.json_schema("content")
    node = root if definition is None else root["$defs"][definition]
    fields = attrs.fields(cls)
    assert set(node["properties"]) == {f.name for f in fields}
    assert set(node["required"]) == {f.name for f in fields if f.default is attrs.NOTHING}
    assert node["additionalProperties"] is False


def test_dumps_reproduces_the_bundled_content_file():
    content = locales_module.bundled_content("es", upperback.load_catalog())
    assert upperback.dumps(content) == ES.read_text(encoding="utf-8")
