"""The Convention's rules, key facts, the list of signatories and the treaty
status, read once from ``data/`` and checked beyond their schemas (real
dates in range, known sources, no duplicates).

Counts shown on pages are computed here from the signatories, never typed;
the rules' key facts (the signature deadline, the 40 instruments, the 90
days) are computed from ``data/convention.yml``, never declared twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from hanoi.catalogues import N_, translate
from hanoi.clock import BuildClock
from hanoi.datafiles import DATA_DIR, Located, load_validated, nfc_problems, problem_at, relative
from hanoi.dates import DateSpan, checked_date, checked_span
from hanoi.formatting import format_date, format_number
from hanoi.languages import LANGUAGES
from hanoi.problems import Problem
from hanoi.sources import Source, cited, parse_sources, retrieved_problems, source_problems
from hanoi.status.convention import CONVENTION_FILE, TreatyRules
from hanoi.status.countries import iso3_problems
from hanoi.status.treaty import (
    REGIONAL_ORGANIZATION,
    TREATY_STATUS_FILE,
    TreatyRecord,
    TreatyStatus,
    compute_status,
    parse_treaty_record,
)

KEY_FACTS_FILE = DATA_DIR / "key_facts.yml"
SIGNATURES_FILE = DATA_DIR / "signatures.yml"
FACT_SCHEMAS = ("key_facts", "signatures", "treaty_status")


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
    in_hanoi: bool  # signed during the days of signature in Hanoi
    type: str = "state"
    iso3: str | None = None  # ISO 3166-1 alpha-3; None for a regional organization

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
    rules: TreatyRules
    facts: Mapping[str, Fact]
    signatures: Signatures
    treaty: TreatyRecord

    def status(self, clock: BuildClock) -> TreatyStatus:
        return compute_status(self.rules, self.treaty, self.signatures, clock)


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


def _parse_signatures(data: Located, file: Path, rules: TreatyRules, today: date) -> tuple[Signatures, list[Problem]]:
    problems = []
    name = relative(file)
    sources = parse_sources(data)
    as_of, more = checked_date(data, ["as_of"], file, data["as_of"])
    problems += more + _future_problems(data, ["as_of"], file, as_of, today) + retrieved_problems(data, file, today)
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
        regional = entry.get("type") == REGIONAL_ORGANIZATION
        problems += iso3_problems(data, file, ["signatories", index], entry, regional)
        signed, more = checked_span(data, ["signatories", index, "signed"], file, entry["signed"])
        problems += more
        if signed is None:
            continue
        opened, closes = rules.hanoi_days.first, rules.signature_last_day
        latest = min(closes, as_of or closes)
        if not opened <= signed.first <= signed.last <= latest:
            problems.append(
                problem_at(
                    data,
                    ["signatories", index, "signed"],
                    name,
                    f"signature date {entry['signed']} is outside the signature period",
                    f"signature opened on {opened} and closes on {closes}; "
                    f"it cannot be after the list's as_of date ({as_of})",
                )
            )
        signatories.append(
            Signatory(
                entry["id"],
                dict(entry["name"]),
                signed,
                cited(entry["sources"], sources),
                rules.hanoi_days.first <= signed.first and signed.last <= rules.hanoi_days.last,
                entry.get("type", "state"),
                entry.get("iso3"),
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


# Where the counts of this site's list are shown: the list itself, which
# cites a source for each row (the depositary record gives no such count).
SIGNATURE_LIST_PAGE = "convention/signatures/#the-list"


def computed_facts(signatures: Signatures) -> dict[str, Fact]:
    """Facts counted from this site's list of signatories: their source is
    the list, never the depositary record, which gives no such count."""
    source_name = {language: translate(language, "This site's list of signatories") for language in LANGUAGES}

    def fact(key: str, kind: str, value: Any, label: str) -> Fact:
        labels = {language: translate(language, label) for language in LANGUAGES}
        return Fact(key, kind, value, labels, SIGNATURE_LIST_PAGE, source_name, signatures.as_of)

    return {
        "signatories-listed": fact(
            "signatories-listed", "number", len(signatures.signatories), N_("Signatories in this site's list")
        ),
        "signatories-listed-hanoi": fact(
            "signatories-listed-hanoi", "number", len(signatures.in_hanoi), N_("Of which signed in Hanoi")
        ),
        "signatories-listed-after-hanoi": fact(
            "signatories-listed-after-hanoi",
            "number",
            len(signatures.after_hanoi),
            N_("Of which signed later in New York"),
        ),
        "signatures-as-of": fact(
            "signatures-as-of", "date", signatures.as_of, N_("Date the signatory list was last checked")
        ),
    }


def rule_facts(rules: TreatyRules) -> dict[str, Fact]:
    """The key facts of the Convention's rules, from data/convention.yml."""
    values: dict[str, tuple[str, Any]] = {
        "hanoi-opening-date": ("date", rules.hanoi_days.first),
        "hanoi-closing-date": ("date", rules.hanoi_days.last),
        "signature-deadline": ("date", rules.signature_last_day),
        "ratifications-needed": ("number", rules.instruments_required),
        "days-after-fortieth": ("number", rules.days_after),
    }
    return {
        key: Fact(key, kind, value, rules.labels[key], rules.source_url, rules.source_name, rules.source_as_of)
        for key, (kind, value) in values.items()
    }


