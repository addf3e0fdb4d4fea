"""The date of the build, in Hanoi.

The site is a status site: its phase (open for signature until 31 December
2026, then open for accession) follows the date of the build, so a daily
rebuild moves it on without anyone editing a file. The day is Hanoi's, as
the site is Viet Nam's; ``SITE_TODAY=YYYY-MM-DD`` sets it for tests and for
previewing a later phase.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hanoi.problems import Problem, valid

SITE_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY_VARIABLE = "SITE_TODAY"


def site_today() -> date:
    """Today in Hanoi, or the day ``SITE_TODAY`` gives (the build stops on a bad one)."""
    return valid(given_day(os.environ.get(TODAY_VARIABLE, "")), "the date of the build")


def given_day(text: str) -> tuple[date | None, list[Problem]]:
    text = text.strip()
    if not text:
        return datetime.now(SITE_TIME_ZONE).date(), []
    try:
        return date.fromisoformat(text), []
    except ValueError:
        return None, [
            Problem(
                f"the environment variable {TODAY_VARIABLE}",
                None,
                "",
                f"'{text}' is not a date",
                f"write it as YYYY-MM-DD, e.g. {TODAY_VARIABLE}=2027-01-01, or unset it",
            )
        ]
