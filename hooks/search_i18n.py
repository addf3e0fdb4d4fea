"""Job: search in the reader's language, accent-insensitive (``hanoi.search``).

Every page (and each language's 404 page) gets its language's search index
and our search worker in Material's ``__config`` (the ``localized_search_config``
filter, applied to Material's ``config`` block in overrides/main.html); the
worker is published under a name with a hash of its content; once every
language is built, the merged index mkdocs-static-i18n wrote is split into
one index per language, its page titles from front matter escaped as its
other titles are. The browser side is
``overrides/assets/javascripts/workers/search-i18n.js``.
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import AFTER_ALL_LANGUAGES, language_build, site_build
from hanoi.languages import is_last_build_running
from hanoi.search.site import SearchState, localized_config_filter, publish_worker, split_index

log = logging.getLogger("mkdocs.hooks.search_i18n")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = language_build(config).state(SearchState)
    problem = publish_worker(files, config, state)
    if problem:
        log.warning(problem)  # fails the strict build: search would not work
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["localized_search_config"] = localized_config_filter(language_build(config), log)
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if isinstance(page.meta.get("title"), str):
        site_build(config).page_titles[page.url] = page.meta["title"]
    return context


# After mkdocs-static-i18n (-100) has written the merged index of all languages.
@event_priority(AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_build_running(config):
        split_index(config, site_build(config).page_titles)
