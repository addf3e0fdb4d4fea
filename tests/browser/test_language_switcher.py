"""Issue 6 §2: on a deep page of every type, in every language, opening the
language switcher and clicking a language lands on the same page in that
language (and never on its home page or a 404). The 404 page, which is not
a page of the site, offers each language's home page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.quality import PHONE, new_context, url_of
from site_pages import check_required_types, samples
from sitetools import LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_keeps_the_reader_on_the_same_page(browser: Browser, base_url: str, site: Path,
                                                    language: str) -> None:
    check_required_types(site)
    found = samples(site)
    context = new_context(browser, language, PHONE, without_search_index=True)
    page = context.new_page()
    problems, clicks = [], 0
    try:
        for kind, by_language in found.items():
            if language not in by_language:
                continue
            for target in LANGUAGES:
                if target == language or target not in by_language:
                    continue
                start = by_language[language]
                landing = found["home"][target] if kind == "404" else by_language[target]
                expected = url_of(base_url, landing.url)
                page.goto(url_of(base_url, start.url), wait_until="load")
                page.locator(".md-header .md-select > button").click()
                link = page.locator(f".md-select__link[hreflang='{target}']")
                link.wait_for(state="visible", timeout=3000)
                with page.expect_navigation(timeout=5000) as navigation:
                    link.click()
                clicks += 1
                response = navigation.value
                if page.url != expected or response is None or response.status != 200:
                    problems.append(f"{start.url} ({kind}) -> {target}: {page.url} "
                                    f"({response and response.status}), expected {expected}")
                elif page.locator("html").get_attribute("lang") != target:
                    problems.append(f"{start.url} ({kind}) -> {target}: html lang is not {target}")
    finally:
        context.close()
    print(f"language switcher ({language}): {clicks} clicks, {len(problems)} problems")
    assert clicks, "no page to switch from"
    assert not problems, "\n".join(problems)
