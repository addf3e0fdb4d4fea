"""Head metadata and share cards on every page in every language, the sitemap and robots.txt."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from urllib.robotparser import RobotFileParser
from xml.etree import ElementTree

from mkdocs.config import load_config
from pypdf import PdfReader

from english_text import english_in
from french_text import french_spacing_problems
from hanoi.media_kit.cards import Card, template_text, typst_document
from hanoi.media_kit.typst_engine import engine
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, TEST_SITE_URL, html_pages, page_language, soup, url_path

OG_LOCALES = {"en": "en_GB", "vi": "vi_VN", "fr": "fr_FR"}
SITE_NAMES = {"en": "Hanoi Convention", "vi": "Công ước Hà Nội", "fr": "Convention de Hanoï"}
PAGE_NOT_FOUND = {"en": "Page not found", "vi": "Không tìm thấy trang", "fr": "Page introuvable"}


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


def test_robots_txt_lets_every_page_be_crawled_and_advertises_the_sitemap(site: Path) -> None:
    robots = RobotFileParser()
    robots.parse((site / "robots.txt").read_text(encoding="utf-8").splitlines())
    assert robots.site_maps() == [TEST_SITE_URL + "sitemap.xml"] and (site / "sitemap.xml").is_file()
    for page in html_pages(site):
        assert robots.can_fetch("Googlebot", TEST_SITE_URL + url_path(site, page).lstrip("/")), url_path(site, page)


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


def meta(page: Path, key: str) -> str | None:
    """A meta tag's content, by property (Open Graph) or name (Twitter)."""
    head = soup(page).head
    tag = head.find("meta", property=key) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def site_descriptions() -> dict[str, str]:
    """Each language's site description (mkdocs.yml), as a card shows it: on one line."""
    languages = load_config(str(PROJECT / "mkdocs.yml")).plugins["i18n"].config.languages
    return {str(lang.locale): " ".join(str(lang.site_description).split()) for lang in languages}


# The pages whose cards also carry the status's figures, by path in their language.
STATUS_PAGES = ("", "convention/signatures")


def test_every_share_card_has_a_text_alternative_in_the_page_language(site: Path) -> None:
    """og:image:alt and twitter:image:alt on every page with a card, 404
    pages included: the card's text (the site's name, then the page's title,
    or the site's description on the pages that show it, then on the home
    and signatures pages the status's figures: tests/test_pictures.py), in
    the page's language, with its typography, different in each language."""
    pages = html_pages(site)
    descriptions = site_descriptions()
    by_page: dict[str, dict[str, str]] = {}
    for page in pages:
        where, language = url_path(site, page), page_language(site, page)
        assert meta(page, "og:image"), f"{where}: no share card"
        alt = meta(page, "og:image:alt")
        assert alt and meta(page, "twitter:image:alt") == alt, f"{where}: no text alternative for the card"
        site_name = SITE_NAMES[language]
        separator = "\u00a0: " if language == "fr" else ": "
        shown = {meta(page, "og:title"), descriptions[language]}
        cards = {site_name + separator + text for text in shown if text}
        figures = url_path(site, page).removeprefix(f"/{language}").strip("/") in STATUS_PAGES
        assert any(alt == card or (figures and alt.startswith(card.rstrip(".") + ". ")) for card in cards), (
            f"{where}: {alt!r}"
        )
        if language != DEFAULT_LANGUAGE:
            assert english_in(alt, language) is None, f"{where}: English in {alt!r}"
        if language == "fr":
            assert not french_spacing_problems(alt), (where, french_spacing_problems(alt))
        by_page.setdefault(url_path(site, page).removeprefix(f"/{language}/").lstrip("/"), {})[language] = alt
    assert len(pages) == len(by_page) * len(LANGUAGES)
    for path, alts in by_page.items():
        assert len(set(alts.values())) == len(LANGUAGES), f"{path}: the same alternative in two languages: {alts}"


def test_404_pages_have_complete_open_graph(site: Path) -> None:
    for language in LANGUAGES:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        page = site / prefix / "404.html"
        assert meta(page, "og:url") == f"{TEST_SITE_URL}{prefix}404.html"
        assert meta(page, "og:title") == PAGE_NOT_FOUND[language]
        assert meta(page, "og:site_name") == SITE_NAMES[language]
        assert meta(page, "og:locale") == OG_LOCALES[language]
        alternates = {m["content"] for m in soup(page).head.find_all("meta", property="og:locale:alternate")}
        assert alternates == set(OG_LOCALES.values()) - {OG_LOCALES[language]}
        for key in ("og:type", "og:description", "og:image", "twitter:card"):
            assert meta(page, key), f"{prefix}404.html: no {key}"


def test_a_range_of_days_stays_on_one_line_of_its_card() -> None:
    """The card of the Vietnamese home page, laid out as the build draws it
    (as a PDF, whose lines can be read): "25–26/10/2025" is not cut after the dash."""
    card = Card(SITE_NAMES["vi"], site_descriptions()["vi"], "vi")
    assert "25–26/10/2025" in card.title
    pdf = engine().compile(input=typst_document([card], template_text()).encode("utf-8"), format="pdf")
    lines = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().splitlines()
    assert any("25–26/10/2025" in line for line in lines), lines
