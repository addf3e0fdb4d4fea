"""Job: every page's share card (``og:image``, ``twitter:card``), drawn by
``hanoi.media_kit.cards`` once per language build for the pages that build
rendered, and reused from ``.cache/share-cards/`` when unchanged.

The 404 pages, rendered from a template without a page, use the language's
default card (site name and description).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hanoi.languages import build_language
from hanoi.problems import Problem, stop_on
from hanoi.media_kit.cards import Card, CardsFailed, publish, site_path, template_text
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# The cards of the language build in progress, drawn in its on_post_build.
_cards: set[Card] = set()


def _card_url(card: Card, config: MkDocsConfig) -> str:
    base = (config.site_url or "/").rstrip("/") + "/"
    return base + site_path(card.key(template_text()))


def _card(title: str, config: MkDocsConfig) -> Card:
    """A page titled like the site (a home page) shows the site's description instead."""
    site_name = config.site_name
    shown = title if title and title != site_name else (config.site_description or site_name)
    return Card(site_name, " ".join(shown.split()), build_language(config))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _cards.clear()
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    card = _card("", config)
    _cards.add(card)
    env.globals["default_share_card"] = _card_url(card, config)
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    card = _card(str(page.meta.get("title") or page.title or ""), config)
    _cards.add(card)
    context["share_card"] = _card_url(card, config)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    try:
        publish(set(_cards), Path(config.site_dir))
    except CardsFailed as error:
        stop_on([Problem("templates/typst/share-card.typ", None, "", f"the share cards could not be drawn. Typst says: {error}",
                         "correct the layout; if a page title caused it, the message names the text")], "the share cards")
