"""One page of every type, in every language, loaded in
Chromium with the headers Netlify serves (the strict CSP enforced): no
request leaves 127.0.0.1, no CSP violation (securitypolicyviolation events
and console), no script error, no request that fails or ends in an error
status. Pages are found in the built site (site_pages.samples); a type that
is not built yet is reported, not skipped silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.quality import PHONE, Recorder, new_context, url_of
from site_pages import check_required_types, samples
from sitetools import LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_loads_cleanly_under_the_csp(
    browser: Browser, base_url: str, site: Path, language: str
) -> None:
    check_required_types(site)
    chosen = [by_language[language] for by_language in samples(site).values() if language in by_language]
    context = new_context(browser, language, PHONE)
    problems: list[str] = []
    try:
        for site_page in chosen:
            page = context.new_page()  # a fresh page: nothing left over from the previous one
            recorder = Recorder().attach(page)
            response = page.goto(url_of(base_url, site_page.url), wait_until="networkidle")
            assert response is not None
            where = f"{site_page.url} ({site_page.type})"
            csp = response.headers.get("content-security-policy", "")
            if "default-src 'self'" not in csp or "'unsafe-inline'" in csp.split("script-src")[1].split(";")[0]:
                problems.append(f"{where}: no strict CSP header: {csp!r}")
            if not response.ok:
                problems.append(f"{where}: status {response.status}")
            problems += [f"{where}: request to another host: {url}" for url in recorder.external()]
            problems += [f"{where}: {text}" for text in recorder.csp_violations]
            problems += [f"{where}: console error: {text}" for text in recorder.console_errors]
            problems += [f"{where}: request failed: {text}" for text in recorder.failed]
            problems += [f"{where}: {status} for {url}" for url, status in recorder.statuses.items() if status >= 400]
            page.close()
    finally:
        context.close()
    print(f"requests and CSP ({language}): {len(chosen)} page types, {len(problems)} problems")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["no-such-page/", "vi/no-such-page/", "fr/press/no-such-release/"])
def test_a_missing_page_gets_its_language_404_cleanly(browser: Browser, base_url: str, path: str) -> None:
    language = path.split("/")[0] if path.split("/")[0] in LANGUAGES else "en"
    context = new_context(browser, language, PHONE)
    page = context.new_page()
    recorder = Recorder().attach(page)
    try:
        response = page.goto(base_url + path, wait_until="networkidle")
        assert response is not None and response.status == 404
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").first.is_visible()
        # Chromium logs the 404 of the page itself; nothing else may fail.
        errors = [e for e in recorder.console_errors if "404" not in e or base_url + path not in e]
        assert errors == [] and recorder.csp_violations == [] and recorder.external() == []
        assert [url for url, status in recorder.statuses.items() if status >= 400] == [base_url + path]
    finally:
        context.close()
