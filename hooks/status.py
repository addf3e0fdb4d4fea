"""Job: the status site's computed parts that are not markers: the home
page's status panel and latest news (``overrides/home.html``) and each
language's feed of status updates, from the site build's data and instant
(``hanoi.status``). The open data: hooks/status_open_data.py."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import language_build, site_build
from hanoi.status.home import COUNTDOWN_SCRIPT, HOME_TEMPLATE, home_blocks
from hanoi.status.news import status_feed_link, write_status_feed


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["status_feed"] = status_feed_link(site_build(config), language_build(config))
    if page.meta.get("template") == HOME_TEMPLATE:
        context["home_blocks"] = Markup(home_blocks(site_build(config), language_build(config), page))
        context["page_scripts"] = (*context.get("page_scripts", ()), COUNTDOWN_SCRIPT)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    write_status_feed(site_build(config), language_build(config))
