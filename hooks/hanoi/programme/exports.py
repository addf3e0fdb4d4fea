"""The programme's exports, one set per language, written beside the
programme page (``<lang prefix>ceremony/programme/``):

- ``programme.ics``: the whole programme (iCalendar, RFC 5545, made with the
  ``icalendar`` library), ``TZID=Asia/Ho_Chi_Minh`` with its VTIMEZONE;
- ``events/<id>.ics``: one calendar file per event;
- ``programme.json``: open data, described by ``programme.schema.json``
  (published beside it; source ``data/schema/programme_export.schema.json``);
- ``schedule.json``: the frab/c3voc schedule JSON that conference apps
  (Giggity, EventFahrplan, info-beamer) read.

Event UIDs (and schedule.json GUIDs) come from the event id alone, so a
calendar that imported one language's file updates the same events from
another's, and a subscription survives a change of site address.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icalendar import Calendar, Timezone, vText
from icalendar import Event as CalendarEvent
from mkdocs.utils import write_file

from hanoi.addresses import absolute_url
from hanoi.catalogues import translate
from hanoi.datafiles import published_schema
from hanoi.formatting import colon, list_separator
from hanoi.languages import LANGUAGES, language_prefix
from hanoi.programme.display import (
    CALENDAR_NAME,
    CONFERENCE_TITLE,
    SCHEDULE_NOTE,
    SOURCES,
    VENUE_NOT_REPORTED,
    as_reported,
    day_heading,
    event_view,
    fact_view,
)
from hanoi.programme.model import TIME_ZONE, TIME_ZONE_NAME, UID_NAMESPACE, Event, Programme

if TYPE_CHECKING:
    from hanoi.build import LanguageBuild, SiteBuild

EXPORT_DIR = "ceremony/programme/"
PAGE_DIR = "ceremony/programme/"
EXPORT_SCHEMA = "programme_export"  # data/schema/programme_export.schema.json
C3VOC_SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
PRODUCT_ID = "-//Hanoi Convention press site//Programme//EN"
ICS_STATUS = {"confirmed": "CONFIRMED", "to-be-confirmed": "TENTATIVE", "cancelled": "CANCELLED"}


def _memoised(programme: Programme, language: str, kind: str, make: Callable[[Event], Any]) -> dict[str, Any]:
    """Per language, what every export of an event needs (its view, its
    calendar component): made once for the programme, not once per file."""
    key = (language, kind)
    if key not in programme.made:
        programme.made[key] = {event.id: make(event) for event in programme.events}
    return programme.made[key]


def views(programme: Programme, language: str) -> dict[str, dict[str, Any]]:
    return _memoised(programme, language, "view", lambda event: event_view(event, language))


def export_path(language: str, name: str = "") -> str:
    """Site-relative path of an export: 'vi/ceremony/programme/programme.ics'."""
    return f"{language_prefix(language)}{EXPORT_DIR}{name}"


def event_calendar_name(event_id: str) -> str:
    return f"events/{event_id}.ics"


def webcal(url: str) -> str:
    """The subscribe link of a calendar served over http(s)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url[len(scheme) :]
    return url


def event_page_url(site_url: str, language: str, event: Event) -> str:
    return absolute_url(site_url, f"{language_prefix(language)}{PAGE_DIR}#{event.id}")


# --- iCalendar --------------------------------------------------------------


def _stamp(programme: Programme) -> datetime:
    """DTSTAMP: the day the programme was checked, so a rebuild changes nothing."""
    return datetime.combine(programme.as_of, time(0, 0), tzinfo=UTC)


def _description(view: dict[str, Any], language: str, note: str) -> str:
    lines = [view["time"]["text"]]
    if view["time"]["end_note"]:
        lines.append(view["time"]["end_note"])
    lines += ["", view["description"]]
    if view["parallel"]:
        lines.append(view["parallel"]["text"])
    for group in view["people"]:
        lines.append(
            group["label"]
            + colon(language)
            + list_separator(language).join(f"{p['name']} ({p['role']})" for p in group["people"])
        )
    if view["organisers"]:
        lines.append(view["organisers_label"] + colon(language) + list_separator(language).join(view["organisers"]))
    lines += ["", translate(language, SOURCES) + colon(language).rstrip()]
    lines += [f"- {s['name']}{colon(language)}{s['url']}" for s in view["sources"]]
    lines += ["", note]
    return "\n".join(lines)


