"""Key facts and the list of signatories, read once from ``data/`` and
checked beyond their schemas (dates in range, known sources, no duplicates).

Counts shown on pages are computed here from the signatories, never typed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from .datafiles import DATA_DIR, Located, line_of, load_validated, relative
from .formatting import format_date, format_number
from .problems import Problem

KEY_FACTS_FILE = DATA_DIR / "key_facts.yml"
SIGNATURES_FILE = DATA_DIR / "signatures.yml"

HANOI_DAYS = (date(2025, 10, 25), date(2025, 10, 26))
SIGNATURE_CLOSES = date(2026, 12, 31)


@dataclass(frozen=True)
class Fact:
    id: str
    kind: str
    value: Any
    label: Mapping[str, str]
    source: str
    source_name: str
    as_of: date

    def text(self, language: str) -> str:
        if self.kind == "date":
            return format_date(self.value, language)
        if self.kind == "number":
            return format_number(self.value, language)
        return str(self.value)

    def machine_value(self) -> str:
        return self.value.isoformat() if self.kind == "date" else str(self.value)


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    url: str


@dataclass(frozen=True)
class Signatory:
    id: str
    name: Mapping[str, str]
    signed: date
    sources: tuple[Source, ...]

    @property
    def in_hanoi(self) -> bool:
        return self.signed in HANOI_DAYS


@dataclass(frozen=True)
class Signatures:
    as_of: date
    signatories: tuple[Signatory, ...]

    @property
    def in_hanoi(self) -> tuple[Signatory, ...]:
        return tuple(s for s in self.signatories if s.in_hanoi)

    @property
    def after_hanoi(self) -> tuple[Signatory, ...]:
        return tuple(s for s in self.signatories if not s.in_hanoi)


@dataclass(frozen=True)
class SiteFacts:
    facts: Mapping[str, Fact]
    signatures: Signatures


def nfc_problems(data: Any, file: Path) -> list[Problem]:
    """Vietnamese must be stored composed (NFC) so that search and PDFs match."""
    problems: list[Problem] = []

    def visit(node: Any, path: tuple) -> None:
        if isinstance(node, str) and unicodedata.normalize("NFC", node) != node:
            line, place = line_of(data, path)
            problems.append(Problem(relative(file), line, place, "text is not in Unicode NFC (decomposed accents)",
                                    "retype the accented letters, or save the file with an editor set to NFC"))
        elif isinstance(node, dict):
            for key, value in node.items():
                visit(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, path + (index,))

    visit(data, ())
    return problems


def _parse_facts(data: Located, file: Path) -> tuple[dict[str, Fact], list[Problem]]:
    facts = {}
    problems = []
    for fact_id, entry in data["facts"].items():
        value = date.fromisoformat(entry["value"]) if entry["kind"] == "date" else entry["value"]
        facts[fact_id] = Fact(fact_id, entry["kind"], value, dict(entry["label"]), entry["source"],
                              entry.get("source_name", ""), date.fromisoformat(entry["as_of"]))
        if date.fromisoformat(entry["as_of"]) > date.today():
            line, place = line_of(data, ["facts", fact_id, "as_of"])
            problems.append(Problem(relative(file), line, place, "the as-of date is in the future",
                                    "give the date the source published or you checked the fact"))
    return facts, problems


def _parse_signatures(data: Located, file: Path) -> tuple[Signatures, list[Problem]]:
    problems = []
    name = relative(file)
    sources = {key: Source(key, s["name"], s["url"]) for key, s in data["sources"].items()}
    as_of = date.fromisoformat(data["as_of"])
    seen: dict[str, int] = {}
    signatories = []
    for index, entry in enumerate(data["signatories"]):
        where = lambda field: line_of(data, ["signatories", index, field])  # noqa: E731
        if entry["id"] in seen:
            line, place = where("id")
            problems.append(Problem(name, line, place, f"duplicate id '{entry['id']}' (also entry {seen[entry['id']] + 1})",
                                    "each signatory appears once: delete or merge the duplicate"))
        seen[entry["id"]] = index
        unknown = [s for s in entry["sources"] if s not in sources]
        if unknown:
            line, place = where("sources")
            problems.append(Problem(name, line, place, f"unknown source {', '.join(unknown)}",
                                    f"use one of: {', '.join(sorted(sources))}, or add the source under `sources:`"))
        signed = date.fromisoformat(entry["signed"])
        if not HANOI_DAYS[0] <= signed <= min(SIGNATURE_CLOSES, as_of):
            line, place = where("signed")
            problems.append(Problem(name, line, place, f"signature date {signed} is outside the signature period",
                                    f"signature opened on {HANOI_DAYS[0]} and closes on {SIGNATURE_CLOSES}; "
                                    f"it cannot be after the list's as_of date ({as_of})"))
        signatories.append(Signatory(entry["id"], dict(entry["name"]), signed,
                                     tuple(sources[s] for s in entry["sources"] if s in sources)))
    return Signatures(as_of, tuple(signatories)), problems


def computed_facts(signatures: Signatures) -> dict[str, Fact]:
    """Facts counted from the signatories file; their source is that file."""
    source = "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml"
    count = lambda key, value, en, vi, fr: Fact(  # noqa: E731
        key, "number", value, {"en": en, "vi": vi, "fr": fr}, source, "UN Treaty Collection", signatures.as_of)
    return {
        "signatories-listed": count("signatories-listed", len(signatures.signatories),
                                    "Signatories in this site's list", "Bên ký trong danh sách của trang này",
                                    "Signataires dans la liste de ce site"),
        "signatories-listed-hanoi": count("signatories-listed-hanoi", len(signatures.in_hanoi),
                                          "Of which signed in Hanoi", "Trong đó ký tại Hà Nội", "Dont signés à Hanoï"),
        "signatories-listed-after-hanoi": count("signatories-listed-after-hanoi", len(signatures.after_hanoi),
                                                "Of which signed later in New York", "Trong đó ký sau tại New York",
                                                "Dont signés ensuite à New York"),
        "signatures-as-of": Fact("signatures-as-of", "date", signatures.as_of,
                                 {"en": "Signatory list checked on", "vi": "Danh sách bên ký được cập nhật ngày",
                                  "fr": "Liste des signataires vérifiée le"}, source, "UN Treaty Collection",
                                 signatures.as_of),
    }


@lru_cache(maxsize=4)
def _load(key_facts: Path, signatures: Path, _mtimes: tuple[float, float]) -> tuple[SiteFacts | None, tuple[Problem, ...]]:
    facts_data, problems = load_validated(key_facts, "key_facts")
    signatures_data, more = load_validated(signatures, "signatures")
    problems += more
    if problems:
        return None, tuple(problems)
    facts, more = _parse_facts(facts_data, key_facts)
    problems += more + nfc_problems(facts_data, key_facts)
    parsed_signatures, more = _parse_signatures(signatures_data, signatures)
    problems += more + nfc_problems(signatures_data, signatures)
    clashes = sorted(set(facts) & set(computed_facts(parsed_signatures)))
    for clash in clashes:
        line, place = line_of(facts_data, ["facts", clash])
        problems.append(Problem(relative(key_facts), line, place, f"'{clash}' is counted from {relative(signatures)}",
                                "delete this entry: the site computes it"))
    return SiteFacts({**facts, **computed_facts(parsed_signatures)}, parsed_signatures), tuple(problems)


def load_site_facts(key_facts: Path = KEY_FACTS_FILE, signatures: Path = SIGNATURES_FILE) -> tuple[SiteFacts | None, list[Problem]]:
    """Key facts and signatories, or every problem found in them."""
    mtimes = tuple(p.stat().st_mtime if p.exists() else 0.0 for p in (key_facts, signatures))
    site_facts, problems = _load(key_facts, signatures, mtimes)  # type: ignore[arg-type]
    return site_facts, list(problems)
