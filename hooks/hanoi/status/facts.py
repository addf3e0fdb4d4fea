"""Key facts, the list of signatories and the treaty status, read once from
``data/`` and checked beyond their schemas (real dates in range, known
sources, no duplicates).

Counts shown on pages are computed here from the signatories, never typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hanoi.clock import site_today
from hanoi.datafiles import DATA_DIR, Located, load_validated, problem_at, relative
from hanoi.dates import DateSpan, checked_date, checked_span
from hanoi.formatting import format_date, format_number
from hanoi.problems import Problem
from hanoi.sources import Source, cited, parse_sources, source_problems
from hanoi.status.treaty import (
    HANOI_DAYS,
    REGIONAL_ORGANIZATION,
    SIGNATURE_CLOSES,
    TREATY_STATUS_FILE,
    TreatyRecord,
    TreatyStatus,
    compute_status,
    parse_treaty_record,
)

KEY_FACTS_FILE = DATA_DIR / "key_facts.yml"
SIGNATURES_FILE = DATA_DIR / "signatures.yml"


@dataclass(frozen=True)
class Fact:
    id: str
    kind: str
    value: Any
    label: Mapping[str, str]
    source: str
    source_name: Mapping[str, str]  # by language
    as_of: date
    qualifier: str | None = None  # "more-than": the source gives a lower bound

    def text(self, language: str) -> str:
        if self.kind == "date":
            return format_date(self.value, language)
        if self.kind == "number":
            return format_number(self.value, language)
        return str(self.value)

    def machine_value(self) -> str:
        return self.value.isoformat() if self.kind == "date" else str(self.value)


@dataclass(frozen=True)
class Signatory:
    id: str
    name: Mapping[str, str]
    signed: DateSpan  # a day, or the span of days the sources allow
    sources: tuple[Source, ...]
    type: str = "state"

    @property
    def in_hanoi(self) -> bool:
        return HANOI_DAYS[0] <= self.signed.first and self.signed.last <= HANOI_DAYS[-1]

    @property
    def is_regional_organization(self) -> bool:
        """Art. 65(1): such an organization's instrument does not count toward the 40."""
        return self.type == REGIONAL_ORGANIZATION


@dataclass(frozen=True)
class Signatures:
    as_of: date
    signatories: tuple[Signatory, ...]
    sources: Mapping[str, Source]

    @property
    def in_hanoi(self) -> tuple[Signatory, ...]:
        return tuple(s for s in self.signatories if s.in_hanoi)

    @property
    def after_hanoi(self) -> tuple[Signatory, ...]:
        return tuple(s for s in self.signatories if not s.in_hanoi)

    def by_id(self) -> dict[str, Signatory]:
        return {s.id: s for s in self.signatories}


@dataclass(frozen=True)
class SiteFacts:
    facts: Mapping[str, Fact]
    signatures: Signatures
    treaty: TreatyRecord

    def status(self, today: date) -> TreatyStatus:
        return compute_status(self.treaty, self.signatures, today)


def nfc_problems(data: Any, file: Path) -> list[Problem]:
    """Vietnamese must be stored composed (NFC) so that search and PDFs match."""
    problems: list[Problem] = []

    def visit(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, str) and unicodedata.normalize("NFC", node) != node:
            problems.append(
                problem_at(
                    data,
                    path,
                    file,
                    "text is not in Unicode NFC (decomposed accents)",
                    "retype the accented letters, or save the file with an editor set to NFC",
                )
            )
        elif isinstance(node, dict):
            for key, value in node.items():
                visit(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, path + (index,))

    visit(data, ())
    return problems


def _parse_facts(data: Located, file: Path, today: date) -> tuple[dict[str, Fact], list[Problem]]:
    facts = {}
    problems = []
    for fact_id, entry in data["facts"].items():
        path = ["facts", fact_id]
        value: Any = entry["value"]
        if entry["kind"] == "date":
            value, more = checked_date(data, path + ["value"], file, entry["value"])
            problems += more
        as_of, more = checked_date(data, path + ["as_of"], file, entry["as_of"])
        problems += more + _future_problems(data, path + ["as_of"], file, as_of, today)
        if value is not None and as_of is not None:
            facts[fact_id] = Fact(
                fact_id,
                entry["kind"],
                value,
                dict(entry["label"]),
                entry["source"],
                dict(entry["source_name"]),
                as_of,
                entry.get("qualifier"),
            )
    return facts, problems


