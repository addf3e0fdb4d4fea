"""Job: give MkDocs each page's front matter as the site build read and
checked it (``SiteBuild.pages``; the checks are in ``hanoi.pages``), every
text marked as text so that the theme's templates print it escaped wherever
it lands (<title>, meta tags, Material's header, navigation, our partials).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hanoi.build import FRONT_MATTER_FIRST, site_build
from hanoi.pages.scan import as_front_matter_text, escape_front_matter_text


# Before any other plugin or hook reads page.meta.
@event_priority(FRONT_MATTER_FIRST)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    scanned = site_build(config).scanned.get(page.file.src_uri)
    if scanned is not None and scanned.meta is not None:
        page.meta = as_front_matter_text(dict(scanned.meta))  # a copy: serve rebuilds reuse nothing
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.finalize = escape_front_matter_text
    return env
