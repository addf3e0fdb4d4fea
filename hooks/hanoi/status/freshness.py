"""Data files that say when they were last checked (a top-level ``as_of``)
and have not been checked for a while: the editors' status page lists them,
so that a status site does not quietly go stale."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hanoi.datafiles import relative

STALE_AFTER_DAYS = 30


@dataclass(frozen=True)
class CheckedFile:
    path: str  # from the project root, e.g. data/signatures.yml
    as_of: date
    age_days: int

    @property
    def stale(self) -> bool:
        return self.age_days > STALE_AFTER_DAYS


def checked_files(today: date, data_files: Mapping[Path, Any]) -> list[CheckedFile]:
    """Every data file (``read_data_files``) with a top-level ``as_of``,
    oldest first."""
    found = []
    for path, data in data_files.items():
        as_of = data.get("as_of") if isinstance(data, dict) else None
        try:
            day = date.fromisoformat(as_of) if isinstance(as_of, str) else None
        except ValueError:
            day = None
        if day is not None:
            found.append(CheckedFile(relative(path), day, (today - day).days))
    return sorted(found, key=lambda f: (f.as_of, f.path))
