"""Handouts keep their safety text and evidence, whatever the templates (issue 7, 16 and 17)."""

import json
from pathlib import Path

import pytest
from hypothesis import given

import upperback
from upperback import IncompleteHandoutError, TemplateError, render

from .linear import assert_linear
from .strategies import markup_texts

pytest.importorskip("jinja2")

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = upperback.load_catalog()
TEMPLATES = Path(upperback.__file__).parent / "_render" / "templates"


def _user_catalog(tmp_path, **top):
    data = json.loads((FIXTURES / "good" / "minimal.json").read_text(encoding="utf-8"))
    data.update(top)
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return upperback.load_catalog(path)


# -- 16. only the evidence and safety text of the exercises shown --------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_16_a_user_exercise_is_not_shown_with_the_bundled_evidence(tmp_path, fmt):
    mine = _user_catalog(
        tmp_path,
        safety=["Stop at once if your arm goes numb."],
        sources=[
            {"title": "Clinic notes", "developer": "Our clinic", "publisher": "Us", "year": 2024}
        ],
    )
    merged = BUNDLED.merge(mine)
    out = render(merged["chin-tuck"], fmt, catalog=merged)
    for reference in BUNDLED.references:
        assert reference.title not in out
    assert "RelayHealth" not in out  # the bundled credit
    assert "Clinic notes" in out
    assert "Stop at once if your arm goes numb." in out
    assert mine.disclaimer in out
    assert BUNDLED.disclaimer not in out
    assert "No references are listed" in out


def test_16_a_handout_of_both_carries_both_catalogs_safety_text(tmp_path):
    mine = _user_catalog(tmp_path, safety=["Stop at once if your arm goes numb."])
    merged = BUNDLED.merge(mine)
    program = upperback.build_program(catalog=merged, include=["chin-tuck"], minutes_per_session=60)
    assert "chin-tuck" in program.exercise_ids
    out = render(program, catalog=merged)
    assert "Stop at once if your arm goes numb." in out
    for line in BUNDLED.safety:
        assert line in out
    assert mine.disclaimer in out
    assert BUNDLED.disclaimer in out


def test_16_a_bundled_exercise_alone_keeps_the_bundled_text(tmp_path):
    merged = BUNDLED.merge(_user_catalog(tmp_path))
    both = render(merged["band-row"], catalog=merged)
    assert both == render(BUNDLED["band-row"]).replace("2026.1\n", "2026.1+clinic-1\n")


# -- 17. template_dir ---------------------------------------------------------------------


def _templates(tmp_path, **files):
    folder = tmp_path / "templates"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


HIDING = {
    "comment": ("{{ handout.disclaimer }}", "<!-- {{ handout.disclaimer }} -->"),
    "hidden": ("{{ handout.disclaimer }}", "<span hidden>{{ handout.disclaimer }}</span>"),
    "display-none": (
        "{{ handout.disclaimer }}",
        '<span style="display: none">{{ handout.disclaimer }}</span>',
    ),
    "meta": ("{{ handout.disclaimer }}", '<meta name="d" content="{{ handout.disclaimer }}">'),
    "aria-hidden": (
        "{{ handout.disclaimer }}",
        '<span aria-hidden="true">{{ handout.disclaimer }}</span>',
    ),
    "class": (
        "{{ handout.disclaimer }}",
        '<span class="gone">{{ handout.disclaimer }}</span><style>.gone{display:none}</style>',
    ),
}


@pytest.mark.parametrize("how", sorted(HIDING))
def test_17_a_hidden_disclaimer_does_not_count(tmp_path, how):
    old, new = HIDING[how]
    ours = (TEMPLATES / "handout.html").read_text(encoding="utf-8")
    assert old in ours
    folder = _templates(tmp_path, handout_html=ours.replace(old, new))
    with pytest.raises(IncompleteHandoutError) as info:
        render(BUNDLED["band-row"], "html", template_dir=folder)
    assert BUNDLED.disclaimer in info.value.missing


def test_17_an_exercise_template_must_show_steps_and_dosage(tmp_path):
    folder = _templates(
        tmp_path, exercise_html="<h3>{{ exercise.name }}</h3><p>{{ exercise.summary }}</p>\n"
    )
    with pytest.raises(IncompleteHandoutError) as info:
        render(BUNDLED["band-row"], "html", template_dir=folder)
    missing = "\n".join(info.value.missing)
    assert BUNDLED["band-row"].steps[0].text in missing
    assert "2 sets of 15" in missing


