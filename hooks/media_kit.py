"""Job: PDF fact sheets and the media kit's downloads (``hanoi.media_kit``).

Fact sheets are pages ``docs/<lang>/media/fact-sheets/<slug>.md``; each
one's rendered HTML, key figures included, becomes a tagged A4 PDF/UA-1,
published at ``/media/fact-sheets/<slug>.<lang>.pdf``, and the page gets a
box under its title with the date stamp and the PDF's link and size. The
kit page is the marker <!-- media-kit sheets="…" --> (``hanoi.markers.table``).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import AFTER_MARKERS, AFTER_SEARCH_INDEXING, BEFORE_NEXT_LANGUAGE, language_build, site_build
from hanoi.media_kit.site import stop_on_sheet_problems, with_kit_downloads, with_sheet_box, write_sheets_and_kit


# After hooks/markers.py has put the figures in: the PDF shows what the page shows.
@event_priority(AFTER_MARKERS)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return with_sheet_box(html, page, site_build(config), language_build(config))


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    stop_on_sheet_problems(language_build(config))  # every page has rendered
    return env


# Every page's content is made (the sheets' PDFs with it); after search has
# read the page: the downloads table is not what readers search for.
@event_priority(AFTER_SEARCH_INDEXING)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    page.content = with_kit_downloads(page.content or "", page, site_build(config), language_build(config))
    return context


@event_priority(BEFORE_NEXT_LANGUAGE)
def on_post_build(config: MkDocsConfig) -> None:
    write_sheets_and_kit(language_build(config))
