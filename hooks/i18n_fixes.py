"""Job: fix what mkdocs-static-i18n leaves wrong per language: one "page
not found" per language (/404.html, /vi/404.html, /fr/404.html).

The plugin writes every language's 404 to the site root, so the last language
built wins (mkdocs-static-i18n#284). MkDocs renders error templates with
absolute URLs, so each rendering works at any depth: keep them all and write
each to its language's folder once every language is built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hanoi.build import after_all_languages, site_build
from hanoi.languages import build_language, language_prefix


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        site_build(config).not_found_pages[build_language(config)] = output_content
    return output_content


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    for language, text in site_build(config).not_found_pages.items():
        target = Path(config.site_dir) / language_prefix(language) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
