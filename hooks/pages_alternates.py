"""Job: what crawlers and link previews read: the head of every page
(absolute hreflang alternates with x-default, canonical URL and Open Graph
locale tags, rendered by ``overrides/main.html``; the 404 pages, rendered
without a page, get their own address and locales), the sitemap's
alternates, and ``/robots.txt``, which advertises the sitemap.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.addresses import absolute_url
from hanoi.languages import LANGUAGES, build_language, language
from hanoi.pages.alternates import page_alternates
from hanoi.served.not_found import not_found_path


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    code = build_language(config)
    alternates = getattr(page.file, "alternates", None) or {code: page.file}
    context["page_alternates"] = page_alternates(config.site_url or "", alternates)
    context["og_url"] = page.canonical_url
    own = context["og_locale"] = language(code).og_locale
    context["og_locale_alternates"] = sorted(
        {alt.og_locale for alt in context["page_alternates"] if alt.og_locale != own}
    )
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """A 404 page is one per language (hooks/served_not_found.py), served at any
    missing address of its language: its Open Graph URL is its own file's."""
    if template_name == "404.html":
        code = build_language(config)
        context["og_url"] = absolute_url(config.site_url or "", not_found_path(code))
        context["og_locale"] = language(code).og_locale
        context["og_locale_alternates"] = sorted(language(other).og_locale for other in LANGUAGES if other != code)
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """``absolute_alternates`` for the sitemap, which has no page context."""
    site_url = config.site_url or ""
    env.filters["absolute_alternates"] = lambda alternates: page_alternates(site_url, alternates)
    return env
