"""The site built by MkDocs and by ProperDocs, compared file by file.

    make properdocs-check        # = .venv/bin/python tools/compare_engines.py

MkDocs 1.x gets no more releases and Material for MkDocs reaches its end of
life on 5 May 2027; ProperDocs (PyPI ``properdocs``) continues MkDocs 1.x
under its own name and runs MkDocs' plugins, themes and hooks unchanged. This
builds the site with both (``mkdocs build --strict`` and ``properdocs build
--strict``, side by side, same configuration, same environment and the same
build instant), then compares every file of the two outputs byte for byte.
Exit status 0 when they are identical; otherwise each difference is listed
(a file only one build made, or the first lines that differ) and the exit
status is 1. Nothing is written to the project's site/.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENGINES = ("mkdocs", "properdocs")
SITE_URL = "https://hanoi-convention.test/"
SHOWN_LINES = 12


def environment(now: datetime) -> dict[str, str]:
    """A production build for SITE_URL at one instant, whatever the caller's environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("URL", "BUILD_ONLY_LOCALE", "SITE_TODAY")}
    env.update(
        SITE_URL=env.get("SITE_URL", SITE_URL),
        SITE_NOW=now.strftime("%Y-%m-%dT%H:%M:%SZ"),  # the instant the pages show (hanoi.clock)
        SOURCE_DATE_EPOCH=str(int(now.timestamp())),  # MkDocs' own build date, in both engines
        CONTEXT=env.get("CONTEXT", "production"),
        NO_MKDOCS_2_WARNING="1",
        DISABLE_MKDOCS_2_WARNING="true",
    )
    return env


def build_both(out: Path, env: dict[str, str]) -> dict[str, Path]:
    """Both builds at the same time (one per core); stops with the log of one that fails."""
    running = {}
    for engine in ENGINES:
        log = (out / f"{engine}.log").open("w", encoding="utf-8")
        command = [
            str(BIN / engine),
            "build",
            "--strict",
            "--config-file",
            "mkdocs.yml",
            "--site-dir",
            str(out / engine),
        ]
        running[engine] = (subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT), log)
    failed = []
    for engine, (process, log) in running.items():
        process.wait()
        log.close()
        if process.returncode != 0:
            failed.append(f"{engine} build failed:\n{(out / f'{engine}.log').read_text(encoding='utf-8')}")
    if failed:
        sys.exit("\n".join(failed))
    return {engine: out / engine for engine in ENGINES}


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two built sites, one entry per file."""
    a, b = files_of(first), files_of(second)
    found = [f"only in the {first.name} build: {name}" for name in sorted(a.keys() - b.keys())]
    found += [f"only in the {second.name} build: {name}" for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        old, new = a[name].read_bytes(), b[name].read_bytes()
        if old == new:
            continue
        try:
            diff = difflib.unified_diff(
                old.decode("utf-8").splitlines(),
                new.decode("utf-8").splitlines(),
                first.name,
                second.name,
                n=0,
                lineterm="",
            )
            shown = "\n    ".join(list(diff)[2 : 2 + SHOWN_LINES])
        except UnicodeDecodeError:
            shown = f"binary: {len(old):,} and {len(new):,} bytes"
        found.append(f"{name} differs:\n    {shown}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--keep", type=Path, help="build into this folder and keep both sites (default: a temporary one)"
    )
    args = parser.parse_args()
    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="compare-engines-") as temporary:
        out = args.keep.resolve() if args.keep else Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        sites = build_both(out, environment(now))
        found = differences(sites["mkdocs"], sites["properdocs"])
        files = files_of(sites["mkdocs"])
        size = sum(path.stat().st_size for path in files.values())
        print(
            f"MkDocs and ProperDocs built the site at {now.isoformat()} in {time.perf_counter() - started:.0f} s: "
            f"{len(files):,} files, {size:,} bytes from MkDocs"
        )
        if found:
            print(f"{len(found)} difference(s):\n" + "\n".join(f"- {entry}" for entry in found))
            sys.exit(1)
        print("identical, byte for byte")


if __name__ == "__main__":
    main()
