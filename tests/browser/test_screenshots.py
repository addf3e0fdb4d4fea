"""Nothing looks different with Material's stylesheet cut to what the site
uses (hooks/hanoi/served/stylesheet.py): every page type, in the three languages,
on a phone (412 px) and a wide screen (1280 px), is drawn by Chromium with
the published stylesheet and with Material's whole one in its place (each
followed by the site's own, which is published inside it), and the
two screenshots must be the same: no pixel may differ by more than
CHANNEL_TOLERANCE (48 of 255) in any channel. That much is anti-aliasing:
under load, Chromium draws a glyph or an icon's edge (the language icon, the
search box's placeholder) a little differently from one screenshot to the
next (up to 27 of 255 measured, on 2-300 pixels); a rule the cut left out
changes a colour, a border or the layout, by far more.

Not part of ``make test`` (12 minutes on 2 cores, over the CI budget with the
rest): ``make screenshots`` runs it (docs-dev/quality-gates.md).

States compared: the whole page as it loads (before any interaction, so
before Material's bundle); then, after a first interaction has run Material's
bundle, the page scrolled halfway (the header's shadow and title, the table
of contents following the reader, the "back to top" button), and on each
home page the search open with results and, on a phone, the menu open; an
abbreviation's tooltip on a content page.

Each screenshot is taken until two in a row are equal, and ``compare`` takes
both again when they differ: a difference is reported only when it is there
every time.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

import material
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser.quality import PHONE, WIDE, new_context, url_of
from hanoi.served.on_demand import SITE_STYLESHEET
from hanoi.served.stylesheet import minified
from site_pages import PAGE_TYPES, REQUIRED_TYPES, check_required_types, samples
from sitetools import LANGUAGES, PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.screenshots]
CHANNEL_TOLERANCE = 48
# The pages with pictures (the meter, the chart, the tile map) are drawn at
# 390 px too, the width their pictures are made for.
PICTURE_TYPES = ("home", "signatures", "map")
SMALL_PHONE = {"width": 390, "height": 844}

WHOLE_STYLESHEET = (
    next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css")).read_bytes()
    + minified((PROJECT / "overrides" / SITE_STYLESHEET).read_text(encoding="utf-8")).encode()
)
ATTEMPTS = 2

# In a blank page: how many pixels differ by more than the tolerance between two PNGs, and where.
PIXELS_DIFFERING = """async ([a, b, tolerance]) => {
  const load = (data) => new Promise((resolve) => {
    const image = new Image(); image.onload = () => resolve(image); image.src = "data:image/png;base64," + data })
  const [x, y] = [await load(a), await load(b)]
  if (x.width !== y.width || x.height !== y.height)
    return {count: -1, box: [x.width, x.height, y.width, y.height]}
  const pixels = (image) => {
    const canvas = document.createElement("canvas"); canvas.width = image.width; canvas.height = image.height
    const context = canvas.getContext("2d"); context.drawImage(image, 0, 0)
    return context.getImageData(0, 0, image.width, image.height).data }
  const [p, q] = [pixels(x), pixels(y)]
  let count = 0, box = [1e9, 1e9, -1, -1]
  for (let i = 0; i < p.length; i += 4)
    if (Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2]),
                 Math.abs(p[i + 3] - q[i + 3])) > tolerance) {
      const n = i / 4, px = n % x.width, py = Math.floor(n / x.width); count++
      box = [Math.min(box[0], px), Math.min(box[1], py), Math.max(box[2], px), Math.max(box[3], py)] }
  return {count, box}
}"""

Shot = Callable[[Page], bytes]

# Fonts loaded, transitions and animations over (the header's search box and
# buttons fade in once the page is marked as having JavaScript).
SETTLED = """() => document.fonts.ready
  .then(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))))"""


def stable(page: Page, full_page: bool = False) -> bytes:
    """A screenshot equal to the one taken just before it: Chromium sometimes
    draws the header's text once more after the page has settled."""
    page.evaluate(SETTLED)
    previous = page.screenshot(full_page=full_page, animations="disabled", caret="hide")
    for _ in range(3):
        page.wait_for_timeout(300)
        current = page.screenshot(full_page=full_page, animations="disabled", caret="hide")
        if current == previous:
            break
        previous = current
    return previous


def at_rest(page: Page) -> bytes:
    return stable(page, full_page=True)


def material_running(page: Page) -> None:
    page.mouse.move(2, 2)  # a first interaction: on-demand.js loads Material's bundle
    page.wait_for_function("() => !!window.component$", timeout=10_000)


def scrolled(page: Page) -> bytes:
    material_running(page)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    return stable(page)


