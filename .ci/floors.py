"""Print constraints that pin every dependency at its floor in pyproject.toml.

Runtime dependencies and extras alike: each `name>=X` becomes `name==X`.

The oldest-dependencies job in .ci/run installs the wheel with these
constraints, so a floor that is too low fails there, not on a user's machine.

With `--lock FILE` (constraints.txt) it also prints the lock's pins of every
other package, the test tools among them, so that job is as reproducible as
the others: only the floors differ.
"""

import re
import sys
from pathlib import Path

import tomllib

project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
requirements = list(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    requirements += extra

floored = set()
for requirement in dict.fromkeys(requirements):  # once each, in order
    match = re.match(r"\s*([A-Za-z0-9._-]+)(\[[^\]]*\])?\s*>=\s*([^,;\s]+)\s*(;.*)?$", requirement)
    if match is None:
        sys.exit(f"no `>=` floor in {requirement!r}: give every dependency one")
    name, _, floor, marker = match.groups()
    floored.add(re.sub(r"[-_.]+", "-", name).lower())
    print(f"{name}=={floor}{(' ' + marker) if marker else ''}")

if sys.argv[1:2] == ["--lock"]:
    for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
        pin = re.match(r"([A-Za-z0-9._-]+)==", line)
        if pin and re.sub(r"[-_.]+", "-", pin[1]).lower() not in floored:
            print(line)
