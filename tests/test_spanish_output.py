"""Everything a Spanish reader gets is in Spanish: handouts, figures, FHIR, CERT, the CLI.

The check against English: the words of the English handout of the same
program, less the words that are Spanish too (any word of our Spanish
phrases or content), must not be in the Spanish handout. What stays as
published in any language is taken out of both first: the citations of
the references and the name of the source work (see docs/languages.md).
"""

import datetime as dt
import html
import json
import re

import attrs
import pytest
from fhir.resources.R4B import get_fhir_model_class
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import upperback
from upperback import (
    Equipment,
    Exercise,
    MissingTranslationError,
    NoEligibleExercisesError,
    Step,
    UnknownLocaleError,
    adapt,
    build_program,
    cert_report,
    load_catalog,
    render,
    to_fhir,
)
from upperback._convert import dumps, loads
from upperback._i18n import date_span, month_name, week_span, weekday_name
from upperback._render._plain import unescape_markdown
from upperback._render._view import Labels, labels
from upperback.program import Feedback, Program, ladder

from . import strategies
from .test_cli import ok, run
from .test_phrases import entries
from .test_render_pdf import inflated

ENGLISH = load_catalog()
SPANISH = load_catalog(locale="es")
START = dt.date(2026, 1, 5)
PROGRAM = build_program(start=START)
DEFAULT = build_program()
PLAIN = ("text", "markdown", "html")
PATIENT, PROVIDER = "Ana Ruiz", "Sam Lee"


def words(text):
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _published(catalog=ENGLISH):
    """Text kept as published: citations, and the source's title, author and publisher."""
    texts = [r.cite(locale=lang) for r in catalog.references for lang in ("en", "es")]
    for source in catalog.sources:
        texts += [source.title, source.developer, source.publisher]
    # The personal details are names, the same in any language.
    return [*texts, PATIENT, PROVIDER]


def _without_published(text):
    text = " ".join(text.split())
    for kept in sorted(_published(), key=len, reverse=True):
        text = text.replace(" ".join(kept.split()), " ")
    return text


def _spanish_words():
    """Every word we write in Spanish: the phrases and the content."""
    found = set()
    for message in entries("es"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            found |= words(re.sub(r"%\(\w+\)s", " ", text))
    for exercise in SPANISH:
        texts = [exercise.name, exercise.summary, *exercise.aliases, *exercise.cautions]
        texts += [str(step) for step in exercise.steps]
        texts += [progression.when for progression in exercise.progressions]
        found |= words(" ".join(texts))
    found |= words(" ".join([SPANISH.disclaimer, *SPANISH.safety]))
    return found


SPANISH_WORDS = _spanish_words()


def english_vocabulary(program, fmt):
    """The English handout's words that are not also Spanish words."""
    english = _markup_free(fmt, render(program, fmt, options=_options()))
    return words(_without_published(english)) - SPANISH_WORDS


def _options():
    return upperback.HandoutOptions(
        patient=PATIENT,
        provider=PROVIDER,
        date_given=START,
        next_visit=START + dt.timedelta(days=30),
    )


def _markup_free(fmt, text):
    """The words a reader sees: no tags, styles or escapes (pictures are checked apart)."""
    if fmt == "markdown":
        return unescape_markdown(text)
    if fmt == "html":
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.DOTALL)
        text = re.sub(r"<svg.*?</svg>", " ", text, flags=re.DOTALL)
        return html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


@pytest.mark.parametrize("fmt", PLAIN)
@pytest.mark.parametrize("program", [DEFAULT, PROGRAM], ids=["default", "dated"])
def test_the_spanish_handout_has_no_english_word_of_the_english_one(fmt, program):
    vocabulary = english_vocabulary(program, fmt)
    assert {"exercise", "week", "hold", "sets", "times", "stop", "provider"} <= vocabulary
    spanish = _without_published(
        _markup_free(fmt, render(program, fmt, locale="es", options=_options()))
    )
    left = words(spanish) & vocabulary
    assert left == set()


