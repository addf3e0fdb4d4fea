"""Job: the glossary's abbreviations, marked up with ``<abbr>`` and their
expansion on every page of their language: the site build read the glossary
(``SiteBuild.glossaries``); each language's build gives its terms to
Markdown's abbr extension. The glossary page is the marker <!-- glossary -->.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from hanoi.build import site_build
from hanoi.languages import build_language
from hanoi.terms.glossaries import abbreviation_glossary


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "abbr" not in config.markdown_extensions:
        raise PluginError("the glossary needs the abbr extension: keep `- abbr` in mkdocs.yml's markdown_extensions")
    terms = site_build(config).glossaries.get(build_language(config), ())
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": abbreviation_glossary(terms)}
    return config
