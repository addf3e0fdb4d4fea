"""Calendar files, open data and schedule.json in every
language, checked by parsing them back; text that looks like HTML stays text."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar
from jsonschema import FormatChecker
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

from hanoi.catalogues import translate
from hanoi.datafiles import load_schema
from hanoi.programme.display import CALENDAR_NAME, as_reported
from hanoi.programme.exports import open_data, programme_calendar, schedule
from hanoi.programme.model import load_programme
from ics_rules import content_lines, structure_problems, text_problems
from node_tools import node
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, TEST_SITE_URL, run_build, soup

UTC = UTC
C3VOC_SCHEMA = PROJECT / "tests" / "schemas" / "c3voc-schedule.schema.json"


def programme():
    loaded, problems = load_programme()
    assert loaded is not None, problems
    return loaded


def exports(site: Path, language: str) -> Path:
    return (site if language == DEFAULT_LANGUAGE else site / language) / "ceremony" / "programme"


def calendar_events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(component["uid"]): component for component in calendar.walk("VEVENT")}


def validator(schema_path: Path) -> Validator:
    """A validator of the schema's own draft (the c3voc schema is draft 06)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    kind = validator_for(schema, default=None)
    assert kind is not None, f"{schema_path}: unknown $schema"
    kind.check_schema(schema)
    return kind(schema, format_checker=FormatChecker())


def errors(schema_path: Path, data: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(schema_path).iter_errors(data)]


# --- iCalendar ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_ics_round_trips_with_the_right_utc_instants(site: Path, language: str) -> None:
    data = programme()
    path = exports(site, language) / "programme.ics"
    calendar = Calendar.from_ical(path.read_bytes())
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    events = calendar_events(path)
    assert set(events) == {e.uid for e in data.events}
    for event in data.events:
        item = events[event.uid]
        assert str(item["summary"]) == event.title[language]
        assert item["summary"].params["LANGUAGE"] == language
        start = item["dtstart"]
        if event.start is None:
            assert start.dt == event.day and start.params.get("VALUE") == "DATE"
            assert "dtend" in item and str(item["transp"]) == "TRANSPARENT"
        else:
            assert start.params["TZID"] == "Asia/Ho_Chi_Minh"
            assert start.dt.astimezone(UTC) == event.start.astimezone(UTC)
    opening = events[data.event("opening-session").uid]
    assert opening["dtstart"].dt.astimezone(UTC) == datetime(2025, 10, 25, 2, 0, tzinfo=UTC)
    # Its end was not reported: said, not left for clients to guess (an hour, a day).
    assert opening["dtend"].dt == opening["dtstart"].dt
    slot = events[data.event("side-events-slot-3").uid]
    assert (slot["dtstart"].dt.astimezone(UTC), slot["dtend"].dt.astimezone(UTC)) == (
        datetime(2025, 10, 26, 6, 30, tzinfo=UTC),
        datetime(2025, 10, 26, 7, 45, tzinfo=UTC),
    )


def test_uids_are_stable_across_languages_builds_and_site_addresses(site: Path) -> None:
    uids = {language: set(calendar_events(exports(site, language) / "programme.ics")) for language in LANGUAGES}
    assert uids["en"] == uids["vi"] == uids["fr"]
    data = programme()
    again = Calendar.from_ical(programme_calendar(data, "en", "https://elsewhere.example.org/"))
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == uids["en"]
    assert programme_calendar(data, "vi", TEST_SITE_URL) == (exports(site, "vi") / "programme.ics").read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_calendar_file_per_event(site: Path, language: str) -> None:
    for event in programme().events:
        events = calendar_events(exports(site, language) / "events" / f"{event.id}.ics")
        assert list(events) == [event.uid]
        item = events[event.uid]
        assert str(item["url"]).endswith(f"ceremony/programme/#{event.id}")
        assert str(item["summary"]) == event.title[language]


