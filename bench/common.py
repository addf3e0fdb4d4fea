"""What the benchmark scripts share: a throwaway copy of the project, and the
real build command run in a child process, timed, with its peak memory.

    from common import PROJECT, copy_project, run_build
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "vi", "fr")
SITE_URL = "https://hanoi-convention.test/"
MKDOCS = Path(sys.executable).parent / "mkdocs"
# What a copy of the project leaves out: rebuilt, or irrelevant to a build.
NOT_COPIED = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules",
                                    "reports", "bench-results")


def copy_project(target: Path, source: Path = PROJECT) -> Path:
    """A copy of the project's files at ``target`` (which must not exist yet)."""
    shutil.copytree(source, target, ignore=NOT_COPIED, symlinks=True)
    return target


def build_env(**extra: str) -> dict[str, str]:
    """The environment of a production build for SITE_URL, whatever the caller's."""
    env = {k: v for k, v in os.environ.items() if k not in ("URL", "CONTEXT", "BUILD_ONLY_LOCALE")}
    env.update({"SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "CONTEXT": "production"})
    env.update(extra)
    return env


@dataclass(frozen=True)
class Build:
    seconds: float  # wall time
    peak_rss_bytes: int  # the build process's peak resident memory, from the operating system
    cpu_seconds: float  # user + system time of the build process
    returncode: int
    output: str


def run_build(project: Path, site_dir: Path, *, strict: bool = True, check: bool = True,
              env: dict[str, str] | None = None) -> Build:
    """``mkdocs build [--strict]`` of ``project`` into ``site_dir``, in a child
    process whose resource usage the kernel reports when it ends (wait4)."""
    command = [str(MKDOCS), "build", "--site-dir", str(site_dir), "--strict" if strict else "--no-strict"]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env or build_env(), stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if check and process.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{output}")
    # Linux reports ru_maxrss in kilobytes.
    return Build(seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, process.returncode, output)


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return sum(sizes), len(sizes)
