"""What a clinic hands over: summary box, tracking sheet, personal details, print options."""

import datetime as dt
import html
import re

import attrs
import markupsafe
import pytest
from hypothesis import given, settings

import upperback
from upperback import HandoutOptions, InvalidOptionError, render
from upperback._render import _view
from upperback.exceptions import UpperbackError

from . import strategies
from .test_cli import run_bytes as run
from .test_wording import grade

START = dt.date(2026, 1, 5)
TEXT_FORMATS = ("text", "markdown", "html")
DETAILS = HandoutOptions(
    patient="Sam Lee",
    provider="Dr. Ana Ruiz, PT",
    provider_phone="(555) 010-2030",
    date_given=dt.date(2026, 1, 5),
    next_visit=dt.date(2026, 2, 2),
    notes="Start gently.\nSkip a day if your back is sore.",
)


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


@pytest.fixture(scope="module")
def dated():
    return upperback.build_program(start=START)


@pytest.fixture(scope="module")
def undated():
    return upperback.build_program(sessions_per_week=3, weeks=2)


def readable(output: str, fmt: str) -> str:
    if fmt == "html":
        output = re.sub(r"(?s)<style>.*?</style>", " ", output)
        return html.unescape(re.sub(r"<[^>]+>", " ", output))
    if fmt == "markdown":
        return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", output)
    return output


def words(text: str) -> str:
    return " ".join(text.split())


# -- the summary box -----------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_summary_comes_first(fmt, dated):
    text = words(readable(render(dated, fmt), fmt))
    lines = [
        "What it is for: exercises to help your upper back heal.",
        "How often: every day, for 4 weeks.",
        "Start: Monday, January 5, 2026.",
        "How long: about 13 minutes a session.",
        "When to stop: if an exercise hurts, stop it and call your provider.",
    ]
    at = text.index("At a glance")
    assert at < text.index("Your exercises")
    for line in lines:
        assert text.index(line) > at
        assert text.index(line) < text.index("Your exercises")


def test_summary_is_three_to_five_short_lines(catalog):
    for request in [{}, {"start": START}, {"sessions_per_week": 3, "weeks": 1}]:
        summary = _view.build(upperback.build_program(**request), catalog).summary
        assert 3 <= len(summary) <= 5
        assert all(len(line.split()) <= 14 for line in summary)
    weekly = _view.build(upperback.build_program(sessions_per_week=3, weeks=1), catalog)
    assert "How often: 3 days a week, for 1 week." in weekly.summary


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_summary_or_sheet_without_a_program(fmt, catalog):
    for obj in (catalog["band-row"], catalog):
        text = readable(render(obj, fmt), fmt)
        assert "At a glance" not in text
        assert "tracking sheet" not in text


# -- the tracking sheet --------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_tracking_sheet_has_a_week_a_table_with_dates(fmt, dated, catalog):
    output = render(dated, fmt)
    text = readable(output, fmt)
    sheet = text[text.index("Your tracking sheet") :]
    names = [catalog[i].name for i in dated.exercise_ids]
    for week in dated.weeks:
        assert f"Week {week.number}: " in sheet
    for name in names:
        assert sheet.count(name) == len(dated.weeks)
    # The fields of a log entry: what was done, pain before and after, how it felt, notes.
    for label in ("Pain before / after (0 to 10)", "How it felt (1 to 4)", "Notes"):
        assert sheet.count(label) == len(dated.weeks)
    for day in range(28):
        date = START + dt.timedelta(days=day)
        assert f"{date:%b} {date.day}" in sheet
    assert "Mon" in sheet
    assert "Sun" in sheet
    assert "Day 1" not in sheet
    # A cell to write in per exercise and day, and per day for pain and feeling.
    if fmt == "text":
        cells = re.findall(r"(?<!_)_{6}(?!_)", sheet)
        assert len(cells) == len(names) * 7 * len(dated.weeks)
        assert len(re.findall(r"(?<!_)_{5}(?!_)", sheet)) == 7 * len(dated.weeks)
        assert len(re.findall(r"(?<!_)_{3}(?!_)", sheet)) == 7 * len(dated.weeks)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_tracking_sheet_without_dates_counts_days(fmt, undated):
    text = readable(render(undated, fmt), fmt)
    sheet = text[text.index("Your tracking sheet") :]
    assert "Week 1" in sheet
    assert "Week 2" in sheet
    assert "Week 3" not in sheet
    for day in range(1, 8):
        assert sheet.count(f"Day {day}") == 2
    assert not re.search(r"\b(Jan|Feb|Mon|Sun)\b", sheet)


