"""Bad input is refused, never crashes: broken copies of every data file and
of every kind of front matter, generated with Hypothesis from the real files
and their JSON Schemas, go through the same loaders the build uses. Each one
must come back as problems naming the file and the field (or the line), and
never as a Python exception.

The broken copies: a required field removed, an unknown field added, a value
of the wrong type, an impossible date, a time without its offset, an end
before its start, text in decomposed Unicode (not NFC), an empty file, and
YAML that cannot be read. At least 500 cases run; CI derandomizes them
(tests/conftest.py loads the "ci" profile when CI is set).
"""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from hanoi.datafiles import load_schema
from hanoi.depositary.names import load_depositary_names
from hanoi.pages.scan import FRONT_MATTER, front_matter_of, front_matter_problems
from hanoi.problems import Problem
from hanoi.programme.model import load_programme
from hanoi.status.convention import CONVENTION_FILE, load_rules
from hanoi.status.facts import DATA_FILES, FactFiles, load_site_facts
from hanoi.status.tiles import load_tile_grid
from hanoi.terms.glossaries import load_glossaries
from hanoi.terms.termbase import load_termbase
from sitetools import PROJECT

DATA = PROJECT / "data"
CASES = 600  # at least 500 generated cases per run are required

# --- the files, and the loader the build uses for each ---------------------


def _facts(root: Path) -> list[Problem]:
    rules, problems = load_rules(root / CONVENTION_FILE.name)
    if rules is None:
        return problems
    return problems + load_site_facts(date.today(), rules, FactFiles(*(root / path.name for path in DATA_FILES)))[1]


def _front_matter(kind: str) -> Callable[[Path], list[Problem]]:
    def check(root: Path) -> list[Problem]:
        path = root / "page.md"
        meta, _, problems = front_matter_of(path.read_text(encoding="utf-8"), path.name)
        return problems or front_matter_problems(meta, kind, path)

    return check


@dataclass(frozen=True)
class Kind:
    name: str
    source: Path  # the real file the broken copies start from
    schema: str
    siblings: tuple[Path, ...]  # files the loader reads with it, copied unchanged
    check: Callable[[Path], list[Problem]]
    front_matter: bool = False


def _depositary_names(root: Path) -> list[Problem]:
    rules, problems = load_rules(root / CONVENTION_FILE.name)
    assert rules is not None, problems
    facts, problems = load_site_facts(date.today(), rules, FactFiles(*(root / path.name for path in DATA_FILES)))
    assert facts is not None, problems
    return load_depositary_names(facts, root / "depositary_names.yml")[1]


def _tile_grid(root: Path) -> list[Problem]:
    return load_tile_grid(root / "tile_grid.yml")[1]


def _programme(root: Path) -> list[Problem]:
    return load_programme(root)[1]


FACT_FILES = (CONVENTION_FILE, *DATA_FILES)
PROGRAMME = tuple(DATA / "programme" / f"{name}.yml" for name in ("days", "events", "sources", "venues"))
GLOSSARIES = tuple(DATA / "glossary" / f"{language}.yml" for language in ("en", "vi", "fr"))
KINDS = (
    Kind("convention", DATA / "convention.yml", "convention", FACT_FILES, _facts),
    Kind("key facts", DATA / "key_facts.yml", "key_facts", FACT_FILES, _facts),
    Kind("signatures", DATA / "signatures.yml", "signatures", FACT_FILES, _facts),
    Kind("treaty status", DATA / "treaty_status.yml", "treaty_status", FACT_FILES, _facts),
    Kind("depositary names", DATA / "depositary_names.yml", "depositary_names", FACT_FILES, _depositary_names),
    Kind("tile grid", DATA / "tile_grid.yml", "tile_grid", (), _tile_grid),
    Kind("termbase", DATA / "termbase.yml", "termbase", (), lambda root: load_termbase(root / "termbase.yml")[1]),
    Kind("glossary", DATA / "glossary" / "vi.yml", "glossary", GLOSSARIES, lambda root: load_glossaries(root)[1]),
    *(Kind(f"programme {p.stem}", p, f"programme_{p.stem}", PROGRAMME, _programme) for p in PROGRAMME),
    Kind("page", PROJECT / "docs" / "vi" / "convention" / "signatures.md", "page", (), _front_matter("page"), True),
    Kind("home page", PROJECT / "docs" / "fr" / "index.md", "page", (), _front_matter("page"), True),
    Kind(
        "press release",
        PROJECT / "docs" / "fr" / "press" / "2025-10-26-closing-press-conference.md",
        "press_release",
        (),
        _front_matter("press_release"),
        True,
    ),
)