def test_17_steps_out_of_order_do_not_count(tmp_path):
    ours = (TEMPLATES / "exercise.html").read_text(encoding="utf-8")
    folder = _templates(
        tmp_path,
        exercise_html=ours.replace(
            "{% for step in exercise.steps %}", "{% for step in exercise.steps | reverse %}"
        ),
    )
    with pytest.raises(IncompleteHandoutError):
        render(BUNDLED["band-row"], "html", template_dir=folder)


def test_17_our_own_templates_pass_the_check():
    for obj in (BUNDLED["band-row"], upperback.build_program(), BUNDLED):
        assert "<html" in render(obj, "html")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{% if %}", "handout.html, line 1"),
        ("{% include 'nowhere.html' %}", "no template named 'nowhere.html'"),
        ("{{ nothing_here }}", "nothing_here"),
        ("{{ handout.__class__.__mro__ }}", "unsafe"),
    ],
)
def test_17_template_errors_are_our_errors(tmp_path, text, fragment):
    folder = _templates(tmp_path, handout_html=text)
    with pytest.raises(TemplateError, match=fragment):
        render(BUNDLED["band-row"], "html", template_dir=folder)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_17_template_dir_is_refused_where_it_is_not_used(tmp_path, fmt):
    with pytest.raises(TemplateError, match="only for HTML and PDF"):
        render(BUNDLED["band-row"], fmt, template_dir=tmp_path)


# -- 4. Markdown block syntax in values ------------------------------------------------


def _block_tokens(markdown):
    from markdown_it import MarkdownIt  # noqa: PLC0415 - a test dependency

    tokens = MarkdownIt("commonmark").parse(markdown)
    return sorted(t.type for t in tokens if t.block and not t.type.startswith("paragraph"))


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "===",
        "+ more",
        "1. first",
        "2) second",
        "> quote",
        "# heading",
        "```",
        "~~~",
        "* star",
        "- dash",
        "<div>",
        "&amp;",
        "    code",
    ],
)
def test_4_markdown_block_syntax_in_values_stays_text(text):
    import attrs  # noqa: PLC0415

    row = BUNDLED["band-row"]
    text = text.strip()

    def handout(value):
        odd = attrs.evolve(row, steps=(upperback.Step(value), *row.steps[1:]), cautions=(value,))
        return render(odd, "markdown", catalog=attrs.evolve(BUNDLED, exercises=(odd,)))

    out = handout(text)
    assert _block_tokens(out) == _block_tokens(handout("Plain words."))


# -- 18. one Markdown escaping for the handout and the CERT report ----------------------

#: Tokens that data must never become: raw HTML, links (autolinks too) and images.
_MARKUP = {"html_block", "html_inline", "link_open", "image"}


def _markup_tokens(markdown):
    from markdown_it import MarkdownIt  # noqa: PLC0415 - a test dependency

    found = []
    stack = list(MarkdownIt("commonmark").parse(markdown))
    while stack:
        token = stack.pop()
        if token.type in _MARKUP:
            found.append((token.type, token.content or token.attrs))
        stack.extend(token.children or ())
    return found


def _hostile_program(name, step, caution):
    import attrs  # noqa: PLC0415

    # scapular-squeeze needs nothing, so every default program has it.
    row = BUNDLED["scapular-squeeze"]
    odd = attrs.evolve(
        row,
        name=name,
        aliases=(),
        summary=step,
        steps=(upperback.Step(step), upperback.Step(caution), *row.steps),
        cautions=(caution,),
    )
    catalog = attrs.evolve(BUNDLED, exercises=(odd,))
    return upperback.build_program(catalog=catalog), catalog


def test_18_cert_markdown_of_hostile_names_and_steps_holds_no_markup():
    name = "Row <img src=x onerror=alert(1)>"
    step = "![x](https://attacker.example/p.png)"
    caution = "<script>alert(1)</script>"
    program, catalog = _hostile_program(name, step, caution)
    out = render(upperback.cert_report(program, catalog=catalog), "markdown")
    assert _markup_tokens(out) == []
    seen = _plain_unescape(out)
    for text in (name, step, caution):
        assert text in seen


