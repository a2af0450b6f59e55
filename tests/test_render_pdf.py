"""Print the default program's HTML handout to PDF with Chromium, and read it back."""

import datetime as dt
import os
import re
import shutil
import subprocess

import pytest

import upperback
from upperback import render

TOOLS = ("chromium", "pdftotext", "pdfinfo")
TIMEOUT = 120


def need_tools() -> dict[str, str]:
    found = {tool: shutil.which(tool) for tool in TOOLS}
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


def test_default_program_prints_to_pdf(tmp_path):
    tools = need_tools()
    catalog = upperback.load_catalog()
    program = upperback.build_program(start=dt.date(2026, 1, 5))
    page = tmp_path / "handout.html"
    page.write_text(render(program, "html"), encoding="utf-8")
    pdf = tmp_path / "handout.pdf"
    profile = tmp_path / "profile"
    profile.mkdir()
    subprocess.run(
        [
            tools["chromium"],
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            page.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=TIMEOUT,
    )
    assert pdf.stat().st_size > 0

    text = subprocess.run(
        [tools["pdftotext"], str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout
    flat = words(text)
    exercises = [catalog[exercise_id] for exercise_id in program.exercise_ids]
    for exercise in exercises:
        assert exercise.name in flat
    # Each exercise's start and end figures print with their captions.
    assert flat.count("Start position") == len(exercises)
    assert flat.count("End position") == len(exercises)
    assert words(catalog.disclaimer) in flat
    cited = dict.fromkeys(ref for exercise in exercises for ref in exercise.references)
    assert cited
    for reference_id in cited:
        assert words(catalog.reference(reference_id).title) in flat
    assert "When to stop and call your provider" in flat
    assert "January 26 to February 1, 2026" in flat

    info = subprocess.run(
        [tools["pdfinfo"], str(pdf)], capture_output=True, text=True, check=True, timeout=TIMEOUT
    ).stdout
    pages = re.search(r"^Pages:\s+(\d+)$", info, flags=re.MULTILINE)
    assert pages
    assert 2 <= int(pages.group(1)) <= 12
