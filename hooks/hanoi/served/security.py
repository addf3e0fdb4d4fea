"""Content-Security-Policy hashes, Netlify ``_headers`` and ``security.txt``.

Scripts: no ``'unsafe-inline'``, and not the whole site either. Script files
run only from the site's script folder (``assets/javascripts/``, where
Material's and ours are), so that a file published anywhere else could not
run even if a page named it. The inline scripts our templates (Material's
and overrides/) emit are allowed by their SHA-256 hashes, computed from the
output itself, so a theme upgrade that changes one cannot break the site
silently. What a page's content holds is never hashed: the content is taken
out of each page before its scripts are read, and only the pages MkDocs
rendered and the 404 pages (templates alone) are read; any other HTML file
in the site stops the build. So a script that got into a page (the build
refuses them: ``hanoi.pages.rendered``) would still not run.

One rule, ``/*``, gives every address the same policy, missing pages
included: the site holds nothing else (the editor has its own site,
``hanoi.editor``).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from hanoi.addresses import absolute_url
from hanoi.languages import LANGUAGES
from hanoi.problems import Problem
from hanoi.served.published import site_files

# Script types a browser executes (an empty type means JavaScript).
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Material's fingerprinted assets, e.g. bundle.79ae519e.min.js, main.57a0d79d.min.css.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")

BASE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
    ("upgrade-insecure-requests", ""),
)

# The site's scripts, and its search worker (the public site's policy
# narrows script-src and worker-src from 'self' to these folders).
SCRIPT_FOLDER = "assets/javascripts/"
WORKER_FOLDER = "assets/javascripts/workers/"

PRODUCTION_CONTEXT = "production"


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = {name: (value or "") for name, value in attrs}
        executable = attributes.get("type", "").strip().lower() in _EXECUTABLE_TYPES
        self._current = [] if executable and "src" not in attributes else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.bodies.append("".join(self._current))
            self._current = None


# Where scripts can be, in document order: a comment is skipped whole (a
# "<script" in it starts nothing), a script element runs to its end tag.
_SCRIPT_OR_COMMENT = re.compile(r"<!--.*?-->|<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_SCRIPT_OR_COMMENT_BYTES = re.compile(_SCRIPT_OR_COMMENT.pattern.encode("ascii"), re.IGNORECASE | re.DOTALL)


def inline_scripts(html: str | bytes) -> list[str]:
    """The text of every inline script a browser runs, in order.

    Only the script elements go through the HTML parser: parsing every
    page whole took seconds on a site with thousands of pages. UTF-8 bytes
    (a file as read) are searched without decoding the whole page first.
    ``inline_scripts_parsed`` is the reference (compared on the built site).
    """
    if isinstance(html, bytes):
        found = (m.group(0).decode("utf-8") for m in _SCRIPT_OR_COMMENT_BYTES.finditer(html))
    else:
        found = (m.group(0) for m in _SCRIPT_OR_COMMENT.finditer(html))
    return [body for element in found if not element.startswith("<!--") for body in _script_bodies(element)]


@lru_cache(maxsize=1024)
def _script_bodies(element: str) -> tuple[str, ...]:
    """The body of one script element if a browser runs it (every page has
    the same few: each is parsed once)."""
    parser = _InlineScripts()
    parser.feed(element)
    parser.close()
    return tuple(parser.bodies)


def inline_scripts_parsed(html: str) -> list[str]:
    """The same, from the whole page parsed (slow)."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.bodies


@lru_cache(maxsize=1024)  # the same few scripts on every page
def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def script_hashes(html: str | bytes) -> frozenset[str]:
    """The CSP hashes of a page's inline scripts."""
    return frozenset(script_hash(body) for body in inline_scripts(html))


class ContentNotInPage(ValueError):
    """A page's content is not in its HTML as it is: a template changed it."""


def template_script_hashes(html: str, content: str | None) -> frozenset[str]:
    """The CSP hashes of the inline scripts a page's templates emitted: the
    page's scripts once its ``content`` (the HTML made from its Markdown,
    which Material's templates insert as it is) is taken out of it."""
    if content:
        start = html.find(content)
        if start < 0:
            raise ContentNotInPage("the page's content is not in its HTML as MkDocs rendered it")
        html = html[:start] + html[start + len(content) :]
    return script_hashes(html)


def site_script_hashes(written: Mapping[str, frozenset[str]], not_found_pages: Iterable[str]) -> list[str]:
    """The hashes of the templates' inline scripts: those of each page MkDocs
    wrote (``written``, by path), and those of the 404 pages (``not_found_pages``,
    their HTML, rendered from a template alone)."""
    hashes: set[str] = set().union(*written.values(), *(script_hashes(page) for page in not_found_pages))
    return sorted(hashes)


