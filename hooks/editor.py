"""Job: the browser editor for press officers at ``/admin/`` (``hanoi.editor``):
its bundled code, its configuration generated from the schemas, its page,
and its own headers in ``_headers``. Written once after every language
is built, after hooks/security_headers.py has written the site's headers.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hanoi.build import AFTER_SITE_HEADERS, site_build
from hanoi.datafiles import PROJECT_DIR
from hanoi.editor import FOLDER
from hanoi.editor.bundle import BundleFailed, bundle, publish
from hanoi.editor.config import editor_config, production_domain, repository
from hanoi.editor.headers import editor_reached_problems, editor_rules, site_paths
from hanoi.languages import is_last_build_running
from hanoi.problems import stop_on
from hanoi.templates import hook_environment

log = logging.getLogger("mkdocs.hooks.editor")

CONFIG_FILE = "config.json"


@event_priority(AFTER_SITE_HEADERS)
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build_running(config):
        return
    site_dir = Path(config.site_dir)
    repo, problems = repository(os.environ, PROJECT_DIR)
    stop_on(problems + editor_reached_problems(site_paths(site_dir)), "the editor's settings")
    try:
        built = bundle()
    except BundleFailed as failure:
        stop_on([failure.problem], "the browser editor")
    folder = site_dir / FOLDER
    publish(built, folder)
    settings = editor_config(site_build(config).pages, repo, production_domain(os.environ))
    (folder / CONFIG_FILE).write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "index.html").write_text(
        hook_environment(config)
        .get_template(f"{FOLDER}/index.html")
        .render(title=settings["app_title"], config_file=CONFIG_FILE, entry=built.entry),
        encoding="utf-8",
    )
    with (site_dir / "_headers").open("a", encoding="utf-8") as headers:
        headers.write(editor_rules())
    log.info(f"Browser editor at /{FOLDER}/ for the GitHub repository {repo}")
