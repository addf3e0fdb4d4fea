"""The headers ``/admin/`` is served with, and the paths that keep the
public site's.

The editor needs what the public site's Content-Security-Policy forbids
(inline styles, which Svelte injects at run time; requests to the Git host's
API), and a ``Cross-Origin-Opener-Policy`` that lets the sign-in window it
opens answer it. A browser enforces every Content-Security-Policy header it
is sent, so ``/admin/`` must receive its own policy and not the site's too.

Netlify applies every rule whose path matches a request (``[[headers]]`` in
``netlify.toml`` and ``site/_headers``), and how it combines one header set
by two matching rules depends on the layer: the merge of the two files keeps
``netlify.toml``'s value only when both name the same path
(netlify/build, ``packages/headers-parser/src/merge.ts``), the CLI keeps the
last rule's, and a value combined with a comma would be two policies. So no
path here is matched by two rules that set the same header: the site's
policy is written for each entry at the top of the site but the editor's
folder (``site_paths``), and ``/admin/*`` has its own rule (``editor_rules``).
An address that names nothing in the site (a 404 outside ``/vi/`` and
``/fr/``) matches no rule of the site's and gets only ``netlify.toml``'s
``/*`` headers.
"""

from __future__ import annotations

import os
from pathlib import Path

from hanoi.editor import FOLDER
from hanoi.problems import Problem
from hanoi.served.security import BASE_POLICY

GIT_HOST_API = "https://api.github.com"

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
    No script runs but the editor's own files: no hash, no ``unsafe-inline``
    or ``unsafe-eval`` for scripts."""
    return "; ".join(f"{name} {EDITOR_SOURCES.get(name, value)}".strip() for name, value in BASE_POLICY)


def editor_rules() -> str:
    """The ``_headers`` rule of the editor's folder. ``noindex`` in every
    deploy context: the editor is not for search engines."""
    return (
        f"/{FOLDER}/*\n"
        f"  Content-Security-Policy: {editor_policy()}\n"
        f"  Cross-Origin-Opener-Policy: {EDITOR_OPENER_POLICY}\n"
        "  X-Robots-Tag: noindex\n"
    )


def site_paths(site_dir: Path) -> list[str]:
    """The ``_headers`` paths that cover the public site and not the editor:
    the home page, each folder at the top of the site with everything in it,
    and each file there. Netlify's ``/<folder>/*`` also matches every address
    that begins with the folder's name (``/status/*`` matches ``/status.json``),
    so an entry whose name begins with a folder's is left to that folder's
    rule: no address is matched by two."""
    entries = sorted((e for e in os.scandir(site_dir) if e.name != FOLDER), key=lambda e: e.name)
    folders = [e.name.lower() for e in entries if e.is_dir()]
    paths = ["/"]
    for entry in entries:
        name = entry.name.lower()
        if not any(name.startswith(folder) and name != folder for folder in folders):
            paths.append(f"/{entry.name}/*" if entry.is_dir() else f"/{entry.name}")
    return paths


def editor_reached_problems(paths: list[str]) -> list[Problem]:
    """Folders whose rule would also match the editor's folder: Netlify reads
    ``/<name>/*`` as ``^/<name>/?(.*)/?$``, ignoring case
    (netlify/build, ``packages/headers-parser/src/for_regexp.ts``), so
    ``/ad/*`` matches ``/admin/``."""
    problems = []
    for path in paths:
        name = path.removeprefix("/").removesuffix("/*")
        if path.endswith("/*") and FOLDER.startswith(name.lower()):
            problems.append(
                Problem(
                    f"site/{name}",
                    None,
                    "",
                    f"the headers rule of the folder '{name}' would also apply to /{FOLDER}/, giving the editor the "
                    "public site's Content-Security-Policy as well as its own",
                    f"rename the folder (e.g. under docs/<lang>/) so that its name does not begin '{FOLDER}'",
                )
            )
    return problems
