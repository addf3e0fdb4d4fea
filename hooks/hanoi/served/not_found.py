"""One "page not found" per language (/404.html, /vi/404.html, /fr/404.html).

mkdocs-static-i18n writes every language's 404 to the site root, so the last
language built wins (mkdocs-static-i18n#284). MkDocs renders error templates
with absolute URLs, so each rendering works at any depth: each language's
is kept and put in its folder once every language is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from hanoi.languages import DEFAULT_LANGUAGE, language_prefix


def not_found_path(language: str) -> str:
    """A language's 404 page, from the site root."""
    return f"{language_prefix(language)}404.html"


def not_found_destinations(pages: Mapping[str, str]) -> dict[str, str]:
    """Each language's 404 page (``pages``: its HTML by language) by its path
    from the site root; a build without the default language (a one-language
    preview) has the root's too, in the language it built, which is where a
    server looks for a missing page."""
    destinations = {not_found_path(language): html for language, html in pages.items()}
    if pages and DEFAULT_LANGUAGE not in pages:
        destinations[not_found_path(DEFAULT_LANGUAGE)] = next(iter(pages.values()))
    return destinations


def not_found_files(site_dir: Path, pages: Mapping[str, str]) -> dict[str, str]:
    """``not_found_destinations`` by the file each is written to."""
    return {str(site_dir / path): html for path, html in not_found_destinations(pages).items()}
