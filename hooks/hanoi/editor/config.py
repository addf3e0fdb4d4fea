"""The editor's configuration (its site's ``config.json``), generated at every
build from the schemas the build checks front matter with
(``data/schema/press_release.schema.json``, ``page.schema.json``), so that the
editor refuses what the build refuses: a field's rules (required, shortest and
longest text, pattern, fewest items) are the schema's, a pattern's message is
the schema's ``x-fix`` (the fix the build prints), and a field's hint is the
schema's ``description``.

What a schema does not say is said here: which fields the editor shows and in
what order, which ones each language has its own of and which ones the three
language files share, and which take several lines. Every other field of a
schema is left as it is written (``RELEASE_KEPT``, ``PAGE_KEPT``, each with
why); a test checks that every field of each schema is one or the other.

Data files (``data/*.yml``) are not edited here (``DATA_FILES_HELP``).

The configuration is public (the editor's site serves it), so it lists only
the pages the build publishes: a draft's or a scheduled page's title would
otherwise be read before its time.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from hanoi.datafiles import load_schema
from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from hanoi.pages.scan import PRESS_FOLDER, SourcePage
from hanoi.problems import Problem

# A field's ``i18n``: each language file has its own value, or the value is
# typed once (in English) and written the same in the three files.
TRANSLATED: bool | str = True
SHARED: bool | str = "duplicate"


@dataclass(frozen=True)
class Shown:
    """How the editor shows one front-matter field."""

    label: str
    i18n: bool | str
    multiline: bool = False
    subfields: tuple[tuple[str, Shown], ...] = ()


SOURCE_FIELDS = (("name", Shown("Name", TRANSLATED)), ("url", Shown("Address (https://…)", SHARED)))
RELEASE_FIELDS: tuple[tuple[str, Shown], ...] = (
    ("title", Shown("Headline", TRANSLATED)),
    ("description", Shown("Description (search engines and link previews)", TRANSLATED, multiline=True)),
    ("date", Shown("Date", SHARED)),
    ("timezone", Shown("Time zone", SHARED)),
    ("summary", Shown("Summary (archive and feed)", TRANSLATED, multiline=True)),
    ("sources", Shown("Sources", TRANSLATED, subfields=SOURCE_FIELDS)),
    ("publish_at", Shown("Embargo: published at", SHARED)),
    ("draft", Shown("Draft (previews only)", SHARED)),
)
RELEASE_KEPT: dict[str, str] = {
    "translation_key": "the release's file name, typed once when it is created (editor/main.js writes it)",
    "source_hash": "written by `make translation-done` when a translation follows the English text",
}
HOME_FIELDS = (
    ("lead", Shown("Lead: what the Convention is", TRANSLATED, multiline=True)),
    ("since_hanoi", Shown("Since Hanoi", TRANSLATED, multiline=True)),
    ("id", Shown("Id of the main heading", SHARED)),
)
PAGE_FIELDS: tuple[tuple[str, Shown], ...] = (
    ("title", Shown("Title", TRANSLATED)),
    ("description", Shown("Description (search engines and link previews)", TRANSLATED, multiline=True)),
    ("home", Shown("Home page: texts above the status panel", TRANSLATED, subfields=HOME_FIELDS)),
    ("publish_at", Shown("Published at", SHARED)),
    ("draft", Shown("Draft (previews only)", SHARED)),
)
# Shown only on the pages whose English front matter has them: the home pages.
WHERE_PRESENT = frozenset({"home"})
PAGE_KEPT: dict[str, str] = {
    "source_hash": RELEASE_KEPT["source_hash"],
    "hide": "the page's layout (Material for MkDocs), set with the page's design",
    "search": "search settings, set when a page is left out of search (docs-dev/ui-strings-and-search.md)",
    "template": "the home page's layout, which goes with its texts",
}

BODY: dict[str, Any] = {
    "name": "body",
    "label": "Text (Markdown)",
    "widget": "markdown",
    "modes": ["raw"],
    "i18n": TRANSLATED,
    "required": False,
    "hint": (
        "Markdown, as in the files. Keep every marker (the comments such as fact id=… or signatures, "
        "which the build replaces with data) and every heading's {#id} exactly as they are."
    ),
}

DATA_FILES_HELP = (
    "Figures, dates, signatures, the treaty status and the programme come from the data files (data/*.yml) "
    "through the markers in the text. This editor does not edit data files: it would drop their comments, "
    "which explain each file, and it writes YAML 1.2, which the build reads as YAML 1.1 (no, on or 1:30 "
    "would change meaning). Edit a data file on GitHub (open it, then the pencil: 'Propose changes'); the "
    "pull request's Netlify deploy preview shows the result. See CONTRIBUTING.md."
)
RELEASES_HELP = (
    "Each release is one file per language (docs/en|vi|fr/press/<file name>.md), edited side by side. "
    "Saving puts it on its own branch, with a pull request, until it is ready and published. " + DATA_FILES_HELP
)
PAGES_HELP = (
    "The site's pages, in the three languages. New pages are added with the site's navigation (CONTRIBUTING.md). "
    + DATA_FILES_HELP
)
FILE_NAME_HINT = (
    "The file name: the date and a few words, e.g. 2025-10-26-closing-press-conference. It is also "
    "the release's translation_key, and cannot change once the release is saved."
)


def sentence(text: str) -> str:
    """A schema's description or fix as the editor shows it: as a sentence."""
    return text[:1].upper() + text[1:]


