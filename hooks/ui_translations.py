"""Job: give templates and hooks the UI strings of the language being built.

Compiles ``locales/<lang>/LC_MESSAGES/messages.po`` for MkDocs' Jinja i18n
extension (``{% trans %}`` in ``overrides/``). A missing catalogue fails the
build with the command that creates it.
"""

from __future__ import annotations

from hanoi.catalogues import MissingCatalogue, install_for_theme
from hanoi.languages import LANGUAGES
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        install_for_theme(list(LANGUAGES))
    except MissingCatalogue as missing:
        raise PluginError(str(missing)) from None
    return config
