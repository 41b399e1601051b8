"""Imports run one way: no cycle between lawkit's packages, every import in an allowed direction.

The graph is built with ast over lawkit/: every `import` and `from … import` of a lawkit
module, at module level, inside functions and under TYPE_CHECKING alike (a type-only import
upward is still a dependency upward). A module belongs to its subpackage (lawkit.grading.batch
→ grading); a private top-level module (lawkit._atomic) is its own node; `__main__` modules are
commands and belong to the cli layer; the package `lawkit` itself is the façade above all.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

import lawkit

LAWKIT = Path(lawkit.__file__).parent

# Layers from the bottom; a package may import its own layer's listed peers and everything below.
BASE = {"errors", "_files", "_lazy", "_atomic", "_sqlite", "_notebook", "citations"}
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(BASE),
    frozenset({"model"}),
    frozenset({"loading"}),
    frozenset({"evaluation"}),
    frozenset({"coursework"}),
    frozenset({"rendering", "reading", "grading", "lms"}),
    frozenset({"widgets", "exercises", "training", "authoring", "export"}),
    frozenset({"cli"}),
    frozenset({"lawkit"}),
)
# The explicit directions inside a layer (everything else inside a layer is forbidden).
PEERS = {
    ("_files", "errors"), ("_atomic", "errors"), ("_sqlite", "errors"), ("_notebook", "errors"),
    ("citations", "_lazy"), ("citations", "errors"),
    ("grading", "reading"),  # the grader reads prose Gutachten
    ("widgets", "training"),  # the trainer widget drives a training session
}


def _layer(package: str) -> int:
    for index, layer in enumerate(LAYERS):
        if package in layer:
            return index
    raise AssertionError(f"package lawkit.{package} has no layer in LAYERS: add it")


def allowed(source: str, target: str) -> bool:
    """Whether package `source` may import package `target`."""
    if source == target:
        return True
    low, high = _layer(target), _layer(source)
    return low < high or (low == high and (source, target) in PEERS)


def _package(module: str, root: Path) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "lawkit"
    if parts[-1] == "__main__":
        return "cli"
    return parts[1]


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path) -> dict[str, dict[str, list[str]]]:
    """package -> imported package -> the places (file:line) that import it."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root)
        source = _package(module, root)
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".")[: len(module.split(".")) - node.level + int(is_package)]
                    targets = [".".join([*base, node.module] if node.module else base)]
                else:
                    targets = [node.module or ""]
            else:
                continue
            for target in targets:
                if target == root.name or target.startswith(root.name + "."):
                    package = _package(target, root)
                    if package != source:
                        places = graph.setdefault(source, {}).setdefault(package, [])
                        places.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return graph


def cycles(graph: Mapping[str, Mapping[str, object]]) -> list[list[str]]:
    """The strongly connected components with more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(set(graph) | {t for targets in graph.values() for t in targets}):
        if node not in index:
            visit(node)
    return found


def wrong_way(graph: Mapping[str, Mapping[str, list[str]]]) -> list[str]:
    return [f"{source} -> {target} ({', '.join(places)})"
            for source, targets in sorted(graph.items())
            for target, places in sorted(targets.items()) if not allowed(source, target)]


def test_no_import_cycle_between_lawkit_packages():
    graph = import_graph(LAWKIT)
    assert cycles(graph) == []


def test_every_import_runs_in_an_allowed_direction():
    graph = import_graph(LAWKIT)
    assert wrong_way(graph) == []
    # The graph is real: the layers the brief names are all seen importing downward.
    assert {"evaluation", "loading", "model"} <= set(graph["rendering"])
    assert "rendering" not in graph["evaluation"] and "rendering" not in graph["loading"]
    assert "exercises" not in graph["grading"]


def test_every_package_has_a_layer():
    packages = {p.name for p in LAWKIT.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in LAWKIT.glob("_*.py") if p.stem != "__init__"}
    for package in packages | modules | {"errors"}:
        _layer(package)


def test_a_planted_cycle_is_found_in_a_copy(tmp_path):
    copy = tmp_path / "lawkit"
    shutil.copytree(LAWKIT, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    results = copy / "evaluation" / "results.py"
    results.write_text(results.read_text(encoding="utf-8")
                       + "\n\ndef _planted() -> None:\n    from lawkit.rendering.report import render  # noqa\n",
                       encoding="utf-8")
    graph = import_graph(copy)
    assert ["evaluation", "rendering"] in cycles(graph)
    assert wrong_way(graph) == ["evaluation -> rendering (lawkit/evaluation/results.py:"
                                f"{len(results.read_text(encoding='utf-8').splitlines())})"]


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}}, [["a", "b", "c"]]),
    ({"a": {"b": []}, "b": {"a": []}, "c": {"a": []}}, [["a", "b"]]),
    ({"a": {"b": []}, "b": {"c": []}, "c": {}}, []),
])
def test_cycles_in_a_synthetic_graph(graph, expected):
    assert cycles(graph) == expected


def test_type_checking_and_relative_imports_count(tmp_path):
    package = tmp_path / "lawkit"
    (package / "model").mkdir(parents=True)
    (package / "cli").mkdir()
    (package / "__init__.py").write_text("")
    (package / "cli" / "__init__.py").write_text("")
    (package / "model" / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..cli import main\n")
    graph = import_graph(package)
    assert graph == {"model": {"cli": ["lawkit/model/__init__.py:3"]}}
    assert wrong_way(graph) == ["model -> cli (lawkit/model/__init__.py:3)"]
