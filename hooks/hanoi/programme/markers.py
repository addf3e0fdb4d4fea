"""Markers of the programme (the guide for press officers is
data/programme/README.md):

  <!-- programme -->                    the whole programme, day by day
  <!-- programme day=2025-10-25 -->     one day
  <!-- programme type=side-event -->    one type of event (or the side-event group)
  <!-- programme filters=yes -->        with buttons that filter by day and type
  <!-- programme level=3 -->            day headings as h3 (under a page's h2)
  <!-- event id=opening-session -->     one event, with its own calendar link
  <!-- programme-facts -->              facts about the programme as a whole
  <!-- programme-downloads -->          the calendar and open-data files

The ids they put on a page (day headings, events) are kept for
``hanoi.programme.anchors``, which adds them to the page's table of
contents and to the anchors MkDocs checks links against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

from hanoi.addresses import absolute_url
from hanoi.catalogues import translate
from hanoi.markers.expansion import MarkerContext, MarkerError
from hanoi.programme.display import TYPE_LABELS, as_reported, event_view, fact_view, programme_days
from hanoi.programme.exports import event_calendar_name, export_path, views, webcal
from hanoi.programme.model import TYPE_GROUPS, TYPES, Event


@dataclass(frozen=True)
class Anchor:
    id: str
    title: str
    in_toc: bool


@dataclass
class PageAnchors:
    """The anchors the programme's markers put on each page of a language build."""

    by_page: dict[str, list[Anchor]] = field(default_factory=dict)


def _href(context: MarkerContext, path: str) -> str:
    """A link from the page being rendered to a site-relative path."""
    return get_relative_url(path, context.page.url)


def _links(context: MarkerContext, event: Event) -> dict[str, str]:
    return {"ics": _href(context, export_path(context.language, event_calendar_name(event.id)))}


def _record(context: MarkerContext, anchor: Anchor) -> None:
    context.build.state(PageAnchors).by_page.setdefault(context.page.file.src_uri, []).append(anchor)


def _level(args: dict[str, str]) -> int:
    level = args.get("level", "2")
    if level not in ("2", "3", "4"):
        raise MarkerError(
            f"level={level} is not a heading level this marker can use", "write level=2, level=3 or level=4"
        )
    return int(level)


def _type_filter(args: dict[str, str]) -> Callable[[Event], bool]:
    name = args.get("type")
    if name is None:
        return lambda event: True
    if name not in TYPES and name not in TYPE_GROUPS:
        raise MarkerError(f"unknown event type '{name}'", f"use one of: {', '.join(TYPES + tuple(TYPE_GROUPS))}")
    return lambda event: event.in_type(name)


def _day_filter(args: dict[str, str], context: MarkerContext) -> Callable[[Event], bool]:
    day = args.get("day")
    known = [d.date.isoformat() for d in context.site.programme.days]
    if day is not None and day not in known:
        raise MarkerError(f"{day} is not one of the event days", f"use day= with one of: {', '.join(known)}")
    return lambda event: day is None or event.day.isoformat() == day


def render_programme(args: dict[str, str], context: MarkerContext) -> str:
    programme, language = context.site.programme, context.language
    keep_type, keep_day = _type_filter(args), _day_filter(args, context)
    filters = args.get("filters", "no")
    if filters not in ("yes", "no"):
        raise MarkerError(
            f"filters={filters} is not yes or no", "write filters=yes to show the filter buttons, or leave it out"
        )
    level = _level(args)
    made = views(programme, language)
    days = programme_days(
        programme, language, lambda e: keep_type(e) and keep_day(e), lambda e: made[e.id], lambda e: _links(context, e)
    )
    if not days:
        raise MarkerError(
            "no event matches this marker", "check the day= and type= values against data/programme/events.yml"
        )
    types = list(dict.fromkeys(e["type"] for d in days for e in d["events"]))
    for listed in days:
        _record(context, Anchor(f"day-{listed['date']}", listed["heading"], level == 2))
        for event in listed["events"]:
            _record(context, Anchor(event["id"], event["title"], False))
    return context.render(
        "partials/programme/programme.html",
        {
            "days": days,
            "types": [{"id": t, "label": translate(language, TYPE_LABELS[t])} for t in sorted(types, key=TYPES.index)],
            "filters": filters == "yes",
            "show_facts": "type" not in args,  # a day's facts are about the whole day
            "level": level,
            "note": as_reported(programme, language),
            "total": sum(len(d["events"]) for d in days),
        },
    )


def render_event(args: dict[str, str], context: MarkerContext) -> str:
    programme = context.site.programme
    event = programme.event(args["id"])
    if event is None:
        known = ", ".join(e.id for e in programme.events)
        raise MarkerError(f"unknown event id '{args['id']}'", f"use an id from data/programme/events.yml: {known}")
    view = event_view(event, context.language, _links(context, event))
    _record(context, Anchor(event.id, view["title"], False))
    return context.render(
        "partials/programme/event-alone.html",
        {"event": view, "level": _level(args), "note": as_reported(programme, context.language)},
    )


def render_facts(args: dict[str, str], context: MarkerContext) -> str:
    programme = context.site.programme
    return context.render(
        "partials/programme/facts.html",
        {
            "facts": [fact_view(f, context.language) for f in programme.general],
            "note": as_reported(programme, context.language),
        },
    )


def render_downloads(args: dict[str, str], context: MarkerContext) -> str:
    def path(name: str) -> str:
        return export_path(context.language, name)

    site_url = context.build.config.site_url or "/"
    return context.render(
        "partials/programme/downloads.html",
        {
            "ics": _href(context, path("programme.ics")),
            "webcal": webcal(absolute_url(site_url, path("programme.ics"))),
            "json": _href(context, path("programme.json")),
            "schema": _href(context, path("programme.schema.json")),
            "schedule": _href(context, path("schedule.json")),
        },
    )
