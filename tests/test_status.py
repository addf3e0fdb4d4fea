"""The status site: the treaty's phase computed from its data, its rules and
the instant of the build, the figures every page and export shows, and the
share cards.

The phase rules are tested on the real functions with made-up records (every
phase, the 40th deposit, the European Union not counted, the 90 days across
a year end, New York's last day); the built site is checked against the
same computation. Builds at other instants: tests/test_phases.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import struct
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hanoi.clock import BuildClock, clock_from, utc_offsets
from hanoi.dates import DateSpan
from hanoi.formatting import format_date, format_span
from hanoi.sources import Source
from hanoi.status.collation import folded, sort_key
from hanoi.status.facts import Signatory, Signatures
from hanoi.status.treaty import Deposit, Phase, TreatyRecord, compute_status
from sitetools import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    assert_refused,
    html_pages,
    replace_in,
    run_build,
    site_facts,
    soup,
    status_json,
    url_path,
)

UNTC = Source("untc", {"en": "UNTC", "vi": "UNTC", "fr": "UNTC"}, "https://treaties.un.org/", "depositary")
HANOI = DateSpan(date(2025, 10, 25), date(2025, 10, 25))
RULES = site_facts().rules  # data/convention.yml, as the build reads it


def at(moment: str) -> BuildClock:
    """The build's instant: an ISO 8601 instant, or a day (its noon in UTC)."""
    clock, problems = clock_from({"SITE_NOW": moment} if "T" in moment else {"SITE_TODAY": moment})
    assert clock is not None, problems
    return clock


def signatory(index: int, *, regional: bool = False) -> Signatory:
    name = f"State {index:02d}"
    return Signatory(
        f"state-{index:02d}",
        {"en": name, "vi": name, "fr": name},
        HANOI,
        (UNTC,),
        True,
        "regional-organization" if regional else "state",
    )


def made_up(
    deposit_days: list[date], *, complete: bool = True, regional_first: bool = False
) -> tuple[TreatyRecord, Signatures]:
    """Signatories, and one deposit per day given (the first by a regional
    organization if ``regional_first``)."""
    signatories = tuple(signatory(i, regional=regional_first and i == 0) for i in range(max(len(deposit_days), 1)))
    deposits = tuple(
        Deposit(s.id, s.name, "ratification", day, (UNTC,), s.is_regional_organization)
        for s, day in zip(signatories, deposit_days, strict=False)
    )
    record = TreatyRecord(
        max(deposit_days, default=date(2026, 11, 30)), UNTC.url, complete, deposits, (), {"untc": UNTC}
    )
    return record, Signatures(date(2026, 11, 30), signatories, {"untc": UNTC})


def status_at(moment: str, record: TreatyRecord, signatures: Signatures):
    return compute_status(RULES, record, signatures, at(moment))


def days(count: int, last: date) -> list[date]:
    """``count`` deposit days, one a week, the last on ``last``."""
    return [last - timedelta(weeks=count - 1 - i) for i in range(count)]


# --- the rules, declared once ------------------------------------------------


def test_the_rules_are_those_of_articles_64_and_65() -> None:
    """Art. 64: Hanoi on 25-26 October 2025, then New York until 31 December
    2026, by New York's calendar; Art. 65(1): the 90th day after the 40th."""
    assert (RULES.hanoi_days.first, RULES.hanoi_days.last) == (date(2025, 10, 25), date(2025, 10, 26))
    assert RULES.signature_last_day == date(2026, 12, 31)
    assert RULES.calendar.key == "America/New_York"
    assert (RULES.instruments_required, RULES.days_after) == (40, 90)


