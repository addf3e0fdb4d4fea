"""Press releases: archive newest first, Atom feed per language,
links between translations, validated front matter, embargo."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from atom_rules import atom_problems
from french_text import french_spacing_problems
from hanoi.feeds import Feed, FeedEntry, atom_feed
from hanoi.languages import language_prefix
from hanoi.search.index import index_path
from sitetools import LANGUAGES, PROJECT, TEST_SITE_URL, run_build, soup

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def release_slugs() -> list[str]:
    return sorted(p.stem for p in (PROJECT / "docs" / "en" / "press").glob("*.md") if p.name != "index.md")


def test_there_are_releases_to_check() -> None:
    assert len(release_slugs()) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_archive_lists_every_release_newest_first(site: Path, language: str) -> None:
    archive = soup(site / language_prefix(language) / "press" / "index.html")
    links = [a["href"].rstrip("/") for a in archive.select(".hc-press__title a")]
    assert links == sorted(release_slugs(), reverse=True)  # slugs start with the date
    dates = [t["datetime"] for t in archive.select(".hc-press__date time")]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_feed_per_language(site: Path, language: str) -> None:
    feed = ElementTree.parse(site / language_prefix(language) / "feed.xml").getroot()
    entries = feed.findall("a:entry", ATOM)
    assert len(entries) == len(release_slugs())
    for entry in entries:
        link = entry.find("a:link", ATOM).get("href")
        assert link.startswith(TEST_SITE_URL + language_prefix(language) + "press/")
        page = site / link[len(TEST_SITE_URL) :] / "index.html"
        title = soup(page).find("h1").get_text(strip=True).rstrip("¶")
        assert entry.find("a:title", ATOM).text == title
    # Every page of the language announces its feed.
    home = soup(site / language_prefix(language) / "index.html")
    assert (
        home.find("link", type="application/atom+xml")["href"] == TEST_SITE_URL + language_prefix(language) + "feed.xml"
    )


def test_every_feed_keeps_the_feed_validators_atom_rules(site: Path) -> None:
    """tests/atom_rules.py: the W3C Feed Validator's Atom rules that apply
    (the validator itself is on no registry CI reaches)."""
    feeds = sorted(site.rglob("*.xml"))
    feeds = [path for path in feeds if ElementTree.parse(path).getroot().tag == "{http://www.w3.org/2005/Atom}feed"]
    assert {path.relative_to(site).as_posix() for path in feeds} >= {
        language_prefix(lang) + "feed.xml" for lang in LANGUAGES
    }
    for path in feeds:
        assert atom_problems(ElementTree.parse(path).getroot()) == [], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_says_who_publishes_it_in_its_language(site: Path, language: str) -> None:
    """The author is the site, under its name in the feed's language (the
    site names no person or e-mail address for it); xml:lang is that
    language, and the home page says the same name."""
    feed = ElementTree.parse(site / language_prefix(language) / "feed.xml").getroot()
    home = soup(site / language_prefix(language) / "index.html")
    site_name = home.find("meta", property="og:site_name")["content"]
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert [a.findtext("a:name", namespaces=ATOM) for a in feed.findall("a:author", ATOM)] == [site_name]
    assert feed.findtext("a:author/a:uri", namespaces=ATOM) == TEST_SITE_URL + language_prefix(language)
    assert not feed.findall(".//a:email", ATOM)
    separator = "\u00a0: " if language == "fr" else ": "
    assert (
        feed.findtext("a:title", namespaces=ATOM)
        == site_name + separator + home.find("link", type="application/atom+xml")["title"]
    )


def test_french_feed_keeps_french_typography(site: Path) -> None:
    feed = ElementTree.parse(site / "fr" / "feed.xml").getroot()
    texts = [feed.findtext(f"a:{name}", namespaces=ATOM) for name in ("title", "subtitle")]
    texts += [
        e.findtext(f"a:{name}", namespaces=ATOM) for e in feed.findall("a:entry", ATOM) for name in ("title", "summary")
    ]
    problems = [problem for text in texts for problem in french_spacing_problems(text or "")]
    assert not problems, problems


def test_any_feed_the_site_writes_gets_the_same_author_typography_and_rules() -> None:
    """atom_feed is the one writer of the site's feeds: a second kind of feed
    (another page, other entries) is credited, typeset and valid alike."""
    feed = Feed(
        "fr", TEST_SITE_URL, "Convention de Hanoï", "Mises à jour", "Quoi de neuf ?", "fr/updates.xml", "fr/status/"
    )
    entries = [
        FeedEntry(
            "fr/status/#b", "Deux : « signatures » ! Vraiment ?", "Résumé ; suite", datetime(2026, 1, 2, tzinfo=UTC)
        ),
        FeedEntry("fr/status/#a", "Premier point: ratification", "Texte", datetime(2026, 1, 1, tzinfo=UTC)),
    ]
    root = ElementTree.fromstring(atom_feed(feed, entries))
    assert atom_problems(root) == []
    assert root.findtext("a:author/a:name", namespaces=ATOM) == "Convention de Hanoï"
    assert root.findtext("a:title", namespaces=ATOM) == "Convention de Hanoï\u00a0: Mises à jour"
    titles = [e.findtext("a:title", namespaces=ATOM) for e in root.findall("a:entry", ATOM)]
    assert titles == [
        "Deux\u00a0: «\u00a0signatures\u00a0»\u202f! Vraiment\u202f?",
        "Premier point\u00a0: ratification",
    ]
    assert root.findtext("a:updated", namespaces=ATOM) == "2026-01-02T00:00:00+00:00"
    with pytest.raises(ValueError, match="at least one entry"):
        atom_feed(feed, [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_release_shows_date_sources_and_its_translations(site: Path, language: str) -> None:
    for slug in release_slugs():
        page = soup(site / language_prefix(language) / "press" / slug / "index.html")
        header = page.select_one(".hc-release")
        assert header.select_one("time")["datetime"] == slug[:10]
        assert header.select(".hc-sources a")
        others = {a["hreflang"]: a["href"] for a in header.select(".hc-release__translations a")}
        assert others == {other: f"/{language_prefix(other)}press/{slug}/" for other in LANGUAGES if other != language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_each_release_once_on_its_own_page(site: Path, language: str) -> None:
    """The archive's list and the release headers are in the pages but not in
    the search index: a release's title or summary leads to the release only."""
    index = json.loads(index_path(site, language).read_text(encoding="utf-8"))
    archive = [
        doc
        for doc in index["docs"]
        if doc["location"].startswith("press/")
        and "/" not in doc["location"].split("#")[0][len("press/") :].rstrip("/")
    ]
    assert archive, "the archive page itself stays searchable"
    page = soup(site / language_prefix(language) / "press" / "index.html")
    summaries = [p.get_text(strip=True) for p in page.select(".hc-press__summary")]
    assert summaries
    assert not [s for s in summaries for doc in archive if s in doc["text"]], "the archive repeats summaries in search"
    for slug in release_slugs():
        entries = [doc for doc in index["docs"] if doc["location"].startswith(f"press/{slug}/")]
        assert entries, f"{slug} is not in the {language} search index"
        sources = soup(site / language_prefix(language) / "press" / slug / "index.html").select(".hc-sources a")
        assert not [a for a in sources for doc in entries if a.get_text(strip=True) in doc["text"]], (
            "the release header (sources) is in the search index"
        )


