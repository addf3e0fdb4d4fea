"""The real site, built once per test session with the real `mkdocs build --strict`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from crafted_inputs import (
    FRONT_MATTER_PAYLOADS,
    FRONT_MATTER_RELEASE,
    INERT,
    PAGE_FRONT,
    RENDERED_REFUSED,
)
from sitetools import PROJECT, BuildResult, CraftedSite, copy_project, free_port, run_build, run_editor_build

# Generated cases (tests/test_bad_input.py) are the same on every CI run, so a
# failure there can be reproduced; locally they vary, to find more.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = run_build(PROJECT, tmp_path_factory.mktemp("build") / "site")
    assert result.returncode == 0, f"the site does not build:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def site(build: BuildResult) -> Path:
    return build.site_dir


@pytest.fixture(scope="session")
def site_at(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The real site built at another instant (SITE_NOW, or SITE_TODAY for a
    day), once per instant in each test process."""
    built: dict[str, Path] = {}

    def build(moment: str) -> Path:
        if moment not in built:
            variable = "SITE_NOW" if "T" in moment else "SITE_TODAY"
            result = run_build(PROJECT, tmp_path_factory.mktemp("at") / "site", **{variable: moment})
            assert result.returncode == 0, f"the site does not build at {moment}:\n{result.output}"
            built[moment] = result.site_dir
        return built[moment]

    return build


@pytest.fixture(scope="session")
def editor_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The press officers' editor, built as its own site by its own command."""
    result = run_editor_build(PROJECT, tmp_path_factory.mktemp("editor") / "editor-site")
    assert result.returncode == 0, f"the editor's site does not build:\n{result.output}"
    return result.site_dir


@pytest.fixture(scope="session")
def crafted_site(tmp_path_factory: pytest.TempPathFactory) -> CraftedSite:
    """The project with every crafted input that gets past the source checks,
    each in a page of its own (a probe folder of the copy's English pages), and the inert ones (and
    markup in a release's front matter), built for the address it is served
    at: the build fails, naming each refused page, and writes the pages, the
    refused ones sanitized (tests/test_content_gate.py, tests/browser/
    test_crafted_content.py)."""
    project = copy_project(tmp_path_factory.mktemp("crafted") / "project")
    probes = project / "docs" / "en" / "probe"
    probes.mkdir()
    for name, body, *_ in RENDERED_REFUSED + INERT:
        (probes / f"{name}.md").write_text(PAGE_FRONT.format(name=name) + body + "\n", encoding="utf-8")
    release = project / FRONT_MATTER_RELEASE
    text = release.read_text(encoding="utf-8")
    for field, value in FRONT_MATTER_PAYLOADS.items():
        quoted = "'" + value.replace("'", "''") + "'"
        text = re.sub(rf"^{field}: .*$", lambda _, line=f"{field}: {quoted}": line, text, count=1, flags=re.M)
    release.write_text(text, encoding="utf-8")
    port = free_port()
    result = run_build(project, project / "site", SITE_URL=f"http://127.0.0.1:{port}/")
    return CraftedSite(result, port)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project, for builds with deliberately bad input."""
    return copy_project(tmp_path / "project")
