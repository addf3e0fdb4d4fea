"""Job: the status site's computed parts that are not markers: the home
page's status panel and latest news (``overrides/home.html``), each
language's feed of status updates, and the open data ``/status.json``,
``/status.schema.json``, ``/signatories.csv`` and ``/datapackage.json``,
all from the site build's data and day (``hanoi.status``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import language_build, site_build
from hanoi.languages import DEFAULT_LANGUAGE, build_language
from hanoi.status.home import COUNTDOWN_SCRIPT, HOME_TEMPLATE, home_blocks
from hanoi.status.news import status_feed_link, write_status_feed
from hanoi.status.open_data import write_open_data


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["status_feed"] = status_feed_link(site_build(config), language_build(config))
    if page.meta.get("template") == HOME_TEMPLATE:
        context["home_blocks"] = Markup(home_blocks(site_build(config), language_build(config), page))
        context["page_scripts"] = (*context.get("page_scripts", ()), COUNTDOWN_SCRIPT)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's feed of status updates; once per site build, the open
    data, the same for every language."""
    site = site_build(config)
    write_status_feed(site, language_build(config))
    if build_language(config) == DEFAULT_LANGUAGE:
        write_open_data(site.facts, site.status, Path(config.site_dir), config.site_url or "/")
