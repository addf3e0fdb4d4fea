"""Search in the reader's language, in a real Chromium, with the site's Content-Security-Policy: a
reader types in the search box (Playwright's ``fill`` does not trigger
Material's search; ``keyboard.type`` does, as a reader would) and gets
results in the language of the page only, accent-insensitive, exact matches
first, highlighted with the original diacritics."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import PageWatch
from hanoi.search.index import fold, index_path, page_search_config
from sitetools import DEFAULT_LANGUAGE, LANGUAGES

# Waits until Material has rendered the results of the last query: the list
# has results and has not changed for `quiet` ms (each keystroke is a query,
# answered in order, so the last change is the last query's results).
SETTLED = """([quiet, timeout]) => new Promise((resolve) => {
  const list = document.querySelector(".md-search-result__list")
  const started = performance.now()
  let last = performance.now()
  new MutationObserver(() => { last = performance.now() }).observe(list, { childList: true, subtree: true })
  const check = () => {
    const now = performance.now()
    if ((list.children.length && now - last >= quiet) || now - started > timeout) resolve(list.children.length)
    else setTimeout(check, 50)
  }
  check()
})"""

RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map((item) => ({
  href: item.querySelector("a.md-search-result__link").href,
  title: item.querySelector("article h1").textContent.trim(),
  titleMarks: [...item.querySelectorAll("article h1 mark")].map((m) => m.textContent),
  marks: [...item.querySelectorAll("mark")].map((m) => m.textContent),
}))"""


@dataclass(frozen=True)
class Result:
    href: str
    title: str
    title_marks: list[str]
    marks: list[str]

    def path(self, base_url: str) -> str:
        return (
            self.href[len(base_url) :].split("?", 1)[0].split("#", 1)[0]
            if self.href.startswith(base_url)
            else self.href
        )


def search(page: Page, base_url: str, path: str, query: str) -> list[Result]:
    page.goto(base_url + path, wait_until="load")
    page.keyboard.press("/")  # Material's shortcut: opens search and focuses the box
    box = page.locator(".md-search__input")
    expect(page.locator("#__search")).to_be_checked()
    expect(box).to_be_focused()
    expect(box).to_be_visible()
    page.keyboard.type(query, delay=40)
    # Playwright inserts letters missing from a US keyboard ("đ", "é") without
    # key events; Material searches on keyup, which a real keyboard sends.
    page.keyboard.press("End")
    expect(box).to_have_value(query)
    page.evaluate(SETTLED, [500, 15000])
    return [Result(r["href"], r["title"], r["titleMarks"], r["marks"]) for r in page.evaluate(RESULTS)]


def result_count(page: Page) -> int:
    """The number of pages found, from Material's "N matching documents"."""
    meta = page.locator(".md-search-result__meta").text_content() or ""
    match = re.search(r"\d+", meta)
    return int(match.group()) if match else (1 if page.locator(".md-search-result__item").count() else 0)


def in_language(result: Result, base_url: str, language: str) -> bool:
    if not result.href.startswith(base_url):
        return False
    first = result.path(base_url).split("/", 1)[0]
    others = [other for other in LANGUAGES if other != DEFAULT_LANGUAGE]
    return first not in others if language == DEFAULT_LANGUAGE else first == language


def lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def words(html: str) -> list[str]:
    """Words as the search splits them (mkdocs.yml's separator, roughly)."""
    text = re.sub(r"<[^>]+>", " ", html)
    return [w for w in re.split(r"[\s\-–—'’‘\"“”«»()\[\],;:!?/]+|\.(?!\d)", lower(text)) if w]


def search_in(page: Page, base_url: str, language: str, query: str) -> list[Result]:
    """``search`` from the language's home page: something is found, and only
    pages of that language."""
    results = search(page, base_url, "" if language == DEFAULT_LANGUAGE else f"{language}/", query)
    assert results, f"nothing found for {query!r}"
    assert all(in_language(r, base_url, language) for r in results), [r.href for r in results]
    return results


def pages_with_word(site: Path, language: str, word: str) -> set[str]:
    """Pages (paths under the language root) whose index entries have ``word`` as a whole word."""
    index = json.loads(index_path(site, language).read_text(encoding="utf-8"))
    return {
        doc["location"].split("#", 1)[0] for doc in index["docs"] if word in words(doc["title"] + " " + doc["text"])
    }


def language_path(result: Result, base_url: str, language: str) -> str:
    path = result.path(base_url)
    return path if language == DEFAULT_LANGUAGE else path[len(language) + 1 :]


def check_clean(watch: PageWatch) -> None:
    assert watch.csp_violations == []
    assert [e for e in watch.console_errors if "search" in e.lower() or "worker" in e.lower()] == []
    assert watch.external_requests == []


# ------------------------------------------------------------------ queries


