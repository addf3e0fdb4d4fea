"""Job: replace the markers in every page with HTML rendered from templates.

Each job's hook registers its markers (see ``hanoi.markers``); this hook runs
them for the language being built and logs one error per bad marker, with
file, line and fix, so that the strict build fails. Templates are rendered
with autoescaping on: text from data files is always escaped.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Mapping

from hanoi.languages import build_language
from hanoi.markers import AFTER_SEARCH_INDEXING, MarkerContext, expand, restore, restore_unindexed
from hanoi.templates import hook_environment
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE, get_data

log = logging.getLogger("mkdocs.hooks.markers")

_environments: dict[str, Environment] = {}
_rendered: dict[tuple[str, str], dict[str, str]] = {}
_unindexed: dict[tuple[str, str], dict[str, str]] = {}
_scripts: dict[tuple[str, str], tuple[str, ...]] = {}
_styles: dict[tuple[str, str], tuple[str, ...]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # A fresh environment per build: the theme's catalogue is the build language's.
    _environments.clear()
    _rendered.clear()
    _unindexed.clear()
    _scripts.clear()
    _styles.clear()
    return config


def _renderer(config: MkDocsConfig, language: str):
    def render(template: str, context: Mapping[str, Any]) -> str:
        if language not in _environments:
            _environments[language] = hook_environment(config)
        return _environments[language].get_template(template).render(config=config, language=language, **context)

    return render


def front_matter_lines(page: Page) -> int:
    """Lines before the Markdown body (front matter and the blank lines MkDocs
    strips after it), so that marker lines match the file. Counted on the
    source, as other plugins may reflow the end of the Markdown they pass on.

    When MkDocs read the page's YAML block into ``page.meta``, the body is
    what follows that block (``get_data``'s own rule), found without parsing
    the YAML a second time on every page."""
    source = page.file.content_string
    block = YAML_RE.match(source)
    if block is not None and page.meta:
        body = source[block.end():].lstrip("\n")
    else:
        body, _ = get_data(source)
    return source.count("\n", 0, len(source) - len(body)) if source.endswith(body) else 0


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = build_language(config)
    context = MarkerContext(language, f"docs/{page.file.src_uri}", _renderer(config, language),
                            {"page": page, "files": files, "config": config})
    expansion = expand(markdown, context)
    if expansion.problems:  # lines counted from the file's first line, front matter included
        offset = front_matter_lines(page)
        for problem in expansion.problems:
            log.error(str(replace(problem, line=problem.line + offset if problem.line else problem.line)))
    _rendered[(language, page.file.src_uri)] = expansion.rendered
    if expansion.unindexed:
        _unindexed[(language, page.file.src_uri)] = expansion.unindexed
    if expansion.scripts:
        _scripts[(language, page.file.src_uri)] = expansion.scripts
    if expansion.styles:
        _styles[(language, page.file.src_uri)] = expansion.styles
    return expansion.markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return restore(html, _rendered.pop((build_language(config), page.file.src_uri), {}))


@event_priority(AFTER_SEARCH_INDEXING)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    key = (build_language(config), page.file.src_uri)
    unindexed = _unindexed.pop(key, None)
    if unindexed:
        page.content = restore_unindexed(page.content or "", unindexed)
    # overrides/main.html loads them after Material's; other hooks may add theirs.
    context["page_scripts"] = (*context.get("page_scripts", ()), *_scripts.pop(key, ()))
    context["page_styles"] = (*context.get("page_styles", ()), *_styles.pop(key, ()))
    return context
