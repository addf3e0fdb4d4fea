"""Translation parity, key figures from data, content lint."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from french_text import french_spacing_problems
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, html_pages, page_language, site_facts, soup, url_path

CONTENT_ROOTS = ("docs", "data", "overrides", "locales")
TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".html", ".po", ".json", ".js", ".css", ".xml", ".typ"}


def text_files() -> list[Path]:
    return sorted(
        p
        for root in CONTENT_ROOTS
        for p in (PROJECT / root).rglob("*")
        if p.is_file() and p.suffix in TEXT_SUFFIXES and "locales" not in p.relative_to(PROJECT).parts[1:2]
    )


def english_page(site: Path, page: Path) -> Path:
    language = page_language(site, page)
    return page if language == DEFAULT_LANGUAGE else site / page.relative_to(site / language)


def headings(page: Path) -> list[tuple[str, str]]:
    article = soup(page).select_one("article")
    return [(h.name, h.get("id", "")) for h in article.find_all(re.compile(r"^h[1-6]$"))] if article else []


def test_heading_ids_are_the_same_in_every_language(site: Path) -> None:
    mismatches = []
    for page in html_pages(site):
        language = page_language(site, page)
        if language == DEFAULT_LANGUAGE or page.name == "404.html":
            continue
        english = headings(english_page(site, page))
        mine = headings(page)
        if mine != english:
            missing = [h for h in english if h not in mine]
            extra = [h for h in mine if h not in english]
            mismatches.append(
                f"{url_path(site, page)}: missing sections {missing}, extra {extra}"
                if missing or extra
                else f"{url_path(site, page)}: sections in another order"
            )
    assert not mismatches, "\n".join(mismatches)


def test_every_heading_has_an_explicit_id_in_the_sources() -> None:
    missing = []
    for path in sorted((PROJECT / "docs").rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^#{1,6} ", line) and not re.search(r"\{#[a-z0-9-]+\}\s*$", line):
                missing.append(f"{path.relative_to(PROJECT)}:{number}: {line}")
    assert not missing, (
        "headings need an explicit id shared by the three languages, e.g. `## Key facts {#key-facts}`:\n"
        + "\n".join(missing)
    )


def machine_values(page: Path) -> list[str]:
    article = soup(page).select_one("article")
    if article is None:
        return []
    return sorted([d["value"] for d in article.find_all("data")] + [t["datetime"] for t in article.find_all("time")])


def test_key_figures_are_the_same_in_every_language(site: Path) -> None:
    for page in html_pages(site):
        if page_language(site, page) == DEFAULT_LANGUAGE or page.name == "404.html":
            continue
        assert machine_values(page) == machine_values(english_page(site, page)), url_path(site, page)


def test_key_figures_come_from_the_data(site: Path) -> None:
    facts = site_facts()
    numbers = {str(f.value) for f in facts.facts.values() if f.kind == "number"}
    shown = {d["value"] for page in html_pages(site) for d in soup(page).find_all("data")}
    assert shown, "no key figure is shown anywhere"
    assert shown <= numbers


@pytest.mark.parametrize("language", LANGUAGES)
def test_signatures_table_counts_the_data(site: Path, language: str) -> None:
    facts = site_facts()
    page = soup(site / ("" if language == DEFAULT_LANGUAGE else language) / "convention" / "signatures" / "index.html")
    rows = page.select("table.hc-signatories tbody tr")
    assert len(rows) == len(facts.signatures.signatories)
    summary = page.select_one(".hc-signatures__summary").get_text()
    assert str(len(facts.signatures.signatories)) in summary
    by_day = [
        int(row.select_one("td.hc-number").get_text()) for row in page.select("table.hc-signature-counts tbody tr")
    ]
    assert sum(by_day) == len(facts.signatures.signatories)


# Gettext's header placeholders (EMAIL@ADDRESS, FULL NAME) are matched case-sensitively.
PLACEHOLDERS = re.compile(
    r"(?i:lorem ipsum|\bTODO\b|\bFIXME\b|\bTBD\b|example\.(com|org|net)|@example\b)|"
    r"EMAIL@ADDRESS|FULL NAME|YEAR-MO-DA"
)


def test_no_placeholder_text_ships() -> None:
    found = [
        f"{p.relative_to(PROJECT)}:{n}: {line.strip()[:80]}"
        for p in text_files()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if PLACEHOLDERS.search(line)
    ]
    found += [
        f"{p.relative_to(PROJECT)}:{n}"
        for p in (PROJECT / "locales").rglob("*.po")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if PLACEHOLDERS.search(line)
    ]
    assert not found, "\n".join(found)


def test_all_text_is_unicode_nfc() -> None:
    decomposed = [
        str(p.relative_to(PROJECT))
        for p in text_files() + list((PROJECT / "locales").rglob("*.po"))
        if unicodedata.normalize("NFC", text := p.read_text(encoding="utf-8")) != text
    ]
    assert not decomposed, f"files with decomposed accents (save them as NFC): {decomposed}"


def visible_text(page: Path) -> str:
    return visible_text_of(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))


def visible_text_of(document: BeautifulSoup) -> str:
    for hidden in document(["script", "style", "code", "pre", "svg", "head"]):
        hidden.decompose()
    return document.get_text(" ")


def test_french_typography(site: Path) -> None:
    problems = []
    for page in html_pages(site / "fr"):
        problems += [f"{url_path(site, page)}: {problem}" for problem in french_spacing_problems(visible_text(page))]
    assert not problems, "\n".join(problems[:30])


ARTICLE_COUNT = re.compile(r"\b(68|71)\s+(articles?|điều)\b", re.I)
ATTRIBUTION = re.compile(
    r"Ministry of Public Security|Bộ Công an|ministère (vietnamien )?de la Sécurité publique|"
    r"ambassador|Đại sứ|ambassadeur|according to|theo |selon|reported|cho biết|a annoncé|MPS|"
    # a count of this site's own list, which says where each entry comes from
    r"this site|trang này|trang thông tin này|danh sách|ce site",
    re.I,
)


def items_of_attributed_lists(page: Path) -> list[str]:
    """The items of lists whose introducing paragraph says who gave the
    figures ("Figures announced by the Ministry of Public Security:"): the
    attribution is said once, not again in every item."""
    document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    items = []
    for listing in document.find_all(["ul", "ol"]):
        intro = listing.find_previous_sibling()
        if intro is not None and intro.name == "p" and ATTRIBUTION.search(intro.get_text(" ")):
            items += [" ".join(item.get_text(" ").split()) for item in listing.find_all("li", recursive=False)]
    return items


# The tables of the pictures' figures (the chart's, the map's) count this
# site's own list, as their captions say: a total of 72 there is the list's.
# (The map's legend is a list introduced as counted from the list.)
COUNTED_FROM_THE_LIST = ("table.hc-signature-counts", "table.hc-instrument-counts", "table.hc-map__table")


def test_unconfirmed_items_are_not_stated_as_fact(site: Path) -> None:
    problems = []
    for page in html_pages(site):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for counted in document.select(", ".join(COUNTED_FROM_THE_LIST)):
            counted.decompose()
        text = visible_text_of(document)
        attributed = items_of_attributed_lists(page)
        if ARTICLE_COUNT.search(text):
            problems.append(f"{url_path(site, page)}: an article count (68 or 71 is unconfirmed)")
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            if any(" ".join(sentence.split()) in item for item in attributed):
                continue
            if re.search(r"\b72\b", sentence) and not ATTRIBUTION.search(sentence):
                problems.append(
                    f"{url_path(site, page)}: signatory total without attribution: {sentence.strip()[:120]}"
                )
    assert not problems, "\n".join(problems)
