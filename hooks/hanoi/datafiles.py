"""YAML data files that remember where each value came from, validated by
JSON Schema into problems a press officer can act on.

PyYAML forgets line numbers and silently keeps the last of two equal keys;
this loader keeps both facts so that every error can name its line.

It parses with libyaml (PyYAML's C parser, ``CSafeLoader``) where PyYAML was
built with it, which is several times faster on a site with thousands of
pages; our Python constructor still sees every node with its line. A text
libyaml refuses is parsed again by the pure-Python parser, so that the
messages press officers read stay the same whichever parser is installed.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Hashable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from hanoi.languages import LANGUAGES
from hanoi.problems import Problem

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "data"
SCHEMA_DIR = DATA_DIR / "schema"


class Located(dict[Hashable, Any]):
    """A YAML mapping with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LocatedList(list[Any]):
    line: int = 0


class DuplicateKey(yaml.MarkedYAMLError):
    def __init__(self, key: Any, first_seen: int, mark: yaml.Mark) -> None:
        super().__init__(problem_mark=mark)
        self.key = key
        self.first_seen = first_seen  # line within the parsed text


class AliasRefused(yaml.MarkedYAMLError):
    """An alias (``*name``): it repeats the part of the file its anchor
    (``&name``) marks, and aliases of aliases multiply a few lines into
    billions of values for every check that reads them."""

    def __init__(self, mark: yaml.Mark, anchored: yaml.Mark) -> None:
        super().__init__(problem_mark=mark)
        self.anchored = anchored.line  # within the parsed text, from 0


# Limits on a page or data file, checked before it is parsed, so that no
# input makes a check slow: pages hold paragraphs of at most a few hundred
# words, data files a few thousand entries.
MAX_LINE = 10_000  # characters
MAX_TEXT = 1_000_000  # characters


def size_problems(text: str, name: str) -> list[Problem]:
    """A file too big, or the first line too long, to be read at all."""
    if len(text) > MAX_TEXT:
        return [
            Problem(
                name,
                None,
                "",
                f"the file holds {len(text):,} characters, more than the {MAX_TEXT:,} allowed",
                "split it into several files",
            )
        ]
    lines = text.split("\n")
    if max(map(len, lines)) <= MAX_LINE:
        return []
    number = next(n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE)
    return [
        Problem(
            name,
            number,
            "",
            f"the line is {len(lines[number - 1]):,} characters long, more than the {MAX_LINE:,} allowed",
            "break it into shorter lines: Markdown joins the lines of a paragraph, and a long YAML text "
            "can be written on several lines after `>-`",
        )
    ]


def _refuse_aliases(root: yaml.Node) -> None:
    """Raise at the first node met twice: YAML's composer makes an alias
    the very node its anchor marks, so the walk ends there, before any
    repetition is expanded. The alias is placed at its key's line (or its
    list's): the node itself only knows where its anchor is."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, yaml.Mark]] = [(root, root.start_mark)]
    while stack:
        node, place = stack.pop()
        if id(node) in seen:
            raise AliasRefused(place, node.start_mark)
        seen.add(id(node))
        children: list[tuple[yaml.Node, yaml.Mark]] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                children += [(key, key.start_mark), (value, key.start_mark)]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, node.start_mark) for item in node.value]
        stack += reversed(children)  # in the file's order: an anchor comes before its aliases


class _LocatingConstructor(yaml.constructor.SafeConstructor):
    """Mixed into a loader: no aliases; mappings and lists that know their line."""

    def get_single_node(self) -> yaml.Node | None:
        node: yaml.Node | None = super().get_single_node()  # type: ignore[misc]
        if node is not None:
            _refuse_aliases(node)
        return node

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Located:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise DuplicateKey(key, seen[key], key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        mapping = Located(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(k): line for k, line in seen.items()}
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:
        items = LocatedList(super().construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1
        return items


class _LocatingLoader(_LocatingConstructor, yaml.SafeLoader):
    """Pure Python: the reference, and the parser whose error messages we show."""


class _FastLocatingLoader(_LocatingConstructor, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser, the same constructor and resolver."""


