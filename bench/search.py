"""Benchmark: search index sizes and the time from typing to results, in Chromium.

    .venv/bin/python bench/search.py [--runs N] [--cpu-throttle R] [--site DIR]

Builds the site (the real strict build, into a temporary folder) unless
``--site`` names a built one, serves it with Netlify's headers on 127.0.0.1
and, for each query the search tests use, on its language's page, opens the page in a
fresh browser context (empty cache), and without any other interaction
opens search with Material's shortcut "/" (search loads then: Material's
bundle, its worker and ours, lunr and the index; docs-dev/ui-strings-and-search.md), types
the query as a reader would (``keyboard.type``, 40 ms between keys) and
measures with ``performance.now()`` in the page:

* page load: from navigation start to the end of the load event;
* open -> ready: from the "/" that opens search until search is ready
  (bundle, worker and index loaded, lunr index built);
* last key -> results: from the keystroke that completes the query to the
  moment its results are in the list (the last change of the list);
* open -> results: from the "/" to the results of the whole query.

``--cpu-throttle 4`` slows the CPU four times (Chrome DevTools' "mid-tier
mobile"). Times are printed, never asserted; sizes are the gzip -9 bytes of
each language's index (Netlify compresses at least as well), with what the
press releases already published add to it, each, and so how many more the
budget holds (synthetic releases would say less: their text repeats, and
compresses far better than real text).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(PROJECT / "hooks"), str(PROJECT / "tests"), str(PROJECT / "bench")]

from playwright.sync_api import sync_playwright  # noqa: E402

from browser.conftest import LAUNCH_ARGS, find_chromium  # noqa: E402
from common import run_build  # noqa: E402
from hanoi.languages import LANGUAGES  # noqa: E402
from hanoi.search.index import INDEX_BUDGET_GZIP_BYTES, gzip_size, index_json, index_path, index_sizes  # noqa: E402
from netlify_emulation import serve  # noqa: E402

RELEASE = re.compile(r"^press/[^/#]+/")  # a press release's entries (not the archive's)

QUERIES = [
    ("vi/", "toi pham"),
    ("vi/", "tội phạm"),
    ("vi/", "cong uoc ha noi"),
    ("vi/", "Cong uoc"),
    ("vi/", "đa"),
    ("vi/", "da"),
    ("fr/", "cybercriminalite"),
    ("", "convention"),
]

# Installed in every page before its scripts: timestamps of search readiness,
# of keystrokes in the search box (with the value they left) and of changes
# of the result list.
PROBE = """
window.__search = { opened: null, ready: null, keys: [], renders: [] }
window.addEventListener("keydown", (event) => {
  if (event.key === "/" && window.__search.opened === null) window.__search.opened = performance.now()
}, true)
document.addEventListener("DOMContentLoaded", () => {
  const meta = document.querySelector(".md-search-result__meta")
  const list = document.querySelector(".md-search-result__list")
  const input = document.querySelector(".md-search__input")
  const initial = meta.textContent
  new MutationObserver(() => {
    if (window.__search.ready === null && meta.textContent !== initial) window.__search.ready = performance.now()
  }).observe(meta, { childList: true, characterData: true, subtree: true })
  new MutationObserver(() => window.__search.renders.push(performance.now()))
    .observe(list, { childList: true })
  input.addEventListener("keyup", () => window.__search.keys.push([performance.now(), input.value]), true)
}, { once: true })
"""

# Polls in the page (the site's CSP forbids the eval that wait_for_function uses).
# Waits until the result list has not changed for `quiet` ms.
WAIT = """([quiet, timeout]) => new Promise((resolve, reject) => {
  const started = performance.now()
  const check = () => {
    const s = window.__search, last = s.renders[s.renders.length - 1]
    if (last !== undefined && performance.now() - last > quiet) resolve()
    else if (performance.now() - started > timeout) reject(new Error("search timed out"))
    else setTimeout(check, 20)
  }
  check()
})"""


def release_cost(site: Path, language: str) -> tuple[int, float]:
    """(press releases in the index, gzip bytes they add each, on average)."""
    index = json.loads(index_path(site, language).read_text(encoding="utf-8"))
    releases = [doc for doc in index["docs"] if RELEASE.match(doc["location"])]
    count = len({RELEASE.match(doc["location"]).group() for doc in releases})
    if not count:
        return 0, 0.0
    without = {**index, "docs": [doc for doc in index["docs"] if not RELEASE.match(doc["location"])]}
    added = gzip_size(index_json(index).encode("utf-8")) - gzip_size(index_json(without).encode("utf-8"))
    return count, added / count


def measure(browser, base_url: str, path: str, query: str, throttle: float) -> dict[str, float | str]:
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="en-GB")
    context.add_init_script(PROBE)
    page = context.new_page()
    if throttle > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(base_url + path, wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=40)
    page.keyboard.press("End")  # a keyup after letters Playwright inserts without key events
    page.evaluate(WAIT, [500, 30000])
    probe = page.evaluate("window.__search")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    top = page.evaluate("() => document.querySelector('.md-search-result__item article h1')?.textContent || '(none)'")
    context.close()
    keys = probe["keys"]
    complete = next(t for t, value in keys if value == query)
    renders = probe["renders"]
    return {
        "load": load,
        "open -> ready": probe["ready"] - probe["opened"],
        "last key -> results": renders[-1] - complete,
        "open -> results": renders[-1] - probe["opened"],
        "top": top.strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu-throttle", type=float, default=1.0)
    parser.add_argument("--site", type=Path, help="an already built site folder")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        site = options.site
        if site is None:
            site = Path(temporary) / "site"
            print(f"site built in {run_build(PROJECT, site).seconds:.1f} s")
        sizes = index_sizes(site)
        merged = sum(raw for raw, _ in sizes.values())
        print(f"search index per language (budget {INDEX_BUDGET_GZIP_BYTES:,} B gzip each):")
        for language in LANGUAGES:
            raw, gz = sizes[language]
            count, each = release_cost(site, language)
            room = f"room for about {(INDEX_BUDGET_GZIP_BYTES - gz) / each:,.0f} more" if each > 0 else ""
            print(
                f"  {language}: {raw:>9,} B, {gz:>7,} B gzip; its {count} press releases add "
                f"{each:,.0f} B gzip each: {room}"
            )
        all_docs = b"".join(index_path(site, language).read_bytes() for language in LANGUAGES)
        print(
            f"  (all three together: {merged:,} B, about {gzip_size(all_docs):,} B gzip: "
            "what every page fetched before the split)"
        )

        chromium = find_chromium()
        if chromium is None:
            sys.exit("no Chromium: apt-get install chromium, or set CHROMIUM")
        server = serve(site)
        base_url = next(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
            measure(browser, base_url, "vi/", "hanoi", options.cpu_throttle)  # warm-up
            print(f"\ntimes in ms, median (min-max) of {options.runs} runs, CPU throttle x{options.cpu_throttle:g}:")
            print(
                f"{'page':<5} {'query':<18} {'page load':>15} {'open -> ready':>16} {'last key -> results':>20} "
                f"{'open -> results':>16}  top result"
            )
            for path, query in QUERIES:
                runs = [measure(browser, base_url, path, query, options.cpu_throttle) for _ in range(options.runs)]

                def cell(key: str, runs: list[dict[str, str]] = runs) -> str:
                    values = [float(run[key]) for run in runs]
                    return f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"

                print(
                    f"/{path:<4} {query:<18} {cell('load'):>15} {cell('open -> ready'):>16} "
                    f"{cell('last key -> results'):>20} {cell('open -> results'):>16}  {runs[0]['top']}"
                )
            browser.close()
        server.close()


if __name__ == "__main__":
    main()
