"""Job: check every page in every language before anything renders: its
front matter (required fields per kind of page, no unknown field, right
types), raw HTML links or images that would break under /vi/ and /fr/, and
anything in a page or in a text of data/ that would add behaviour or a
request to another host (scripts, event handlers, javascript: URLs, frames,
embedded objects, files loaded from elsewhere); each problem names the file,
the line and the fix. Done once per site build; the hooks that need the
pages' front matter reuse this scan, and MkDocs is handed each page's body
and parsed front matter instead of reading and parsing the file a second
time. Front-matter texts are marked as text, and the theme's templates
print them escaped wherever they land.
"""

from __future__ import annotations

from hanoi.datafiles import DATA_DIR
from hanoi.pages.scan import SourcePage, as_front_matter_text, escape_front_matter_text, scan_pages
from hanoi.languages import is_site_build_starting
from hanoi.pages.content import data_text_problems
from hanoi.problems import stop_on
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# This site build's pages with a front matter, by MkDocs' src_uri.
_scanned: dict[str, SourcePage] = {}


@event_priority(95)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    starting = is_site_build_starting(config)
    pages, problems = scan_pages(reuse=not starting)
    if starting:
        problems += data_text_problems(DATA_DIR)
    stop_on(problems, "the pages and data")
    _scanned.clear()
    _scanned.update((page.src_uri, page) for page in pages if page.meta is not None)
    return config


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    scanned = _scanned.get(page.file.src_uri)
    return scanned.text_for_mkdocs() if scanned is not None else None  # None: MkDocs reads the file


# Before any other plugin or hook reads page.meta.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    scanned = _scanned.get(page.file.src_uri)
    if scanned is not None:
        # A copy (the next build reuses the scan if no page changed), each
        # text marked as text for the templates (on_env).
        page.meta = as_front_matter_text(dict(scanned.meta))
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.finalize = escape_front_matter_text
    return env