class FactFiles(NamedTuple):
    key_facts: Path = KEY_FACTS_FILE
    signatures: Path = SIGNATURES_FILE
    treaty: Path = TREATY_STATUS_FILE


DATA_FILES = FactFiles()


def load_site_facts(
    today: date, rules: TreatyRules, files: FactFiles = DATA_FILES
) -> tuple[SiteFacts | None, list[Problem]]:
    """Key facts, signatories and treaty status under the Convention's rules,
    or every problem found in them; ``today`` is the build's day in Hanoi,
    which no as-of date may pass."""
    loaded = [load_validated(path, schema) for path, schema in zip(files, FACT_SCHEMAS, strict=True)]
    problems = [problem for _, found in loaded for problem in found]
    if problems:
        return None, problems
    facts_data, signatures_data, treaty_data = (data for data, _ in loaded)
    facts, problems = _parse_facts(facts_data, files.key_facts, today)
    problems += nfc_problems(facts_data, files.key_facts)
    parsed_signatures, more = _parse_signatures(signatures_data, files.signatures, rules, today)
    problems += more + nfc_problems(signatures_data, files.signatures)
    record, more = parse_treaty_record(treaty_data, files.treaty, parsed_signatures, today)
    problems += more + nfc_problems(treaty_data, files.treaty)
    declared_elsewhere = {key: CONVENTION_FILE for key in rule_facts(rules)} | {
        key: files.signatures for key in computed_facts(parsed_signatures)
    }
    for clash in sorted(set(facts) & set(declared_elsewhere)):
        problems.append(
            problem_at(
                facts_data,
                ["facts", clash],
                files.key_facts,
                f"'{clash}' is computed from {relative(declared_elsewhere[clash])}",
                "delete this entry: the site computes it, and pages quote it the same way",
            )
        )
    problems += _copies_of_the_deadline(facts_data, facts, rules, files.key_facts)
    if problems or record is None:
        return None, problems
    return SiteFacts(
        rules, {**facts, **rule_facts(rules), **computed_facts(parsed_signatures)}, parsed_signatures, record
    ), []


def _copies_of_the_deadline(data: Located, facts: Mapping[str, Fact], rules: TreatyRules, file: Path) -> list[Problem]:
    """A key fact that repeats the signature deadline under another id: two
    copies that would drift apart the day one is corrected."""
    return [
        problem_at(
            data,
            ["facts", fact.id],
            file,
            f"'{fact.id}' repeats the signature deadline declared in {relative(CONVENTION_FILE)}",
            "delete this entry and quote <!-- fact id=signature-deadline --> instead",
        )
        for fact in facts.values()
        if fact.kind == "date" and fact.value == rules.signature_last_day
    ]
