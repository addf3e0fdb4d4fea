"""The data files brought in line with the depositary record.

What the sync writes (``data/signatures.yml``, ``data/treaty_status.yml``):
signature days from the record replace days known only from news (the
"2025-10-25/2025-10-26" spans) and correct any other; the depositary record
becomes a source of each row it confirms; each deposit gets its kind and
day; ``instruments.complete`` becomes true (the record was read whole and
its counts agree, or it was refused); both files' ``as_of`` and the record's
``retrieved`` become the day of capture. The files are edited round trip
(ruamel.yaml), so their comments, order and quoting stay, and a pull request
shows only what changed.

What it refuses, changing nothing: a participant the site does not know (a
new State's names in Vietnamese and French are written by a person: the
message gives the entry to add, with its file), a day no signature or
deposit can have, a withdrawal, a row the site says the depositary confirms
but the record does not show, and data the build would refuse.
"""

from __future__ import annotations

import io
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from hanoi.datafiles import relative
from hanoi.dates import DateSpan
from hanoi.depositary.names import DEPOSITARY_NAMES_FILE, load_depositary_names, matched, site_names
from hanoi.depositary.record import DepositaryRecord, Participant
from hanoi.formatting import format_date, format_span
from hanoi.problems import Problem
from hanoi.status.convention import TreatyRules
from hanoi.status.facts import DATA_FILES, SIGNATURES_FILE, FactFiles, SiteFacts, load_site_facts
from hanoi.status.treaty import TREATY_STATUS_FILE, Deposit

DEPOSITARY_KIND = "depositary"  # the kind of source the record is (data/schema/source.schema.json)
INSTRUMENT = {
    "ratification": "instrument of ratification",
    "acceptance": "instrument of acceptance",
    "approval": "instrument of approval",
    "accession": "instrument of accession",
}


class SyncRefused(Exception):
    """The record, or the data, cannot be synced; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class SyncResult:
    """What the sync would write, and what it tells the person who reviews it."""

    texts: dict[Path, str]  # file -> its new text
    changes: list[str] = field(default_factory=list)  # what changed, one sentence each, in plain English
    to_check: list[str] = field(default_factory=list)  # what a person must still look at
    capture_day: date = date.min


def round_trip_yaml() -> YAML:
    """ruamel.yaml set to write our data files exactly as they are written."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def quoted(text: str) -> str:
    """A date, quoted as the data files quote dates."""
    value: str = DoubleQuotedScalarString(text)
    return value