for _loader in (_LocatingLoader, _FastLocatingLoader):
    # Dates and times stay text, checked by the schema and parsed explicitly: YAML
    # would otherwise turn 2025-10-25 09:00:00 into a time with no zone.
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    # The stubs expect a constructor typed for a loader class; ours is the mixin's method.
    _loader.add_constructor("tag:yaml.org,2002:map", _loader.construct_mapping)  # type: ignore[type-var]
    _loader.add_constructor("tag:yaml.org,2002:seq", _loader.construct_sequence)  # type: ignore[type-var]


def _load(text: str) -> Any:
    """The data of a YAML text; the pure-Python parser's error if it has one."""
    try:
        return yaml.load(text, Loader=_FastLocatingLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=_LocatingLoader)  # raises the error as PyYAML words it


def relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return path.as_posix()


def parse_yaml(text: str, name: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """YAML text (a file, or a page's front matter starting at ``first_line``)."""
    try:
        data = _load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if isinstance(error, DuplicateKey):
            message = f"the field '{error.key}' appears twice (first on line {error.first_seen + first_line - 1})"
            fix = "keep the first one and delete the other"
        elif isinstance(error, AliasRefused):
            message = (
                "an alias (*name) repeats another part of the file "
                f"(the one marked &name on line {error.anchored + first_line})"
            )
            fix = "write the value out in full: anchors (&name) and aliases (*name) are not used in this project"
        else:
            message = error.problem or "the YAML cannot be read"
            fix = "check the indentation, the colon after each field name, and quote text containing ':' or '#'"
        return None, [Problem(name, mark.line + first_line if mark else None, "", f"YAML syntax: {message}", fix)]
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data, []


def _shift_lines(node: Any, offset: int) -> None:
    if isinstance(node, Located):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for value in node.values():
            _shift_lines(value, offset)
    elif isinstance(node, LocatedList):
        node.line += offset
        for value in node:
            _shift_lines(value, offset)


def load_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """The file's data, or the problems that stop it from being read."""
    name = relative(path)
    if not path.is_file():
        return None, [Problem(name, None, "", "the file is missing", "restore it from git history")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(name, None, "", "the file is not UTF-8 text", "save it as UTF-8")]
    too_big = size_problems(text, name)
    return (None, too_big) if too_big else parse_yaml(text, name)


def read_data_files(data_dir: Path = DATA_DIR) -> dict[Path, Any]:
    """Every YAML file under ``data_dir`` that can be read, parsed, in path
    order, for the checks that look at all of them; a file that cannot be
    read is reported by the hook that loads it."""
    files = {}
    for path in sorted(data_dir.rglob("*.yml")):
        data, unreadable = load_yaml(path)
        if not unreadable:
            files[path] = data
    return files


def load_schema(name: str) -> dict[str, Any]:
    return _parsed_schema(schemas_stamp())[f"{name}.schema.json"]


def published_schema(name: str) -> str:
    """A schema the site publishes beside its open data, with the site's
    languages written out, as JSON text."""
    return json.dumps(load_schema(name), ensure_ascii=False, indent=2) + "\n"


def with_languages(schema: Any, languages: tuple[str, ...] = LANGUAGES) -> Any:
    """A schema with the site's languages in it: schemas name no language
    (``hanoi.languages`` declares them), they say where one goes.

    - ``"x-language-properties": S``: one property per language, each
      following S, all required;
    - ``"x-language-properties-optional": S``: the same, none required;
    - ``"x-language-code": true``: one of the languages' codes.
    """
    if isinstance(schema, list):
        return [with_languages(item, languages) for item in schema]
    if not isinstance(schema, dict):
        return schema
    expanded = {key: with_languages(value, languages) for key, value in schema.items() if not key.startswith("x-lang")}
    for key, required in (("x-language-properties", True), ("x-language-properties-optional", False)):
        if key in schema:
            each = with_languages(schema[key], languages)
            expanded["properties"] = {**expanded.get("properties", {}), **{code: each for code in languages}}
            if required:
                expanded["required"] = [*expanded.get("required", []), *languages]
    if schema.get("x-language-code"):
        expanded["enum"] = list(languages)
    return expanded


SchemasStamp = tuple[tuple[str, int], ...]


def schemas_stamp() -> SchemasStamp:
    """Each schema file and its modification time: an edited schema (during
    ``mkdocs serve``) is read again, never served from a stale cache. Taken
    once for a scan of thousands of pages, not per page (a tenth of the scan)."""
    return tuple((path.name, path.stat().st_mtime_ns) for path in sorted(SCHEMA_DIR.glob("*.schema.json")))


@lru_cache(maxsize=2)
def _parsed_schema(stamp: SchemasStamp) -> dict[str, dict[str, Any]]:
    return {name: with_languages(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))) for name, _ in stamp}


