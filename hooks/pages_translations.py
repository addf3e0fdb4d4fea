"""Job: tell editors, when a site build starts, how the translations stand
(the site build computed it: ``SiteBuild.translations``). A missing
translation fails the strict build; an outdated one is reported without
failing it (translators catch up after the English page changes). The table
is the marker <!-- translation-status --> on /status/."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from hanoi.build import site_build, site_build_starting
from hanoi.pages.translations import report


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if site_build_starting(config):
        report(site_build(config).translations)
    return config
