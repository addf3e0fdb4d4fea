"""Job: keep drafts and scheduled pages out of production builds, and mark
them with a banner in previews (the rules: ``hanoi.pages.drafts``)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hanoi.build import site_build
from hanoi.catalogues import N_, translate
from hanoi.languages import build_language

BANNERS = {
    "draft": N_("Draft: this page is not published. It appears only in previews."),
    "scheduled": N_(
        "Scheduled: this page is not published yet. It appears only in previews until its publication time."
    ),
}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = site_build(config)
    hidden = {page.src_uri for page in site.pages if not site.publication.shows(page.meta, page.src_uri)}
    for file in [f for f in files if f.src_uri in hidden]:
        files.remove(file)
    return files


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    status = site_build(config).publication.status(page.meta)
    if status in BANNERS:
        context["publication_banner"] = translate(build_language(config), BANNERS[status])
    return context
