"""Markers: one table (hanoi.markers.table) that the build uses and that
CONTRIBUTING.md documents for press officers. (Bad markers stopping the real
build, and notes left alone: tests/test_programme_build.py.)"""

from __future__ import annotations

import re

from hanoi.markers.expansion import MARKER, parse_arguments
from hanoi.markers.table import MARKERS
from sitetools import PROJECT

CONTRIBUTING = PROJECT / "CONTRIBUTING.md"


def documented_examples() -> list[str]:
    section = CONTRIBUTING.read_text(encoding="utf-8").split("## Markers", 1)[1].split("\n## ", 1)[0]
    return [
        m.group(0)
        for row in section.splitlines()
        if row.startswith("| `<!--")
        for m in re.finditer(r"<!--.*?-->", row.split(" | ")[0])
    ]


def test_contributing_documents_exactly_the_markers_of_the_table() -> None:
    examples = documented_examples()
    assert {MARKER.fullmatch(e)["name"] for e in examples if MARKER.fullmatch(e)} == set(MARKERS)


def test_every_documented_example_is_a_valid_marker() -> None:
    for example in documented_examples():
        match = MARKER.fullmatch(example)
        assert match is not None, f"CONTRIBUTING.md shows {example}, which is not a marker"
        spec = MARKERS[match["name"]]
        arguments = set(parse_arguments(match["args"]))
        assert spec.required <= arguments <= spec.required | spec.optional, f"{example}: wrong arguments"
