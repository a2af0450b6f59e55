"""Print each installed distribution whose version differs from the lock.

Usage: python .ci/lock_diff.py constraints.txt (run with the venv's Python).
A pin whose environment marker does not hold for this Python is passed
over; a package not installed here is not listed.
"""

import re
import sys
from importlib.metadata import distributions
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

installed = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions()}
pinned = {}
for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    match = re.match(r"([A-Za-z0-9._-]+)==([^\s;]+)\s*(?:;(.*))?$", line)
    if match and (match[3] is None or Marker(match[3]).evaluate()):
        pinned[canonicalize_name(match[1])] = match[2]

changed = [
    f"{name}: {version} in the lock, {installed[name]} now"
    for name, version in sorted(pinned.items())
    if name in installed and installed[name] != version
]
print("\n".join(changed) if changed else "none: every installed package is at its locked version")
