"""Issue 2 §3–4: three languages, mirrored pages, right `lang`, a switcher that keeps the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

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


# Words that mark English running text; none is a Vietnamese or French word.
ENGLISH_MARKERS = {
    "the", "and", "of", "to", "is", "for", "with", "this", "that", "was", "are", "by", "on", "it",
    "from", "which", "has", "have", "be", "page", "search", "back", "top", "skip", "content", "initializing",
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_fragments(text: str) -> list[str]:
    """Runs of text in which English marker words dominate."""
    found = []
    for fragment in re.split(r"[.!?;:\n]+", text):
        words = [w.lower() for w in WORD.findall(fragment)]
        english = [w for w in words if w in ENGLISH_MARKERS]
        if len(words) >= 2 and len(english) >= 2 and len(english) / len(words) >= 0.3:
            found.append(fragment.strip())
    return found


def visible_text(page: Path) -> str:
    document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")  # a copy: this one is cut up
    for hidden in document(["script", "style", "code", "pre", "svg", "head"]):
        hidden.decompose()
    for element in document.select("[lang]"):
        if element.name != "html" and element["lang"] != document.html["lang"]:
            element.decompose()  # text marked as another language is fine
    return document.get_text("\n")


def attribute_text(page: Path) -> str:
    document = soup(page)
    return "\n".join(
        value for tag in document.find_all(True) for name in ("aria-label", "title", "alt", "placeholder")
        if (value := tag.get(name)) and not (tag.get("lang") and tag.get("lang") != document.html["lang"])
    )


def test_english_detector_catches_english() -> None:
    assert english_fragments("Trang chủ\nBack to top\nInitializing search")
    assert not english_fragments("Công ước của Liên Hợp Quốc về chống tội phạm mạng")
    assert not english_fragments("La Convention des Nations unies contre la cybercriminalité")


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_no_english_text_under_vi_or_fr(site: Path, language: str) -> None:
    offenders = {}
    for page in html_pages(site / language):
        fragments = english_fragments(visible_text(page) + "\n" + attribute_text(page))
        if fragments:
            offenders[url_path(site, page)] = fragments[:5]
    assert not offenders, f"English text published under lang={language}: {offenders}"
