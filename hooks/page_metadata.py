"""Job: the head of every page: absolute hreflang alternates with x-default,
canonical URL and Open Graph locale tags (rendered by ``overrides/main.html``).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.languages import OG_LOCALES, build_language
from hanoi.pages.alternates import page_alternates


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = build_language(config)
    alternates = getattr(page.file, "alternates", None) or {language: page.file}
    context["page_alternates"] = page_alternates(config.site_url or "", alternates)
    context["og_locale"] = OG_LOCALES[language]
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """``absolute_alternates`` for the sitemap, which has no page context."""
    site_url = config.site_url or ""
    env.filters["absolute_alternates"] = lambda alternates: page_alternates(site_url, alternates)
    return env