# --- the phases ------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        ("2026-12-31", Phase.OPEN_FOR_SIGNATURE),
        # 00:05 on 1 January in Hanoi, 12:05 on 31 December in New York: still open.
        ("2026-12-31T17:05:00Z", Phase.OPEN_FOR_SIGNATURE),
        ("2027-01-01T04:59:59Z", Phase.OPEN_FOR_SIGNATURE),  # 23:59:59 in New York
        ("2027-01-01T05:00:00Z", Phase.OPEN_FOR_ACCESSION),  # midnight in New York
        ("2027-01-01T05:05:00Z", Phase.OPEN_FOR_ACCESSION),
        ("2027-01-01T00:05:00-05:00", Phase.OPEN_FOR_ACCESSION),
        ("2027-01-05", Phase.OPEN_FOR_ACCESSION),
    ],
)
def test_signature_is_open_through_31_december_by_new_york_s_calendar(moment: str, phase: Phase) -> None:
    record, signatures = made_up([], complete=True)
    assert status_at(moment, record, signatures).phase is phase


def test_a_day_alone_is_the_same_day_in_hanoi_and_in_new_york() -> None:
    clock = at("2027-01-05")
    assert clock.site_day == RULES.treaty_day(clock) == date(2027, 1, 5)
    late = at("2026-12-31T17:05:00Z")
    assert (late.site_day, RULES.treaty_day(late)) == (date(2027, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("environment", "variable"),
    [
        ({"SITE_NOW": "2026-12-31T17:05"}, "SITE_NOW"),  # no offset: which 17:05?
        ({"SITE_NOW": "tomorrow"}, "SITE_NOW"),
        ({"SITE_TODAY": "2027-02-30"}, "SITE_TODAY"),
        ({"SITE_NOW": "2026-12-31T17:05:00Z", "SITE_TODAY": "2027-01-05"}, "SITE_NOW"),
    ],
)
def test_a_bad_instant_is_refused_naming_the_variable(environment: dict[str, str], variable: str) -> None:
    clock, problems = clock_from(environment)
    assert clock is None and len(problems) == 1
    assert variable in problems[0].file and problems[0].fix


def test_the_browser_gets_new_york_s_offsets_until_the_last_day() -> None:
    """The countdown knows New York's calendar without time-zone data: its
    offset from UTC, and each change (to the second) until the deadline."""
    start = datetime(2026, 10, 1, tzinfo=UTC)
    changes = utc_offsets(RULES.calendar, start, datetime(2027, 4, 1, tzinfo=UTC))
    assert changes == [
        (start, -240),
        (datetime(2026, 11, 1, 6, tzinfo=UTC), -300),  # 02:00 summer time becomes 01:00
        (datetime(2027, 3, 14, 7, tzinfo=UTC), -240),
    ]


def test_thirty_nine_instruments_set_no_date() -> None:
    record, signatures = made_up(days(39, date(2027, 3, 1)))
    status = status_at("2027-03-02", record, signatures)
    assert (status.instruments_deposited, status.entry_into_force, status.phase) == (39, None, Phase.OPEN_FOR_ACCESSION)


def test_the_fortieth_deposit_sets_entry_into_force_on_the_ninetieth_day_across_a_year_end() -> None:
    fortieth = date(2027, 11, 15)
    record, signatures = made_up(days(40, fortieth))
    assert RULES.entry_into_force(fortieth) == date(2028, 2, 13)  # 15 days of November, 31, 31, 13
    before = status_at("2028-02-12", record, signatures)
    assert (before.phase, before.fortieth_deposit, before.entry_into_force) == (
        Phase.INSTRUMENTS_COMPLETE,
        fortieth,
        date(2028, 2, 13),
    )
    assert before.entry_into_force - before.today == timedelta(days=1)
    assert status_at("2028-02-13", record, signatures).phase is Phase.IN_FORCE


def test_a_fortieth_deposit_before_signature_closes_still_sets_the_date() -> None:
    record, signatures = made_up(days(40, date(2026, 12, 1)))
    status = status_at("2026-12-02", record, signatures)
    assert (status.phase, status.entry_into_force) == (Phase.INSTRUMENTS_COMPLETE, date(2027, 3, 1))
    assert status.signature_open


def test_the_european_union_does_not_count_toward_the_forty() -> None:
    record, signatures = made_up(days(40, date(2027, 6, 1)), regional_first=True)
    status = status_at("2027-06-02", record, signatures)
    assert (status.instruments_deposited, status.entry_into_force) == (39, None)
    record, signatures = made_up(days(41, date(2027, 6, 8)), regional_first=True)
    status = status_at("2027-06-09", record, signatures)
    assert (status.instruments_deposited, status.fortieth_deposit) == (40, date(2027, 6, 8))


def test_an_incomplete_list_gives_no_number_and_no_date() -> None:
    """Unknown stays unknown: not 0, and 45 listed deposits of an incomplete
    list prove neither the count nor the day of the 40th."""
    for deposits in ([], days(45, date(2027, 5, 1))):
        record, signatures = made_up(deposits, complete=False)
        status = status_at("2027-06-01", record, signatures)
        assert (status.instruments_deposited, status.entry_into_force) == (None, None)


# --- language rules --------------------------------------------------------


def test_vietnamese_alphabetical_order() -> None:
    words = [
        "Đan Mạch",
        "Dim-ba-bu-ê",
        "Ăng-gô-la",
        "Áo",
        "Ấn Độ",
        "An-giê-ri",
        "Ô-man",
        "Ơ-rê",
        "Ôn",
        "Uganda",
        "Ư",
        "tạ",
        "tá",
        "ta",
        "tà",
    ]
    ordered = sorted(words, key=lambda w: sort_key(w, "vi"))
    assert ordered == [
        "An-giê-ri",
        "Áo",
        "Ăng-gô-la",
        "Ấn Độ",
        "Dim-ba-bu-ê",
        "Đan Mạch",
        "Ô-man",
        "Ôn",
        "Ơ-rê",
        "ta",
        "tà",
        "tá",
        "tạ",
        "Uganda",
        "Ư",
    ]


def test_french_and_english_order_ignores_accents_first() -> None:
    assert sorted(["Espagne", "Égypte", "État de Palestine", "Équateur"], key=lambda w: sort_key(w, "fr")) == [
        "Égypte",
        "Équateur",
        "Espagne",
        "État de Palestine",
    ]


def test_folding_for_the_filter_box() -> None:
    assert folded("Việt Nam").startswith("viet")
    assert folded("Ai Cập") == "ai cap"
    assert folded("Đức") == "duc"
    assert folded("Côte d’Ivoire") == "cote d'ivoire"


@pytest.mark.parametrize(
    "language,day,span",
    [
        ("en", "1 January 2027", "25–26 October 2025"),
        ("vi", "1/1/2027", "25–26/10/2025"),
        ("fr", "1er janvier 2027", "25–26 octobre 2025"),
    ],
)
def test_dates_as_each_language_writes_them(language: str, day: str, span: str) -> None:
    assert format_date(date(2027, 1, 1), language) == day
    assert format_span(date(2025, 10, 25), date(2025, 10, 26), language) == span


# --- the built site --------------------------------------------------------


def site_status(site: Path):
    facts = site_facts()
    document = status_json(site)
    return facts, document


def test_status_json_is_valid_and_computed_for_the_day_of_the_build(site: Path) -> None:
    facts, document = site_status(site)
    schema = json.loads((site / "status.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(document)]
    assert not errors, errors
    status = facts.status(at(document["built_at"]))
    assert (document["built_on"], document["calendar"]) == (status.today.isoformat(), "America/New_York")
    assert document["phase"] == status.phase.value
    assert document["signatories"] == len(facts.signatures.signatories) == status.signatories
    assert document["instruments_deposited"] == status.instruments_deposited
    assert (document["instruments_required"], document["days_after_fortieth"]) == (40, 90)
    assert document["signature_open_until"] == "2026-12-31"
    assert set(document["phase_description"]) == set(LANGUAGES)
    # The sources confirm no deposit (facts.md section 8): the number is unknown, not 0.
    assert document["instruments_deposited"] is None and document["entry_into_force"] is None
    assert all(step["party"] in {s.id for s in facts.signatures.signatories} for step in document["domestic_steps"])


def test_signatories_csv(site: Path) -> None:
    facts, document = site_status(site)
    raw = (site / "signatories.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert list(rows[0])[:7] == ["id", "name_en", "name_vi", "name_fr", "type", "signed", "place"]
    assert {"sources", "source_urls", "source_kinds"} <= set(rows[0])
    assert len(rows) == document["signatories"]
    assert {r["place"] for r in rows} == {"Hanoi", "New York"}
    vietnam = next(r for r in rows if r["id"] == "viet-nam")
    assert (vietnam["name_vi"], vietnam["signed"]) == ("Việt Nam", "2025-10-25")


def page_of(site: Path, language: str, path: str) -> Path:
    return site / ("" if language == DEFAULT_LANGUAGE else language) / path / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_shows_the_figures_of_status_json(site: Path, language: str) -> None:
    _, document = site_status(site)
    home = soup(page_of(site, language, ""))
    panel = home.select_one(".hc-status")
    figures = [f.get_text(strip=True) for f in panel.select(".hc-status__figure")]
    assert figures[0] == str(document["signatories"])
    assert panel["data-hc-phase"] == document["phase"]
    checked = {t["datetime"] for t in panel.select(".hc-status__basis time")}
    assert {document["as_of"], document["signatories_as_of"]} <= checked
    assert panel["data-hc-built-at"] == document["built_at"] in checked
    signatures = soup(page_of(site, language, "convention/signatures"))
    assert len(signatures.select("table.hc-signatories tbody tr")) == document["signatories"]
    for page in (home, signatures):
        unknown = page.select_one(".hc-status__figure--unknown")
        assert unknown is not None, "no deposit is confirmed: the pages must say so"
        assert not re.search(r"\d", unknown.get_text()), "an unknown count is never shown as a number"
        assert page.select_one("meter") is None, "no meter for a count nobody confirmed"
        assert document["depositary_record"] in {a.get("href") for a in page.select("a")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_day_count_is_frozen_into_the_html(site: Path, language: str) -> None:
    home = soup(page_of(site, language, ""))
    countdowns = home.select("[data-hc-days-until]")
    assert countdowns, "the home page counts the days to the signature deadline"
    for element in countdowns:
        assert element.get_text(strip=True) == ""
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", element["data-hc-days-until"])
    assert any(s["src"].endswith("assets/javascripts/countdown.js") for s in home.select("script[src]"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_signatories_are_in_the_language_s_alphabetical_order(site: Path, language: str) -> None:
    page = soup(page_of(site, language, "convention/signatures"))
    names = [row.select_one("th").contents[0].strip() for row in page.select("table.hc-signatories tbody tr")]
    assert names == sorted(names, key=lambda n: sort_key(n, language))
    facts = site_facts()
    assert sorted(names) == sorted(s.name[language] for s in facts.signatures.signatories)


def test_rows_mark_only_sources_other_than_the_default(site: Path) -> None:
    page = soup(page_of(site, "vi", "convention/signatures"))
    marked = {
        row.select_one("th").contents[0].strip()
        for row in page.select("table.hc-signatories tbody tr")
        if row.select(".hc-marks a")
    }
    # Most rows rest on the Dutch copy of the depositary record alone; the UN
    # Treaty Collection is cited only for the rows its stored copy shows
    # (Algeria to Jamaica: Egypt), so those rows are marked.
    assert {"Việt Nam", "Nam Phi", "Thụy Điển", "U-ru-goay", "Ai Cập"} <= marked
    assert "Mô-ri-xơ" not in marked and "Ma-rốc" not in marked
    numbered = page.select('li[id^="hc-signatures-source-"]')
    assert [li["id"] for li in numbered] == [f"hc-signatures-source-{n}" for n in range(1, len(numbered) + 1)]
    english = [a.get_text() for li in numbered for a in li.select("a")]
    assert not any("Treaty Collection" in name or "Dutch" in name for name in english), english


# How each language introduces a language's name, and two notes it must show.
WRITTEN_IN = {
    "vi": ("tiếng ", ("(tiếng Hà Lan)", ", tiếng Tây Ban Nha)")),
    "fr": ("en ", ("(en néerlandais)", ", en espagnol)")),
}


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_each_source_says_its_language_when_it_is_not_the_page_s(site: Path, language: str) -> None:
    """Readers of a translated page are told that a source is in English,
    Dutch or Spanish, as the pages' own source lists do, and the kind of
    source is said once (never in the name and again after it)."""
    facts = site_facts()
    items = soup(page_of(site, language, "convention/signatures")).select('li[id^="hc-signatures-source-"]')
    texts = {li.a["href"]: li.get_text(" ", strip=True) for li in items}
    note, examples = WRITTEN_IN[language]
    for source in facts.signatures.sources.values():
        text = texts[source.url]
        if source.language and source.language != language:
            assert note in text, f"{text}: no language note for {source.language}"
        assert text.count("(") - source.name[language].count("(") <= 1, f"{text}: kind said twice"
    joined = " ".join(texts.values())
    assert all(expected in joined for expected in examples), joined


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_has_a_share_card_in_its_language(site: Path) -> None:
    cards: dict[str, str] = {}
    for page in html_pages(site):
        html = soup(page)
        image = html.select_one('meta[property="og:image"]')
        assert image is not None, url_path(site, page)
        assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
        path = image["content"].split("://", 1)[1].split("/", 1)[1]
        assert png_size(site / path) == (1200, 630), path
        cards[url_path(site, page)] = path
    # Each language's pages have their own cards (titles and site names differ).
    assert (
        cards["/convention/signatures/"] != cards["/vi/convention/signatures/"] != cards["/fr/convention/signatures/"]
    )


def test_the_editors_page_lists_data_files_with_their_check_date(site: Path) -> None:
    page = soup(page_of(site, DEFAULT_LANGUAGE, "status"))
    files = {row.select_one("code").get_text() for row in page.select("table.hc-freshness tbody tr")}
    assert {"data/signatures.yml", "data/treaty_status.yml", "data/programme/events.yml"} <= files


# --- mistakes, built ---------------------------------------------------------


def test_mistakes_in_the_status_data_are_refused_with_file_line_and_fix(project_copy: Path, tmp_path: Path) -> None:
    """Values of the right form but the wrong meaning, all in one build: each
    is reported with its file, line and fix, and the build fails without a
    traceback."""
    treaty = project_copy / "data" / "treaty_status.yml"
    replace_in(treaty, 'date: "2026-02-10"', 'date: "2026-02-30"')
    replace_in(treaty, "  - party: russian-federation\n", "  - party: atlantis\n")
    replace_in(
        treaty,
        "  deposits: []\n",
        "  deposits:\n    - party: viet-nam\n      kind: ratification\n"
        '      deposited: "2025-10-01"\n      sources: [nope]\n',
    )
    signatures = project_copy / "data" / "signatures.yml"
    replace_in(
        signatures,
        'signed: "2025-10-25/2025-10-26"\n    sources: [ecofin]',
        'signed: "2025-10-26/2025-10-25"\n    sources: [ecofin]',
    )
    assert_refused(
        run_build(project_copy, tmp_path / "site"),
        project_copy,
        [
            (treaty, '"2026-02-30"', "is not a real date"),
            (treaty, "party: atlantis", "'atlantis' is not a signatory"),
            (treaty, "sources: [nope]", "unknown source nope"),
            (treaty, '"2025-10-01"', "before the signature"),
            (signatures, '"2025-10-26/2025-10-25"', "ends before it starts"),
        ],
    )


@pytest.mark.parametrize(("variable", "value"), [("SITE_TODAY", "2027-02-30"), ("SITE_NOW", "2026-12-31T17:05")])
def test_a_bad_build_instant_is_refused_clearly(project_copy: Path, tmp_path: Path, variable: str, value: str) -> None:
    result = run_build(project_copy, tmp_path / "site", **{variable: value})
    assert result.returncode != 0 and "Traceback" not in result.output
    assert f"the environment variable {variable}" in result.output and "Fix:" in result.output
