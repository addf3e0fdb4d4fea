"""Bad programme data and bad markers stop the real build,
with one message per problem (file, place, fix) and no Python traceback.
Every kind of data mistake has its own test in test_programme_data.py."""

from __future__ import annotations

import re
from pathlib import Path

from sitetools import run_build


def lines_with(path: Path, needle: str) -> list[int]:
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]


def test_bad_programme_data_stops_the_build_before_anything_renders(project_copy: Path) -> None:
    events = project_copy / "data" / "programme" / "events.yml"
    text = events.read_text(encoding="utf-8")
    text = text.replace('start: "2025-10-25T09:00:00+07:00"', "start: 9:00", 1)  # YAML: 540
    text = text.replace("      vi: Ký Công ước\n", "", 1)  # no vi title
    text = text.replace('start: "2025-10-26T12:00:00+07:00"', 'start: "2025-10-26T12:00:00"', 1)  # no offset
    events.write_text(text, encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    start_line = lines_with(events, "start: 9:00")[0]
    title_line = lines_with(events, "en: Signing of the Convention")[0] - 1
    slot_line = lines_with(events, 'start: "2025-10-26T12:00:00"')[0]
    expected = [
        f"data/programme/events.yml:{start_line} [event 'opening-session', field start]: "
        "YAML read the unquoted time 09:00 as the number 540. Fix: quote it",
        f"data/programme/events.yml:{title_line} [event 'signing', field title]: missing field 'vi'. Fix: add `vi:`",
        f"data/programme/events.yml:{slot_line} [event 'side-events-slot-2', field start]: "
        "'2025-10-26T12:00:00' has no time-zone offset. Fix: add the Hanoi offset +07:00",
    ]
    for message in expected:
        assert message in result.output, result.output
    assert "3 problems in the pages and data" in result.output
    assert not (project_copy / "site" / "ceremony" / "programme" / "index.html").exists()


def test_bad_markers_stop_the_build_with_file_and_line(project_copy: Path) -> None:
    """Every kind of marker mistake in one build of one language, and notes
    for translators beside them, left alone."""
    page = project_copy / "docs" / "fr" / "ceremony" / "programme.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n<!-- programme day=2025-10-27 -->\n\n"
        "<!-- event id=closing-ceremony -->\n\n<!-- programme colour=red -->\n\n"
        "<!-- programme type=party -->\n\n<!-- note -->\n\n<!-- vérifier auprès du ministère -->\n\n"
        "<!-- signatres -->\n\n<!-- fact idd=adoption-date -->\n\n<!-- sparkle colour=red -->\n",
        encoding="utf-8",
    )
    result = run_build(project_copy, project_copy / "site", BUILD_ONLY_LOCALE="fr")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    expected = {
        "day=2025-10-27": "[programme]: 2025-10-27 is not one of the event days. "
        "Fix: use day= with one of: 2025-10-25, 2025-10-26",
        "closing-ceremony": "[event]: unknown event id 'closing-ceremony'. "
        "Fix: use an id from data/programme/events.yml: welcome-group-photo",
        "colour=red": "[programme]: marker 'programme': unknown argument colour. "
        "Fix: use only these arguments: day, filters, level, type",
        "type=party": "[programme]: unknown event type 'party'. Fix: use one of: ceremony",
        "signatres": "[signatres]: unknown marker 'signatres'. Fix: did you mean 'signatures'?",
        "idd=adoption-date": "[fact]: marker 'fact': unknown argument idd; missing argument id",
        "sparkle": "[sparkle]: unknown marker 'sparkle'",
    }
    for needle, message in expected.items():
        found = re.search(r"docs/fr/ceremony/programme\.md:(\d+) " + re.escape(message), result.output)
        assert found, f"{message}\n{result.output}"
        assert int(found[1]) == lines_with(page, needle)[0], (needle, message)
    assert "[note]" not in result.output and "vérifier" not in result.output, "notes are left alone"
