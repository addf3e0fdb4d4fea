"""Front matter of every page, read with line numbers and checked by kind,
and what its body may not hold (``hanoi.pages.content``).

Pages are read straight from ``docs/`` (not from MkDocs' page objects) so
that every language's pages are checked once, before any language renders,
and so that the archive of press releases can be built before the pages.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import escape

from hanoi.datafiles import (
    PROJECT_DIR,
    Located,
    SchemasStamp,
    nfc_problems,
    parse_yaml,
    problem_at,
    relative,
    schema_problems,
    schemas_stamp,
    size_problems,
)
from hanoi.languages import LANGUAGES
from hanoi.pages.content import content_problems
from hanoi.problems import Problem

DOCS_DIR = PROJECT_DIR / "docs"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(\n|\Z)", re.S)
PRESS_FOLDER = "press"


@dataclass(frozen=True)
class SourcePage:
    path: Path
    language: str
    relative_path: str  # the same in every language, e.g. press/x.md
    meta: Located | None
    body: str = ""  # the Markdown after the front matter
    body_line: int = 1  # the file's line the body starts on

    @property
    def src_uri(self) -> str:
        """MkDocs' name for the page: 'vi/press/x.md'."""
        return f"{self.language}/{self.relative_path}"

    @property
    def kind(self) -> str:
        parts = self.relative_path.split("/")
        return "press_release" if parts[0] == PRESS_FOLDER and parts[-1] != "index.md" else "page"


def front_matter_of(text: str, name: str) -> tuple[Located | None, str, list[Problem]]:
    """The front matter of a page's text, the body after it (as MkDocs takes
    it: ``meta.get_data``); ``name`` is the path problems name."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return (
            None,
            "",
            [
                Problem(
                    name,
                    1,
                    "",
                    "the page has no front matter",
                    "start the file with a block between two '---' lines holding title: and description:",
                )
            ],
        )
    data, problems = parse_yaml(match.group("yaml") or "", name, first_line=2)
    if data is None and not problems:
        data = Located()
        data.line = 1
    return data, text[match.end() :].lstrip("\n"), problems


# Fields holding a moment: their form is the schema's; here, that it is a real one.
MOMENTS = ("date", "publish_at")


def front_matter_problems(meta: Located, kind: str, path: Path, stamp: SchemasStamp | None = None) -> list[Problem]:
    """A page's front matter against its kind's schema, in NFC, and with real
    dates and times (a schema pattern accepts "2025-02-30")."""
    problems = schema_problems(meta, kind, path, stamp) + nfc_problems(meta, path)
    for field in MOMENTS if isinstance(meta, dict) else ():
        value = meta.get(field)
        if isinstance(value, str) and not is_real_moment(value):
            problems.append(
                problem_at(
                    meta,
                    [field],
                    path,
                    f"'{value}' is not a real date or time",
                    "check the month (01 to 12), the day of the month, the hours (00 to 23) and minutes",
                )
            )
    return problems


def is_real_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def scan_pages(docs_dir: Path = DOCS_DIR) -> tuple[list[SourcePage], list[Problem]]:
    """Every page of every language, with the problems of its front matter
    and of its content. A site build scans once (hanoi.build.SiteBuild)."""
    pages = []
    problems: list[Problem] = []
    stamp = schemas_stamp()
    for language in LANGUAGES:
        root = docs_dir / language
        named = relative(root)
        for relative_path in _markdown_files(root):
            path = root / relative_path
            text = path.read_text(encoding="utf-8")
            name = f"{named}/{relative_path}"
            too_big = size_problems(text, name)
            if too_big:
                problems += too_big
                continue
            meta, body, found = front_matter_of(text, name)
            body_line = text.count("\n", 0, len(text) - len(body)) + 1
            page = SourcePage(path, language, relative_path, meta, body, body_line)
            if meta is not None and not found:
                found = front_matter_problems(meta, page.kind, path, stamp)
            # The body only: the front matter is text, escaped wherever it is shown.
            problems += found + content_problems(name, body, body_line)
            pages.append(page)
    return pages, problems


def _markdown_files(root: Path) -> list[str]:
    """The Markdown files under ``root``, as sorted POSIX paths relative to it
    (os.walk: Path.rglob and relative_to cost more than reading the files)."""
    found = []
    for folder, _, names in os.walk(root):
        prefix = os.path.relpath(folder, root).replace(os.sep, "/")
        found += [name if prefix == "." else f"{prefix}/{name}" for name in names if name.endswith(".md")]
    return sorted(found, key=lambda p: p.split("/"))


class FrontMatterText(str):
    """A text of a page's front matter (its title, description, summary...)
    as the theme's templates are handed it: text, never markup."""


def as_front_matter_text(value: Any) -> Any:
    """``value`` with every string in it a ``FrontMatterText``."""
    if isinstance(value, str):
        return FrontMatterText(value)
    if isinstance(value, dict):
        return {key: as_front_matter_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_front_matter_text(item) for item in value]
    return value


def escape_front_matter_text(value: Any) -> Any:
    """Jinja's ``finalize`` for the theme's templates: every front-matter text
    a template prints is escaped, wherever it lands (<title>, meta tags,
    Material's header, navigation, headings, our partials).

    MkDocs' theme environment does not autoescape, as Material's templates
    print HTML (``page.content``, icons) as it is, and they print a page's
    title and description as they are too: a title holding markup would be
    live HTML. Only front-matter texts are escaped here; a value already
    escaped (``| e``) is Markup, not a FrontMatterText, so it is not escaped
    twice."""
    return escape(value) if isinstance(value, FrontMatterText) else value
