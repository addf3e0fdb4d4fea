"""Press releases: archive newest first, Atom feed per language,
links between translations, validated front matter, embargo."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from hanoi.search.index import index_path
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, TEST_SITE_URL, run_build, soup

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def prefix(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def release_slugs() -> list[str]:
    return sorted(p.stem for p in (PROJECT / "docs" / "en" / "press").glob("*.md") if p.name != "index.md")


def test_there_are_releases_to_check() -> None:
    assert len(release_slugs()) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_archive_lists_every_release_newest_first(site: Path, language: str) -> None:
    archive = soup(site / prefix(language) / "press" / "index.html")
    links = [a["href"].rstrip("/") for a in archive.select(".hc-press__title a")]
    assert links == sorted(release_slugs(), reverse=True)  # slugs start with the date
    dates = [t["datetime"] for t in archive.select(".hc-press__date time")]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_feed_per_language(site: Path, language: str) -> None:
    feed = ElementTree.parse(site / prefix(language) / "feed.xml").getroot()
    entries = feed.findall("a:entry", ATOM)
    assert len(entries) == len(release_slugs())
    for entry in entries:
        link = entry.find("a:link", ATOM).get("href")
        assert link.startswith(TEST_SITE_URL + prefix(language) + "press/")
        page = site / link[len(TEST_SITE_URL) :] / "index.html"
        title = soup(page).find("h1").get_text(strip=True).rstrip("¶")
        assert entry.find("a:title", ATOM).text == title
    # Every page of the language announces its feed.
    home = soup(site / prefix(language) / "index.html")
    assert home.find("link", type="application/atom+xml")["href"] == TEST_SITE_URL + prefix(language) + "feed.xml"


@pytest.mark.parametrize("language", LANGUAGES)
def test_release_shows_date_sources_and_its_translations(site: Path, language: str) -> None:
    for slug in release_slugs():
        page = soup(site / prefix(language) / "press" / slug / "index.html")
        header = page.select_one(".hc-release")
        assert header.select_one("time")["datetime"] == slug[:10]
        assert header.select(".hc-sources a")
        others = {a["hreflang"]: a["href"] for a in header.select(".hc-release__translations a")}
        assert others == {other: f"/{prefix(other)}press/{slug}/" for other in LANGUAGES if other != language}


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
    page = soup(site / prefix(language) / "press" / "index.html")
    summaries = [p.get_text(strip=True) for p in page.select(".hc-press__summary")]
    assert summaries
    assert not [s for s in summaries for doc in archive if s in doc["text"]], "the archive repeats summaries in search"
    for slug in release_slugs():
        entries = [doc for doc in index["docs"] if doc["location"].startswith(f"press/{slug}/")]
        assert entries, f"{slug} is not in the {language} search index"
        sources = soup(site / prefix(language) / "press" / slug / "index.html").select(".hc-sources a")
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
        assert not (result.site_dir / prefix(language) / "press" / "2099-01-01-embargoed").exists()
        assert "2099-01-01-embargoed" not in (result.site_dir / prefix(language) / "press" / "index.html").read_text()
        assert "2099-01-01-embargoed" not in (result.site_dir / prefix(language) / "feed.xml").read_text()


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
