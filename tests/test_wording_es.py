"""Plain Spanish: the translated content is held to the care of the English.

Readability is the Fernandez Huerta score (Flesch's reading ease refitted
for Spanish), computed by textstat with its Spanish syllable counts, which
come from pyphen's bundled dictionaries: nothing is downloaded. 100 is very
easy, 80 to 90 "easy" (about a 6th-grade text), 60 to 70 "normal".
"""

import re

import pytest
import textstat

import upperback

ENGLISH = upperback.load_catalog()
SPANISH = upperback.load_catalog(locale="es")
STEPS = [(e.id, str(step)) for e in SPANISH for step in e.steps]
SUMMARIES = [(e.id, e.summary) for e in SPANISH]

#: Each step and each summary scores at least this: "easy".
EASY = 80
#: All of the steps and summaries together score at least this.
EASY_OVERALL = 85


def fernandez_huerta(text: str) -> float:
    textstat.set_lang("es")
    return float(textstat.fernandez_huerta(text))


def test_the_score_tells_easy_from_hard():
    assert fernandez_huerta("Doble los codos.") > 90
    assert (
        fernandez_huerta(
            "La consolidación de intervenciones terapéuticas multidisciplinarias "
            "proporciona resultados estadísticamente significativos."
        )
        < 0
    )


@pytest.mark.parametrize(("exercise_id", "text"), STEPS + SUMMARIES)
def test_each_step_and_summary_is_easy(exercise_id, text):
    assert fernandez_huerta(text) >= EASY, (exercise_id, text)


def test_the_whole_text_is_easy():
    text = " ".join(text for _, text in STEPS + SUMMARIES)
    assert fernandez_huerta(text) >= EASY_OVERALL


@pytest.mark.parametrize(
    "text",
    [
        " ".join(SPANISH.safety),
        " ".join(c for e in SPANISH for c in e.cautions),
        SPANISH.disclaimer,
    ],
    ids=["safety", "cautions", "disclaimer"],
)
def test_everything_else_a_patient_reads_is_easy(text):
    assert fernandez_huerta(text) >= EASY


@pytest.mark.parametrize(("exercise_id", "step"), STEPS)
def test_each_step_is_a_short_sentence(exercise_id, step):
    assert step[0].isupper(), exercise_id
    assert step.endswith("."), exercise_id
    assert len(step.split()) <= 18, exercise_id


def patient_text(catalog):
    yield catalog.disclaimer
    yield catalog.license
    yield from catalog.safety
    for exercise in catalog:
        yield exercise.name
        yield exercise.summary
        yield from exercise.aliases
        yield from (step.text for step in exercise.steps)
        yield from exercise.cautions
        yield from (progression.when for progression in exercise.progressions)


def words(catalog):
    return {word for text in patient_text(catalog) for word in re.findall(r"[^\W\d_]+", text)}


def test_usted_throughout():
    """Patients are addressed as usted, never with the familiar tu."""
    familiar = {"tu", "tus", "te", "ti", "contigo", "tú"}
    assert not {w.casefold() for w in words(SPANISH)} & familiar


def test_no_english_word_is_left():
    # "a" and "use" are Spanish words too, "CC BY" names the license, "T"
    # is the shape of the arms, and upperback is our name.
    shared = {"a", "use", "cc", "by", "t", "upperback"}
    english = {w.casefold() for w in words(ENGLISH)} - shared
    assert not {w.casefold() for w in words(SPANISH)} & english


def test_no_step_repeats_the_english():
    for english, spanish in zip(ENGLISH, SPANISH, strict=True):
        assert not set(map(str, english.steps)) & set(map(str, spanish.steps)), english.id
