"""The built site opens in a real Chromium with Netlify's headers, with no
script error, no CSP violation and no request to another host."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from browser.conftest import PageWatch

PAGES = ["", "vi/", "fr/", "no-such-page/", "vi/no-such-page/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(page: Page, watch: PageWatch, base_url: str, path: str) -> None:
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None
    assert response.status == (404 if "no-such-page" in path else 200)
    # Every address gets the site's policy, those that name nothing too.
    assert "default-src 'self'" in response.headers.get("content-security-policy", "")
    assert page.locator("h1").first.is_visible()
    assert watch.csp_violations == []
    # Chromium logs the 404 status of a missing page itself; nothing else may fail.
    expected = 1 if "no-such-page" in path else 0
    assert len(watch.console_errors) == expected and all("404" in e for e in watch.console_errors), watch.console_errors
    assert watch.external_requests == []
