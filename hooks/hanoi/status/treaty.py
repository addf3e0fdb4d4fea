"""Where the Convention stands: instruments deposited, domestic steps, and
the phase computed from them and the date of the build.

Art. 64: open for signature in Hanoi on 25-26 October 2025, then at UN
Headquarters in New York until 31 December 2026; afterwards a State can only
accede. Art. 65(1): the Convention enters into force on the ninetieth day
after the fortieth instrument of ratification, acceptance, approval or
accession is deposited; an instrument of a regional economic integration
organization (the European Union) does not count on top of its member
States'.

An unknown count stays unknown: while ``instruments.complete`` is false in
``data/treaty_status.yml`` the number of instruments deposited is ``None``
("not confirmed"), never 0, and no date of entry into force is computed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hanoi.datafiles import DATA_DIR, Located, problem_at
from hanoi.dates import DateSpan, checked_date, checked_span
from hanoi.problems import Problem
from hanoi.sources import Source, cited, parse_sources, source_problems

if TYPE_CHECKING:
    from hanoi.status.facts import Signatory, Signatures

TREATY_STATUS_FILE = DATA_DIR / "treaty_status.yml"

HANOI_DAYS = (date(2025, 10, 25), date(2025, 10, 26))  # Art. 64(1)
SIGNATURE_CLOSES = date(2026, 12, 31)  # Art. 64(1): then at UN Headquarters until this day
REGIONAL_ORGANIZATION = "regional-organization"

INSTRUMENTS_REQUIRED = 40  # Art. 65(1)
DAYS_AFTER_FORTIETH = 90  # Art. 65(1): "the ninetieth day after"
FRESHNESS_DAYS = 30  # a status older than this is flagged to editors


class Phase(enum.Enum):
    OPEN_FOR_SIGNATURE = "open-for-signature"
    OPEN_FOR_ACCESSION = "open-for-accession"  # signature closed; 40 instruments not (known to be) deposited
    INSTRUMENTS_COMPLETE = "instruments-complete"  # the 40th deposited; entry into force on a known day
    IN_FORCE = "in-force"


@dataclass(frozen=True)
class Deposit:
    party: str
    name: Mapping[str, str]
    kind: str  # ratification, acceptance, approval or accession
    deposited: date
    sources: tuple[Source, ...]
    regional_organization: bool

    @property
    def counts_toward_entry_into_force(self) -> bool:
        return not self.regional_organization


@dataclass(frozen=True)
class DomesticStep:
    party: str
    name: Mapping[str, str]
    date: DateSpan
    summary: Mapping[str, str]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class TreatyRecord:
    """``data/treaty_status.yml``, checked."""

    as_of: date
    depositary_record: str
    complete: bool
    deposits: tuple[Deposit, ...]
    domestic_steps: tuple[DomesticStep, ...]
    sources: Mapping[str, Source]


@dataclass(frozen=True)
class TreatyStatus:
    """The status on one day: what every page, export and share card shows."""

    today: date
    as_of: date
    phase: Phase
    signatories: int
    instruments_deposited: int | None  # counting toward the 40; None while not confirmed
    instruments_required: int
    signature_open_until: date
    fortieth_deposit: date | None
    entry_into_force: date | None
    depositary_record: str

    @property
    def signature_open(self) -> bool:
        return self.today <= self.signature_open_until

    @property
    def days_to_entry_into_force(self) -> int | None:
        return (self.entry_into_force - self.today).days if self.entry_into_force else None


def entry_into_force_date(fortieth_deposit: date) -> date:
    """The ninetieth day after the day of the fortieth deposit."""
    return fortieth_deposit + timedelta(days=DAYS_AFTER_FORTIETH)


def fortieth_deposit(deposits: tuple[Deposit, ...]) -> date | None:
    """The day the fortieth instrument that counts was deposited, if it was."""
    counted = sorted(d.deposited for d in deposits if d.counts_toward_entry_into_force)
    return counted[INSTRUMENTS_REQUIRED - 1] if len(counted) >= INSTRUMENTS_REQUIRED else None


def compute_status(record: TreatyRecord, signatures: Signatures, today: date) -> TreatyStatus:
    # An incomplete list proves neither the count nor the day of the 40th
    # deposit (an unlisted deposit may come first).
    counted = sum(d.counts_toward_entry_into_force for d in record.deposits) if record.complete else None
    fortieth = fortieth_deposit(record.deposits) if record.complete else None
    in_force_on = entry_into_force_date(fortieth) if fortieth else None
    if in_force_on is not None and today >= in_force_on:
        phase = Phase.IN_FORCE
    elif in_force_on is not None:
        phase = Phase.INSTRUMENTS_COMPLETE
    elif today <= SIGNATURE_CLOSES:
        phase = Phase.OPEN_FOR_SIGNATURE
    else:
        phase = Phase.OPEN_FOR_ACCESSION
    return TreatyStatus(
        today=today,
        as_of=record.as_of,
        phase=phase,
        signatories=len(signatures.signatories),
        instruments_deposited=counted,
        instruments_required=INSTRUMENTS_REQUIRED,
        signature_open_until=SIGNATURE_CLOSES,
        fortieth_deposit=fortieth,
        entry_into_force=in_force_on,
        depositary_record=record.depositary_record,
    )


def parse_treaty_record(
    data: Located, file: Path, signatures: Signatures, today: date
) -> tuple[TreatyRecord | None, list[Problem]]:
    """The schema-checked file, checked against the signatories and the calendar."""
    sources = parse_sources(data)
    as_of, problems = checked_date(data, ["as_of"], file, data["as_of"])
    if as_of is not None and as_of > today:
        problems.append(
            problem_at(
                data,
                ["as_of"],
                file,
                f"the as-of date {as_of} is in the future (the build's date is {today})",
                "give the day you last checked the file against its sources",
            )
        )
    signatories = signatures.by_id()
    deposits: list[Deposit] = []
    seen: set[str] = set()
    for index, entry in enumerate(data["instruments"]["deposits"]):
        path = ["instruments", "deposits", index]
        deposit, more = _deposit(data, file, path, entry, signatories, sources, as_of or today)
        problems += more
        if entry["party"] in seen:
            problems.append(
                problem_at(
                    data,
                    path + ["party"],
                    file,
                    f"'{entry['party']}' has deposited already (an earlier entry)",
                    "a State deposits one instrument: delete or merge the duplicate",
                )
            )
        seen.add(entry["party"])
        if deposit is not None:
            deposits.append(deposit)
    steps: list[DomesticStep] = []
    for index, entry in enumerate(data["domestic_steps"]):
        path = ["domestic_steps", index]
        problems += source_problems(data, file, path + ["sources"], entry["sources"], sources)
        problems += _party_problems(data, file, path, entry["party"], signatories)
        span, more = checked_span(data, path + ["date"], file, entry["date"])
        problems += more
        if span is not None and entry["party"] in signatories:
            steps.append(
                DomesticStep(
                    entry["party"],
                    signatories[entry["party"]].name,
                    span,
                    dict(entry["summary"]),
                    cited(entry["sources"], sources),
                )
            )
    if problems or as_of is None:
        return None, problems
    steps.sort(key=lambda step: (step.date, step.party))
    deposits.sort(key=lambda deposit: (deposit.deposited, deposit.party))
    return TreatyRecord(
        as_of, data["depositary_record"], data["instruments"]["complete"], tuple(deposits), tuple(steps), sources
    ), []


def _party_problems(
    data: Located, file: Path, path: list[Any], party: str, signatories: Mapping[str, Signatory]
) -> list[Problem]:
    if party in signatories:
        return []
    return [
        problem_at(
            data,
            path + ["party"],
            file,
            f"'{party}' is not a signatory in data/signatures.yml",
            "use the signatory's id from data/signatures.yml (e.g. viet-nam)",
        )
    ]


def _deposit(
    data: Located,
    file: Path,
    path: list[Any],
    entry: Mapping[str, Any],
    signatories: Mapping[str, Signatory],
    sources: Mapping[str, Source],
    as_of: date,
) -> tuple[Deposit | None, list[Problem]]:
    problems = source_problems(data, file, path + ["sources"], entry["sources"], sources)
    deposited, more = checked_date(data, path + ["deposited"], file, entry["deposited"])
    problems += more
    party = entry["party"]
    signatory = signatories.get(party)

    if entry["kind"] == "accession":
        if "name" not in entry and signatory is None:
            problems.append(
                problem_at(
                    data,
                    path + ["party"],
                    file,
                    f"'{party}' did not sign, so its name is needed",
                    "add `name: {en: …, vi: …, fr: …}` to this entry",
                )
            )
    elif signatory is None:
        problems.append(
            problem_at(
                data,
                path + ["party"],
                file,
                f"'{party}' is not a signatory in data/signatures.yml, "
                f"so it cannot deposit an instrument of {entry['kind']}",
                "use the signatory's id from data/signatures.yml, or kind: accession for a State that did not sign",
            )
        )
    if deposited is not None and not (signatory is None or signatory.signed.last <= deposited <= as_of):
        problems.append(
            problem_at(
                data,
                path + ["deposited"],
                file,
                f"deposit date {deposited} is before the signature or after the file's as_of",
                f"a deposit comes after the signature ({signatory.signed.machine_value()}) "
                f"and on or before as_of ({as_of})",
            )
        )
    if problems or deposited is None:
        return None, problems
    name = entry.get("name") or signatory.name  # type: ignore[union-attr]
    regional = (entry.get("type") or (signatory.type if signatory else "state")) == REGIONAL_ORGANIZATION
    return Deposit(party, dict(name), entry["kind"], deposited, cited(entry["sources"], sources), regional), []
