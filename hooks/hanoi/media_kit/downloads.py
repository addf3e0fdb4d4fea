"""The media kit: the downloadable files of one language, and one zip of
them per language.

Sizes are those of the bytes the build then writes, so the downloads page
can never show a stale size; they are formatted with Babel's CLDR units for
the reader's language ("85 kB", "85 kB", "85 ko").
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

from babel.units import format_unit

from hanoi.formatting import babel_locale

# The programme exports the kit offers (hanoi.programme.exports), in its programme folder.
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


@dataclass(frozen=True)
class Member:
    name: str  # path inside the zip
    content: bytes


def zip_of(members: list[Member], stamp: date) -> bytes:
    """A deterministic zip: sorted names, one fixed timestamp, fixed permissions.

    The same files give the same bytes, so the zip changes only when a file in it does.
    """
    moment = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member in sorted(members, key=lambda m: m.name):
            info = zipfile.ZipInfo(member.name, date_time=moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, member.content, compresslevel=9)
    return out.getvalue()
