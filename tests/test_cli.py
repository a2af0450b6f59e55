"""The command line, as ``python -m upperback`` runs it.

Most tests call :func:`upperback.cli.main` in this process with stdout and
stderr of their own (:func:`run`): a new Python for each of some 200
commands took a sixth of the suite's time. :func:`spawn` runs the real
``python -m upperback``, and a test checks that both give the same output
and status.
"""

import contextlib
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import upperback
from upperback import Equipment, Program
from upperback.cli import main
from upperback.schema import json_schema

FIXTURES = Path(__file__).parent / "fixtures"
CATALOG = upperback.load_catalog()


def spawn(*args, cwd=None):
    """Run ``python -m upperback`` in a new process; it never shows a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "upperback", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def run(*args, cwd=None):
    """Run the command in this process, as ``python -m upperback`` would.

    Its output is read back with the newlines a text-mode subprocess gives.
    """
    result = run_bytes(*args, cwd=cwd)
    out, err = (
        stream.decode("utf-8").replace("\r\n", "\n") for stream in (result.stdout, result.stderr)
    )
    return subprocess.CompletedProcess(list(args), result.returncode, out, err)


def run_bytes(*args, cwd=None):
    """Run the command in this process; its stdout and stderr as bytes.

    ``main()`` writes to UTF-8 streams of its own; *cwd* is the folder it runs
    in. Anything it failed to catch is raised here, so no traceback goes unseen.
    """
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    here = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = main([str(arg) for arg in args])
    finally:
        os.chdir(here)
        stdout.flush()
        stderr.flush()
    return subprocess.CompletedProcess(list(args), status, out.getvalue(), err.getvalue())


def ok(*args, **kwargs):
    result = run(*args, **kwargs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


# -- list, show, search ------------------------------------------------------


def test_list_is_a_table_of_every_exercise():
    lines = ok("list").splitlines()
    assert lines[0].split() == ["ID", "NAME", "CATEGORY", "POSITIONS", "EQUIPMENT"]
    assert [line.split()[0] for line in lines[1:]] == list(CATALOG.ids)
    row = next(line for line in lines if line.startswith("band-row "))
    assert "Rowing exercise" in row
    assert "elastic-band, door or sturdy-anchor, chair" in row
    # Plain aligned columns: every column starts at the same place on each line.
    start = lines[0].index("NAME")
    assert all(line[start - 2 : start] == "  " and line[start] != " " for line in lines)


def test_list_as_json_is_the_catalog():
    assert upperback.loads(ok("list", "--format", "json"), upperback.Catalog) == CATALOG


def test_show_prints_one_exercise_as_a_handout():
    out = ok("show", "band-row")
    assert "Rowing exercise" in out
    assert "2 sets of 15" in out
    assert "Mid-trap exercise" not in out


def test_show_as_json_is_the_exercise():
    out = ok("show", "band-row", "--format", "json")
    assert upperback.loads(out, upperback.Exercise) == CATALOG["band-row"]


def test_search_ranks_the_best_match_first():
    lines = ok("search", "wall angels").splitlines()
    assert lines[0].split() == ["SCORE", "ID", "NAME", "MATCHED"]
    best = CATALOG.search("wall angels")[0]
    assert lines[1].split()[:2] == [f"{best.score:.3f}", "arm-slide-on-wall"]

    results = json.loads(ok("search", "wall angels", "--format", "json"))
    assert results[0]["exercise"]["id"] == "arm-slide-on-wall"
    assert results[0]["score"] == best.score


def test_search_without_a_match_says_so_and_exits_1():
    result = run("search", "xylophone")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no exercise matches 'xylophone'" in result.stderr


# -- program -----------------------------------------------------------------


def test_no_command_prints_the_default_program():
    out = ok()
    assert out == ok("program")
    program = upperback.build_program()
    assert program.schedule.describe() in out
    for exercise_id in program.exercise_ids:
        assert CATALOG[exercise_id].name in out
    assert "Mid-trap exercise" in out


def test_avoid_position_removes_the_exercises_done_only_there():
    out = ok("program", "--avoid-position", "lying-on-stomach")
    assert "Mid-trap exercise" not in out
    assert "Arm slide on wall" in out


def test_equipment_takes_commas_and_repeats():
    out = ok("program", "--equipment", "wall,chair", "--equipment", "pillow", "--format", "json")
    program = upperback.loads(out, Program)
    assert program.request.equipment == (Equipment.WALL, Equipment.CHAIR, Equipment.PILLOW)
    expected = upperback.build_program(equipment=["wall", "chair", "pillow"])
    assert program.exercise_ids == expected.exercise_ids

    out = ok("program", "--equipment", "none", "--format", "json")
    program = upperback.loads(out, Program)
    assert program.request.equipment == ()
    assert program.exercise_ids == ("scapular-squeeze",)


def test_every_program_option_reaches_the_builder():
    args = {
        "--avoid-position": "standing",
        "--minutes": "20",
        "--sessions-per-week": "3",
        "--weeks": "6",
        "--start": "2026-01-05",
        "--include": "band-row",
        "--exclude": "thoracic-stretch",
    }
    out = ok("program", *(item for pair in args.items() for item in pair), "--format", "json")
    program = upperback.loads(out, Program)
    expected = upperback.build_program(
        avoid_positions=["standing"],
        minutes_per_session=20,
        sessions_per_week=3,
        weeks=6,
        start=dt.date(2026, 1, 5),
        include=["band-row"],
        exclude=["thoracic-stretch"],
    )
    assert program == expected
    assert upperback.dumps(program) == out


def test_start_shows_the_dates():
    out = ok("program", "--start", "2026-01-05", "--weeks", "2")
    dates = r"2026-01-05|5 Jan(uary)? 2026|Jan(uary)? 5, 2026"
    assert re.search(dates, out), out
    assert re.search(r"2026-01-18|18 Jan(uary)? 2026|Jan(uary)? 18, 2026", out), out
    assert not re.search(dates, ok("program", "--weeks", "2"))


def test_output_writes_the_file_and_nothing_to_stdout(tmp_path):
    target = tmp_path / "program.json"
    assert ok("program", "--format", "json", "-o", target) == ""
    assert upperback.loads(target.read_text(encoding="utf-8"), Program) == upperback.build_program()


# -- validate, schema, version -----------------------------------------------


def test_validate_accepts_a_good_catalog():
    path = FIXTURES / "good" / "minimal.json"
    assert ok("validate", path) == f"{path}: valid catalog, 1 exercise\n"


@pytest.mark.parametrize("path", sorted((FIXTURES / "bad").glob("*.json")), ids=lambda p: p.name)
def test_validate_lists_every_problem_of_a_bad_catalog(path):
    with pytest.raises(upperback.CatalogError) as info:
        upperback.load_catalog(path)
    result = run("validate", path)
    assert result.returncode == 1
    # The problems are the command's report: stdout, one a line.
    assert result.stdout == "".join(f"{problem}\n" for problem in info.value.problems)
    head = f"upperback: error: invalid catalog in {str(path)!r}"
    count = len(info.value.problems)
    if count == 1:
        assert result.stderr == f"{head} (1 problem): {info.value.problems[0]}\n"
    else:
        assert result.stderr == f"{head} ({count} problems)\n"


@pytest.mark.parametrize("name", ["catalog", "program"])
def test_schema_prints_the_json_schema(name):
    schema = json.loads(ok("schema", name))
    assert "$schema" in schema
    assert schema == json_schema(name)


def test_version_names_the_package_and_the_data():
    expected = f"upperback {version('upperback')} (data {CATALOG.data_version})\n"
    assert ok("--version") == expected


# -- user catalogs -------------------------------------------------------------


def test_a_user_catalog_adds_its_exercises():
    path = FIXTURES / "good" / "minimal.json"
    extra = upperback.load_catalog(path)
    lines = ok("--catalog", path, "list").splitlines()
    assert [line.split()[0] for line in lines[1:]] == [*CATALOG.ids, *extra.ids]
    assert extra.exercises[0].name in ok("--catalog", path, "show", extra.ids[0])


# -- errors --------------------------------------------------------------------

ERRORS = [
    (["show", "band-rwo"], 2, ["no exercise with id 'band-rwo'", "did you mean 'band-row'"]),
    (["program", "--weeks", "0"], 2, ["--weeks", "1 to 52", "got 0"]),
    (["program", "--minutes", "-5"], 2, ["--minutes", "got -5"]),
    (["program", "--equipment", "bnd"], 2, ["unknown equipment 'bnd'", "elastic-band"]),
    (["program", "--avoid-position", "sittin"], 2, ["did you mean 'sitting'"]),
    (["program", "--include", "band-rwo"], 2, ["--include", "did you mean 'band-row'"]),
    (["program", "--start", "2026-02-30"], 2, ["--start", "YYYY-MM-DD"]),
    (["program", "--weeks", "four"], 2, ["--weeks", "invalid int value"]),
    (["search", "wall", "--limit", "0"], 2, ["--limit", "got '0'"]),
    (["frobnicate"], 2, ["invalid choice"]),
    (["validate", "no-such-file.json"], 1, ["no-such-file.json"]),
    (["list", "-o", "no-such-dir/list.txt"], 1, ["list.txt"]),
    (["--catalog", FIXTURES / "bad" / "types.json", "list"], 1, ["invalid catalog"]),
    (
        ["program", "--equipment", "none", "--exclude", "scapular-squeeze"],
        1,
        ["no exercise fits", "band-row: it needs elastic band"],
    ),
]


@pytest.mark.parametrize(
    ("args", "status", "fragments"), ERRORS, ids=[" ".join(map(str, e[0])) for e in ERRORS]
)
def test_errors_are_one_clear_message(tmp_path, args, status, fragments):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == status
    assert result.stdout == ""
    assert re.match(r"(usage: .*\n)?upperback( \w+)?: error: ", result.stderr, re.DOTALL)
    assert result.stderr.count("error:") == 1
    for fragment in fragments:
        assert fragment in result.stderr


def test_html_without_jinja2_asks_for_the_extra():
    code = (
        "import runpy, sys; sys.modules['jinja2'] = None; "
        "runpy.run_module('upperback', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "show", "band-row", "--format", "html"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("upperback: error: ")
    assert "jinja2" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "band-row", "--format", "json", "--lang", "es"],
        ["program", "--weeks", "2", "--start", "2026-01-05"],
        ["show", "band-rwo"],
        ["program", "--weeks"],
        ["--catalog", FIXTURES / "bad" / "types.json", "list"],
        ["--version"],
    ],
    ids=lambda args: " ".join(map(str, args)).replace(str(FIXTURES), "fixtures"),
)
def test_this_process_runs_a_command_as_a_new_python_does(args):
    # Every other test runs the command in this process: check on a sample of
    # successes, data errors and usage errors that a real process is the same.
    real, here = spawn(*args), run(*args)
    assert (real.returncode, real.stdout, real.stderr) == (
        here.returncode,
        here.stdout,
        here.stderr,
    )


def test_main_returns_the_status_instead_of_exiting(capsys):
    assert main(["--help"]) == 0
    assert "usage: upperback" in capsys.readouterr().out
    assert main(["program", "--weeks"]) == 2
    assert main(["show", "band-rwo"]) == 2
    assert "did you mean 'band-row'" in capsys.readouterr().err


# -- figures -----------------------------------------------------------------


def test_show_as_svg_draws_the_pose(tmp_path):
    target = tmp_path / "row.svg"
    assert ok("show", "band-row", "--format", "svg", "--pose", "end", "-o", target) == ""
    assert (
        target.read_text(encoding="utf-8") == upperback.illustrate(CATALOG["band-row"], "end").svg
    )
    assert (
        ok("show", "band-row", "--format", "svg") == upperback.illustrate(CATALOG["band-row"]).svg
    )


def test_show_with_an_unknown_pose_exits_2():
    result = run("show", "band-row", "--format", "svg", "--pose", "ned")
    assert result.returncode == 2
    assert "unknown pose 'ned' (did you mean 'end'?)" in result.stderr


def test_pose_needs_the_svg_format():
    result = run("show", "band-row", "--pose", "end")
    assert result.returncode == 2
    assert "--pose needs --format svg" in result.stderr


def test_figures_writes_every_pose_of_every_exercise(tmp_path):
    target = tmp_path / "new" / "figures"
    assert ok("figures", "-o", target) == f"Wrote 16 pictures to {target}\n"
    names = sorted(p.name for p in target.iterdir())
    expected = sorted(
        picture.filename for exercise in CATALOG for picture in upperback.illustrations(exercise)
    )
    assert names == expected
    assert (target / "band-row-start.svg").read_text(encoding="utf-8") == (
        upperback.illustrate(CATALOG["band-row"]).svg
    )


def test_figures_from_a_bad_catalog_writes_nothing(tmp_path):
    target = tmp_path / "figures"
    result = run("figures", "--catalog", FIXTURES / "bad" / "types.json", "-o", target)
    assert result.returncode == 1
    assert not target.exists()


def test_markdown_handout_links_the_written_figures():
    out = ok("show", "band-row", "--format", "markdown", "--figures-dir", "figs")
    assert "](figs/band-row-start.svg)" in out
    assert "](figs/band-row-end.svg)" in out
