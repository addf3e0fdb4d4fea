"""Page-weight budgets, in bytes (not time), computed from the
built files compressed as Netlify serves them (gzip; here gzip -9).

Budgets (kB = 1000 bytes, gzip-compressed), also stated in docs-dev/quality-gates.md:

- HOME_RENDER_BUDGET, 30 kB: each language's home page HTML with every
  stylesheet, script and font it links (what a first visit needs to render
  and run). 68.5-69.1 kB when Material's bundle and whole stylesheet were
  linked from every page (57.4 kB of them), 21.8-22.5 kB once the bundle
  waited for the reader's first interaction and the stylesheet was cut to
  what the site uses (hooks/hanoi/served/on_demand.py).
- PAGE_HTML_BUDGET, 25 kB: the HTML of any page (every page carries the
  whole navigation; the largest was under 10 kB when the budget was set).
- What a first visit downloads in all, the search index and search worker
  included, is measured in the browser: tests/browser/test_first_visit.py.

No source map is published, and no published file points at one that is
missing.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from site_pages import samples, site_pages
from sitetools import LANGUAGES, soup

KB = 1000
HOME_RENDER_BUDGET = 30 * KB
PAGE_HTML_BUDGET = 25 * KB
FONT_URL = re.compile(r"""url\(\s*['"]?([^'")]+\.(?:woff2?|ttf|otf|eot))""")


@cache
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def local_file(site_dir: Path, page_url: str, link: str) -> Path:
    path = urlsplit(urljoin("http://site" + page_url, link)).path
    return site_dir / path.lstrip("/")


def render_files(site_dir: Path, page_url: str, html: Path) -> dict[str, list[Path]]:
    """The stylesheets, scripts and fonts a page links, by kind."""
    document = soup(html)
    css = [
        local_file(site_dir, page_url, link["href"])
        for link in document.find_all("link", href=True)
        if "stylesheet" in link.get("rel", [])
    ]
    js = [local_file(site_dir, page_url, script["src"]) for script in document.find_all("script", src=True)]
    fonts = [
        local_file(site_dir, page_url, link["href"])
        for link in document.find_all("link", href=True)
        if "preload" in link.get("rel", []) and link.get("as") == "font"
    ]
    for sheet in css:
        text = sheet.read_text(encoding="utf-8")
        site_path = "/" + sheet.relative_to(site_dir).as_posix()
        fonts += [local_file(site_dir, site_path, url) for url in FONT_URL.findall(text)]
    return {"html": [html], "css": css, "js": js, "fonts": sorted(set(fonts))}


def test_home_page_renders_within_its_budget(site: Path) -> None:
    lines, over = [], []
    for language in LANGUAGES:
        home = samples(site)["home"][language]
        files = render_files(site, home.url, home.file)
        missing = [str(f) for kind in files.values() for f in kind if not f.is_file()]
        assert not missing, f"{home.url} links files that are not built: {missing}"
        sizes = {kind: sum(gzipped(f) for f in paths) for kind, paths in files.items()}
        total = sum(sizes.values())
        lines.append(
            f"{home.url}: {total / KB:.1f} kB = "
            + ", ".join(f"{kind} {size / KB:.1f}" for kind, size in sizes.items())
            + f" (budget {HOME_RENDER_BUDGET / KB:.0f} kB)"
        )
        if total > HOME_RENDER_BUDGET:
            over.append(lines[-1])
    print("page weight, gzip -9:\n  " + "\n  ".join(lines))
    assert not over, "over budget:\n" + "\n".join(over)


def test_every_page_html_is_within_its_budget(site: Path) -> None:
    pages = site_pages(site)
    assert pages
    sizes = sorted(((gzipped(page.file), page.url) for page in pages), reverse=True)
    print(
        "largest pages (HTML, gzip -9): "
        + ", ".join(f"{url} {size / KB:.1f} kB" for size, url in sizes[:3])
        + f" (budget {PAGE_HTML_BUDGET / KB:.0f} kB)"
    )
    over = [f"{url}: {size / KB:.1f} kB" for size, url in sizes if size > PAGE_HTML_BUDGET]
    assert not over, f"pages over {PAGE_HTML_BUDGET / KB:.0f} kB of HTML: {over}"


def test_no_source_map_is_published_or_pointed_at(site: Path) -> None:
    assert not list(site.rglob("*.map")), "source maps are published"
    dangling = []
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        for reference in re.findall(r"sourceMappingURL=([^\s*]+)", path.read_text(encoding="utf-8")):
            if not (path.parent / reference).is_file():
                dangling.append(f"{path.relative_to(site)} -> {reference}")
    assert not dangling, f"files point at source maps that are not published: {dangling}"
