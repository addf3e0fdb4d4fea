"""Which of the theme's files ``site/`` publishes.

Material ships source maps (for debugging Material itself) and lunr search
support for some thirty languages. Its search worker loads, for the
languages the index is configured with: ``lunr.stemmer.support.min.js``,
``lunr.<lang>.min.js`` for each language but English, ``lunr.multi.min.js``
when there is more than one, and the ``tinyseg.js`` (Japanese) or
``wordcut.js`` (Hindi, Thai) segmenters. Every other lunr file is never
requested: it only makes the upload and the published folder bigger.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

LUNR_DIR = "assets/javascripts/lunr/"
UNPUBLISHED_SUFFIXES = (".map",)
# Segmenters Material's worker loads for these languages (its search worker, ``setupSearchLanguages``).
SEGMENTERS = {"tinyseg.js": {"ja"}, "wordcut.js": {"hi", "th"}}


def lunr_files_needed(languages: Iterable[str]) -> set[str]:
    """The lunr files, relative to ``LUNR_DIR``, that search in these languages can load."""
    languages = set(languages)
    needed = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    needed |= {f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    needed |= {name for name, users in SEGMENTERS.items() if users & languages}
    return needed


def is_published(src_uri: str, search_languages: Iterable[str]) -> bool:
    """False for source maps and for lunr files that no search language loads."""
    if src_uri.endswith(UNPUBLISHED_SUFFIXES):
        return False
    if src_uri.startswith(LUNR_DIR):
        relative = src_uri[len(LUNR_DIR) :]
        is_language_support = posixpath.dirname(relative) == "min" or relative in SEGMENTERS
        return not is_language_support or relative in lunr_files_needed(search_languages)
    return True


def site_files(site_dir: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The built files whose names end with one of ``suffixes``, sorted (os.walk:
    Path.rglob is several times slower on a site of thousands of folders)."""
    return sorted(
        Path(folder, name) for folder, _, names in os.walk(site_dir) for name in names if name.endswith(suffixes)
    )


def fingerprinted(path: str, content: bytes) -> str:
    """``assets/javascripts/bundle.a5f9d56c.min.js`` -> the same name with the
    first 8 hex digits of the SHA-256 of ``content`` in place of Material's
    (or added, for a name without them): the form of Material's assets, which
    _headers lets browsers keep for a year."""
    folder, name = posixpath.split(path)
    stem, _, extension = name.partition(".")
    extension = extension.split(".", 1)[1] if re.match(r"[0-9a-f]{8}\.", extension) else extension
    return posixpath.join(folder, f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}.{extension}")