def test_the_words_of_the_pictures_are_spanish_too():
    """The figures' titles and descriptions in the HTML handout, hidden from the check above."""
    english = words(
        " ".join(p.alt + " " + p.title for e in ENGLISH for p in upperback.illustrations(e))
    )
    spanish = " ".join(
        p.alt + " " + p.title for e in SPANISH for p in upperback.illustrations(e, locale="es")
    )
    assert words(spanish) & (english - SPANISH_WORDS) == set()
    page = render(DEFAULT, "html", locale="es")
    for exercise in SPANISH:
        if exercise.id not in DEFAULT.exercise_ids:
            continue
        for picture in upperback.illustrations(exercise, locale="es"):
            assert f">{picture.title}</title>" in page
            assert picture.alt in page


def test_html_says_its_language():
    assert '<html lang="es">' in render(DEFAULT, "html", locale="es")
    assert '<html lang="en">' in render(DEFAULT, "html")


def test_the_pdf_says_its_language():
    pytest.importorskip("weasyprint")
    pdf = render(ENGLISH["band-row"], "pdf", locale="es")
    assert b"/Lang (es)" in inflated(pdf)
    assert b"/Lang (en)" in inflated(render(ENGLISH["band-row"], "pdf"))


@pytest.mark.parametrize("fmt", PLAIN)
def test_a_program_json_is_the_same_and_renders_in_both_languages(fmt):
    text = dumps(PROGRAM)
    again = loads(text, Program)
    assert again == PROGRAM
    english = render(again, fmt)
    spanish = render(again, fmt, locale="es")
    for exercise_id in PROGRAM.exercise_ids:
        assert ENGLISH[exercise_id].name in english
        name = SPANISH[exercise_id].name
        assert (name if fmt == "text" else name.split()[0]) in spanish
    assert "Semana 4" in spanish
    assert "Week 4" in english


def test_the_handout_of_one_exercise_and_of_the_catalog_is_spanish():
    exercise = ENGLISH["band-row"]
    text = render(exercise, locale="es")
    assert text.splitlines()[0] == SPANISH["band-row"].name
    assert "Cómo hacerlo" in text
    assert SPANISH["band-row"].dosage.describe(locale="es") in text
    # The Spanish exercise itself gives the same handout.
    assert render(SPANISH["band-row"], locale="es") == text
    whole = render(ENGLISH, "markdown", locale="es")
    assert whole.startswith("# Ejercicios para la parte alta de la espalda")
    for exercise in SPANISH:
        assert exercise.name.split()[0] in whole


def test_an_exercise_without_a_translation_is_refused_not_mixed():
    made = Exercise(
        id="my-own",
        name="My own stretch",
        summary="A stretch of my own.",
        category="stretch",
        positions=["standing"],
        steps=[Step("Stand up.")],
        dosage=ENGLISH["band-row"].dosage,
    )
    with pytest.raises(MissingTranslationError, match="my-own"):
        render(made, locale="es")
    changed = attrs.evolve(ENGLISH["band-row"], name="Another name")
    with pytest.raises(MissingTranslationError):
        render(changed, locale="es")
    with pytest.raises(MissingTranslationError):
        to_fhir(made, locale="es")
    # In English it is shown as before.
    assert render(made).startswith("My own stretch")


@pytest.mark.parametrize("call", ["render", "describe", "adapt", "illustrate", "fhir", "cert"])
def test_an_unknown_language_is_refused_with_the_list(call):
    exercise = ENGLISH["band-row"]
    actions = {
        "render": lambda: render(PROGRAM, locale="fr"),
        "describe": lambda: PROGRAM.schedule.describe(locale="fr"),
        "adapt": lambda: adapt(exercise, exercise.dosage, "too-easy", locale="fr"),
        "illustrate": lambda: upperback.illustrate(exercise, locale="fr"),
        "fhir": lambda: to_fhir(PROGRAM, locale="fr"),
        "cert": lambda: cert_report(PROGRAM, locale="fr"),
    }
    with pytest.raises(UnknownLocaleError) as info:
        actions[call]()
    assert str(info.value) == "unknown language 'fr'; available: en, es"
    assert info.value.available == ("en", "es")


