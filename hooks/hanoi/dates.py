"""Dates in data files: a day ("2025-10-25") or, when sources give only a
span of days, the first and last day ("2025-10-25/2025-10-26", ISO 8601's
interval form). A text of the right form but no real day ("2024-13-40") is a
problem with its file and line, like any schema error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hanoi.datafiles import problem_at
from hanoi.problems import Problem


@dataclass(frozen=True, order=True)
class DateSpan:
    first: date
    last: date

    @property
    def is_day(self) -> bool:
        return self.first == self.last

    def machine_value(self) -> str:
        return self.first.isoformat() if self.is_day else f"{self.first.isoformat()}/{self.last.isoformat()}"


def _not_a_day(data: Any, path: Iterable[Any], file: Path, text: str) -> Problem:
    return problem_at(
        data,
        list(path),
        file,
        f"'{text}' is not a real date",
        "check the month (01 to 12) and the day of the month, written YYYY-MM-DD",
    )


def checked_date(data: Any, path: Iterable[Any], file: Path, text: str) -> tuple[date | None, list[Problem]]:
    """The day a schema-checked "YYYY-MM-DD" text names, or the problem."""
    try:
        return date.fromisoformat(text), []
    except ValueError:
        return None, [_not_a_day(data, path, file, text)]


def checked_span(data: Any, path: Iterable[Any], file: Path, text: str) -> tuple[DateSpan | None, list[Problem]]:
    """A day or a "first/last" span of days, or the problems with it."""
    path = list(path)
    first_text, _, last_text = text.partition("/")
    first, problems = checked_date(data, path, file, first_text)
    last, more = checked_date(data, path, file, last_text or first_text)
    problems += more
    if first is None or last is None:
        return None, problems[:1]
    if last < first:
        return None, [
            problem_at(
                data,
                path,
                file,
                f"the span '{text}' ends before it starts",
                "write the first day, then '/', then the last day",
            )
        ]
    return DateSpan(first, last), []
