"""Each State's ISO 3166-1 alpha-3 code (``iso3`` in the data files), the
key the open data and maps use: declared once per State, checked against
the ISO tables pycountry ships. A regional organization (the European
Union) has no code."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pycountry

from hanoi.datafiles import problem_at
from hanoi.problems import Problem


def is_iso3(code: str) -> bool:
    """Whether ``code`` is a State's ISO 3166-1 alpha-3 code."""
    return pycountry.countries.get(alpha_3=code) is not None


def iso3_problems(data: Any, file: Path, path: list[Any], entry: Mapping[str, Any], regional: bool) -> list[Problem]:
    code = entry.get("iso3")
    if regional and code is not None:
        return [
            problem_at(
                data,
                path + ["iso3"],
                file,
                "a regional organization has no ISO 3166-1 code",
                "delete the iso3 line (the European Union has none)",
            )
        ]
    if not regional and code is None:
        return [
            problem_at(
                data,
                path,
                file,
                "missing field 'iso3'",
                "add `iso3:` with the State's ISO 3166-1 alpha-3 code, e.g. iso3: VNM",
            )
        ]
    if code is not None and not is_iso3(code):
        return [
            problem_at(
                data,
                path + ["iso3"],
                file,
                f"'{code}' is not an ISO 3166-1 alpha-3 code",
                "write the State's three-letter code from ISO 3166-1 (e.g. VNM for Viet Nam, CIV for Côte d’Ivoire)",
            )
        ]
    return []
