"""The home page's blocks, rendered by ``overrides/home.html``: the status
panel, the newest press releases and the links journalists look for, each
link relative to the page and in the page's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from hanoi.formatting import format_date
from hanoi.languages import language_prefix
from hanoi.press.releases import Release, newest_first
from hanoi.status.facts import Signatures
from hanoi.status.open_data import OPEN_DATA
from hanoi.status.treaty import TreatyStatus
from hanoi.status.views import provenance_view, status_view

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from hanoi.build import LanguageBuild, SiteBuild

HOME_TEMPLATE = "home.html"  # each language's home page (docs/<lang>/index.md, `template: home.html`)
COUNTDOWN_SCRIPT = "assets/javascripts/countdown.js"  # the days left, on the home page only

NEWEST_RELEASES = 3

# Where each link of the home page goes, inside the language's tree.
PAGES = {
    "signatures": "convention/signatures/",
    "the_list": "convention/signatures/#the-list",
    "ratification": "convention/signatures/#ratification",
    "since_hanoi": "convention/#since-hanoi",
    "press": "press/",
    "feed": "feed.xml",
    "media": "media/",
    "kit": "media/kit/",
    "downloads": "media/kit/#downloads",
    "contact": "contact/",
    "programme": "ceremony/programme/",
    "calendar": "ceremony/programme/programme.ics",
    "timeline": "convention/timeline/",
}


def home_view(
    status: TreatyStatus, signatures: Signatures, releases: Iterable[Release], language: str, page_url: str
) -> dict[str, Any]:
    prefix = language_prefix(language)
    links = {name: get_relative_url(prefix + path, page_url) for name, path in PAGES.items()}
    links.update({name: get_relative_url(path, page_url) for name, path in OPEN_DATA.items()})  # at the site root
    newest = [
        {
            "title": r.title,
            "href": get_relative_url(r.url, page_url),
            "date": r.published.date().isoformat(),
            "date_text": format_date(r.published, language),
        }
        for r in list(releases)[:NEWEST_RELEASES]
    ]
    return {
        "status": status_view(status, language),
        "provenance": provenance_view(signatures, language),
        "releases": newest,
        "links": links,
    }


def home_blocks(site: SiteBuild, build: LanguageBuild, page: Page) -> str:
    """The home page's blocks under its lead, rendered with autoescaping (the
    theme's own templates do not escape)."""
    language = build.language
    home = home_view(
        site.status,
        site.facts.signatures,
        newest_first(site.releases, language, site.publication),
        language,
        page.url,
    )
    return build.render("partials/home/blocks.html", {"home": home, "since_hanoi": page.meta["home"]["since_hanoi"]})