def test_markdown_tracking_sheet_is_a_table(dated):
    markdown = render(dated, "markdown")
    sheet = markdown[markdown.index("## Your tracking sheet") :]
    assert "| Exercise | Mon Jan 5 | Tue Jan 6 |" in sheet
    assert "| --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: |" in sheet
    assert "| Arm slide on wall |   |   |" in sheet
    assert "| Pain before / after (0 to 10) |   |" in sheet
    assert "| Notes | | | | | | | |" in sheet


def test_text_tracking_sheet_lines_up(dated):
    text = render(dated, "text")
    sheet = text[text.index("Your tracking sheet") :].splitlines()
    header = next(i for i, line in enumerate(sheet) if line.startswith("Exercise "))
    dates, first = sheet[header + 1], sheet[header + 2]
    assert dates.split()[:2] == ["Jan", "5"]
    assert first.startswith("Arm slide on wall ")
    # Each cell to write in sits under its day.
    for day in ("Mon", "Tue", "Sun"):
        column = sheet[header].index(day)
        assert first[column : column + 3] == "___"
    assert any(line.startswith("Notes: ____") for line in sheet)


def test_html_dates_column_only_with_dates(dated, undated):
    with_dates = render(dated, "html")
    without = render(undated, "html")
    assert with_dates.count('<th scope="col">Dates</th>') == len(dated.exercise_ids)
    assert "Dates" not in without
    assert '<th scope="row">Week 1</th><td>' in without


def test_weeks_with_the_same_dosage_share_a_line(dated):
    page = render(dated, "html")
    thoracic = page[page.index('id="exercise-thoracic-extension"') :]
    thoracic = thoracic[: thoracic.index("</section>")]
    assert thoracic.count("<tr>") == 2  # the header and one run of weeks
    assert '<th scope="row">Weeks 1 to 4</th><td>January 5 to February 1, 2026</td>' in thoracic


# -- personal details ------------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_details_go_in_the_header(fmt, dated):
    text = words(readable(render(dated, fmt, options=DETAILS), fmt))
    header = text[: text.index("At a glance")]
    for expected in (
        "For: Sam Lee",
        "Provider: Dr. Ana Ruiz, PT",
        "Phone: (555) 010-2030",
        "Date given: Monday, January 5, 2026",
        "Next visit: Monday, February 2, 2026",
    ):
        assert expected in header
    notes = text[text.index("Notes from your provider") :]
    assert notes.index("Start gently.") < notes.index("Skip a day if your back is sore.")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_details_no_header_lines(fmt, dated):
    text = readable(render(dated, fmt), fmt)
    assert "For:" not in text
    assert "Notes from your provider" not in text


def test_details_never_in_the_program_or_its_json(dated):
    before = upperback.dumps(dated)
    render(dated, "html", options=DETAILS)
    assert upperback.dumps(dated) == before
    assert "Sam Lee" not in before
    assert not any(
        "patient" in field.name or "provider" in field.name
        for cls in (upperback.Program, upperback.ProgramRequest)
        for field in attrs.fields(cls)
    )


HOSTILE = "<script>alert('x')</script> & <b>bold</b> | *star* [link](http://x)"


def test_hostile_details_are_escaped_in_html(dated):
    options = HandoutOptions(patient=HOSTILE, provider=HOSTILE, notes=HOSTILE)
    page = render(dated, "html", options=options)
    assert "<script" not in page
    assert "<b>" not in page
    assert page.count(str(markupsafe.escape(HOSTILE))) == 3


def test_hostile_details_are_escaped_in_markdown(dated):
    markdown = render(dated, "markdown", options=HandoutOptions(patient=HOSTILE, notes=HOSTILE))
    assert "<script>" not in markdown
    assert "[link](" not in markdown
    assert r"\<script\>" in markdown
    assert r"\*star\*" in markdown


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("patient", "Sam\x00Lee", "patient: control character U+0000 at position 3 is not allowed"),
        ("provider", "Dr.\x1b[31mRed", "provider: control character U+001B at position 3"),
        (
            "provider_phone",
            "555\u202e0102",
            "provider_phone: control character U+202E at position 3",
        ),
        ("notes", "one\rtwo", "notes: control character U+000D at position 3"),
        ("patient", "one\ntwo", "patient: control character U+000A at position 3"),
        ("patient", "x" * 10_000, "patient: at most 120 characters, got 10000"),
        ("notes", "x" * 10_000, "notes: at most 1200 characters, got 10000"),
        ("provider_phone", "5" * 41, "provider_phone: at most 40 characters, got 41"),
        ("patient", 42, "patient: expected text, got int"),
        ("next_visit", "2026-02-02", "next_visit: expected a date, got str"),
        (
            "date_given",
            dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc),
            "date_given: expected a date, got datetime",
        ),
        ("paper", "legal", "paper: expected one of letter, a4, got 'legal'"),
        ("large_print", "yes", "large_print: expected True or False, got str"),
    ],
)
def test_bad_details_are_refused_with_a_clear_error(field, value, message):
    with pytest.raises(InvalidOptionError) as info:
        HandoutOptions(**{field: value})
    assert message in str(info.value)
    assert info.value.option == field
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, UpperbackError)


