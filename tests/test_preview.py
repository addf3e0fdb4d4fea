"""The preview (`mkdocs serve`, as `make serve-one LANG=vi` runs it) shows
every kind of edit on the next rebuild: a page, a data file, a schema, a
template and a UI string. Nothing is kept from one rebuild to the next but
the compiled templates, keyed by their source (hanoi.templates)."""

from __future__ import annotations

import os
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitetools import build_env, preview_server, replace_in

WAIT = 120.0  # seconds: a rebuild takes a few; a slow CI machine, more


@pytest.fixture
def preview(project_copy: Path) -> Iterator[tuple[Path, str, Path]]:
    log = project_copy / "serve.log"
    env = build_env(BUILD_ONLY_LOCALE="vi")
    env.pop("SITE_URL", None)
    with preview_server(project_copy, env, log) as url:
        yield project_copy, url, log


def fetched(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def until(condition: Callable[[], bool], what: str) -> None:
    """Poll, briefly, until the condition holds: rebuilds take as long as they take."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"not seen within {WAIT:.0f} s: {what}"
        time.sleep(0.2)


def edit(path: Path, old: str, new: str) -> None:
    """An edit the preview's watcher sees at once (a new modification time)."""
    replace_in(path, old, new)
    os.utime(path)


def test_every_kind_of_edit_shows_on_the_next_rebuild(preview: tuple[Path, str, Path]) -> None:
    project, url, log = preview
    until(lambda: "Công ước" in fetched(url), "the first build")

    edit(project / "docs" / "vi" / "faq.md", "# Hỏi đáp", "# Hỏi đáp (bản sửa trang)")
    until(lambda: "bản sửa trang" in fetched(url + "faq/"), "an edited page")

    edit(
        project / "data" / "key_facts.yml",
        "vi: Đại hội đồng Liên Hợp Quốc thông qua",
        "vi: Đại hội đồng Liên Hợp Quốc thông qua (bản sửa dữ liệu)",
    )
    until(lambda: "bản sửa dữ liệu" in fetched(url), "an edited data file")

    edit(
        project / "overrides" / "partials" / "home" / "news.html",
        '<section class="hc-home__news"',
        '<section data-edited-template class="hc-home__news"',
    )
    until(lambda: "data-edited-template" in fetched(url), "an edited template")

    edit(
        project / "locales" / "vi" / "LC_MESSAGES" / "messages.po",
        'msgstr "Tin mới nhất"',
        'msgstr "Tin mới nhất (bản sửa giao diện)"',
    )
    until(lambda: "bản sửa giao diện" in fetched(url), "an edited UI string")

    # A schema edit changes what the build accepts: a stricter key-facts label
    # is refused on the next rebuild, with the schema's new fix.
    edit(
        project / "data" / "schema" / "translated.schema.json",
        '"description": "the text in that language (Vietnamese with all its diacritics)"',
        '"maxLength": 10, "x-fix": "keep it under ten characters (edited schema)", '
        '"description": "the text in that language (Vietnamese with all its diacritics)"',
    )
    until(lambda: "(edited schema)" in log.read_text(encoding="utf-8"), "an edited schema")
