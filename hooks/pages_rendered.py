"""Job: hold the HTML each page's Markdown rendered to against the content
allowlist (``hanoi.pages.rendered``), before the markers' HTML is put in
place. A page that breaks it is logged with its file and line, so that the
strict build fails, and goes on sanitized, so that not even a local preview
shows what was refused.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hanoi.build import BEFORE_MARKERS, site_build
from hanoi.pages.rendered import rendered_problems, sanitized

log = logging.getLogger("mkdocs.hooks.pages_rendered")


@event_priority(BEFORE_MARKERS)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = site_build(config).scanned[page.file.src_uri]  # the body as the site build read it
    problems = rendered_problems(f"docs/{page.file.src_uri}", html, source.body, source.body_line)
    for problem in problems:
        log.error(str(problem))
    return sanitized(html) if problems else html