def calendar_event(event: Event, programme: Programme, language: str, site_url: str) -> CalendarEvent:
    view = views(programme, language)[event.id]
    item = CalendarEvent()
    item.add("uid", event.uid)
    item.add("dtstamp", _stamp(programme))
    item.add("sequence", 0)
    if event.start is not None:
        start = event.start.astimezone(TIME_ZONE)
        item.add("dtstart", start)
        # An end that was not reported is written as the start: RFC 5545
        # (3.6.1) reads a DTSTART without DTEND that way, but clients left to
        # guess make the event last an hour or a whole day, an end nobody
        # reported. The description says that the end is not known.
        item.add("dtend", event.end.astimezone(TIME_ZONE) if event.end is not None else start)
    else:
        # No reported time: a day-long entry, marked free, whose description says so.
        item.add("dtstart", event.day)
        item.add("dtend", event.day + timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    item.add("summary", view["title"], parameters={"LANGUAGE": language})
    item.add(
        "description", _description(view, language, as_reported(programme, language)), parameters={"LANGUAGE": language}
    )
    item.add("location", view["venue_text"], parameters={"LANGUAGE": language})
    item.add("status", ICS_STATUS[event.status])
    item.add("categories", [view["type_label"]])
    item.add("url", event_page_url(site_url, language, event))
    return item


def _components(programme: Programme, language: str, site_url: str) -> dict[str, bytes]:
    """Each event's VEVENT, serialised once: it is the same in programme.ics
    and in the event's own file (iCalendar folds and writes line by line, so a
    component's bytes do not depend on the calendar around it)."""
    return _memoised(
        programme,
        language,
        f"ics {site_url}",
        lambda event: calendar_event(event, programme, language, site_url).to_ical(),
    )


_BEGIN = b"BEGIN:VCALENDAR\r\n"
_END = b"END:VCALENDAR\r\n"
# Of a calendar's properties, those that name it; the others are the same in every file of a language.
_NAMING = ("name", "x-wr-calname")


def _properties(programme: Programme, language: str, name: str) -> list[tuple[str, str]]:
    """The calendar's properties. No METHOD: the files are snapshots to import
    or subscribe to, not iTIP messages, and RFC 5545 (3.7.2) says that without
    METHOD no scheduling transaction is assumed; METHOD:PUBLISH would make
    them iTIP messages, whose events need an ORGANIZER (RFC 5546, 3.2.1),
    someone to whom replies go, which a press site is not."""
    return [
        ("prodid", PRODUCT_ID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("name", name),
        ("x-wr-calname", name),
        ("x-wr-caldesc", as_reported(programme, language)),
        ("x-wr-timezone", TIME_ZONE_NAME),
    ]


def _text_property(calendar: Calendar, name: str, value: str) -> None:
    """Every calendar property here is TEXT, and icalendar writes a plain str
    of a property it does not know (NAME, X-WR-*) unescaped: as vText, its
    commas and semicolons are escaped (RFC 5545, 3.3.11), which parsers that
    split on them need to read the value whole."""
    calendar.add(name, vText(value))


def _property_lines(name: str, value: str) -> bytes:
    """One property as icalendar writes it in a calendar: its (folded) lines."""
    calendar = Calendar()
    _text_property(calendar, name, value)
    return bytes(calendar.to_ical())[len(_BEGIN) : -len(_END)]


def _shared_properties(programme: Programme, language: str) -> tuple[list[str], dict[str, bytes]]:
    """The order icalendar writes the calendar's properties in, and the lines
    of those that are the same in every calendar of the language: made once."""
    key = (language, "calendar properties")
    if key not in programme.made:
        calendar = Calendar()
        for name, value in _properties(programme, language, "-"):
            _text_property(calendar, name, value)
        shared = {
            name.upper(): _property_lines(name, value)
            for name, value in _properties(programme, language, "-")
            if name not in _NAMING
        }
        programme.made[key] = {"order": calendar.sorted_keys(), "shared": shared}
    made = programme.made[key]
    return made["order"], made["shared"]


def _calendar(programme: Programme, language: str, events: Iterable[Event], site_url: str, name: str) -> bytes:
    """A VCALENDAR of these events, byte for byte as icalendar writes it, put
    together from lines serialised once (1,500 event files for 500 events
    would otherwise write the same properties and components again and again)."""
    order, shared = _shared_properties(programme, language)
    lines = {**shared, **{prop.upper(): _property_lines(prop, name) for prop in _NAMING}}
    events = list(events)
    parts = [_BEGIN] + [lines[key] for key in order]
    if any(event.start is not None for event in events):
        first = min((d.date for d in programme.days), default=programme.as_of)
        parts.append(_vtimezone(first.year))
    components = _components(programme, language, site_url)
    parts += [components[event.id] for event in events]
    return b"".join(parts) + _END


@lru_cache(maxsize=4)
def _vtimezone(year: int) -> bytes:
    """The VTIMEZONE of Asia/Ho_Chi_Minh for the programme's years, made and
    serialised once: icalendar derives it by scanning the zone, which is slow
    to repeat for every file."""
    zone = Timezone.from_tzid(TIME_ZONE_NAME, first_date=date(year, 1, 1), last_date=date(year + 2, 1, 1))
    # icalendar notes the years it covers in a COMMENT, a property RFC 5545
    # (3.6.5) allows in STANDARD and DAYLIGHT but not in VTIMEZONE itself.
    zone.pop("COMMENT", None)
    return bytes(zone.to_ical())


def programme_calendar(programme: Programme, language: str, site_url: str) -> bytes:
    return _calendar(programme, language, programme.events, site_url, translate(language, CALENDAR_NAME))


def event_calendar(programme: Programme, event: Event, language: str, site_url: str) -> bytes:
    return _calendar(programme, language, [event], site_url, event.title[language])


# --- programme.json (open data) --------------------------------------------


def _utc(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


def open_data(programme: Programme, language: str, site_url: str) -> dict[str, Any]:
    """The programme as open data in one language (schema: programme.schema.json)."""
    base = absolute_url(site_url, export_path(language))
    events = []
    for event in programme.events:
        view = views(programme, language)[event.id]
        events.append(
            {
                "id": event.id,
                "uid": event.uid,
                "url": event_page_url(site_url, language, event),
                "calendar": base + event_calendar_name(event.id),
                "day": view["day"],
                "start": view["time"]["start"],
                "end": view["time"]["end"],
                "start_utc": _utc(event.start),
                "end_utc": _utc(event.end),
                "time_to_be_confirmed": event.start is None,
                "period": event.period,
                "time_text": view["time"]["text"],
                "venue": event.venue.id if event.venue else None,
                "type": event.type,
                "type_label": view["type_label"],
                "status": event.status,
                "status_label": view["status_label"],
                "title": view["title"],
                "description": view["description"],
                "people": [{"part": p.part, "name": p.name[language], "role": p.role[language]} for p in event.people],
                "organisers": view["organisers"],
                "parallel_events": {"min": event.parallel[0], "max": event.parallel[1]} if event.parallel else None,
                "sources": view["sources"],
            }
        )
    return {
        "$schema": base + "programme.schema.json",
        "title": translate(language, CALENDAR_NAME),
        "language": language,
        "as_of": programme.as_of.isoformat(),
        "note": as_reported(programme, language),
        "time_zone": TIME_ZONE_NAME,
        "url": absolute_url(site_url, f"{language_prefix(language)}{PAGE_DIR}"),
        "translations": {other: absolute_url(site_url, export_path(other, "programme.json")) for other in LANGUAGES},
        "facts": [fact_view(f, language) for f in programme.general],
        "days": [
            {
                "date": d.date.isoformat(),
                "heading": day_heading(d.date, language),
                "facts": [fact_view(f, language) for f in d.facts],
            }
            for d in programme.days
        ],
        "venues": [
            {
                "id": v.id,
                "name": v.name[language],
                "city": v.city[language],
                "address": v.address[language] if v.address else None,
            }
            for v in programme.venues.values()
        ],
        "events": events,
    }


# --- schedule.json (frab / c3voc) ------------------------------------------


def _duration(start: datetime, end: datetime | None) -> str:
    minutes = int((end - start).total_seconds() // 60) if end else 0
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _room_guid(venue_id: str) -> str:
    return str(uuid.uuid5(UID_NAMESPACE, f"venue:{venue_id}"))


def schedule(programme: Programme, language: str, site_url: str) -> dict[str, Any]:
    """The frab/c3voc schedule JSON in one language.

    The format needs a start time and a duration, so events whose time was
    not reported are left out (said in the conference description); an event
    without a reported end has the duration 00:00 and no ``end``. Fields are
    those of the c3voc schema as published today (tests/schemas/README.md).
    """
    timed = [e for e in programme.events if e.start is not None]
    numbers = [e.number for e in timed]
    if len(set(numbers)) != len(numbers):  # practically impossible, but never silent
        raise ValueError("two event ids give the same schedule.json number; rename one of them")
    unknown_room = translate(language, VENUE_NOT_REPORTED)

    def room_of(event: Event) -> str:
        return event.venue.name[language] if event.venue else unknown_room

    rooms: dict[str, str] = {}
    for event in timed:
        rooms.setdefault(room_of(event), _room_guid(event.venue.id if event.venue else "not-reported"))
    days = []
    for index, day in enumerate(programme.days, start=1):
        by_room: dict[str, list[dict[str, Any]]] = {}
        for event in (e for e in timed if e.day == day.date):
            view = views(programme, language)[event.id]
            assert event.start is not None
            start = event.start.astimezone(TIME_ZONE)
            people = [p for g in view["people"] for p in g["people"]]
            by_room.setdefault(room_of(event), []).append(
                {
                    "id": event.number,
                    "guid": event.uid,
                    "date": start.isoformat(),
                    "start": start.strftime("%H:%M"),
                    "duration": _duration(event.start, event.end),
                    "room": room_of(event),
                    "slug": event.id,
                    "url": event_page_url(site_url, language, event),
                    "title": view["title"],
                    "subtitle": "",
                    "track": view["type_label"],
                    "type": event.type,
                    "language": language,
                    "abstract": view["description"],
                    "description": _description(view, language, as_reported(programme, language)),
                    "persons": [
                        {"name": p["name"], "guid": str(uuid.uuid5(UID_NAMESPACE, f"person:{p['name']}"))}
                        for p in people
                    ],
                    "links": [{"url": s["url"], "title": s["name"]} for s in view["sources"]],
                    "attachments": [],
                    # The format's current end (its "duration" and "start" are kept,
                    # deprecated but still required); left out when not reported.
                    **({"end": event.end.astimezone(TIME_ZONE).isoformat()} if event.end else {}),
                }
            )
        day_start = datetime.combine(day.date, time(0, 0), tzinfo=TIME_ZONE)
        days.append(
            {
                "index": index,
                "date": day.date.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": (day_start + timedelta(hours=23, minutes=59)).isoformat(),
                "rooms": by_room,
            }
        )
    first, last = programme.days[0].date, programme.days[-1].date
    return {
        "$schema": C3VOC_SCHEMA_URL,
        "schedule": {
            "version": programme.as_of.isoformat(),
            "base_url": absolute_url(site_url, export_path(language)),
            "conference": {
                "acronym": f"hanoiconvention-{first.year}-{language}",
                "title": translate(language, CONFERENCE_TITLE),
                "description": f"{as_reported(programme, language)} {translate(language, SCHEDULE_NOTE)}",
                "start": first.isoformat(),
                "end": last.isoformat(),
                "daysCount": len(programme.days),
                "timeslot_duration": "00:15",
                "time_zone_name": TIME_ZONE_NAME,
                "url": absolute_url(site_url, f"{language_prefix(language)}{PAGE_DIR}"),
                "rooms": [{"name": name, "guid": guid} for name, guid in rooms.items()],
                "days": days,
            },
        },
    }


# --- Writing ----------------------------------------------------------------


def _dump(data: Any) -> str:
    # Not indented: json's C encoder only serves unindented output, and the
    # files are for programs (the open-data schema documents them for people).
    return json.dumps(data, ensure_ascii=False) + "\n"


def export_files(programme: Programme, language: str, site_url: str) -> dict[str, bytes]:
    """Every export of one language, by its path from the site root
    ('vi/ceremony/programme/programme.ics'): made once per language build,
    measured by the media kit and written at the end."""
    files = {
        "programme.ics": programme_calendar(programme, language, site_url),
        "programme.json": _dump(open_data(programme, language, site_url)).encode("utf-8"),
        "programme.schema.json": published_schema(EXPORT_SCHEMA).encode("utf-8"),
        "schedule.json": _dump(schedule(programme, language, site_url)).encode("utf-8"),
    }
    for event in programme.events:
        files[event_calendar_name(event.id)] = event_calendar(programme, event, language, site_url)
    return {export_path(language, name): content for name, content in files.items()}


@dataclass
class ProgrammeExports:
    """One language build's exports, made on first use."""

    files: dict[str, bytes] | None = None


def language_exports(site: SiteBuild, build: LanguageBuild) -> dict[str, bytes]:
    state = build.state(ProgrammeExports)
    if state.files is None:
        state.files = export_files(site.programme, build.language, build.config.site_url or "/")
    return state.files


def write_files(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Files by their path from the site root, written under ``site_dir``."""
    for name, content in files.items():
        write_file(content, str(site_dir / name))