def search_open(language: str) -> Shot:
    def shot(page: Page) -> bytes:
        material_running(page)
        page.keyboard.press("/")
        page.keyboard.type("ha noi" if language == "vi" else "hanoi")
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
        return stable(page)

    return shot


def menu_open(page: Page) -> bytes:
    material_running(page)
    page.locator(".md-header__button[for='__drawer']").click()
    return stable(page)


def tooltip(page: Page) -> bytes:
    material_running(page)
    page.locator("article abbr").first.hover()
    page.locator(".md-tooltip2--active").first.wait_for(state="visible", timeout=5000)
    return stable(page)


class Comparer:
    """Screenshots of pages drawn with the published stylesheet and with
    Material's whole one: one browser context each (and per screen size), a
    new page for each screenshot."""

    def __init__(self, browser: Browser, base_url: str, language: str) -> None:
        self.browser, self.base_url, self.language = browser, base_url, language
        self.blank = browser.new_page()
        self.contexts: dict[tuple[int, bool], BrowserContext] = {}

    def context(self, viewport: dict, whole: bool) -> BrowserContext:
        key = (viewport["width"], whole)
        if key not in self.contexts:
            context = new_context(self.browser, self.language, viewport)
            if whole:
                context.route(
                    "**/assets/stylesheets/main.*.min.css",
                    lambda route: route.fulfill(body=WHOLE_STYLESHEET, content_type="text/css"),
                )
            self.contexts[key] = context
        return self.contexts[key]

    def take(self, viewport: dict, path: str, shot: Shot, whole: bool) -> bytes:
        page = self.context(viewport, whole).new_page()
        try:
            page.goto(url_of(self.base_url, path), wait_until="load")
            return shot(page)
        finally:
            page.close()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()
        self.blank.close()

    def compare(self, viewport: dict, path: str, shot: Shot) -> dict | None:
        """None when identical; else how many pixels differ, and where."""
        for _ in range(ATTEMPTS):
            cut = self.take(viewport, path, shot, whole=False)
            whole = self.take(viewport, path, shot, whole=True)
            if cut == whole:
                return None
            difference = self.blank.evaluate(
                PIXELS_DIFFERING, [base64.b64encode(cut).decode(), base64.b64encode(whole).decode(), CHANNEL_TOLERANCE]
            )
            if difference["count"] == 0:
                return None
        return difference


@pytest.fixture(scope="module")
def sample_pages(site: Path) -> dict:
    """Each page type's sample page by language, looked for once for every case."""
    check_required_types(site)
    return samples(site)


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cut_stylesheet_draws_every_page_as_materials_whole_one(
    browser: Browser, base_url: str, sample_pages: dict, language: str, kind: str
) -> None:
    """One page type in one language (``-k "vi and map"`` runs one case):
    at rest and scrolled, on a phone and a wide screen; on the home page,
    search and the menu open; on the first page type whose page has an
    abbreviation, its tooltip."""
    pages = sample_pages
    if language not in pages.get(kind, {}):
        assert kind not in REQUIRED_TYPES, f"no {kind} page in {language}"
        pytest.skip(f"no {kind} page is built in {language}")
    comparer = Comparer(browser, base_url, language)
    url = pages[kind][language].url
    cases: list[tuple[str, dict, str, Shot]] = []
    for name, viewport in (("phone", PHONE), ("wide", WIDE)):
        cases.append((f"{kind}, {name}, at rest", viewport, url, at_rest))
        cases.append((f"{kind}, {name}, scrolled", viewport, url, scrolled))
    if kind in PICTURE_TYPES:
        cases.append((f"{kind}, 390 px phone, at rest", SMALL_PHONE, url, at_rest))
    if kind == "home":
        cases += [
            ("home, phone, search open", PHONE, url, search_open(language)),
            ("home, wide, search open", WIDE, url, search_open(language)),
            ("home, phone, menu open", PHONE, url, menu_open),
        ]
    abbreviated = next(
        page_kind
        for page_kind, by_language in pages.items()
        if language in by_language and "<abbr" in by_language[language].file.read_text(encoding="utf-8")
    )
    if kind == abbreviated:
        cases.append(("wide, an abbreviation's tooltip", WIDE, url, tooltip))
    differences = []
    try:
        for name, viewport, path, shot in cases:
            difference = comparer.compare(viewport, path, shot)
            if difference is not None:
                differences.append(f"{path} ({name}): {difference['count']} pixels differ, in {difference['box']}")
    finally:
        comparer.close()
    print(f"\n{language}, {kind}: {len(cases)} screenshots compared, {len(differences)} differ")
    assert not differences, "\n".join(differences)
