"""Axe-core (npm, pinned) finds no WCAG 2.0/2.1/2.2 A or AA
violation on any built page, in any language.

Every page is checked on a wide screen (header tabs, navigation and table of
contents all shown); one page of each type is checked again on a phone
screen, and with the search dialog open. One context per language, pages in
sequence; the search index is not loaded where the search stays closed
(it halves the time). axe is injected into the page, so these contexts
bypass the CSP; the CSP itself is checked, enforced, in test_page_types.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.quality import PHONE, WIDE, describe, new_context, run_axe, url_of
from site_pages import check_required_types, pages_in, samples
from sitetools import LANGUAGES

pytestmark = pytest.mark.browser

# A word every language's pages use, typed as a reader would.
SEARCH_WORDS = {"en": "convention", "vi": "công ước", "fr": "convention"}


def axe_problems(browser: Browser, base_url: str, language: str, screen, pages: list, label) -> list[str]:
    """axe's violations on each of ``pages`` (SitePage), in one context of
    the language at that screen size; ``label(site_page)`` names a page."""
    context = new_context(browser, language, screen, bypass_csp=True, without_search_index=True)
    page = context.new_page()
    problems: list[str] = []
    try:
        for site_page in pages:
            response = page.goto(url_of(base_url, site_page.url), wait_until="load")
            assert response is not None and response.ok, f"{site_page.url}: {response and response.status}"
            problems += describe(run_axe(page), label(site_page))
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violation_on_any_page(browser: Browser, base_url: str, site: Path, language: str) -> None:
    pages = pages_in(site, language)
    assert pages, f"no page found for {language}"
    problems = axe_problems(browser, base_url, language, WIDE, pages, lambda p: p.url)
    print(f"axe ({language}, wide screen): {len(pages)} pages, {len(problems)} violations")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violation_on_a_phone_screen(browser: Browser, base_url: str, site: Path, language: str) -> None:
    check_required_types(site)
    chosen = [by_language[language] for by_language in samples(site).values() if language in by_language]
    problems = axe_problems(browser, base_url, language, PHONE, chosen, lambda p: f"{p.url} ({p.type}, phone)")
    print(f"axe ({language}, phone): {len(chosen)} page types, {len(problems)} violations")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violation_in_the_open_search(browser: Browser, base_url: str, site: Path, language: str) -> None:
    home = samples(site)["home"][language]
    context = new_context(browser, language, WIDE, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(url_of(base_url, home.url), wait_until="load")
        page.keyboard.press("/")
        page.keyboard.type(SEARCH_WORDS[language])
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
        problems = describe(run_axe(page), f"{home.url} (search open)")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
