"""The crafted inputs in Chromium (tests/crafted_inputs.py): every probe page
of the crafted build (the refused ones as the build leaves them, sanitized,
which is all a preview could show; the accepted ones as published) and the
release whose front matter holds markup, served with the real headers. A
fake editor token is planted; a script that ran anywhere would mark the page,
change its title or open a dialog. No script may run, and no navigation or
request may leave the site. Then a page is given scripts the build would
never write, to show what the Content-Security-Policy does on its own: a
script outside the site's script folder, or inline, does not run; one in the
folder does (so the marks are seen when a script runs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from crafted_inputs import INERT, RENDERED_REFUSED
from netlify_emulation import serve
from sitetools import CraftedSite

pytestmark = pytest.mark.browser

TOKEN = "fake-token-for-the-test"
PLANT_TOKEN = f"localStorage.setItem('sveltia-cms.user', JSON.stringify({{token: '{TOKEN}'}}));"
# What a script that ran would do: read the token, mark the page, change its title.
EVIL_SCRIPT = (
    "document.documentElement.dataset.pwned = localStorage.getItem('sveltia-cms.user') || 'ran';"
    "document.title = 'evil ran';"
)
PROBE_PAGES = [f"probe/{name}/" for name, *_ in RENDERED_REFUSED + INERT] + [
    "press/2025-10-26-closing-press-conference/",
    "press/",
    "",
]
LIVE_MARKUP = """() => ({
  handlers: [...document.querySelectorAll('*')].flatMap((e) =>
    [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
  probes: [...document.querySelectorAll('article script, article meta, article base, article iframe, '
    + 'article object, article embed, article svg, article math, article form, article link, article style, '
    + 'article noscript, a[href^="javascript:"], a[href^="data:"], a[href^="vbscript:"], a[ping], '
    + 'article img[src*="//"], meta[http-equiv="refresh"], base')].map((e) => e.outerHTML.slice(0, 80)),
  pwned: document.documentElement.dataset.pwned || null,
  title: document.title,
})"""


@pytest.fixture(scope="module")
def crafted_url(crafted_site: CraftedSite) -> Iterator[str]:
    """The crafted build served at the address it was built for, with a
    script at the top of the site (where no page may load one from) and one
    in the script folder, both as a file that got published would be."""
    site = crafted_site.result.site_dir
    assert (site / "_headers").is_file(), crafted_site.result.output[-2000:]
    (site / "evil.js").write_text(EVIL_SCRIPT, encoding="utf-8")
    (site / "assets" / "javascripts" / "evil-in-folder.js").write_text(EVIL_SCRIPT, encoding="utf-8")
    yield from serve(site, crafted_site.port)


class Visit:
    """A page opened with the token planted, everything leaving the site stopped and recorded."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.context = browser.new_context(viewport={"width": 412, "height": 915})
        self.context.add_init_script(PLANT_TOKEN)
        self.left: list[str] = []
        self.dialogs: list[str] = []
        self.navigations: list[str] = []
        self.host = urlsplit(base_url).netloc
        self.page: Page = self.context.new_page()
        self.context.route("**/*", self._route)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("framenavigated", lambda frame: self.navigations.append(frame.url))

    def _route(self, route) -> None:
        if urlsplit(route.request.url).netloc != self.host:
            self.left.append(route.request.url)
            return route.abort()
        return route.continue_()

    def close(self) -> None:
        self.context.close()


def test_no_crafted_input_runs_a_script_or_leaves_the_site(browser: Browser, crafted_url: str) -> None:
    visit = Visit(browser, crafted_url)
    found = {}
    try:
        for path in PROBE_PAGES:
            response = visit.page.goto(crafted_url + path, wait_until="load")
            assert response is not None and response.status == 200, path
            # Long enough for a refresh of 0 s, an image's error handler, a late script.
            visit.page.wait_for_timeout(300)
            found[path] = visit.page.evaluate(LIVE_MARKUP)
    finally:
        visit.close()
    ran = {path: state for path, state in found.items() if state["pwned"] or "ran" in state["title"]}
    live = {path: state for path, state in found.items() if state["handlers"] or state["probes"]}
    assert len(found) == len(PROBE_PAGES) > 70
    assert not ran, f"a script ran: {ran}"
    assert not live, f"crafted markup is live: {live}"
    assert not visit.dialogs, visit.dialogs
    assert not visit.left, f"requests that left the site: {visit.left}"
    off_site = [url for url in visit.navigations if urlsplit(url).netloc != visit.host]
    assert not off_site, f"navigations that left the site: {off_site}"


def injecting(markup: str):
    """A route handler: the page as the site serves it (headers too), with ``markup`` before </body>."""

    def handle(route, request) -> None:
        fetched = route.fetch()
        route.fulfill(response=fetched, body=fetched.text().replace("</body>", markup + "</body>"))

    return handle


def test_the_policy_alone_runs_only_the_sites_script_folder(browser: Browser, crafted_url: str, tmp_path: Path) -> None:
    """A page given what the build refuses: a script from the top of the site
    and an inline one do not run; a script from the script folder runs."""
    site = urlsplit(crafted_url)
    visit = Visit(browser, crafted_url)
    try:
        results = {}
        for name, injected in {
            "outside the folder": '<script src="/evil.js"></script>',
            "inline": f"<script>{EVIL_SCRIPT}</script>",
            "in the folder": '<script src="/assets/javascripts/evil-in-folder.js"></script>',
        }.items():
            page_url = f"{crafted_url}probe/i92/"
            visit.page.route(page_url, injecting(injected))
            visit.page.goto(page_url, wait_until="load")
            visit.page.wait_for_timeout(300)
            results[name] = visit.page.evaluate(LIVE_MARKUP)["pwned"]
            visit.page.unroute(page_url)
    finally:
        visit.close()
    assert results == {"outside the folder": None, "inline": None, "in the folder": f'{{"token":"{TOKEN}"}}'}, (
        site,
        results,
    )
