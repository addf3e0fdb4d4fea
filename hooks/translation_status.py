"""Job: translation status. The build prints a one-line summary; a missing
translation fails the strict build; an outdated one is reported without
failing it (translators catch up after the English page changes).

Marker: <!-- translation-status -->   the status table (on /status/, not in the navigation)
"""

from __future__ import annotations

import logging

from hanoi.languages import is_site_build_starting
from hanoi.markers.expansion import MarkerContext, register
from hanoi.pages.translations import Row, counts, status
from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.translation_status")
# Outside the "mkdocs" logger tree on purpose: shown, but not counted by --strict.
advice = logging.getLogger("hanoi.translation_status")


# The status of the site build in progress: the table shows it in every
# language, and each row hashes an English page.
_rows: list[Row] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_site_build_starting(config):  # before the first language renders
        _rows[:] = status()
        report(_rows)
    return config


def report(rows: list[Row]) -> None:
    tally = counts(rows)
    log.info(f"Translations: {tally['up-to-date']} up to date, {tally['outdated']} outdated, "
             f"{tally['not-recorded']} not recorded, {tally['missing']} missing (make translation-status)")
    for row in rows:
        for language, state in row.states.items():
            if state == "missing":
                log.warning(f"docs/{language}/{row.page} is missing: translate docs/en/{row.page}")
            elif state == "outdated":
                advice.warning(f"docs/{language}/{row.page} may be outdated: docs/en/{row.page} changed since it "
                               f"was translated (then run `make translation-done FILE=docs/{language}/{row.page}`)")
    if tally["not-recorded"]:
        advice.warning(f"{tally['not-recorded']} translations do not record which English text they follow: "
                       "run `make translation-done FILE=…` once each is checked (see `make translation-status`)")


def render_status(args: dict[str, str], context: MarkerContext) -> str:
    rows = _rows or status()
    return context.render("partials/markers/translation-status.html",
                          {"rows": rows, "languages": list(rows[0].states) if rows else [], "counts": counts(rows)})


register("translation-status", render_status, summary="the translation status table, e.g. <!-- translation-status -->")
