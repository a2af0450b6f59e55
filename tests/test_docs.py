"""Every code block in the README and the docs runs somewhere.

Python blocks are doctests: pytest runs them (``--doctest-glob=*.md``), and
none may be skipped. Shell blocks are run by ``.ci/run``, line for line.
JSON blocks must parse. Text blocks show output and are not code.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^( *)```(\w+)\n(.*?)^\1```", flags=re.MULTILINE | re.DOTALL)
#: Shell lines that cannot run before a release: they need upperback on PyPI.
NEEDS_A_RELEASE = {"pip install upperback"}


def blocks(language):
    for page in PAGES:
        for match in FENCE.finditer(page.read_text(encoding="utf-8")):
            if match[2] == language:
                yield pytest.param(match[3], id=f"{page.name}:{match[3][:30]}")


def test_only_known_languages():
    languages = {
        match[2] for page in PAGES for match in FENCE.finditer(page.read_text(encoding="utf-8"))
    }
    # console blocks are run by test_console_blocks_run, sh blocks by .ci/run.
    assert languages <= {"console", "json", "python", "sh", "text"}


@pytest.mark.parametrize("code", list(blocks("json")))
def test_json_blocks_parse(code):
    assert isinstance(json.loads(code), dict | list)


@pytest.mark.parametrize("code", list(blocks("python")))
def test_python_blocks_are_doctests_that_run(code):
    assert code.lstrip().startswith(">>>")
    assert "+SKIP" not in code


@pytest.mark.parametrize("code", list(blocks("sh")))
def test_shell_blocks_are_run_by_ci(code):
    ci_lines = {line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()}
    for line in code.strip().splitlines():
        assert line in NEEDS_A_RELEASE or line.strip() in ci_lines, line


#: Console lines that need a server we do not have: shown, never run.
NEEDS_A_SERVER = ("curl ",)
#: Files a reader downloads before running an example, by the name the docs
#: give them: the example runs on our own file of the same form instead.
STAND_INS = {"exercises.json": ROOT / "tests" / "fixtures" / "free_exercise_db_sample.json"}
#: What a console block runs with here: the long fuzz run as the short one,
#: and the tools of the environment the tests run in.
_BIN = Path(sys.executable).parent


def _commands(code):
    """The commands of a console block: ``$`` lines, with backslash continuations joined."""
    joined = re.sub(r"\\\n\s*", "", code)
    for line in joined.splitlines():
        if line.strip().startswith("$ "):
            yield line.strip()[2:]


def _runnable(command):
    command = command.replace("HYPOTHESIS_PROFILE=fuzz", "HYPOTHESIS_PROFILE=fast")
    words = shlex.split(command)
    env = {}
    while words and "=" in words[0]:
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    tool = words[0]
    if tool == "python":
        words[0] = sys.executable
    elif (_BIN / tool).exists():
        words[0] = str(_BIN / tool)
    else:
        pytest.skip(f"{tool} is not installed beside this Python")
    return words, env


@pytest.mark.parametrize("code", list(blocks("console")))
def test_console_blocks_run(code, tmp_path):
    """Every console example runs, in a scratch copy of the files it reads.

    The long fuzz run runs with the short profile; an example that posts to
    a FHIR server is shown, not run.
    """
    for name in ("src", "tests", "pyproject.toml", "babel.cfg"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, tmp_path / name)
    for name, stand_in in STAND_INS.items():
        shutil.copy(stand_in, tmp_path / name)
    ran = []
    for command in _commands(code):
        if command.startswith(NEEDS_A_SERVER):
            continue
        words, env = _runnable(command)
        done = subprocess.run(
            words,
            cwd=tmp_path,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        ran.append(command)
    assert ran  # every block has a command that runs here
