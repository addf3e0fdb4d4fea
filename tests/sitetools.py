"""Helpers the tests share: building the real site and reading its pages."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from pypdf import PdfReader

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from hanoi.problems import valid
from hanoi.status.convention import load_rules
from hanoi.status.facts import SiteFacts, load_site_facts

PROJECT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# The test site is built for the address the browser tests serve it from:
# Material fetches sitemap.xml from the site's own URL (its "stay on the same
# page" language switch), which the strict CSP allows only from the same origin.
TEST_PORT = free_port()
TEST_SITE_URL = f"http://127.0.0.1:{TEST_PORT}/"
# Files a test copy of the project leaves out: they are rebuilt or irrelevant.
_NOT_COPIED = shutil.ignore_patterns(
    ".venv", "site", "editor-site", ".git", "__pycache__", ".pytest_cache", "node_modules", "reports", "bench-results"
)


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("URL", "CONTEXT", "BUILD_ONLY_LOCALE")}
    env.update({"SITE_URL": TEST_SITE_URL, "NO_MKDOCS_2_WARNING": "1", "CONTEXT": "production"})
    env.update(extra)
    return env


def run_command(command: list[str], project: Path, site_dir: Path, env: dict[str, str]) -> BuildResult:
    """A build command run in ``project`` into ``site_dir``, as the tests run builds: no standard input."""
    completed = subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


def run_build(project: Path, site_dir: Path, **env: str) -> BuildResult:
    return run_command([str(MKDOCS), "build", "--strict"], project, site_dir, env)


def replace_in(path: Path, old: str, new: str) -> None:
    """A text file of a project copy with ``old`` (which must be there) replaced once."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The first line of a file that holds ``text``."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def assert_refused(result: BuildResult, project: Path, expected: list[tuple[Path, str, str]]) -> None:
    """The build failed without a traceback, and names each (file, a text on
    the line, a message) with its line and a fix."""
    assert result.returncode != 0 and "Traceback" not in result.output, result.output[-3000:]
    for path, text, message in expected:
        where = f"{path.relative_to(project).as_posix()}:{line_of(path, text)}"
        found = [line for line in result.output.splitlines() if where in line and message in line]
        assert found and "Fix:" in found[0], f"{where}: {message}\n{result.output[-3000:]}"


def status_on(project: Path, site_dir: Path, day: str) -> tuple[Path, dict[str, Any]]:
    """The project built as on ``day`` (SITE_TODAY), and its status.json."""
    result = run_build(project, site_dir, SITE_TODAY=day)
    assert result.returncode == 0, result.output
    return result.site_dir, status_json(result.site_dir)


def status_json(site_dir: Path) -> dict[str, Any]:
    """A built site's status.json."""
    document: dict[str, Any] = json.loads((site_dir / "status.json").read_text(encoding="utf-8"))
    return document


def status_figures(document: dict[str, Any]) -> tuple[Any, ...]:
    """What status.json says of the phase: the phase, the instruments that
    count, the day of the 40th and of entry into force."""
    keys = ("phase", "instruments_deposited", "fortieth_deposit", "entry_into_force")
    return tuple(document[key] for key in keys)


@dataclass(frozen=True)
class CraftedSite:
    """A build of the project with crafted content, for the address it is served at."""

    result: BuildResult
    port: int


def run_editor_build(project: Path, site_dir: Path, **env: str) -> BuildResult:
    """The editor's site, built by its own command (tools/build_editor.py)."""
    return run_command([sys.executable, "tools/build_editor.py"], project, site_dir, env)


def copy_project(target: Path) -> Path:
    shutil.copytree(PROJECT, target, ignore=_NOT_COPIED, symlinks=True)
    # The editor's packages and the bundle cached with them (hanoi.editor.bundle), shared.
    if (PROJECT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(PROJECT / "node_modules", target_is_directory=True)
    return target


def page_language(site_dir: Path, page: Path) -> str:
    first = page.relative_to(site_dir).parts[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


@cache
def _soup(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    return _soup(path, path.stat().st_mtime)


def url_path(site_dir: Path, page: Path) -> str:
    """The URL path a page is served at: /vi/about/ for vi/about/index.html."""
    relative = page.relative_to(site_dir).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


@contextmanager
def preview_server(project: Path, env: dict[str, str], log: Path) -> Iterator[str]:
    """``mkdocs serve --livereload`` of ``project`` on a free port, its output
    in ``log``; yields the address it serves."""
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=30)


def site_facts() -> SiteFacts:
    """The site's data as the build reads it, on the machine's day."""
    facts, problems = load_site_facts(date.today(), valid(load_rules(), "data/convention.yml"))
    assert facts is not None and not problems, problems
    return facts


def plain(text: str) -> str:
    """NFC, every kind of space as one ordinary space."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ").split())


def pdf_text(path: Path) -> str:
    """The text of a PDF, as a reader's tool extracts it (pypdf), made plain."""
    return plain(" ".join(page.extract_text() for page in PdfReader(path).pages))
