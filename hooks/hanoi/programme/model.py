"""The programme of the Hanoi signing ceremony, kept as data in
``data/programme/`` (sources, venues, days, events), validated before anything
renders, and modelled for the pages and the exports.

Validation gives one problem per mistake, naming the file, the line, the event
id and field, and the fix: first the JSON Schemas in ``data/schema/``, then the
checks a schema cannot make (times and their offset, end after start, overlaps
in one venue, known venues and sources, dates on the event days, unique ids).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from hanoi.clock import SITE_TIME_ZONE
from hanoi.datafiles import DATA_DIR, line_of, load_yaml, nfc_problems, relative, schema_problems
from hanoi.problems import Problem, Refused
from hanoi.sources import Source

PROGRAMME_DIR = DATA_DIR / "programme"
FILE_NAMES = ("sources", "venues", "days", "events")

TIME_ZONE = SITE_TIME_ZONE  # the ceremony's, in Hanoi: the site's own
TIME_ZONE_NAME = TIME_ZONE.key
HANOI_OFFSET = timedelta(hours=7)
HANOI = timezone(HANOI_OFFSET)

TYPES: tuple[str, ...] = (
    "ceremony",
    "plenary",
    "signing",
    "press-conference",
    "reception",
    "high-level-side-event",
    "workshop-panel",
    "exhibition",
    "side-event-slot",
)
# Names that stand for several types in markers: <!-- programme type=side-event -->.
TYPE_GROUPS: dict[str, frozenset[str]] = {
    "side-event": frozenset({"high-level-side-event", "workshop-panel", "side-event-slot"}),
}

# Namespace of the stable event UIDs (calendar UID, schedule.json guid).
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:hanoi-convention-site:programme")


@cache
def _uid(event_id: str) -> str:
    return str(uuid.uuid5(UID_NAMESPACE, event_id))


@dataclass(frozen=True)
class Venue:
    id: str
    name: Mapping[str, str]
    city: Mapping[str, str]
    address: Mapping[str, str] | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Person:
    part: str
    name: Mapping[str, str]
    role: Mapping[str, str]


@dataclass(frozen=True)
class DayFact:
    text: Mapping[str, str]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Day:
    date: date
    number: int
    facts: tuple[DayFact, ...]


@dataclass(frozen=True)
class Event:
    id: str
    day: date
    start: datetime | None
    end: datetime | None
    period: str | None
    venue: Venue | None
    type: str
    status: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    people: tuple[Person, ...]
    organisers: tuple[Mapping[str, str], ...]
    parallel: tuple[int, int] | None
    sources: tuple[Source, ...]

    @property
    def uid(self) -> str:
        """Stable across builds, languages and site addresses."""
        return _uid(self.id)

    @property
    def number(self) -> int:
        """A stable positive integer id (schedule.json wants one)."""
        return int(uuid.UUID(self.uid).hex[:7], 16) + 1

    @property
    def time_known(self) -> bool:
        return self.start is not None

    def in_type(self, name: str) -> bool:
        return self.type == name or self.type in TYPE_GROUPS.get(name, ())


@dataclass(frozen=True)
class Programme:
    as_of: date
    sources: Mapping[str, Source]
    venues: Mapping[str, Venue]
    days: tuple[Day, ...]
    general: tuple[DayFact, ...]
    events: tuple[Event, ...]
    # What the pages and exports of one language make from each event (its
    # view, its calendar component), made once for this programme, not once
    # per page or file; keyed by (language, kind).
    made: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def day(self, when: date) -> Day | None:
        return next((d for d in self.days if d.date == when), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def events_on(self, when: date) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.day == when)


# --- Times ------------------------------------------------------------------

_DATE_TIME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<clock>\d{2}:\d{2}(?::\d{2})?)(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class TimeError(Refused):
    """A time the programme cannot use: the message, then how to fix it."""


def _base60(value: int) -> str | None:
    """The clock text YAML 1.1 read as a base-60 number: 540 -> '09:00'."""
    parts: list[int] = []
    while value:
        value, digit = divmod(value, 60)
        parts.insert(0, digit)
    parts = parts or [0, 0]
    if len(parts) == 1:
        parts.insert(0, 0)
    if len(parts) > 3 or parts[0] > 23:
        return None
    return ":".join(f"{part:02d}" for part in parts)


def parse_time(value: Any, day: str) -> datetime | None:
    """A start or end as written in the data: quoted ISO 8601 with +07:00, or null.

    Raises ``TimeError`` with the message and the fix for anything else.
    """
    example_day = day if isinstance(day, str) and _ISO_DATE.match(day) else "2025-10-25"
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TimeError(
            f"{value!r} is not a date and time",
            f'write it in quotes as "{example_day}T09:00:00+07:00" (Hanoi time), or null when not reported',
        )
    if isinstance(value, int):
        clock = _base60(value)
        if clock is None:
            raise TimeError(
                f"the number {value} is not a date and time",
                f'write it in quotes as "{example_day}T09:00:00+07:00" (Hanoi time)',
            )
        clock = clock if clock.count(":") == 2 else clock + ":00"
        raise TimeError(
            f"YAML read the unquoted time {clock[:5]} as the number {value}",
            f'quote it and give the date and the Hanoi offset: "{example_day}T{clock}+07:00"',
        )
    text = value.strip()
    if _CLOCK.match(text):
        hours, rest = text.split(":", 1)
        clock = f"{int(hours):02d}:{rest}" + (":00" if rest.count(":") == 0 else "")
        raise TimeError(
            f"'{text}' has no date and no offset",
            f'write the date, the time and the Hanoi offset: "{example_day}T{clock}+07:00"',
        )
    match = _DATE_TIME.match(text)
    if not match:
        raise TimeError(
            f"'{text}' is not a date and time in the form YYYY-MM-DDTHH:MM:SS+07:00",
            f'write it like "{example_day}T09:00:00+07:00" (Hanoi time), in quotes',
        )
    clock = match["clock"] if match["clock"].count(":") == 2 else match["clock"] + ":00"
    local = f"{match['date']}T{clock}"
    try:
        naive = datetime.fromisoformat(local)
    except ValueError:
        raise TimeError(
            f"'{text}' is not a real date and time", "check the month, day, hours (00–23) and minutes (00–59)"
        ) from None
    offset = match["offset"]
    if offset is None:
        raise TimeError(f"'{text}' has no time-zone offset", f'add the Hanoi offset +07:00: "{local}+07:00"')
    if " " in text:
        raise TimeError(
            f"'{text}' has a space between the date and the time", f'write a T between them: "{local}{offset}"'
        )
    if offset in ("+0700", "+07"):
        raise TimeError(f"'{text}' writes the offset as {offset}", f'write it with a colon: "{local}+07:00"')
    if offset != "+07:00":
        given = datetime.fromisoformat(local + ("+00:00" if offset == "Z" else offset))
        same_moment = given.astimezone(HANOI).isoformat()
        given_offset = "Z (UTC)" if offset == "Z" else offset
        raise TimeError(
            f"'{text}' has the offset {given_offset}, not Hanoi's +07:00",
            f'write Hanoi time with +07:00: "{local}+07:00" if {clock[:5]} is the time in Hanoi, '
            f'or "{same_moment}" for the same moment',
        )
    return naive.replace(tzinfo=TIME_ZONE)


def hanoi_clock(moment: datetime) -> str:
    return moment.astimezone(TIME_ZONE).strftime("%H:%M")


# --- Loading and checks -----------------------------------------------------

_EVENT_PLACE = re.compile(r"^events\[(?P<index>\d+)\](?:\.(?P<field>.*))?$")


def _event_label(events: Any, index: int) -> str:
    entry = events[index] if isinstance(events, list) and index < len(events) else None
    event_id = entry.get("id") if isinstance(entry, dict) else None
    return f"event '{event_id}'" if isinstance(event_id, str) and event_id else f"event #{index + 1}"


def event_place(events: Any, index: int, field: str | None = None) -> str:
    """'event 'opening-session', field start': the id readers search the file for."""
    label = _event_label(events, index)
    return f"{label}, field {field}" if field else label


def _events_place(problem: Problem, data: Any) -> Problem:
    match = _EVENT_PLACE.match(problem.place)
    if not match or not isinstance(data, dict):
        return problem
    place = event_place(data.get("events"), int(match["index"]), match["field"])
    return Problem(problem.file, problem.line, place, problem.message, problem.fix)


def _is_time_field(problem: Problem) -> bool:
    return bool(re.search(r", field (start|end)$", problem.place))


class _Checker:
    """Cross-field and cross-file checks, tolerant of data the schema rejected."""

    def __init__(self, paths: Mapping[str, Path], data: Mapping[str, Any]) -> None:
        self.paths = paths
        self.data = data
        self.problems: list[Problem] = []

    def add(self, name: str, path: Iterable[Any], place: str, message: str, fix: str) -> None:
        line, _ = line_of(self.data[name], list(path))
        self.problems.append(Problem(relative(self.paths[name]), line, place, message, fix))

    def source_ids(self) -> list[str]:
        sources = self.data.get("sources")
        entries = sources.get("sources") if isinstance(sources, dict) else None
        return sorted(entries) if isinstance(entries, dict) else []

    def check_sources_cited(self, name: str, path: list[Any], cited: Any, place: str) -> None:
        known = self.source_ids()
        if not known or not isinstance(cited, list):
            return
        unknown = [s for s in cited if isinstance(s, str) and s not in known]
        if unknown:
            self.add(
                name,
                path,
                place,
                f"unknown source {', '.join(repr(s) for s in unknown)}",
                f"use a source id from data/programme/sources.yml ({', '.join(known)}), or add the source there",
            )

    def check_as_of(self, name: str, today: date) -> None:
        data = self.data.get(name)
        value = data.get("as_of") if isinstance(data, dict) else None
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                when = date.fromisoformat(value)
            except ValueError:
                self.add(name, ["as_of"], "as_of", f"'{value}' is not a real date", 'write a real date, "YYYY-MM-DD"')
                return
            if when > today:
                self.add(
                    name,
                    ["as_of"],
                    "as_of",
                    "the as-of date is in the future",
                    "give the day you last checked the programme against its sources",
                )

    def event_days(self) -> list[str]:
        days = self.data.get("days")
        entries = days.get("days") if isinstance(days, dict) else None
        if not isinstance(entries, list):
            return []
        return [d["date"] for d in entries if isinstance(d, dict) and isinstance(d.get("date"), str)]

    def check_days(self) -> None:
        days = self.data.get("days")
        if not isinstance(days, dict):
            return
        seen: set[str] = set()
        for index, entry in enumerate(days.get("days") or []):
            if not isinstance(entry, dict):
                continue
            when = entry.get("date")
            if isinstance(when, str) and _ISO_DATE.match(when):
                try:
                    date.fromisoformat(when)
                except ValueError:
                    self.add(
                        "days",
                        ["days", index, "date"],
                        f"days[{index}].date",
                        f"'{when}' is not a real date",
                        'write a real date, "YYYY-MM-DD"',
                    )
                if when in seen:
                    self.add(
                        "days",
                        ["days", index, "date"],
                        f"days[{index}].date",
                        f"the day {when} is listed twice",
                        "list each event day once; merge the two entries' facts",
                    )
                seen.add(when)
            for number, fact in enumerate(entry.get("facts") or []):
                if isinstance(fact, dict):
                    self.check_sources_cited(
                        "days",
                        ["days", index, "facts", number, "sources"],
                        fact.get("sources"),
                        f"days[{index}].facts[{number}].sources",
                    )
        for number, fact in enumerate(days.get("general") or []):
            if isinstance(fact, dict):
                self.check_sources_cited(
                    "days", ["general", number, "sources"], fact.get("sources"), f"general[{number}].sources"
                )

    def check_venues(self) -> None:
        venues = self.data.get("venues")
        entries = venues.get("venues") if isinstance(venues, dict) else None
        if not isinstance(entries, dict):
            return
        for venue_id, entry in entries.items():
            if isinstance(entry, dict):
                self.check_sources_cited(
                    "venues",
                    ["venues", venue_id, "sources"],
                    entry.get("sources"),
                    f"venue '{venue_id}', field sources",
                )

    def venue_ids(self) -> list[str] | None:
        venues = self.data.get("venues")
        entries = venues.get("venues") if isinstance(venues, dict) else None
        return sorted(entries) if isinstance(entries, dict) else None

    def check_events(self) -> None:
        data = self.data.get("events")
        events = data.get("events") if isinstance(data, dict) else None
        if not isinstance(events, list):
            return
        event_days = self.event_days()
        venue_ids = self.venue_ids()
        seen: dict[str, int] = {}
        timed: list[tuple[int, str, datetime, datetime, Any]] = []
        last_start: dict[str, tuple[datetime, str]] = {}
        for index, entry in enumerate(events):
            if not isinstance(entry, dict):
                continue

            def where(field: str, index: int = index) -> list[Any]:
                return ["events", index, field]

            def place(field: str | None = None, index: int = index) -> str:
                return event_place(events, index, field)

            event_id = entry.get("id")
            if isinstance(event_id, str):
                if event_id in seen:
                    self.add(
                        "events",
                        where("id"),
                        place("id"),
                        f"duplicate id '{event_id}' (also event #{seen[event_id] + 1})",
                        "give each event its own id; ids are web anchors and calendar UIDs, so keep the published one",
                    )
                else:
                    seen[event_id] = index
            day = entry.get("day")
            day_ok = isinstance(day, str) and _ISO_DATE.match(day) is not None
            if day_ok and event_days and day not in event_days:
                self.add(
                    "events",
                    where("day"),
                    place("day"),
                    f"the day {day} is not one of the event days ({', '.join(event_days)})",
                    "use one of the event days; if the programme really gained a day, "
                    "add it to data/programme/days.yml",
                )
            times: dict[str, datetime | None] = {}
            bad = False
            for moment in ("start", "end"):
                if moment not in entry:
                    continue  # the schema reports the missing field
                try:
                    times[moment] = parse_time(entry[moment], day if day_ok and isinstance(day, str) else "")
                except TimeError as error:
                    self.add("events", where(moment), place(moment), str(error), error.fix)
                    bad = True
            start, end = times.get("start"), times.get("end")
            if start is not None and day_ok and start.date().isoformat() != day:
                self.add(
                    "events",
                    where("start"),
                    place("start"),
                    f"the start is on {start.date().isoformat()}, but the event's day is {day}",
                    "make the date in `start:` and `day:` the same",
                )
            if end is not None and start is None and not bad and entry.get("start", 0) is None:
                self.add(
                    "events",
                    where("end"),
                    place("end"),
                    "an end time is given but no start time",
                    "give the start time too, or write `end: null`",
                )
            if start is not None and end is not None and end <= start:
                self.add(
                    "events",
                    where("end"),
                    place("end"),
                    f"the event ends ({hanoi_clock(end)}) before it starts ({hanoi_clock(start)})"
                    if end < start
                    else f"the event ends when it starts ({hanoi_clock(start)})",
                    "check both times: `end:` must be later than `start:` (same day, Hanoi time)",
                )
            if start is not None and entry.get("period") is not None:
                self.add(
                    "events",
                    where("period"),
                    place("period"),
                    "`period:` is only for events without a reported time",
                    "delete `period:`: the start time already says when the event is",
                )
            venue = entry.get("venue")
            if isinstance(venue, str) and venue_ids is not None and venue not in venue_ids:
                self.add(
                    "events",
                    where("venue"),
                    place("venue"),
                    f"unknown venue '{venue}'",
                    f"use a venue id from data/programme/venues.yml ({', '.join(venue_ids)}), add the venue there, "
                    "or write null when the venue was not reported",
                )
            self.check_sources_cited("events", where("sources"), entry.get("sources"), place("sources"))
            parallel = entry.get("parallel")
            if (
                isinstance(parallel, dict)
                and isinstance(parallel.get("min"), int)
                and isinstance(parallel.get("max"), int)
                and parallel["min"] > parallel["max"]
            ):
                self.add(
                    "events",
                    where("parallel"),
                    place("parallel"),
                    f"parallel.min ({parallel['min']}) is larger than parallel.max ({parallel['max']})",
                    "swap the two numbers",
                )
            if start is not None and day_ok and isinstance(day, str):
                previous = last_start.get(day)
                if previous is not None and start < previous[0]:
                    self.add(
                        "events",
                        where("start"),
                        place("start"),
                        f"it starts at {hanoi_clock(start)}, before '{previous[1]}' ({hanoi_clock(previous[0])}) "
                        "listed above it",
                        f"list each day's events in time order: move this event above '{previous[1]}'",
                    )
                else:
                    last_start[day] = (start, str(event_id))
            if (
                start is not None
                and end is not None
                and end > start
                and isinstance(venue, str)
                and entry.get("status") != "cancelled"
            ):
                timed.append((index, venue, start, end, event_id))
        self.check_overlaps(events, timed)

    def check_overlaps(self, events: list[Any], timed: list[tuple[int, str, datetime, datetime, Any]]) -> None:
        """Two events in one venue at overlapping times (a sweep per venue)."""
        by_venue: dict[str, list[tuple[int, str, datetime, datetime, Any]]] = {}
        for item in timed:
            by_venue.setdefault(item[1], []).append(item)
        for venue, items in by_venue.items():
            items.sort(key=lambda item: (item[2], item[0]))
            running: list[tuple[int, str, datetime, datetime, Any]] = []
            for item in items:
                index, _, start, end, event_id = item
                running = [other for other in running if other[3] > start]
                for other in running:
                    self.add(
                        "events",
                        ["events", index, "start"],
                        event_place(events, index, "start"),
                        f"it overlaps '{other[4]}' ({hanoi_clock(other[2])}–{hanoi_clock(other[3])}) "
                        f"in the same venue '{venue}' ({hanoi_clock(start)}–{hanoi_clock(end)})",
                        "correct the times or the venue of one of the two events",
                    )
                running.append(item)


def _translated(value: Mapping[str, str]) -> dict[str, str]:
    return {language: text for language, text in value.items()}


def _model(data: Mapping[str, Any]) -> Programme:
    sources = {
        key: Source(key, _translated(s["name"]), s["url"], language=s.get("language", "en"), title=s.get("title", ""))
        for key, s in data["sources"]["sources"].items()
    }

    def cite(ids: Iterable[str]) -> tuple[Source, ...]:
        return tuple(sources[s] for s in ids)

    venues = {
        key: Venue(
            key,
            _translated(v["name"]),
            _translated(v["city"]),
            _translated(v["address"]) if v["address"] else None,
            cite(v["sources"]),
        )
        for key, v in data["venues"]["venues"].items()
    }

    def fact(f: Mapping[str, Any]) -> DayFact:
        return DayFact(_translated(f["text"]), cite(f["sources"]))

    days = tuple(
        Day(date.fromisoformat(d["date"]), number, tuple(fact(f) for f in d.get("facts") or []))
        for number, d in enumerate(sorted(data["days"]["days"], key=lambda d: d["date"]), start=1)
    )
    events = []
    for entry in data["events"]["events"]:
        parallel = entry.get("parallel")
        events.append(
            Event(
                id=entry["id"],
                day=date.fromisoformat(entry["day"]),
                start=parse_time(entry["start"], entry["day"]),
                end=parse_time(entry["end"], entry["day"]),
                period=entry.get("period"),
                venue=venues[entry["venue"]] if entry["venue"] else None,
                type=entry["type"],
                status=entry["status"],
                title=_translated(entry["title"]),
                description=_translated(entry["description"]),
                people=tuple(
                    Person(p["part"], _translated(p["name"]), _translated(p["role"])) for p in entry.get("people") or []
                ),
                organisers=tuple(_translated(o) for o in entry.get("organisers") or []),
                parallel=(parallel["min"], parallel["max"]) if parallel else None,
                sources=cite(entry["sources"]),
            )
        )
    return Programme(
        as_of=date.fromisoformat(data["events"]["as_of"]),
        sources=sources,
        venues=venues,
        days=days,
        general=tuple(fact(f) for f in data["days"].get("general") or []),
        events=tuple(events),
    )


def programme_files(directory: Path = PROGRAMME_DIR) -> dict[str, Path]:
    return {name: directory / f"{name}.yml" for name in FILE_NAMES}


def load_programme(
    directory: Path = PROGRAMME_DIR, today: date | None = None
) -> tuple[Programme | None, list[Problem]]:
    """The programme, or every problem found in its files; ``today`` (the
    build's day in Hanoi, else the machine's) is the latest as-of date."""
    paths = programme_files(directory)
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, path in paths.items():
        loaded, found = load_yaml(path)
        if found:
            problems += found
            continue
        data[name] = loaded
        found = schema_problems(loaded, f"programme_{name}", path)
        if name == "events":
            found = [p for p in (_events_place(p, loaded) for p in found) if not _is_time_field(p)]
        problems += found + nfc_problems(loaded, path)
    if len(data) < len(paths):
        return None, problems  # a file cannot be read: its other checks would mislead
    checker = _Checker(paths, data)
    checker.check_as_of("events", today or date.today())
    checker.check_days()
    checker.check_venues()
    checker.check_events()
    problems += checker.problems
    if problems:
        return None, problems
    return _model(data), []
