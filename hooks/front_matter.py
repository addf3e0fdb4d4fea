"""Job: check every page in every language before anything renders: its
front matter (required fields per kind of page, no unknown field, right
types) and raw HTML links or images that would break under /vi/ and /fr/;
each problem names the file, the line and the fix. Done once per site build;
the hooks that need the pages' front matter reuse this scan.

MkDocs would parse each page's front matter again, with PyYAML's
pure-Python loader (about 0.6 ms a page, a tenth of a large site's build):
it is handed the body alone, and the front matter parsed here.
"""

from __future__ import annotations

from typing import Any

from hanoi.front_matter import body_for_mkdocs, metas_by_source, scan_pages
from hanoi.languages import is_site_build_starting
from hanoi.problems import stop_on
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_metas: dict[str, Any] = {}


@event_priority(95)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pages, problems = scan_pages(reuse=not is_site_build_starting(config))
    stop_on(problems, "the pages")
    _metas.clear()
    _metas.update(metas_by_source(pages))
    return config


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    if page.file.src_uri not in _metas:
        return None  # MkDocs reads the page itself
    return body_for_mkdocs(page.file.content_string)


# Before every other plugin and hook reads page.meta.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = _metas.get(page.file.src_uri)
    if meta is not None:
        page.meta = dict(meta)  # a copy: the scan is reused by the next build if no page changed
    return markdown
