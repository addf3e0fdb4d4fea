"""Job: a light first visit (see ``hanoi.first_visit``). Material's bundle is
published patched to load on demand, under the hash of its content, and its
address given to overrides/main.html; every page's HTML is read as it is
written, and once every language is built Material's stylesheet is cut to the
rules those pages can use (``hanoi.stylesheet``), published under the hash of
its content, and the pages pointed at it.
"""

from __future__ import annotations

from pathlib import Path

from hanoi.first_visit import BUNDLE, STYLESHEET, fingerprinted, patched_bundle, relink_pages
from hanoi.languages import is_last_build_running, is_site_build_starting
from hanoi.material_patches import PatchError
from hanoi.stylesheet import SiteTokens, cut_stylesheet, wanted_attributes
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# Set by on_files: the patched bundle's site path; Material's stylesheet's
# site path and text.
_material: dict[str, str] = {}
# What every page written in this site build holds that a selector of
# Material's stylesheet can name (made by the site build's first on_files).
_tokens: list[SiteTokens] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_site_build_starting(config):
        _tokens.clear()
    return config


# After mkdocs-static-i18n (-100), which cannot take a file made in memory.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in list(files):
        if BUNDLE.match(file.src_uri):
            try:
                bundle = patched_bundle(file.content_string)
            except PatchError as error:
                raise PluginError(f"{file.src_uri}: {error}") from None
            _material["bundle"] = fingerprinted(file.src_uri, bundle.encode("utf-8"))
            files.remove(file)
            files.append(File.generated(config, _material["bundle"], content=bundle))
        elif STYLESHEET.match(file.src_uri):
            _material["stylesheet"], _material["css"] = file.src_uri, file.content_string
            files.remove(file)  # published cut, once every page is built
    if "css" in _material and not _tokens:
        _tokens.append(SiteTokens(wanted_attributes(_material["css"])))
    if not {"bundle", "stylesheet"} <= set(_material):
        raise PluginError("Material's bundle or stylesheet (assets/javascripts/bundle.*.min.js, "
                          "assets/stylesheets/main.*.min.css) is not among the theme's files: Material changed; "
                          "re-check hooks/hanoi/first_visit.py")
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["material_bundle"] = _material["bundle"]  # loaded by on-demand.js (overrides/main.html)
    return env


# Last: the page as it is written.
@event_priority(-200)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _tokens[0].add_html(output)
    return output


@event_priority(-200)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):  # the 404 pages
        _tokens[0].add_html(output_content)
    return output_content


# After mkdocs-static-i18n (-100) has built every language and
# hooks/i18n_fixes.py has written each language's 404 page; before
# hooks/security_headers.py lists the fingerprinted files for caching (the
# same priority: mkdocs.yml lists the hooks in that order).
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build_running(config):
        return
    site_dir = Path(config.site_dir)
    css = cut_stylesheet(_material["css"], _tokens[0]).encode("utf-8")
    published = fingerprinted(_material["stylesheet"], css)
    (site_dir / published).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / published).write_bytes(css)
    relink_pages(site_dir, _material["stylesheet"], published)
