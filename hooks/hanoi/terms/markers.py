"""The glossary marker: <!-- glossary -->, the terms of the page's language."""

from __future__ import annotations

from hanoi.markers.expansion import MarkerContext


def render_glossary(args: dict[str, str], context: MarkerContext) -> str:
    return context.render(
        "partials/markers/glossary.html", {"terms": context.site.glossaries.get(context.language, ())}
    )