@pytest.mark.parametrize("feedback", list(Feedback))
def test_adapt_speaks_spanish(feedback):
    english_exercise, spanish_exercise = ENGLISH["band-row"], SPANISH["band-row"]
    for level in ladder(english_exercise):
        english = adapt(english_exercise, level, feedback)
        spanish = adapt(spanish_exercise, level, feedback, locale="es")
        assert (spanish.action, spanish.dosage) == (english.action, english.dosage)
        assert spanish.message != english.message
        assert words(spanish.message) & {"the", "do", "your", "next", "time", "stop"} == set()
        if spanish.dosage is not None and spanish.action.value != "keep":
            assert spanish.dosage.describe(locale="es") in spanish.message


# -- FHIR --------------------------------------------------------------------------------


def _resources(resource):
    if resource["resourceType"] == "Bundle":
        yield resource
        for entry in resource["entry"]:
            yield entry["resource"]
    else:
        yield resource


@pytest.mark.parametrize("patient", [None, "Patient/123"])
def test_fhir_in_spanish_validates_and_says_its_language(patient):
    bundle = to_fhir(PROGRAM, patient_reference=patient, locale="es", include_handout=True)
    get_fhir_model_class("Bundle").model_validate(bundle)
    languages = {r["resourceType"]: r["language"] for r in _resources(bundle)}
    assert languages.pop("CodeSystem") == "en"
    assert set(languages.values()) == {"es"}
    text = json.dumps(bundle, ensure_ascii=False)
    assert "Cuánto hacer" in text or "Plan de ejercicios" in text
    assert "Upper back exercise plan" not in text
    for exercise_id in PROGRAM.exercise_ids:
        assert SPANISH[exercise_id].name in text


def test_fhir_of_an_exercise_and_of_the_catalog_in_spanish():
    definition = to_fhir(ENGLISH["band-row"], locale="es")
    get_fhir_model_class("ActivityDefinition").model_validate(definition)
    assert definition["language"] == "es"
    assert definition["title"] == SPANISH["band-row"].name
    assert definition["dosage"][0]["text"] == SPANISH["band-row"].dosage.describe(locale="es")
    assert definition["topic"][0]["text"] == "fortalecimiento"
    plan = to_fhir(ENGLISH, locale="es")
    get_fhir_model_class("PlanDefinition").model_validate(plan)
    assert plan["title"] == "Ejercicios para la parte alta de la espalda"
    assert "language" not in to_fhir(ENGLISH["band-row"])
    assert to_fhir(ENGLISH["band-row"], locale="en")["language"] == "en"


# -- CERT --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", PLAIN)
def test_the_cert_report_in_spanish(fmt):
    report = cert_report(PROGRAM, locale="es")
    assert report.locale == "es"
    assert report.title.startswith("Informe CERT")
    out = render(report, fmt)
    assert "Versión de los datos" in out
    assert "Data version" not in out
    assert "QUÉ" in out
    english = cert_report(PROGRAM)
    assert [r.number for r in report.rows] == [r.number for r in english.rows]
    assert [r.status for r in report.rows] == [r.status for r in english.rows]
    if fmt == "html":
        assert '<html lang="es">' in out


def test_cert_explains_omissions_in_spanish():
    program = build_program(equipment=[], minutes_per_session=5)
    english = cert_report(program)
    spanish = cert_report(program, locale="es")
    tailoring = {r.number: r for r in spanish.rows}["14b"].answer
    assert any(line.startswith("No se eligió:") and "necesita" in line for line in tailoring)
    before = {r.number: r for r in english.rows}["14b"].answer
    assert any(line.startswith("Not chosen:") for line in before)
    assert len(tailoring) == len(before)


