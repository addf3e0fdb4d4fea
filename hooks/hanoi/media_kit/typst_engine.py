"""The Typst compiler the PDFs and share cards share: made once per process,
with the fonts of the ``typst`` wheel only (system fonts are ignored, so that
every machine makes the same files)."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version

import typst

# Part of every cached result's key: what another Typst made is made again.
TYPST_VERSION = version("typst")


@lru_cache(maxsize=1)
def engine() -> typst.Compiler:
    return typst.Compiler(ignore_system_fonts=True)


def message(error: typst.TypstError) -> str:
    """The engine's own words, with its hints."""
    hints = "".join(f" (hint: {hint})" for hint in getattr(error, "hints", None) or [])
    return f"{getattr(error, 'message', None) or error}{hints}"
