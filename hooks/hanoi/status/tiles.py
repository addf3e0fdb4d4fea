"""The tile map of participants: each State one equal square in its
approximate place (``data/tile_grid.yml``, derived from a published world
tile grid, CC BY-SA 4.0), and where each stands under the Convention.

Equal tiles rather than drawn borders: no boundary or territory is drawn
that one of the site's audiences could dispute, small island States are as
visible as large States, and each State counts once, as its instrument does.
Every UN Member State has a tile; an observer State's tile is shown once it
signs or deposits. The European Union, a signatory but not a State, is shown
apart (``TileMap.regional``), never on the grid.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hanoi.datafiles import DATA_DIR, Located, load_validated, problem_at, relative
from hanoi.formatting import format_number
from hanoi.problems import Problem
from hanoi.status.collation import sort_key
from hanoi.status.countries import is_iso3
from hanoi.status.facts import SiteFacts

TILE_GRID_FILE = DATA_DIR / "tile_grid.yml"


class Standing(enum.Enum):
    """Where a participant stands, furthest first."""

    DEPOSITED = "deposited"  # an instrument of ratification, acceptance, approval or accession
    SIGNED = "signed"  # signed, no instrument deposited
    NEITHER = "neither"


@dataclass(frozen=True)
class TileGrid:
    """``data/tile_grid.yml``, checked."""

    members: Mapping[str, tuple[int, int]]  # ISO 3166-1 alpha-3 -> (column, row)
    observers: Mapping[str, tuple[int, int]]
    placed_here: tuple[str, ...]  # tiles this site placed (not in the source)
    source: Mapping[str, str]  # the credit: titles, authors, addresses and licence

    def cell(self, code: str) -> tuple[int, int] | None:
        return self.members.get(code) or self.observers.get(code)


@dataclass(frozen=True)
class Participant:
    code: str | None  # None for a regional organization
    name: Mapping[str, str] | None  # by language; None for a State not in the site's data
    standing: Standing
    cell: tuple[int, int] | None  # None for a regional organization (shown apart)


@dataclass(frozen=True)
class TileMap:
    states: tuple[Participant, ...]  # every tile shown, by code
    regional: tuple[Participant, ...]  # regional organizations, shown apart


def load_tile_grid(file: Path = TILE_GRID_FILE) -> tuple[TileGrid | None, list[Problem]]:
    data, problems = load_validated(file, "tile_grid")
    if problems:
        return None, problems
    problems = _grid_problems(data, file)
    if problems:
        return None, problems
    return TileGrid(
        {code: (cell[0], cell[1]) for code, cell in data["member_states"].items()},
        {code: (cell[0], cell[1]) for code, cell in data["observer_states"].items()},
        tuple(data["placed_by_this_site"]),
        dict(data["source"]),
    ), []


def _grid_problems(data: Located, file: Path) -> list[Problem]:
    """Known codes, each State once, one State per cell, placed tiles that exist."""
    problems = []
    taken: dict[tuple[int, int], str] = {}
    for group in ("member_states", "observer_states"):
        for code, cell in data[group].items():
            path = [group, code]
            if not is_iso3(code):
                problems.append(
                    problem_at(
                        data,
                        path,
                        file,
                        f"'{code}' is not an ISO 3166-1 alpha-3 code",
                        "key the tile by the State's three-letter code from ISO 3166-1, e.g. VNM",
                    )
                )
            if group == "observer_states" and code in data["member_states"]:
                problems.append(
                    problem_at(
                        data, path, file, f"'{code}' has a tile among the member States too", "keep one of the two"
                    )
                )
            here = (cell[0], cell[1])
            if here in taken:
                problems.append(
                    problem_at(
                        data,
                        path,
                        file,
                        f"'{code}' is on the cell {list(here)} of '{taken[here]}'",
                        "place each State on a cell of its own: a free cell next to its neighbours",
                    )
                )
            taken.setdefault(here, code)
    for index, code in enumerate(data["placed_by_this_site"]):
        if code not in data["member_states"] and code not in data["observer_states"]:
            problems.append(
                problem_at(
                    data,
                    ["placed_by_this_site", index],
                    file,
                    f"'{code}' has no tile",
                    "list only the codes of tiles this site placed, below",
                )
            )
    return problems


@dataclass(frozen=True)
class _Known:
    code: str | None  # ISO 3166-1 alpha-3; None for a regional organization
    name: Mapping[str, str]
    standing: Standing


def _known(facts: SiteFacts) -> dict[str, _Known]:
    """Each participant of the site's data, by its id, at its furthest step."""
    found = {s.id: _Known(s.iso3, s.name, Standing.SIGNED) for s in facts.signatures.signatories}
    found.update({d.party: _Known(d.iso3, d.name, Standing.DEPOSITED) for d in facts.treaty.deposits})
    return found


