"""Job: press releases (``hanoi.press``): a header with date, sources and
translations under each release's title, the feed linked in every page's
head, and one Atom feed per language. The archive is the marker
<!-- press-releases --> (``hanoi.markers.table``). Drafts and releases under
embargo are left out by the site build's publication rules."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import AFTER_SEARCH_INDEXING, language_build, site_build
from hanoi.press.site import feed_link, release_of, with_release_header, write_feed


# The release header is not what readers search for: put in after indexing.
@event_priority(AFTER_SEARCH_INDEXING)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    site, build = site_build(config), language_build(config)
    feed = feed_link(site, build)
    if feed is not None:
        context["press_feed"] = feed
    release = release_of(site, build, page.file.src_uri)
    if release is not None:
        page.content = with_release_header(page.content or "", release, site, build)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    write_feed(site_build(config), language_build(config))