def add_release(project: Path, slug: str, extra: str = "", key: str | None = None) -> None:
    for language in LANGUAGES:
        folder = project / "docs" / language / "press"
        (folder / f"{slug}.md").write_text(
            f"""---
title: Test release {language}
description: A release used by the tests to check the press workflow.
date: "2026-01-05"
timezone: Asia/Ho_Chi_Minh
summary: A summary long enough for the archive and the feed of the site.
translation_key: {key if key and language == "fr" else slug}
sources:
  - name: UN Treaty Collection
    url: https://treaties.un.org/
{extra}---

# Test release {{#test-release}}
""",
            encoding="utf-8",
        )


def test_an_embargoed_release_is_not_published(project_copy: Path) -> None:
    add_release(project_copy, "2099-01-01-embargoed", extra='publish_at: "2099-01-01T09:00+07:00"\n')
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output
    for language in LANGUAGES:
        assert not (result.site_dir / language_prefix(language) / "press" / "2099-01-01-embargoed").exists()
        assert (
            "2099-01-01-embargoed"
            not in (result.site_dir / language_prefix(language) / "press" / "index.html").read_text()
        )
        assert "2099-01-01-embargoed" not in (result.site_dir / language_prefix(language) / "feed.xml").read_text()


def test_translations_with_different_keys_fail_the_build(project_copy: Path) -> None:
    add_release(project_copy, "2026-01-05-keys", key="another-key")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert re.search(
        r"docs/fr/press/2026-01-05-keys\.md:\d+ \[translation_key\]: translation_key differs from the "
        r"English version .*Fix: use the same translation_key in the three languages",
        result.output,
    )
    assert "Traceback" not in result.output