# -- the command line --------------------------------------------------------------------

FORMATS = {
    "show": ["text", "markdown", "html", "pdf", "json", "fhir", "svg"],
    "program": ["text", "markdown", "html", "pdf", "json", "fhir", "cert"],
    "list": ["text", "json"],
    "search": ["text", "json"],
}


def _cli(command, fmt, lang, tmp_path):
    target = {"show": ["show", "band-row"], "program": ["program", "--start", "2026-01-05"]}
    args = {
        **target,
        "list": ["list"],
        "search": ["search", "remo" if lang == "es" else "row"],
    }[command]
    out = tmp_path / f"{command}-{fmt}-{lang}"
    ok(*args, "--format", fmt, "--lang", lang, "-o", out)
    return out.read_bytes()


@pytest.mark.parametrize(
    ("command", "fmt"), [(c, f) for c, formats in FORMATS.items() for f in formats]
)
def test_the_cli_speaks_spanish_in_every_format(command, fmt, tmp_path):
    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    spanish = _cli(command, fmt, "es", tmp_path)
    english = _cli(command, fmt, "en", tmp_path)
    if command == "program" and fmt == "json":
        assert spanish == english  # a program is the same in every language
        return
    assert spanish != english
    if fmt == "pdf":
        assert b"/Lang (es)" in inflated(spanish)
        return
    text = spanish.decode("utf-8")
    band_row = SPANISH["band-row"]
    expected = {
        "text": band_row.name if command != "program" else "Semana 1",
        "markdown": "Cómo hacerlo",
        "html": '<html lang="es">',
        "json": band_row.name,
        "fhir": '"language": "es"',
        "svg": "posición inicial",
        "cert": "Informe CERT",
    }[fmt]
    if command in {"list", "search"} and fmt == "text":
        expected = "NOMBRE"
    assert expected in text


def test_list_in_spanish_names_the_terms_in_spanish():
    out = ok("list", "--lang", "es")
    assert out.splitlines()[0].split() == ["ID", "NOMBRE", "CATEGORÍA", "POSICIONES", "EQUIPO"]
    assert "fortalecimiento" in out
    assert "banda elástica" in out
    assert "strengthening" not in out


def test_search_finds_spanish_names():
    out = ok("search", "estiramiento", "--lang", "es")
    assert "pectoralis-stretch" in out
    missing = run("search", "zzzzqqq", "--lang", "es")
    assert missing.returncode == 1
    assert "ningún ejercicio coincide con 'zzzzqqq'" in missing.stderr


def test_an_unknown_language_on_the_command_line_is_a_usage_error():
    result = run("show", "band-row", "--lang", "fr")
    assert result.returncode == 2
    assert "unknown language 'fr'; available: en, es" in result.stderr
    assert "--lang" in result.stderr


def test_figures_in_spanish_for_a_spanish_markdown_handout(tmp_path):
    said = ok("figures", "-o", tmp_path, "--lang", "es")
    assert said.startswith("Se guardaron 16 imágenes en ")
    start = (tmp_path / "band-row-start.svg").read_text(encoding="utf-8")
    picture = upperback.illustrate(SPANISH["band-row"], locale="es")
    assert start == picture.svg
    assert "posición inicial" in start
    assert "position" not in start
    assert ok("figures", "-o", tmp_path).startswith("Wrote 16 pictures to ")


