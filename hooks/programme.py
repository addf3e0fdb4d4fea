"""Job: the programme of the Hanoi ceremony, from ``data/programme/``, in
every language: validated before anything renders, shown on pages through
markers, and exported as calendar files and open data on every build.

Markers (the guide for press officers is data/programme/README.md):
  <!-- programme -->                    the whole programme, day by day
  <!-- programme day=2025-10-25 -->     one day
  <!-- programme type=side-event -->    one type of event (or the side-event group)
  <!-- programme filters=yes -->        with buttons that filter by day and type
  <!-- programme level=3 -->            day headings as h3 (under a page's h2)
  <!-- event id=opening-session -->     one event, with its own calendar link
  <!-- programme-facts -->              facts about the programme as a whole
  <!-- programme-downloads -->          the calendar and open-data files

Exports (per language, beside the programme page): programme.ics, one .ics
per event, programme.json with programme.schema.json, schedule.json.
"""

from __future__ import annotations

import logging
from pathlib import Path

from hanoi import programme_exports, programme_format
from hanoi.languages import build_language
from hanoi.markers import MarkerContext, MarkerError, register
from hanoi.problems import valid
from hanoi.programme import TYPE_GROUPS, TYPES, Event, Programme, load_programme
from hanoi.programme_exports import (
    absolute,
    event_calendar_name,
    export_path,
    views,
    webcal,
    write_exports,
)
from hanoi.programme_format import TYPE_LABELS, as_reported, fact_view, gettext, programme_days
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.programme")

# Ids the markers put on a page (day headings, events): added to the page's
# table of contents and to the anchors MkDocs validates links against.
_anchors: dict[tuple[str, str], list[tuple[str, str, bool]]] = {}


def programme() -> Programme:
    return valid(load_programme(), "the programme data (data/programme/)")


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    programme()  # validate before anything renders
    programme_format.reset()
    programme_exports.reset()
    _anchors.clear()
    return config


# --- Markers ----------------------------------------------------------------

def _page(context: MarkerContext) -> Page:
    return context.extra["page"]


def _href(context: MarkerContext, path: str) -> str:
    """A link from the page being rendered to a site-relative path."""
    return get_relative_url(path, _page(context).url)


def _links(context: MarkerContext, event: Event) -> dict[str, str]:
    return {"ics": _href(context, export_path(context.language, event_calendar_name(event.id)))}


def _record(context: MarkerContext, anchor: str, title: str, in_toc: bool) -> None:
    page = _page(context)
    _anchors.setdefault((context.language, page.file.src_uri), []).append((anchor, title, in_toc))


def _level(args: dict[str, str]) -> int:
    level = args.get("level", "2")
    if level not in ("2", "3", "4"):
        raise MarkerError(f"level={level} is not a heading level this marker can use", "write level=2, level=3 or level=4")
    return int(level)


def _type_filter(args: dict[str, str]):
    name = args.get("type")
    if name is None:
        return lambda event: True
    if name not in TYPES and name not in TYPE_GROUPS:
        raise MarkerError(f"unknown event type '{name}'",
                          f"use one of: {', '.join(TYPES + tuple(TYPE_GROUPS))}")
    return lambda event: event.in_type(name)


def render_programme(args: dict[str, str], context: MarkerContext) -> str:
    data = programme()
    language = context.language
    keep_type = _type_filter(args)
    day = args.get("day")
    if day is not None and day not in {d.date.isoformat() for d in data.days}:
        raise MarkerError(f"{day} is not one of the event days",
                          f"use day= with one of: {', '.join(d.date.isoformat() for d in data.days)}")
    filters = args.get("filters", "no")
    if filters not in ("yes", "no"):
        raise MarkerError(f"filters={filters} is not yes or no", "write filters=yes to show the filter buttons, or leave it out")
    level = _level(args)
    made = views(data, language)
    days = programme_days(data, language,
                          lambda e: keep_type(e) and (day is None or e.day.isoformat() == day),
                          lambda e: made[e.id], lambda e: _links(context, e))
    if not days:
        raise MarkerError("no event matches this marker", "check the day= and type= values against data/programme/events.yml")
    types = list(dict.fromkeys(e["type"] for d in days for e in d["events"]))
    for listed in days:
        _record(context, f"day-{listed['date']}", listed["heading"], level == 2)
        for event in listed["events"]:
            _record(context, event["id"], event["title"], False)
    return context.render("partials/programme/programme.html", {
        "days": days,
        "types": [{"id": t, "label": gettext(language, TYPE_LABELS[t])} for t in sorted(types, key=TYPES.index)],
        "filters": filters == "yes",
        "show_facts": "type" not in args,  # a day's facts are about the whole day
        "level": level,
        "note": as_reported(data, language),
        "total": sum(len(d["events"]) for d in days),
    })


