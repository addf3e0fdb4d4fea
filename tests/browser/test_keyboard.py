"""The site with the keyboard alone. The first Tab reaches a
visible "skip to content" link on every page type; every element the
keyboard reaches shows a visible focus outline; the language switcher opens
and a language is chosen with Tab and Enter; the search opens from the
keyboard and takes what is typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser.quality import PHONE, WIDE, new_context, url_of
from site_pages import check_required_types, samples
from sitetools import LANGUAGES

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), cls: e.className && e.className.baseVal === undefined ? e.className : '',
    text: (e.innerText || e.getAttribute('aria-label') || e.value || '').trim().slice(0, 40),
    href: e.getAttribute('href'), lang: e.getAttribute('hreflang'),
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
    boxShadow: s.boxShadow, opacity: parseFloat(s.opacity), visible: e.checkVisibility({opacityProperty: true}),
    inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                r.top < innerHeight && r.left < innerWidth,
  };
}"""


FOCUS_SHOWN = """() => { const e = document.activeElement;
  return !e || e === document.body || e.checkVisibility({opacityProperty: true}); }"""
SETTLED = """() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))"""


def focused(page: Page) -> dict | None:
    return page.evaluate(FOCUSED)


def tab_to(page: Page, selector: str, limit: int = 40) -> int:
    """Press Tab until the focus is on an element matching selector; the
    number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector} (last: {focused(page)})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_tab_reaches_a_visible_skip_link(browser: Browser, base_url: str, site: Path, language: str) -> None:
    check_required_types(site)
    context = new_context(browser, language, PHONE, without_search_index=True)
    page = context.new_page()
    problems = []
    try:
        for by_language in samples(site).values():
            if language not in by_language:
                continue
            site_page = by_language[language]
            page.goto(url_of(base_url, site_page.url), wait_until="load")
            page.keyboard.press("Tab")
            state = focused(page)
            where = f"{site_page.url} ({site_page.type})"
            if not state or "md-skip" not in state["cls"]:
                problems.append(f"{where}: the first Tab reached {state}, not the skip link")
                continue
            page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=3000)
            state = focused(page)
            if not (state["visible"] and state["inViewport"] and state["text"]):
                problems.append(f"{where}: the skip link is not visible when focused: {state}")
            target = state["href"]
            page.keyboard.press("Enter")
            page.wait_for_function("(h) => location.hash === h", arg=target, timeout=3000)
            if not page.locator(f"[id='{target[1:]}']").first.is_visible():
                problems.append(f"{where}: the skip link's target {target} is not visible")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_keyboard_focus_is_always_visible(browser: Browser, base_url: str, site: Path, viewport: dict) -> None:
    content = samples(site)["content"]["en"]
    context = new_context(browser, "en", viewport, without_search_index=True)
    page = context.new_page()
    problems, seen = [], 0
    try:
        page.goto(url_of(base_url, content.url), wait_until="load")
        for _ in range(60):
            page.keyboard.press("Tab")
            page.evaluate(SETTLED)  # Material fades some focus styles in
            state = focused(page)
            if state is None:
                break
            seen += 1
            if not state["visible"]:  # e.g. the search field opens the search when focused
                page.wait_for_function(FOCUS_SHOWN, timeout=2000)
                page.evaluate(SETTLED)
                state = focused(page) or state
            outlined = state["outlineStyle"] != "none" and state["outlineWidth"] >= 2
            if not (outlined and state["visible"]):
                problems.append(f"{state['tag']}.{state['cls']} '{state['text']}': focus not visible: {state}")
    finally:
        context.close()
    assert seen >= 20, f"only {seen} elements reached with Tab"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_table_of_contents_is_exposed_once(browser: Browser, base_url: str, site: Path, viewport: dict) -> None:
    """Why .htmlvalidate.json can turn unique-landmark off: of Material's two
    copies of the table of contents, one is always display:none."""
    content = samples(site)["content"]["en"]
    context = new_context(browser, "en", viewport, without_search_index=True)
    page = context.new_page()
    try:
        page.goto(url_of(base_url, content.url), wait_until="load")
        if viewport is PHONE:  # the navigation drawer, where the phone's copy lives
            page.locator(".md-header label[for='__drawer']").click()
        counts = page.evaluate("""() => {
          const navs = [...document.querySelectorAll('nav.md-nav--secondary')];
          return [navs.length, navs.filter(n => n.checkVisibility()).length];
        }""")
    finally:
        context.close()
    assert counts[0] >= 1 and counts[1] <= 1, f"tables of contents (all, exposed): {counts}"


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_language_switcher_works_with_the_keyboard(browser: Browser, base_url: str, site: Path, viewport: dict) -> None:
    deep = samples(site)["press-release"]
    context = new_context(browser, "en", viewport, without_search_index=True)
    page = context.new_page()
    try:
        page.goto(url_of(base_url, deep["en"].url), wait_until="load")
        tab_to(page, ".md-select > button")
        option = page.locator(".md-select__link[hreflang='vi']")
        option.wait_for(state="visible", timeout=3000)  # opened by the focus alone
        tab_to(page, ".md-select__link[hreflang='vi']", limit=5)
        page.keyboard.press("Enter")
        page.wait_for_url(url_of(base_url, deep["vi"].url), timeout=5000)
        assert page.locator("html").get_attribute("lang") == "vi"
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_works_with_the_keyboard(browser: Browser, base_url: str, site: Path, language: str) -> None:
    """Wide screen: Tab reaches the search field in the header. Phone: the
    '/' key opens the search (Material's shortcut). Both take typing."""
    home = samples(site)["home"][language]
    word = {"en": "convention", "vi": "công ước", "fr": "convention"}[language]
    for viewport in (WIDE, PHONE):
        context = new_context(browser, language, viewport)
        page = context.new_page()
        try:
            page.goto(url_of(base_url, home.url), wait_until="load")
            if viewport is WIDE:
                tab_to(page, "input.md-search__input")
            else:
                page.keyboard.press("/")
                page.wait_for_function("() => document.activeElement.matches('input.md-search__input')", timeout=3000)
            assert page.locator("#__search").is_checked(), "the search did not open"
            page.keyboard.type(word)
            assert page.locator("input.md-search__input").input_value() == word
            page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
            page.keyboard.press("Escape")
            assert not page.locator("#__search").is_checked(), "Escape did not close the search"
        finally:
            context.close()
