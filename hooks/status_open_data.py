"""Job: the open data, once every language is built, the same for all:
``/status.json`` with ``/status.schema.json``, ``/signatories.csv`` with
``/datapackage.json``, from the site build's data and instant
(``hanoi.status.open_data``)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hanoi.build import after_all_languages, site_build
from hanoi.status.open_data import write_open_data


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    site = site_build(config)
    write_open_data(site.facts, site.status, Path(config.site_dir), config.site_url or "/")
