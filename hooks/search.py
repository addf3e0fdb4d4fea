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

from hanoi.build import BEFORE_SEARCH, after_all_languages, language_build, site_build
from hanoi.search.site import (
    SearchState,
    localized_config_filter,
    publish_worker,
    search_in_every_language,
    split_index,
)

log = logging.getLogger("mkdocs.hooks.search")


@event_priority(BEFORE_SEARCH)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search_in_every_language(config)
    return config


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
@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    split_index(config, site_build(config).page_titles)
