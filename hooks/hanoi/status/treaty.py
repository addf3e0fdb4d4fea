"""Where the Convention stands: instruments deposited, domestic steps, and
the phase computed from them, the Convention's rules (``hanoi.status.convention``)
and the instant of the build.

The phase follows the treaty's calendar (New York's, Art. 64): on New York's
31 December 2026 the Convention is still open for signature, although Hanoi
is already in 2027. An instrument of a regional economic integration
organization (the European Union) does not count on top of its member
States' (Art. 65(1)).

An unknown count stays unknown: while ``instruments.complete`` is false in
``data/treaty_status.yml`` the number of instruments deposited is ``None``
("not confirmed"), never 0, and no date of entry into force is computed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hanoi.clock import BuildClock
from hanoi.datafiles import DATA_DIR, Located, problem_at
from hanoi.dates import DateSpan, checked_date, checked_span
from hanoi.problems import Problem
from hanoi.sources import Source, cited, parse_sources, retrieved_problems, source_problems
from hanoi.status.convention import TreatyRules
from hanoi.status.countries import iso3_problems

if TYPE_CHECKING:
    from hanoi.status.facts import Signatory, Signatures

TREATY_STATUS_FILE = DATA_DIR / "treaty_status.yml"

REGIONAL_ORGANIZATION = "regional-organization"


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
    iso3: str | None = None  # ISO 3166-1 alpha-3; None for a regional organization

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
    """The status at the build's instant: what every page, export and share card shows."""

    built_at: datetime  # the build's instant, in UTC
    today: date  # the day at that instant by the treaty's calendar (New York's)
    calendar: str  # that calendar's IANA name
    as_of: date
    phase: Phase
    signatories: int
    instruments_deposited: int | None  # counting toward the 40; None while not confirmed
    instruments_required: int
    signature_in_hanoi: DateSpan
    signature_open_until: date  # the last day, by the treaty's calendar
    signature_closes_at: datetime  # the instant it ends
    days_after_fortieth: int
    fortieth_deposit: date | None
    entry_into_force: date | None
    depositary_record: str

    @property
    def signature_open(self) -> bool:
        return self.today <= self.signature_open_until


def last_instrument_needed(deposits: tuple[Deposit, ...], rules: TreatyRules) -> date | None:
    """The day the last instrument needed for entry into force (the fortieth
    that counts) was deposited, if it was."""
    counted = sorted(d.deposited for d in deposits if d.counts_toward_entry_into_force)
    required = rules.instruments_required
    return counted[required - 1] if len(counted) >= required else None


def compute_status(rules: TreatyRules, record: TreatyRecord, signatures: Signatures, clock: BuildClock) -> TreatyStatus:
    today = rules.treaty_day(clock)
    # An incomplete list proves neither the count nor the day of the 40th
    # deposit (an unlisted deposit may come first).
    counted = sum(d.counts_toward_entry_into_force for d in record.deposits) if record.complete else None
    fortieth = last_instrument_needed(record.deposits, rules) if record.complete else None
    in_force_on = rules.entry_into_force(fortieth) if fortieth else None
    if in_force_on is not None and today >= in_force_on:
        phase = Phase.IN_FORCE
    elif in_force_on is not None:
        phase = Phase.INSTRUMENTS_COMPLETE
    elif rules.signature_open_on(today):
        phase = Phase.OPEN_FOR_SIGNATURE
    else:
        phase = Phase.OPEN_FOR_ACCESSION
    return TreatyStatus(
        built_at=clock.instant,
        today=today,
        calendar=rules.calendar.key,
        as_of=record.as_of,
        phase=phase,
        signatories=len(signatures.signatories),
        instruments_deposited=counted,
        instruments_required=rules.instruments_required,
        signature_in_hanoi=rules.hanoi_days,
        signature_open_until=rules.signature_last_day,
        signature_closes_at=rules.signature_closes_at(),
        days_after_fortieth=rules.days_after,
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
    problems += retrieved_problems(data, file, today)
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
        deposit, more = _deposit(data, file, path, entry, signatories, sources, min(as_of or today, today))
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
    latest: date,
) -> tuple[Deposit | None, list[Problem]]:
    """One deposit, dated on or before ``latest`` (the file's as_of, or the
    build's day if that is earlier), and after the State's signature."""
    problems = source_problems(data, file, path + ["sources"], entry["sources"], sources)
    deposited, more = checked_date(data, path + ["deposited"], file, entry["deposited"])
    problems += more
    party = entry["party"]
    signatory = signatories.get(party)

    if "name" in entry:  # a State that did not sign: its code is given here
        problems += iso3_problems(data, file, path, entry, entry.get("type") == REGIONAL_ORGANIZATION)
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
    if deposited is not None and deposited > latest:
        problems.append(
            problem_at(
                data,
                path + ["deposited"],
                file,
                f"deposit date {deposited} is after the file's as_of or the build's day ({latest})",
                "a deposit is recorded once it has happened: check the date against the depositary record, "
                "and set as_of to the day you checked it",
            )
        )
    if deposited is not None and signatory is not None and deposited < signatory.signed.last:
        problems.append(
            problem_at(
                data,
                path + ["deposited"],
                file,
                f"deposit date {deposited} is before the signature ({signatory.signed.machine_value()})",
                "a State that signed deposits its instrument after its signature: check the date",
            )
        )
    if problems or deposited is None:
        return None, problems
    name = entry.get("name") or signatory.name  # type: ignore[union-attr]
    regional = (entry.get("type") or (signatory.type if signatory else "state")) == REGIONAL_ORGANIZATION
    iso3 = entry.get("iso3") or (signatory.iso3 if signatory else None)
    return Deposit(party, dict(name), entry["kind"], deposited, cited(entry["sources"], sources), regional, iso3), []
