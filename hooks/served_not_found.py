"""Job: one "page not found" per language, where mkdocs-static-i18n keeps
only the last (``hanoi.served.not_found``): each language's is kept, and
written with the pages (hooks/served_on_demand.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hanoi.build import PAGE_HELD, site_build
from hanoi.languages import build_language


@event_priority(PAGE_HELD)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        site_build(config).not_found_pages[build_language(config)] = output_content
        return ""  # MkDocs writes nothing to the site root
    return output_content