def _parse_signatures(data: Located, file: Path, today: date) -> tuple[Signatures, list[Problem]]:
    problems = []
    name = relative(file)
    sources = parse_sources(data)
    as_of, more = checked_date(data, ["as_of"], file, data["as_of"])
    problems += more + _future_problems(data, ["as_of"], file, as_of, today)
    seen: dict[str, int] = {}
    signatories = []
    for index, entry in enumerate(data["signatories"]):
        if entry["id"] in seen:
            problems.append(
                problem_at(
                    data,
                    ["signatories", index, "id"],
                    name,
                    f"duplicate id '{entry['id']}' (also entry {seen[entry['id']] + 1})",
                    "each signatory appears once: delete or merge the duplicate",
                )
            )
        seen[entry["id"]] = index
        problems += source_problems(data, file, ["signatories", index, "sources"], entry["sources"], sources)
        signed, more = checked_span(data, ["signatories", index, "signed"], file, entry["signed"])
        problems += more
        if signed is None:
            continue
        latest = min(SIGNATURE_CLOSES, as_of or SIGNATURE_CLOSES)
        if not HANOI_DAYS[0] <= signed.first <= signed.last <= latest:
            problems.append(
                problem_at(
                    data,
                    ["signatories", index, "signed"],
                    name,
                    f"signature date {entry['signed']} is outside the signature period",
                    f"signature opened on {HANOI_DAYS[0]} and closes on {SIGNATURE_CLOSES}; "
                    f"it cannot be after the list's as_of date ({as_of})",
                )
            )
        signatories.append(
            Signatory(
                entry["id"], dict(entry["name"]), signed, cited(entry["sources"], sources), entry.get("type", "state")
            )
        )
    return Signatures(as_of or today, tuple(signatories), sources), problems


def _future_problems(data: Any, path: list[Any], file: Path, day: date | None, today: date) -> list[Problem]:
    if day is None or day <= today:
        return []
    return [
        problem_at(
            data,
            path,
            file,
            f"the as-of date {day} is in the future (the build's date is {today})",
            "give the date the source published the figure or you checked it",
        )
    ]


def computed_facts(signatures: Signatures) -> dict[str, Fact]:
    """Facts counted from the signatories file; their source is that file's
    first source, the depositary record."""
    source = next(iter(signatures.sources.values()))

    def count(key: str, value: int, en: str, vi: str, fr: str) -> Fact:
        return Fact(key, "number", value, {"en": en, "vi": vi, "fr": fr}, source.url, source.name, signatures.as_of)

    return {
        "signatories-listed": count(
            "signatories-listed",
            len(signatures.signatories),
            "Signatories in this site's list",
            "Bên ký trong danh sách của trang này",
            "Signataires dans la liste de ce site",
        ),
        "signatories-listed-hanoi": count(
            "signatories-listed-hanoi",
            len(signatures.in_hanoi),
            "Of which signed in Hanoi",
            "Trong đó ký tại Hà Nội",
            "Dont signés à Hanoï",
        ),
        "signatories-listed-after-hanoi": count(
            "signatories-listed-after-hanoi",
            len(signatures.after_hanoi),
            "Of which signed later in New York",
            "Trong đó ký sau tại New York",
            "Dont signés ensuite à New York",
        ),
        "signatures-as-of": Fact(
            "signatures-as-of",
            "date",
            signatures.as_of,
            {
                "en": "Signatory list checked on",
                "vi": "Danh sách bên ký được cập nhật ngày",
                "fr": "Liste des signataires vérifiée le",
            },
            source.url,
            source.name,
            signatures.as_of,
        ),
    }


DATA_FILES = (KEY_FACTS_FILE, SIGNATURES_FILE, TREATY_STATUS_FILE)


def load_site_facts(files: tuple[Path, Path, Path] = DATA_FILES) -> tuple[SiteFacts | None, list[Problem]]:
    """Key facts, signatories and treaty status, or every problem found in them."""
    key_facts, signatures, treaty = files
    today = site_today()
    facts_data, problems = load_validated(key_facts, "key_facts")
    signatures_data, more = load_validated(signatures, "signatures")
    treaty_data, even_more = load_validated(treaty, "treaty_status")
    problems += more + even_more
    if problems:
        return None, problems
    facts, more = _parse_facts(facts_data, key_facts, today)
    problems += more + nfc_problems(facts_data, key_facts)
    parsed_signatures, more = _parse_signatures(signatures_data, signatures, today)
    problems += more + nfc_problems(signatures_data, signatures)
    record, more = parse_treaty_record(treaty_data, treaty, parsed_signatures, today)
    problems += more + nfc_problems(treaty_data, treaty)
    clashes = sorted(set(facts) & set(computed_facts(parsed_signatures)))
    for clash in clashes:
        problems.append(
            problem_at(
                facts_data,
                ["facts", clash],
                key_facts,
                f"'{clash}' is counted from {relative(signatures)}",
                "delete this entry: the site computes it",
            )
        )
    if problems or record is None:
        return None, problems
    return SiteFacts({**facts, **computed_facts(parsed_signatures)}, parsed_signatures, record), []