def unrendered_html_problems(site_dir: Path, rendered: Iterable[Path]) -> list[Problem]:
    """Every HTML file in the site that the build did not render from the
    templates (``rendered``): its scripts would not be allowed, and it would
    be published unchecked."""
    known = {path.resolve() for path in rendered}
    return [
        Problem(
            f"site/{path.relative_to(site_dir).as_posix()}",
            None,
            "",
            "an HTML file that the site's templates did not render would be published unchecked",
            "remove whatever put it there: pages are Markdown files under docs/<lang>/, and every HTML file "
            "is rendered from the templates in overrides/",
        )
        for path in site_files(site_dir, (".html", ".htm", ".xhtml"))
        if path.resolve() not in known
    ]


def content_security_policy(script_hashes: Iterable[str], site_url: str) -> str:
    """The public site's policy: ``BASE_POLICY`` with scripts from the
    site's script folder and the templates' inline scripts only, and
    workers from its worker folder only (``site_url``: the address the site
    is built for, as MkDocs knows it)."""
    sources = {
        "script-src": " ".join([absolute_url(site_url, SCRIPT_FOLDER), *script_hashes]),
        "worker-src": absolute_url(site_url, WORKER_FOLDER),
    }
    return "; ".join(f"{name} {sources.get(name, value)}".strip() for name, value in BASE_POLICY)


def fingerprinted_assets(site_dir: Path) -> list[str]:
    return sorted(
        "/" + Path(folder, name).relative_to(site_dir).as_posix()
        for folder, _, names in os.walk(site_dir)
        for name in names
        if FINGERPRINTED.search(name)
    )


# The site's pages open no window that needs them.
OPENER_POLICY = "same-origin"


def headers_file(csp: str, immutable_paths: Iterable[str], deploy_context: str) -> str:
    """The ``_headers`` file Netlify applies on top of ``netlify.toml``: the
    policies for every address (missing pages too), and a year of caching
    for fingerprinted assets. Netlify cannot scope headers to a deploy
    context, so previews get their ``noindex`` here, from the build's
    ``CONTEXT``."""
    lines = ["/*", f"  Content-Security-Policy: {csp}", f"  Cross-Origin-Opener-Policy: {OPENER_POLICY}"]
    if deploy_context != PRODUCTION_CONTEXT:
        lines.append("  X-Robots-Tag: noindex")
    for path in immutable_paths:
        lines += [path, "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"


# GitHub's private vulnerability reporting for a repository (owner/name),
# and its page for the repository's SECURITY.md.
VULNERABILITY_REPORT = "https://github.com/{repository}/security/advisories/new"
SECURITY_POLICY = "https://github.com/{repository}/security/policy"


def security_txt(site_url: str, now: datetime, languages: Iterable[str], repository: str | None) -> str:
    """RFC 9116 file. Reports go to the GitHub repository's private
    vulnerability reporting, under the policy of its SECURITY.md; no address
    is invented here. A build that knows no GitHub repository (a local one)
    points to the site's contact page instead."""
    contact_page = absolute_url(site_url, "contact/#report-a-problem")
    expires = (now + timedelta(days=180)).astimezone(UTC).replace(microsecond=0)
    contact = VULNERABILITY_REPORT.format(repository=repository) if repository else contact_page
    policy = SECURITY_POLICY.format(repository=repository) if repository else contact_page
    return (
        f"Contact: {contact}\n"
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}\n"
        f"Preferred-Languages: {', '.join(languages)}\n"
        f"Canonical: {absolute_url(site_url, '.well-known/security.txt')}\n"
        f"Policy: {policy}\n"
    )


def write_served_files(
    site_dir: Path,
    site_url: str,
    written: Mapping[str, frozenset[str]],
    not_found_pages: Mapping[str, str],
    deploy_context: str,
    repository: str | None,
    built_at: datetime,
) -> list[Problem]:
    """``/.well-known/security.txt`` (expiring half a year after the build's
    instant), then ``_headers`` with the CSP of the templates' scripts
    (``written``: each page's, as MkDocs wrote it, by path;
    ``not_found_pages``: each 404 page's HTML, by path); or the problems
    that stop the build, and nothing written."""
    problems = unrendered_html_problems(site_dir, [Path(p) for p in [*written, *not_found_pages]])
    if problems:
        return problems
    well_known = site_dir / ".well-known"
    well_known.mkdir(exist_ok=True)
    (well_known / "security.txt").write_text(security_txt(site_url, built_at, LANGUAGES, repository), encoding="utf-8")
    csp = content_security_policy(site_script_hashes(written, not_found_pages.values()), site_url)
    headers = headers_file(csp, fingerprinted_assets(site_dir), deploy_context)
    (site_dir / "_headers").write_text(headers, encoding="utf-8")
    return []
