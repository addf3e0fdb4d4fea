"""Jinja environments, and the compiled templates they share.

MkDocs makes a new Jinja environment for every build, mkdocs-static-i18n
builds the site once per language, and ``mkdocs serve`` builds again on every
save: without a cache each of those builds compiles every template again
(Material's and ours, 160 compilations for one site build: a third of the
real site's build time). ``COMPILED`` is a Jinja bytecode cache (Jinja's
documented extension point) held in memory for the life of the process, so
a template is compiled once, and again only when its source changes. It is
also kept in ``.cache/jinja/`` (``hanoi.cache``) for the next build: a fresh
process spent 0.4-0.6 s of its 3.3 s compiling the 77 templates of the real
site (6 December 2026), which change far less often than the content. Like
Jinja's own file cache, it holds compiled Python code, which the build runs:
``.cache/`` is the project's own, written by its builds only.

Jinja keys its bytecode by template name and file alone, as it expects one
environment per cache; here environments differ (the theme's pages are not
autoescaped, our hooks' HTML is), so the key also holds every setting that
changes the compiled code.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.nodes import EvalContext
from mkdocs.config.defaults import MkDocsConfig

from hanoi.cache import CACHE_DIR, cache_key, read_cached, store


def compile_settings(environment: Environment, name: str) -> str:
    """What the code Jinja compiles for template ``name`` depends on, besides its source."""
    return repr(
        (
            environment.block_start_string,
            environment.block_end_string,
            environment.variable_start_string,
            environment.variable_end_string,
            environment.comment_start_string,
            environment.comment_end_string,
            environment.line_statement_prefix,
            environment.line_comment_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.newline_sequence,
            environment.keep_trailing_newline,
            environment.optimized,
            environment.is_async,
            environment.finalize is not None,
            EvalContext(environment, name).autoescape,
            sorted(environment.extensions),
            getattr(environment, "newstyle_gettext", None),
            sorted(environment.policies.items()),
        )
    )


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, and in ``folder`` (if given) for later processes."""

    def __init__(self, folder: Path | None = None) -> None:
        self._compiled: dict[str, bytes] = {}
        self.folder = folder

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        return super().get_bucket(environment, f"{name}\0{compile_settings(environment, name)}", filename, source)

    def _file(self, key: str) -> Path | None:
        # Jinja's own version too: its bytecode's header names the format and Python's version, not Jinja's.
        return self.folder / f"{cache_key(key, jinja2.__version__)}.bin" if self.folder else None

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is None and (path := self._file(bucket.key)) is not None:
            compiled = read_cached(path)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # dropped if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        compiled = bucket.bytecode_to_string()
        self._compiled[bucket.key] = compiled
        if (path := self._file(bucket.key)) is not None:
            store(path, compiled)

    def clear(self) -> None:
        self._compiled.clear()

    def __len__(self) -> int:
        return len(self._compiled)


COMPILED = CompiledTemplates(CACHE_DIR / "jinja")


def with_compiled_templates(environment: Environment) -> Environment:
    environment.bytecode_cache = COMPILED
    return environment


def hook_environment(config: MkDocsConfig) -> Environment:
    """The theme's environment (its templates, filters and the build
    language's UI strings), autoescaping, for the HTML our hooks render."""
    return with_compiled_templates(config.theme.get_env().overlay(autoescape=True))
