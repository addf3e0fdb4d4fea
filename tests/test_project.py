"""Layout, pinned dependencies, strict validation, anchors."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from sitetools import PROJECT, run_build

# One requirement, its continuation lines joined: pinned with ==, with the
# hash of every file pip may install for it.
PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9_.\-\[\]]+)==(?P<version>[A-Za-z0-9_.+\-]+)(?P<hashes>(?: +--hash=sha256:[0-9a-f]{64})+)$"
)
REQUIREMENTS = ("requirements.txt", "requirements-test.txt", "requirements-lock.txt")


def requirement_lines(name: str) -> list[str]:
    joined = re.sub(r"[ ]*\\\n[ ]*", " ", (PROJECT / name).read_text(encoding="utf-8"))
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def pins(name: str) -> dict[str, str]:
    return {m["name"].lower(): m["version"] for m in map(PIN.match, requirement_lines(name)) if m}


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_every_dependency_is_pinned_exactly_with_its_hashes(name: str) -> None:
    lines = requirement_lines(name)
    loose = [line[:80] for line in lines if not PIN.match(line)]
    assert lines and not loose, f"{name}: not pinned with == and --hash: {loose}"


def test_the_tests_install_the_sites_packages_at_the_same_versions_and_pip_checks_the_hashes() -> None:
    site, tests = pins("requirements.txt"), pins("requirements-test.txt")
    assert {name: tests.get(name) for name in site} == site
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-test.txt" in makefile
    lock = makefile.split("\nlock:")[1].split("\n\n")[0]
    assert lock.count("$(LOCK_COMPILE)") == 3 and "--generate-hashes" in makefile


def test_mkdocs_stays_below_2() -> None:
    assert int(pins("requirements.txt")["mkdocs"].split(".")[0]) < 2


def test_layout() -> None:
    for path in (
        "mkdocs.yml",
        "docs/en",
        "docs/vi",
        "docs/fr",
        "locales",
        "hooks",
        "overrides",
        "data",
        "tests",
        "netlify.toml",
        "README.md",
        "Makefile",
        ".ci/run",
        "babel.cfg",
        "SECURITY.md",
        "editor/netlify.toml",
    ):
        assert (PROJECT / path).exists(), path


def test_readme_starts_with_the_two_commands() -> None:
    head = (PROJECT / "README.md").read_text().split("\n## ")[0]
    assert "make build" in head and "make test" in head
    assert "make test" in (PROJECT / ".ci" / "run").read_text()


def test_validation_makes_broken_links_and_anchors_errors() -> None:
    config = load_config(str(PROJECT / "mkdocs.yml"))
    links = config.validation.links
    assert config.strict
    assert {links.not_found, links.anchors, links.unrecognized_links, links.absolute_links} <= {30}  # logging.WARNING
    assert config.validation.nav.omitted_files == 30 and config.validation.nav.not_found == 30


def test_heading_anchors_keep_vietnamese_letters() -> None:
    config = load_config(str(PROJECT / "mkdocs.yml"))
    html = markdown.markdown(
        "## Đường dây nóng", extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    assert 'id="đường-dây-nóng"' in html


def test_a_broken_link_or_anchor_fails_the_build(project_copy: Path) -> None:
    """Both in one page, one build of its language: each is reported."""
    page = project_copy / "docs" / "vi" / "index.md"
    page.write_text(
        page.read_text() + "\n[Trang không có](khong-co-trang.md)\n\n[Neo không có](#neo-khong-co)\n", encoding="utf-8"
    )
    result = run_build(project_copy, project_copy / "site", BUILD_ONLY_LOCALE="vi")
    assert result.returncode != 0
    assert "khong-co-trang.md" in result.output and "neo-khong-co" in result.output


REPOSITORY_PATH = re.compile(
    r"`((?:\.github|\.ci|bench|data|docs|hooks|locales|overrides|templates|tests|tools)/[^`\s<>…*]*)`"
)


@pytest.mark.parametrize("name", [".github/pull_request_template.md", "CONTRIBUTING.md"])
def test_contributor_guides_point_only_at_what_the_repository_holds(name: str) -> None:
    """Reviewers check facts against the sources kept with them (a page's
    '## Sources', the `source:`/`sources:` of data), never against files
    outside the repository, which a clone does not have."""
    text = (PROJECT / name).read_text(encoding="utf-8")
    assert "../" not in text and "shared/" not in text, f"{name} points outside the repository"
    assert "## Sources" in text and "sources:" in text
    paths = REPOSITORY_PATH.findall(text)
    missing = [path for path in paths if not (PROJECT / path).exists()]
    assert paths and not missing, f"{name} names files the repository does not have: {missing}"
    links = [target for target in re.findall(r"\]\(([^)#\s]+)", text) if "://" not in target]
    assert not [target for target in links if not (PROJECT / name).parent.joinpath(target).exists()], links
