"""Every marker of the site, in one table: its name, its renderer, its
arguments and a one-line example. CONTRIBUTING.md lists the same markers for
press officers; tests/test_markers.py checks the two agree."""

from __future__ import annotations

from hanoi.markers.expansion import MarkerSpec, marker
from hanoi.media_kit.site import render_media_kit
from hanoi.pages.markers import render_translation_status
from hanoi.press.site import render_archive
from hanoi.programme.markers import render_downloads, render_event, render_facts, render_programme
from hanoi.status.markers import (
    render_domestic_steps,
    render_entry_into_force,
    render_fact,
    render_freshness,
    render_key_facts,
    render_open_data,
    render_participation_map,
    render_signature_period,
    render_signature_sources,
    render_signatures,
    render_status_chart,
    render_treaty_status,
)
from hanoi.terms.markers import render_glossary

# The pictures' colours, patterns and sizes, on the pages that show them only.
_PICTURE_STYLES = ("assets/stylesheets/pictures.css",)
# The programme's filters and local times, on the pages that show events only.
_PROGRAMME_SCRIPTS = ("assets/javascripts/programme.js",)
_PROGRAMME_STYLES = ("assets/stylesheets/programme.css",)

MARKERS: dict[str, MarkerSpec] = {
    "fact": marker(
        render_fact, required=("id",), inline=True, summary="one key fact, e.g. <!-- fact id=adoption-date -->"
    ),
    "signature-period": marker(
        render_signature_period,
        inline=True,
        summary="until when the Convention is (or was) open for signature, and what a State can do next, "
        "worded for the phase of the day, e.g. <!-- signature-period -->",
    ),
    "entry-into-force": marker(
        render_entry_into_force,
        inline=True,
        summary="how the Convention enters into force, the date once known, then since when it is in force, "
        "e.g. <!-- entry-into-force -->",
    ),
    "key-facts": marker(
        render_key_facts,
        required=("ids",),
        summary='a list of key facts, e.g. <!-- key-facts ids="adoption-date,chapters" -->',
    ),
    "signatures": marker(
        render_signatures,
        scripts=("assets/javascripts/signatures.js",),
        summary="the signatories: the list with its filter box, e.g. <!-- signatures -->",
    ),
    "signature-sources": marker(
        render_signature_sources,
        summary="the numbered sources of the list of signatories, e.g. <!-- signature-sources -->",
    ),
    "treaty-status": marker(
        render_treaty_status, summary="instruments deposited toward entry into force, e.g. <!-- treaty-status -->"
    ),
    "status-chart": marker(
        render_status_chart,
        styles=_PICTURE_STYLES,
        summary="a chart of signatories and instruments over time, with its figures, e.g. <!-- status-chart -->",
    ),
    "participation-map": marker(
        render_participation_map,
        styles=_PICTURE_STYLES,
        summary="a tile map of every UN Member State, signed, deposited or neither, e.g. <!-- participation-map -->",
    ),
    "domestic-steps": marker(
        render_domestic_steps, summary="approval laws and other steps reported at home, e.g. <!-- domestic-steps -->"
    ),
    "open-data": marker(render_open_data, summary="links to status.json and signatories.csv, e.g. <!-- open-data -->"),
    "data-freshness": marker(
        render_freshness, summary="data files and when each was last checked, e.g. <!-- data-freshness -->"
    ),
    "glossary": marker(render_glossary, summary="the glossary of the page's language, e.g. <!-- glossary -->"),
    # The archive repeats every release: each is indexed on its own page.
    "press-releases": marker(
        render_archive, indexed=False, summary="the archive of press releases, e.g. <!-- press-releases -->"
    ),
    "programme": marker(
        render_programme,
        optional=("day", "type", "filters", "level"),
        scripts=_PROGRAMME_SCRIPTS,
        styles=_PROGRAMME_STYLES,
        summary="the programme by day, e.g. <!-- programme -->, <!-- programme day=2025-10-25 -->, "
        "<!-- programme type=side-event -->, <!-- programme filters=yes -->, "
        "<!-- programme level=3 -->",
    ),
    "event": marker(
        render_event,
        required=("id",),
        optional=("level",),
        scripts=_PROGRAMME_SCRIPTS,
        styles=_PROGRAMME_STYLES,
        summary="one event with its calendar link, e.g. <!-- event id=opening-session -->",
    ),
    "programme-facts": marker(
        render_facts, summary="facts about the programme as a whole, with sources, e.g. <!-- programme-facts -->"
    ),
    "programme-downloads": marker(
        render_downloads, summary="links to the calendar and open-data files, e.g. <!-- programme-downloads -->"
    ),
    "media-kit": marker(
        render_media_kit,
        required=("sheets",),
        summary='the media kit downloads, e.g. <!-- media-kit sheets="hanoi-convention-at-a-glance" -->',
    ),
    "translation-status": marker(
        render_translation_status, summary="the translation status table, e.g. <!-- translation-status -->"
    ),
}