def missing_tiles(grid: TileGrid, facts: SiteFacts) -> list[Problem]:
    """A State of the site's data without a tile would be missing from the map."""
    return [
        Problem(
            relative(TILE_GRID_FILE),
            None,
            "",
            f"{known.name['en']} ({known.code}) has no tile on the map",
            f"add `{known.code}: [column, row]` under observer_states (or member_states), on a free cell next "
            "to its neighbours, with a comment saying why there",
        )
        for known in _known(facts).values()
        if known.code is not None and grid.cell(known.code) is None
    ]


def tile_map(grid: TileGrid, facts: SiteFacts) -> TileMap:
    """Every member State's tile and the observer States that take part,
    each with its standing; regional organizations apart."""
    known = _known(facts).values()
    by_code = {k.code: k for k in known if k.code is not None}
    shown = {**grid.members, **{code: cell for code, cell in grid.observers.items() if code in by_code}}
    states = tuple(
        Participant(code, by_code[code].name, by_code[code].standing, cell)
        if code in by_code
        else Participant(code, None, Standing.NEITHER, cell)
        for code, cell in sorted(shown.items())
    )
    regional = tuple(Participant(None, k.name, k.standing, None) for k in known if k.code is None)
    return TileMap(states, regional)


# The picture's units: a tile is TILE wide, one unit apart from the next.
PITCH, TILE = 10, 9


def tile_map_view(grid: TileGrid, facts: SiteFacts, language: str) -> dict[str, Any]:
    """The tiles' places in the picture's units, and the same facts as text:
    each standing with its count and its States, named where the site's
    data names them (in the page's language), else by ISO code."""
    shown = tile_map(grid, facts)
    columns = [p.cell[0] for p in shown.states if p.cell]
    rows = [p.cell[1] for p in shown.states if p.cell]
    left, top = min(columns), min(rows)

    def name(participant: Participant) -> str | None:
        return participant.name[language] if participant.name else None

    # While the list of instruments is not complete, how many were deposited
    # is not confirmed: never shown as a number (0 would be a claim).
    complete = facts.treaty.complete
    groups = []
    for standing in Standing:
        members = [p for p in shown.states if p.standing is standing]
        named = sorted((n for p in members if (n := name(p))), key=lambda n: sort_key(n, language))
        confirmed = complete or standing is not Standing.DEPOSITED
        groups.append(
            {
                "standing": standing.value,
                "count": len(members) if confirmed else None,
                "count_text": format_number(len(members), language) if confirmed else None,
                "names": named,
                "codes": sorted(p.code for p in members if p.code and not p.name),
            }
        )
    observers = [p for p in shown.states if p.code in grid.observers]
    return {
        "width": (max(columns) - left + 1) * PITCH - (PITCH - TILE),
        "height": (max(rows) - top + 1) * PITCH - (PITCH - TILE),
        "tile": TILE,
        "tiles": [
            {
                "code": p.code,
                "name": name(p),
                "standing": p.standing.value,
                "x": (p.cell[0] - left) * PITCH,
                "y": (p.cell[1] - top) * PITCH,
            }
            for p in shown.states
            if p.cell
        ],
        "groups": groups,
        "total": len(shown.states),
        "total_text": format_number(len(shown.states), language),
        "members_text": format_number(len(grid.members), language),
        "observers": [name(p) or p.code for p in observers],
        "regional": [{"name": name(p), "standing": p.standing.value} for p in shown.regional],
        "complete": complete,
        "source": grid.source,
        "placed_here": list(grid.placed_here),
    }
