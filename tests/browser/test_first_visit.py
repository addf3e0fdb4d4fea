"""What a first visit downloads, in Chromium on a phone screen: everything a
fresh browser asks for in the 5 seconds after the page has loaded, with no
interaction, each file counted at its gzip -9 size as Netlify would send it
(docs-dev/quality-gates.md).

FIRST_VISIT_BUDGET, 50 kB (kB = 1000 bytes), on every page type in every
language: 105-117 kB before Material's bundle waited for the reader's first
interaction, search for the reader to open it, and Material's stylesheet was
cut to what the site uses (assets/javascripts/on-demand.js,
hooks/hanoi/served/on_demand.py); 24-28 kB after. The render-path budget is in
tests/test_page_weight.py.

Then the reader opens search: "Loading search…" shows in the page's language
until Material's worker is ready, and only then are the worker, lunr and the
index downloaded.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.quality import PHONE, WIDE, new_context, url_of
from site_pages import check_required_types, samples
from sitetools import LANGUAGES
from test_page_weight import KB, gzipped

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 50 * KB
QUIET_SECONDS = 5
LOADING = {"en": "Loading search…", "vi": "Đang tải chức năng tìm kiếm…", "fr": "Chargement de la recherche…"}
SEARCH_FILES = ("search_index.json", "/workers/", "/lunr/")


def kind_of(path: str) -> str:
    if any(part in path for part in SEARCH_FILES):
        return "search"
    if "/bundle." in path:
        return "bundle"
    suffix = Path(path).suffix or ".html"
    return {".html": "html", ".css": "css", ".js": "js", ".woff2": "fonts", ".woff": "fonts"}.get(suffix, "other")


def site_file(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)
    file = site / path.lstrip("/")
    return file / "index.html" if path.endswith("/") else file


def first_visits(browser: Browser, base_url: str, language: str, paths: list[str]) -> dict[str, list[str]]:
    """The URLs fresh phone browsers ask for, one per path, until at least 5 s
    after each page's load event (the pages are opened one after the other,
    then left alone together: the first ones get more than 5 s)."""
    requested: dict[str, list[str]] = {}
    contexts = []
    try:
        for path in paths:
            context = new_context(browser, language, PHONE)
            contexts.append(context)
            page = context.new_page()
            requested[path] = []
            page.on("request", lambda request, path=path: requested[path].append(request.url))
            page.goto(url_of(base_url, path), wait_until="load")
        contexts[-1].pages[0].wait_for_timeout(QUIET_SECONDS * 1000)
    finally:
        for context in contexts:
            context.close()
    return {path: list(dict.fromkeys(urls)) for path, urls in requested.items()}


def test_first_visit_of_every_page_type_within_budget(browser: Browser, base_url: str, site: Path) -> None:
    check_required_types(site)
    lines, problems = [], []
    pages = [(kind, site_page) for kind, by_language in samples(site).items() for site_page in by_language.values()]
    for language in LANGUAGES:
        mine = [(kind, site_page) for kind, site_page in pages if site_page.language == language]
        visits = first_visits(browser, base_url, language, [site_page.url for _, site_page in mine])
        for kind, site_page in mine:
            urls = visits[site_page.url]
            sizes: dict[str, int] = defaultdict(int)
            for url in urls:
                file = site_file(site, url)
                assert file.is_file(), f"{url} is not a file of the site"
                sizes[kind_of(url)] += gzipped(file)
            total = sum(sizes.values())
            lines.append(
                f"{site_page.url} ({kind}): {total / KB:.1f} kB in {len(urls)} requests = "
                + ", ".join(f"{k} {v / KB:.1f}" for k, v in sorted(sizes.items()))
            )
            if total > FIRST_VISIT_BUDGET:
                problems.append(f"over {FIRST_VISIT_BUDGET / KB:.0f} kB: {lines[-1]}")
            if sizes["search"] or sizes["bundle"]:
                problems.append(f"{site_page.url}: search or Material's bundle loaded without interaction: {urls}")
    print(
        f"first visit (gzip -9, {QUIET_SECONDS} s after load, budget {FIRST_VISIT_BUDGET / KB:.0f} kB):\n  "
        + "\n  ".join(lines)
    )
    assert not problems, "\n".join(problems)


def open_search_and_watch(page: Page, viewport: dict) -> None:
    if viewport is PHONE:
        page.locator(".md-header__button[for='__search']").click()  # a tap on the search button
    else:
        page.locator("input.md-search__input").click()  # a click in the header's search box


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_search_loads_when_opened_and_says_so(
    browser: Browser, base_url: str, site: Path, language: str, viewport: dict
) -> None:
    home = samples(site)["home"][language]
    context = new_context(browser, language, viewport)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # Held until the loading state has been seen, as on a slow network.
    held = []
    page.route("**/search_index.json", lambda route: held.append(route))
    try:
        page.goto(url_of(base_url, home.url), wait_until="load")
        page.mouse.move(5, 300)  # an interaction: Material's bundle, not search
        page.wait_for_function("() => !!window.component$", timeout=10_000)
        page.wait_for_timeout(500)
        assert not [url for url in requested if kind_of(url) == "search"], requested
        open_search_and_watch(page, viewport)
        expect(page.locator("#__search")).to_be_checked()
        expect(page.locator("input.md-search__input")).to_be_focused()
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_be_visible()
        expect(meta).to_have_text(LOADING[language])
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the index was not requested when search opened"
        held[0].continue_()
        expect(meta).not_to_have_text(LOADING[language], timeout=10_000)
        page.keyboard.type("hanoi" if language != "vi" else "ha noi")
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
        kinds = [url for url in requested if kind_of(url) == "search"]
        assert any("search_index.json" in url for url in kinds) and any("/workers/" in url for url in kinds), kinds
    finally:
        context.close()
