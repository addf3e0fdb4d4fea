"""The termbase (data/termbase.yml) holds the approved wording of each key
term and the house-style rules of each language, with the variants never to
use: none of them may appear on a page of its language (in the text, the
attributes readers meet and the strings the page's scripts show), in that
language's PDF fact sheets, or in its UI catalogue, where some strings only
show in a later phase. A failure names the page and the variant.

The other tests here keep the fixes of the native review of 6 December 2026
that are not about a word (brackets, language notes, times, spans of days,
French spacing and number agreement, the PDFs' line breaks):
CONTRIBUTING.md, "Translation reviews", says which test keeps which finding."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from pypdf import PdfReader

from english_text import URL, texts
from hanoi.terms.termbase import forbidden_in, load_style_rules, load_termbase
from sitetools import LANGUAGES, PROJECT, html_pages, page_language, soup, url_path

TRANSLATED = ("vi", "fr")
# Elements whose text is read as one run: inline markup (an abbreviation, a
# link, bold) does not cut a phrase in two.
BLOCKS = ("p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "summary", "caption", "figcaption", "title")


def forbidden(language: str) -> list[tuple[str, str]]:
    terms, problems = load_termbase()
    assert not problems, problems
    rules, problems = load_style_rules()
    assert not problems, problems
    return [(term.id, variant) for term in terms for variant in term.forbidden.get(language, ())] + [
        (rule.id, variant) for rule in rules for variant in rule.forbidden.get(language, ())
    ]


def found_in(text: str, language: str) -> list[str]:
    return [f"{variant!r} (term {term})" for term, variant in forbidden(language) if forbidden_in(text, variant)]


def blocks(document: BeautifulSoup) -> list[str]:
    return [" ".join(element.get_text("").split()) for element in document.find_all(BLOCKS)]


def script_strings(document: BeautifulSoup) -> list[str]:
    """The interface strings Material's scripts show (search results...),
    from the page's configuration."""
    config = document.select_one("script#__config")
    return list(json.loads(config.string).get("translations", {}).values()) if config and config.string else []


