"""Job: fix what mkdocs-static-i18n leaves wrong or missing per language.

- One "page not found" per language (/404.html, /vi/404.html, /fr/404.html):
  the plugin writes every language's 404 to the site root, so the last
  language built wins (mkdocs-static-i18n#284). MkDocs renders error templates
  with absolute URLs, so each rendering works at any depth.
- A sitemap at each language's root (/vi/sitemap.xml, /fr/sitemap.xml):
  Material's language switch fetches ``sitemap.xml`` beside each alternate
  link to keep the reader on the same page; without it the browser logs 404s.
  The sitemap lists every language; only the last language's rendering knows
  them all, so that one is written to every root.

Both are kept from each language's build and written once every language is built.
"""

from __future__ import annotations

from pathlib import Path

from hanoi.languages import build_language, is_last_build_running, language_prefix
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_not_found_pages: dict[str, str] = {}
_sitemap: list[str] = []


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _not_found_pages[build_language(config)] = output_content
    elif template_name == "sitemap.xml":
        _sitemap[:] = [output_content]
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
    site_dir = Path(config.site_dir)
    write_per_language(site_dir, "404.html", _not_found_pages)
    if _sitemap:
        write_per_language(site_dir, "sitemap.xml", {language: _sitemap[0] for language in _not_found_pages})
    _not_found_pages.clear()
    _sitemap.clear()
