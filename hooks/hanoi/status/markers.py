"""Markers of the Convention's figures and status (``data/key_facts.yml``,
``data/signatures.yml``, ``data/treaty_status.yml``): each renders a template
under ``overrides/partials/`` with the values the site build computed."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

from hanoi.formatting import format_date
from hanoi.markers.expansion import MarkerContext, MarkerError
from hanoi.status.chart import chart_view
from hanoi.status.facts import Fact
from hanoi.status.freshness import STALE_AFTER_DAYS
from hanoi.status.open_data import OPEN_DATA
from hanoi.status.tiles import tile_map_view
from hanoi.status.views import record_view, signatures_view, status_view


@dataclass
class RenderedFacts:
    """A fact reads the same on every page of a language: rendered once per
    language build (releases quote facts, so a thousand releases would
    render it a thousand times)."""

    by_id: dict[str, str] = field(default_factory=dict)


def _facts(ids: list[str], context: MarkerContext) -> list[Fact]:
    known = context.site.facts.facts
    unknown = [i for i in ids if i not in known]
    if unknown:
        counted = ", ".join(sorted(k for k in known if k.startswith("signat")))
        raise MarkerError(
            f"unknown fact {', '.join(unknown)}", f"use an id from data/key_facts.yml (or a counted one: {counted})"
        )
    return [known[i] for i in ids]


def render_fact(args: dict[str, str], context: MarkerContext) -> str:
    rendered = context.build.state(RenderedFacts).by_id
    if args["id"] not in rendered:
        (fact,) = _facts([args["id"]], context)
        rendered[args["id"]] = context.render(
            "partials/markers/fact.html", {"fact": fact, "text": fact.text(context.language)}
        )
    return rendered[args["id"]]


def render_key_facts(args: dict[str, str], context: MarkerContext) -> str:
    ids = [i.strip() for i in args["ids"].split(",") if i.strip()]
    if not ids:
        raise MarkerError("no fact ids given", 'list ids separated by commas: ids="adoption-date,chapters"')
    language = context.language
    items = [
        {
            "fact": fact,
            "text": fact.text(language),
            "label": fact.label[language],
            "source_name": fact.source_name[language],
            "as_of": format_date(fact.as_of, language),
        }
        for fact in _facts(ids, context)
    ]
    return context.render("partials/markers/key-facts.html", {"items": items})


def render_signatures(args: dict[str, str], context: MarkerContext) -> str:
    return context.render(
        "partials/markers/signatures.html", signatures_view(context.site.facts.signatures, context.language)
    )


def render_signature_sources(args: dict[str, str], context: MarkerContext) -> str:
    return context.render(
        "partials/markers/signature-sources.html", signatures_view(context.site.facts.signatures, context.language)
    )


def render_signature_period(args: dict[str, str], context: MarkerContext) -> str:
    """Where and until when the Convention is, or was, open for signature, and
    what a State can do next: written ahead for every phase, so that no one
    edits a page on the day signature closes."""
    site = context.site
    return context.render(
        "partials/markers/signature-period.html", {"status": status_view(site.status, context.language)}
    )


def render_entry_into_force(args: dict[str, str], context: MarkerContext) -> str:
    """How the Convention enters into force, then when it will, then since when it is in force."""
    site = context.site
    return context.render(
        "partials/markers/entry-into-force.html", {"status": status_view(site.status, context.language)}
    )


def render_treaty_status(args: dict[str, str], context: MarkerContext) -> str:
    site = context.site
    return context.render(
        "partials/status/instruments.html",
        {
            "status": status_view(site.status, context.language),
            "record": record_view(site.facts.treaty, context.language),
        },
    )


def render_domestic_steps(args: dict[str, str], context: MarkerContext) -> str:
    return context.render(
        "partials/status/domestic-steps.html", {"record": record_view(context.site.facts.treaty, context.language)}
    )


def render_freshness(args: dict[str, str], context: MarkerContext) -> str:
    language = context.language
    files = [
        {
            "path": f.path,
            "as_of": f.as_of.isoformat(),
            "as_of_text": format_date(f.as_of, language),
            "age_days": f.age_days,
            "stale": f.stale,
        }
        for f in context.site.freshness
    ]
    return context.render("partials/status/freshness.html", {"files": files, "limit": STALE_AFTER_DAYS})


def render_open_data(args: dict[str, str], context: MarkerContext) -> str:
    links = {name: get_relative_url(path, context.page.url) for name, path in OPEN_DATA.items()}
    return context.render("partials/status/open-data.html", {"links": links})


def render_status_chart(args: dict[str, str], context: MarkerContext) -> str:
    """Signatories and instruments over time, with the data table beside the picture."""
    site = context.site
    language = context.language
    return context.render(
        "partials/markers/status-chart.html",
        {
            "chart": chart_view(site.status, site.facts.signatures, site.facts.treaty, language),
            "status": status_view(site.status, language),
        },
    )


def render_participation_map(args: dict[str, str], context: MarkerContext) -> str:
    """Every UN Member State as a tile, by where it stands; the EU apart."""
    site = context.site
    language = context.language
    return context.render(
        "partials/markers/participation-map.html",
        {
            "map": tile_map_view(site.tile_grid, site.facts, language),
            "status": status_view(site.status, language),
        },
    )
