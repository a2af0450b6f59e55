import json
import os
import re
import subprocess
import sys
import sysconfig
from importlib.metadata import distribution, metadata, version
from pathlib import Path

import pytest

import upperback

ROOT = Path(__file__).parent.parent


def test_version_is_the_installed_metadata():
    assert upperback.__version__ == version("upperback")


def test_tests_import_the_installed_package_not_src():
    # CI runs the tests against the wheel installed in a fresh venv. An
    # editable install (a developer's) maps site-packages back to src/.
    direct_url = distribution("upperback").read_text("direct_url.json")
    editable = bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))
    if editable and not os.environ.get("CI"):
        pytest.skip("editable install: the README's test command tests the installed wheel")
    package = Path(upperback.__file__).resolve().parent
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert package == site_packages / "upperback"
    assert (ROOT / "src").resolve() not in package.parents


def test_the_tests_import_the_built_wheel():
    """The README's test command installs the wheel it built, never the clone.

    pip records where a distribution came from in ``direct_url.json``: a
    wheel file gives ``archive_info`` and a ``.whl`` URL; ``pip install .``
    gives the clone's folder. Reusing a venv where the source was installed
    once made pip skip the wheel ("already installed") and test the clone.
    """
    direct_url = distribution("upperback").read_text("direct_url.json")
    origin = json.loads(direct_url) if direct_url else {}
    if origin.get("dir_info", {}).get("editable") and not os.environ.get("CI"):
        pytest.skip("editable install: the README's test command tests the installed wheel")
    assert "archive_info" in origin, origin
    assert origin["url"].endswith(".whl"), origin["url"]


def _name(requirement):
    name = re.split(r"[ ;<>=!~\[]", requirement.strip())[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins():
    lock = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    return {_name(line) for line in lock.splitlines() if re.match(r"[A-Za-z0-9]", line)}


@pytest.mark.skipif(not (ROOT / "constraints.txt").is_file(), reason="needs the source tree")
def test_the_lock_pins_every_dependency_and_tool():
    """constraints.txt pins every name pyproject.toml gives: stale, it fails here."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the other Pythons check it
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    named = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        named += extra
    for group in pyproject["dependency-groups"].values():
        named += [entry for entry in group if isinstance(entry, str)]
    pins = _pins()
    assert {_name(requirement) for requirement in named} - pins == set()
    lock = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert all("==" in line for line in lock.splitlines() if re.match(r"[A-Za-z0-9]", line))


@pytest.mark.skipif(not (ROOT / "constraints.txt").is_file(), reason="needs the source tree")
def test_the_lock_says_the_documented_refresh_command():
    header = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()[1]
    guide = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    command = header.lstrip("# ").strip()
    assert command.startswith("uv pip compile")
    assert f"```text\n{command}\n```" in guide


def test_citation_names_this_version_and_the_data_version():
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^version: (\S+)$", citation, flags=re.MULTILINE)[1] == version("upperback")
    data_version = upperback.load_catalog().data_version
    assert f"data version is {data_version}." in " ".join(citation.split())


def test_unknown_attribute_raises():
    try:
        upperback.no_such_name  # noqa: B018
    except AttributeError as err:
        assert "no_such_name" in str(err)  # noqa: PT017
    else:
        raise AssertionError


def test_all_names_exist_once():
    # ruff (RUF022) keeps __all__ sorted; here we check it names real things.
    assert len(set(upperback.__all__)) == len(upperback.__all__)
    for name in upperback.__all__:
        assert hasattr(upperback, name), name


def test_typing_file_uses_every_public_name():
    # tests/typing/api.py is what mypy --strict and pyright check as users'
    # code: a public name it leaves out has types that nothing tests.
    api = (ROOT / "tests" / "typing" / "api.py").read_text(encoding="utf-8")
    unused = [name for name in upperback.__all__ if not re.search(rf"\b{name}\b", api)]
    assert unused == []


def test_ships_types_and_data():
    package = Path(upperback.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "data" / "catalog.json").is_file()
    assert (package / "data" / "schema" / "catalog.schema.json").is_file()
    assert (package / "data" / "schema" / "program.schema.json").is_file()
    assert (package / "data" / "locales" / "es.json").is_file()


def test_runtime_dependencies_are_only_the_three():
    requires = metadata("upperback").get_all("Requires-Dist") or []
    names = {re.split(r"[ ;<>=!\[]", req)[0].lower() for req in requires if "extra ==" not in req}
    assert names == {"attrs", "cattrs", "importlib-resources"}
    extras = {re.split(r"[ ;<>=!\[]", req)[0].lower() for req in requires if "extra ==" in req}
    assert extras == {"icalendar", "jinja2", "weasyprint"}
    assert sorted(metadata("upperback").get_all("Provides-Extra") or []) == ["html", "ics", "pdf"]


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)
    test_command = next(block for block in blocks if "pytest" in block)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_main_prints_the_default_program():
    result = subprocess.run(
        [sys.executable, "-m", "upperback"], capture_output=True, text=True, check=True
    )
    catalog = upperback.load_catalog()
    program = upperback.build_program()
    for exercise_id in program.exercise_ids:
        assert catalog[exercise_id].name in result.stdout
    assert program.schedule.describe() in result.stdout
    assert catalog.disclaimer in result.stdout


def test_import_is_cheap_and_reads_nothing():
    # The heavy or optional modules load on first use, not with the package.
    code = (
        "import sys, upperback; "
        "heavy = ('cattrs', 'jinja2', 'importlib_resources'); "
        "print(sorted(m for m in heavy if m in sys.modules)); "
        "import upperback.catalog as c; print(c._bundled is None)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


def test_lazy_names_work():
    code = "from upperback import dumps, loads, Range; print(loads(dumps(Range(1, 2)), Range))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "Range(low=1, high=2)"
