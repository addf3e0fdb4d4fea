"""Job: where the Convention stands, computed from ``data/treaty_status.yml``,
``data/signatures.yml`` and the day of the build in Hanoi (``SITE_TODAY``
sets it for tests): the home page's status panel and newest releases, the
status blocks of the signatures page, the editors' freshness list, and the
open data ``/status.json``, ``/status.schema.json`` and ``/signatories.csv``.

Markers:
  <!-- treaty-status -->     instruments deposited (or "not confirmed"), with the depositary record
  <!-- domestic-steps -->    steps reported at home, which are not deposits
  <!-- data-freshness -->    data files and the day each was last checked (editors' status page)
  <!-- open-data -->         links to the open data, for journalists
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hanoi.clock import site_today
from hanoi.status.facts import SiteFacts, load_site_facts
from hanoi.formatting import format_date
from hanoi.status.freshness import STALE_AFTER_DAYS, checked_files
from hanoi.pages.scan import scan_pages
from hanoi.status.home import home_view
from hanoi.languages import DEFAULT_LANGUAGE, build_language
from hanoi.markers.expansion import MarkerContext, register
from hanoi.status.open_data import (OPEN_DATA, SIGNATORIES_CSV, STATUS_JSON, STATUS_SCHEMA, signatories_csv, status_json,
                             status_schema)
from hanoi.press.releases import newest_first, releases_from
from hanoi.problems import valid
from hanoi.pages.drafts import current as publication
from hanoi.status.views import record_view, status_view
from hanoi.templates import hook_environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


HOME_TEMPLATE = "home.html"  # each language's home page (docs/<lang>/index.md)
COUNTDOWN_SCRIPT = "assets/javascripts/countdown.js"  # the days left, on the home page only


def site_facts() -> SiteFacts:
    return valid(load_site_facts(), "the key facts, signatories or treaty status data")


def render_treaty_status(args: dict[str, str], context: MarkerContext) -> str:
    facts = site_facts()
    return context.render("partials/status/instruments.html", {
        "status": status_view(facts.status(site_today()), context.language),
        "record": record_view(facts.treaty, context.language),
    })


def render_domestic_steps(args: dict[str, str], context: MarkerContext) -> str:
    return context.render("partials/status/domestic-steps.html", {"record": record_view(site_facts().treaty, context.language)})


def render_freshness(args: dict[str, str], context: MarkerContext) -> str:
    files = [{"path": f.path, "as_of": f.as_of.isoformat(), "as_of_text": format_date(f.as_of, context.language),
              "age_days": f.age_days, "stale": f.stale} for f in checked_files(site_today())]
    return context.render("partials/status/freshness.html", {"files": files, "limit": STALE_AFTER_DAYS})


def render_open_data(args: dict[str, str], context: MarkerContext) -> str:
    page: Page = context.extra["page"]
    return context.render("partials/status/open-data.html", {
        "links": {name: get_relative_url(path, page.url) for name, path in OPEN_DATA.items()}})


register("treaty-status", render_treaty_status,
         summary="instruments deposited toward entry into force, e.g. <!-- treaty-status -->")
register("domestic-steps", render_domestic_steps,
         summary="approval laws and other steps reported at home, e.g. <!-- domestic-steps -->")
register("data-freshness", render_freshness,
         summary="data files and when each was last checked, e.g. <!-- data-freshness -->")
register("open-data", render_open_data, summary="links to status.json and signatories.csv, e.g. <!-- open-data -->")


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if page.meta.get("template") != HOME_TEMPLATE:
        return context
    language = build_language(config)
    pages, _ = scan_pages(reuse=True)  # checked by hooks/front_matter.py when the build started
    releases, _ = releases_from(pages)
    home = home_view(site_facts().status(site_today()), newest_first(releases, language, publication()), language, page.url)
    context["home_blocks"] = Markup(hook_environment(config).get_template("partials/home/blocks.html").render(
        config=config, home=home, since_hanoi=page.meta["home"]["since_hanoi"]))
    context["page_scripts"] = (*context.get("page_scripts", ()), COUNTDOWN_SCRIPT)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """The open data, once per site build (it is the same for every language)."""
    if build_language(config) != DEFAULT_LANGUAGE:
        return
    facts = site_facts()
    site_dir = Path(config.site_dir)
    (site_dir / STATUS_JSON).write_text(status_json(facts, facts.status(site_today()), config.site_url or "/"),
                                        encoding="utf-8")
    (site_dir / STATUS_SCHEMA).write_text(status_schema(), encoding="utf-8")
    (site_dir / SIGNATORIES_CSV).write_text(signatories_csv(facts), encoding="utf-8", newline="")