def page_texts(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    document = BeautifulSoup(html, "html.parser")
    return "\n".join(texts(html) + blocks(document) + script_strings(document))


def visible_blocks(page: Path) -> list[str]:
    document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in document(["script", "style", "code", "pre", "svg", "head"]):
        hidden.decompose()
    return blocks(document)


def test_the_check_matches_whole_words_only() -> None:
    assert forbidden_in("selon la CPJP.", "CPJP")
    assert not forbidden_in("Cộng hòa Đô-mi-ni-ca-na", "Cộng hòa Đô-mi-ni-ca")
    assert not forbidden_in("les Nations Unies", "Nations unies")
    assert forbidden_in(unicodedata.normalize("NFD", "Phiên bế mạc"), "Phiên bế mạc")


def test_a_phrase_cut_by_inline_markup_is_still_found() -> None:
    document = BeautifulSoup("<p>session de la CCPJ (<abbr>CCPCJ</abbr>) de l’ONU, à Vienne</p>", "html.parser")
    assert found_in("\n".join(blocks(document)), "fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_forbidden_variant_on_any_page(site: Path, language: str) -> None:
    problems = []
    for page in html_pages(site):
        if page_language(site, page) != language:
            continue
        problems += [f"{url_path(site, page)}: {f}" for f in found_in(page_texts(page), language)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_forbidden_variant_in_the_fact_sheets(site: Path, language: str) -> None:
    pdfs = sorted((site / "media" / "fact-sheets").glob(f"*.{language}.pdf"))
    assert pdfs, f"no {language} fact sheet built"
    problems = []
    for pdf in pdfs:
        text = URL.sub(" ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))  # the sources' addresses
        problems += [f"/media/fact-sheets/{pdf.name}: {f}" for f in found_in(" ".join(text.split()), language)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_forbidden_variant_in_the_ui_catalogue(language: str) -> None:
    """Every translated UI string, including those only a later phase shows
    (the deposits table, the phases after the signature deadline)."""
    path = PROJECT / "locales" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalogue = read_po(po, locale=language)
    problems = []
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            problems += [f"{path.name}, {message.id!r}: {f}" for f in found_in(string or "", language)]
    assert not problems, "\n".join(problems)


def test_every_term_has_its_three_languages_and_an_official_source() -> None:
    terms, problems = load_termbase()
    assert not problems and len(terms) >= 20
    assert all(
        term.source.startswith("https://") and all(term.approved[language] for language in LANGUAGES) for term in terms
    )


# A bracket right after another, or a bracket opened inside another after a
# space ("(Báo Công an Nhân dân (CAND))"; "COM(2025)417" is a symbol, not a
# bracket inside a bracket).
STACKED_BRACKETS = re.compile(r"\)\s*\(|\([^()]*\s\([^()]*\)[^()]*\)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_source_has_one_pair_of_brackets(site: Path, language: str) -> None:
    problems = [
        f"{url_path(site, page)}: {text[:140]}"
        for page in html_pages(site)
        if page_language(site, page) == language
        for text in visible_blocks(page)
        if STACKED_BRACKETS.search(text)
    ]
    assert not problems, "\n".join(sorted(set(problems)))


# "… en vietnamien (en vietnamien)", "… bằng tiếng Pháp (tiếng Pháp)"
DOUBLED_LANGUAGE_NOTE = {
    "vi": re.compile(r"tiếng (\w+(?: \w+)?)\s*\(tiếng \1\)"),
    "fr": re.compile(r"en (\w+)\s*\(en \1\)"),
}


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_language_note_does_not_repeat_the_link(site: Path, language: str) -> None:
    problems = [
        f"{url_path(site, page)}: {text[:140]}"
        for page in html_pages(site / language)
        for text in visible_blocks(page)
        if DOUBLED_LANGUAGE_NOTE[language].search(text)
    ]
    assert not problems, "\n".join(problems)


def test_vietnamese_times_have_no_leading_zero(site: Path) -> None:
    leading_zero = re.compile(r"(?<![\d:./])0\d:\d\d")
    problems = [
        f"{url_path(site, page)}: {text[:100]}"
        for page in html_pages(site / "vi")
        for text in visible_blocks(page)
        if leading_zero.search(text)
    ]
    assert not problems, "\n".join(problems)


# A row that means one day or the other is not written as a span.
SPAN_FOR_ONE_OF_TWO_DAYS = re.compile(
    r"\d+–\d+\S*(?: \w+ \d{4})? \((?:day not reported|không rõ ngày|jour non précisé)\)"
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_signature_on_one_of_two_days_reads_or(site: Path, language: str) -> None:
    page = site / ("" if language == "en" else language) / "convention" / "signatures" / "index.html"
    texts_of_rows = [" ".join(td.get_text(" ").split()) for td in soup(page).select(".hc-signature-counts td")]
    assert not [t for t in texts_of_rows if SPAN_FOR_ONE_OF_TWO_DAYS.search(t)], texts_of_rows
    assert any({"en": " or ", "vi": " hoặc ", "fr": " ou "}[language] in t for t in texts_of_rows), texts_of_rows


LABELS = ("aria-label", "title", "alt", "placeholder")


def test_french_spacing_in_the_labels_screen_readers_read(site: Path) -> None:
    bare = re.compile(r"[^\s\u00a0\u202f\d/]([:;!?])(?=\s|$)")
    problems = [
        f"{url_path(site, page)}: {name}={value!r}"
        for page in html_pages(site / "fr")
        for element in soup(page).find_all(True)
        for name in LABELS
        if (value := element.get(name)) and bare.search(value)
    ]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_source_labels_agree_with_the_number_of_sources(site: Path, language: str) -> None:
    """A label before one source is singular: "(source 4)", "Source:"; before
    several, plural: "(sources 1, 2)"."""
    root = site if language == "en" else site / language
    problems, seen = [], 0
    for page in html_pages(root):
        if page_language(site, page) != language:
            continue
        document = soup(page)
        for label in document.select(".hc-steps__sources, span.hc-sources, .hc-release__sources"):
            count = len(label.find_all("a")) or len(label.find_next_sibling("ul").find_all("li"))
            words = label.get_text(" ").replace("(", " ").split()
            word = next(w.lower().rstrip(":") for w in words if w.lower().startswith("source"))
            seen += 1
            if word != ("source" if count == 1 else "sources"):
                problems.append(f"{url_path(site, page)}: {' '.join(words)[:80]} ({count} sources)")
    assert seen and not problems, "\n".join(problems)


def test_one_form_of_the_ordinals_per_french_page(site: Path) -> None:
    """Written out in data labels, in figures with superscript in pages and
    templates; never both on one page (the glossary only writes them out)."""
    problems = []
    for page in html_pages(site / "fr"):
        text = " ".join(visible_blocks(page))
        if "quatre-vingt-dixième" in text and re.search(r"\b90\s?e\b", text):
            problems.append(url_path(site, page))
    assert not problems, problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_confirmed_after_a_colon_is_in_lower_case(site: Path, language: str) -> None:
    page = site / ("" if language == "en" else language) / "convention" / "signatures" / "index.html"
    figure = soup(page).select_one(".hc-instruments__count .hc-status__figure--unknown")
    text = figure.get_text().strip()
    assert text[:1].islower(), text
    panel = soup(site / ("" if language == "en" else language) / "index.html").select_one(".hc-status__figure--unknown")
    assert panel.get_text().strip()[:1].isupper()  # standing alone in the panel


def test_the_vietnamese_panel_labels_its_figures_as_numbers(site: Path) -> None:
    """A label above a count reads "Số …" ("Số bên ký"), not "Bên ký"."""
    items = soup(site / "vi" / "index.html").select(".hc-status__item")
    labels = [item.dt.get_text(" ", strip=True) for item in items if item.select_one("span.hc-status__figure")]
    assert len(labels) == 2 and all(label.startswith("Số ") for label in labels), labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_home_page_title_is_the_site_name_alone(site: Path, language: str) -> None:
    page = site / ("" if language == "en" else language) / "index.html"
    title = soup(page).title.get_text(strip=True)
    assert " - " not in title, title


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_media_kit_says_which_open_data_is_in_english_only(site: Path, language: str) -> None:
    text = " ".join(soup(site / language / "media" / "kit" / "index.html").select_one("article").get_text(" ").split())
    assert "signatories.csv" in text and "name_vi" in text
    assert {"vi": "chỉ có bằng tiếng Anh", "fr": "sont en anglais"}[language] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_un_document_symbol_is_never_broken_across_lines_in_a_pdf(site: Path, language: str) -> None:
    pdf = site / "media" / "fact-sheets" / f"signature-ratification-entry-into-force.{language}.pdf"
    lines = "\n".join(page.extract_text() for page in PdfReader(pdf).pages).splitlines()
    assert any("C.N.196.2025.TREATIES-XVIII.16" in line for line in lines), [
        line for line in lines if "C.N." in line or "XVIII.16" in line
    ]
