"""The pages a pull request changes, so that its deploy preview can show
its own drafts and scheduled pages, and no other's (``hanoi.pages.drafts``).

They are the Markdown files under ``docs/`` that differ between the commit
being built and the point where its branch left ``main``, as Git reports
them (Netlify builds from a full clone). Without that history, none is
found, and the preview shows published pages only.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from hanoi.datafiles import PROJECT_DIR

BASE_BRANCH = "main"
log = logging.getLogger("mkdocs.hooks.hanoi")


def _git(project_dir: Path, *args: str) -> str | None:
    try:
        completed = subprocess.run(
            ["git", *args], cwd=project_dir, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
        )
    except OSError:  # no git
        return None
    return completed.stdout if completed.returncode == 0 else None


def changed_pages(project_dir: Path = PROJECT_DIR, base: str = BASE_BRANCH) -> frozenset[str]:
    """MkDocs' names ('en/press/x.md') of the pages changed since the branch
    left ``base`` (the remote's copy first, as a CI clone has it)."""
    for ref in (f"origin/{base}", base):
        fork_point = _git(project_dir, "merge-base", "HEAD", ref)
        if fork_point:
            break
    else:
        log.info(
            f"No Git history to compare with '{base}': this preview shows published pages only "
            "(SHOW_DRAFTS=1 shows every draft and scheduled page)"
        )
        return frozenset()
    names = _git(project_dir, "diff", "--name-only", "--no-renames", fork_point.strip(), "HEAD", "--", "docs") or ""
    return frozenset(
        name.removeprefix("docs/") for name in names.splitlines() if name.startswith("docs/") and name.endswith(".md")
    )
