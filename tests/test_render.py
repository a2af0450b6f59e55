import datetime as dt
import html
import re
import subprocess
import sys

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import upperback
from upperback import (
    FORMATS,
    Catalog,
    Exercise,
    Program,
    ProgramItem,
    ProgramRequest,
    Schedule,
    Week,
    render,
)
from upperback.exceptions import (
    IncompleteHandoutError,
    MissingExtraError,
    UnknownExerciseError,
    UnknownFormatError,
    UpperbackError,
)

from . import strategies

START = dt.date(2026, 1, 5)
#: The formats whose output is text; PDF has tests of its own.
TEXT_FORMATS = tuple(fmt for fmt in FORMATS if fmt != "pdf")
EVIL = "<script>alert('x')</script> & co"


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


@pytest.fixture(scope="module")
def program():
    return upperback.build_program(start=START)


def readable(output: str, fmt: str) -> str:
    """The words a reader sees: HTML entities and Markdown escapes undone."""
    if fmt == "html":
        return html.unescape(output)
    if fmt == "markdown":
        return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", output)
    return output


def shown(subject, catalog) -> tuple[Exercise, ...]:
    if isinstance(subject, Program):
        return tuple(catalog[i] for i in subject.exercise_ids)
    if isinstance(subject, Catalog):
        return subject.exercises
    return (subject,)


TITLES = {
    "exercise": "Mid-trap exercise",
    "program": "Your upper back exercise plan",
    "catalog": "Exercises for your upper back",
}


@pytest.fixture(params=["exercise", "program", "catalog"])
def subject(request, catalog, program):
    return request.param, {
        "exercise": catalog["mid-trap-raise"],
        "program": program,
        "catalog": catalog,
    }[request.param]


def sections(text: str, exercises: tuple[Exercise, ...]) -> dict[str, str]:
    """Each exercise's part of the handout, from its name to the next one's."""
    starts = []
    after = 0
    for exercise in exercises:
        match = re.search(
            rf"(?m)^(#+ |<h3[^>]*>.*?</span> )?\d+\. {re.escape(exercise.name)}|"
            rf"</span> {re.escape(exercise.name)}</h3>",
            text[after:],
        )
        assert match, exercise.name
        starts.append(after + match.start())
        after = after + match.end()
    ends = [*starts[1:], text.index("When to stop and call your provider", starts[-1])]
    return {e.id: text[s:t] for e, s, t in zip(exercises, starts, ends, strict=True)}


def assert_in_order(text: str, parts) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing or out of order"
        at = found + len(part)


# -- content: every format, every kind of subject ---------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_handout_has_everything(fmt, subject, catalog):
    kind, obj = subject
    text = readable(render(obj, fmt), fmt)
    exercises = shown(obj, catalog)

    assert TITLES[kind] in text.splitlines()[0] or f"<h1>{TITLES[kind]}</h1>" in text
    by_id = sections(text, exercises)
    for exercise in exercises:
        section = by_id[exercise.id]
        assert_in_order(section, [step.text for step in exercise.steps])
        for caution in exercise.cautions:
            assert caution in section
        for progression in exercise.progressions:
            # A program offers a load only to a person who has it (the default has none).
            offered = kind != "program" or progression.load is None
            assert (progression.describe() in section) is offered
    assert_in_order(
        text,
        [
            "When to stop and call your provider",
            *catalog.safety,
            catalog.disclaimer,
            *(ref.cite() for ref in catalog.references),
            *(source.credit() for source in catalog.sources),
            catalog.data_version,
        ],
    )
    assert f"Data version: {catalog.data_version}" in text


