"""Edit-to-reload time of the preview (`mkdocs serve`) on the real site.

Serves a throwaway copy of the project with live reload, appends a line to a
page several times, and prints how long each edit takes to reach the served
page, for all three languages and for one language (BUILD_ONLY_LOCALE, as
`make serve-one` does).

    .venv/bin/python bench/preview.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path += [str(PROJECT / "tests"), str(PROJECT / "hooks")]  # after bench/

from common import copy_project  # noqa: E402
from sitetools import preview_server  # noqa: E402

EDITS = 3
PAGE = "faq.md"


def served(url: str, text: str, timeout: float = 300) -> float:
    """Seconds until ``text`` is in the page at ``url``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{text!r} never appeared at {url}")


def measure(project: Path, language: str | None) -> tuple[float, list[float]]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if language:
        env["BUILD_ONLY_LOCALE"] = language  # that language is then built at the site root
    source = project / "docs" / (language or "en") / PAGE
    with preview_server(project, env, project / f"serve-{language or 'all'}.log") as base:
        url = f"{base}{Path(PAGE).stem}/"
        first = served(url, "</html>")
        edits = []
        for number in range(EDITS):
            marker = f"previewedit{number}x{time.time_ns()}"
            with source.open("a", encoding="utf-8") as page:
                page.write(f"\n{marker}\n")
            edits.append(served(url, marker))
        return first, edits


def main() -> None:
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as temporary:
        project = copy_project(Path(temporary) / "project")
        for language in (None, "vi"):
            first, edits = measure(project, language)
            label = "all three languages" if language is None else f"one language ({language})"
            print(
                f"{label:<24} first build served after {first:5.1f} s; edit to served page: "
                f"median {statistics.median(edits):.1f} s ({', '.join(f'{e:.1f}' for e in edits)} s)"
            )


if __name__ == "__main__":
    main()