# -- any catalog with its own translation ---------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_translated_catalog_gives_a_handout_in_one_language(tmp_path_factory, data):
    catalog = data.draw(strategies.catalogs(max_exercises=3))
    content = data.draw(strategies.content_files(catalog))
    path = tmp_path_factory.mktemp("content") / "catalog.es.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    spanish = catalog.localized("es", content=path)
    with pytest.raises(MissingTranslationError):
        render(catalog, locale="es")  # no bundled words for these
    shown = [(spanish, spanish.ids)]
    try:
        everything = [e for e in Equipment if e is not Equipment.UNKNOWN]
        program = build_program(catalog=catalog, equipment=everything, minutes_per_session=240)
    except NoEligibleExercisesError:
        pass
    else:
        shown.append((program, program.exercise_ids))
    english_labels = attrs.asdict(Labels())
    # The data's own random words may spell an English label ("For"): such a
    # label cannot be told from the data in the text, so it is not looked for.
    data = list(_strings([upperback.unstructure(catalog), upperback.unstructure(spanish)]))
    for obj, ids in shown:
        text = render(obj, catalog=spanish, locale="es")
        for exercise_id in ids:
            assert spanish[exercise_id].name in text
            for step in spanish[exercise_id].steps:
                assert step.text in text
        for name, value in attrs.asdict(labels("es")).items():
            english = re.compile(rf"\b{re.escape(english_labels[name])}\b")
            if value != english_labels[name] and not any(map(english.search, data)):
                assert not english.search(text), name