STEP_LINE = {
    "text": r"(?m)^  (\d+)\. (.+)$",
    "markdown": r"(?m)^(\d+)\. (.+)$",
    "html": r"<li>()(.+?)</li>",
}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_steps_are_numbered_in_order(fmt, catalog):
    for exercise in catalog:
        output = render(exercise, fmt)
        if fmt == "html":
            output = output[output.index('<ol class="steps">') : output.index("</ol>")]
        else:
            output = output[: output.index("When to stop")]
        found = re.findall(STEP_LINE[fmt], output)
        assert [readable(text, fmt) for _, text in found] == [s.text for s in exercise.steps]
        if fmt != "html":
            assert [int(n) for n, _ in found] == list(range(1, len(exercise.steps) + 1))


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_dosage_in_words_for_every_week(fmt, program, catalog):
    text = readable(render(program, fmt), fmt)
    by_id = sections(text, shown(program, catalog))
    for week in program.weeks:
        for item in week.items:
            words = item.dosage.describe()
            assert words[0].upper() + words[1:] in by_id[item.exercise]
    # The default home has no soup cans or weights: the handout never offers them.
    assert not [i for w in program.weeks for i in w.items if i.dosage.load]
    assert "soup cans" not in by_id["mid-trap-raise"]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_single_exercise_dosage(fmt, catalog):
    for exercise in catalog:
        text = readable(render(exercise, fmt), fmt)
        words = exercise.dosage.describe()
        assert words[0].upper() + words[1:] in text
        assert "Week 1" not in text


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_progression_of_mid_trap_raise(fmt, catalog):
    text = readable(render(catalog["mid-trap-raise"], fmt), fmt)
    assert "When it gets easier" in text
    assert "hold soup cans or small weights." in text
    assert catalog["mid-trap-raise"].progressions[0].describe() in text


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_schedule_and_dates(fmt, program):
    text = readable(render(program, fmt), fmt)
    assert program.schedule.describe() in text
    assert "Do the session every day for 4 weeks." in text
    assert "Do the thoracic extension several times each day." in text
    assert "Start on Monday, January 5, 2026. Finish on Sunday, February 1, 2026." in text
    assert_in_order(
        text,
        [
            "Week 1",
            "January 5 to 11, 2026",
            "Week 4",
            "January 26 to February 1, 2026",
        ],
    )


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_dates_without_a_start(fmt):
    program = upperback.build_program(sessions_per_week=3, weeks=2)
    text = readable(render(program, fmt), fmt)
    assert "Do the session 3 days a week for 2 weeks." in text
    assert "Week 2" in text
    assert "Start on" not in text
    assert not re.search(r"January|February|March|December", text)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_only_the_references_cited(fmt, catalog):
    cited = catalog.references[0]
    lone = attrs.evolve(catalog["band-row"], references=(cited.id,))
    text = readable(render(lone, fmt), fmt)
    assert cited.cite() in text
    for other in catalog.references[1:]:
        assert other.cite() not in text


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_catalog_is_its_own_source(fmt, catalog):
    other = attrs.evolve(catalog, disclaimer="Our own words.", safety=("Stop now.",))
    text = readable(render(other, fmt), fmt)
    assert "Our own words." in text
    assert "Stop now." in text
    assert catalog.disclaimer not in text


def test_data_version_of_an_older_plan(catalog):
    older = attrs.evolve(catalog, data_version="2025.9")
    program = upperback.build_program(catalog=older)
    assert "Data version: 2026.1 (plan made with 2025.9)" in render(program, catalog=catalog)


def test_program_with_an_exercise_the_catalog_lacks(catalog, program):
    smaller = attrs.evolve(catalog, exercises=(catalog["band-row"],))
    with pytest.raises(UnknownExerciseError):
        render(program, catalog=smaller)


def test_text_and_markdown_layout(catalog):
    text = render(catalog["band-row"])
    assert text.startswith("Rowing exercise\n===============\n")
    assert text.endswith(f"Data version: {catalog.data_version}\n")
    markdown = render(catalog["band-row"], "markdown")
    assert markdown.startswith("# Rowing exercise\n")
    assert "## When to stop and call your provider\n" in markdown
    assert "### 1. Rowing exercise\n" in markdown
    assert f"1. {catalog['band-row'].steps[0].text}\n" in markdown


