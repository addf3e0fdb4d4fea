"""The public site's pointer to the editor: ``/admin/``, where the editor
used to be, redirects to the editor's own site when its address is known
(``EDITOR_URL``, set in the public site's Netlify environment). The
redirect is written to the site's ``_redirects``, which only the build
writes (``hanoi.pages.files`` refuses one under ``docs/``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from hanoi.problems import Problem

OLD_ADDRESS = "/admin"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


def redirects(editor_url: str, site_url: str) -> tuple[str, list[Problem]]:
    """The ``_redirects`` lines from the old address to ``editor_url``, or
    why it cannot be the editor's address."""
    parts = urlsplit(editor_url)
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS)
    if not secure or not parts.hostname:
        fix = "set it to the editor site's https:// address, e.g. https://editor.example.org/"
        return "", [Problem("netlify.toml", None, "EDITOR_URL", f"'{editor_url}' is not an https:// address", fix)]
    if (parts.hostname, parts.port) == (urlsplit(site_url).hostname, urlsplit(site_url).port):
        return "", [
            Problem(
                "netlify.toml",
                None,
                "EDITOR_URL",
                "the editor's address is the public site's: the editor must have a site of its own",
                "set it to the address of the editor's Netlify site (CONTRIBUTING.md, Set up the browser editor)",
            )
        ]
    target = editor_url if editor_url.endswith("/") else editor_url + "/"
    return f"{OLD_ADDRESS} {target} 301\n{OLD_ADDRESS}/* {target} 301\n", []
