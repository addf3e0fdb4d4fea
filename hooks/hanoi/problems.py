"""Build problems that press officers can act on.

Every problem names the file, the place (line, field or id) and the fix. They
are logged one per line through MkDocs' logger, then the build stops with a
short summary and no Python traceback (PluginError is a click exception).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.hanoi")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    place: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        place = f" [{self.place}]" if self.place else ""
        return f"{where}{place}: {self.message}. Fix: {self.fix}"


class Refused(ValueError):
    """Raised where a value is refused: the message, then how to fix it (the
    caller knows the file and line, and makes the Problem)."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


class ProblemsFound(PluginError):
    """Raised after every problem has been logged."""


def stop_on(problems: Iterable[Problem], what: str) -> None:
    """Log every problem and stop the build if there is at least one."""
    found = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.place, p.message))
    if not found:
        return
    for problem in found:
        log.error(str(problem))
    noun = "problem" if len(found) == 1 else "problems"
    raise ProblemsFound(f"{len(found)} {noun} in {what}; each is listed above with its fix.")


T = TypeVar("T")


def valid(loaded: tuple[T | None, list[Problem]], what: str) -> T:
    """The data a loader returned, or the build stops on its problems."""
    value, problems = loaded
    stop_on(problems, what)
    assert value is not None
    return value
