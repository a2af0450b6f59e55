"""Check what the sdist and the wheel in dist/ hold, against git.

Usage: python .ci/check_dist.py DIST_DIR DIRECT_WHEEL_DIR

- The wheel holds every git-tracked file under src/upperback (code, data,
  schemas, templates, py.typed, and whatever package data comes later:
  figures, locales) and nothing else but its .dist-info.
- The sdist holds every git-tracked file of the parts it is made from.
- The wheel built from the sdist (dist/, as `python -m build` makes it) has
  the same file list as a wheel built straight from the tree.

Standard library only (Python 3.11 or newer, for tomllib).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import tomllib

PACKAGE = "upperback"
# What [tool.hatch.build.targets.sdist] includes, besides the generated PKG-INFO.
SDIST_PARTS = tuple(
    tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"][
        "targets"
    ]["sdist"]["include"]
)


def tracked(*paths: str) -> set[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--", *paths], capture_output=True, text=True, check=True
    ).stdout
    return {name for name in out.split("\0") if name}


def only(paths: list[Path], suffix: str) -> Path:
    found = [path for path in paths if path.name.endswith(suffix)]
    if len(found) != 1:
        sys.exit(f"expected one {suffix} file, found {[str(p) for p in found]}")
    return found[0]


def wheel_files(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if not name.endswith("/")}


def report(what: str, missing: set[str], extra: set[str]) -> list[str]:
    lines = [f"{what}: missing {name}" for name in sorted(missing)]
    lines += [f"{what}: unexpected {name}" for name in sorted(extra)]
    return lines


def main() -> int:
    dist, direct = Path(sys.argv[1]), Path(sys.argv[2])
    wheel = only(sorted(dist.iterdir()), ".whl")
    sdist = only(sorted(dist.iterdir()), ".tar.gz")
    direct_wheel = only(sorted(direct.iterdir()), ".whl")
    problems: list[str] = []

    # The wheel: the package's tracked files, mapped from src/, and its metadata.
    in_wheel = wheel_files(wheel)
    package_files = {name for name in in_wheel if not name.split("/")[0].endswith(".dist-info")}
    expected = {name.removeprefix("src/") for name in tracked(f"src/{PACKAGE}")}
    problems += report(wheel.name, expected - package_files, package_files - expected)
    for required in ("py.typed", "data/catalog.json", "data/locales/es.json"):
        if f"{PACKAGE}/{required}" not in in_wheel:
            problems.append(f"{wheel.name}: missing {PACKAGE}/{required}")

    # The sdist: every tracked file of its parts, under one top directory.
    with tarfile.open(sdist) as archive:
        names = {member.name for member in archive.getmembers() if member.isfile()}
    top = sdist.name.removesuffix(".tar.gz")
    in_sdist = {name.removeprefix(f"{top}/") for name in names}
    want = tracked(*SDIST_PARTS) | {"pyproject.toml", "PKG-INFO"}
    problems += report(sdist.name, want - in_sdist, set())

    # The wheel built from the sdist and the one built from the tree agree.
    from_tree = wheel_files(direct_wheel)
    problems += report(
        f"wheel from the sdist vs. from the tree ({direct_wheel})",
        from_tree - in_wheel,
        in_wheel - from_tree,
    )

    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        return 1
    print(
        f"{wheel.name}: {len(package_files)} package files, all tracked in git; "
        f"{sdist.name}: {len(in_sdist)} files; wheel from sdist == wheel from tree"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
