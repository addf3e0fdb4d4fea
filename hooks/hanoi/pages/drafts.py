"""What a build publishes: drafts and scheduled pages.

``draft: true`` keeps a page out of production builds; ``publish_at`` (with
its offset) keeps it out until that instant. ``mkdocs serve`` and builds with
SHOW_DRAFTS=1 show both, with a banner, so that reviewers can read them.
Netlify's deploy previews and branch deploys show only the drafts and
scheduled pages their own pull request changes (``hanoi.pages.changes``):
their addresses are easy to guess, and an embargoed release merged with its
``publish_at`` must not appear in every other pull request's preview. Every
other build, a local ``make build`` included, is treated as production:
nothing leaks by default.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hanoi.clock import BuildClock, parse_instant

PREVIEW_CONTEXTS = ("deploy-preview", "branch-deploy")


@dataclass(frozen=True)
class Publication:
    now: datetime
    preview: bool  # every draft and scheduled page is shown
    own_pages: frozenset[str] = frozenset()  # shown as well: 'en/press/x.md' (a preview's own)

    def status(self, meta: Mapping[Any, Any] | None) -> str:
        """'published', 'draft' or 'scheduled' (the last two only in previews)."""
        meta = meta or {}
        if meta.get("draft") is True:
            return "draft"
        publish_at = meta.get("publish_at")
        if publish_at and self.now < parse_instant(str(publish_at)):
            return "scheduled"
        return "published"

    def shows(self, meta: Mapping[Any, Any] | None, page: str | None = None) -> bool:
        return self.preview or page in self.own_pages or self.status(meta) == "published"


def from_environment(
    command: str | None,
    clock: BuildClock,
    environ: Mapping[str, str] = os.environ,
    own_pages: Callable[[], frozenset[str]] = frozenset,
) -> Publication:
    """What the build publishes at the build's instant (SITE_NOW and
    SITE_TODAY move it, as they move the treaty's phase). ``own_pages``: the
    pages a deploy preview's pull request changes, asked only in such a preview."""
    preview = command == "serve" or environ.get("SHOW_DRAFTS") == "1"
    own = own_pages() if environ.get("CONTEXT") in PREVIEW_CONTEXTS and not preview else frozenset()
    return Publication(clock.instant, preview, own)
