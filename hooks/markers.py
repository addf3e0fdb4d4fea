"""Job: replace the markers in every page with HTML rendered from templates.

The markers are listed in one table (``hanoi.markers.table``); this hook
expands them for the language being built and logs one error per bad marker,
with file, line and fix, so that the strict build fails. Templates are
rendered with autoescaping on: text from data files is always escaped.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import AFTER_SEARCH_INDEXING, language_build, site_build
from hanoi.markers.expansion import MarkerContext, expand, restore, restore_unindexed
from hanoi.markers.page import MarkerState
from hanoi.markers.table import MARKERS

log = logging.getLogger("mkdocs.hooks.markers")


def _state(config: MkDocsConfig) -> MarkerState:
    return language_build(config).state(MarkerState)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    context = MarkerContext(site_build(config), language_build(config), page, files, MARKERS)
    expansion = expand(markdown, context, MARKERS)
    if expansion.problems:  # lines counted from the file's first line, front matter included
        offset = site_build(config).scanned[page.file.src_uri].body_line - 1
        for problem in expansion.problems:
            log.error(str(replace(problem, line=problem.line + offset if problem.line else problem.line)))
    _state(config).keep(page.file.src_uri, expansion)
    return expansion.markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return restore(html, _state(config).rendered.pop(page.file.src_uri, {}))


# HTML that repeats other pages goes in after Material's search plugin has read the page.
@event_priority(AFTER_SEARCH_INDEXING)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    state = _state(config)
    unindexed = state.unindexed.pop(page.file.src_uri, None)
    if unindexed:
        page.content = restore_unindexed(page.content or "", unindexed)
    # overrides/main.html loads them after Material's; other hooks may add theirs.
    context["page_scripts"] = (*context.get("page_scripts", ()), *state.scripts.pop(page.file.src_uri, ()))
    context["page_styles"] = (*context.get("page_styles", ()), *state.styles.pop(page.file.src_uri, ()))
    return context
