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
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
# After bench/ (the script's own folder): hooks/programme.py would hide bench/programme.py.
sys.path.append(str(PROJECT / "hooks"))


SITE_URL = "https://hanoi-convention.test/"
MKDOCS = Path(sys.executable).parent / "mkdocs"
# What a copy of the project leaves out: rebuilt, or irrelevant to a build.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules", "reports", "bench-results"
)


def copy_project(target: Path, source: Path = PROJECT) -> Path:
    """A copy of the project's files at ``target`` (which must not exist yet)."""
    shutil.copytree(source, target, ignore=NOT_COPIED, symlinks=True)
    # The browser editor's packages and the bundle cached with them (hanoi.editor.bundle), shared.
    if (source / "node_modules").is_dir():
        (target / "node_modules").symlink_to((source / "node_modules").resolve(), target_is_directory=True)
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


@dataclass
class Running:
    """A build started by ``start_build``, to be collected by ``finish_builds``."""

    project: Path
    process: subprocess.Popen
    started: float
    log: Any  # the temporary file its output goes to
    check: bool


def start_build(
    project: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    check: bool = True,
    env: dict[str, str] | None = None,
    cpu: int | None = None,
) -> Running:
    """``mkdocs build [--strict]`` of ``project`` into ``site_dir`` in a child
    process (kept on one CPU if ``cpu`` is given)."""
    command = [str(MKDOCS), "build", "--site-dir", str(site_dir), "--strict" if strict else "--no-strict"]
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None else None
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=project,
        env=env or build_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        preexec_fn=pin,
    )
    return Running(project, process, started, log, check)


def finish_builds(running: list[Running]) -> list[Build]:
    """Wait for the builds, in whatever order they end; each one's resource
    usage is the kernel's, reported when it ends (wait4)."""
    by_pid = {r.process.pid: r for r in running}
    done: dict[int, Build] = {}
    while len(done) < len(running):
        pid, status, usage = os.wait4(-1, 0)
        if pid not in by_pid:
            continue
        seconds = time.perf_counter() - by_pid[pid].started
        item = by_pid[pid]
        item.process.returncode = os.waitstatus_to_exitcode(status)
        item.log.seek(0)
        output = item.log.read()
        item.log.close()
        if item.check and item.process.returncode != 0:
            sys.exit(f"the build of {item.project} failed:\n{output}")
        # Linux reports ru_maxrss in kilobytes.
        done[pid] = Build(
            seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, item.process.returncode, output
        )
    return [done[r.process.pid] for r in running]


def run_build(
    project: Path, site_dir: Path, *, strict: bool = True, check: bool = True, env: dict[str, str] | None = None
) -> Build:
    """``mkdocs build [--strict]`` of ``project`` into ``site_dir``, timed."""
    return finish_builds([start_build(project, site_dir, strict=strict, check=check, env=env)])[0]


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return sum(sizes), len(sizes)
