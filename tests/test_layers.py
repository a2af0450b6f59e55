"""The layers run one way: runtime imports point down only.

model -> converter -> catalog -> program -> views, renderers and exports ->
CLI. A module may import, at run time, its own layer and the layers below;
imports under ``if TYPE_CHECKING:`` may point anywhere (they never run). A
function-level import counts too: it runs when the function does.
"""

import ast
from pathlib import Path

import pytest

import upperback

PACKAGE = Path(upperback.__file__).parent
#: Each module's layer; a module not named here is an export (layer 4).
LAYERS = {
    "exceptions": 0,
    "_gc": 0,
    "_resources": 0,
    "_suggest": 0,
    "_i18n": 0,
    "_validate": 0,
    "model": 0,
    "_kinematics": 0,
    "_svg": 0,
    "_convert": 1,
    "_pydantic": 1,
    "schema": 1,
    "_locales": 1,
    "catalog": 2,
    "_index": 2,
    "_search": 2,
    "program": 3,
    "cli": 5,
    "__main__": 5,
}
EXPORTS = 4


def layer(module: str) -> int:
    return LAYERS.get(module.split(".", maxsplit=1)[0], EXPORTS)


def name_of(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(path: Path):
    """The package's own modules that *path* imports when it runs."""
    here = name_of(path).split(".")
    package = here[:-1]  # a module's package; for __init__.py, its own

    def visit(node):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (i for child in node.orelse for i in visit(child))
            return
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1] if node.level > 1 else package
            target = [*base, *(node.module.split(".") if node.module else [])]
            if node.module:
                yield ".".join(target), node.lineno
            else:
                for alias in node.names:
                    yield ".".join([*target, alias.name]), node.lineno
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("upperback."):
            yield node.module.removeprefix("upperback."), node.lineno
        for child in ast.iter_child_nodes(node):
            yield from visit(child)

    yield from visit(ast.parse(path.read_text(encoding="utf-8")))


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def test_every_layer_is_a_module_that_exists():
    names = {name_of(path).split(".")[0] for path in MODULES}
    assert set(LAYERS) <= names


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_runtime_imports_point_down(path):
    own = layer(name_of(path))
    upward = [
        f"{name_of(path)}:{line} imports {target} (layer {layer(target)} > {own})"
        for target, line in runtime_imports(path)
        if target and layer(target) > own
    ]
    assert upward == []
