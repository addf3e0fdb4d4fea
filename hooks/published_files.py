"""Job: publish only what readers need. Material's source maps stay out of
``site/`` (they are for debugging Material itself and double the JS weight).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

UNPUBLISHED_SUFFIXES = (".map",)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.endswith(UNPUBLISHED_SUFFIXES)]:
        files.remove(file)
    return files