@lru_cache(maxsize=64)
def _schema_validator(name: str, stamp: SchemasStamp) -> Draft202012Validator:
    """The schema's validator, with every schema in data/schema/ for "$ref"
    by file name; made again when any schema file changes."""
    schemas = _parsed_schema(stamp)
    registry = Registry().with_resources((file, Resource.from_contents(schema)) for file, schema in schemas.items())
    return Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry)


def line_of(data: Any, path: Iterable[Any]) -> tuple[int | None, str]:
    """The line of the deepest located node on ``path``, and the path as text."""
    line = getattr(data, "line", None) or None
    node = data
    parts: list[str] = []
    for step in path:
        if isinstance(node, Located) and step in node.key_lines:
            line = node.key_lines[step]
        if isinstance(node, (dict, list)):
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
        parts.append(f"[{step}]" if isinstance(step, int) else str(step))
        if getattr(node, "line", None):
            line = node.line if not isinstance(node, Located) or line is None else line
    return line, ".".join(parts).replace(".[", "[")


# What each JSON type looks like to someone writing YAML.
_TYPE_WORDS = {
    "object": "fields (name: value, one per line)",
    "array": "a list (one '- item' per line)",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "nothing",
}


def _describe(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        type(None): "nothing",
        Located: "a group of fields",
        LocatedList: "a list",
        dict: "a group of fields",
    }.get(type(value), type(value).__name__)


def _fix_for(error: ValidationError) -> str:
    hint = error.schema.get("x-fix") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        prop = error.schema.get("properties", {}).get(missing, {})
        return f"add `{missing}:` ({prop.get('description', 'see the schema')})"
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"remove it or correct its spelling; the fields allowed here are: {allowed}"
    if error.validator == "enum":
        return "use one of: " + ", ".join(map(str, error.validator_value))
    if hint:
        return str(hint)
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return "write " + " or ".join(_TYPE_WORDS.get(str(w), str(w)) for w in wanted) + " here"
    return str(error.schema.get("description", "see the schema in data/schema/"))


def _message_for(error: ValidationError) -> str:
    if error.validator == "required":
        return f"missing field '{error.message.split(chr(39))[1]}'"
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return "unknown field " + ", ".join(f"'{e}'" for e in extra)
    if error.validator == "enum":
        return f"'{error.instance}' is not an allowed value"
    if error.validator == "type":
        return f"expected {error.validator_value}, found {_describe(error.instance)} ({error.instance!r})"
    if error.validator == "pattern":
        return f"'{error.instance}' is not in the expected form"
    return str(error.message)


def schema_problems(data: Any, schema_name: str, file: Path, stamp: SchemasStamp | None = None) -> list[Problem]:
    """One problem per schema violation, with the line and a fix."""
    validator = _schema_validator(schema_name, stamp or schemas_stamp())
    problems = []
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path = path + extra[:1]
        line, place = line_of(data, path)
        # A problem with the whole document (not fields at all) is at its first line.
        problems.append(Problem(relative(file), line or 1, place, _message_for(error), _fix_for(error)))
    return problems


def problem_at(data: Any, path: Iterable[Any], file: Path | str, message: str, fix: str) -> Problem:
    """A problem at the line of ``path`` in ``data`` (read from ``file``, or
    the name to show for it)."""
    line, place = line_of(data, path)
    return Problem(file if isinstance(file, str) else relative(file), line, place, message, fix)


def load_validated(path: Path, schema_name: str) -> tuple[Any, list[Problem]]:
    data, problems = load_yaml(path)
    if problems:
        return None, problems
    return data, schema_problems(data, schema_name, path)


def nfc_problems(data: Any, file: Path) -> list[Problem]:
    """Vietnamese must be stored composed (NFC) so that search and PDFs match."""
    problems: list[Problem] = []

    def visit(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, str) and unicodedata.normalize("NFC", node) != node:
            problems.append(
                problem_at(
                    data,
                    path,
                    file,
                    "text is not in Unicode NFC (decomposed accents)",
                    "retype the accented letters, or save the file with an editor set to NFC",
                )
            )
        elif isinstance(node, dict):
            for key, value in node.items():
                visit(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, path + (index,))

    visit(data, ())
    return problems
