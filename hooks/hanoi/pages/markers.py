"""The translation status marker: <!-- translation-status -->, on the
editors' page /status/ (not in the navigation, but public): it lists only
the pages the build publishes, so that no draft or scheduled page is named
before its time."""

from __future__ import annotations

from hanoi.languages import DEFAULT_LANGUAGE
from hanoi.markers.expansion import MarkerContext
from hanoi.pages.translations import counts


def render_translation_status(args: dict[str, str], context: MarkerContext) -> str:
    site = context.site
    shown = {
        page.relative_path
        for page in site.pages
        if page.language == DEFAULT_LANGUAGE and site.publication.shows(page.meta, page.src_uri)
    }
    rows = [row for row in site.translations if row.page in shown]
    return context.render(
        "partials/markers/translation-status.html",
        {"rows": rows, "languages": list(rows[0].states) if rows else [], "counts": counts(rows)},
    )
