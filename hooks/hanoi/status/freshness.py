"""Data files that say when they were last checked (a top-level ``as_of``)
and have not been checked for a while: the editors' status page lists them,
so that a status site does not quietly go stale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hanoi.datafiles import DATA_DIR, load_yaml, relative

STALE_AFTER_DAYS = 30


@dataclass(frozen=True)
class CheckedFile:
    path: str  # from the project root, e.g. data/signatures.yml
    as_of: date
    age_days: int

    @property
    def stale(self) -> bool:
        return self.age_days > STALE_AFTER_DAYS


def checked_files(today: date, data_dir: Path = DATA_DIR) -> list[CheckedFile]:
    """Every data file with a top-level ``as_of``, oldest first. The files were
    validated before any page renders, so a file that cannot be read here has
    no ``as_of`` to report."""
    found = []
    for path in sorted(data_dir.rglob("*.yml")):
        data, problems = load_yaml(path)
        as_of = data.get("as_of") if not problems and isinstance(data, dict) else None
        try:
            day = date.fromisoformat(as_of) if isinstance(as_of, str) else None
        except ValueError:
            day = None
        if day is not None:
            found.append(CheckedFile(relative(path), day, (today - day).days))
    return sorted(found, key=lambda f: (f.as_of, f.path))
