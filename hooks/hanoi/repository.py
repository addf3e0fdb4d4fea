"""The site's GitHub repository: where the editor signs in and opens pull
requests, and where security problems are reported in private
(``/.well-known/security.txt``)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from hanoi.problems import Problem

# Netlify's REPOSITORY_URL for a GitHub repository, over HTTPS or SSH.
GITHUB_URL = re.compile(r"^(?:https://github\.com/|git@github\.com:)(?P<name>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")
REPOSITORY_NAME = re.compile(r"^[\w.-]+/[\w.-]+$")


def github_repository(environ: Mapping[str, str]) -> tuple[str | None, list[Problem]]:
    """``EDITOR_REPOSITORY`` (owner/name) if set, else the one Netlify builds
    from (``REPOSITORY_URL``); None in a build that names neither (a local one)."""
    explicit = environ.get("EDITOR_REPOSITORY", "").strip()
    if explicit:
        if REPOSITORY_NAME.match(explicit):
            return explicit, []
        return None, [
            Problem(
                "netlify.toml",
                None,
                "EDITOR_REPOSITORY",
                f"'{explicit}' is not a GitHub repository name",
                "write it as owner/name, e.g. EDITOR_REPOSITORY=press-office/hanoi-convention",
            )
        ]
    built_from = environ.get("REPOSITORY_URL", "").strip()
    if built_from:
        match = GITHUB_URL.match(built_from)
        if match:
            return match["name"], []
        return None, [
            Problem(
                "netlify.toml",
                None,
                "REPOSITORY_URL",
                f"the editor signs in to GitHub, but the site is built from {built_from}",
                "set EDITOR_REPOSITORY=owner/name in Netlify's environment variables, naming the "
                "GitHub repository of the site",
            )
        ]
    return None, []
