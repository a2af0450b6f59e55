"""Print programs to PDF with WeasyPrint (``render``) and with Chromium, and read them back.

Both engines print the same HTML. The default program must fit on four
pages of Letter and of A4, tracking sheet included.
"""

import contextlib
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import zlib

import pytest

import upperback
from upperback import HandoutOptions, render
from upperback.cli import main
from upperback.exceptions import MissingExtraError

from .test_cli import run_bytes

TIMEOUT = 120
START = dt.date(2026, 1, 5)
CATALOG = upperback.load_catalog()

PROGRAMS = {
    "default": upperback.build_program(),
    "12-weeks": upperback.build_program(start=START, weeks=12, sessions_per_week=3),
}


def need(*tools: str) -> dict[str, str]:
    found = {tool: shutil.which(tool) for tool in tools}
    missing = [tool for tool, path in found.items() if path is None]
    if missing:
        reason = (
            f"{', '.join(missing)} not on PATH: install them with "
            "`apt-get install -y chromium poppler-utils`"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must print handouts to PDF, but {reason}")
        pytest.skip(reason)
    return {tool: path for tool, path in found.items() if path is not None}


def words(text: str) -> str:
    return " ".join(text.split())


def read_back(pdf) -> tuple[str, dict[str, str]]:
    """The PDF's text, and what pdfinfo says about it."""
    tools = need("pdftotext", "pdfinfo")
    text = subprocess.run(
        [tools["pdftotext"], str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout
    info = subprocess.run(
        [tools["pdfinfo"], str(pdf)], capture_output=True, text=True, check=True, timeout=TIMEOUT
    ).stdout
    fields = dict(re.findall(r"^([^:\n]+):\s*(.*)$", info, flags=re.MULTILINE))
    return text, fields


def chromium_pdf(page: str, tmp_path) -> bytes:
    tools = need("chromium")
    html = tmp_path / "handout.html"
    html.write_text(page, encoding="utf-8")
    pdf = tmp_path / "chromium.pdf"
    profile = tmp_path / "profile"
    profile.mkdir()
    subprocess.run(
        [
            tools["chromium"],
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            html.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=TIMEOUT,
    )
    return pdf.read_bytes()


def make_pdf(engine: str, program, options: HandoutOptions, tmp_path) -> bytes:
    if engine == "chromium":
        return chromium_pdf(render(program, "html", options=options), tmp_path)
    return render(program, "pdf", options=options)


def minutes(program) -> int:
    longest = max(week.estimated_session_duration for week in program.weeks)
    return round(longest.total_seconds() / 60)


def check_everything(text: str, info: dict[str, str], program) -> None:
    """Every exercise with its dosage, the summary, the sheet, and the safety text."""
    flat = words(text)
    assert info["Title"] == "Your upper back exercise plan"
    for line in (
        "At a glance",
        "What it is for: exercises to help your upper back heal.",
        "When to stop: if an exercise hurts, stop it and call your provider.",
        f"How long: about {minutes(program)} minutes a session.",
    ):
        assert line in flat
    exercises = [CATALOG[i] for i in program.exercise_ids]
    for exercise in exercises:
        assert exercise.name in flat
    # Each exercise's start and end figures print with their captions.
    assert flat.count("Start position") == len(exercises)
    assert flat.count("End position") == len(exercises)
    for week in program.weeks:
        for item in week.items:
            said = item.dosage.describe()
            said = said[0].upper() + said[1:]
            # A dosage may wrap inside its table cell: compare without spaces.
            assert said.replace(" ", "") in flat.replace(" ", ""), said
    sheet = flat[flat.index("Your tracking sheet") :]
    for week in program.weeks:
        assert f"Week {week.number}" in sheet
    for exercise in exercises:
        assert sheet.count(exercise.name) == len(program.weeks)
    assert sheet.count("Pain before / after (0 to 10)") == len(program.weeks)
    assert words(CATALOG.disclaimer) in flat
    for line in CATALOG.safety:
        assert line in flat
    cited = dict.fromkeys(ref for exercise in exercises for ref in exercise.references)
    assert cited
    for reference_id in cited:
        assert words(CATALOG.reference(reference_id).title) in flat
    for source in CATALOG.sources:
        assert source.title in flat
        assert source.developer in flat


@pytest.mark.parametrize("engine", ["weasyprint", "chromium"])
@pytest.mark.parametrize(("paper", "size"), [("letter", "(letter)"), ("a4", "(A4)")])
def test_default_program_fits_on_four_pages(engine, paper, size, tmp_path):
    program = PROGRAMS["default"]
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(make_pdf(engine, program, HandoutOptions(paper=paper), tmp_path))
    text, info = read_back(pdf)
    # Four pages of A4 and five of Letter (shorter) is our promise for the PDF we
    # make, with the WeasyPrint that pyproject.toml pins; the tracking sheet keeps
    # rows tall enough to write in rather than squeeze into fewer. A browser's print
    # is its own layout, and Debian updates Chromium under us: it gets one page of
    # slack, and every word is still checked.
    pages = {"a4": 4, "letter": 5}[paper]
    assert int(info["Pages"]) <= (pages if engine == "weasyprint" else pages + 1)
    assert info["Page size"].endswith(size)
    assert info["Tagged"] == "yes"
    check_everything(text, info, program)
    # No start date: the sheet counts days, and no card shows a "Dates" column.
    assert "Day 1" in text
    assert "Dates" not in text


@pytest.mark.parametrize("engine", ["weasyprint", "chromium"])
def test_twelve_weeks_with_dates(engine, tmp_path):
    program = PROGRAMS["12-weeks"]
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(make_pdf(engine, program, HandoutOptions(), tmp_path))
    text, info = read_back(pdf)
    check_everything(text, info, program)
    flat = words(text)
    assert "Start: Monday, January 5, 2026." in flat
    assert "Dates" in flat
    sheet = flat[flat.index("Your tracking sheet") :]
    for week in program.weeks:
        assert f"Week {week.number}: " in sheet
    for day in range(12 * 7):
        date = START + dt.timedelta(days=day)
        assert f"{date:%b} {date.day}" in sheet
    assert "March 23 to 29, 2026" in sheet  # week 12
    # Summary, cards, safety and references, then three pages of four weeks.
    assert 5 <= int(info["Pages"]) <= 8


def inflated(data: bytes) -> bytes:
    """The PDF with its compressed streams (object streams too) inflated."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_weasyprint_pdf_is_tagged_with_title_and_language(tmp_path):
    data = render(PROGRAMS["default"], "pdf")
    assert isinstance(data, bytes)
    assert data.startswith(b"%PDF-")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(data)
    _, info = read_back(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Your upper back exercise plan"
    objects = inflated(data)
    assert b"/Lang (en)" in objects
    assert b"/MarkInfo" in objects
    assert b"/StructTreeRoot" in objects
    assert b'pdfuaid:part="1"' in objects  # PDF/UA-1, in the XMP metadata


def test_pdf_carries_personal_details_escaped(tmp_path):
    options = HandoutOptions(
        patient="<script>alert(1)</script> Sam",
        provider="Dr. Ruiz",
        next_visit=dt.date(2026, 2, 2),
        notes="Go slowly & rest.",
    )
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(render(PROGRAMS["default"], "pdf", options=options))
    text, _ = read_back(pdf)
    flat = words(text)
    assert "For: <script>alert(1)</script> Sam" in flat
    assert "Next visit: Monday, February 2, 2026" in flat
    assert "Go slowly & rest." in flat


def test_large_print_keeps_cards_whole(tmp_path):
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(render(PROGRAMS["default"], "pdf", options=HandoutOptions(large_print=True)))
    text, info = read_back(pdf)
    pages = text.split("\f")
    # Each card's name, its last step and its dosage are on the same page.
    for exercise_id in PROGRAMS["default"].exercise_ids:
        exercise = CATALOG[exercise_id]
        holding = [i for i, page in enumerate(pages) if exercise.name in words(page)]
        assert len(holding) >= 2, exercise.name  # its card, and the tracking sheet
        on_page = set(pages[holding[0]].split())
        assert set(exercise.steps[-1].text.split()) <= on_page, exercise.name
        assert f"{len(exercise.steps)}." in on_page
    assert int(info["Pages"]) > 4  # bigger type takes more paper


def test_pdf_without_weasyprint(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(MissingExtraError) as info:
        render(PROGRAMS["default"], "pdf")
    assert 'pip install "upperback[pdf]"' in str(info.value)
    assert info.value.extra == "pdf"


def test_cli_writes_pdf_to_a_file(tmp_path):
    out = tmp_path / "plan.pdf"
    result = run_bytes("program", "--format", "pdf", "--paper", "a4", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]  # no temporary left
    _, info = read_back(out)
    assert info["Page size"].endswith("(A4)")


def test_cli_pipes_pdf_but_refuses_a_terminal():
    piped = run_bytes("program", "--format", "pdf")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"%PDF-")
    # A pseudo-terminal as stdout: the PDF is refused before any work.
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    err = io.StringIO()
    try:
        with (
            os.fdopen(follower, "w", closefd=False) as terminal,
            contextlib.redirect_stdout(terminal),
            contextlib.redirect_stderr(err),
        ):
            status = main(["program", "--format", "pdf"])
    finally:
        os.close(leader)
        os.close(follower)
    assert status == 2
    assert "--output: a PDF is not for the screen: give -o FILE, or pipe the output" in (
        err.getvalue()
    )


# -- issue 18: a very long word stays on the page and in its column -------------------------


def _text_boxes(box, inside=()):
    """Every text box of a WeasyPrint layout, with the classes of its ancestors."""
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415

    classes = (box.element.get("class") or "").split() if box.element is not None else []
    inside = (*inside, *classes) if box.element_tag else inside
    if isinstance(box, boxes.TextBox):
        yield box, inside
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, inside)


def _column_left(page, name):
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415

    for box in page.descendants():
        element = box.element if isinstance(box, boxes.Box) else None
        if element is not None and name in (element.get("class") or "").split():
            return box.position_x
    return None


def test_18_a_150_letter_word_breaks_instead_of_running_off_the_page_or_over_a_column():
    weasyprint = pytest.importorskip("weasyprint")
    import attrs  # noqa: PLC0415

    word = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 4)[:150]
    row = CATALOG["band-row"]
    odd = attrs.evolve(
        row,
        name=f"Row {word[:60]}",
        steps=(upperback.Step(f"Hold the {word} band."), *row.steps[1:]),
        cautions=(f"Stop if {word} hurts.", *row.cautions),
    )
    catalog = attrs.evolve(CATALOG, exercises=(odd, *(e for e in CATALOG if e.id != row.id)))
    document = weasyprint.HTML(string=render(odd, "html", catalog=catalog)).render()
    checked = 0
    for page in document.pages:
        page_box = page._page_box  # WeasyPrint's layout tree
        right = page_box.content_box_x() + page_box.width
        side = _column_left(page_box, "card-side")
        for box, inside in _text_boxes(page_box):
            end = box.position_x + box.width
            assert end <= right + 0.5, f"{box.text!r} runs off the page"
            if side is not None and "card-steps" in inside:
                assert end <= side + 0.5, f"{box.text!r} runs over the side column"
            checked += word[:20] in box.text
    assert checked >= 3  # the name, the step and the caution were laid out


def _long_exercise(steps, length):
    import attrs  # noqa: PLC0415

    words = "Move your arm slowly and keep your back straight while you breathe out. "
    text = (words * (length // len(words) + 1))[:length].strip()
    row = CATALOG["scapular-squeeze"]
    odd = attrs.evolve(row, steps=tuple(upperback.Step(f"{i}: {text}") for i in range(steps)))
    return odd, attrs.evolve(CATALOG, exercises=(odd,))


def test_18_a_card_longer_than_a_page_flows_on_from_the_first_page():
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415

    from upperback._render import _view  # noqa: PLC0415

    odd, catalog = _long_exercise(30, 400)
    assert _view.build(odd, catalog).exercises[0].long
    assert not any(e.long for e in _view.build(CATALOG, CATALOG).exercises)
    html = render(odd, "html", catalog=catalog)
    assert 'class="exercise long"' in html
    pages = weasyprint.HTML(string=html).render().pages

    def texts(page):
        return " ".join(
            box.text
            for box in page._page_box.descendants()  # WeasyPrint's layout tree
            if isinstance(box, boxes.TextBox)
        )

    first = texts(pages[0])
    assert "0: Move your arm" in first  # the card starts under its heading, no blank page
    assert "29: Move your arm" in " ".join(texts(page) for page in pages)
