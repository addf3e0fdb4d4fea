"""The real site, built once per test session with the real `mkdocs build --strict`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from sitetools import PROJECT, BuildResult, copy_project, run_build, run_editor_build

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


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project, for builds with deliberately bad input."""
    return copy_project(tmp_path / "project")
