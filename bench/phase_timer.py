"""A MkDocs hook for the benchmark only (``bench/build.py --phases``): the
CPU time of each plugin's and hook's event functions, and of the build's
phases (Markdown, templates, writing), written to $PHASE_TIMER_OUT when the
build ends. Real seconds, without a profiler's overhead; added to a copy's
``hooks:`` list, never to the project's.
"""

from __future__ import annotations

import atexit
import collections
import functools
import os
import time
from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs import plugins, utils
from mkdocs.commands import build
from mkdocs.structure import pages

_seconds: collections.Counter[str] = collections.Counter()


def _run_event(self: plugins.PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
    """MkDocs' own loop (mkdocs/plugins.py), each call timed."""
    pass_item = item is not None
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "<unknown>")  # File.generated reads it
        started = time.process_time()
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        _seconds[f"event {name}: {getattr(method, '__module__', '?')}"] += time.process_time() - started
        if result is not None:
            item = result
    self._current_plugin = None
    return item


def _timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _seconds[label] += time.process_time() - started

    return timed


plugins.PluginCollection.run_event = _run_event  # type: ignore[method-assign]
build._populate_page = _timed("phase: read and convert a page (events included)", build._populate_page)
build._build_page = _timed("phase: render and write a page (events included)", build._build_page)
pages.Page.render = _timed("phase: Markdown to HTML", pages.Page.render)  # type: ignore[method-assign]
jinja2.Template.render = _timed("phase: Jinja templates (pages and markers)", jinja2.Template.render)  # type: ignore[method-assign]
utils.write_file = _timed("phase: writing files", utils.write_file)


@atexit.register
def _report() -> None:
    lines = [f"{seconds:8.3f}  {label}" for label, seconds in _seconds.most_common() if seconds >= 0.01]
    with open(os.environ["PHASE_TIMER_OUT"], "w", encoding="utf-8") as out:
        out.write(f"{time.process_time():8.3f}  the whole build (CPU)\n" + "\n".join(lines) + "\n")