def _strings(value):
    """Every string in a tree of plain JSON values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_lang_before_the_command_as_after_it():
    assert ok("--lang", "es", "list") == ok("list", "--lang", "es")
    assert ok("--lang", "es").startswith("Su plan de ejercicios")  # the default program
    assert ok("--lang", "es") == ok("program", "--lang", "es")
    assert ok("--lang", "es", "list", "--lang", "en") == ok("list")
    assert run("--lang", "fr").returncode == 2


def test_search_ignores_accents_both_ways():
    spanish = upperback.load_catalog(locale="es")
    with_accents = [r.exercise.id for r in spanish.search("apretar los omóplatos")]
    without = [r.exercise.id for r in spanish.search("apretar los omoplatos")]
    assert with_accents
    assert without == with_accents
    assert upperback._search.normalize("Omóplatos y ESPALDA") == "omoplatos y espalda"


# -- dates, weeks, editions and the CERT report, as a Spanish reader expects -----------


def test_a_span_within_one_month_names_the_month_once():
    assert date_span(dt.date(2026, 1, 5), dt.date(2026, 1, 11), "es") == (
        "del 5 al 11 de enero de 2026"
    )
    assert date_span(dt.date(2026, 1, 5), dt.date(2026, 1, 11)) == "January 5 to 11, 2026"
    assert date_span(dt.date(2026, 1, 26), dt.date(2026, 2, 1), "es") == (
        "del 26 de enero al 1 de febrero de 2026"
    )
    assert date_span(dt.date(2026, 1, 5), dt.date(2026, 1, 5), "es") == "5 de enero de 2026"
    day = dt.date(2026, 1, 1)
    for start in (day + dt.timedelta(days=n) for n in range(400)):
        for length in (0, 6, 13, 27):
            end = start + dt.timedelta(days=length)
            text = date_span(start, end, "es")
            if (start.year, start.month) == (end.year, end.month):
                assert text.count(month_name(start, "es")) == 1, text
            assert text.endswith(f"de {end.year}")
            assert f"de {month_name(end, 'es')} de {end.year}" in text


def test_two_weeks_are_joined_with_y():
    assert week_span(1, 2, "es") == "Semanas 1 y 2"
    assert week_span(2, 4, "es") == "Semanas 2 a 4"
    assert week_span(3, 3, "es") == "Semana 3"
    assert week_span(1, 2, "es", lower=True) == "semanas 1 y 2"
    assert week_span(1, 2) == "Weeks 1 and 2"
    program = build_program(start=START, weeks=2)
    text = render(program, "text", locale="es")
    assert "Semanas 1 y 2 (del 5 al 18 de enero de 2026)" in text
    assert "Semanas 1 a 2" not in text
    assert "semanas 1 y 2" in render(cert_report(program, locale="es"), "text")


@pytest.mark.parametrize("locale", ["en", "es"])
def test_a_weekday_on_the_tracking_sheet_is_never_a_month(locale):
    week = [START + dt.timedelta(days=n) for n in range(7)]
    weekdays = {weekday_name(day, locale, short=True) for day in week}
    months = {month_name(dt.date(2026, m, 1), locale, short=True) for m in range(1, 13)}
    assert len(weekdays) == 7
    assert weekdays.isdisjoint(months)
    march = build_program(start=dt.date(2026, 3, 2), weeks=1)
    page = render(march, "html", locale=locale)
    for day in weekdays:
        assert day in page


def test_the_edition_of_a_reference_is_said_in_spanish():
    book = next(r for r in ENGLISH.references if r.edition == 3)
    assert "3rd ed." in book.cite()
    assert "3.ª ed." in book.cite(locale="es")
    assert "3rd" not in book.cite(locale="es")
    assert book.cite(locale="es").replace("3.ª ed.", "3rd ed.") == book.cite()
    english = {
        n: attrs.evolve(book, edition=n).cite().split(". ")[-2]
        for n in (2, 4, 11, 12, 13, 21, 22, 23, 91, 100)
    }
    assert english == {
        2: "2nd ed",
        4: "4th ed",
        11: "11th ed",
        12: "12th ed",
        13: "13th ed",
        21: "21st ed",
        22: "22nd ed",
        23: "23rd ed",
        91: "91st ed",
        100: "100th ed",
    }
    text = render(PROGRAM, "text", locale="es")
    assert "3.ª ed." in text
    assert "rd ed." not in text
    bundle = json.dumps(to_fhir(PROGRAM, locale="es"), ensure_ascii=False)
    assert "3.ª ed." in bundle
    assert "3rd ed." not in bundle


def test_the_cert_report_names_the_exercises_and_reads_as_neutral_spanish():
    program = build_program(
        start=START, include=["thoracic-stretch"], exclude=["band-row"], minutes_per_session=5
    )
    report = cert_report(program, locale="es")
    tailoring = {r.number: r for r in report.rows}["14b"].answer
    assert "Se pidieron primero: Estiramiento torácico." in tailoring
    assert "Se excluyeron porque así se pidió: Ejercicio de remo." in tailoring
    assert "Posiciones que evita: ninguna." in tailoring
    text = render(report, "text")
    for exercise_id in ENGLISH.ids:
        assert exercise_id not in text
    for wrong in (", y ", "a pedido", "QUÉ TAN", "jal", "piso"):
        assert wrong not in text, wrong
    assert "EN QUÉ MEDIDA" in text
    english = render(cert_report(program), "text")
    assert "Asked for first: Thoracic stretch." in english
    assert "Not chosen: Rowing exercise, because it was excluded." in english


# -- search in Spanish ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pared", "arm-slide-on-wall"),
        ("pecho", "pectoralis-stretch"),
        ("trapecio", "mid-trap-raise"),
        ("gatas", "quadruped-arm-leg-raise"),
        ("brazos", "arm-slide-on-wall"),
        ("omóplato", "scapular-squeeze"),
        ("omoplato", "scapular-squeeze"),
        ("remo", "band-row"),
    ],
)
def test_one_spanish_word_finds_the_exercise(query, expected):
    results = SPANISH.search(query)
    best = results[0].score
    assert best > 0.9
    assert expected in {r.exercise.id for r in results if r.score == best}
    out = ok("search", query, "--lang", "es")
    assert expected in out


def test_what_a_spanish_exercise_is_found_by():
    texts = SPANISH._search_texts(SPANISH["arm-slide-on-wall"])
    assert "Deslizar los brazos en la pared" in texts  # the name, as before
    assert {"Deslizar", "brazos", "pared", "deslizamiento", "ángel"} <= set(texts)
    assert not {"los", "en", "la"} & set(texts)  # articles and prepositions are not labels
    assert len(texts) == len(set(texts))


def test_english_search_labels_are_unchanged():
    for exercise in ENGLISH:
        assert ENGLISH._search_texts(exercise) == upperback._search.labels(exercise)
