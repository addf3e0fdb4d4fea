"""Checks on the body of a page that the strict build does not make.

MkDocs rewrites Markdown links and images for each language's folder, but not
raw HTML: ``<img src="../x.png">`` or ``<a href="/press/">`` written by hand
breaks (or leads to the English page) under /vi/ and /fr/. Such tags are
refused with the Markdown to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from .datafiles import relative
from .markers import FENCE
from .problems import Problem

RAW_LINK = re.compile(r"<(?P<tag>a|img)\b[^>]*?\b(?P<attribute>href|src)\s*=\s*[\"'](?P<url>[^\"']*)[\"']", re.I)
SAFE_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#)", re.I)  # https:, mailto:, webcal:, #anchor
FIX = {
    "a": "write a Markdown link instead, e.g. [text](../press/index.md), which works in every language",
    "img": "write a Markdown image instead, e.g. ![description](../assets/photo.jpg), which works in every language",
}


def raw_html_problems(path: Path, text: str) -> list[Problem]:
    fenced = [m.span() for m in FENCE.finditer(text)]
    problems = []
    for match in RAW_LINK.finditer(text):
        if SAFE_URL.match(match["url"]) or any(start <= match.start() < end for start, end in fenced):
            continue
        line = text.count("\n", 0, match.start()) + 1
        tag = match["tag"].lower()
        problems.append(Problem(relative(path), line, f"<{tag} {match['attribute']}>",
                                f"raw HTML {'link' if tag == 'a' else 'image'} to '{match['url']}' breaks under /vi/ and /fr/",
                                FIX[tag]))
    return problems
