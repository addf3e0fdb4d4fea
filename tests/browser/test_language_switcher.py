"""On a deep page of every type, opening the language switcher
and clicking a language lands on the same page in that language (never on
its home page or a 404). Every ordered pair of languages is clicked once per
page type, by going round the languages in both directions (en -> vi -> fr
-> en, then en -> fr -> vi -> en). The 404 page, which is not a page of the
site, offers each language's home page instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser.quality import PHONE, new_context, url_of
from site_pages import SitePage, check_required_types, samples
from sitetools import LANGUAGES

pytestmark = pytest.mark.browser

ROUNDS = {"forward": LANGUAGES, "backward": (LANGUAGES[0], *reversed(LANGUAGES[1:]))}


def switch(page: Page, base_url: str, target: str, landing: SitePage) -> str | None:
    """Open the switcher, click a language; a problem, or None."""
    page.locator(".md-header .md-select > button").click()
    link = page.locator(f".md-select__link[hreflang='{target}']")
    link.wait_for(state="visible", timeout=3000)
    with page.expect_navigation(timeout=5000) as navigation:
        link.click()
    response = navigation.value
    expected = url_of(base_url, landing.url)
    if page.url != expected or response is None or response.status != 200:
        return f"-> {target}: {page.url} ({response and response.status}), expected {expected}"
    if page.locator("html").get_attribute("lang") != target:
        return f"-> {target}: html lang is not {target}"
    return None


@pytest.mark.parametrize("direction", sorted(ROUNDS))
def test_switcher_keeps_the_reader_on_the_same_page(
    browser: Browser, base_url: str, site: Path, direction: str
) -> None:
    check_required_types(site)
    found = samples(site)
    order = ROUNDS[direction]
    context = new_context(browser, order[0], PHONE, without_search_index=True)
    page = context.new_page()
    problems, clicks = [], 0
    try:
        for kind, by_language in found.items():
            languages = [language for language in order if language in by_language]
            page.goto(url_of(base_url, by_language[languages[0]].url), wait_until="load")
            for here, target in zip(languages, [*languages[1:], languages[0]], strict=True):
                landing = found["home"][target] if kind == "404" else by_language[target]
                problem = switch(page, base_url, target, landing)
                clicks += 1
                if problem:
                    problems.append(f"{by_language[here].url} ({kind}) {problem}")
                    break  # the next click would start from the wrong page
                if kind == "404":  # the 404 page sends the reader home: start again from it
                    page.goto(url_of(base_url, by_language[target].url), wait_until="load")
    finally:
        context.close()
    print(f"language switcher ({direction}): {clicks} clicks on {len(found)} page types, {len(problems)} problems")
    assert clicks, "no page to switch from"
    assert not problems, "\n".join(problems)
