"""Job: drop comments naming source maps that are not published, once every
language is built (Material's bundle is patched as it is published:
hooks/served_on_demand.py); take ``autocomplete`` off Material's two checkbox toggles in every
page; French spacing in the footer links' labels of French pages (why:
hooks/hanoi/served/material_fixes.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hanoi.build import BEFORE_404_KEPT, after_all_languages
from hanoi.languages import build_language, language
from hanoi.served.material_fixes import (
    PatchError,
    drop_missing_source_maps,
    with_french_footer_colons,
    without_toggle_autocomplete,
)


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    drop_missing_source_maps(Path(config.site_dir))


def _valid_toggles(html: str, where: str) -> str:
    try:
        return without_toggle_autocomplete(html)
    except PatchError as error:
        raise PluginError(f"{where}: {error}") from None


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    output = _valid_toggles(output, page.file.src_uri)
    return with_french_footer_colons(output) if language(build_language(config)).french_typography else output


# Before hooks/served_not_found.py keeps each language's 404 page.
@event_priority(BEFORE_404_KEPT)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _valid_toggles(output_content, template_name) if template_name == "404.html" else output_content
