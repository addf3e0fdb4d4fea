"""What one build keeps for the next: ``.cache/`` in the project (never in
git), one folder per kind of result, each file named after a hash of
everything the result depends on. So a result is reused only while all of
that is unchanged, and a stale file is never read: it just stops being
asked for.

The cache is an optimisation, never a source: a missing, unreadable or
damaged file is made again, and a cache that cannot be written is no error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from hanoi.datafiles import PROJECT_DIR

CACHE_DIR = PROJECT_DIR / ".cache"


def cache_key(*parts: str | bytes) -> str:
    """A file name for a result made from ``parts`` (24 hex digits of their SHA-256)."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(encoded).to_bytes(8, "big") + encoded)  # ("ab", "c") is not ("a", "bc")
    return digest.hexdigest()[:24]


def read_cached(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def store(path: Path, content: bytes) -> None:
    """Write ``path`` whole or not at all; no error if the cache cannot be
    written. Builds run side by side (the tests' workers): a file another
    build stored first with the same content stays, since that build's site
    may link it; a different (damaged) one is replaced."""
    written = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        written.write_bytes(content)
        try:
            os.link(written, path)  # never replaces
        except FileExistsError:
            if read_cached(path) != content:
                os.replace(written, path)
        except OSError:  # a file system without hard links
            os.replace(written, path)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            written.unlink(missing_ok=True)


def publish_cached(cached: Path, target: Path, content: bytes | None = None) -> None:
    """Put a result in the site as a hard link to its cached file (no bytes
    copied: nothing the build publishes is written to again), as a copy where
    the two folders cannot share a file (another file system), or from
    ``content`` (just made) where the cache could not be written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    if content is not None and not cached.is_file():
        target.write_bytes(content)
        return
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
