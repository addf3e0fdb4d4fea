"""Job: give templates and hooks the UI strings of the language being built.

Compiles ``locales/<lang>/LC_MESSAGES/messages.po`` for MkDocs' Jinja i18n
extension (``{% trans %}`` in ``overrides/``). A missing catalogue fails the
build with the command that creates it.

The heading anchors' tooltip comes from Markdown's toc extension, which
mkdocs-static-i18n cannot configure per language: it is set here, in the
language being built, from the same catalogue.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hanoi.build import CATALOGUES
from hanoi.catalogues import MissingCatalogue, install_for_theme, translate
from hanoi.languages import LANGUAGES, build_language


@event_priority(CATALOGUES)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        install_for_theme(list(LANGUAGES))
    except MissingCatalogue as missing:
        raise PluginError(str(missing)) from None
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = translate(build_language(config), "Permanent link")
    return config
