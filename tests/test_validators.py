"""The compiled schema check (fastjsonschema) lets data through without
jsonschema's help, so it must never accept what jsonschema refuses: the two
are compared on every data file and page of the site, and on broken copies
of each (a field removed, an unknown one added, a value of the wrong kind).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Iterator

import pytest
from hanoi.datafiles import DATA_DIR, _validator, is_valid, load_yaml
from hanoi.pages.scan import scan_pages
from hanoi.programme.model import programme_files

WRONG_VALUES: tuple[Any, ...] = (None, 12345, 1.5, True, "", "x" * 400, [], ["x"], {"unknown": 1}, "2025-13-45")


def _real_data() -> list[tuple[str, str, Any]]:
    files = {"glossary": sorted((DATA_DIR / "glossary").glob("*.yml")),
             "key_facts": [DATA_DIR / "key_facts.yml"], "signatures": [DATA_DIR / "signatures.yml"]}
    files.update({f"programme_{name}": [path] for name, path in programme_files().items()})
    found = []
    for schema, paths in files.items():
        for path in paths:
            data, problems = load_yaml(path)
            assert not problems and data is not None, problems
            found.append((schema, path.relative_to(DATA_DIR.parent).as_posix(), data))
    pages, _ = scan_pages()
    found += [(page.kind, f"docs/{page.language}/{page.relative_path}", page.meta) for page in pages]
    return found


REAL_DATA = _real_data()


def _samples() -> list[tuple[str, str, Any]]:
    """Every data file, and the first page of each kind in each language
    (each has dozens of broken copies)."""
    first_pages: dict[tuple[str, str], tuple[str, str, Any]] = {}
    for schema, name, data in REAL_DATA:
        if name.startswith("docs/"):
            first_pages.setdefault((schema, name.split("/")[1]), (schema, name, data))
    return [entry for entry in REAL_DATA if not entry[1].startswith("docs/")] + list(first_pages.values())


def _places(node: Any, path: tuple = ()) -> Iterator[tuple]:
    """Paths to every mapping and value, following only the first item of a list."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, path + (key,))
    elif isinstance(node, list) and node:
        yield from _places(node[0], path + (0,))


def _at(node: Any, path: tuple) -> Any:
    for step in path:
        node = node[step]
    return node


def _broken_copies(data: Any) -> Iterator[Any]:
    for path in _places(data):
        if not path:
            continue
        parent, last = _at(data, path[:-1]), path[-1]
        for value in WRONG_VALUES:
            broken = copy.deepcopy(data)
            _at(broken, path[:-1])[last] = value
            yield broken
        if isinstance(parent, dict):
            broken = copy.deepcopy(data)
            del _at(broken, path[:-1])[last]
            yield broken
    for path in _places(data):
        if isinstance(_at(data, path), dict):
            broken = copy.deepcopy(data)
            _at(broken, path)["an_unknown_field"] = "x"
            yield broken


def _reference_accepts(data: Any, schema: str) -> bool:
    return next(_validator(schema).iter_errors(data), None) is None


@pytest.mark.parametrize("schema,name,data", _samples(), ids=lambda v: v if isinstance(v, str) else "")
def test_both_checks_agree_on_real_data_and_its_broken_copies(schema: str, name: str, data: Any) -> None:
    copies = [data, *_broken_copies(data)]
    disagreements = [c for c in copies if is_valid(c, schema) != _reference_accepts(c, schema)]
    assert not disagreements, f"{name}: fastjsonschema and jsonschema disagree on {disagreements[:2]}"
    assert not all(is_valid(c, schema) for c in copies), f"{name}: no broken copy was refused"


def test_both_checks_accept_every_real_page_and_data_file() -> None:
    refused = [name for schema, name, data in REAL_DATA if not (is_valid(data, schema) and _reference_accepts(data, schema))]
    assert not refused