# -- errors ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PDF", "HTML", "md", "docx", ""])
def test_unknown_format(fmt, catalog):
    with pytest.raises(UnknownFormatError) as info:
        render(catalog, fmt)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, UpperbackError)
    assert "text, markdown, html" in str(info.value)
    assert repr(fmt) in str(info.value)


def test_not_a_handout_subject():
    with pytest.raises(TypeError, match="expected an Exercise, a Program or a Catalog"):
        render("band-row")  # type: ignore[arg-type]


def test_html_without_jinja2(monkeypatch, catalog):
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(MissingExtraError) as info:
        render(catalog, "html")
    assert 'pip install "upperback[html]"' in str(info.value)
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, UpperbackError)
    # Text and Markdown do not need it.
    assert catalog.disclaimer in render(catalog, "text")
    assert catalog.disclaimer in render(catalog, "markdown")


def test_importing_render_does_not_import_jinja2():
    code = "import sys, upperback; print('jinja2' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# -- HTML ----------------------------------------------------------------------


@pytest.fixture
def evil(catalog):
    first, *rest = catalog.exercises
    return attrs.evolve(catalog, exercises=(attrs.evolve(first, name=EVIL), *rest))


def test_html_is_escaped(evil):
    page = render(evil, "html")
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert "&amp; co" in page
    program = upperback.build_program(catalog=evil, include=[evil.exercises[0].id])
    page = render(program, "html", catalog=evil)
    assert "<script" not in page
    assert "&lt;script&gt;alert(" in page


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_text_that_looks_like_syntax_stays_text(fmt, catalog):
    odd = attrs.evolve(
        catalog, data_version="1.", disclaimer="- Not a list *or* _emphasis_ & <b>bold</b>."
    )
    output = render(odd, fmt)
    assert "Data version: 1." in readable(output, fmt)
    assert odd.disclaimer in readable(output, fmt)
    assert "<b>" not in output or fmt == "text"


def test_markdown_is_escaped(evil):
    markdown = render(evil, "markdown")
    assert "<script>" not in markdown
    assert r"\<script\>" in markdown


