"""Which site id a name in the depositary record stands for.

The record writes some names its own way ("Czech Republic", a straight
apostrophe in "Côte d'Ivoire") and renames participants over time, so the
match is explicit: ``data/depositary_names.yml`` first, then the site's
English name exactly. Nothing is guessed: an unknown name stops the sync.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from hanoi.datafiles import DATA_DIR, load_validated, problem_at
from hanoi.problems import Problem
from hanoi.status.facts import SiteFacts

DEPOSITARY_NAMES_FILE = DATA_DIR / "depositary_names.yml"


def site_names(facts: SiteFacts) -> dict[str, str]:
    """Each participant's English name on the site -> its id: the signatories,
    and the States that acceded without signing (named in their deposit)."""
    names = {s.name["en"]: s.id for s in facts.signatures.signatories}
    names.update({d.name["en"]: d.party for d in facts.treaty.deposits})
    return names


def load_depositary_names(facts: SiteFacts, path: Path = DEPOSITARY_NAMES_FILE) -> tuple[dict[str, str], list[Problem]]:
    """The table, checked: each id is one the site knows, and no alias says
    otherwise than the site's own English name."""
    data, problems = load_validated(path, "depositary_names")
    if problems:
        return {}, problems
    names: dict[str, str] = dict(data["names"])
    known = site_names(facts)
    ids = set(known.values())
    for name, site_id in names.items():
        if site_id not in ids:
            problems.append(
                problem_at(
                    data,
                    ["names", name],
                    path,
                    f"'{site_id}' is not an id the site knows",
                    "use the id of a signatory in data/signatures.yml or of an acceding State in "
                    "data/treaty_status.yml",
                )
            )
        elif known.get(name, site_id) != site_id:
            problems.append(
                problem_at(
                    data,
                    ["names", name],
                    path,
                    f"'{name}' is the English name of '{known[name]}' on the site, not of '{site_id}'",
                    f"delete this line, or correct the id to {known[name]}",
                )
            )
    return names, problems


def matched(name: str, aliases: Mapping[str, str], known: Mapping[str, str]) -> str | None:
    """The site id of a name in the record, or None."""
    return aliases.get(name) or known.get(name)
