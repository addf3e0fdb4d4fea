"""The status site on a phone, in a real Chromium: the home page's status
panel on the first screen, the signatures page within its height budget,
the filter box, and the days left counted in the reader's browser."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser, expect

from browser.quality import LOCALES, url_of
from sitetools import DEFAULT_LANGUAGE, LANGUAGES

PHONE = {"width": 390, "height": 844}
# Issue budget: the Vietnamese signatures page at most 4,000 px tall at 390 px.
SIGNATURES_HEIGHT_BUDGET = 4000


def prefix(language: str) -> str:
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def open_page(browser: Browser, base_url: str, path: str, language: str, **options):
    context = browser.new_context(viewport=PHONE, locale=LOCALES[language], **options)
    page = context.new_page()
    page.goto(url_of(base_url, path), wait_until="load")
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_panel_is_on_the_first_phone_screen(browser: Browser, base_url: str, language: str) -> None:
    context, page = open_page(browser, base_url, prefix(language), language)
    try:
        for selector in ("h1", ".hc-home__lead", ".hc-status"):
            box = page.locator(selector).first.bounding_box()
            assert box is not None and box["y"] >= 0, selector
            assert box["y"] + box["height"] <= PHONE["height"], f"{selector} ends at {box['y'] + box['height']:.0f} px"
        assert page.locator(".hc-status dt").count() == 4
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_days_left_are_counted_in_the_browser(browser: Browser, base_url: str, language: str) -> None:
    context, page = open_page(browser, base_url, prefix(language), language)
    try:
        deadline = page.locator("[data-hc-days-until]").first
        until = date.fromisoformat(deadline.get_attribute("data-hc-days-until"))
        today = date.fromisoformat(
            page.evaluate(
                "() => { const d = new Date(); "
                "return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10); }"
            )
        )
        left = (until - today).days
        text = deadline.inner_text()
        if left > 0:
            assert str(left) in text.replace("\u202f", "").replace(".", "").replace(",", ""), text
        elif left < 0:
            assert text == ""  # past the date, the date shown beside it speaks
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_signatures_page_height_on_a_phone(browser: Browser, base_url: str, language: str) -> None:
    context, page = open_page(browser, base_url, f"{prefix(language)}convention/signatures/", language)
    try:
        height = page.evaluate("document.documentElement.scrollHeight")
        print(f"{language}: signatures page {height} px tall at 390 px")
        if language == "vi":
            assert height <= SIGNATURES_HEIGHT_BUDGET, f"{height} px"
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "language,typed,expected",
    [
        ("vi", "viet", "Việt Nam"),
        ("vi", "ai cap", "Ai Cập"),
        ("fr", "egypte", "Égypte"),
        ("en", "cote", "Côte d’Ivoire"),
    ],
)
def test_the_filter_ignores_accents(browser: Browser, base_url: str, language: str, typed: str, expected: str) -> None:
    context, page = open_page(browser, base_url, f"{prefix(language)}convention/signatures/", language)
    try:
        rows = page.locator("table.hc-signatories tbody tr")
        total = rows.count()
        box = page.locator("#hc-signatories-filter")
        assert box.is_visible()
        shown = page.locator("table.hc-signatories tbody tr:visible")
        box.fill(typed)
        expect(shown).not_to_have_count(total)
        visible = [name.strip() for name in page.locator("table.hc-signatories tbody tr:visible th").all_inner_texts()]
        assert any(name.startswith(expected) for name in visible) and len(visible) < total, visible
        assert str(len(visible)) in page.locator("#hc-signatories-filter-status").inner_text()
        box.fill("")
        expect(shown).to_have_count(total)
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_list_is_plain(browser: Browser, base_url: str) -> None:
    context, page = open_page(browser, base_url, "/vi/convention/signatures/", "vi", java_script_enabled=False)
    try:
        assert not page.locator("#hc-signatories-filter").is_visible()
        rows = page.locator("table.hc-signatories tbody tr")
        assert rows.count() > 60 and page.locator("table.hc-signatories tbody tr:visible").count() == rows.count()
    finally:
        context.close()
