"""Every Python example in the README and the docs type-checks under ``mypy --strict``.

A reader copies an example into code that is type-checked; it must pass as
it stands, and read naturally (no casts or ``None`` checks a person would
not write). The examples are doctests (tests/test_docs.py runs them); here
each page's examples, in order, become one module, and mypy checks them all
in one run against the installed package.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^( *)```python\n(.*?)^\1```", flags=re.MULTILINE | re.DOTALL)
PROMPT = re.compile(r"^\s*(>>>|\.\.\.)( |$)")


def source_of(page: Path) -> str:
    """The code of a page's doctests, prompts taken off, output left out."""
    lines = []
    for match in FENCE.finditer(page.read_text(encoding="utf-8")):
        for line in match[2].splitlines():
            prompt = PROMPT.match(line)
            if prompt:
                lines.append(line[prompt.end() :])
    return "\n".join(lines) + "\n"


def test_every_python_example_passes_mypy_strict(tmp_path):
    api = pytest.importorskip("mypy.api")
    files = []
    for page in PAGES:
        code = source_of(page)
        if code.strip():
            module = tmp_path / f"{page.stem.replace('-', '_').lower()}_examples.py"
            module.write_text(code, encoding="utf-8")
            files.append(str(module))
    assert len(files) >= 5  # the README and the docs pages with examples
    out, err, status = api.run(
        ["--strict", "--cache-dir", str(tmp_path / ".mypy_cache"), "--no-error-summary", *files]
    )
    assert status == 0, out + err
