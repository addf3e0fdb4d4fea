"""Job: fix what mkdocs-static-i18n leaves wrong per language: one "page
not found" per language (/404.html, /vi/404.html, /fr/404.html).

The plugin writes every language's 404 to the site root, so the last language
built wins (mkdocs-static-i18n#284). MkDocs renders error templates with
absolute URLs, so each rendering works at any depth: keep them all and write
each to its language's folder once every language is built.
"""

from __future__ import annotations

from pathlib import Path

from hanoi.languages import build_language, is_last_build_running, language_prefix
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_not_found_pages: dict[str, str] = {}


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _not_found_pages[build_language(config)] = output_content
    return output_content


def write_per_language(site_dir: Path, name: str, texts: dict[str, str]) -> None:
    for language, text in texts.items():
        target = site_dir / language_prefix(language) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build_running(config):
        return
    write_per_language(Path(config.site_dir), "404.html", _not_found_pages)
    _not_found_pages.clear()
