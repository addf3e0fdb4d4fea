"""Which files under ``docs/`` may be published.

MkDocs copies every file of ``docs/`` that is not a page into the site as
it is, and Netlify serves it from the site's own address: an HTML or SVG
file runs its scripts there, a ``.js`` file is a script the site's pages
could load, and a ``_redirects`` or ``_headers`` file at the top of the
site reroutes or re-heads all of it. So only these are accepted, each only
inside a language's folder (``docs/en/``, ``docs/vi/``, ``docs/fr/``):
Markdown pages, pictures in raster formats, and PDF documents. A picture
or PDF must also start as its type does (a renamed file would be served
with a type it is not). Names beginning with a dot are left out of the site
by MkDocs, and here too.

The top of the site also keeps every name that begins with "admin" free:
``/admin/`` was the editor's address, which officers may have kept, and a
page there could pass for the editor's sign-in (the editor has its own
site: ``hanoi.editor``).
"""

from __future__ import annotations

import os
from pathlib import Path

from hanoi.datafiles import relative
from hanoi.languages import LANGUAGES, language_prefix
from hanoi.problems import Problem

PAGE_SUFFIX = ".md"
# Each accepted media type and how its files begin (offset, bytes): PNG, JPEG,
# GIF, WebP and AVIF signatures, and PDF's header.
MEDIA_SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".png": ((0, b"\x89PNG\r\n\x1a\n"),),
    ".jpg": ((0, b"\xff\xd8\xff"),),
    ".jpeg": ((0, b"\xff\xd8\xff"),),
    ".gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    ".webp": ((8, b"WEBP"),),
    ".avif": ((4, b"ftypavif"), (4, b"ftypavis")),
    ".pdf": ((0, b"%PDF-"),),
}
ACCEPTED = ", ".join([PAGE_SUFFIX, *MEDIA_SIGNATURES])
RESERVED_TOP_NAME = "admin"


def _files(docs_dir: Path) -> list[Path]:
    """Every file under ``docs_dir`` that MkDocs would take (no name
    beginning with a dot, nor in such a folder)."""
    found = []
    for folder, folders, names in os.walk(docs_dir):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [Path(folder, name) for name in sorted(names) if not name.startswith(".")]
    return found


def _starts_as(path: Path, signatures: tuple[tuple[int, bytes], ...]) -> bool:
    with path.open("rb") as file:
        head = file.read(16)
    return any(head[offset : offset + len(magic)] == magic for offset, magic in signatures)


def file_problem(path: Path, docs_dir: Path) -> Problem | None:
    """Why the file at ``path`` may not be published, if it may not."""
    parts = path.relative_to(docs_dir).parts
    name = relative(path)
    if len(parts) < 2 or parts[0] not in LANGUAGES:
        return Problem(
            name,
            None,
            "",
            "a file outside the language folders would be published as it is at the top of the site "
            "(a _redirects or _headers file there would reroute or re-head the whole site)",
            "delete it, or move it under docs/en/, docs/vi/ or docs/fr/ if it is a page, a picture or a PDF",
        )
    if language_prefix(parts[0]) == "" and parts[1].lower().startswith(RESERVED_TOP_NAME):
        return Problem(
            name,
            None,
            "",
            f"names at the top of the site that begin with '{RESERVED_TOP_NAME}' are kept free: /admin/ was the "
            "editor's address, and a page there could pass for the editor's sign-in",
            "choose another name",
        )
    suffix = path.suffix.lower()
    if suffix == PAGE_SUFFIX:
        return None
    if suffix not in MEDIA_SIGNATURES:
        return Problem(
            name,
            None,
            "",
            f"a {suffix or 'file without extension'} file would be published as it is, where it could run "
            "scripts or reroute the site",
            f"only these files may be under docs/<lang>/: {ACCEPTED}; convert it to one of them, or delete it",
        )
    if not _starts_as(path, MEDIA_SIGNATURES[suffix]):
        kind = suffix.removeprefix(".").upper()
        return Problem(
            name,
            None,
            "",
            f"the file is not a {kind} file, whatever its name says",
            f"export it again as {kind}, or give it the extension of its real type ({ACCEPTED})",
        )
    return None


def docs_file_problems(docs_dir: Path) -> list[Problem]:
    """Every file under ``docs_dir`` that may not be published."""
    return [problem for path in _files(docs_dir) if (problem := file_problem(path, docs_dir)) is not None]
