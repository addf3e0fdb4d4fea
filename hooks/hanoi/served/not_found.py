"""One "page not found" per language (/404.html, /vi/404.html, /fr/404.html).

mkdocs-static-i18n writes every language's 404 to the site root, so the last
language built wins (mkdocs-static-i18n#284). MkDocs renders error templates
with absolute URLs, so each rendering works at any depth: each language's
is kept and written to its folder once every language is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from hanoi.languages import language_prefix


def not_found_path(language: str) -> str:
    """A language's 404 page, from the site root."""
    return f"{language_prefix(language)}404.html"


def write_not_found_pages(site_dir: Path, pages: Mapping[str, str]) -> None:
    """Each language's 404 page (``pages``: its HTML by language) in its folder."""
    for language, html in pages.items():
        target = site_dir / not_found_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
