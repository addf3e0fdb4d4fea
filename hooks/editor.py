"""Job: point the editor's former address, ``/admin/``, to the editor's own
site when its address is set (``EDITOR_URL``; ``hanoi.editor.old_address``).
The public site holds nothing of the editor itself (``hanoi.editor``)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hanoi.build import after_all_languages
from hanoi.editor.old_address import redirects
from hanoi.problems import stop_on


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    editor_url = os.environ.get("EDITOR_URL", "").strip()
    if not editor_url:
        return
    rules, problems = redirects(editor_url, config.site_url or "/")
    stop_on(problems, "the editor's address")
    (Path(config.site_dir) / "_redirects").write_text(rules, encoding="utf-8")
