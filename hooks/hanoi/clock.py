"""The instant of the build, and the day it is in a given place.

The site is a status site: what it says follows the instant it was built,
so a scheduled rebuild moves it on without anyone editing a file. Days are
not the same everywhere at one instant: the signature deadline is New York's
31 December (Art. 64, the treaty's own calendar in ``data/convention.yml``),
while embargoes and the editors' checks follow Hanoi's day.

Tests and previews set the instant: ``SITE_NOW=2026-12-31T17:05:00Z`` (an ISO
8601 instant with its offset), or ``SITE_TODAY=2027-01-05`` for a whole day,
which stands for noon UTC: the same calendar day in Hanoi and in New York.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hanoi.problems import Problem

SITE_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")  # the site's own calendar: embargoes, editors' checks
NOW_VARIABLE = "SITE_NOW"
TODAY_VARIABLE = "SITE_TODAY"
# A day given alone stands for its noon in UTC: the same date from UTC-11 to UTC+11.
_DAY_STANDS_FOR = time(12, tzinfo=UTC)


@dataclass(frozen=True)
class BuildClock:
    """The build's instant, in UTC."""

    instant: datetime

    def day_in(self, zone: ZoneInfo) -> date:
        return self.instant.astimezone(zone).date()

    @property
    def site_day(self) -> date:
        """The day in Hanoi."""
        return self.day_in(SITE_TIME_ZONE)


def utc_offsets(zone: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """The zone's offset from UTC in minutes at ``start``, then at each change
    until ``end``, each with the instant it starts (to the second): enough for
    a browser to know the zone's calendar day without time-zone data."""

    def minutes(moment: datetime) -> int:
        offset = moment.astimezone(zone).utcoffset()
        return int(offset.total_seconds() // 60) if offset is not None else 0

    changes = [(start, minutes(start))]
    day = start
    while day < end:
        following = day + timedelta(days=1)
        if minutes(following) != changes[-1][1]:
            before, after = day, following  # the change lies in between: halve to the second
            while after - before > timedelta(seconds=1):
                middle = before + (after - before) / 2
                before, after = (middle, after) if minutes(middle) == changes[-1][1] else (before, middle)
            changes.append((after.replace(microsecond=0), minutes(following)))
        day = following
    return changes


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with its offset ('Z' for UTC); ValueError otherwise."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("no offset")
    return moment


def clock_from(environ: Mapping[str, str] = os.environ) -> tuple[BuildClock | None, list[Problem]]:
    """The instant SITE_NOW or SITE_TODAY gives, else now; or the problem."""
    now_text = environ.get(NOW_VARIABLE, "").strip()
    today_text = environ.get(TODAY_VARIABLE, "").strip()
    if now_text and today_text:
        return None, [
            _problem(NOW_VARIABLE, "is set together with SITE_TODAY", "set only one of SITE_NOW and SITE_TODAY")
        ]
    if now_text:
        try:
            return BuildClock(parse_instant(now_text).astimezone(UTC)), []
        except ValueError:
            return None, [
                _problem(
                    NOW_VARIABLE,
                    f"'{now_text}' is not an instant with its offset",
                    f"write it as YYYY-MM-DDTHH:MM:SS followed by Z or the offset, "
                    f"e.g. {NOW_VARIABLE}=2027-01-01T05:05:00Z, or unset it",
                )
            ]
    if today_text:
        try:
            return BuildClock(datetime.combine(date.fromisoformat(today_text), _DAY_STANDS_FOR)), []
        except ValueError:
            return None, [
                _problem(
                    TODAY_VARIABLE,
                    f"'{today_text}' is not a date",
                    f"write it as YYYY-MM-DD, e.g. {TODAY_VARIABLE}=2027-01-01, or unset it",
                )
            ]
    return BuildClock(datetime.now(UTC)), []


def _problem(variable: str, message: str, fix: str) -> Problem:
    return Problem(f"the environment variable {variable}", None, "", message, fix)
