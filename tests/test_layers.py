"""The package's layers (docs/architecture.md): a module imports only from its own layer and
the layers below it, so the tree shows the data flow and no import cycle can form."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "lint"
# Bottom to top. The public contract a rule author uses, then the layers of a run, then the
# public entry points (the library facade), then what is built on them.
CONTRACT = {
    "rule",
    "document",
    "finding",
    "chars",
    "prefilter",
    "patterns",
    "config",
    "fingerprint",
}
FACADE = {"__init__", "testing", "check", "copies"}
LAUNCHER = "__main__"  # ``python -m cnlint``: the command line's
LAYERS = ["contract", "inputs", "engine", "ci", "report", "facade", "integrations", "cli"]


def layer_of(module: str, names: tuple[str, ...] = ()) -> str:
    """The layer of ``cnlint.x`` or ``cnlint.x.y`` (a subpackage is a layer); ``names`` are
    what is imported from it."""
    parts = module.split(".")[1:] or ["__init__"]
    if parts == ["__init__"] and names == ("__version__",):
        return "contract"  # the version string, not the facade
    if parts[0] == LAUNCHER:
        return "cli"
    if parts[0] in LAYERS:
        return parts[0]
    return "contract" if parts[0] in CONTRACT else "facade"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(["cnlint", *parts])


def runtime_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    """``from cnlint… import`` statements outside ``if TYPE_CHECKING:`` blocks."""
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("cnlint")
        and id(node) not in typing_only
    ]


def test_every_module_imports_only_its_own_layer_and_the_ones_below():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = LAYERS.index(layer_of(module_name(path)))
        for node in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            imported = tuple(alias.name for alias in node.names)
            if LAYERS.index(layer_of(node.module, imported)) > own:
                upward.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {node.module}")
    assert not upward, "\n".join(upward)


def test_every_module_is_in_a_known_layer():
    top_level = {path.stem for path in PACKAGE.glob("*.py")}
    assert top_level == CONTRACT | FACADE | {LAUNCHER}
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert folders == set(LAYERS) - {"contract", "facade"}
