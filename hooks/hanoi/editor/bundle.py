"""The editor's code: ``editor/main.js`` and Sveltia CMS, bundled by esbuild
with the fonts, icons and encoders the CMS loads from next to its code.

Sveltia's npm build (``npm/index.js``) imports its dependencies by package
name and loads every font and grammar from its own files; its CDN build
would fetch its icon font from jsDelivr. esbuild splits what the CMS loads
on demand (syntax grammars, image encoders) into ``chunks/``, so opening the
editor loads the entry script and the fonts only.

A bundle depends only on the installed packages (``package-lock.json``),
``editor/main.js`` and how it is made (this file), so it is made once for them and
kept in ``node_modules/.cache/hanoi-editor/<key>/``: every later build (and
every ``mkdocs serve`` rebuild) links those files into the site. The cache
goes with the packages: ``npm ci`` empties it, and a copy of the project that
links ``node_modules`` shares it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hanoi.datafiles import PROJECT_DIR
from hanoi.problems import Problem
from hanoi.served.material_fixes import drop_missing_source_maps

ENTRY = PROJECT_DIR / "editor" / "main.js"
PACKAGES = PROJECT_DIR / "node_modules"
LOCK_FILE = PROJECT_DIR / "package-lock.json"
CMS_PACKAGE = PACKAGES / "@sveltia" / "cms"
ESBUILD = PACKAGES / ".bin" / "esbuild"  # the native program, or a Node.js script that runs it
CACHE_DIR = PACKAGES / ".cache" / "hanoi-editor"
ENTRY_NAME = "main"
# Source maps are for debugging the editor itself and are not published
# (the editor site copies none); legal comments (licences) are kept, at the end of each file.
ESBUILD_OPTIONS = (
    "--bundle",
    "--format=esm",
    "--splitting",
    "--minify",
    "--legal-comments=eof",
    "--entry-names=[name]-[hash]",
    "--chunk-names=chunks/[name]-[hash]",
    "--log-level=warning",
)
# Files of the CMS package loaded at run time from next to the entry script:
# fonts, image encoders (npm/assets/), and the licences that cover them.
RUNTIME_FILES = (("npm/assets", "assets"), ("LICENSE.txt", "LICENSE.txt"))
HOW_TO_INSTALL = (
    "install the editor's packages with `npm ci --omit=dev` (`make build` does it; "
    "Node.js 20.19 or newer with npm), then build again"
)


@dataclass(frozen=True)
class Bundle:
    folder: Path  # the bundled files, as published on the editor's site
    entry: str  # the entry script's file name in ``folder``


class BundleFailed(Exception):
    """The editor could not be bundled; ``problem`` says why and what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def bundle_key() -> str:
    """What a bundle is made from: the pinned packages, the entry script, and
    how it is made (the options, and this file)."""
    digest = hashlib.sha256()
    for part in (
        LOCK_FILE.read_bytes(),
        ENTRY.read_bytes(),
        Path(__file__).read_bytes(),
        "\0".join(ESBUILD_OPTIONS).encode(),
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:24]


def bundle() -> Bundle:
    """The editor's files, bundled now or found in the cache."""
    cached = CACHE_DIR / bundle_key()
    if not cached.is_dir():
        _make(cached)
    entries = sorted(cached.glob(f"{ENTRY_NAME}-*.js"))
    if len(entries) != 1:  # a cache folder is only ever renamed into place complete
        raise BundleFailed(
            Problem(
                _relative(cached),
                None,
                "",
                "the cached editor bundle is not complete",
                f"delete {_relative(CACHE_DIR)} and build again",
            )
        )
    return Bundle(cached, entries[0].name)


def _make(target: Path) -> None:
    if not (CMS_PACKAGE / "package.json").is_file() or not ESBUILD.is_file():
        raise BundleFailed(
            Problem(
                "package.json",
                None,
                "dependencies",
                "the browser editor cannot be built: its packages are not installed",
                HOW_TO_INSTALL,
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    # Made beside its final place, then renamed: a build running at the same
    # time never sees half a bundle.
    work = Path(tempfile.mkdtemp(prefix="tmp-", dir=target.parent))
    try:
        try:
            completed = subprocess.run(
                [str(ESBUILD), str(ENTRY), f"--outdir={work}", *ESBUILD_OPTIONS],
                cwd=PROJECT_DIR,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError:  # the script's interpreter, Node.js, is missing
            raise BundleFailed(
                Problem("package.json", None, "engines", "Node.js is not installed", HOW_TO_INSTALL)
            ) from None
        if completed.returncode != 0:
            raise BundleFailed(
                Problem(
                    _relative(ENTRY),
                    None,
                    "",
                    "esbuild could not bundle the editor: " + " ".join(completed.stderr.split())[:2000],
                    "correct editor/main.js, or reinstall the packages (npm ci --omit=dev)",
                )
            )
        for source, published in RUNTIME_FILES:
            _copy(CMS_PACKAGE / source, work / published)
        drop_missing_source_maps(work)  # the CMS's image worker names its map, which is not published
        try:
            work.rename(target)
        except OSError:  # another build put the same bundle in place first
            shutil.rmtree(work)
        for stale in CACHE_DIR.iterdir():
            if stale.name != target.name and not stale.name.startswith("tmp-"):
                shutil.rmtree(stale, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.map"))
    else:
        shutil.copy2(source, target)


def publish(built: Bundle, folder: Path) -> None:
    """Put the bundle's files in ``folder`` (the site's editor folder), as
    hard links where the file system allows: the files never change once
    bundled, and a preview rebuilds the site on every save."""
    for source_dir, _, names in os.walk(built.folder):
        target_dir = folder / Path(source_dir).relative_to(built.folder)
        target_dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            source, target = Path(source_dir, name), target_dir / name
            try:
                os.link(source, target)
            except OSError:  # another file system, or links not allowed
                shutil.copy2(source, target)


def _relative(path: Path) -> str:
    return path.relative_to(PROJECT_DIR).as_posix() if path.is_relative_to(PROJECT_DIR) else str(path)
