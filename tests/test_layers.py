"""Layers you can see: hooks/hanoi/ imports only downward, and in circles
never.

- **base**: what every feature uses (problems, languages, clock, addresses,
  catalogues, formatting, data files, dates, sources, templates, feeds, the
  markers' expansion);
- **features**: one package each (pages, status, press, programme,
  media_kit, search, served, terms, editor, depositary), which may use
  other features without a circle between them;
- **assembly**: the markers' table and the build, which know every feature.

A module may name a higher layer's types for annotations only (under
``TYPE_CHECKING``): a feature's function takes the site build it is given.
The hook files in hooks/ sit above all of it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from sitetools import PROJECT

PACKAGE = PROJECT / "hooks" / "hanoi"
ASSEMBLY = {"hanoi.build", "hanoi.markers.table"}
BASE_PACKAGES_MODULES = {"hanoi.markers.expansion", "hanoi.markers.page"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """The hanoi modules a module imports when it runs (not for annotations)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in ast.walk(node):
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("hanoi"):
                found.add(child.module)
            elif isinstance(child, ast.Import):
                found |= {alias.name for alias in child.names if alias.name.startswith("hanoi")}
    return found


def layer(module: str) -> int:
    if module in ASSEMBLY:
        return 2
    if module in BASE_PACKAGES_MODULES or module.count(".") == 1:
        return 0
    return 1


def feature(module: str) -> str:
    return module.split(".")[1]


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in runtime_imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_modules_import_no_circle() -> None:
    try:
        tuple(TopologicalSorter(graph()).static_order())
    except CycleError as error:
        raise AssertionError(f"an import circle: {' -> '.join(error.args[1])}") from None


def test_imports_go_only_downward() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in graph().items()
        for target in targets
        if layer(target) > layer(module)
    )
    assert not upward, upward


def test_features_use_each_other_without_a_circle() -> None:
    features: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph().items():
        for target in targets:
            if layer(module) == layer(target) == 1 and feature(module) != feature(target):
                features[feature(module)].add(feature(target))
    try:
        tuple(TopologicalSorter(features).static_order())
    except CycleError as error:
        raise AssertionError(f"features in a circle: {' -> '.join(error.args[1])}") from None
