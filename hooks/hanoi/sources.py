"""Sources that data files cite: a name in each language, an address and a
kind (depositary record, its government copy, official, news, secondary), so
that readers see who says what, in their language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hanoi.datafiles import Located, problem_at
from hanoi.problems import Problem


@dataclass(frozen=True)
class Source:
    """A public source that data cite: the status data's (with its kind)
    and the programme's (with its title, in its own language)."""

    id: str
    name: Mapping[str, str] = field(compare=False)  # by language; a source is known by its id and address
    url: str
    kind: str = ""  # depositary, depositary-mirror, official, news or secondary; "" where data do not classify
    # ISO 639 code of the language it is written in, when the data gives it:
    # readers of another language are told, as in the pages' own source lists.
    language: str | None = None
    # The day it was last read (the sync sets it for the depositary record,
    # which carries no "status as at" of its own); readers see it beside it.
    retrieved: date | None = field(default=None, compare=False)
    title: str = field(default="", compare=False)  # the page's own title, in its own language


# Kinds of source, the most authoritative first (data/schema/source.schema.json).
SOURCE_KINDS = ("depositary", "depositary-mirror", "official", "news", "secondary")


def confirmation(sources: tuple[Source, ...], checked_on: date) -> tuple[date, str]:
    """When and by what kind of source a row was last confirmed: its most
    authoritative source, on the day that source was read, or else on the
    day its file was last checked against its sources (``as_of``)."""
    best = min(sources, key=lambda s: SOURCE_KINDS.index(s.kind))
    return best.retrieved or checked_on, best.kind


def parse_sources(data: Located) -> dict[str, Source]:
    """A data file's schema-checked ``sources:`` (a ``retrieved`` that is no
    real day is reported by ``retrieved_problems``)."""
    return {
        key: Source(key, dict(s["name"]), s["url"], s["kind"], s.get("language"), _day(s.get("retrieved")))
        for key, s in data["sources"].items()
    }


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def retrieved_problems(data: Located, file: Path, today: date) -> list[Problem]:
    """A source read on a day that does not exist, or after the build's day."""
    problems = []
    for key, source in data["sources"].items():
        text = source.get("retrieved")
        day = _day(text)
        if text and (day is None or day > today):
            problems.append(
                problem_at(
                    data,
                    ["sources", key, "retrieved"],
                    file,
                    f"'{text}' is not a real day on or before the build's day ({today})",
                    'write the day the source was read, "YYYY-MM-DD", or leave the field out',
                )
            )
    return problems


def source_problems(
    data: Located, file: Path, path: list[Any], cited: list[str], known: Mapping[str, Source]
) -> list[Problem]:
    unknown = [s for s in cited if s not in known]
    if not unknown:
        return []
    return [
        problem_at(
            data,
            path,
            file,
            f"unknown source {', '.join(unknown)}",
            f"use one of: {', '.join(sorted(known))}, or add the source under `sources:`",
        )
    ]


def cited(ids: list[str], known: Mapping[str, Source]) -> tuple[Source, ...]:
    return tuple(known[i] for i in ids if i in known)
