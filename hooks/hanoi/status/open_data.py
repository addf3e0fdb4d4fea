"""Open data for journalists: ``/status.json`` (with ``/status.schema.json``)
and ``/signatories.csv`` (described by ``/datapackage.json``, a Frictionless
Data Package with a Table Schema), at the site root, from the same values
the pages show (tests/test_status.py compares them).

Language-neutral: names and summaries are given in the three languages.
Each State carries its ISO 3166-1 alpha-3 code (``iso3``; none for the
European Union), and each row the day it was last confirmed and the kind of
source that confirmed it (``hanoi.sources.confirmation``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from hanoi.addresses import absolute_url
from hanoi.catalogues import N_, translate
from hanoi.datafiles import published_schema
from hanoi.formatting import format_date, language_name
from hanoi.languages import LANGUAGES, language
from hanoi.sources import SOURCE_KINDS, Source, confirmation
from hanoi.status.collation import sort_key
from hanoi.status.facts import Signatory, SiteFacts
from hanoi.status.treaty import Phase, TreatyStatus

STATUS_JSON = "status.json"
STATUS_SCHEMA = "status.schema.json"
SIGNATORIES_CSV = "signatories.csv"
DATA_PACKAGE = "datapackage.json"
# The schema published beside status.json is the one the tests check it with.
STATUS_SCHEMA_SOURCE = "status_export"  # data/schema/status_export.schema.json
# Each file by the name templates link it with.
OPEN_DATA = {
    "status_json": STATUS_JSON,
    "status_schema": STATUS_SCHEMA,
    "signatories_csv": SIGNATORIES_CSV,
    "data_package": DATA_PACKAGE,
}
DAY_OR_SPAN = r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$"


@cache  # on first use, not at import: MkDocs imports the hooks before the build checks the languages' rows
def csv_fields() -> tuple[dict[str, Any], ...]:
    """The CSV's columns, in order, each with its Table Schema field
    (datapackage.json): declared once, so that the file and its description
    cannot drift apart."""
    return (
        {"name": "id", "type": "string", "description": "the site's stable id of the signatory, e.g. viet-nam"},
        *(
            {
                "name": f"name_{code}",
                "type": "string",
                "description": f"its name in {language_name(code, 'en')} ({language(code).state_names_from})",
            }
            for code in LANGUAGES
        ),
        {
            "name": "type",
            "type": "string",
            "description": "state, or regional-organization (the European Union: its instrument does not count "
            "toward the instruments needed for entry into force, Art. 65(1))",
            "constraints": {"enum": ["state", "regional-organization"]},
        },
        {
            "name": "signed",
            "type": "string",
            "description": "the day of signature, an ISO 8601 date; while the sources give only a span of days, an "
            "ISO 8601 time interval first/last (e.g. 2025-10-25/2025-10-26: signed on one of these days)",
            "constraints": {"pattern": DAY_OR_SPAN},
        },
        {
            "name": "place",
            "type": "string",
            "description": "Hanoi (25-26 October 2025) or New York (UN Headquarters, afterwards; Art. 64)",
            "constraints": {"enum": ["Hanoi", "New York"]},
        },
        {
            "name": "sources",
            "type": "string",
            "description": "the names of the sources that record it, separated by ' | '",
        },
        {
            "name": "source_urls",
            "type": "string",
            "description": "their addresses, in the same order, separated by ' | '",
        },
        {
            "name": "source_kinds",
            "type": "string",
            "description": "their kinds, in the same order, separated by ' | ': " + ", ".join(SOURCE_KINDS),
        },
        {
            "name": "iso3",
            "type": "string",
            "description": "the State's ISO 3166-1 alpha-3 code (e.g. VNM); "
            "empty for the European Union, which has none",
            "constraints": {"pattern": "^[A-Z]{3}$"},
        },
        {
            "name": "confirmed_on",
            "type": "date",
            "description": "the day the row was last confirmed: the day its most authoritative source was read, "
            "or else the day the list was last checked against its sources",
        },
        {
            "name": "confirmed_by",
            "type": "string",
            "description": "the kind of that source: depositary (the UN Secretary-General's record), depositary-mirror "
            "(a government's copy of it), official, news or secondary",
            "constraints": {"enum": list(SOURCE_KINDS)},
        },
    )


# Required unless the column says a value may be missing (iso3: the European Union).
OPTIONAL_COLUMNS = ("iso3",)


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": dict(source.name),
        "url": source.url,
        "kind": source.kind,
        "retrieved": _date(source.retrieved),
    }


def in_english_order(signatories: Iterable[Signatory]) -> list[Signatory]:
    """The order of both open-data lists (status.json and signatories.csv)."""
    return sorted(signatories, key=lambda s: sort_key(s.name["en"], "en"))


def _place(signatory: Signatory) -> str:
    return "Hanoi" if signatory.in_hanoi else "New York"


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
    signatures = facts.signatures
    record = facts.treaty
    return {
        "$schema": absolute_url(site_url, STATUS_SCHEMA),
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
        "signatory_list": [
            {
                "id": s.id,
                "name": dict(s.name),
                "iso3": s.iso3,
                "type": s.type,
                "signed": s.signed.machine_value(),
                "place": _place(s),
                **_confirmed(s.sources, signatures.as_of),
                "sources": [_source(x) for x in s.sources],
            }
            for s in in_english_order(signatures.signatories)
        ],
        "deposits": [
            {
                "party": d.party,
                "name": dict(d.name),
                "iso3": d.iso3,
                "kind": d.kind,
                "deposited": d.deposited.isoformat(),
                "counts_toward_entry_into_force": d.counts_toward_entry_into_force,
                **_confirmed(d.sources, record.as_of),
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
        "signatories_csv": absolute_url(site_url, SIGNATORIES_CSV),
    }


def _confirmed(sources: tuple[Source, ...], checked_on: Any) -> dict[str, str]:
    day, kind = confirmation(sources, checked_on)
    return {"confirmed_on": day.isoformat(), "confirmed_by": kind}


def status_json(facts: SiteFacts, status: TreatyStatus, site_url: str) -> str:
    return json.dumps(status_document(facts, status, site_url), ensure_ascii=False, indent=2) + "\n"


def status_schema() -> str:
    return published_schema(STATUS_SCHEMA_SOURCE)


def signatories_csv(facts: SiteFacts) -> str:
    """One row per signatory, in English alphabetical order; ``signed`` is a
    day, or "first/last" when sources give only the span of days."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(str(f["name"]) for f in csv_fields())
    for signatory in in_english_order(facts.signatures.signatories):
        writer.writerow(
            [
                signatory.id,
                *(signatory.name[language] for language in LANGUAGES),
                signatory.type,
                signatory.signed.machine_value(),
                _place(signatory),
                " | ".join(s.name["en"] for s in signatory.sources),
                " | ".join(s.url for s in signatory.sources),
                " | ".join(s.kind for s in signatory.sources),
                signatory.iso3 or "",
                *_confirmed(signatory.sources, facts.signatures.as_of).values(),
            ]
        )
    return out.getvalue()


