"""Three languages, mirrored pages, right `lang`, a switcher that keeps the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from english_text import english_in, findings, site_findings
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, html_pages, page_language, soup, url_path

DOCS = PROJECT / "docs"
NATIVE_NAMES = {"en": "English", "vi": "Tiếng Việt", "fr": "Français"}


def markdown_pages(language: str) -> set[str]:
    root = DOCS / language
    return {p.relative_to(root).as_posix() for p in root.rglob("*.md")}


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE])
def test_every_page_exists_in_every_language(language: str) -> None:
    english, translated = markdown_pages("en"), markdown_pages(language)
    missing = sorted(english - translated)
    extra = sorted(translated - english)
    assert not missing, f"pages missing in docs/{language}/ (copy and translate from docs/en/): {missing}"
    assert not extra, f"pages in docs/{language}/ with no English original in docs/en/: {extra}"


def test_html_lang_matches_the_language_folder(site: Path) -> None:
    wrong = [
        (url_path(site, page), soup(page).html.get("lang"))
        for page in html_pages(site)
        if soup(page).html and soup(page).html.get("lang") != page_language(site, page)
    ]
    assert not wrong, f"pages whose <html lang> is not their folder's language: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_404_per_language_in_its_language(site: Path, language: str) -> None:
    page = site / ("" if language == DEFAULT_LANGUAGE else language) / "404.html"
    assert page.is_file(), f"{page} missing"
    assert soup(page).html["lang"] == language
    # The page's own text comes from the catalogue of its language.
    heading = soup(page).find("h1").get_text(strip=True)
    assert heading == {"en": "Page not found", "vi": "Không tìm thấy trang", "fr": "Page introuvable"}[language]


def test_switcher_shows_native_names_and_keeps_the_reader_on_the_same_page(site: Path) -> None:
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        links = soup(page).select("a.md-select__link")
        assert {a.get_text(strip=True) for a in links} == set(NATIVE_NAMES.values()), url_path(site, page)
        here = url_path(site, page)
        base = here[len(page_language(site, page)) + 1 :] if page_language(site, page) != DEFAULT_LANGUAGE else here
        for link in links:
            language = link["hreflang"]
            assert link["lang"] == language
            target = ("/" if language == DEFAULT_LANGUAGE else f"/{language}/") + base.lstrip("/")
            resolved = resolve(here, link["href"])
            assert resolved == target, f"on {here}, '{link.get_text(strip=True)}' goes to {resolved}, not {target}"


def resolve(page_url: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin("https://x" + page_url, href)[len("https://x") :]


@pytest.mark.parametrize("language,home_title", [("en", "Home"), ("vi", "Trang chủ"), ("fr", "Accueil")])
def test_nav_titles_are_translated(site: Path, language: str, home_title: str) -> None:
    index = site / ("" if language == DEFAULT_LANGUAGE else language) / "index.html"
    titles = [a.get_text(" ", strip=True) for a in soup(index).select("nav.md-nav--primary a.md-nav__link")]
    assert home_title in titles, f"{language} nav titles: {titles}"


@pytest.mark.parametrize(
    "language,site_name", [("en", "Hanoi Convention"), ("vi", "Công ước Hà Nội"), ("fr", "Convention de Hanoï")]
)
def test_site_name_and_description_per_language(site: Path, language: str, site_name: str) -> None:
    index = site / ("" if language == DEFAULT_LANGUAGE else language) / "index.html"
    page = soup(index)
    assert page.find("meta", property="og:site_name")["content"] == site_name
    assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == site_name


def test_english_detector_catches_english() -> None:
    assert english_in("Permanent link", "vi") == "interface string"
    assert english_in("Back to top", "fr") == "interface string"
    assert english_in("UN Treaty Collection, status of treaty XVIII-16 (depositary record)", "vi")
    assert english_in("Navigation", "fr") is None  # French too
    assert english_in("Công ước của Liên Hợp Quốc về chống tội phạm mạng", "vi") is None
    assert english_in("La Convention des Nations Unies contre la cybercriminalité", "fr") is None
    assert english_in("Pham The Tung (vice-ministre de la Sécurité publique)", "fr") is None
    marked = (
        '<html lang="vi"><body><p>Chủ đề <span lang="en">Sharing Responsibility of the future</span></p></body></html>'
    )
    assert findings(marked, "vi") == []


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_no_english_text_under_vi_or_fr(site: Path, language: str) -> None:
    """No English on a Vietnamese or French page, in its text or in the
    attributes readers meet, except what is marked lang="en" (`.venv/bin/python
    tests/english_text.py site` counts and lists it)."""
    found = site_findings(site, language)
    assert not found, f"English text published under lang={language}: " + "; ".join(
        f"{page}: {text[:80]!r} ({why})" for page, items in found.items() for text, why in items[:5]
    )


def export_text(node: object, language: str) -> list[str]:
    """The running text of a JSON export: strings with a space, but no
    addresses, and no headline of a source in another language (the export
    says which)."""
    if isinstance(node, str):
        return [node] if " " in node and not node.startswith("http") else []
    if isinstance(node, dict):
        foreign = node.get("language", language) != language
        return [
            text
            for key, value in node.items()
            if key not in ("url", "$schema", "$id", "schema") and not (key == "title" and foreign)
            for text in export_text(value, language)
        ]
    if isinstance(node, list):
        return [text for value in node for text in export_text(value, language)]
    return []


def export_texts(site: Path, language: str) -> dict[str, list[str]]:
    """The texts a reader of ``language`` meets outside the pages: the feed,
    the programme's JSON exports and the PDF fact sheets."""
    from xml.etree import ElementTree

    from pypdf import PdfReader

    found: dict[str, list[str]] = {}
    feed = ElementTree.parse(site / language / "feed.xml")
    found[f"/{language}/feed.xml"] = [
        e.text or "" for e in feed.iter() if e.tag.rsplit("}", 1)[-1] in ("title", "subtitle", "summary")
    ]
    # The search index repeats the pages, which are checked with their language marks.
    exports = (
        p
        for p in (site / language).rglob("*.json")
        if not p.name.endswith(".schema.json") and p.parent.name != "search"
    )
    for export in sorted(exports):
        strings = export_text(json.loads(export.read_text(encoding="utf-8")), language)
        found["/" + export.relative_to(site).as_posix()] = strings
    for pdf in sorted((site / "media" / "fact-sheets").glob(f"*.{language}.pdf")):
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        found[f"/media/fact-sheets/{pdf.name}"] = [line for line in text.splitlines() if line.strip()]
    return found


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_no_english_in_feeds_exports_or_pdfs(site: Path, language: str) -> None:
    problems = [
        f"{where}: {text[:80]!r} ({why})"
        for where, items in export_texts(site, language).items()
        for text in items
        if (why := english_in(" ".join(text.split()), language))
    ]
    assert not problems, "\n".join(problems)
