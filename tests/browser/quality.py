"""Helpers of the issue-6 browser gates: contexts, request and console
recording for many pages in one context, and axe-core runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page

from browser.conftest import CSP_LISTENER
from node_tools import axe_source

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 412, "height": 915}
LOCALES = {"en": "en-GB", "vi": "vi-VN", "fr": "fr-FR"}

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe tags).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """(tags) => axe.run(document, {
  runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
})))"""


def new_context(
    browser: Browser,
    language: str = "en",
    viewport: dict | None = None,
    bypass_csp: bool = False,
    without_search_index: bool = False,
) -> BrowserContext:
    """A browser context; ``without_search_index`` stops Material's search
    worker from loading and indexing search_index.json on every page, which
    halves the time of axe runs on pages whose search is closed."""
    context = browser.new_context(viewport=viewport or WIDE, locale=LOCALES[language], bypass_csp=bypass_csp)
    context.add_init_script(CSP_LISTENER)
    if without_search_index:
        context.route("**/search_index.json", lambda route: route.abort())
    return context


def url_of(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def run_axe(page: Page) -> list[dict]:
    """axe-core (node_modules/axe-core) on the page as it is now: its WCAG
    A/AA violations. The page's context must bypass the CSP (axe is injected)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(AXE_RUN, WCAG_TAGS)


def describe(violations: list[dict], where: str) -> list[str]:
    return [
        f"{where}: {v['id']} ({v['impact']}) {v['help']} -> "
        + "; ".join(f"{n['target']}: {(n['summary'] or '').splitlines()[-1].strip()}" for n in v["nodes"][:3])
        + (f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else "")
        for v in violations
    ]


@dataclass
class Recorder:
    """Everything one page load did: requests (with their status), console
    errors and CSP violations; reset before each page."""

    requests: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def reset(self) -> None:
        for value in (self.requests, self.failed, self.console_errors, self.csp_violations):
            value.clear()
        self.statuses.clear()

    def attach(self, page: Page) -> Recorder:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", lambda response: self.statuses.__setitem__(response.url, response.status))
        page.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))

        def on_console(message) -> None:
            if message.type != "error":
                return
            text = message.text
            if "CSP violation" in text or "Content Security Policy" in text:
                self.csp_violations.append(text)
            else:
                self.console_errors.append(f"{text} at {message.location.get('url', '')}")

        page.on("console", on_console)
        return self

    def external(self) -> list[str]:
        return [
            url
            for url in self.requests
            if url.startswith(("http:", "https:", "ws:", "wss:")) and urlsplit(url).hostname != "127.0.0.1"
        ]
