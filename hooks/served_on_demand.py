"""Job: a light first visit (``hanoi.served.on_demand``). Material's bundle is
published patched to load on demand, under the hash of its content, and its
address given to overrides/main.html; every page is held as it is built
(MkDocs writes nothing), and once every language is built Material's
stylesheet is cut to the rules those pages can use
(``hanoi.served.stylesheet``), followed by the site's own (site.css),
published as one under the hash of its content, and each page written once,
linking it.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hanoi.build import AFTER_I18N_FILES, PAGE_HELD, after_all_languages, site_build
from hanoi.served.material_fixes import PatchError
from hanoi.served.not_found import not_found_files
from hanoi.served.on_demand import MaterialFiles, publish_material, quiet_held_pages, take_material_files
from hanoi.served.stylesheet import StylesheetError


def _material(config: MkDocsConfig) -> MaterialFiles:
    return site_build(config).state(MaterialFiles)


def on_config(config: MkDocsConfig) -> None:
    quiet_held_pages()


@event_priority(AFTER_I18N_FILES)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    try:
        return take_material_files(files, config, _material(config))
    except (PatchError, StylesheetError) as error:
        raise PluginError(str(error)) from None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["material_bundle"] = _material(config).bundle  # loaded by on-demand.js (overrides/main.html)
    return env


@event_priority(PAGE_HELD)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _material(config).hold(page.file.abs_dest_path, output)
    return ""  # MkDocs writes nothing: publish_material writes it


# The 404 pages, kept by hooks/served_not_found.py, are written with the
# pages; before hooks/served_security.py lists the fingerprinted files for
# caching (the same priority: mkdocs.yml lists this hook first).
@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    site, material = site_build(config), _material(config)
    for path, html in not_found_files(Path(config.site_dir), site.not_found_pages).items():
        material.hold(path, html)
    publish_material(config.site_dir, material)
