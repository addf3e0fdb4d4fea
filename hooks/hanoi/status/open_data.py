"""Open data for journalists: ``/status.json`` (with ``/status.schema.json``)
and ``/signatories.csv``, at the site root, from the same values the pages
show (tests/test_status.py compares them).

Language-neutral: names and summaries are given in the three languages.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from hanoi.catalogues import N_, translate
from hanoi.datafiles import SCHEMA_DIR
from hanoi.formatting import format_date
from hanoi.languages import LANGUAGES
from hanoi.sources import Source
from hanoi.status.collation import sort_key
from hanoi.status.facts import SiteFacts
from hanoi.status.treaty import Phase, TreatyStatus

STATUS_JSON = "status.json"
STATUS_SCHEMA = "status.schema.json"
SIGNATORIES_CSV = "signatories.csv"
# The schema published beside status.json is the one the tests check it with.
STATUS_SCHEMA_SOURCE = SCHEMA_DIR / "status_export.schema.json"
# Each file by the name templates link it with.
OPEN_DATA = {"status_json": STATUS_JSON, "status_schema": STATUS_SCHEMA, "signatories_csv": SIGNATORIES_CSV}
CSV_COLUMNS = (
    "id",
    "name_en",
    "name_vi",
    "name_fr",
    "type",
    "signed",
    "place",
    "sources",
    "source_urls",
    "source_kinds",
)


def _source(source: Source) -> dict[str, Any]:
    return {"id": source.id, "name": dict(source.name), "url": source.url, "kind": source.kind}


def _date(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


PHASE_DESCRIPTIONS = {
    Phase.OPEN_FOR_SIGNATURE: N_("Open for signature at UN Headquarters in New York until %(until)s (New York time)."),
    Phase.OPEN_FOR_ACCESSION: N_(
        "Signature period ended on %(until)s. A State that signed can still ratify, accept or approve; "
        "any other State can accede."
    ),
    Phase.INSTRUMENTS_COMPLETE: N_(
        "All the instruments needed have been deposited: the Convention enters into force on %(in_force)s."
    ),
    Phase.IN_FORCE: N_("The Convention has been in force since %(in_force)s."),
}


def phase_description(status: TreatyStatus, language: str) -> str:
    """The phase in a sentence, as the pages say it: for readers of the data."""
    in_force = format_date(status.entry_into_force, language) if status.entry_into_force else ""
    return translate(language, PHASE_DESCRIPTIONS[status.phase]) % {
        "until": format_date(status.signature_open_until, language),
        "in_force": in_force,
    }


def status_document(facts: SiteFacts, status: TreatyStatus, site_url: str) -> dict[str, Any]:
    base = site_url if site_url.endswith("/") else site_url + "/"
    signatures = facts.signatures
    record = facts.treaty
    return {
        "$schema": base + STATUS_SCHEMA,
        "as_of": status.as_of.isoformat(),
        "signatories_as_of": signatures.as_of.isoformat(),
        "built_at": status.built_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "built_on": status.today.isoformat(),
        "calendar": status.calendar,
        "phase": status.phase.value,
        "phase_description": {language: phase_description(status, language) for language in LANGUAGES},
        "signatories": status.signatories,
        "signatories_in_hanoi": len(signatures.in_hanoi),
        "signatories_after_hanoi": len(signatures.after_hanoi),
        "instruments_deposited": status.instruments_deposited,
        "instruments_required": status.instruments_required,
        "days_after_fortieth": status.days_after_fortieth,
        "instruments_list_complete": record.complete,
        "signature_open_until": status.signature_open_until.isoformat(),
        "fortieth_deposit": _date(status.fortieth_deposit),
        "entry_into_force": _date(status.entry_into_force),
        "depositary_record": status.depositary_record,
        "deposits": [
            {
                "party": d.party,
                "name": dict(d.name),
                "kind": d.kind,
                "deposited": d.deposited.isoformat(),
                "counts_toward_entry_into_force": d.counts_toward_entry_into_force,
                "sources": [_source(s) for s in d.sources],
            }
            for d in record.deposits
        ],
        "domestic_steps": [
            {
                "party": s.party,
                "name": dict(s.name),
                "date": s.date.machine_value(),
                "summary": dict(s.summary),
                "sources": [_source(x) for x in s.sources],
            }
            for s in record.domestic_steps
        ],
        "signatories_csv": base + SIGNATORIES_CSV,
    }


def status_json(facts: SiteFacts, status: TreatyStatus, site_url: str) -> str:
    return json.dumps(status_document(facts, status, site_url), ensure_ascii=False, indent=2) + "\n"


def status_schema() -> str:
    return STATUS_SCHEMA_SOURCE.read_text(encoding="utf-8")


def signatories_csv(facts: SiteFacts) -> str:
    """One row per signatory, in English alphabetical order; ``signed`` is a
    day, or "first/last" when sources give only the span of days."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for signatory in sorted(facts.signatures.signatories, key=lambda s: sort_key(s.name["en"], "en")):
        writer.writerow(
            [
                signatory.id,
                *(signatory.name[language] for language in LANGUAGES),
                signatory.type,
                signatory.signed.machine_value(),
                "Hanoi" if signatory.in_hanoi else "New York",
                " | ".join(s.name["en"] for s in signatory.sources),
                " | ".join(s.url for s in signatory.sources),
                " | ".join(s.kind for s in signatory.sources),
            ]
        )
    return out.getvalue()


def write_open_data(facts: SiteFacts, status: TreatyStatus, site_dir: Path, site_url: str) -> None:
    """status.json, its schema and signatories.csv, at the site root."""
    (site_dir / STATUS_JSON).write_text(status_json(facts, status, site_url), encoding="utf-8")
    (site_dir / STATUS_SCHEMA).write_text(status_schema(), encoding="utf-8")
    (site_dir / SIGNATORIES_CSV).write_text(signatories_csv(facts), encoding="utf-8", newline="")
