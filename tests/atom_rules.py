"""The W3C Feed Validator's rules for Atom that apply to the site's feeds.

The validator itself (github.com/w3c/feedvalidator) is on no package registry
that CI reaches (PyPI, Debian, npm), so its rules are written here from its
Atom checks (feed.py, entry.py, author.py, validators.py), with the names of
the messages it logs, and from RFC 4287, which they enforce:

- MissingElement: a feed and each entry have one id, title and updated; the
  feed has an author with a name, or every entry has one (RFC 4287 4.1.1,
  4.1.2, 3.2.1);
- MissingSelf: the feed links to itself (rel="self");
- DuplicateAtomLink: at most one alternate link per type and hreflang;
- MisplacedMetadata: the feed's own elements come before its entries;
- MissingTextualContent, MissingContentOrAlternate: an entry without content
  has a summary and an alternate link;
- DuplicateEntries: entry ids are unique;
- InvalidFullLink: ids and links are absolute IRIs;
- InvalidRFC3339Date: dates are RFC 3339 date-times with an offset;
- InvalidLanguage: xml:lang is a language tag.

Left out, as they cannot occur in what the site writes: the RFC 5005 archive
and paging links, content with src or of a binary type, iTunes elements.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
REQUIRED_ONCE = ("id", "title", "updated")
DATES = ("updated", "published")


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return element.findall(ATOM + name)


def _absolute(iri: str | None) -> bool:
    parts = urlsplit(iri or "")
    return bool(parts.scheme and (parts.netloc or parts.scheme in ("urn", "tag")))


def _has_author(element: ElementTree.Element) -> bool:
    return any((author.findtext(ATOM + "name") or "").strip() for author in _children(element, "author"))


def _element_problems(element: ElementTree.Element, where: str) -> list[str]:
    problems = []
    for name in REQUIRED_ONCE:
        count = len(_children(element, name))
        if count != 1:
            problems.append(f"{where}: MissingElement {name} (found {count}, needs 1)")
    for name in DATES:
        for date in _children(element, name):
            if not RFC_3339.fullmatch((date.text or "").strip()):
                problems.append(f"{where}: InvalidRFC3339Date {name} {date.text!r}")
    identifier = element.findtext(ATOM + "id")
    if identifier is not None and not _absolute(identifier.strip()):
        problems.append(f"{where}: InvalidFullLink id {identifier!r}")
    alternates: set[tuple[str | None, str | None]] = set()
    for link in _children(element, "link"):
        if not _absolute(link.get("href")):
            problems.append(f"{where}: InvalidFullLink link {link.get('href')!r}")
        if link.get("rel", "alternate") == "alternate":
            kind = (link.get("type"), link.get("hreflang"))
            if kind in alternates:
                problems.append(f"{where}: DuplicateAtomLink alternate {kind}")
            alternates.add(kind)
    return problems


def atom_problems(feed: ElementTree.Element) -> list[str]:
    """What the validator would log for this feed, as 'where: Message ...'."""
    if feed.tag != ATOM + "feed":
        return [f"not an Atom feed: {feed.tag}"]
    problems = _element_problems(feed, "feed")
    language = feed.get(XML_LANG)
    if language is None or not LANGUAGE_TAG.fullmatch(language):
        problems.append(f"feed: InvalidLanguage xml:lang {language!r}")
    if not any(link.get("rel") == "self" for link in _children(feed, "link")):
        problems.append("feed: MissingSelf")
    tags = [child.tag for child in feed]
    if ATOM + "entry" in tags:
        first_entry = tags.index(ATOM + "entry")
        misplaced = {tag for tag in tags[first_entry:] if tag != ATOM + "entry"}
        if misplaced:
            problems.append(f"feed: MisplacedMetadata {sorted(misplaced)} after the first entry")
    feed_author = _has_author(feed)
    ids = []
    for number, entry in enumerate(_children(feed, "entry"), start=1):
        where = f"entry {number}"
        problems += _element_problems(entry, where)
        ids.append(entry.findtext(ATOM + "id"))
        if not feed_author and not _has_author(entry):
            problems.append(f"{where}: MissingElement author (the feed has none either)")
        if entry.find(ATOM + "content") is None:
            if entry.find(ATOM + "summary") is None:
                problems.append(f"{where}: MissingTextualContent")
            if not any(link.get("rel", "alternate") == "alternate" for link in _children(entry, "link")):
                problems.append(f"{where}: MissingContentOrAlternate")
    if len(set(ids)) != len(ids):
        problems.append("feed: DuplicateEntries (two entries share an id)")
    return problems
