"""Job: the list of signatories from ``data/signatures.yml``, counted and
dated from the data.

Marker: <!-- signatures -->   the table of signatories with dates, places and sources
"""

from __future__ import annotations

import unicodedata

from hanoi.facts import load_site_facts
from hanoi.formatting import format_date
from hanoi.markers import MarkerContext, register


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order readers expect: accents and Đ/đ sort with their base letter."""
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold(), name


def render_signatures(args: dict[str, str], context: MarkerContext) -> str:
    facts, _ = load_site_facts()  # validated by hooks/key_facts.py before any page renders
    assert facts is not None
    language = context.language
    signatures = facts.signatures
    rows = sorted(
        ({"name": s.name[language], "signed": s.signed.isoformat(), "signed_text": format_date(s.signed, language),
          "in_hanoi": s.in_hanoi, "sources": s.sources} for s in signatures.signatories),
        key=lambda row: sort_key(row["name"]),
    )
    return context.render("partials/markers/signatures.html", {
        "rows": rows,
        "total": len(signatures.signatories),
        "in_hanoi": len(signatures.in_hanoi),
        "after_hanoi": len(signatures.after_hanoi),
        "as_of": signatures.as_of.isoformat(),
        "as_of_text": format_date(signatures.as_of, language),
    })


register("signatures", render_signatures, summary="the table of signatories, e.g. <!-- signatures -->")