def render_event(args: dict[str, str], context: MarkerContext) -> str:
    data = programme()
    event = data.event(args["id"])
    if event is None:
        known = ", ".join(e.id for e in data.events)
        raise MarkerError(f"unknown event id '{args['id']}'", f"use an id from data/programme/events.yml: {known}")
    level = _level(args)
    view = programme_format.event_view(event, context.language, _links(context, event))
    _record(context, event.id, view["title"], False)
    return context.render("partials/programme/event-alone.html", {
        "event": view, "level": level, "note": as_reported(data, context.language)})


def render_facts(args: dict[str, str], context: MarkerContext) -> str:
    data = programme()
    return context.render("partials/programme/facts.html", {
        "facts": [fact_view(f, context.language) for f in data.general],
        "note": as_reported(data, context.language),
    })


def render_downloads(args: dict[str, str], context: MarkerContext) -> str:
    config: MkDocsConfig = context.extra["config"]
    language = context.language
    path = lambda name: export_path(language, name)  # noqa: E731
    return context.render("partials/programme/downloads.html", {
        "ics": _href(context, path("programme.ics")),
        "webcal": webcal(absolute(config.site_url or "/", path("programme.ics"))),
        "json": _href(context, path("programme.json")),
        "schema": _href(context, path("programme.schema.json")),
        "schedule": _href(context, path("schedule.json")),
    })


# The programme's filters and local times, on the pages that show events only.
PROGRAMME_ASSETS = {"scripts": ("assets/javascripts/programme.js",), "styles": ("assets/stylesheets/programme.css",)}
register("programme", render_programme, optional={"day", "type", "filters", "level"}, **PROGRAMME_ASSETS,
         summary="the programme by day, e.g. <!-- programme -->, <!-- programme day=2025-10-25 -->, "
                 "<!-- programme type=side-event -->, <!-- programme filters=yes -->, <!-- programme level=3 -->")
register("event", render_event, required={"id"}, optional={"level"}, **PROGRAMME_ASSETS,
         summary="one event with its calendar link, e.g. <!-- event id=opening-session -->")
register("programme-facts", render_facts,
         summary="facts about the programme as a whole, with sources, e.g. <!-- programme-facts -->")
register("programme-downloads", render_downloads,
         summary="links to the calendar and open-data files, e.g. <!-- programme-downloads -->")


# --- Table of contents and anchors -------------------------------------------

def _toc_parent(page: Page) -> list[AnchorLink]:
    toc = list(page.toc)
    if len(toc) == 1 and toc[0].level <= 1:
        return toc[0].children
    return page.toc  # type: ignore[return-value]


@event_priority(-10)  # after hooks/markers.py has put the rendered HTML in place
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    anchors = _anchors.pop((build_language(config), page.file.src_uri), [])
    if not anchors:
        return html
    present = page.present_anchor_ids if page.present_anchor_ids is not None else set()
    seen: set[str] = set()
    for anchor, _, _ in anchors:
        if anchor in seen or anchor in present:
            log.error(f"docs/{page.file.src_uri}: the id '{anchor}' is used twice on this page (by a programme "
                      "marker and a heading or another marker). Fix: show each event once per page, or give the "
                      "heading another {#id}")
        seen.add(anchor)
    page.present_anchor_ids = present | seen
    entries = [(anchor, title) for anchor, title, in_toc in anchors if in_toc]
    if entries:
        parent = _toc_parent(page)
        level = parent[0].level if parent else 2
        parent.extend(AnchorLink(str(escape(title)), anchor, level) for anchor, title in entries)
        position = {item.id: html.find(f'id="{item.id}"') for item in parent}
        parent.sort(key=lambda item: position[item.id] if position[item.id] >= 0 else len(html))
    return html


# --- Exports ----------------------------------------------------------------

def on_post_build(config: MkDocsConfig) -> None:
    language = build_language(config)
    write_exports(Path(config.site_dir), programme(), language, config.site_url or "/")