def utc_or_date(value: datetime | date) -> str:
    """As ical_events.mjs writes an instant: ISO 8601 in UTC, or a date."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return value.isoformat()


def test_every_calendar_file_reads_the_same_with_a_second_parser(site: Path, tmp_path: Path) -> None:
    """Every .ics the build writes, read by ical.js (tests/ical_events.mjs says
    why that one) and by icalendar: the same events, titles and UTC instants."""
    files = published_calendars(site)
    output = tmp_path / "ical.json"
    completed = subprocess.run(
        [node(), str(PROJECT / "tests" / "ical_events.mjs"), str(output), *map(str, files)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 0, completed.stderr
    read_by_icaljs = json.loads(output.read_text(encoding="utf-8"))
    for path in files:
        read_by_icalendar = [
            {
                "uid": str(e["uid"]),
                "summary": str(e["summary"]),
                "start": utc_or_date(e.decoded("dtstart")),
                "end": utc_or_date(e.decoded("dtend")) if "dtend" in e else None,
            }
            for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        ]
        assert read_by_icalendar, path
        assert read_by_icaljs[str(path)] == read_by_icalendar, path


def published_calendars(site: Path) -> list[Path]:
    files = sorted(site.rglob("*.ics"))
    assert len(files) == len(LANGUAGES) * (1 + len(programme().events))
    return files


def test_every_calendar_file_keeps_rfc_5545_lexical_rules(site: Path) -> None:
    """Folding, CRLF, TEXT escaping (commas and semicolons included) and what
    a VTIMEZONE may hold, over every published .ics (tests/ics_rules.py)."""
    for path in published_calendars(site):
        lines, problems = content_lines(path.read_bytes())
        problems += text_problems(lines) + structure_problems(lines)
        assert not problems, f"{path.relative_to(site)}: {problems}"


def test_calendars_are_snapshots_not_itip_messages_without_an_organizer(site: Path) -> None:
    """RFC 5546 (3.2.1): a METHOD:PUBLISH calendar needs one ORGANIZER per
    event. The site's calendars carry no METHOD (hanoi.programme.exports says
    why); this holds them to the rule should one ever come back."""
    for path in published_calendars(site):
        lines, _ = content_lines(path.read_bytes())
        assert [line.value for line in lines if line.name == "METHOD"] in ([], ["PUBLISH"]), path
        assert not structure_problems(lines), path


def test_vobject_reads_every_calendar_name_and_text_whole(site: Path) -> None:
    """vobject (the library of Radicale, among others) splits unescaped
    commas: each calendar's NAME, X-WR-CALNAME and X-WR-CALDESC, and each
    event's summary and location, must come out whole."""
    data = programme()
    for language in LANGUAGES:
        folder = exports(site, language)
        expected = {folder / "programme.ics": translate(language, CALENDAR_NAME)}
        expected |= {folder / "events" / f"{e.id}.ics": e.title[language] for e in data.events}
        for path, name in expected.items():
            calendar = vobject.readOne(path.read_text(encoding="utf-8"), validate=True)
            assert [line.value for line in calendar.contents["name"]] == [name], path
            assert [line.value for line in calendar.contents["x-wr-calname"]] == [name], path
            assert [line.value for line in calendar.contents["x-wr-caldesc"]] == [as_reported(data, language)], path
            reference = calendar_events(path)
            for event in calendar.vevent_list:
                read = reference[event.uid.value]
                assert event.summary.value == str(read["summary"]), path
                assert event.location.value == str(read["location"]), path
    assert any("," in e.title[language] for e in data.events for language in LANGUAGES), "no title tests the comma"


def test_calendar_descriptions_say_when_the_time_is_not_known(site: Path) -> None:
    data = programme()
    events = calendar_events(exports(site, "vi") / "programme.ics")
    description = str(events[data.event("state-banquet").uid]["description"])
    assert description.startswith("Buổi tối, thời gian sẽ được xác nhận")
    assert "https://vietnam.vnanet.vn/" in description
    assert str(events[data.event("state-banquet").uid]["location"]) == "Chưa có thông tin về địa điểm"


# --- programme.json -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_json_validates_against_its_published_schema(site: Path, language: str) -> None:
    folder = exports(site, language)
    published = folder / "programme.schema.json"
    schema = json.loads(published.read_text(encoding="utf-8"))
    assert schema == load_schema("programme_export")
    assert schema["properties"]["language"]["enum"] == list(LANGUAGES), "the published schema names the languages"
    data = json.loads((folder / "programme.json").read_text(encoding="utf-8"))
    assert errors(published, data) == []
    assert data["language"] == language
    assert (
        data["$schema"]
        == TEST_SITE_URL
        + ("" if language == DEFAULT_LANGUAGE else f"{language}/")
        + "ceremony/programme/programme.schema.json"
    )
    opening = next(e for e in data["events"] if e["id"] == "opening-session")
    assert (opening["start"], opening["start_utc"], opening["end"]) == (
        "2025-10-25T09:00:00+07:00",
        "2025-10-25T02:00:00Z",
        None,
    )
    banquet = next(e for e in data["events"] if e["id"] == "state-banquet")
    assert banquet["time_to_be_confirmed"] is True and banquet["period"] == "evening" and banquet["venue"] is None


def test_the_schema_rejects_a_wrong_programme_json(site: Path) -> None:
    data = json.loads((exports(site, "en") / "programme.json").read_text(encoding="utf-8"))
    data["events"][0]["start"] = "2025-10-25T09:00:00"  # no offset
    data["events"][1]["type"] = "party"
    del data["as_of"]
    assert len(errors(exports(site, "en") / "programme.schema.json", data)) == 3


