"""Benchmark: what a first visit downloads, our site against the bare Material
+ mkdocs-static-i18n build of the same pages, side by side in one run.

    .venv/bin/python bench/first_visit.py [--seconds 5]

Builds both from a copy of the project (nothing is written to the project):
ours with the real command (``mkdocs build --strict``), the bare one from
the same ``mkdocs.yml`` without our hooks, templates, CSS and JavaScript
(``bench/build.py``'s ``bare_config``; ``--no-strict``). Serves each on
127.0.0.1 with Netlify's headers and opens one page of each type, in each
language, in a fresh Chromium on a phone screen (412 x 915), with no
interaction; counts every request until ``--seconds`` after the load event,
each file at its gzip -9 size (as Netlify would send it). Prints bytes and
requests of both, and their ratio. Not a test: tests/browser/test_first_visit.py
holds the budget.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT = Path(__file__).resolve().parents[1]
# hooks/ last: bench/programme.py and hooks/programme.py share a name.
sys.path[:0] = [str(PROJECT / "bench"), str(PROJECT / "tests"), str(PROJECT / "hooks")]

from playwright.sync_api import sync_playwright  # noqa: E402

from browser.conftest import LAUNCH_ARGS, find_chromium  # noqa: E402
from build import bare_config, without_our_templates  # noqa: E402
from common import copy_project, run_build  # noqa: E402
from netlify_emulation import serve  # noqa: E402
from site_pages import samples  # noqa: E402
from sitetools import LANGUAGES  # noqa: E402

KB = 1000
PHONE = {"width": 412, "height": 915}


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def first_visit(browser, base_url: str, site: Path, path: str, seconds: float) -> tuple[int, int]:
    """(gzip bytes, requests) a fresh phone browser downloads from ``path``."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base_url.rstrip("/") + path, wait_until="load")
    page.wait_for_timeout(seconds * 1000)
    context.close()
    total = 0
    for url in dict.fromkeys(urls):
        local = unquote(urlsplit(url).path)
        file = site / local.lstrip("/")
        file = file / "index.html" if local.endswith("/") else file
        total += gzipped(file) if file.is_file() else 0
    return total, len(set(urls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    options = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium: apt-get install chromium, or set CHROMIUM")
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        ours, bare = copy_project(root / "ours"), copy_project(root / "bare")
        config = bare / "mkdocs.yml"
        config.write_text(bare_config(config.read_text(encoding="utf-8")), encoding="utf-8")
        without_our_templates(bare / "docs")
        run_build(ours, root / "ours-site")
        run_build(bare, root / "bare-site", strict=False)
        servers = [serve(root / "ours-site"), serve(root / "bare-site")]
        bases = [next(server) for server in servers]
        pages = samples(root / "ours-site")
        rows, totals = [], [[0, 0], [0, 0]]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
            for kind, by_language in pages.items():
                for language in LANGUAGES:
                    if language not in by_language:
                        continue
                    path = by_language[language].url
                    if not (root / "bare-site" / path.lstrip("/")).exists():
                        continue  # the bare build has one 404 page, at the root
                    measured = [
                        first_visit(browser, base, site, path, options.seconds)
                        for base, site in zip(bases, (root / "ours-site", root / "bare-site"), strict=True)
                    ]
                    for total, (size, count) in zip(totals, measured, strict=True):
                        total[0] += size
                        total[1] += count
                    rows.append((kind, path, measured))
            browser.close()
        for server in servers:
            server.close()
    print(f"first visit, phone, {options.seconds:g} s after load, no interaction (kB = 1000 bytes, gzip -9):\n")
    print("| page type | page | ours: kB / requests | bare Material + i18n: kB / requests | ours / bare |")
    print("| --- | --- | ---: | ---: | ---: |")
    for kind, path, ((size, count), (bare_size, bare_count)) in rows:
        print(
            f"| {kind} | `{path}` | {size / KB:.1f} / {count} | {bare_size / KB:.1f} / {bare_count} | "
            f"{size / bare_size:.2f} |"
        )
    (size, count), (bare_size, bare_count) = totals
    print(
        f"| all {len(rows)} pages | | {size / KB:.1f} / {count} | {bare_size / KB:.1f} / {bare_count} | "
        f"{size / bare_size:.2f} |"
    )


if __name__ == "__main__":
    main()
