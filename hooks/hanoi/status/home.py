"""The home page's blocks, rendered by ``overrides/home.html``: the status
panel, the newest press releases and the links journalists look for, each
link relative to the page and in the page's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from hanoi.formatting import format_date
from hanoi.languages import language_prefix
from hanoi.press.releases import Release, newest_first
from hanoi.status.facts import Signatures
from hanoi.status.news import (
    RATIFICATION,
    SIGNATURES_PAGE,
    STATUS_FEED_NAME,
    THE_LIST,
    StatusUpdate,
    language_updates,
)
from hanoi.status.open_data import OPEN_DATA
from hanoi.status.treaty import TreatyStatus
from hanoi.status.views import provenance_view, status_view

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from hanoi.build import LanguageBuild, SiteBuild

HOME_TEMPLATE = "home.html"  # each language's home page (docs/<lang>/index.md, `template: home.html`)
COUNTDOWN_SCRIPT = "assets/javascripts/countdown.js"  # the days left, on the home page only

NEWEST_NEWS = 5  # press releases and status updates together

# Where each link of the home page goes, inside the language's tree.
PAGES = {
    "signatures": SIGNATURES_PAGE,
    "the_list": THE_LIST,
    "ratification": RATIFICATION,
    "since_hanoi": "convention/#since-hanoi",
    "press": "press/",
    "feed": "feed.xml",
    "status_feed": STATUS_FEED_NAME,
    "media": "media/",
    "kit": "media/kit/",
    "downloads": "media/kit/#downloads",
    "contact": "contact/",
    "programme": "ceremony/programme/",
    "calendar": "ceremony/programme/programme.ics",
    "timeline": "convention/timeline/",
}


@dataclass(frozen=True)
class NewsItem:
    kind: str  # release or status
    title: str
    href: str  # site-relative
    day: date
    published: datetime  # aware: orders releases and updates together


def latest_news(
    releases: Iterable[Release], updates: Iterable[StatusUpdate], language: str, page_url: str
) -> list[dict[str, Any]]:
    """The newest press releases and status updates together, newest first."""
    prefix = language_prefix(language)
    items = [NewsItem("release", r.title, r.url, r.published.date(), r.published) for r in releases]
    items += [NewsItem("status", u.title, prefix + u.page, u.day, u.published) for u in updates]
    return [
        {
            "kind": item.kind,
            "title": item.title,
            "href": get_relative_url(item.href, page_url),
            "date": item.day.isoformat(),
            "date_text": format_date(item.day, language),
        }
        for item in sorted(items, key=lambda item: item.published, reverse=True)[:NEWEST_NEWS]
    ]


def home_view(
    status: TreatyStatus, signatures: Signatures, news: list[dict[str, Any]], language: str, page_url: str
) -> dict[str, Any]:
    prefix = language_prefix(language)
    links = {name: get_relative_url(prefix + path, page_url) for name, path in PAGES.items()}
    links.update({name: get_relative_url(path, page_url) for name, path in OPEN_DATA.items()})  # at the site root
    return {
        "status": status_view(status, language),
        "provenance": provenance_view(signatures, language),
        "news": news,
        "links": links,
    }


def home_blocks(site: SiteBuild, build: LanguageBuild, page: Page) -> str:
    """The home page's blocks under its lead, rendered with autoescaping (the
    theme's own templates do not escape)."""
    language = build.language
    releases = newest_first(site.releases, language, site.publication)
    updates = language_updates(site, build)
    news = latest_news(releases, updates, language, page.url)
    home = home_view(site.status, site.facts.signatures, news, language, page.url)
    if not updates:  # no feed is written without an entry
        del home["links"]["status_feed"]
    return build.render("partials/home/blocks.html", {"home": home, "since_hanoi": page.meta["home"]["since_hanoi"]})
