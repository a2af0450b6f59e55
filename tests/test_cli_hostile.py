"""The command line against hostile files and closed streams (issue 7, defects 7 to 12).

Every subcommand meets every hostile file and must answer the same way:
exit status 1 or 2, exactly one line on stderr, and no traceback.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import upperback
from upperback.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = json.loads((FIXTURES / "good" / "minimal.json").read_text(encoding="utf-8"))


def _with(**changes):
    data = json.loads(json.dumps(MINIMAL))
    data["exercises"][0].update(changes)
    return json.dumps(data)


#: name -> bytes of a catalog file that must be refused.
HOSTILE = {
    "empty": b"",
    "not-json": b"{",
    "deep": b"[" * 100_000,
    "huge-number": b'{"data_version": ' + b"9" * 5000 + b"}",
    "nan": b'{"data_version": NaN}',
    "latin-1": '{"data_version": "caf\u00e9"}'.encode("latin-1"),
    "utf-16": json.dumps(MINIMAL).encode("utf-16"),
    "bom": b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode(),
    # json.dumps writes these as \\ud800 and \\u001b escapes, as a hostile file would.
    "surrogate": _with(summary="Moves \ud800 your head.").encode(),
    "escape": _with(summary="\x1b[2J").encode(),
    "bidi": _with(name="Chin \u202etuck").encode(),
    "zero-width": _with(name="Chin\u200b tuck").encode(),
    "carriage-return": _with(steps=["Sit up tall.\r---"]).encode(),
    "duplicate-key": json.dumps(MINIMAL).encode()[:-1] + b', "exercises": []}',
    "dangling": _with(references=["nowhere"]).encode(),
    "wrong-types": _with(dosage={"reps": "10"}, steps="Sit.").encode(),
    "bundled-clash": _with(id="band-row").encode(),
    "list": b"[]",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, raw in HOSTILE.items():
        path = folder / f"{name}.json"
        path.write_bytes(raw)
        paths[name] = path
    big = folder / "over-64-mib.json"
    with big.open("wb") as file:  # sparse: costs no disk
        file.truncate(64 * 1024 * 1024 + 1)
    paths["over-64-mib"] = big
    paths["folder"] = folder
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.json"
        os.mkfifo(fifo)
        paths["fifo"] = fifo
    if Path("/dev/zero").exists():
        paths["dev-zero"] = Path("/dev/zero")
    return paths


def run(*args, stdin=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "upperback", *args],
        capture_output=True,
        stdin=stdin,
        timeout=60,
        check=False,
        **kwargs,
    )


def commands(path):
    """Every subcommand that reads a catalog, with --catalog before and after it."""
    return [
        ["--catalog", path, "list"],
        ["list", "--catalog", path],
        ["show", "chin-tuck", "--catalog", path],
        ["--catalog", path, "search", "chin"],
        ["program", "--catalog", path, "--format", "markdown"],
        ["--catalog", path],
        ["validate", path],
    ]


def test_every_subcommand_refuses_every_hostile_file_in_one_line(hostile, capsys):
    failures = []
    for name, path in hostile.items():
        for args in commands(path):
            if name == "bundled-clash" and args[0] == "validate":
                continue  # valid alone: it clashes only once merged
            try:
                status = main([str(a) for a in args])
            except BaseException as exc:  # noqa: BLE001 - what escapes is the failure
                failures.append((name, args, "escaped", repr(exc)[:200]))
                continue
            err = capsys.readouterr().err
            if not (
                status in {1, 2} and err.count("\n") == 1 and err.startswith("upperback: error: ")
            ):
                failures.append((name, args, status, err[:300]))
    assert failures == []


@pytest.mark.parametrize("name", ["deep", "surrogate", "latin-1", "over-64-mib", "fifo"])
def test_a_real_process_shows_no_traceback(hostile, name):
    if name not in hostile:
        pytest.skip(f"no {name} here")
    for args in (["--catalog", hostile[name], "program"], ["validate", hostile[name]]):
        result = run(*map(str, args))
        assert result.returncode == 1
        assert result.stderr.count(b"\n") == 1
        assert result.stderr.startswith(b"upperback: error: ")


def test_schema_takes_no_catalog_and_says_so():
    result = run("schema", "catalog", "--catalog", "x.json")
    assert result.returncode == 2
    assert b"unrecognized arguments" in result.stderr


# -- 7. closed stdout ---------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_7_closed_stdout_is_one_error_line_not_an_attribute_error():
    result = subprocess.run(
        ["/bin/sh", "-c", f"'{sys.executable}' -m upperback list >&-"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == b"upperback: error: cannot write the output: stdout is closed\n"


# -- 8. non-UTF-8 file names -------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names")
def test_8_a_non_utf8_file_name_is_shown_not_a_crash(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.json"
    with open(name, "wb") as file:  # noqa: PTH123 - a bytes path
        file.write((FIXTURES / "good" / "minimal.json").read_bytes())
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"upperback", b"validate", name],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(b"caf\\xe9.json: valid catalog, 1 exercise\n")
    assert result.stderr == b""
    broken = os.fsencode(tmp_path) + b"/br\xe9ve.json"
    with open(broken, "wb") as file:  # noqa: PTH123 - a bytes path
        file.write(b"{")
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"upperback", b"--catalog", broken, b"list"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count(b"\n") == 1
    assert b"Traceback" not in result.stderr


# -- 9 and 10. size limit, regular files only --------------------------------------------


def test_9_the_size_limit_is_an_option(tmp_path):
    path = tmp_path / "c.json"
    path.write_bytes((FIXTURES / "good" / "minimal.json").read_bytes())
    result = run("validate", str(path), "--catalog-max-bytes", "100")
    assert result.returncode == 1
    assert b"the limit is 100 bytes" in result.stderr
    result = run("--catalog-max-bytes", "100000", "--catalog", str(path), "list")
    assert result.returncode == 0
    assert b"chin-tuck" in result.stdout


def test_9_dev_zero_is_refused_at_once(hostile):
    if "dev-zero" not in hostile:
        pytest.skip("no /dev/zero")
    result = run("validate", "/dev/zero")
    assert result.returncode == 1
    assert b"expected a regular file" in result.stderr


def test_10_a_fifo_does_not_hang(hostile):
    if "fifo" not in hostile:
        pytest.skip("no FIFOs")
    result = run("validate", str(hostile["fifo"]))  # run() times out after 60 s
    assert result.returncode == 1
    assert b"expected a regular file" in result.stderr


def test_2_a_null_byte_in_a_path_is_one_error_line(capsys):
    assert main(["validate", "bad\0name.json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "null character" in err


# -- 11. --catalog before or after the command -----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--catalog", "{path}", "list"],
        ["list", "--catalog", "{path}"],
        ["show", "--catalog", "{path}", "chin-tuck"],
        ["search", "chin tuck", "--catalog", "{path}"],
        ["program", "--include", "chin-tuck", "--catalog", "{path}"],
    ],
)
def test_11_catalog_works_before_and_after_the_command(args):
    path = str(FIXTURES / "good" / "minimal.json")
    result = run(*[a.replace("{path}", path) for a in args])
    assert result.returncode == 0, result.stderr
    assert b"hin tuck" in result.stdout  # "Chin tuck" or "chin tuck"


def test_11_a_value_given_before_the_command_is_kept():
    path = str(FIXTURES / "good" / "minimal.json")
    result = run("--catalog", path, "--catalog-max-bytes", "10", "list")
    assert result.returncode == 1
    assert b"the limit is 10 bytes" in result.stderr


# -- 12 (and 3). output is whole or absent --------------------------------------------


def test_12_output_overwrites_an_existing_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old content that is longer than the new one" * 100)
    target.chmod(0o640)
    assert main(["show", "band-row", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == upperback.render(
        upperback.load_catalog()["band-row"]
    )
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_12_a_failed_command_leaves_the_old_file_untouched(tmp_path, hostile):
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    for name in ("surrogate", "escape", "deep"):
        status = main(["--catalog", str(hostile[name]), "list", "-o", str(target)])
        assert status == 1
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_12_a_failure_while_writing_leaves_no_half_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("keep me")

    def broken_replace(*_args):
        raise OSError(28, "No space left on device")

    # Path.replace, not os.replace: on Python 3.10 pathlib holds its own
    # reference to os.replace, taken at import, so patching os misses it.
    monkeypatch.setattr(Path, "replace", broken_replace)
    assert main(["list", "-o", str(target)]) == 1
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_12_a_device_is_written_directly():
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    assert main(["list", "-o", "/dev/null"]) == 0
    assert Path("/dev/null").is_char_device()


def test_12_a_new_file_gets_the_usual_mode(tmp_path):
    target = tmp_path / "new.txt"
    assert main(["list", "-o", str(target)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


# -- issue 18: JSON output escapes what does not show -----------------------------------

#: Characters a terminal obeys or hides: ESC, BEL, DEL, C1 controls (NEL, CSI), bidi.
UNSEEN = "\x1b\x07\x7f\x85\x9b\u202e\u2066\u200b\ufffe"


@pytest.mark.parametrize("command", [["show", "chin-tuck"], ["list"]])
def test_18_json_output_escapes_controls_and_bidi_from_extra(tmp_path, command):
    data = json.loads(json.dumps(MINIMAL))
    note = f"a{UNSEEN}b"
    data["exercises"][0]["extra"] = {"note": note, f"key{UNSEEN}": 1}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("--catalog", str(path), *command, "--format", "json")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert not set(out) & set(UNSEEN)
    assert "\\u001b" in out
    assert "\\u202e" in out
    loaded = json.loads(out)
    exercise = (
        loaded
        if command[0] == "show"
        else next(e for e in loaded["exercises"] if e["id"] == "chin-tuck")
    )
    assert exercise["extra"] == {"note": note, f"key{UNSEEN}": 1}


# -- issue 18: -o and symbolic links ----------------------------------------------------


def test_18_output_refuses_a_link_to_a_file_and_leaves_both_alone(tmp_path, capsys):
    real = tmp_path / "real.txt"
    real.write_text("keep me")
    link = tmp_path / "out.txt"
    link.symlink_to(real)
    assert main(["list", "-o", str(link)]) == 2
    assert capsys.readouterr().err == (
        f"upperback: error: --output: {link} is a link to another file; upperback does not "
        "write through links: give the path of the file itself\n"
    )
    assert real.read_text() == "keep me"
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "real.txt"]


def test_18_output_refuses_a_dangling_link_and_creates_nothing(tmp_path, capsys):
    link = tmp_path / "out.txt"
    link.symlink_to(tmp_path / "elsewhere" / "made.txt")
    assert main(["show", "band-row", "-o", str(link)]) == 2
    assert "is a link to nothing" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_18_output_to_dev_stdout_a_link_to_a_pipe_still_works():
    if not Path("/dev/stdout").is_symlink():
        pytest.skip("/dev/stdout is not a link here")
    result = run("list", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert b"band-row" in result.stdout