# --- schedule.json (frab / c3voc) ---------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_schedule_json_validates_against_the_c3voc_schema(site: Path, language: str) -> None:
    data = json.loads((exports(site, language) / "schedule.json").read_text(encoding="utf-8"))
    assert errors(C3VOC_SCHEMA, data) == []
    conference = data["schedule"]["conference"]
    assert conference["time_zone_name"] == "Asia/Ho_Chi_Minh" and conference["daysCount"] == 2
    talks = {t["slug"]: t for d in conference["days"] for room in d["rooms"].values() for t in room}
    assert sorted(talks) == ["opening-session", "side-events-slot-1", "side-events-slot-2", "side-events-slot-3"]
    assert (
        talks["side-events-slot-2"]["date"],
        talks["side-events-slot-2"]["start"],
        talks["side-events-slot-2"]["duration"],
        talks["side-events-slot-2"]["end"],
    ) == ("2025-10-26T12:00:00+07:00", "12:00", "01:15", "2025-10-26T13:15:00+07:00")
    assert "end" not in talks["opening-session"], "no end was reported"
    assert talks["opening-session"]["title"] == programme().event("opening-session").title[language]


def test_the_c3voc_schema_catches_a_broken_schedule() -> None:
    data = schedule(programme(), "en", TEST_SITE_URL)
    talk = data["schedule"]["conference"]["days"][0]["rooms"]
    first = next(iter(talk.values()))[0]
    first["duration"] = 75  # a number, not "01:15"
    del first["guid"]
    first["answers"] = []  # allowed by the schema until 2024 (c3voc dropped it)
    first["start"] = "9:00"  # not HH:MM
    assert len(errors(C3VOC_SCHEMA, data)) == 4


# --- Escaping: a title with markup and & stays text everywhere ----------------------
# (Each text of data/ is held to the content allowlist as if it were HTML: a <script>
# or a data-x= is refused by the build, tests/test_content_gate.py; markup it allows
# stays text wherever the text lands.)

NASTY = "<b>bold</b> <em title='1'>Co</em> & Co"


def test_html_like_titles_stay_text_in_html_ics_and_json(project_copy: Path) -> None:
    """Also: the event marker on another page, and links to event and day anchors."""
    events = project_copy / "data" / "programme" / "events.yml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("      en: Opening session\n", f'      en: "{NASTY}"\n', 1)
    text = text.replace("      vi: Phiên khai mạc\n", f'      vi: "{NASTY}"\n', 1)
    events.write_text(text, encoding="utf-8")
    page = project_copy / "docs" / "en" / "ceremony" / "side-events.md"
    # The event's anchor on the programme page is a valid link target for MkDocs' strict check.
    page.write_text(
        page.read_text(encoding="utf-8") + "\n## One event {#one-event}\n\n"
        "<!-- event id=opening-session level=3 -->\n\n"
        "[On the programme](programme.md#opening-session), [26 October](programme.md#day-2025-10-26)\n",
        encoding="utf-8",
    )
    for language in ("vi", "fr"):  # the same heading in every language
        other = project_copy / "docs" / language / "ceremony" / "side-events.md"
        other.write_text(
            other.read_text(encoding="utf-8") + "\n## Một hoạt động {#one-event}\n\n"
            "<!-- event id=opening-session level=3 -->\n",
            encoding="utf-8",
        )
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output
    site = result.site_dir
    for path in ("ceremony/programme", "ceremony/side-events", "vi/ceremony/programme"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        article = soup(site / path / "index.html").select_one("article#opening-session")
        assert article.select_one(".hc-event__title").get_text().rstrip("¶") == NASTY
        assert not article.find("b") and not article.find("em")
        assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&amp; Co" in html
        assert "<b>bold" not in html
    vi = exports(site, "vi")
    uid = programme().event("opening-session").uid
    assert str(calendar_events(vi / "programme.ics")[uid]["summary"]) == NASTY
    assert str(calendar_events(vi / "events" / "opening-session.ics")[uid]["summary"]) == NASTY
    data = json.loads((vi / "programme.json").read_text(encoding="utf-8"))
    assert next(e for e in data["events"] if e["id"] == "opening-session")["title"] == NASTY
    talks = json.loads((vi / "schedule.json").read_text(encoding="utf-8"))["schedule"]["conference"]["days"][0]["rooms"]
    assert any(t["title"] == NASTY for room in talks.values() for t in room)
    french = json.loads((exports(site, "fr") / "programme.json").read_text(encoding="utf-8"))
    assert next(e for e in french["events"] if e["id"] == "opening-session")["title"] == "Séance d’ouverture"


def test_open_data_is_the_same_as_the_built_file(site: Path) -> None:
    built = json.loads((exports(site, "fr") / "programme.json").read_text(encoding="utf-8"))
    assert built == open_data(programme(), "fr", TEST_SITE_URL)
    assert built["days"][0]["heading"] == "Samedi 25 octobre 2025"
    assert date.fromisoformat(built["as_of"]) <= date.today()
