"""``/robots.txt`` (RFC 9309): every page may be crawled, and the sitemap is
advertised, so that search engines find it without being told by hand.

Nothing is disallowed, not even the browser editor (/admin/): a crawler that
may not fetch a page cannot see its ``noindex``, and could still list its
address. Previews are kept out of search engines by ``X-Robots-Tag``
(``hanoi.served.security``), not here.
"""

from __future__ import annotations

from pathlib import Path

from hanoi.addresses import absolute_url

SITEMAP = "sitemap.xml"


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, SITEMAP)}\n"


def write_robots_txt(site_dir: Path, site_url: str) -> None:
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
