"""The first text handout in a fresh process loads only what it needs.

Start-up time is measured by ``benchmarks/run.py``, never in tests; these
tests check what makes it short: the modules such a process imports.
"""

import subprocess
import sys

import upperback
from upperback._render import _plain, _view

#: Imported only for what the first program's text handout does not do.
NOT_NEEDED = [
    "difflib",  # search and suggestions
    "upperback._search",
    "upperback._locales",  # English is the bundled catalog's own language
    "upperback._illustrate",  # pictures: text shows none
    "upperback._svg",
    "upperback._render._html",
    "upperback._render._pdf",
    "upperback._render._visible",
    "html.parser",
    "importlib_resources",  # the package's loader reads its data
    "importlib.resources",
    "pydantic",  # optional: our types carry its hooks without importing it
    "pydantic_core",
]


def test_the_first_text_handout_imports_only_what_it_needs():
    code = (
        "import sys, upperback\n"
        "c = upperback.load_catalog()\n"
        "p = upperback.build_program(catalog=c)\n"
        "upperback.render(p, 'text', catalog=c)\n"
        f"print([m for m in {NOT_NEEDED!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_text_is_the_same_without_drawing_pictures():
    catalog = upperback.load_catalog()
    program = upperback.build_program(catalog=catalog)
    for obj in (catalog, program, catalog.exercises[0]):
        drawn = _view.build(obj, catalog)
        undrawn = _view.build(obj, catalog, pictures=False)
        assert any(view.figures for view in drawn.exercises)
        assert _plain.render_text(undrawn) == _plain.render_text(drawn)
