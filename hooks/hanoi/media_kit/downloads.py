"""The media kit: the downloadable files of one language, measured on disk,
and one zip of them per language.

Sizes are measured from the files as written, after every hook that writes
files has run, so the downloads page can never show a stale size; they are
formatted with Babel's CLDR units for the reader's language ("85 kB",
"85 kB", "85 ko").
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.units import format_unit

from hanoi.formatting import babel_locale
from hanoi.languages import LANGUAGES, language_prefix

# The programme exports (hooks/programme.py), in the language's programme folder.
PROGRAMME_FILES = ("programme.ics", "programme.json", "schedule.json")
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".ics": "text/calendar",
    ".json": "application/json",
    ".zip": "application/zip",
}
FORMATS = {".pdf": "PDF", ".ics": "iCalendar", ".json": "JSON", ".zip": "ZIP"}


def format_size(size: int, language: str) -> str:
    """Bytes as kB (or MB from 1,000 kB), decimal units, in the language's CLDR form.

    Never "0 kB": anything from 1 byte shows as at least 1 kB.
    """
    locale = babel_locale(language)
    if size >= 1_000_000:
        return format_unit(
            round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=locale, format="#,##0.0"
        )
    return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)


def zip_path(language: str) -> str:
    """The kit's zip, from the site root: one stable name per language."""
    return f"media/hanoi-convention-media-kit.{language}.zip"


def programme_files(site_dir: Path, language: str) -> list[Path]:
    """The programme exports written for this language, if any, by file name.

    Looked up by name in the language's own tree (for the default language,
    outside the other languages' folders), so the kit does not depend on
    the folder the programme page lives in.
    """
    root = site_dir / language_prefix(language)
    others = {other for other in LANGUAGES if other != language and language_prefix(other)}
    found: dict[str, Path] = {}
    # os.walk, names only: the tree holds every page and export of the language.
    for folder, folders, names in os.walk(root):
        if Path(folder) == root:
            folders[:] = [f for f in folders if f not in others]
        for name in names:
            if name in PROGRAMME_FILES:
                path = Path(folder, name)
                if name not in found or path < found[name]:  # the first in path order, as before
                    found[name] = path
    return [found[name] for name in PROGRAMME_FILES if name in found]


def programme_as_of(files: list[Path]) -> date | None:
    """The date the programme was checked: the ``as_of`` of its open data
    (programme.json), which the calendar and schedule are made from."""
    for path in files:
        if path.name == "programme.json":
            try:
                return date.fromisoformat(json.loads(path.read_text(encoding="utf-8"))["as_of"])
            except (ValueError, KeyError, TypeError):
                return None
    return None


@dataclass(frozen=True)
class Member:
    name: str  # path inside the zip
    path: Path


def write_zip(target: Path, members: list[Member], stamp: date) -> None:
    """A deterministic zip: sorted names, one fixed timestamp, fixed permissions.

    The same files give the same bytes, so the zip changes only when a file in it does.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    moment = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(target, "w") as archive:
        for member in sorted(members, key=lambda m: m.name):
            info = zipfile.ZipInfo(member.name, date_time=moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, member.path.read_bytes(), compresslevel=9)
