"""Job: check ``data/termbase.yml`` when a site build starts, like every data
file: a mistake in it fails the build with its file, line and fix. (The
tests check the built site and the PDFs against it.)"""

from __future__ import annotations

from hanoi.languages import is_site_build_starting
from hanoi.problems import stop_on
from hanoi.terms.termbase import load_termbase
from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_site_build_starting(config):
        stop_on(load_termbase()[1], "the termbase")
    return config
