"""Job: compile each Jinja template once per process, not once per language
build and per ``mkdocs serve`` rebuild (why and how: hooks/hanoi/templates.py).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hanoi.templates import with_compiled_templates


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return with_compiled_templates(env)
