"""Job: the glossary. Every abbreviation in it is marked up with ``<abbr>``
and its expansion on every page of its language; the glossary page lists the
terms.

Marker: <!-- glossary -->   the terms of the language being built
"""

from __future__ import annotations

from hanoi.glossary import abbreviation_definitions, load_glossaries
from hanoi.languages import build_language
from hanoi.markers import MarkerContext, register
from hanoi.problems import stop_on
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def glossaries():
    found, problems = load_glossaries()
    stop_on(problems, "the glossary data")
    return found


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    glossaries()  # validate before anything renders
    return config


# After the markers hook (priority 0), so that marker line numbers stay true.
@event_priority(-10)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    definitions = abbreviation_definitions(glossaries().get(build_language(config), ()))
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown


def render_glossary(args: dict[str, str], context: MarkerContext) -> str:
    return context.render("partials/markers/glossary.html", {"terms": glossaries().get(context.language, ())})


register("glossary", render_glossary, summary="the glossary of the page's language, e.g. <!-- glossary -->")