# --- broken copies, guided by the schema ------------------------------------

OTHER_TYPE: dict[str, Any] = {
    "string": ["a", "list"],
    "number": "text",
    "integer": "text",
    "boolean": "text",
    "array": "text",
    "object": "text",
    "null": ["a", "list"],
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|T|/)")  # a day, a moment or a span, not a slug
OFFSET = re.compile(r"(T\d{2}:\d{2}(?::\d{2})?)(?:[+-]\d{2}:\d{2}|Z)$")


def resolve(schema: dict, root: dict) -> tuple[dict, dict]:
    """The schema a "$ref" points to, and the root its own references start from."""
    while "$ref" in schema:
        reference = schema["$ref"]
        if reference.startswith("#/"):
            schema = _pointer(root, reference)
        else:
            root = schema = load_schema(reference.removesuffix(".schema.json"))
    return schema, root


def _pointer(root: dict, reference: str) -> dict:
    node: Any = root
    for part in reference[2:].split("/"):
        node = node[part]
    return node


Path_ = tuple[Any, ...]


def sites(node: Any, schema: dict, root: dict, path: Path_ = ()) -> Iterator[tuple[str, Path_, Any]]:
    """Every place of ``node`` the schema says something about, and how to break it."""
    schema, root = resolve(schema, root)
    kind = schema.get("type")
    if isinstance(kind, str) and not (kind == "string" and isinstance(node, str) and path and path[-1] == "$schema"):
        yield "wrong type", path, OTHER_TYPE[kind]
    if isinstance(node, str):
        if DAY.match(node):
            yield "impossible date", path, "2025-02-30" + node[10:]
        if OFFSET.search(node):
            yield "time without offset", path, OFFSET.sub(r"\1", node)
        if re.search(r"[^\x00-\x7f]", node) and unicodedata.normalize("NFD", node) != node:
            yield "not NFC", path, unicodedata.normalize("NFD", node)
    if isinstance(node, dict):
        for key in schema.get("required", []):
            if key in node:
                yield "required field removed", path + (key,), REMOVE
        if schema.get("additionalProperties") is False:
            yield "unknown field", path + ("unknown_field",), "a value"
        if isinstance(node.get("start"), str) and isinstance(node.get("end"), str) and node["start"] < node["end"]:
            yield "end before start", path, SWAP
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, value in node.items():
            inner = properties.get(key, extra if isinstance(extra, dict) else None)
            if isinstance(inner, dict):
                yield from sites(value, inner, root, path + (key,))
    elif isinstance(node, list) and isinstance(schema.get("items"), dict):
        for index, value in enumerate(node):
            yield from sites(value, schema["items"], root, path + (index,))


REMOVE, SWAP = object(), object()


def broken(document: Any, path: Path_, value: Any) -> Any:
    document = copy.deepcopy(document)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if value is REMOVE:
        del parent[path[-1]]
    elif value is SWAP:
        target = parent[path[-1]] if path else document
        target["start"], target["end"] = target["end"], target["start"]
    elif path:
        parent[path[-1]] = value
    else:
        return value
    return document


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the cases run several times faster
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@cache
def read(kind: Kind) -> tuple[Any, str]:
    """The document (front matter or whole file) and, for a page, its body;
    read once (``broken`` works on a copy)."""
    text = kind.source.read_text(encoding="utf-8")
    if kind.front_matter:
        match = FRONT_MATTER.match(text)
        return yaml.load(match.group("yaml"), Loader=LOADER), text[match.end() :]
    return yaml.load(text, Loader=LOADER), ""


