"""The termbase (data/termbase.yml) holds the approved wording of each key
term and the variants never to use: none of them may appear on a page of its
language, in the text or the attributes readers meet, nor in that
language's PDF fact sheets. A failure names the page and the variant."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from english_text import texts
from hanoi.terms.termbase import forbidden_in, load_termbase
from sitetools import LANGUAGES, html_pages, page_language, url_path


def forbidden(language: str) -> list[tuple[str, str]]:
    terms, problems = load_termbase()
    assert not problems, problems
    return [(term.id, variant) for term in terms for variant in term.forbidden.get(language, ())]


def found_in(text: str, language: str) -> list[str]:
    return [f"{variant!r} (term {term})" for term, variant in forbidden(language) if forbidden_in(text, variant)]


def test_the_check_matches_whole_words_only() -> None:
    assert forbidden_in("selon la CPJP.", "CPJP")
    assert not forbidden_in("Cộng hòa Đô-mi-ni-ca-na", "Cộng hòa Đô-mi-ni-ca")
    assert not forbidden_in("les Nations Unies", "Nations unies")
    assert forbidden_in(unicodedata.normalize("NFD", "Phiên bế mạc"), "Phiên bế mạc")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_forbidden_variant_on_any_page(site: Path, language: str) -> None:
    problems = []
    for page in html_pages(site):
        if page_language(site, page) != language:
            continue
        found = found_in("\n".join(texts(page.read_text(encoding="utf-8"))), language)
        problems += [f"{url_path(site, page)}: {f}" for f in found]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_forbidden_variant_in_the_fact_sheets(site: Path, language: str) -> None:
    pdfs = sorted((site / "media" / "fact-sheets").glob(f"*.{language}.pdf"))
    assert pdfs, f"no {language} fact sheet built"
    problems = []
    for pdf in pdfs:
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        problems += [f"/media/fact-sheets/{pdf.name}: {f}" for f in found_in(" ".join(text.split()), language)]
    assert not problems, "\n".join(problems)


def test_every_term_has_its_three_languages_and_an_official_source() -> None:
    terms, problems = load_termbase()
    assert not problems and len(terms) >= 20
    assert all(
        term.source.startswith("https://") and all(term.approved[language] for language in LANGUAGES) for term in terms
    )