@pytest.mark.browser
@pytest.mark.parametrize("query", ["toi pham", "tội phạm", "TOI PHAM"])
def test_vietnamese_without_diacritics_finds_pages_with_them(
    page: Page, watch: PageWatch, base_url: str, query: str
) -> None:
    results = search_in(page, base_url, "vi", query)
    top = results[0]
    assert [lower(m) for m in top.title_marks[:2]] == ["tội", "phạm"], top
    titles = [r.title for r in results]
    assert "Đại hội đồng Liên Hợp Quốc thông qua Công ước về chống tội phạm mạng" in titles, titles
    check_clean(watch)


@pytest.mark.browser
def test_a_phrase_without_diacritics_finds_its_page_first(page: Page, watch: PageWatch, base_url: str) -> None:
    results = search_in(page, base_url, "vi", "cong uoc ha noi")
    assert results[0].title == "Công ước Hà Nội", [r.title for r in results[:5]]
    assert results[0].path(base_url) == "vi/"
    assert results[0].title_marks == ["Công", "ước", "Hà", "Nội"]
    check_clean(watch)


@pytest.mark.browser
def test_capitalised_words_without_diacritics(page: Page, watch: PageWatch, base_url: str) -> None:
    results = search_in(page, base_url, "vi", "Cong uoc")
    titles = [r.title for r in results]
    assert "Giới thiệu Công ước" in titles, titles
    for result in results[:3]:
        assert "Công ước" in result.title and ["Công", "ước"] == result.title_marks[:2], result
    check_clean(watch)


def exact_word_first(page: Page, base_url: str, site: Path, word: str) -> tuple[list[Result], set[str]]:
    """Search /vi/ for one word: every result is Vietnamese, and the pages
    that have the word exactly as typed come first. Returns the results and
    those pages."""
    exact = pages_with_word(site, "vi", word)
    results = search_in(page, base_url, "vi", word)
    paths = [language_path(r, base_url, "vi") for r in results]
    if exact:
        assert set(paths[: len(exact)]) == exact, (
            f"pages with the word {word!r} {sorted(exact)} do not come first: {paths}"
        )
    return results, exact


@pytest.mark.browser
def test_d_with_stroke_typed_finds_it_first(page: Page, watch: PageWatch, base_url: str, site: Path) -> None:
    assert pages_with_word(site, "vi", "đa"), "no Vietnamese page has the word 'đa' any more: pick another word"
    results, exact = exact_word_first(page, base_url, site, "đa")
    assert len(results) > len(exact), "accent-insensitive: 'đa' also finds 'da', 'đã', 'đà'…"
    assert any(lower(m) == "đa" for r in results for m in r.marks)
    check_clean(watch)


@pytest.mark.browser
def test_d_typed_finds_d_first_and_d_with_stroke_too(page: Page, watch: PageWatch, base_url: str, site: Path) -> None:
    _, exact = exact_word_first(page, base_url, site, "da")
    found = result_count(page)
    assert found >= len(exact | pages_with_word(site, "vi", "đa") | pages_with_word(site, "vi", "đã")), found
    # "đa phương" (multilateral), typed without diacritics
    results = search(page, base_url, "vi/", "da phuong")
    assert {"đa", "phương"} <= {lower(m) for m in results[0].marks}, results[0]
    check_clean(watch)


@pytest.mark.browser
def test_french_without_accents_finds_accented_words(page: Page, watch: PageWatch, base_url: str) -> None:
    results = search_in(page, base_url, "fr", "cybercriminalite")
    assert [lower(m) for m in results[0].title_marks] == ["cybercriminalité"], results[0]
    titles = [r.title for r in results]
    assert "L’Assemblée générale des Nations Unies adopte la Convention contre la cybercriminalité" in titles, titles
    check_clean(watch)


@pytest.mark.browser
def test_french_diaeresis_and_elision(page: Page, watch: PageWatch, base_url: str) -> None:
    results = search_in(page, base_url, "fr", "convention de hanoi")
    assert results[0].title == "La Convention de Hanoï", [r.title for r in results[:5]]
    assert "Hanoï" in results[0].title_marks
    results = search(page, base_url, "fr/", "etat")  # "l’État": the apostrophe separates words
    assert any(lower(m) in ("état", "états") for r in results[:3] for m in r.marks), [r.marks for r in results[:3]]
    check_clean(watch)


@pytest.mark.browser
def test_english_pages_search_english_only(page: Page, watch: PageWatch, base_url: str) -> None:
    results = search_in(page, base_url, "en", "convention")
    assert "Convention" in results[0].title_marks, results[0]
    titles = [r.title for r in results]
    assert "The Hanoi Convention" in titles and "About the Convention" in titles, titles
    check_clean(watch)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_hanoi_is_found_in_the_language_of_the_page_only(
    page: Page, watch: PageWatch, base_url: str, language: str
) -> None:
    search_in(page, base_url, language, "ha noi" if language == "vi" else "hanoi")
    check_clean(watch)


@pytest.mark.browser
def test_a_missing_word_is_shown_as_typed(page: Page, watch: PageWatch, base_url: str) -> None:
    search_in(page, base_url, "vi", "tội phạm ưưư")
    missing = page.locator(".md-search-result__terms del").all_text_contents()
    assert "ưưư" in missing and "uuu" not in missing, missing
    check_clean(watch)


