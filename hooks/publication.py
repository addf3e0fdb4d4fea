"""Job: keep drafts and scheduled pages out of production builds, and mark
them with a banner in previews (see ``hanoi.pages.drafts``).
"""

from __future__ import annotations

from typing import Any

from hanoi.catalogues import translate
from hanoi.pages.scan import scan_pages
from hanoi.languages import build_language
from hanoi.pages.drafts import current, remember_command
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

def on_startup(*, command: str, dirty: bool) -> None:
    remember_command(command)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    rules = current()
    pages, _ = scan_pages(reuse=True)  # made by hooks/front_matter.py's on_config
    hidden = {f"{p.language}/{p.relative_path}" for p in pages if not rules.shows(p.meta)}
    for file in [f for f in files if f.src_uri in hidden]:
        files.remove(file)
    return files


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    status = current().status(page.meta)
    if status != "published":
        language = build_language(config)
        context["publication_banner"] = (
            translate(language, "Draft: this page is not published. It appears only in previews.")
            if status == "draft" else
            translate(language, "Scheduled: this page is not published yet. It appears only in previews until its publication time.")
        )
    return context