def _plain_unescape(markdown):
    from upperback._render._markdown import unescape  # noqa: PLC0415

    return unescape(markdown)


@given(name=markup_texts, step=markup_texts, caution=markup_texts)
def test_18_no_data_becomes_html_a_link_or_an_image_in_any_markdown(name, step, caution):
    program, catalog = _hostile_program(f"Row {name}", f"Do {step}", f"Stop {caution}")
    for out in (
        render(upperback.cert_report(program, catalog=catalog), "markdown"),
        render(program, "markdown", catalog=catalog),
    ):
        assert _markup_tokens(out) == []
        seen = " ".join(_plain_unescape(out).split())
        assert " ".join(f"Row {name}".split()) in seen
        assert " ".join(f"Do {step}".split()) in seen


# -- 18. the completeness check reads the handout about once ------------------------------


def _fake_handout(count):
    from types import SimpleNamespace  # noqa: PLC0415

    exercises = [
        SimpleNamespace(
            name=f"Move number {i}",
            steps=(f"First step of move {i}.", f"Second step of move {i}."),
            dosages=(SimpleNamespace(text=f"{i} sets of {i + 1}"),),
        )
        for i in range(count)
    ]
    required = ("Ask your provider first.", *(f"Reference {i}." for i in range(count)))
    seen = "\n".join(
        f"{e.name}\n{e.steps[0]}\n  {e.steps[1]}\n{e.dosages[0].text}" for e in exercises
    )
    return SimpleNamespace(required=required, exercises=exercises), f"{seen}\n" + "\n".join(
        required
    )


def test_18_the_completeness_check_takes_linear_time():
    from upperback._render import _missing  # noqa: PLC0415

    def check(made):
        handout, seen = made
        assert _missing(handout, seen) == []

    assert_linear(_fake_handout, check, 3_000)


def test_18_the_completeness_check_still_finds_what_is_missing_in_any_order():
    from upperback._render import _missing  # noqa: PLC0415

    handout, seen = _fake_handout(5)
    blocks = seen.split("\nAsk your provider first.\n")[0].split("\nMove")
    reordered = "\nMove".join(reversed(blocks[1:])) + "\nMove" + blocks[0]
    assert _missing(handout, "Move" + reordered + "\n" + "\n".join(handout.required)) == []
    assert _missing(handout, seen.replace("Second step of move 3.", "")) == [
        "Move number 3: Second step of move 3."
    ]
    assert _missing(handout, seen.replace("Reference 4.", "")) == ["Reference 4."]
    assert _missing(handout, seen.replace("2 sets of 3", "")) == ["Move number 2: 2 sets of 3"]
    swapped = seen.replace("First step of move 1.", "@").replace(
        "Second step of move 1.", "First step of move 1."
    )
    assert _missing(handout, swapped.replace("@", "Second step of move 1.")) == [
        "Move number 1: Second step of move 1."
    ]


def test_18_an_incomplete_handout_error_stays_short():
    error = IncompleteHandoutError([f"Move {i}: " + "a step " * 100 for i in range(10_000)])
    assert len(str(error)) < 20_000
    assert len(error.missing) == 10_000
    assert str(error).endswith("... and 9950 more (the error's missing attribute holds them all)")


# -- 18. a template that asks the PDF printer to load something ----------------------------


@pytest.mark.parametrize(
    ("tag", "url"),
    [
        ('<img src="https://attacker.example/p.png" alt="">', "https://attacker.example/p.png"),
        ('<link rel="stylesheet" href="file:///etc/passwd">', "file:///etc/passwd"),
        ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="">', "data:image/png;base64,"),
    ],
)
def test_18_a_refused_fetch_in_a_user_template_is_a_template_error(tmp_path, tag, url):
    pytest.importorskip("weasyprint")
    ours = (TEMPLATES / "handout.html").read_text(encoding="utf-8")
    assert "<main" in ours
    folder = _templates(tmp_path, handout_html=ours.replace("<main", f"{tag}<main", 1))
    with pytest.raises(TemplateError, match="must not load anything") as info:
        render(BUNDLED["band-row"], "pdf", template_dir=folder)
    assert url in str(info.value)