@pytest.mark.parametrize("kind", ["exercise", "program", "catalog"])
def test_html_is_self_contained_and_print_ready(kind, catalog, program):
    obj = {"exercise": catalog["band-row"], "program": program, "catalog": catalog}[kind]
    page = render(obj, "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page
    assert "<link" not in page
    assert "@import" not in page
    assert "url(" not in page
    assert not re.search(r"\b(src|href)\s*=", page)
    assert "http://" not in page
    assert "https://" not in page
    assert page.count("<h1>") == 1
    assert page.count('<section class="exercise"') == len(shown(obj, catalog))
    assert "<h2" in page
    assert "<h3" in page
    assert '<ol class="steps">' in page
    body = re.search(r"body \{[^}]*?font-size: (\d+)px", page)
    assert body
    assert int(body.group(1)) >= 18
    assert "color: #111111" in page
    assert "background: #ffffff" in page
    assert "@media print" in page
    assert "break-inside: avoid" in page


def test_html_weeks_are_a_table(program):
    page = render(program, "html")
    assert page.count('<table class="dosage">') == len(program.exercise_ids)
    assert '<th scope="row">Week 4</th><td>January 26 to February 1, 2026</td>' in page


def test_template_dir_overrides_one_template(tmp_path, catalog, evil):
    (tmp_path / "exercise.html").write_text(
        '<section class="mine"><h3>{{ exercise.name }}</h3>'
        "{% for step in exercise.steps %}<p>{{ step }}</p>{% endfor %}"
        "{% for line in exercise.dosages %}<p>{{ line.text }}</p>{% endfor %}</section>\n",
        encoding="utf-8",
    )
    page = render(catalog, "html", template_dir=tmp_path)
    assert page.count('<section class="mine">') == len(catalog)
    # Ours has a summary; this one does not (steps and dosage it must keep).
    assert catalog["band-row"].summary not in page
    # The rest of the page still comes from ours.
    assert "When to stop and call your provider" in page
    assert html.escape(catalog.disclaimer, quote=False) in page
    # A user's template is escaped too.
    page = render(evil, "html", template_dir=str(tmp_path))
    assert "<script" not in page


def test_template_dir_overrides_the_style(tmp_path, catalog):
    (tmp_path / "style.css").write_text("body { font-size: 24px; }\n", encoding="utf-8")
    page = render(catalog, "html", template_dir=tmp_path)
    assert "body { font-size: 24px; }" in page
    assert "@media print" not in page


def test_template_that_drops_the_disclaimer_is_refused(tmp_path, catalog):
    (tmp_path / "handout.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><body>'
        "{% for e in handout.exercises %}{{ e.name }}{% endfor %}"
        "{% for c in handout.citations %}{{ c }}{% endfor %}</body></html>",
        encoding="utf-8",
    )
    with pytest.raises(IncompleteHandoutError) as info:
        render(catalog, "html", template_dir=tmp_path)
    assert catalog.disclaimer in info.value.missing
    assert all(ref.cite() not in info.value.missing for ref in catalog.references)


def test_template_dir_must_be_a_directory(tmp_path, catalog):
    with pytest.raises(NotADirectoryError):
        render(catalog, "html", template_dir=tmp_path / "nowhere")


# -- properties ------------------------------------------------------------------


@st.composite
def catalogs_and_programs(draw):
    """A random catalog and a program of its exercises, dated or not.

    Built by hand rather than with build_program, so that every catalog
    gives a program.
    """
    catalog = draw(strategies.catalogs())
    # A program holds only exercises with a dosage (a catalog may leave one out).
    dosed = [e for e in catalog.exercises if e.dosage is not None]
    assume(dosed)
    chosen = draw(st.lists(st.sampled_from(dosed), min_size=1, unique=True))
    count = draw(st.integers(1, 3))
    start = draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
    weeks = tuple(
        Week(
            number,
            tuple(ProgramItem(e.id, e.dosage, dt.timedelta(minutes=1)) for e in chosen),
            dt.timedelta(minutes=len(chosen)),
            None if start is None else start + dt.timedelta(weeks=number - 1),
            None if start is None else start + dt.timedelta(weeks=number - 1, days=6),
        )
        for number in range(1, count + 1)
    )
    more_often = tuple(e.id for e in chosen if e.dosage.frequency is not None)
    sessions = draw(st.integers(1, 7))
    # The person has the loads the chosen dosages carry (one option of each).
    loads = [e.dosage.load.options[0] for e in chosen if e.dosage.load]
    program = Program(
        request=ProgramRequest(
            equipment=tuple(dict.fromkeys((*upperback.DEFAULT_EQUIPMENT, *loads))),
            weeks=count,
            start=start,
            sessions_per_week=sessions,
        ),
        data_version=catalog.data_version,
        schedule=Schedule(sessions, count, more_often),
        weeks=weeks,
    )
    return catalog, program


@settings(deadline=None)
@given(catalogs_and_programs())
def test_any_catalog_renders_with_its_disclaimer(pair):
    catalog, program = pair
    for obj in (catalog, catalog.exercises[0], program):
        for fmt in TEXT_FORMATS:
            text = readable(render(obj, fmt, catalog=catalog), fmt)
            assert catalog.disclaimer in text
            assert f"Data version: {catalog.data_version}" in text
            for exercise in shown(obj, catalog):
                assert exercise.name in text


# -- figures ---------------------------------------------------------------------


def test_html_shows_each_exercise_s_figures_with_alt_text(catalog):
    page = render(catalog, "html")
    for exercise in catalog:
        section = page.split(f'id="exercise-{exercise.id}"', 1)[1].split("</section>", 1)[0]
        pictures = upperback.illustrations(exercise)
        assert len(pictures) == 2
        assert section.count('<svg viewBox="') == len(pictures)
        assert section.count('role="img"') == len(pictures)
        for picture in pictures:
            assert html.escape(picture.alt, quote=False) in section
            assert f"<figcaption>{picture.label.capitalize()}</figcaption>" in section


def test_text_and_markdown_handouts_have_no_pictures(catalog):
    for fmt in ("text", "markdown"):
        page = render(catalog, fmt)
        assert "<svg" not in page
        assert upperback.illustrate(catalog["band-row"]).alt not in page


def test_an_exercise_without_a_figure_has_no_pictures(catalog):
    bare = attrs.evolve(catalog["band-row"], figure=None)
    page = render(bare, "html", catalog=catalog)
    assert "<svg" not in page
    assert 'class="figures"' not in page


def test_a_card_without_a_figure_has_no_empty_half(catalog):
    # Dated weeks go under the card, so a card without pictures keeps only its steps.
    bare = attrs.evolve(catalog, exercises=tuple(attrs.evolve(e, figure=None) for e in catalog))
    dated = upperback.build_program(catalog=bare, start=START)
    page = render(dated, "html", catalog=bare)
    assert 'class="card-side"' not in page
    assert page.count('class="card no-figures"') == page.count('class="exercise"') > 0
    # With pictures, they sit beside the steps.
    page = render(upperback.build_program(start=START), "html", catalog=catalog)
    assert 'class="card-side"' in page
    assert 'class="card no-figures"' not in page


def test_the_pictures_grow_with_large_print():
    # Sized in em, so that 16 pt text brings pictures about 16/11 as big; no
    # rule pins them to a size in centimetres, which left them small in
    # large print with a gap under each.
    from importlib.resources import files  # noqa: PLC0415

    css = (files("upperback") / "_render" / "templates" / "style.css").read_text("utf-8")
    rules = re.findall(r"([^{}]*\.figures[^{}]*)\{([^}]*)\}", css)
    assert rules
    sizes = [value for _, body in rules for value in re.findall(r"(?:height|flex)\s*:[^;]*", body)]
    assert sizes
    assert all("cm" not in size and "mm" not in size for size in sizes), sizes
    assert any("em" in size for size in sizes)


def test_markdown_links_pictures_in_a_figures_folder(catalog):
    options = upperback.HandoutOptions(figures_dir="my figures/")
    page = render(catalog["band-row"], "markdown", options=options)
    for picture in upperback.illustrations(catalog["band-row"]):
        assert f"![{picture.alt}](my%20figures/{picture.filename})" in page
    # the pictures sit between the summary and the steps
    assert page.index("![") < page.index("1. Shut the middle")
    # without a folder there is nothing to link; text never shows pictures
    assert "![" not in render(catalog["band-row"], "markdown")
    assert render(catalog["band-row"], "text", options=options) == render(
        catalog["band-row"], "text"
    )


@pytest.mark.skipif(sys.version_info < (3, 11), reason="typing.get_overloads is new in 3.11")
def test_help_shows_each_overload_with_what_it_returns():
    # help() shows only the implementation's signature, so the docstring lists the
    # overloads (issue 21): each one's formats and return type, as type checkers see them.
    import inspect  # noqa: PLC0415
    import pydoc  # noqa: PLC0415
    import typing  # noqa: PLC0415

    text = pydoc.render_doc(upperback.render, renderer=pydoc.plaintext)
    listed = {
        line.strip().split(" -> ")[1].split("#")[0].strip(): set(re.findall(r'"(\w+)"', line))
        for line in text.splitlines()
        if line.strip().startswith("render(obj, ") and " -> " in line
    }
    overloads = typing.get_overloads(upperback.render)
    assert len(overloads) == len(listed) == 3
    for overload in overloads:
        signature = inspect.signature(overload)
        # The Literal's formats; none for Format, a format known only at run time.
        formats = set(re.findall(r"""['"](\w+)['"]""", signature.parameters["format"].annotation))
        assert listed[signature.return_annotation] == formats, signature
    assert listed["bytes"] == {"pdf"}
