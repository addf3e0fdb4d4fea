"""Job: check every page in every language before anything renders: its
front matter (required fields per kind of page, no unknown field, right
types) and raw HTML links or images that would break under /vi/ and /fr/;
each problem names the file, the line and the fix.
"""

from __future__ import annotations

from hanoi.front_matter import scan_pages
from hanoi.problems import stop_on
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(95)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pages, problems = scan_pages()
    stop_on(problems, "the pages")
    return config