def flow_list(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _refusal(file: Path, place: str, message: str, fix: str) -> Problem:
    return Problem(relative(file), None, place, message, fix)


def proposed_id(name: str) -> str:
    """A site id for a new participant: its name in lowercase ASCII, words
    joined by hyphens ("Côte d'Ivoire" -> "cote-d-ivoire")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in ascii_name).split()
    return "-".join(words)


def _iso3_line(name: str) -> str:
    try:
        return f"iso3: {pycountry.countries.lookup(name).alpha_3}"
    except LookupError:
        return 'iso3: ""   # its ISO 3166-1 alpha-3 code'


def unknown_participant(participant: Participant, depositary_source: str) -> Problem:
    """The refusal for a name the site does not know, with the entry to add."""
    name = participant.name
    alias = f"add the line `{name}: <the site's id>` under `names:` in {relative(DEPOSITARY_NAMES_FILE)}"
    names = f'name: {{en: {name}, vi: "", fr: ""}}'
    written_by = (
        "with its Vietnamese name as Viet Nam's Ministry of Foreign Affairs writes it and its French name as the "
        "UN writes it (data/termbase.yml may have them; the build refuses an empty name), then run the sync again"
    )
    signature, consent = participant.signature, participant.consent
    if signature is not None and not signature.withdrawn:
        when = f"which signed on {format_date(signature.day, 'en')}"
        entry = (
            f"  - id: {proposed_id(name)}\n    {names}\n    {_iso3_line(name)}\n"
            f'    signed: "{signature.day.isoformat()}"\n    sources: [{depositary_source}]'
        )
        target = f"add it under `signatories:` in {relative(SIGNATURES_FILE)}:\n{entry}\n"
    elif consent is not None and not consent.withdrawn:
        when = f"which deposited an {INSTRUMENT[consent.kind]} on {format_date(consent.day, 'en')}"
        entry = (
            f"    - party: {proposed_id(name)}\n      {names}\n      {_iso3_line(name)}\n"
            f"      kind: {consent.kind}\n"
            f'      deposited: "{consent.day.isoformat()}"\n      sources: [{depositary_source}]'
        )
        target = (
            f"add it under `instruments.deposits:` in {relative(TREATY_STATUS_FILE)}, and set the file's `as_of` to "
            f"the day you checked the record (a deposit cannot be later):\n{entry}\n"
        )
    else:
        when = "whose only date is in brackets (withdrawn)"
        target = "ask a developer: the site has no place for a participant that withdrew before it was listed; "
    return _refusal(
        DEPOSITARY_NAMES_FILE,
        name,
        f"the depositary record lists '{name}' (row {participant.row}), {when}, and the site does not know it",
        f"if the site lists it under another name, {alias}; if it is new to the site, {target}{written_by}",
    )


@dataclass
class _Files:
    """The two data files as ruamel.yaml reads them, edited in place."""

    signatures: Any
    treaty: Any

    def signatory(self, site_id: str) -> Any:
        return next(s for s in self.signatures["signatories"] if s["id"] == site_id)

    def deposit(self, site_id: str) -> Any | None:
        return next((d for d in self.treaty["instruments"]["deposits"] if d["party"] == site_id), None)


def _depositary_source(sources: Mapping[str, Any], file: Path) -> str:
    found = [key for key, source in sources.items() if source["kind"] == DEPOSITARY_KIND]
    if not found:
        raise SyncRefused(
            [_refusal(file, "sources", "no source of kind depositary", "restore the `untc` source from git history")]
        )
    return str(found[0])


def _cite(entry: Any, source_id: str) -> bool:
    """The depositary added to an entry's sources; whether it was missing."""
    if source_id in entry["sources"]:
        return False
    entry["sources"].append(source_id)
    return True


def plan_sync(
    record: DepositaryRecord,
    facts: SiteFacts,
    aliases: Mapping[str, str],
    capture_day: date,
    signatures_text: str,
    treaty_text: str,
) -> SyncResult:
    """The files' new texts, or ``SyncRefused`` with every problem found."""
    yaml = round_trip_yaml()
    files = _Files(yaml.load(signatures_text), yaml.load(treaty_text))
    source = _depositary_source(files.signatures["sources"], SIGNATURES_FILE)
    treaty_source = _depositary_source(files.treaty["sources"], TREATY_STATUS_FILE)
    result = SyncResult({}, capture_day=capture_day)
    problems: list[Problem] = []
    known = site_names(facts)
    by_id: dict[str, Participant] = {}
    for participant in record.participants:
        site_id = matched(participant.name, aliases, known)
        if site_id is None:
            problems.append(unknown_participant(participant, source))
        elif site_id in by_id:
            problems.append(
                _refusal(
                    DEPOSITARY_NAMES_FILE,
                    participant.name,
                    f"rows {by_id[site_id].row} and {participant.row} of the record are both '{site_id}'",
                    "a participant has one row: check the record and the aliases in this file",
                )
            )
        else:
            by_id[site_id] = participant
    if problems:
        raise SyncRefused(problems)
    signatories = facts.signatures.by_id()
    deposits = {d.party: d for d in facts.treaty.deposits}
    for site_id, participant in by_id.items():
        problems += _sync_signature(files, result, participant, site_id, signatories, source, facts.rules, capture_day)
        deposit, first_day = deposits.get(site_id), facts.rules.hanoi_days.first
        problems += _sync_consent(files, result, participant, site_id, deposit, treaty_source, first_day, capture_day)
        if participant.notes:
            notes = "; ".join(f"{n}: {record.end_notes.get(n, '(no text in the record)')}" for n in participant.notes)
            result.to_check.append(f"{participant.name} carries the record's footnotes {notes}")
    problems += _unlisted(facts, by_id, source)
    if problems:
        raise SyncRefused(problems)
    for participant in record.withdrawn:
        result.to_check.append(
            f"{participant.name}: a date in brackets (withdrawn) in the record, not counted; read its footnote"
        )
    result.to_check += unlisted_news(facts, by_id)
    _set_checked(files, capture_day, source, treaty_source)
    if not files.treaty["instruments"]["complete"]:
        files.treaty["instruments"]["complete"] = True
        result.changes.append(
            "The list of instruments is now complete: it holds every instrument the record shows "
            f"({len(record.parties)}, of which {_counted(facts, by_id)} count toward the "
            f"{facts.rules.instruments_required})"
        )
    result.texts = {SIGNATURES_FILE: _dumped(yaml, files.signatures), TREATY_STATUS_FILE: _dumped(yaml, files.treaty)}
    return result


def _counted(facts: SiteFacts, by_id: Mapping[str, Participant]) -> int:
    """Instruments in the record that count toward entry into force (Art.
    65(1): not a regional organization's, whether it signed or acceded)."""
    regional = {s.id for s in facts.signatures.signatories if s.is_regional_organization}
    regional |= {d.party for d in facts.treaty.deposits if not d.counts_toward_entry_into_force}
    return sum(1 for site_id, p in by_id.items() if site_id not in regional and p.consent and not p.consent.withdrawn)


def _sync_signature(
    files: _Files,
    result: SyncResult,
    participant: Participant,
    site_id: str,
    signatories: Mapping[str, Any],
    source: str,
    rules: TreatyRules,
    capture_day: date,
) -> list[Problem]:
    signature = participant.signature
    known = signatories.get(site_id)
    if signature is None:
        if known is not None and any(s.kind == DEPOSITARY_KIND for s in known.sources):
            return [
                _refusal(
                    SIGNATURES_FILE,
                    site_id,
                    f"the site cites the depositary for {participant.name}'s signature, but the record shows none",
                    "check the record; if it is right, remove the depositary from this signatory's sources",
                )
            ]
        return []
    if signature.withdrawn:
        if known is None:
            return []
        return [
            _refusal(
                SIGNATURES_FILE,
                site_id,
                f"the record shows {participant.name}'s signature in brackets ({signature.cell}): withdrawn",
                "a person must read the record's footnote and decide what the site says; the sync does not",
            )
        ]
    first_day, last_day = rules.hanoi_days.first, min(rules.signature_last_day, capture_day)
    if not first_day <= signature.day <= last_day:
        return [
            _refusal(
                SIGNATURES_FILE,
                site_id,
                f"the record dates {participant.name}'s signature {signature.day} ('{signature.cell}'), outside the "
                f"signature period ({first_day} to {last_day})",
                "check the record on the UN Treaty Collection; nothing was changed",
            )
        ]
    if known is None:
        return [
            _refusal(
                TREATY_STATUS_FILE,
                site_id,
                f"{participant.name} signed on {signature.day} according to the record, but the site lists it only "
                "as acceding",
                "move it to data/signatures.yml with its signature day, and make its deposit's kind the record's",
            )
        ]
    entry = files.signatory(site_id)
    day = DateSpan(signature.day, signature.day)
    if known.signed != day:
        before = format_span(known.signed.first, known.signed.last, "en")
        was = "known only as the span" if not known.signed.is_day else "recorded as"
        entry["signed"] = quoted(signature.day.isoformat())
        result.changes.append(
            f"{participant.name} signed on {format_date(signature.day, 'en')} according to the record "
            f"(the site had it {was} {before})"
        )
    if _cite(entry, source):
        if known.signed == day:
            result.changes.append(f"The depositary record now confirms {participant.name}'s signature")
        result.to_check.append(
            f"{participant.name}: the depositary record is now a source of its signature; its other sources "
            f"({', '.join(s.id for s in known.sources)}) may no longer be needed"
        )
    return []


def _sync_consent(
    files: _Files,
    result: SyncResult,
    participant: Participant,
    site_id: str,
    known: Deposit | None,
    source: str,
    first_day: date,
    capture_day: date,
) -> list[Problem]:
    consent = participant.consent
    if consent is None or consent.withdrawn:
        if known is None:
            return []
        what = "in brackets (withdrawn)" if consent else "no instrument"
        return [
            _refusal(
                TREATY_STATUS_FILE,
                site_id,
                f"the site lists {participant.name}'s {INSTRUMENT[known.kind]} of {known.deposited}, but the record "
                f"shows {what}",
                "a person must check the record (and its footnote) and correct instruments.deposits by hand",
            )
        ]
    signed = participant.signature.day if participant.signature else first_day
    if not signed <= consent.day <= capture_day:
        return [
            _refusal(
                TREATY_STATUS_FILE,
                site_id,
                f"the record dates {participant.name}'s {INSTRUMENT[consent.kind]} {consent.day} ('{consent.cell}'), "
                f"before its signature or after the record was read ({capture_day})",
                "check the record on the UN Treaty Collection; nothing was changed",
            )
        ]
    sentence = f"{participant.name} deposited its {INSTRUMENT[consent.kind]} on {format_date(consent.day, 'en')}"
    entry = files.deposit(site_id)
    if entry is None:
        entry = CommentedMap(
            [
                ("party", site_id),
                ("kind", consent.kind),
                ("deposited", quoted(consent.day.isoformat())),
                ("sources", flow_list([source])),
            ]
        )
        deposits = files.treaty["instruments"]["deposits"]
        deposits.fa.set_block_style()
        deposits.append(entry)
        result.changes.append(sentence)
        return []
    newly_cited = _cite(entry, source)
    if (entry["kind"], entry["deposited"]) != (consent.kind, consent.day.isoformat()):
        result.changes.append(f"{sentence} (the site had an {INSTRUMENT[entry['kind']]} of {entry['deposited']})")
        entry["kind"] = consent.kind
        entry["deposited"] = quoted(consent.day.isoformat())
    elif newly_cited:
        result.changes.append(f"{sentence} (now confirmed by the depositary record)")
    return []


def _unlisted(facts: SiteFacts, by_id: Mapping[str, Participant], source: str) -> list[Problem]:
    """Signatories the record does not list: refused if the site says the
    depositary confirms them; otherwise left for a person (news only)."""
    problems = []
    for signatory in facts.signatures.signatories:
        if signatory.id not in by_id and any(s.kind == DEPOSITARY_KIND for s in signatory.sources):
            problems.append(
                _refusal(
                    SIGNATURES_FILE,
                    signatory.id,
                    f"the site cites the depositary for {signatory.name['en']}, which the record does not list",
                    f"check the record; if it is right, remove `{source}` from this signatory's sources, or add the "
                    f"record's name for it to {relative(DEPOSITARY_NAMES_FILE)}",
                )
            )
    return problems


def unlisted_news(facts: SiteFacts, by_id: Mapping[str, Participant]) -> list[str]:
    """Signatories known from news only that the record does not list."""
    return [
        f"{s.name['en']} is on the site's list from {', '.join(x.id for x in s.sources)}, but the record does not "
        "list it: check whether it signed"
        for s in facts.signatures.signatories
        if s.id not in by_id
    ]


def _set_checked(files: _Files, capture_day: date, source: str, treaty_source: str) -> None:
    day = quoted(capture_day.isoformat())
    for data, key in ((files.signatures, source), (files.treaty, treaty_source)):
        data["as_of"] = day
        data["sources"][key]["retrieved"] = day


def _dumped(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def checked_by_the_build(texts: Mapping[Path, str], today: date, rules: TreatyRules) -> list[Problem]:
    """The problems the build would find in the new files on ``today`` (the
    build's day in Hanoi), written to a temporary folder, never over the
    real ones."""
    with tempfile.TemporaryDirectory() as folder:
        copies = {}
        for original in (*DATA_FILES, DEPOSITARY_NAMES_FILE):
            copy = Path(folder) / original.name
            copy.write_text(texts.get(original, original.read_text(encoding="utf-8")), encoding="utf-8")
            copies[original] = copy
        facts, problems = load_site_facts(today, rules, FactFiles(*(copies[path] for path in DATA_FILES)))
        if facts is not None:
            problems += load_depositary_names(facts, copies[DEPOSITARY_NAMES_FILE])[1]
        return problems


def write_atomically(texts: Mapping[Path, str]) -> None:
    """Each file replaced whole (a temporary file renamed over it), so that a
    reader never sees half a file."""
    for path, text in texts.items():
        temporary = path.with_name(path.name + ".sync")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)


def pull_request_body(result: SyncResult, record: DepositaryRecord, address: str) -> str:
    """What changed and what a person must still do, in plain English, for
    the pull request the daily job opens (Markdown)."""
    read_on = format_date(result.capture_day, "en")
    lines = [
        f"The depositary record of the Convention was read on {read_on} from {address}.",
        f"It lists {len(record.signatories)} signatories and {len(record.parties)} instruments of ratification, "
        "acceptance, approval or accession (the European Union's, if any, does not count toward the 40), and its "
        "counts agree with its table.",
        "",
        "## What changed",
        "",
        *(f"- {change}." for change in result.changes),
    ]
    if not result.changes:
        lines.append(f"- Nothing but the day of the check: the data were confirmed on {read_on}.")
    lines += [
        "",
        "## What a person must still do",
        "",
        *(f"- {item}." for item in result.to_check),
        '- Open the deploy preview: the status panel, the signatures page, the home page\'s "Latest news" and the '
        "status feed show these changes in English, Vietnamese and French.",
        '- Merge when the preview is right (CONTRIBUTING.md, "Review the depositary sync"). Nothing is published '
        "until a person merges this pull request.",
        "",
    ]
    return "\n".join(lines)