def editor_field(name: str, schema: Mapping[str, Any], required: bool, shown: Shown) -> dict[str, Any]:
    """One field of the editor, with the rules of its schema."""
    field: dict[str, Any] = {"name": name, "label": shown.label, "i18n": shown.i18n, "required": required}
    if "description" in schema:
        field["hint"] = sentence(schema["description"])
    kind = schema.get("type")
    if kind == "string":
        field["widget"] = "text" if shown.multiline else "string"
        for keyword, option in (("minLength", "minlength"), ("maxLength", "maxlength")):
            if keyword in schema:
                field[option] = schema[keyword]
        if "pattern" in schema:
            field["pattern"] = [schema["pattern"], sentence(schema.get("x-fix") or schema["description"])]
    elif kind == "boolean":
        field["widget"] = "boolean"  # no default: the editor would write it into every file it saves
    elif kind == "array":
        field["widget"] = "list"
        field["min"] = schema.get("minItems", 0)
        field["fields"] = editor_fields(schema["items"], shown.subfields)
    elif kind == "object":
        field["widget"] = "object"
        field["fields"] = editor_fields(schema, shown.subfields)
    else:
        raise ValueError(f"the editor has no field for the schema of '{name}' (type {kind!r})")
    return field


def editor_fields(schema: Mapping[str, Any], plan: Iterable[tuple[str, Shown]]) -> list[dict[str, Any]]:
    required = set(schema.get("required", ()))
    return [editor_field(name, schema["properties"][name], name in required, shown) for name, shown in plan]


def releases_collection() -> dict[str, Any]:
    schema = load_schema("press_release")
    key = schema["properties"]["translation_key"]
    return {
        "name": "press",
        "label": "Press releases",
        "label_singular": "Press release",
        "description": RELEASES_HELP,
        "folder": f"docs/{{{{locale}}}}/{PRESS_FOLDER}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "i18n": True,
        # Every file of the folder is a release but its archive page (hanoi.pages.scan.SourcePage.kind).
        "filter": {"field": "slug", "pattern": "^(?!index$)"},
        "slug": {"editable": ["create"], "pattern": [key["pattern"], sentence(key["x-fix"])], "hint": FILE_NAME_HINT},
        "sortable_fields": {"fields": ["date", "title"], "default": {"field": "date", "direction": "descending"}},
        "fields": [*editor_fields(schema, RELEASE_FIELDS), BODY],
    }


