"""The translation status marker: <!-- translation-status -->, on the
editors' page /status/ (not in the navigation)."""

from __future__ import annotations

from hanoi.markers.expansion import MarkerContext
from hanoi.pages.translations import counts


def render_translation_status(args: dict[str, str], context: MarkerContext) -> str:
    rows = context.site.translations
    return context.render(
        "partials/markers/translation-status.html",
        {"rows": rows, "languages": list(rows[0].states) if rows else [], "counts": counts(rows)},
    )
