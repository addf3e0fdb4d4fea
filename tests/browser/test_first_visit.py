"""The page-weight budget in the browser: everything a first visit of each home page
downloads until the network is idle (HTML, CSS, scripts, the search worker,
its index and language files, the icon), each file counted at its gzip -9
size as Netlify would send it.

FIRST_VISIT_BUDGET, 150 kB (kB = 1000 bytes): 127 kB when it was set, of
which the search index was 44 kB (one index for all three languages) and the
search worker and its language files 17 kB, all loaded at page load by
Material, before anyone searches. The render-path budget is in
tests/test_page_weight.py.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser

from browser.quality import PHONE, new_context, url_of
from site_pages import samples
from sitetools import LANGUAGES
from test_page_weight import KB, gzipped

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 150 * KB


def kind_of(path: str) -> str:
    if "search" in path or "/lunr/" in path:
        return "search"
    suffix = Path(path).suffix or ".html"
    return {".html": "html", ".css": "css", ".js": "js", ".woff2": "fonts", ".woff": "fonts"}.get(suffix, "other")


def test_first_visit_of_each_home_page_within_budget(browser: Browser, base_url: str, site: Path) -> None:
    lines, over = [], []
    for language in LANGUAGES:
        home = samples(site)["home"][language]
        context = new_context(browser, language, PHONE)
        page = context.new_page()
        responses: list[str] = []
        page.on("response", lambda response: responses.append(response.url))
        try:
            page.goto(url_of(base_url, home.url), wait_until="networkidle")
        finally:
            context.close()
        sizes: dict[str, int] = defaultdict(int)
        for url in dict.fromkeys(responses):
            path = unquote(urlsplit(url).path)
            file = site / path.lstrip("/")
            if path.endswith("/"):
                file = file / "index.html"
            assert file.is_file(), f"{url} is not a file of the site"
            sizes[kind_of(path)] += gzipped(file)
        total = sum(sizes.values())
        lines.append(f"{home.url}: {total / KB:.1f} kB in {len(set(responses))} requests = "
                     + ", ".join(f"{kind} {size / KB:.1f}" for kind, size in sorted(sizes.items())))
        if total > FIRST_VISIT_BUDGET:
            over.append(lines[-1])
    print(f"first visit (gzip -9, budget {FIRST_VISIT_BUDGET / KB:.0f} kB):\n  " + "\n  ".join(lines))
    assert not over, "over budget:\n" + "\n".join(over)
