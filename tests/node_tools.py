"""The Node tools the quality gates use (package.json, installed by `make
test` with `npm ci` into node_modules/), and the Java runtime that the Nu Html
Checker (vnu-jar) runs on. A test that needs one and does not find it fails
and says how to install it: it never passes without it."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from sitetools import PROJECT

NODE_MODULES = PROJECT / "node_modules"
HOW_TO_INSTALL = (
    "The Node tools of the tests are not installed. `make test` installs them (npm ci, from "
    "package-lock.json); by hand: `npm ci` in the project folder. They need Node.js 20.19 or "
    "newer with npm (Debian: `apt-get install nodejs npm`)."
)


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.fail("Node.js is not installed. " + HOW_TO_INSTALL, pytrace=False)
    return path


def node_bin(name: str) -> Path:
    """node_modules/.bin/<name>, or a failed test that says how to get it."""
    path = NODE_MODULES / ".bin" / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(PROJECT)} is missing. " + HOW_TO_INSTALL, pytrace=False)
    return path


@lru_cache(maxsize=1)
def axe_source() -> str:
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"{path.relative_to(PROJECT)} is missing. " + HOW_TO_INSTALL, pytrace=False)
    return path.read_text(encoding="utf-8")


def java() -> str:
    """The Java runtime vnu.jar needs (Java 11 or newer)."""
    path = shutil.which("java")
    if path is None:
        pytest.fail(
            "Java is not installed; the Nu Html Checker (vnu-jar) needs it. Debian: "
            "`apt-get install default-jre-headless` (.ci/run does this on CI).",
            pytrace=False,
        )
    return path


def vnu_jar() -> Path:
    """The Nu Html Checker's jar, run with the system's Java (vnu-jar's own
    launcher would try to download a Java runtime if none were found)."""
    path = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not path.is_file():
        pytest.fail(f"{path.relative_to(PROJECT)} is missing. " + HOW_TO_INSTALL, pytrace=False)
    return path
