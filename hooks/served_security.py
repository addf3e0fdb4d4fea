"""Job: the security headers Netlify serves (``site/_headers``) and
``/.well-known/security.txt``, written once after every language is built;
the build stops if the site holds an HTML file the templates did not render.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hanoi.build import PAGE_AS_WRITTEN, after_all_languages, site_build
from hanoi.problems import stop_on
from hanoi.repository import github_repository
from hanoi.served.not_found import not_found_files
from hanoi.served.security import ContentNotInPage, template_script_hashes, write_served_files


# The hashes of the inline scripts the templates emitted in each page, kept by
# the site build: the site is not read back for them.
@event_priority(PAGE_AS_WRITTEN)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    try:
        site_build(config).script_hashes[page.file.abs_dest_path] = template_script_hashes(output, page.content)
    except ContentNotInPage as error:
        raise PluginError(
            f"{page.file.src_uri}: {error}; the CSP cannot tell the templates' scripts from the "
            "page's. Fix: check the templates in overrides/ and hooks that change page HTML"
        ) from None
    return output


# After hooks/served_on_demand.py (listed before this hook) has written the pages.
@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    site = site_build(config)
    site_dir = Path(config.site_dir)
    not_found = not_found_files(site_dir, site.not_found_pages)
    # Netlify sets CONTEXT; a local build is treated as a preview (noindex).
    context = os.environ.get("CONTEXT", "local")
    repository, _ = github_repository(os.environ)  # a name it cannot take leaves the contact page
    problems = write_served_files(
        site_dir, config.site_url or "/", site.script_hashes, not_found, context, repository, site.clock.instant
    )
    stop_on(problems, "the built site")
