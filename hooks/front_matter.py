"""Job: check every page in every language before anything renders: its
front matter (required fields per kind of page, no unknown field, right
types) and raw HTML links or images that would break under /vi/ and /fr/;
each problem names the file, the line and the fix. Done once per site build;
the hooks that need the pages' front matter reuse this scan.
"""

from __future__ import annotations

from hanoi.front_matter import scan_pages
from hanoi.languages import is_site_build_starting
from hanoi.problems import stop_on
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(95)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pages, problems = scan_pages(reuse=not is_site_build_starting(config))
    stop_on(problems, "the pages")
    return config
