"""Browser tests: the built site served with Netlify's headers, opened in a
real Chromium driven by Playwright. No test here passes without a browser:
if none is found, every browser test fails and says how to install one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from netlify_emulation import serve
from sitetools import PROJECT, TEST_PORT

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-features=Translate,MediaRouter",
]
HOW_TO_GET_CHROMIUM = (
    "No Chromium found for the browser tests. Install Debian's: `sudo apt-get install chromium` "
    "(the CI script .ci/run does this), or point CHROMIUM at a Chromium or Chrome binary: "
    "`CHROMIUM=/path/to/chrome make test`."
)


def find_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return next((path for name in CHROMIUM_CANDIDATES if (path := shutil.which(name))), None)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail(HOW_TO_GET_CHROMIUM, pytrace=False)
    return path


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    yield from serve(site, TEST_PORT)


@pytest.fixture(scope="session")
def editor_url(editor_site: Path) -> Iterator[str]:
    """The editor's site, served on an origin of its own (another port) with
    its own Netlify configuration and headers."""
    yield from serve(editor_site, netlify_toml=PROJECT / "editor" / "netlify.toml")


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What a page did that a reader would not see: errors and requests."""

    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser: Browser, watch: PageWatch) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="en-GB")
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()

    def on_console(message) -> None:
        if message.type == "error":
            text = message.text
            (
                watch.csp_violations
                if "CSP violation" in text or "Content Security Policy" in text
                else watch.console_errors
            ).append(text)

    def on_request(request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            watch.external_requests.append(request.url)

    page.on("console", on_console)
    page.on("request", on_request)
    yield page
    context.close()
