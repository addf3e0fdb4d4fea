"""The glossary marker: <!-- glossary -->, the terms of the page's language.

A definition may quote a fact or a sentence that follows the treaty's phase
with an inline marker (``<!-- signature-period -->``), as pages do."""

from __future__ import annotations

from hanoi.datafiles import relative
from hanoi.markers.expansion import MarkerContext, MarkerError, expand_text
from hanoi.terms.glossaries import glossary_file


def render_glossary(args: dict[str, str], context: MarkerContext) -> str:
    terms = context.site.glossaries.get(context.language, ())
    definitions = {}
    for term in terms:
        definitions[term.id], problems = expand_text(term.definition, context)
        if problems:
            raise MarkerError(
                f"{relative(glossary_file(context.language))}, term '{term.id}': {problems[0].message}",
                problems[0].fix,
            )
    return context.render("partials/markers/glossary.html", {"terms": terms, "definitions": definitions})
