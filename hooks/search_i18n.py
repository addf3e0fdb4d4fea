"""Job: search in the reader's language, accent-insensitive (issue 8).

Every page (and each language's 404 page) gets its language's search index
and our search worker in Material's ``__config`` (the ``localized_search_config``
filter, applied to Material's ``config`` block in overrides/main.html); the worker is published
under a name with a hash of its content; once every language is built, the
merged index mkdocs-static-i18n wrote is split into one index per language,
its page titles from front matter escaped as its other titles are.
The work is in ``hanoi.search.index``; the browser side is
``overrides/assets/javascripts/workers/search-i18n.js``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from hanoi.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    build_language,
    is_last_build_running,
    is_site_build_starting,
)
from hanoi.search.index import (
    INDEX_FILE,
    WORKER_SOURCE,
    SearchConfigNotFound,
    escape_front_matter_titles,
    fingerprinted_worker,
    localize_search_config,
    split_search_index,
    write_search_indexes,
)
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search_i18n")

# Where our worker is published in this build (set by on_files).
_worker = {"path": WORKER_SOURCE}
# Front-matter titles of this site build's pages, by location in the merged index.
_titles: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_site_build_starting(config):
        _titles.clear()
    return config


def root_language(config: MkDocsConfig) -> str:
    """The language built at the site root: English, except in a one-language
    preview (BUILD_ONLY_LOCALE=vi), where mkdocs-static-i18n builds that one there."""
    return getattr(config.plugins.get("i18n"), "default_language", None) or DEFAULT_LANGUAGE


def built_languages(config: MkDocsConfig) -> list[str]:
    return list(getattr(config.plugins.get("i18n"), "build_languages", None) or LANGUAGES)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    source = files.get_file_from_path(WORKER_SOURCE)
    if source is None:
        log.warning(f"{WORKER_SOURCE} is missing from the theme (overrides/): search cannot work")
        return files
    _worker["path"] = fingerprinted_worker(source.content_bytes)
    files.remove(source)
    files.append(File(source.src_uri, source.src_dir, config.site_dir, config.use_directory_urls,
                      dest_uri=_worker["path"]))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # Used by overrides/main.html on Material's `config` block alone, not on the whole page.
    env.filters["localized_search_config"] = pass_context(
        lambda context, block: Markup(_localized(str(block), config, _page_name(context))))
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if isinstance(page.meta.get("title"), str):
        _titles[page.url] = page.meta["title"]
    return context


def _page_name(context: Context) -> str:
    page = context.get("page")
    return page.file.src_uri if page is not None and getattr(page, "file", None) else str(context.name)


def _localized(html: str, config: MkDocsConfig, where: str) -> str:
    try:
        return localize_search_config(html, build_language(config), _worker["path"], root_language(config))
    except SearchConfigNotFound as error:
        # A warning fails the strict build: Material's templates changed.
        log.warning(f"{where}: search stays site-wide and accent-sensitive: {error}")
        return html


# After mkdocs-static-i18n (-100) has written the merged index of all languages.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build_running(config):
        return
    merged = Path(config.site_dir) / INDEX_FILE
    if not merged.is_file():
        return  # search plugin disabled
    index = escape_front_matter_titles(json.loads(merged.read_text(encoding="utf-8")), _titles)
    default = root_language(config)
    indexes = split_search_index(index, built_languages(config), default)
    write_search_indexes(Path(config.site_dir), indexes, default)
