"""What the signatures page, the treaty-status blocks and the home page's
status panel show, as plain values for their templates: names in the page's
language and alphabetical order, dates written as the language writes them,
sources numbered once per page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel.lists import format_list

from hanoi.catalogues import translate
from hanoi.clock import utc_offsets
from hanoi.dates import DateSpan
from hanoi.formatting import (
    babel_locale,
    format_clock,
    format_date,
    format_either_day,
    format_number,
    format_span,
    language_name,
)
from hanoi.languages import DEFAULT_LANGUAGE
from hanoi.sources import Source
from hanoi.status.collation import folded, sort_key
from hanoi.status.facts import Signatures
from hanoi.status.treaty import TreatyRecord, TreatyStatus


def date_view(span: DateSpan, language: str, *, one_of_the_days: bool = False) -> dict[str, Any]:
    """A day or span of days: machine value, text, and whether the day is known.
    ``one_of_the_days``: the span says which days an event fell on, not that it
    lasted them all (a signature on 25 or 26 October)."""
    written = format_either_day if one_of_the_days else format_span
    return {
        "machine": span.machine_value(),
        "text": written(span.first, span.last, language),
        "exact": span.is_day,
        "datetime": span.first.isoformat() if span.is_day else None,
    }


@dataclass(frozen=True)
class NumberedSources:
    """A page's sources, numbered once; rows cite them by number."""

    sources: tuple[Source, ...]
    default: tuple[int, ...]  # the numbers of the sources most rows share

    def numbers(self, cited: Iterable[Source]) -> list[int]:
        return sorted(self.sources.index(s) + 1 for s in cited)

    def marks(self, cited: Iterable[Source]) -> list[int]:
        """The numbers a row shows: none when they are the page's default."""
        numbers = self.numbers(cited)
        return [] if tuple(numbers) == self.default else numbers

    def view(self, language: str) -> list[dict[str, Any]]:
        return [
            {
                "number": n,
                "name": s.name[language],
                "url": s.url,
                "kind": s.kind,
                "written_in": written_in(s, language),
                "retrieved": s.retrieved
                and {"machine": s.retrieved.isoformat(), "text": format_date(s.retrieved, language)},
            }
            for n, s in enumerate(self.sources, 1)
        ]


def written_in(source: Source, language: str) -> str | None:
    """The name of the language a source is written in, in the page's
    language ("tiếng Anh", "anglais"); None when it is the page's language or
    not given."""
    if source.language is None or source.language == language:
        return None
    return language_name(source.language, language)


def numbered_sources(cited_by_row: list[tuple[Source, ...]]) -> NumberedSources:
    """The most common set of sources first (the page's default), then the
    others in the order rows first cite them."""
    if not cited_by_row:
        return NumberedSources((), ())
    common, _ = Counter(tuple(sorted(row, key=lambda s: s.id)) for row in cited_by_row).most_common(1)[0]
    ordered = list(dict.fromkeys([*common, *(s for row in cited_by_row for s in row)]))
    return NumberedSources(tuple(ordered), tuple(range(1, len(common) + 1)))


def signatures_view(signatures: Signatures, language: str) -> dict[str, Any]:
    ordered = sorted(signatures.signatories, key=lambda s: sort_key(s.name[language], language))
    numbering = numbered_sources([s.sources for s in ordered])
    rows = []
    for signatory in ordered:
        rows.append(
            {
                "name": signatory.name[language],
                "signed": date_view(signatory.signed, language, one_of_the_days=True),
                "in_hanoi": signatory.in_hanoi,
                "marks": numbering.marks(signatory.sources),
                "filter": folded(" ".join(dict.fromkeys([signatory.name[language], signatory.name[DEFAULT_LANGUAGE]]))),
            }
        )
    return {
        "rows": rows,
        "sources": numbering.view(language),
        "default_marks": format_list([str(n) for n in numbering.default], locale=babel_locale(language)),
        "default_count": len(numbering.default),
        "total": len(signatures.signatories),
        "in_hanoi": len(signatures.in_hanoi),
        "after_hanoi": len(signatures.after_hanoi),
        "as_of": signatures.as_of.isoformat(),
        "as_of_text": format_date(signatures.as_of, language),
    }


def instant_view(moment: datetime, language: str) -> dict[str, str]:
    """An instant as UTC: machine value, and "6 December 2026, 17:05 UTC" in the language."""
    utc = moment.astimezone(UTC)
    return {
        "machine": utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "date": format_date(utc, language),
        "time": format_clock(utc, language),
    }


# Kinds of source that record a signature with the depositary's authority.
DEPOSITARY_KINDS = frozenset({"depositary", "depositary-mirror"})


