"""Job: make the build state, in one place, before any other hook runs.

When a site build starts (the default language's build; mkdocs-static-i18n
runs the other languages' inside it), every page and data file is read and
checked once (``hanoi.build.start_site_build``): a problem anywhere stops
the build with its file, line and fix before anything renders. Every
language's build then gets its own ``LanguageBuild``. Hooks reach both from
the config (``site_build(config)``, ``language_build(config)``).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hanoi.build import BUILD_STATE, attach, remember_command, site_build_starting, start_site_build


def on_startup(*, command: str, dirty: bool) -> None:
    remember_command(command)


@event_priority(BUILD_STATE)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    starting = site_build_starting(config)
    attach(config, start_site_build() if starting else None)
    return config
