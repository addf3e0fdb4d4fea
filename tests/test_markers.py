"""Markers: one table (hanoi.markers.table) that the build uses and that
CONTRIBUTING.md documents for press officers; bad markers stop the real
build with file, line and fix, while notes for translators are left alone."""

from __future__ import annotations

import re
from pathlib import Path

from hanoi.markers.expansion import MARKER, parse_arguments
from hanoi.markers.table import MARKERS
from sitetools import PROJECT, run_build, soup

CONTRIBUTING = PROJECT / "CONTRIBUTING.md"


def documented_examples() -> list[str]:
    section = CONTRIBUTING.read_text(encoding="utf-8").split("## Markers", 1)[1].split("\n## ", 1)[0]
    return [m.group(0) for row in section.splitlines() if row.startswith("| `<!--")
            for m in re.finditer(r"<!--.*?-->", row.split(" | ")[0])]


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


def test_bad_markers_fail_the_build_and_notes_are_left_alone(project_copy: Path) -> None:
    """One build for every kind of marker mistake, and the notes beside them."""
    page = project_copy / "docs" / "vi" / "faq.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    end = lines.index("---", 1)
    added = ["", "<!-- note -->", "", "<!-- kiểm tra lại với Bộ Ngoại giao -->", "", "<!-- signatres -->", "",
             "<!-- fact idd=adoption-date -->", "", "<!-- sparkle colour=red -->", ""]
    page.write_text("\n".join(lines[:end + 1] + added + lines[end + 1:]) + "\n", encoding="utf-8")
    first = end + 2  # the file line of added[0]: lines are counted from 1
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert f"docs/vi/faq.md:{first + 5} [signatres]: unknown marker 'signatres'. Fix: did you mean 'signatures'?" in result.output
    assert f"docs/vi/faq.md:{first + 7} [fact]: marker 'fact': unknown argument idd; missing argument id" in result.output
    assert f"docs/vi/faq.md:{first + 9} [sparkle]: unknown marker 'sparkle'" in result.output
    assert "[note]" not in result.output and "kiểm tra" not in result.output
