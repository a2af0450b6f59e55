"""Plain language: patients read the steps, so the words are checked too.

The Flesch-Kincaid grade is computed here with a simple syllable count
(vowel groups, less a silent final "e"). textstat would do it better but
downloads its dictionary at run time, which our machines cannot.
"""

import re

import pytest

import upperback

CATALOG = upperback.load_catalog()
STEPS = [(e.id, str(step)) for e in CATALOG for step in e.steps]


def syllables(word: str) -> int:
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def grade(text: str) -> float:
    sentences = max(len(re.findall(r"[.!?]+", text)), 1)
    words = re.findall(r"[A-Za-z]+", text)
    return (
        0.39 * len(words) / sentences + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59
    )


def test_syllable_counter_is_sane():
    assert [syllables(w) for w in ["arm", "table", "shoulder", "slide", "exercise"]] == [
        1,
        2,
        2,
        1,
        3,
    ]


def test_grade_of_known_texts():
    assert grade("The cat sat on the mat.") < 1
    assert (
        grade(
            "Notwithstanding considerable physiological heterogeneity, interventions demonstrated "
            "statistically significant improvements."
        )
        > 12
    )


@pytest.mark.parametrize(("exercise_id", "step"), STEPS)
def test_each_step_is_a_short_plain_sentence(exercise_id, step):
    assert step[0].isupper(), exercise_id
    assert step.endswith("."), exercise_id
    assert len(step.split()) <= 18, exercise_id


def test_steps_read_at_about_a_sixth_grade_level():
    for exercise in CATALOG:
        text = " ".join(str(step) for step in exercise.steps)
        assert grade(text) <= 6, exercise.id


@pytest.mark.parametrize(
    "text",
    [
        " ".join(e.summary for e in CATALOG),
        " ".join(CATALOG.safety),
        " ".join(c for e in CATALOG for c in e.cautions),
        CATALOG.disclaimer,
    ],
    ids=["summaries", "safety", "cautions", "disclaimer"],
)
def test_everything_a_patient_reads_is_plain(text):
    assert grade(text) <= 8