def test_notes_keep_their_lines_and_blank_details_are_none():
    options = HandoutOptions(patient="  ", notes="one\n\n  two  \n")
    assert options.patient is None
    assert options.notes == "one\n\n  two"


def test_options_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DETAILS.patient = "someone else"  # type: ignore[misc]


def test_options_must_be_handout_options(dated):
    with pytest.raises(TypeError, match="options: expected HandoutOptions, got dict"):
        render(dated, "text", options={"patient": "x"})  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)
@given(options=strategies.handout_options)
def test_any_details_are_shown_escaped(options):
    program = upperback.build_program(weeks=1)
    page = render(program, "html", options=options)
    markdown = readable(render(program, "markdown", options=options), "markdown")
    text = render(program, "text", options=options)
    for value in (options.patient, options.provider, options.provider_phone):
        if value is not None:
            assert str(markupsafe.escape(value)) in page
            assert value in markdown
            assert value in text
    assert "<script" not in page.lower()


# -- print options ---------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("letter", "letter"), ("a4", "A4")])
def test_paper_size(paper, size, dated):
    page = render(dated, "html", options=HandoutOptions(paper=paper))
    assert re.search(rf"@page \{{\s*size: {size};", page)


def test_large_print_is_at_least_16_points(dated):
    page = render(dated, "html", options=HandoutOptions(large_print=True))
    assert '<body class="large-print">' in page
    print_css = page[page.index("@media print") :]
    size = re.search(r"body\.large-print \{ font-size: (\d+(?:\.\d+)?)pt", print_css)
    assert size
    assert float(size.group(1)) >= 16
    regular = render(dated, "html")
    assert '<body class="regular-print">' in regular


def test_cards_never_split_and_no_forced_page_breaks(dated):
    page = render(dated, "html")
    print_css = page[page.index("@media print") :]
    assert re.search(r"\.exercise \{[^}]*break-inside: avoid", print_css)
    assert re.search(r"\.week \{[^}]*break-inside: avoid", print_css)
    assert "break-before: page" not in page
    assert "page-break-before: always" not in page


# -- the command line --------------------------------------------------------------


def test_cli_details_and_print_options(tmp_path):
    out = tmp_path / "plan.html"
    result = run(
        "program",
        "--format=html",
        "--patient-name=Sam <Lee>",
        "--provider=Dr. Ruiz",
        "--provider-phone=555-0102",
        "--date-given=2026-01-05",
        "--next-visit=2026-02-02",
        "--notes=Go slowly.",
        "--paper=a4",
        "--large-print",
        "-o",
        out,
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Sam &lt;Lee&gt;" in page
    assert "Monday, February 2, 2026" in page
    assert "Go slowly." in page
    assert "size: A4;" in page
    assert '<body class="large-print">' in page


def test_cli_refuses_details_in_json():
    result = run("program", "--format=json", "--patient-name=Sam Lee")
    assert result.returncode == 2
    assert b"--patient-name: personal details go in a handout" in result.stderr
    assert result.stdout == b""


def test_cli_names_the_option_of_a_bad_detail():
    result = run("program", "--patient-name", "x" * 10_000)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "upperback: error: --patient-name: at most 120 characters, got 10000"
    )


def test_cli_show_takes_the_options_too():
    result = run("show", "band-row", "--format=markdown", "--provider=Dr. Ruiz")
    assert result.returncode == 0, result.stderr
    assert b"- Provider: Dr. Ruiz" in result.stdout


def test_new_phrases_are_plain(dated, catalog):
    handout = _view.build(dated, catalog)
    labels = handout.labels
    # The reading grade of short fragments is noisy: grade each part whole.
    assert grade(" ".join(handout.summary)) <= 6
    assert grade(labels.tracking_intro) <= 6