def provenance_view(signatures: Signatures, language: str) -> dict[str, Any]:
    """What the count of signatories rests on: how many rows the depositary
    record (or a government's copy of it) confirms, the newest signature it
    shows, how many are known from other sources only, and when the list was
    checked; a count alone would pass for the official one."""
    confirmed = [s for s in signatures.signatories if any(x.kind in DEPOSITARY_KINDS for x in s.sources)]
    newest = max((s.signed.last for s in confirmed), default=None)
    others = len(signatures.signatories) - len(confirmed)
    return {
        "confirmed": len(confirmed),
        "confirmed_text": format_number(len(confirmed), language),
        "newest_confirmed": {"machine": newest.isoformat(), "text": format_date(newest, language)} if newest else None,
        "others": others,
        "others_text": format_number(others, language),
        "checked": {"machine": signatures.as_of.isoformat(), "text": format_date(signatures.as_of, language)},
    }


def offsets_attribute(status: TreatyStatus) -> str:
    """The treaty calendar's UTC offsets from the build until the last day a
    countdown counts to, as "milliseconds:minutes" pairs for countdown.js."""
    days = [status.signature_open_until, *([status.entry_into_force] if status.entry_into_force else [])]
    end = datetime.combine(max(days) + timedelta(days=1), time(12), tzinfo=UTC)
    changes = utc_offsets(ZoneInfo(status.calendar), status.built_at, max(end, status.built_at))
    return " ".join(f"{int(moment.timestamp() * 1000)}:{minutes}" for moment, minutes in changes)


def deposited_label(status: TreatyStatus, language: str) -> str:
    """Instruments deposited as the status panel and the share cards give
    them: "N of 40", "N (threshold of 40 reached)", or "Not confirmed" while
    the sources do not give the number (never 0)."""
    if status.instruments_deposited is None:
        return translate(language, "Not confirmed")
    numbers = {
        "deposited": format_number(status.instruments_deposited, language),
        "required": format_number(status.instruments_required, language),
    }
    if status.instruments_deposited > status.instruments_required:
        return translate(language, "%(deposited)s (threshold of %(required)s reached)") % numbers
    return translate(language, "%(deposited)s of %(required)s") % numbers


def status_view(status: TreatyStatus, language: str) -> dict[str, Any]:
    """The treaty's status at the build's instant, for the status panel and blocks."""

    def optional_date(day: date | None) -> dict[str, str] | None:
        return {"machine": day.isoformat(), "text": format_date(day, language)} if day else None

    return {
        "built_at": instant_view(status.built_at, language),
        "calendar": status.calendar,
        "calendar_offsets": offsets_attribute(status),
        "signature_closes_at": instant_view(status.signature_closes_at, language)["machine"],
        "days_after": status.days_after_fortieth,
        "days_after_text": format_number(status.days_after_fortieth, language),
        "phase": status.phase.value,
        "as_of": {"machine": status.as_of.isoformat(), "text": format_date(status.as_of, language)},
        "signatories": status.signatories,
        "signatories_text": format_number(status.signatories, language),
        "deposited": status.instruments_deposited,
        "deposited_text": None
        if status.instruments_deposited is None
        else format_number(status.instruments_deposited, language),
        "deposited_label": deposited_label(status, language),
        "required": status.instruments_required,
        "required_text": format_number(status.instruments_required, language),
        "signature_open": status.signature_open,
        "signature_in_hanoi": date_view(status.signature_in_hanoi, language),
        "signature_open_until": optional_date(status.signature_open_until),
        "entry_into_force": optional_date(status.entry_into_force),
        "fortieth_deposit": optional_date(status.fortieth_deposit),
        "depositary_record": status.depositary_record,
    }


def record_view(record: TreatyRecord, language: str) -> dict[str, Any]:
    """Deposits and domestic steps, each citing its sources by number."""
    numbering = numbered_sources([d.sources for d in record.deposits] + [s.sources for s in record.domestic_steps])
    return {
        "deposits": [
            {
                "name": d.name[language],
                "kind": d.kind,
                "deposited": date_view(DateSpan(d.deposited, d.deposited), language),
                "counts": d.counts_toward_entry_into_force,
                "marks": numbering.numbers(d.sources),
            }
            for d in record.deposits
        ],
        "steps": [
            {
                "name": s.name[language],
                "date": date_view(s.date, language),
                "summary": s.summary[language],
                "marks": numbering.numbers(s.sources),
            }
            for s in record.domestic_steps
        ],
        "sources": numbering.view(language),
        "complete": record.complete,
    }
