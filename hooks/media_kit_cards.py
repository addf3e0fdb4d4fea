"""Job: every page's share card (``og:image``, ``twitter:card``), drawn by
``hanoi.media_kit.cards`` once per language build for the pages that build
rendered, and reused from ``.cache/share-cards/`` when unchanged, with its
text alternative (``og:image:alt``, ``twitter:image:alt``). The 404
pages, rendered from a template without a page, use the language's default
card (site name and description). The home and signatures pages' cards
carry the status's live figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import language_build, site_build
from hanoi.media_kit.cards import CardsToDraw, card_for, publish_cards, status_figures
from hanoi.status.home import HOME_TEMPLATE, PAGES


def _cards(config: MkDocsConfig) -> CardsToDraw:
    return language_build(config).state(CardsToDraw)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    card = card_for("", config)
    env.globals["default_share_card"] = _cards(config).add(card, config.site_url or "/")
    env.globals["default_share_card_alt"] = card.alt
    return env


def _shows_status(page: Page) -> bool:
    """The home and signatures pages: their cards carry the live figures."""
    return page.meta.get("template") == HOME_TEMPLATE or page.url.endswith(PAGES["signatures"])


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = language_build(config).language
    figures = status_figures(site_build(config).status, language) if _shows_status(page) else ()
    card = card_for(str(page.meta.get("title") or page.title or ""), config, figures)
    context["share_card"] = _cards(config).add(card, config.site_url or "/")
    context["share_card_alt"] = card.alt
    return context


def on_post_build(config: MkDocsConfig) -> None:
    publish_cards(_cards(config), Path(config.site_dir))
