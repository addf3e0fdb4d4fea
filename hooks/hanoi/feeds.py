"""Atom feeds (RFC 4287), made with feedgen: one writer for every feed of the
site, so that each gets what feed readers and the W3C Feed Validator expect.

- An author: the feed's, the site's own name with its home page, which every
  entry inherits (RFC 4287, 4.1.1: a feed without one needs one per entry). No
  person and no e-mail address: the site publishes neither.
- ``xml:lang`` on the feed, the language of every text in it.
- The language's typography in every title and summary
  (``hanoi.formatting.typeset``: the no-break spaces of French).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator
from mkdocs.utils import write_file

from hanoi.addresses import absolute_url
from hanoi.formatting import typeset
from hanoi.languages import language_prefix

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class FeedEntry:
    path: str  # the entry's page from the site root ('vi/press/x/'): its id and link
    title: str
    summary: str
    published: datetime  # aware
    updated: datetime | None = None  # when it last changed, if after it was published
    link: str | None = None  # the page it points to, when not ``path`` (status updates share pages)


@dataclass(frozen=True)
class Feed:
    language: str
    site_url: str
    site_name: str  # the feed's author, and the first part of its title
    title: str  # what the feed lists ("Press releases"), after the site name
    subtitle: str
    path: str  # the feed's own address from the site root ('vi/feed.xml')
    page: str  # the page that lists the same entries ('vi/press/')

    def url(self, path: str) -> str:
        return absolute_url(self.site_url, path)


def site_feed(config: MkDocsConfig, language: str, *, title: str, path: str, page: str) -> Feed:
    """One of the site's feeds in a language: by the site, after its name and
    description (the press releases, the status updates)."""
    return Feed(
        language=language,
        site_url=config.site_url or "/",
        site_name=config.site_name,
        title=title,
        subtitle=config.site_description or "",
        path=path,
        page=page,
    )


def atom_feed(feed: Feed, entries: Sequence[FeedEntry]) -> bytes:
    """The feed of these entries, given newest first (at least one: the feed's
    own ``updated`` is its newest entry's)."""
    if not entries:
        raise ValueError(f"{feed.path}: a feed needs at least one entry")
    language = feed.language
    generator = FeedGenerator()
    generator.id(feed.url(feed.path))
    generator.title(typeset(f"{feed.site_name}: {feed.title}", language))
    generator.subtitle(typeset(feed.subtitle, language))
    generator.language(language)
    generator.author({"name": feed.site_name, "uri": feed.url(language_prefix(language))})
    generator.link(href=feed.url(feed.page), rel="alternate")
    generator.link(href=feed.url(feed.path), rel="self")
    generator.updated(max(entry.updated or entry.published for entry in entries))
    for entry in reversed(entries):  # feedgen prepends: add the oldest first
        item = generator.add_entry()
        item.id(feed.url(entry.path))
        item.title(typeset(entry.title, language))
        item.link(href=feed.url(entry.link or entry.path))
        item.summary(typeset(entry.summary, language))
        item.published(entry.published)
        item.updated(entry.updated or entry.published)
    return bytes(generator.atom_str(pretty=True))


def write_atom_feed(site_dir: Path, feed: Feed, entries: Sequence[FeedEntry]) -> None:
    """Write the feed into the built site; nothing when there is no entry."""
    if not entries:
        return
    write_file(atom_feed(feed, entries), str(site_dir / feed.path))
