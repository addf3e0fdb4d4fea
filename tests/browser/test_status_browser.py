"""The status site on a phone, in a real Chromium: the home page's status
panel on the first screen, the signatures page within its height budget,
the filter box, the days left counted in the reader's browser on New York's
calendar, and the notice a reader sees on a page built days before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, expect

from browser.quality import LOCALES, url_of
from netlify_emulation import serve
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, free_port, run_build

PHONE = {"width": 390, "height": 844}
# Issue budget: the Vietnamese signatures page at most 4,000 px tall at 390 px
# (3,971 px on 6 December 2026), raised to 4,200 px for the chart over time
# that the pictures issue asks for on this page, readable at 390 px: 250 px
# with its title, plus its figures' summary and the link to the map, less the
# table of signatures by day and place (180 px), now among those figures
# (4,171 px with them).
SIGNATURES_HEIGHT_BUDGET = 4200


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


# The build that the Hanoi rebuild makes on New York's last day: 00:05 on
# 1 January in Hanoi, 12:05 on 31 December in New York.
LAST_DAY_BUILD = "2026-12-31T17:05:00Z"


@pytest.fixture(scope="module")
def last_day_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Built for the address it is served at: the site's policy runs scripts
    from that address's script folder only."""
    port = free_port()
    site = tmp_path_factory.mktemp("last-day") / "site"
    result = run_build(PROJECT, site, SITE_NOW=LAST_DAY_BUILD, SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    yield from serve(site, port)


def open_at(browser: Browser, base_url: str, language: str, moment: datetime):
    """The home page in a browser whose clock says ``moment``."""
    context = browser.new_context(viewport=PHONE, locale=LOCALES[language], timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.install(time=moment)
    page.goto(url_of(base_url, prefix(language)), wait_until="load")
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # A reader in Hanoi on the morning of 1 January: 20:00 on 31 December in New York.
        (
            datetime(2027, 1, 1, 1, 0, tzinfo=UTC),
            {"en": "(last day)", "vi": "(ngày cuối cùng)", "fr": "(dernier jour)"},
        ),
        # The evening of 30 December in Hanoi is still the 30th in New York: one day left.
        (
            datetime(2026, 12, 30, 14, 0, tzinfo=UTC),
            {"en": "(1 day left)", "vi": "(còn 1 ngày)", "fr": "(encore 1 jour)"},
        ),
        # 1 January in New York: signature has closed, nothing is counted.
        (datetime(2027, 1, 1, 5, 1, tzinfo=UTC), {"en": "", "vi": "", "fr": ""}),
    ],
)
def test_the_countdown_counts_new_york_s_days(
    browser: Browser, last_day_url: str, moment: datetime, expected: dict[str, str]
) -> None:
    for language in LANGUAGES:
        context, page = open_at(browser, last_day_url, language, moment)
        try:
            assert page.locator("[data-hc-days-until]").first.inner_text() == expected[language], language
        finally:
            context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_opened_days_after_its_build_says_so(browser: Browser, last_day_url: str, language: str) -> None:
    """Built on 31 December and read three days later (the daily build has
    stopped): the panel says its figures may be out of date and points to the
    depositary record, without any request; a day later it says nothing."""
    built = datetime(2026, 12, 31, 17, 5, tzinfo=UTC)
    for days_later, shown in ((3, True), (1, False)):
        context, page = open_at(browser, last_day_url, language, built + timedelta(days=days_later))
        try:
            notice = page.locator("[data-hc-stale]")
            assert notice.is_visible() is shown, (language, days_later)
            if shown:
                assert notice.locator("a").get_attribute("href").startswith("https://treaties.un.org/")
        finally:
            context.close()


# Each picture's colours as Chromium computes them: what must stand out, and
# against what (WCAG 2.2: 4.5:1 for text, 3:1 for the parts of a graphic
# needed to understand it, 1.4.3 and 1.4.11).
PICTURE_CONTRASTS = {
    "/convention/signatures/": [
        (".hc-chart__line--signatories", "stroke", None, 3),
        (".hc-chart__required", "stroke", None, 3),
        (".hc-chart__marker", "stroke", None, 3),
        (".hc-chart__tick", "fill", None, 4.5),
        (".hc-chart__label", "fill", None, 4.5),
    ],
    "/convention/map/": [
        (".hc-tile--neither rect", "stroke", None, 3),
        (".hc-hatch__line", "stroke", None, 3),
        (".hc-tile--deposited rect", "fill", None, 3),
        (".hc-map__legend .hc-tile--neither text", "fill", ".hc-tile--neither rect", 4.5),
        (".hc-map__legend .hc-tile--signed text", "fill", ".hc-hatch__ground", 4.5),
        (".hc-map__legend .hc-tile--deposited text", "fill", ".hc-tile--deposited rect", 4.5),
    ],
}
SWATCH_CODES = """() => document.querySelectorAll(".hc-map__legend g.hc-tile").forEach((tile) =>
  tile.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "text")).append("VNM"))"""
CONTRAST = """([selector, property, against]) => {
  const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number)
  const luminance = ([r, g, b]) => [r, g, b].map((c) => c / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0)
  const colour = (element, name) => rgb(getComputedStyle(element)[name])
  const element = document.querySelector(selector)
  const ground = against ? colour(document.querySelector(against), "fill") : [255, 255, 255]
  const [a, b] = [luminance(colour(element, property)), luminance(ground)]
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", sorted(PICTURE_CONTRASTS))
def test_the_pictures_colours_pass_wcag_contrast(browser: Browser, base_url: str, path: str) -> None:
    """The legend's swatches hold a tile of each standing, each given a code
    here, so that every standing is checked whatever the data."""
    context, page = open_page(browser, base_url, path, DEFAULT_LANGUAGE)
    try:
        page.evaluate(SWATCH_CODES)
        for selector, property, against, minimum in PICTURE_CONTRASTS[path]:
            ratio = page.evaluate(CONTRAST, [selector, property, against])
            assert ratio >= minimum, f"{selector} {property}: {ratio:.2f}:1"
    finally:
        context.close()


@pytest.mark.browser
def test_the_map_keeps_its_patterns_in_forced_colours(browser: Browser, base_url: str) -> None:
    """Windows contrast themes (forced colours, often dark: the one dark
    scheme this light-only site gets): the three standings stay apart, by
    the system's two colours and the hatching."""
    context, page = open_page(browser, base_url, "/convention/map/", DEFAULT_LANGUAGE, forced_colors="active")
    try:
        fill = "(selector) => getComputedStyle(document.querySelector(selector)).fill"
        neither, signed, deposited = (
            page.evaluate(fill, f".hc-map__legend .hc-tile--{standing} rect")
            for standing in ("neither", "signed", "deposited")
        )
        assert "url(" in signed and neither != deposited, (neither, signed, deposited)
        line, ground = (
            page.evaluate(fill.replace(".fill", ".stroke"), ".hc-hatch__line"),
            page.evaluate(fill, ".hc-hatch__ground"),
        )
        assert line != ground and ground == neither and line == deposited, (line, ground)
    finally:
        context.close()
