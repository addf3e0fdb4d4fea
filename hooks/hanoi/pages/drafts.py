"""What a build publishes: drafts and scheduled pages.

``draft: true`` keeps a page out of production builds; ``publish_at`` (with
its offset) keeps it out until that instant. Previews (``mkdocs serve``,
Netlify deploy previews and branch deploys, or SHOW_DRAFTS=1) show both, with
a banner, so that reviewers can read them. Every other build, a local
``make build`` included, is treated as production: nothing leaks by default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hanoi.clock import BuildClock, parse_instant

PREVIEW_CONTEXTS = ("deploy-preview", "branch-deploy")


@dataclass(frozen=True)
class Publication:
    now: datetime
    preview: bool

    def status(self, meta: Mapping[str, Any] | None) -> str:
        """'published', 'draft' or 'scheduled' (the last two only in previews)."""
        meta = meta or {}
        if meta.get("draft") is True:
            return "draft"
        publish_at = meta.get("publish_at")
        if publish_at and self.now < parse_instant(str(publish_at)):
            return "scheduled"
        return "published"

    def shows(self, meta: Mapping[str, Any] | None) -> bool:
        return self.preview or self.status(meta) == "published"


def from_environment(command: str | None, clock: BuildClock, environ: Mapping[str, str] = os.environ) -> Publication:
    """What the build publishes at the build's instant (SITE_NOW and
    SITE_TODAY move it, as they move the treaty's phase)."""
    preview = command == "serve" or environ.get("CONTEXT") in PREVIEW_CONTEXTS or environ.get("SHOW_DRAFTS") == "1"
    return Publication(clock.instant, preview)
