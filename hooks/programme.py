"""Job: the programme of the Hanoi ceremony (``hanoi.programme``), read and
checked with the site build's data: the ids its markers put on a page go
into the page's table of contents and anchors, and every language build
exports it as calendar files and open data (programme.ics, one .ics per
event, programme.json with its schema, schedule.json) beside its page."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hanoi.build import AFTER_MARKERS, language_build, site_build
from hanoi.programme.anchors import add_anchors
from hanoi.programme.exports import language_exports, write_files
from hanoi.programme.markers import PageAnchors

log = logging.getLogger("mkdocs.hooks.programme")


@event_priority(AFTER_MARKERS)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    anchors = language_build(config).state(PageAnchors).by_page.pop(page.file.src_uri, [])
    for problem in add_anchors(html, page, anchors) if anchors else []:
        log.error(str(problem))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    write_files(Path(config.site_dir), language_exports(site_build(config), language_build(config)))
