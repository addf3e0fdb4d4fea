"""The programme data, and one clear problem per mistake.

Each bad-input case is checked on the validation function with a small
events file (the real sources, venues and days files beside it); two full
builds in test_programme_build.py check that the same problems stop the build.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hanoi.problems import Problem
from hanoi.programme.model import PROGRAMME_DIR, TYPES, TimeError, load_programme, parse_time

BASE_EVENT = {
    "id": "opening-session",
    "day": '"2025-10-25"',
    "start": '"2025-10-25T09:00:00+07:00"',
    "end": '"2025-10-25T10:00:00+07:00"',
    "venue": "ncc",
    "type": "ceremony",
    "status": "confirmed",
    "title": "{en: Opening session, vi: Phiên khai mạc, fr: Séance d’ouverture}",
    "description": "{en: Remarks., vi: Phát biểu., fr: Allocutions.}",
    "sources": "[vna-opens]",
}
DROP = object()


def event(**fields: object) -> str:
    """One event as YAML; a field set to DROP is left out."""
    merged = {**BASE_EVENT, **fields}
    lines = [f"{key}: {value}" for key, value in merged.items() if value is not DROP]
    return "\n".join(("  - " if i == 0 else "    ") + line for i, line in enumerate(lines))


def events_file(*events: str) -> str:
    return 'as_of: "2026-11-22"\nevents:\n' + "\n".join(events) + "\n"


def check(tmp_path: Path, text: str) -> list[Problem]:
    folder = tmp_path / "programme"
    shutil.copytree(PROGRAMME_DIR, folder)
    (folder / "events.yml").write_text(text, encoding="utf-8")
    programme, problems = load_programme(folder)
    assert (programme is None) == bool(problems)
    return problems


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.file.endswith("events.yml")
    assert problem.fix and str(problem).endswith(problem.fix)
    return problem


def test_the_real_programme_is_valid() -> None:
    programme, problems = load_programme()
    assert not problems, "\n".join(map(str, problems))
    assert programme is not None and programme.events


def test_a_valid_small_file_gives_no_problem(tmp_path: Path) -> None:
    assert check(tmp_path, events_file(event())) == []


# --- One test per kind of mistake -------------------------------------------


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = events_file(event(title="{en: Opening, vi: Khai mạc"))
    problem = only(check(tmp_path, text))
    assert problem.message.startswith("YAML syntax")
    assert problem.line is not None and problem.line >= line_of(text, "title:")
    assert "indentation" in problem.fix


def test_missing_field(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(status=DROP))))
    assert problem.message == "missing field 'status'"
    assert problem.place == "event 'opening-session'"
    assert problem.line == 3
    assert problem.fix.startswith("add `status:`")


def test_unknown_field(tmp_path: Path) -> None:
    text = events_file(event(colour="red"))
    problem = only(check(tmp_path, text))
    assert problem.message == "unknown field 'colour'"
    assert problem.place == "event 'opening-session', field colour"
    assert problem.line == line_of(text, "colour:")
    assert "remove it or correct its spelling" in problem.fix and "status" in problem.fix


def test_time_without_offset(tmp_path: Path) -> None:
    text = events_file(event(start='"2025-10-25T09:00:00"'))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field start"
    assert problem.line == line_of(text, "start:")
    assert "no time-zone offset" in problem.message
    assert '"2025-10-25T09:00:00+07:00"' in problem.fix


def test_time_with_a_wrong_offset(tmp_path: Path) -> None:
    text = events_file(event(start='"2025-10-25T10:00:00+08:00"'))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field start"
    assert "+08:00, not Hanoi's +07:00" in problem.message
    # Both readings are offered: 10:00 in Hanoi, or the same moment (09:00 in Hanoi).
    assert '"2025-10-25T10:00:00+07:00"' in problem.fix and '"2025-10-25T09:00:00+07:00"' in problem.fix


def test_unquoted_time_that_yaml_turns_into_a_number(tmp_path: Path) -> None:
    # YAML 1.1 reads 13:30 (and 9:00) as base-60 numbers; 09:00 stays text (next test).
    text = events_file(event(start="13:30", end="null"))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field start"
    assert problem.line == line_of(text, "start:")
    assert problem.message == "YAML read the unquoted time 13:30 as the number 810"
    assert problem.fix.startswith("quote it") and '"2025-10-25T13:30:00+07:00"' in problem.fix


def test_a_time_without_its_date(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(start="09:00", end="null"))))
    assert problem.place == "event 'opening-session', field start"
    assert problem.message == "'09:00' has no date and no offset"
    assert '"2025-10-25T09:00:00+07:00"' in problem.fix


def test_end_before_start(tmp_path: Path) -> None:
    text = events_file(event(start='"2025-10-25T10:00:00+07:00"', end='"2025-10-25T09:00:00+07:00"'))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field end"
    assert problem.line == line_of(text, "end:")
    assert problem.message == "the event ends (09:00) before it starts (10:00)"
    assert "`end:` must be later than `start:`" in problem.fix


def test_two_events_overlap_in_one_venue(tmp_path: Path) -> None:
    text = events_file(
        event(), event(id="signing", start='"2025-10-25T09:30:00+07:00"', end='"2025-10-25T10:30:00+07:00"')
    )
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'signing', field start"
    assert problem.line == line_of(text, "start:", 2)
    assert "overlaps 'opening-session' (09:00–10:00) in the same venue 'ncc' (09:30–10:30)" in problem.message
    assert "correct the times or the venue" in problem.fix


def test_unknown_venue(tmp_path: Path) -> None:
    text = events_file(event(venue="my-dinner-room"))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field venue"
    assert problem.line == line_of(text, "venue:")
    assert problem.message == "unknown venue 'my-dinner-room'"
    assert "(ncc)" in problem.fix and "or write null" in problem.fix


def test_duplicate_id(tmp_path: Path) -> None:
    text = events_file(event(), event(start='"2025-10-25T11:00:00+07:00"', end='"2025-10-25T12:00:00+07:00"'))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field id"
    assert problem.line == line_of(text, "id: opening-session", 2)
    assert problem.message == "duplicate id 'opening-session' (also event #1)"
    assert "own id" in problem.fix


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_missing_translated_title(tmp_path: Path, language: str) -> None:
    titles = {"en": "Opening session", "vi": "Phiên khai mạc", "fr": "Séance d’ouverture"}
    del titles[language]
    text = events_file(event(title="{" + ", ".join(f"{k}: {v}" for k, v in titles.items()) + "}"))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field title"
    assert problem.line == line_of(text, "title:")
    assert problem.message == f"missing field '{language}'"
    assert problem.fix.startswith(f"add `{language}:`")


def test_unknown_type(tmp_path: Path) -> None:
    text = events_file(event(type="banquet"))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field type"
    assert problem.line == line_of(text, "type:")
    assert problem.message == "'banquet' is not an allowed value"
    assert problem.fix == "use one of: " + ", ".join(TYPES)


def test_unknown_status(tmp_path: Path) -> None:
    text = events_file(event(status="postponed"))
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field status"
    assert problem.message == "'postponed' is not an allowed value"
    assert problem.fix == "use one of: confirmed, to-be-confirmed, cancelled"


def test_date_outside_the_event_days(tmp_path: Path) -> None:
    text = events_file(
        event(day='"2025-10-27"', start='"2025-10-27T09:00:00+07:00"', end='"2025-10-27T10:00:00+07:00"')
    )
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'opening-session', field day"
    assert problem.line == line_of(text, "day:")
    assert problem.message == "the day 2025-10-27 is not one of the event days (2025-10-25, 2025-10-26)"
    assert "data/programme/days.yml" in problem.fix


# --- Further checks -----------------------------------------------------------


def test_start_on_another_day_than_the_event(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(day='"2025-10-26"'))))
    assert problem.place == "event 'opening-session', field start"
    assert problem.message == "the start is on 2025-10-25, but the event's day is 2025-10-26"


def test_unknown_source(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(sources="[vna-opens, my-blog]"))))
    assert problem.place == "event 'opening-session', field sources"
    assert problem.message == "unknown source 'my-blog'"
    assert "data/programme/sources.yml" in problem.fix


def test_end_without_start(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(start="null"))))
    assert problem.place == "event 'opening-session', field end"
    assert problem.message == "an end time is given but no start time"


def test_period_is_only_for_events_without_a_time(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(period="morning"))))
    assert problem.place == "event 'opening-session', field period"


def test_events_of_a_day_are_listed_in_time_order(tmp_path: Path) -> None:
    text = events_file(
        event(start='"2025-10-25T11:00:00+07:00"', end='"2025-10-25T12:00:00+07:00"'), event(id="signing")
    )
    problem = only(check(tmp_path, text))
    assert problem.place == "event 'signing', field start"
    assert "move this event above 'opening-session'" in problem.fix


def test_a_cancelled_event_may_share_its_slot(tmp_path: Path) -> None:
    assert check(tmp_path, events_file(event(), event(id="signing", status="cancelled"))) == []


def test_decomposed_vietnamese_is_refused(tmp_path: Path) -> None:
    decomposed = "Phie\u0302n khai ma\u0323c"
    problem = only(check(tmp_path, events_file(event(title="{en: Opening, vi: " + decomposed + ", fr: Ouverture}"))))
    assert "NFC" in problem.message


def test_an_unreported_time_is_written_as_null_with_its_part_of_the_day(tmp_path: Path) -> None:
    text = events_file(event(start="null", end="null", period="morning"))
    assert check(tmp_path, text) == []


@pytest.mark.parametrize("value, clock", [(540, "09:00"), (810, "13:30"), (32400, "09:00"), (0, "00:00")])
def test_base_60_numbers_are_recognised_as_times(value: int, clock: str) -> None:
    with pytest.raises(TimeError) as raised:
        parse_time(value, "2025-10-26")
    assert f"unquoted time {clock} as the number {value}" in str(raised.value)
    assert f'"2025-10-26T{clock}:00+07:00"' in raised.value.fix


# --- The real data says only what the sources say ----------------------------


def real():
    programme, problems = load_programme()
    assert programme is not None, problems
    return programme


def test_every_event_day_and_venue_cites_sources() -> None:
    programme = real()
    assert all(e.sources for e in programme.events)
    assert all(f.sources for d in programme.days for f in d.facts)
    assert all(f.sources for f in programme.general)
    assert all(v.sources for v in programme.venues.values())


def test_the_reported_times_are_right_in_utc() -> None:
    programme = real()

    def utc(event_id: str) -> tuple[datetime, datetime | None]:
        event = programme.event(event_id)
        return event.start.astimezone(UTC), event.end and event.end.astimezone(UTC)

    assert utc("opening-session") == (datetime(2025, 10, 25, 2, 0, tzinfo=UTC), None)
    assert utc("side-events-slot-1") == (
        datetime(2025, 10, 26, 2, 0, tzinfo=UTC),
        datetime(2025, 10, 26, 3, 15, tzinfo=UTC),
    )
    assert utc("side-events-slot-2")[0] == datetime(2025, 10, 26, 5, 0, tzinfo=UTC)
    assert utc("side-events-slot-3") == (
        datetime(2025, 10, 26, 6, 30, tzinfo=UTC),
        datetime(2025, 10, 26, 7, 45, tzinfo=UTC),
    )


def test_only_the_reported_times_are_given() -> None:
    timed = sorted(e.id for e in real().events if e.start is not None)
    assert timed == ["opening-session", "side-events-slot-1", "side-events-slot-2", "side-events-slot-3"]


def test_the_reported_order_of_25_october() -> None:
    programme = real()
    order = [e.id for e in programme.events_on(programme.days[0].date)]
    assert order == [
        "welcome-group-photo",
        "vna-photo-exhibition",
        "opening-session",
        "signing",
        "plenary-day-1",
        "joint-press-conference",
        "state-banquet",
    ]
    assert programme.event("state-banquet").period == "evening" and programme.event("state-banquet").venue is None


def test_side_event_slots_have_no_invented_titles_or_speakers() -> None:
    slots = [e for e in real().events if e.type == "side-event-slot"]
    assert len(slots) == 3
    for number, slot in enumerate(slots, start=1):
        assert slot.title["en"] == f"Side events, slot {number}"
        assert slot.parallel == (10, 12)
        assert not slot.people and not slot.organisers
        assert [s.url for s in slot.sources] == ["https://hanoiconvention.org/guidelines/"]


def test_the_venue_address_is_not_published() -> None:
    venue = real().venues["ncc"]
    assert venue.address is None
    assert venue.name == {
        "en": "National Convention Centre",
        "vi": "Trung tâm Hội nghị Quốc gia",
        "fr": "Centre national des congrès",
    }


def test_the_closing_press_conference_is_co_chaired_as_reported() -> None:
    event = real().event("closing-press-conference")
    assert [p.name["en"] for p in event.people] == ["Pham The Tung", "Nguyen Minh Vu"]
    assert {p.part for p in event.people} == {"chair"}
    assert event.period == "afternoon" and event.venue is not None and event.venue.id == "ncc"


def test_problems_read_as_one_line_with_place_and_fix(tmp_path: Path) -> None:
    problem = only(check(tmp_path, events_file(event(start="9:00", end="null"))))
    assert re.fullmatch(r".+events\.yml:\d+ \[event 'opening-session', field start\]: .+\. Fix: .+", str(problem))
