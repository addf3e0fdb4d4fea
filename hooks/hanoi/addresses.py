"""Addresses on the site: one way to join a path to the site's address
(canonical links, hreflang, feeds, open data, share cards, security.txt)."""

from __future__ import annotations


def absolute_url(site_url: str, url: str) -> str:
    """Join a site-relative URL ('', './', 'vi/about/', '/status.json') to the site URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    path = "" if url in ("", ".", "./") else url.lstrip("/")
    return base + path
