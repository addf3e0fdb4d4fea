"""The programme in the reader's language: dates and times with Babel (CLDR)
in Hanoi time, the words for types, statuses and parts of the day from the
gettext catalogues, and the plain data the templates and exports are made of.

Words that the calendar and JSON exports need as well as the pages are marked
here with ``N_`` (extracted by ``make locales``) and translated per language;
words only the pages use stay in the templates (``{% trans %}``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from babel.dates import format_date

from hanoi.catalogues import N_, translate
from hanoi.formatting import babel_locale, format_clock, range_dash
from hanoi.formatting import format_date as format_site_date
from hanoi.languages import language as language_of
from hanoi.programme.model import TIME_ZONE, Day, DayFact, Event, Programme
from hanoi.sources import Source

TYPE_LABELS: dict[str, str] = {
    "ceremony": N_("Ceremony"),
    "plenary": N_("Plenary"),
    "signing": N_("Signing"),
    "press-conference": N_("Press conference"),
    "reception": N_("Reception"),
    "high-level-side-event": N_("High-level side event"),
    "workshop-panel": N_("Workshop or panel"),
    "exhibition": N_("Exhibition"),
    "side-event-slot": N_("Side events (parallel slot)"),
    "side-event": N_("Side events"),
}
STATUS_LABELS: dict[str, str] = {
    "confirmed": N_("Confirmed"),
    "to-be-confirmed": N_("To be confirmed"),
    "cancelled": N_("Cancelled"),
}
PERIOD_TIME_TBC: dict[str | None, str] = {
    "morning": N_("Morning, time to be confirmed"),
    "afternoon": N_("Afternoon, time to be confirmed"),
    "evening": N_("Evening, time to be confirmed"),
    None: N_("Time to be confirmed"),
}
PART_LABELS: dict[str, tuple[str, str]] = {
    "chair": (N_("Chaired by"), N_("Co-chaired by")),
    "host": (N_("Hosted by"), N_("Hosted by")),
    "speaker": (N_("Speaker"), N_("Speakers")),
}
END_NOT_REPORTED = N_("End time not reported")
VENUE_NOT_REPORTED = N_("Venue not reported")
PARALLEL = N_("%(min)s to %(max)s events in parallel")
ORGANISED_BY = N_("Organised by")
SOURCES = N_("Sources")
AS_REPORTED = N_(
    "Programme as reported by the media and the official side-event guidelines; "
    "checked against its sources on %(date)s."
)
CALENDAR_NAME = N_("Hanoi Convention signing ceremony: programme")
CONFERENCE_TITLE = N_("Signing Ceremony and High-Level Conference of the United Nations Convention against Cybercrime")
SCHEDULE_NOTE = N_("Only the events whose time was reported are listed here; the programme page lists them all.")


def _day(day: date, pattern: str, language: str) -> str:
    """A weekday and date that starts a heading or a button: capitalised
    (CLDR writes French weekdays in lower case), "1er" with French typography."""
    text = format_date(day, pattern, locale=babel_locale(language))
    if language_of(language).french_typography and day.day == 1:
        text = text.replace(" 1 ", " 1er ", 1)
    return text[:1].upper() + text[1:]


def day_heading(day: date, language: str) -> str:
    """'Saturday, 25 October 2025', 'Thứ Bảy, ngày 25/10/2025', 'Samedi 25 octobre 2025'."""
    return _day(day, language_of(language).day_heading_pattern, language)


def day_short(day: date, language: str) -> str:
    """'Sunday 26 October', 'Chủ Nhật, 26/10', 'Dimanche 26 octobre' (a filter button: no year)."""
    return _day(day, language_of(language).short_day_pattern, language)


def zone_label(moment: datetime) -> str:
    """'UTC+7': the offset in Hanoi at that moment, written plainly."""
    offset = moment.astimezone(TIME_ZONE).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def clock(start: datetime, end: datetime | None, language: str) -> str:
    """Hanoi time as each language's press writes it (hanoi.formatting.format_clock):
    '09:00–10:15', '9:00–10:15', in French '9 h – 10 h 15'; an end on another
    day carries its day."""
    begins, ends = start.astimezone(TIME_ZONE), end and end.astimezone(TIME_ZONE)
    if ends is None:
        return format_clock(begins, language)
    if begins.date() == ends.date():
        return f"{format_clock(begins, language)}{range_dash(language)}{format_clock(ends, language)}"
    dash = range_dash(language, spaced=True)
    return f"{format_clock(begins, language)}{dash}{day_short(ends.date(), language)} {format_clock(ends, language)}"


def time_text(event: Event, language: str) -> str:
    """The event's time as one line of text: '09:00–10:15 (UTC+7)' or
    'Morning, time to be confirmed'."""
    if event.start is None:
        return translate(language, PERIOD_TIME_TBC[event.period])
    return f"{clock(event.start, event.end, language)} ({zone_label(event.start)})"


def _sources(sources: tuple[Source, ...], language: str) -> list[dict[str, str | None]]:
    return [{"name": s.name[language], "title": s.title, "url": s.url, "language": s.language} for s in sources]


def people_groups(event: Event, language: str) -> list[dict[str, Any]]:
    """People grouped by their part, in the order the data lists the parts."""
    groups: list[dict[str, Any]] = []
    for part in dict.fromkeys(p.part for p in event.people):
        people = [p for p in event.people if p.part == part]
        singular, plural = PART_LABELS[part]
        groups.append(
            {
                "part": part,
                "label": translate(language, plural if len(people) > 1 else singular),
                "people": [{"name": p.name[language], "role": p.role[language]} for p in people],
            }
        )
    return groups


def event_view(event: Event, language: str, links: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Everything a template or an export shows of one event, in one language."""
    local_start = event.start.astimezone(TIME_ZONE) if event.start else None
    local_end = event.end.astimezone(TIME_ZONE) if event.end else None
    return {
        "id": event.id,
        "uid": event.uid,
        "day": event.day.isoformat(),
        "type": event.type,
        "type_label": translate(language, TYPE_LABELS[event.type]),
        "groups": sorted(group for group in ("side-event",) if event.in_type(group)),
        "status": event.status,
        "status_label": translate(language, STATUS_LABELS[event.status]),
        "title": event.title[language],
        "description": event.description[language],
        "time": {
            "known": event.start is not None,
            "start": local_start.isoformat() if local_start else None,
            "end": local_end.isoformat() if local_end else None,
            "clock": clock(event.start, event.end, language) if event.start else None,
            "zone": zone_label(event.start) if event.start else None,
            "text": time_text(event, language),
            "period": event.period,
            "end_note": translate(language, END_NOT_REPORTED) if event.start and not event.end else None,
        },
        "venue": {
            "id": event.venue.id,
            "name": event.venue.name[language],
            "city": event.venue.city[language],
            "address": event.venue.address[language] if event.venue.address else None,
        }
        if event.venue
        else None,
        "venue_text": (
            f"{event.venue.name[language]}, {event.venue.city[language]}"
            if event.venue
            else translate(language, VENUE_NOT_REPORTED)
        ),
        "people": people_groups(event, language),
        "organisers": [o[language] for o in event.organisers],
        "organisers_label": translate(language, ORGANISED_BY),
        "parallel": (
            {
                "min": event.parallel[0],
                "max": event.parallel[1],
                "text": translate(language, PARALLEL) % {"min": event.parallel[0], "max": event.parallel[1]},
            }
            if event.parallel
            else None
        ),
        "sources": _sources(event.sources, language),
        "links": dict(links or {}),
    }


def fact_view(fact: DayFact, language: str) -> dict[str, Any]:
    return {"text": fact.text[language], "sources": _sources(fact.sources, language)}


def day_view(day: Day, language: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "number": day.number,
        "heading": day_heading(day.date, language),
        "short": day_short(day.date, language),
        "facts": [fact_view(f, language) for f in day.facts],
        "events": events,
    }


def as_reported(programme: Programme, language: str) -> str:
    return translate(language, AS_REPORTED) % {"date": format_site_date(programme.as_of, language)}


def programme_days(
    programme: Programme,
    language: str,
    keep: Callable[[Event], bool],
    view: Callable[[Event], dict[str, Any]],
    links: Callable[[Event], Mapping[str, str]],
) -> list[dict[str, Any]]:
    """The days that have at least one kept event, each with its events in
    order. ``view``: an event's ``event_view`` (made once per build and
    language, whichever pages show it), to which its ``links`` are added."""
    days = []
    for day in programme.days:
        events = [{**view(e), "links": dict(links(e))} for e in programme.events_on(day.date) if keep(e)]
        if events:
            days.append(day_view(day, language, events))
    return days
