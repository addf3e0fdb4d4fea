"""Job: the list of signatories from ``data/signatures.yml``, counted and
dated from the data, in the page language's alphabetical order.

Markers:
  <!-- signatures -->          counts by day and place, and the filterable list
  <!-- signature-sources -->   the list's sources, numbered (rows cite them by number)
"""

from __future__ import annotations

from typing import Any

from hanoi.status.facts import load_site_facts
from hanoi.markers.expansion import MarkerContext, register
from hanoi.problems import valid
from hanoi.status.views import signatures_view


def _view(language: str) -> dict[str, Any]:
    facts = valid(load_site_facts(), "the key facts, signatories or treaty status data")
    return signatures_view(facts.signatures, language)


def render_signatures(args: dict[str, str], context: MarkerContext) -> str:
    return context.render("partials/markers/signatures.html", _view(context.language))


def render_signature_sources(args: dict[str, str], context: MarkerContext) -> str:
    return context.render("partials/markers/signature-sources.html", _view(context.language))


register("signatures", render_signatures, scripts=("assets/javascripts/signatures.js",),
         summary="the list of signatories, e.g. <!-- signatures -->")
register("signature-sources", render_signature_sources,
         summary="the numbered sources of the list of signatories, e.g. <!-- signature-sources -->")
