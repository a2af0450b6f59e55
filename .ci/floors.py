"""Print constraints that pin every dependency at its floor in pyproject.toml.

Runtime dependencies and extras alike: each `name>=X` becomes `name==X`.

The oldest-dependencies job in .ci/run installs the wheel with these
constraints, so a floor that is too low fails there, not on a user's machine.
"""

import re
import sys
from pathlib import Path

import tomllib

project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
requirements = list(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    requirements += extra

for requirement in dict.fromkeys(requirements):  # once each, in order
    match = re.match(r"\s*([A-Za-z0-9._-]+)(\[[^\]]*\])?\s*>=\s*([^,;\s]+)\s*(;.*)?$", requirement)
    if match is None:
        sys.exit(f"no `>=` floor in {requirement!r}: give every dependency one")
    name, _, floor, marker = match.groups()
    print(f"{name}=={floor}{(' ' + marker) if marker else ''}")
