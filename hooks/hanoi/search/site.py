"""Search on the site: where the worker is published, the search
configuration of each page, and the merged index split per language (the
work itself is in ``hanoi.search.index``)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
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

if TYPE_CHECKING:
    from hanoi.build import LanguageBuild


@dataclass
class SearchState:
    worker_path: str = WORKER_SOURCE  # where this language build published our worker


def root_language(config: MkDocsConfig) -> str:
    """The language built at the site root: English, except in a one-language
    preview (BUILD_ONLY_LOCALE=vi), where mkdocs-static-i18n builds that one there."""
    return getattr(config.plugins.get("i18n"), "default_language", None) or DEFAULT_LANGUAGE


def built_languages(config: MkDocsConfig) -> list[str]:
    return list(getattr(config.plugins.get("i18n"), "build_languages", None) or LANGUAGES)


def search_in_every_language(config: MkDocsConfig) -> None:
    """Material's search knows the site's languages (lunr's stemmers and
    stop words for each): the i18n plugin's, not a second list in mkdocs.yml.
    Set before the search plugin's on_config reads them."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config["lang"] = list(LANGUAGES)


def publish_worker(files: Files, config: MkDocsConfig, state: SearchState) -> str | None:
    """Publish our worker under a name with its content's hash; the problem if it is missing."""
    source = files.get_file_from_path(WORKER_SOURCE)
    if source is None:
        return f"{WORKER_SOURCE} is missing from the theme (overrides/): search cannot work"
    state.worker_path = fingerprinted_worker(source.content_bytes)
    files.remove(source)
    files.append(
        File(source.src_uri, source.src_dir, config.site_dir, config.use_directory_urls, dest_uri=state.worker_path)
    )
    return None


def localized_config_filter(build: LanguageBuild, log: logging.Logger) -> Callable[..., Markup]:
    """The Jinja filter overrides/main.html applies to Material's `config`
    block alone, not to the whole page."""
    config = build.config

    def localized(context: Context, block: str) -> Markup:
        try:
            return Markup(
                localize_search_config(
                    str(block), build.language, build.state(SearchState).worker_path, root_language(config)
                )
            )
        except SearchConfigNotFound as error:
            # A warning fails the strict build: Material's templates changed.
            log.warning(f"{_page_name(context)}: search stays site-wide and accent-sensitive: {error}")
            return Markup(block)

    return pass_context(localized)


def _page_name(context: Context) -> str:
    page = context.get("page")
    return page.file.src_uri if page is not None and getattr(page, "file", None) else str(context.name)


def split_index(config: MkDocsConfig, titles: dict[str, str]) -> None:
    """The merged index, one per language, front-matter titles escaped."""
    merged = Path(config.site_dir) / INDEX_FILE
    if not merged.is_file():
        return  # search plugin disabled
    index = escape_front_matter_titles(json.loads(merged.read_text(encoding="utf-8")), titles)
    default = root_language(config)
    write_search_indexes(Path(config.site_dir), split_search_index(index, built_languages(config), default), default)
