"""The ids the programme's markers put on a page: added to the page's table
of contents (day headings at level 2) and to the anchors MkDocs validates
links against; an id used twice on a page is a problem."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from hanoi.problems import Problem
from hanoi.programme.markers import Anchor


def _toc_parent(page: Page) -> list[AnchorLink]:
    toc = list(page.toc)
    if len(toc) == 1 and toc[0].level <= 1:
        return toc[0].children
    return page.toc  # type: ignore[return-value]


def add_anchors(html: str, page: Page, anchors: list[Anchor]) -> list[Problem]:
    """Record the anchors on ``page``; the problems of ids used twice."""
    present = page.present_anchor_ids if page.present_anchor_ids is not None else set()
    problems = []
    seen: set[str] = set()
    for anchor in anchors:
        if anchor.id in seen or anchor.id in present:
            problems.append(
                Problem(
                    f"docs/{page.file.src_uri}",
                    None,
                    anchor.id,
                    f"the id '{anchor.id}' is used twice on this page (by a programme marker and a "
                    "heading or another marker)",
                    "show each event once per page, or give the heading another {#id}",
                )
            )
        seen.add(anchor.id)
    page.present_anchor_ids = present | seen
    entries = [anchor for anchor in anchors if anchor.in_toc]
    if entries:
        parent = _toc_parent(page)
        level = parent[0].level if parent else 2
        parent.extend(AnchorLink(str(escape(anchor.title)), anchor.id, level) for anchor in entries)
        position = {item.id: html.find(f'id="{item.id}"') for item in parent}
        parent.sort(key=lambda item: position[item.id] if position[item.id] >= 0 else len(html))
    return problems
