"""Job: search in the reader's language, accent-insensitive (issue 8).

Every page (and each language's 404 page) gets its language's search index
and our search worker in Material's ``__config``; the worker is published
under a name with a hash of its content; once every language is built, the
merged index mkdocs-static-i18n wrote is split into one index per language.
The work is in ``hanoi.search``; the browser side is
``overrides/assets/javascripts/workers/search-i18n.js``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES, build_language, is_last_build_running
from hanoi.search import (
    INDEX_FILE,
    WORKER_SOURCE,
    SearchConfigNotFound,
    fingerprinted_worker,
    localize_search_config,
    split_search_index,
    write_search_indexes,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search_i18n")

# Where our worker is published in this build (set by on_files).
_worker = {"path": WORKER_SOURCE}


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


def _localized(html: str, config: MkDocsConfig, where: str) -> str:
    try:
        return localize_search_config(html, build_language(config), _worker["path"], root_language(config))
    except SearchConfigNotFound as error:
        # A warning fails the strict build: Material's templates changed.
        log.warning(f"{where}: search stays site-wide and accent-sensitive: {error}")
        return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _localized(output, config, page.file.src_uri)


# Before hooks/i18n_fixes.py keeps each language's 404 page (priority 0).
@event_priority(10)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    return _localized(output_content, config, template_name)


# After mkdocs-static-i18n (-100) has written the merged index of all languages.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build_running(config):
        return
    merged = Path(config.site_dir) / INDEX_FILE
    if not merged.is_file():
        return  # search plugin disabled
    index = json.loads(merged.read_text(encoding="utf-8"))
    default = root_language(config)
    indexes = split_search_index(index, built_languages(config), default)
    write_search_indexes(Path(config.site_dir), indexes, default)
