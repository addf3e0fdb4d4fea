"""The headers the editor's site is served with (its ``_headers`` file).

The editor needs what the public site's Content-Security-Policy forbids
(inline styles, which Svelte injects at run time; requests to the Git host's
API), and a ``Cross-Origin-Opener-Policy`` that lets the sign-in window it
opens answer it. On its own site, one rule for every address gives it these,
with the headers the public site sends everywhere (``netlify.toml``'s
``/*``: HSTS, nosniff, framing, referrer and permissions), read from there so
that both sites send the same.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from hanoi.datafiles import PROJECT_DIR
from hanoi.served.security import BASE_POLICY

GIT_HOST_API = "https://api.github.com"
PUBLIC_SITE_CONFIG = PROJECT_DIR / "netlify.toml"

# Where the editor's policy differs from the public site's (hanoi.served.security.BASE_POLICY).
EDITOR_SOURCES: dict[str, str] = {
    # Svelte inserts each component's styles as <style> elements at run time.
    "style-src": "'self' 'unsafe-inline'",
    # Previews the editor draws from files it holds, and the signed-in user's GitHub picture.
    "img-src": "'self' data: blob: https://avatars.githubusercontent.com",
    # The site and the Git host's API (REST and GraphQL), nothing else; data: and blob: are
    # bytes the page already holds (its logo, files it reads), not requests.
    "connect-src": f"'self' data: blob: {GIT_HOST_API}",
}
# The sign-in window (Netlify's OAuth provider, then GitHub) sends the token
# back to the editor's window through window.opener, which "same-origin"
# (the public site's policy) would cut.
EDITOR_OPENER_POLICY = "same-origin-allow-popups"


def editor_policy() -> str:
    """The editor's Content-Security-Policy: the site's, with ``EDITOR_SOURCES``.
    No script runs but the editor's own files (the whole site is the
    editor's): no hash, no ``unsafe-inline`` or ``unsafe-eval`` for scripts."""
    return "; ".join(f"{name} {EDITOR_SOURCES.get(name, value)}".strip() for name, value in BASE_POLICY)


def every_address_headers(netlify_toml: Path = PUBLIC_SITE_CONFIG) -> dict[str, str]:
    """The headers the public site's ``netlify.toml`` sends for ``/*``."""
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    return next((dict(rule["values"]) for rule in config.get("headers", []) if rule["for"] == "/*"), {})


def editor_headers() -> str:
    """The editor site's ``_headers``: one rule for every address.
    ``noindex`` in every deploy context: the editor is not for search engines;
    its files are for its own pages only (Cross-Origin-Resource-Policy)."""
    values = {
        **every_address_headers(),
        "Content-Security-Policy": editor_policy(),
        "Cross-Origin-Opener-Policy": EDITOR_OPENER_POLICY,
        "Cross-Origin-Resource-Policy": "same-origin",
        "X-Robots-Tag": "noindex",
    }
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in values.items())
