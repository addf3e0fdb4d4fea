"""Head metadata on every page in every language, and the sitemap."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from sitetools import LANGUAGES, TEST_SITE_URL, html_pages, page_language, soup, url_path

OG_LOCALES = {"en": "en_GB", "vi": "vi_VN", "fr": "fr_FR"}


def content_pages(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if p.name != "404.html"]


def test_every_page_has_absolute_hreflang_for_each_language_and_x_default(site: Path) -> None:
    for page in content_pages(site):
        links = {link["hreflang"]: link["href"] for link in soup(page).select('head link[rel="alternate"][hreflang]')}
        assert set(links) == {*LANGUAGES, "x-default"}, (url_path(site, page), links)
        assert all(href.startswith(TEST_SITE_URL) for href in links.values()), links
        assert links[page_language(site, page)] == TEST_SITE_URL + url_path(site, page).lstrip("/")
        assert links["x-default"] == links["en"]


def test_titles_are_unique_within_each_language(site: Path) -> None:
    for language in LANGUAGES:
        titles = Counter(soup(p).title.get_text() for p in content_pages(site) if page_language(site, p) == language)
        duplicates = [t for t, n in titles.items() if n > 1]
        assert not duplicates, f"{language}: duplicate <title>s {duplicates}"


def test_every_page_has_description_canonical_and_open_graph(site: Path) -> None:
    for page in content_pages(site):
        head = soup(page).head
        where = url_path(site, page)
        description = head.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), where
        canonical = head.find("link", rel="canonical")
        assert canonical and canonical["href"] == TEST_SITE_URL + where.lstrip("/"), where
        for prop in ("og:title", "og:description", "og:url", "og:site_name", "og:type"):
            assert head.find("meta", property=prop), f"{where}: no {prop}"
        language = page_language(site, page)
        assert head.find("meta", property="og:locale")["content"] == OG_LOCALES[language]
        alternates = {m["content"] for m in head.find_all("meta", property="og:locale:alternate")}
        assert alternates == set(OG_LOCALES.values()) - {OG_LOCALES[language]}, where


def test_sitemap_lists_every_page_with_its_alternates_and_x_default(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    urls = root.findall("s:url", ns)
    locs = {u.find("s:loc", ns).text for u in urls}
    expected = {TEST_SITE_URL + url_path(site, p).lstrip("/") for p in content_pages(site)}
    assert locs == expected
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == {*LANGUAGES, "x-default"}, url.find("s:loc", ns).text
        assert all(h.startswith(TEST_SITE_URL) for h in alternates.values())
