"""Job: key figures and dates from ``data/key_facts.yml`` in every page.

Markers:
  <!-- fact id=adoption-date -->          the value, formatted for the language
  <!-- key-facts ids="a,b,c" -->           a labelled list with sources and dates
"""

from __future__ import annotations

from hanoi.status.facts import SiteFacts, load_site_facts
from hanoi.formatting import format_date
from hanoi.markers.expansion import MarkerContext, MarkerError, register
from hanoi.problems import valid
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


def site_facts() -> SiteFacts:
    return valid(load_site_facts(), "the key facts or signatories data")


# A fact reads the same on every page of a language: rendered once per build
# (releases quote facts, so a thousand releases would render it a thousand times).
_rendered_facts: dict[tuple[str, str], str] = {}


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_facts()  # validate before anything renders
    _rendered_facts.clear()
    return config


def _facts(ids: list[str]):
    known = site_facts().facts
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise MarkerError(f"unknown fact {', '.join(unknown)}",
                          f"use an id from data/key_facts.yml (or a counted one: {', '.join(sorted(k for k in known if k.startswith('signat')))})")
    return [known[i] for i in ids]


def render_fact(args: dict[str, str], context: MarkerContext) -> str:
    key = (context.language, args["id"])
    if key not in _rendered_facts:
        (fact,) = _facts([args["id"]])
        _rendered_facts[key] = context.render("partials/markers/fact.html",
                                              {"fact": fact, "text": fact.text(context.language)})
    return _rendered_facts[key]


def render_key_facts(args: dict[str, str], context: MarkerContext) -> str:
    ids = [i.strip() for i in args["ids"].split(",") if i.strip()]
    if not ids:
        raise MarkerError("no fact ids given", 'list ids separated by commas: ids="adoption-date,chapters"')
    items = [
        {"fact": fact, "text": fact.text(context.language), "label": fact.label[context.language],
         "source_name": fact.source_name[context.language], "as_of": format_date(fact.as_of, context.language)}
        for fact in _facts(ids)
    ]
    return context.render("partials/markers/key-facts.html", {"items": items})


register("fact", render_fact, required={"id"}, summary="one key fact, e.g. <!-- fact id=adoption-date -->")
register("key-facts", render_key_facts, required={"ids"},
         summary='a list of key facts, e.g. <!-- key-facts ids="adoption-date,chapters" -->')
