"""Every module and file the project's own texts name exists: README,
CONTRIBUTING, the design notes, templates, scripts, Typst layouts, schemas,
configuration and requirements files, and the comments and docstrings of
the code. A module moved or renamed leaves no stale name behind."""

from __future__ import annotations

import ast
import importlib
import io
import re
import tokenize
from pathlib import Path
from tokenize import COMMENT

import pytest

from sitetools import PROJECT

# Where the project names its own modules and files.
TEXTS = (
    "README.md",
    "CONTRIBUTING.md",
    "SECURITY.md",
    "Makefile",
    "mkdocs.yml",
    "netlify.toml",
    "babel.cfg",
    "pyproject.toml",
    "requirements.in",
    "requirements-test.in",
    "docs-dev/*.md",
    "data/**/README.md",
    "data/**/*.yml",
    "data/schema/*.json",
    "tests/**/README.md",
    "overrides/**/*.html",
    "overrides/**/*.js",
    "overrides/**/*.css",
    "templates/**/*.typ",
    "editor/**/*.js",
    "editor/**/*.toml",
    "hooks/**/*.py",
    "tools/**/*.py",
    "bench/**/*.py",
    "tests/**/*.py",
    ".github/**/*.yml",
    ".github/**/*.md",
    ".ci/run",
)
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
MODULE = re.compile(r"(?<![\w./-])hanoi(?:\.[a-z_][a-z0-9_]*)+")
FOLDERS = "hooks|tests|tools|bench|overrides|templates|data|docs|docs-dev|locales|editor|\\.github|\\.ci"
PATH = re.compile(rf"(?<![\w./-])(?:{FOLDERS})/[\w./-]*[\w/]")
# A path written as a pattern or an example, not as a file: <lang>, {a,b}, *, …
NOT_A_FILE = re.compile(r"[<>{}*…]|\.\.\.|/x\.|example|YYYY")


def texts() -> list[Path]:
    found = {path for pattern in TEXTS for path in PROJECT.glob(pattern) if path.is_file()}
    return sorted(p for p in found if "node_modules" not in p.parts and ".venv" not in p.parts)


def resolves(reference: str) -> bool:
    """A module, or an attribute of one (hanoi.status.home.home_view)."""
    parts = reference.split(".")
    for cut in range(len(parts), 1, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


def named_in(text: Path) -> str:
    """What a file says in prose: all of a text file; a module's comments
    and docstrings (its strings are data: template names, test paths)."""
    content = text.read_text(encoding="utf-8")
    if text.suffix != ".py":
        return content
    prose = [token.string for token in tokenize.generate_tokens(io.StringIO(content).readline) if token.type == COMMENT]
    tree = ast.parse(content)
    prose += [ast.get_docstring(node) or "" for node in ast.walk(tree) if isinstance(node, DOCUMENTED)]
    return "\n".join(prose)


def exists(path: str) -> bool:
    path = path.rstrip(".")
    return (PROJECT / path).exists() or (PROJECT / path.split("#")[0]).exists()


@pytest.mark.parametrize("text", texts(), ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_module_and_file_named_exists(text: Path) -> None:
    content = named_in(text)
    stale = sorted({m for m in MODULE.findall(content) if not resolves(m)})
    stale += sorted(
        {
            m.group(0)
            for m in PATH.finditer(content)
            if not NOT_A_FILE.search(content[m.start() : m.end() + 1]) and not exists(m.group(0))
        }
    )
    assert not stale, f"{text.relative_to(PROJECT)} names what does not exist: {stale}"
