"""What the markers of one language build leave between MkDocs' page events:
each page's rendered markers, those kept out of the search index, and the
scripts and stylesheets they need."""

from __future__ import annotations

from dataclasses import dataclass, field

from hanoi.markers.expansion import Expansion


@dataclass
class MarkerState:
    rendered: dict[str, dict[str, str]] = field(default_factory=dict)  # page -> token -> HTML
    unindexed: dict[str, dict[str, str]] = field(default_factory=dict)  # page -> placeholder -> HTML
    scripts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page -> scripts its markers need
    styles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page -> stylesheets its markers need

    def keep(self, page: str, expansion: Expansion) -> None:
        self.rendered[page] = expansion.rendered
        if expansion.unindexed:
            self.unindexed[page] = expansion.unindexed
        if expansion.scripts:
            self.scripts[page] = expansion.scripts
        if expansion.styles:
            self.styles[page] = expansion.styles
