"""Job: the glossary. Every abbreviation in it is marked up with ``<abbr>``
and its expansion on every page of its language; the glossary page lists the
terms.

Marker: <!-- glossary -->   the terms of the language being built
"""

from __future__ import annotations

from hanoi.terms.glossaries import abbreviation_glossary, load_glossaries
from hanoi.languages import build_language
from hanoi.markers.expansion import MarkerContext, register
from hanoi.problems import valid
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


def glossaries() -> dict[str, tuple[Term, ...]]:
    return valid(load_glossaries(), "the glossary data")


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Validates before anything renders; then the language's abbreviations
    # become the abbr extension's glossary for every page of this build.
    terms = glossaries().get(build_language(config), ())
    if "abbr" not in config.markdown_extensions:
        raise PluginError("the glossary needs the abbr extension: keep `- abbr` in mkdocs.yml's markdown_extensions")
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": abbreviation_glossary(terms)}
    return config


def render_glossary(args: dict[str, str], context: MarkerContext) -> str:
    return context.render("partials/markers/glossary.html", {"terms": glossaries().get(context.language, ())})


register("glossary", render_glossary, summary="the glossary of the page's language, e.g. <!-- glossary -->")