def to_yaml(document: Any) -> str:
    return yaml.dump(document, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


@dataclass(frozen=True)
class Case:
    """One way to break one file; the broken text is made when the case runs
    (making all of them up front would cost more than running 600)."""

    kind: Kind
    what: str
    path: Path_ = ()
    value: Any = None

    def __str__(self) -> str:
        return f"{self.kind.name}: {self.what}"

    def text(self) -> str:
        document, body = read(self.kind)
        if self.what == "empty file":
            return wrap(self.kind, "", body)
        yaml_text = to_yaml(document)
        if self.what == "YAML syntax error":
            lines = yaml_text.split("\n")
            middle = len(lines) // 2
            return wrap(self.kind, "\n".join(lines[:middle] + ["  broken: [unclosed, list", *lines[middle:]]), body)
        if self.what == "tab indentation":
            return wrap(self.kind, "\tindented: with a tab\n" + yaml_text, body)
        return dump(self.kind, broken(document, self.path, self.value), body)


def wrap(kind: Kind, yaml_text: str, body: str) -> str:
    """A data file's text, or a page: front matter between '---' lines, then the body."""
    return f"---\n{yaml_text}---\n{body}" if kind.front_matter else yaml_text


def dump(kind: Kind, document: Any, body: str) -> str:
    return wrap(kind, to_yaml(document), body)


def cases_of(kind: Kind) -> list[Case]:
    document, _ = read(kind)
    schema = load_schema(kind.schema)
    found = [
        Case(kind, f"{what} at {'.'.join(map(str, path)) or 'the top'}", path, value)
        for what, path, value in sites(document, schema, schema)
    ]
    return found + [Case(kind, what) for what in ("empty file", "YAML syntax error", "tab indentation")]


CASES_BY_KIND = {kind.name: cases_of(kind) for kind in KINDS}


def problems_for(case: Case) -> list[Problem]:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        for sibling in case.kind.siblings:
            shutil.copyfile(sibling, root / sibling.name)
        target = root / ("page.md" if case.kind.front_matter else case.kind.source.name)
        target.write_text(case.text(), encoding="utf-8")
        return case.kind.check(root)


def test_there_are_enough_kinds_of_broken_input() -> None:
    cases = [case for found in CASES_BY_KIND.values() for case in found]
    whats = {c.what.split(" at ")[0] for c in cases}
    assert {
        "wrong type",
        "impossible date",
        "time without offset",
        "required field removed",
        "unknown field",
        "end before start",
        "not NFC",
        "empty file",
        "YAML syntax error",
        "tab indentation",
    } <= whats
    assert all(CASES_BY_KIND[kind.name] for kind in KINDS)
    assert len(cases) >= CASES


def test_the_real_files_are_accepted() -> None:
    """The broken copies are refused because they are broken: the same files
    unbroken go through the same loaders without a problem."""
    for kind in KINDS:
        document, body = read(kind)
        assert problems_for(Case(kind, "unchanged", (), document)) == [], kind.name


# The cases run in two groups of kinds, each its own test, so that
# `make test` can give them to different processes; each group has more
# distinct cases than it runs (test_each_group_has_more_cases_than_it_runs).
GROUPS = {
    "data files": tuple(k.name for k in KINDS if not k.front_matter and k.check is not _programme),
    "programme and front matter": tuple(k.name for k in KINDS if k.front_matter or k.check is _programme),
}


def cases_in(group: str) -> st.SearchStrategy[Case]:
    return st.sampled_from(GROUPS[group]).flatmap(
        lambda kind: st.sampled_from(range(len(CASES_BY_KIND[kind]))).map(lambda number: CASES_BY_KIND[kind][number])
    )


def test_each_group_has_more_cases_than_it_runs() -> None:
    assert sorted(name for names in GROUPS.values() for name in names) == sorted(k.name for k in KINDS)
    for group, names in GROUPS.items():
        assert sum(len(CASES_BY_KIND[name]) for name in names) > CASES // len(GROUPS), group


@pytest.mark.parametrize("group", sorted(GROUPS))
@settings(max_examples=CASES // len(GROUPS), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_broken_input_is_refused_with_file_and_place(group: str, data: st.DataObject) -> None:
    case = data.draw(cases_in(group), label="case")
    note(str(case))
    problems = problems_for(case)  # an exception here fails the test: no traceback may reach a press officer
    assert problems, f"{case} was accepted"
    name = "page.md" if case.kind.front_matter else case.kind.source.name
    assert any(p.file.endswith(name) for p in problems), f"{case}: no problem names {name}: {problems}"
    for problem in problems:  # a file the broken one refers to may be named too (an event's day, say)
        assert problem.file, f"{case}: {problem} names no file"
        assert problem.line or problem.place, f"{case}: {problem} names neither the line nor the field"
        assert problem.fix, f"{case}: {problem} gives no fix"