def data_package(facts: SiteFacts, site_url: str) -> str:
    """``datapackage.json``: signatories.csv described for tools (a
    Frictionless Data Package, its columns typed by a Table Schema)."""
    fields = [
        {**f, "constraints": {**f.get("constraints", {}), "required": f["name"] not in OPTIONAL_COLUMNS}}
        for f in csv_fields()
    ]
    sources = {s.url: s for s in facts.signatures.sources.values()}.values()
    package = {
        "profile": "tabular-data-package",
        "name": "hanoi-convention-signatories",
        "title": "Signatories of the United Nations Convention against Cybercrime (Hanoi Convention)",
        "description": "One row per signatory, as this site lists it, computed from its data files at each build. "
        "The depositary record (UN Treaty Collection, treaty XVIII-16) is the authoritative status. "
        "status.json gives the instruments deposited and the phase of the Convention.",
        "homepage": absolute_url(site_url, ""),
        "sources": [{"title": s.name["en"], "path": s.url} for s in sources],
        "resources": [
            {
                "name": "signatories",
                "path": SIGNATORIES_CSV,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": ["id"], "missingValues": [""]},
            }
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def write_open_data(facts: SiteFacts, status: TreatyStatus, site_dir: Path, site_url: str) -> None:
    """status.json, its schema, signatories.csv and its data package, at the site root."""
    (site_dir / STATUS_JSON).write_text(status_json(facts, status, site_url), encoding="utf-8")
    (site_dir / STATUS_SCHEMA).write_text(status_schema(), encoding="utf-8")
    (site_dir / SIGNATORIES_CSV).write_text(signatories_csv(facts), encoding="utf-8", newline="")
    (site_dir / DATA_PACKAGE).write_text(data_package(facts, site_url), encoding="utf-8")
