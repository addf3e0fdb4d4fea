"""Job: one "page not found" per language, where mkdocs-static-i18n keeps
only the last (``hanoi.served.not_found``)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hanoi.build import after_all_languages, site_build
from hanoi.languages import build_language
from hanoi.served.not_found import write_not_found_pages


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        site_build(config).not_found_pages[build_language(config)] = output_content
    return output_content


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    write_not_found_pages(Path(config.site_dir), site_build(config).not_found_pages)
