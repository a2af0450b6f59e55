"""Sphinx configuration for upperback's documentation."""

import sys
from importlib.metadata import version as _version
from pathlib import Path

# Our own extension: the contact sheet of every figure, drawn at build time.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "upperback"
author = "The upperback developers"
copyright = "2026, The upperback developers"  # noqa: A001 - Sphinx's name
release = _version("upperback")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    # The CLI reference (cli.md) is generated from the argparse parser.
    "sphinxarg.ext",
    "contact_sheet",
]
# No intersphinx here, so references to the standard library cannot resolve;
# -n (nitpicky) would flag each one. Everything else must resolve.
nitpick_ignore_regex = [
    ("py:class", r"(collections\.abc|datetime|dt|os|typing)\.\w+"),
    ("py:class", r"Format"),  # render()'s Literal of format names, listed in its docstring
    ("py:class", r"(upperback\._convert\.)?T"),  # the type variable of loads()
    ("py:class", r"upperback\.(model\._T|catalog\._V)"),  # type variables of terms()
]
# No intersphinx: the build machines have no internet, and with -W an
# unreachable inventory would fail the build.

source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Attributes sections as fields: the attributes themselves are listed once, by
# :undoc-members: in api.md, so that references to them resolve.
napoleon_use_ivar = True

html_theme = "furo"
html_title = "upperback"
