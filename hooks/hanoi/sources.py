"""Sources that data files cite: a name in each language, an address and a
kind (depositary record, its government copy, official, news, secondary), so
that readers see who says what, in their language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hanoi.datafiles import Located, problem_at
from hanoi.problems import Problem


@dataclass(frozen=True)
class Source:
    id: str
    name: Mapping[str, str] = field(compare=False)  # by language; a source is known by its id and address
    url: str
    kind: str  # depositary, depositary-mirror, official, news or secondary
    # ISO 639 code of the language it is written in, when the data gives it:
    # readers of another language are told, as in the pages' own source lists.
    language: str | None = None


def parse_sources(data: Located) -> dict[str, Source]:
    """A data file's schema-checked ``sources:``."""
    return {
        key: Source(key, dict(s["name"]), s["url"], s["kind"], s.get("language")) for key, s in data["sources"].items()
    }


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
