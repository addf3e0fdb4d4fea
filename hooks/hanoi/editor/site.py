"""The editor's site: its page at the root, its configuration, its bundled
code and its headers, built from the repository by ``tools/build_editor.py``.

It is written beside its final folder and moved into place whole: a build
that stops on a problem leaves the folder as it was.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from hanoi.clock import clock_from
from hanoi.datafiles import PROJECT_DIR
from hanoi.editor.bundle import BundleFailed, bundle, publish
from hanoi.editor.config import auth_scope, editor_config, production_domain
from hanoi.editor.headers import editor_headers
from hanoi.pages.changes import changed_pages
from hanoi.pages.drafts import from_environment
from hanoi.pages.scan import DOCS_DIR, scan_pages
from hanoi.problems import Problem
from hanoi.repository import github_repository

SITE_DIR = PROJECT_DIR / "editor-site"
TEMPLATES = PROJECT_DIR / "overrides"
PAGE_TEMPLATE = "editor/index.html"
CONFIG_FILE = "config.json"


def render_page(title: str, entry: str) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return environment.get_template(PAGE_TEMPLATE).render(title=title, config_file=CONFIG_FILE, entry=entry)


def build_editor_site(site_dir: Path, environ: Mapping[str, str], docs_dir: Path = DOCS_DIR) -> list[Problem]:
    """Build the editor's site into ``site_dir``; the problems that stop it
    (and then nothing is written)."""
    repository, problems = github_repository(environ)
    scope, more = auth_scope(environ)
    clock, even_more = clock_from(environ)
    if problems + more + even_more:
        return problems + more + even_more
    assert clock is not None
    try:
        built = bundle()
    except BundleFailed as failure:
        return [failure.problem]
    # The public site's build reports the pages' problems; the editor lists the
    # pages that build publishes, with their titles.
    pages, _ = scan_pages(docs_dir)
    publication = from_environment("build", clock, environ, lambda: changed_pages(docs_dir.parent))
    published = [page for page in pages if publication.shows(page.meta, page.src_uri)]
    settings = editor_config(published, repository or f"local/{PROJECT_DIR.name}", production_domain(environ), scope)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        publish(built, work)
        (work / CONFIG_FILE).write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (work / "index.html").write_text(render_page(settings["app_title"], built.entry), encoding="utf-8")
        (work / "_headers").write_text(editor_headers(), encoding="utf-8")
        shutil.rmtree(site_dir, ignore_errors=True)
        work.rename(site_dir)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return []