def page_file(page: SourcePage, schema: Mapping[str, Any]) -> dict[str, Any]:
    """A page's entry: its three language files, under its English title."""
    meta: Mapping[Hashable, Any] = page.meta or {}
    plan = [(name, shown) for name, shown in PAGE_FIELDS if name not in WHERE_PRESENT or name in meta]
    return {
        "name": re.sub(r"[^a-z0-9]+", "-", page.relative_path.removesuffix(".md").lower()),
        "label": str(meta.get("title", page.relative_path)),
        "file": f"docs/{{{{locale}}}}/{page.relative_path}",
        "format": "yaml-frontmatter",
        "i18n": True,
        "fields": [*editor_fields(schema, plan), BODY],
    }


def pages_collection(pages: Iterable[SourcePage]) -> dict[str, Any]:
    schema = load_schema("page")
    english = [p for p in pages if p.language == DEFAULT_LANGUAGE and p.kind == "page" and p.meta is not None]
    return {
        "name": "pages",
        "label": "Pages",
        "label_singular": "Page",
        "description": PAGES_HELP,
        "i18n": True,
        "files": [page_file(page, schema) for page in sorted(english, key=lambda p: p.relative_path)],
    }


def editor_config(
    pages: Iterable[SourcePage], repository: str, site_domain: str | None, auth_scope: str
) -> dict[str, Any]:
    """The whole configuration. ``pages``: the published ones. ``site_domain``:
    the editor's site, on which Netlify's OAuth provider is set up (its
    production address), so that sign-in works from its deploy previews too.
    ``auth_scope``: what the GitHub token may do (``AUTH_SCOPES``)."""
    backend: dict[str, Any] = {"name": "github", "repo": repository, "auth_scope": auth_scope}
    if site_domain:
        backend["site_domain"] = site_domain
    return {
        "app_title": "Hanoi Convention: editor",
        "backend": backend,
        # Each entry on its own branch with a pull request: draft, in review, ready.
        "publish_mode": "editorial_workflow",
        # Files added in the editor go to their own folder, published at
        # /assets/uploads/; the build accepts only pictures and PDFs there
        # (hanoi.pages.files): the editor itself cannot restrict the types.
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/" + MEDIA_FOLDER.removeprefix(f"docs/{DEFAULT_LANGUAGE}/"),
        "i18n": {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": DEFAULT_LANGUAGE},
        # An empty optional field is left out, not written as '' (which its
        # pattern refuses); every text is double-quoted, so that the build's
        # YAML 1.1 reader takes it as text (no, on, 1:30).
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}},
        "collections": [releases_collection(), pages_collection(pages)],
    }


MEDIA_FOLDER = f"docs/{DEFAULT_LANGUAGE}/assets/uploads"
# The GitHub OAuth scopes Sveltia can ask for: public_repo (public
# repositories only) unless EDITOR_AUTH_SCOPE=repo is set, which a private
# repository needs (and which reaches every repository the officer can).
AUTH_SCOPES = ("public_repo", "repo")


def auth_scope(environ: Mapping[str, str]) -> tuple[str, list[Problem]]:
    scope = environ.get("EDITOR_AUTH_SCOPE", "").strip() or AUTH_SCOPES[0]
    if scope in AUTH_SCOPES:
        return scope, []
    return AUTH_SCOPES[0], [
        Problem(
            "editor/netlify.toml",
            None,
            "EDITOR_AUTH_SCOPE",
            f"'{scope}' is not a scope the editor can ask GitHub for",
            "leave it unset (public_repo, for a public repository) or set it to repo (a private repository)",
        )
    ]


def production_domain(environ: Mapping[str, str]) -> str | None:
    """The production site's host name, which Netlify gives every build as ``URL``."""
    return urlsplit(environ["URL"]).hostname if environ.get("URL") else None