# --------------------------------------------------- loading and highlights


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_loads_its_language_index_and_lunr_support_only(page: Page, base_url: str, language: str) -> None:
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url[len(base_url) :]))
    path = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    search(page, base_url, path, "convention")
    indexes = [url for url in requested if url.endswith("search_index.json")]
    assert indexes == [f"{path}search/search_index.json"]
    lunr = sorted(url.rsplit("/", 1)[1] for url in requested if "/lunr/" in url)
    assert lunr == ([] if language == "en" else sorted(["lunr.stemmer.support.min.js", f"lunr.{language}.min.js"]))


@pytest.mark.browser
def test_the_opened_result_highlights_the_words_with_their_diacritics(
    page: Page, watch: PageWatch, base_url: str
) -> None:
    results = search(page, base_url, "vi/", "toi pham")
    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(results[0].href.split("?", 1)[0])
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    found = words(" ".join(marks.all_text_contents()))  # adjacent words share one mark
    assert "tội" in found and "phạm" in found, found
    check_clean(watch)


@pytest.mark.browser
def test_the_browser_folds_every_indexed_word_as_the_build_does(page: Page, base_url: str, site: Path) -> None:
    vocabulary = sorted(
        {
            word
            for language in LANGUAGES
            for doc in json.loads(index_path(site, language).read_text(encoding="utf-8"))["docs"]
            for word in words(doc["title"] + " " + doc["text"])
        }
        | {"Tội", "PHẠM", "Đà", "ĐẠI", "Œuvre", "æ", unicodedata.normalize("NFD", "Hà Nội")}
    )
    worker = page_search_config((site / "index.html").read_text(encoding="utf-8"))["search"]
    page.goto(base_url, wait_until="load")
    page.add_script_tag(url=base_url + worker)  # loaded in a page, it only defines HanoiSearch
    folded = page.evaluate("(words) => words.map((w) => self.HanoiSearch.fold(w))", vocabulary)
    different = [(w, js, fold(w)) for w, js in zip(vocabulary, folded, strict=True) if js != fold(w)]
    assert not different, different[:10]


RANK = """([docs, order, query]) => {
  const { fold, words, queryTerms, rank } = self.HanoiSearch
  const separator = /[\\s\\-]+/
  const byLocation = new Map(docs.map((d) => [d.location, d]))
  const wordsOf = (l) => ({
    title: words(byLocation.get(l).title, separator), text: words(byLocation.get(l).text, separator) })
  const foldedOf = (l) => { const w = wordsOf(l); return { title: w.title.map(fold), text: w.text.map(fold) } }
  const groups = order.map((l) => [{ location: l }])
  return rank(groups, queryTerms(query, separator), wordsOf, foldedOf).map((g) => g[0].location)
}"""

RANK_DOCS = [
    {"location": "faq/", "title": "Hỏi đáp", "text": "một điều ước đa phương"},
    {"location": "signatures/", "title": "Danh sách", "text": "Tan-da-ni-a đã ký"},
    {"location": "news/", "title": "Đã xong", "text": "đà tăng trưởng"},
    {"location": "home/", "title": "Công ước Hà Nội", "text": "Giới thiệu"},
    {"location": "why/", "title": "Vì sao gọi là Công ước Hà Nội", "text": ""},
    {"location": "text/", "title": "Lễ mở ký", "text": "Lễ mở ký Công ước Hà Nội diễn ra"},
    {"location": "scattered/", "title": "Hà Nội", "text": "nói về công ước quốc tế"},
]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "material_order", "expected"),
    [
        # typed with diacritics: the pages with "đa" itself first
        ("đa", ["news/", "signatures/", "faq/"], ["faq/", "news/", "signatures/"]),
        # typed without: a page with "da" itself first, then the rest as Material ranked them
        ("da", ["news/", "faq/", "signatures/"], ["signatures/", "news/", "faq/"]),
        # the words together: as a whole title, in a title, in the text, then scattered
        ("cong uoc ha noi", ["scattered/", "text/", "why/", "home/"], ["home/", "why/", "text/", "scattered/"]),
        ("Công ước Hà Nội", ["scattered/", "text/", "why/", "home/"], ["home/", "why/", "text/", "scattered/"]),
        # still typing: the last word may be unfinished
        ("cong uoc ha n", ["scattered/", "text/", "why/", "home/"], ["home/", "why/", "text/", "scattered/"]),
    ],
)
def test_exact_matches_and_phrases_come_first(
    page: Page, base_url: str, site: Path, query: str, material_order: list[str], expected: list[str]
) -> None:
    worker = page_search_config((site / "index.html").read_text(encoding="utf-8"))["search"]
    page.goto(base_url, wait_until="load")
    page.add_script_tag(url=base_url + worker)
    assert page.evaluate(RANK, [RANK_DOCS, material_order, query]) == expected
