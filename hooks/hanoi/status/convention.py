"""The Convention's rules on signature and entry into force, declared once in
``data/convention.yml``: every computation and check of the status site takes
them from here, so that no other file can hold a second copy that drifts.

Art. 64(1): open for signature in Hanoi, then at United Nations Headquarters
in New York until its last day, by New York's calendar. Art. 65(1): in force
on the ninetieth day after the fortieth instrument that counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hanoi.clock import BuildClock
from hanoi.datafiles import DATA_DIR, Located, load_validated, nfc_problems, problem_at, relative
from hanoi.dates import DateSpan, checked_date
from hanoi.formatting import format_date
from hanoi.problems import Problem

if TYPE_CHECKING:
    from hanoi.pages.scan import SourcePage

CONVENTION_FILE = DATA_DIR / "convention.yml"


@dataclass(frozen=True)
class TreatyRules:
    hanoi_days: DateSpan
    signature_last_day: date
    calendar: ZoneInfo  # whose calendar the last day belongs to
    instruments_required: int
    days_after: int
    source_url: str
    source_name: Mapping[str, str]
    source_as_of: date
    labels: Mapping[str, Mapping[str, str]]  # key fact id -> its label by language

    def treaty_day(self, clock: BuildClock) -> date:
        """The day it is at the build's instant by the treaty's calendar."""
        return clock.day_in(self.calendar)

    def signature_open_on(self, day: date) -> bool:
        return day <= self.signature_last_day

    def signature_closes_at(self) -> datetime:
        """The instant signature closes: midnight after the last day, in New York."""
        return datetime.combine(self.signature_last_day + timedelta(days=1), time(0), tzinfo=self.calendar)

    def entry_into_force(self, last_instrument_needed: date) -> date:
        """The ninetieth day after the day the last instrument needed was deposited."""
        return last_instrument_needed + timedelta(days=self.days_after)


def load_rules(file: Path = CONVENTION_FILE) -> tuple[TreatyRules | None, list[Problem]]:
    """data/convention.yml, validated and checked."""
    data, problems = load_validated(file, "convention")
    if problems:
        return None, problems
    rules, problems = parse_convention(data, file)
    return rules, problems + nfc_problems(data, file)


def parse_convention(data: Located, file: Path) -> tuple[TreatyRules | None, list[Problem]]:
    """The schema-checked file, with real dates in order and a known calendar."""
    signature = data["signature"]
    first, problems = checked_date(data, ["signature", "in_hanoi", "first"], file, signature["in_hanoi"]["first"])
    last, more = checked_date(data, ["signature", "in_hanoi", "last"], file, signature["in_hanoi"]["last"])
    last_day, even_more = checked_date(data, ["signature", "last_day"], file, signature["last_day"])
    as_of, yet_more = checked_date(data, ["source", "as_of"], file, data["source"]["as_of"])
    problems += more + even_more + yet_more
    if first and last and last_day and not first <= last < last_day:
        problems.append(
            problem_at(
                data,
                ["signature"],
                file,
                "the days of signature are out of order",
                "signature opens in Hanoi on `first`, ends there on `last`, then stays open until `last_day`",
            )
        )
    try:
        calendar = ZoneInfo(signature["calendar"])
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(
            problem_at(
                data,
                ["signature", "calendar"],
                file,
                f"unknown time zone '{signature['calendar']}'",
                "write an IANA time zone such as America/New_York",
            )
        )
    if problems or not (first and last and last_day and as_of):
        return None, problems
    force = data["entry_into_force"]
    return TreatyRules(
        DateSpan(first, last),
        last_day,
        calendar,
        force["instruments_required"],
        force["days_after"],
        data["source"]["url"],
        dict(data["source"]["name"]),
        as_of,
        {fact_id: dict(label) for fact_id, label in data["labels"].items()},
    ), []


def retyped_rules(pages: list[SourcePage], rules: TreatyRules) -> list[Problem]:
    """Pages that type the signature deadline instead of quoting it: a copy
    that a correction of data/convention.yml would not reach. Press releases
    are dated records of their day and stay as written."""
    problems = []
    for page in pages:
        if page.kind == "press_release" or page.meta is None:
            continue
        written = (format_date(rules.signature_last_day, page.language), rules.signature_last_day.isoformat())
        first_body_line = page.path.read_text(encoding="utf-8").count("\n") - page.body.count("\n") + 1
        for number, line in enumerate(page.body.splitlines(), first_body_line):
            for text in written:
                if text in line:
                    problems.append(
                        Problem(
                            relative(page.path),
                            number,
                            "",
                            f"'{text}' types the signature deadline",
                            "write <!-- fact id=signature-deadline --> (or <!-- signature-period -->, which "
                            f"follows the phase): the date is declared once, in {relative(CONVENTION_FILE)}",
                        )
                    )
    return problems
