"""`make sync-status`: the data files brought in line with a saved copy of
the depositary record (tests/fixtures/depositary/, never the network), run
as editors run it, in a copy of the project; what it refuses changes no
byte. One more build shows a later record on a later day's pages."""

from __future__ import annotations

import csv
import difflib
import io
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml

from sitetools import LANGUAGES, PROJECT, build_env, soup, status_figures, status_on

FIXTURES = PROJECT / "tests" / "fixtures" / "depositary"
DATA_FILES = ("signatures.yml", "treaty_status.yml", "depositary_names.yml", "key_facts.yml")


def sync(project: Path, fixture: str, day: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "tools/sync_status.py", "--from", str(FIXTURES / fixture), *options],
        cwd=project,
        env=build_env(SITE_TODAY=day),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def data_bytes(project: Path) -> dict[str, bytes]:
    return {name: (project / "data" / name).read_bytes() for name in DATA_FILES}


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_a_complete_record_changes_only_what_it_changes(project_copy: Path, tmp_path: Path) -> None:
    """The seven signatures known as a span get the record's day, the record
    becomes a source of the rows it confirms, the list of instruments is
    complete (none), both files are checked on the day of capture; every
    comment, key order and quote stays, so the diff is only that."""
    before = {name: (project_copy / "data" / name).read_text(encoding="utf-8") for name in DATA_FILES[:2]}
    report, outcome = tmp_path / "body.md", tmp_path / "outcome"
    result = sync(
        project_copy, "xviii-16-2026-12.xml", "2026-12-07", "--report", str(report), "--outcome", str(outcome)
    )
    assert result.returncode == 0, result.stderr
    after = {name: (project_copy / "data" / name).read_text(encoding="utf-8") for name in DATA_FILES[:2]}
    removed, added = changed_lines(before["signatures.yml"], after["signatures.yml"])
    assert removed.count('as_of: "2026-11-30"   # the day this list was last checked against its sources') == 1
    assert 'as_of: "2026-12-07"   # the day this list was last checked against its sources' in added
    assert sum('signed: "2025-10-25/2025-10-26"' in line for line in removed) == 7
    assert sorted(line.strip() for line in added if "signed:" in line) == sorted(
        ['signed: "2025-10-26"'] * 3 + ['signed: "2025-10-25"'] * 4
    )
    # The rows after Jamaica cited only the Dutch copy (the stored copy of the
    # UN Treaty Collection's record stopped there): the whole record now
    # confirms them too.
    after_jamaica = sum("sources: [verdragen]" in line for line in before["signatures.yml"].splitlines())
    assert after_jamaica == 34
    assert sorted(line.strip() for line in added if "sources:" in line) == sorted(
        [
            "sources: [ecofin, untc]",
            "sources: [ecofin, untc]",
            "sources: [ecofin, untc]",
            "sources: [newshour, untc]",
            "sources: [newshour, untc]",
            "sources: [efe, untc]",
            "sources: [efe, untc]",
            "sources: [vov, qdnd, untc]",
        ]
        + ["sources: [verdragen, untc]"] * after_jamaica
    )
    assert '    retrieved: "2026-12-07"' in added
    assert len(removed) == 1 + 7 + 8 + after_jamaica and len(added) == len(removed) + 1  # and the new `retrieved`
    removed, added = changed_lines(before["treaty_status.yml"], after["treaty_status.yml"])
    assert [line.strip() for line in removed] == [
        'as_of: "2026-11-30"   # the day this file was last checked against its sources',
        "complete: false",
    ]
    assert [line.strip() for line in added] == [
        'as_of: "2026-12-07"   # the day this file was last checked against its sources',
        "complete: true",
        'retrieved: "2026-12-07"',
    ]
    body = report.read_text(encoding="utf-8")
    assert "South Africa signed on 26 October 2025 according to the record" in body
    assert "The list of instruments is now complete" in body and "## What a person must still do" in body
    assert outcome.read_text() == "changed=true\n"
    again = sync(project_copy, "xviii-16-2026-12.xml", "2026-12-07", "--outcome", str(outcome))
    assert again.returncode == 0 and outcome.read_text().endswith("changed=false\n"), "a second run changes nothing"


def refusal(result: subprocess.CompletedProcess[str], before: dict[str, bytes], project: Path) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "no file was changed" in result.stderr and "Fix:" in result.stderr
    assert data_bytes(project) == before, "a refused record changes no byte of the data"
    return result.stderr


@pytest.mark.parametrize(
    "fixture,messages",
    [
        ("maintenance.html", ["maintenance page", "run the sync again later"]),
        ("truncated.xml", ["not complete XML", "truncated"]),
        ("another-treaty.xml", ["another treaty", "XVIII-16.en.xml"]),
        ("unknown-marker.xml", ["Australia: the cell '3 Mar 2027 d' has the marker 'd'"]),
        ("impossible-date.xml", ["Australia: the date cell '31 Feb 2026'", "no such day"]),
        ("count-mismatch.xml", ["declares 2 parties but its table lists 1"]),
        ("xviii-16-2025.en.xml", ["declares 72 signatories but its table lists 31"]),
        (
            "unknown-participant.xml",
            ["the depositary record lists 'Atlantis' (row 3)", "data/depositary_names.yml", "data/signatures.yml"],
        ),
    ],
)
def test_what_the_sync_refuses_changes_no_byte(project_copy: Path, fixture: str, messages: list[str]) -> None:
    before = data_bytes(project_copy)
    stderr = refusal(sync(project_copy, fixture, "2027-11-01"), before, project_copy)
    for message in messages:
        assert message in stderr, stderr


def test_a_new_signatory_is_refused_with_the_entry_a_person_completes(project_copy: Path) -> None:
    """The site never writes a State's Vietnamese or French name itself: the
    message gives the entry, with the day and ISO code from the record and
    pycountry, and empty names that the build refuses until written."""
    before = data_bytes(project_copy)
    stderr = refusal(sync(project_copy, "new-signatory.xml", "2026-12-07"), before, project_copy)
    assert "'Kenya' (row 33), which signed on 12 March 2026" in stderr
    entry = (
        '  - id: kenya\n    name: {en: Kenya, vi: "", fr: ""}\n    iso3: KEN\n'
        '    signed: "2026-03-12"\n    sources: [untc]'
    )
    assert entry in stderr


def test_a_record_read_before_the_data_were_checked_is_refused(project_copy: Path) -> None:
    """A replay must not take the data back to an older day."""
    before = data_bytes(project_copy)
    stderr = refusal(sync(project_copy, "xviii-16-2026-12.xml", "2026-11-29"), before, project_copy)
    assert "the as-of date 2026-11-30 is in the future (the build's date is 2026-11-29)" in stderr


def test_make_sync_status_refuses_a_maintenance_page() -> None:
    """The make target, in the project itself: refused, so nothing changes."""
    before = data_bytes(PROJECT)
    result = subprocess.run(
        ["make", "-s", "sync-status", f"FROM={FIXTURES / 'maintenance.html'}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0 and "maintenance page" in result.stderr and "Traceback" not in result.stderr
    assert data_bytes(PROJECT) == before


RETRIEVED = {
    "en": "retrieved on 1 November 2027",
    "vi": "truy cập ngày 1/11/2027",
    "fr": "consulté le 1er novembre 2027",
}
FORTIETH = {
    "en": "40th instrument deposited: the Convention will enter into force on 1 December 2027",
    "vi": "Văn kiện thứ 40 đã được nộp lưu chiểu: Công ước sẽ có hiệu lực từ ngày 1/12/2027",
    "fr": "Dépôt du 40e instrument\u00a0: la Convention entrera en vigueur le 1er décembre 2027",
}
KENYA_NAMES = 'name: {en: Kenya, vi: "", fr: ""}'
# Test data: the project copy's names for the made-up acceding State.
KENYA_WRITTEN = "name: {en: Kenya, vi: Kê-ni-a, fr: Kenya}"


def test_a_later_record_then_a_build_on_a_later_day(project_copy: Path, tmp_path: Path) -> None:
    """A made-up record of November 2027: deposits of every kind (the
    European Union's approval among them), an accession by a State that did
    not sign (refused until a person adds its names, as the message says), a
    corrected signature day. After the sync, a build on 1 November 2027
    shows 40 instruments that count, the 40th on 2 September 2027, entry into
    force on 1 December 2027, on the pages and in status.json."""
    refused = sync(project_copy, "xviii-16-2027-11.xml", "2027-11-01")
    assert refused.returncode == 1 and KENYA_NAMES in refused.stderr
    entry = refused.stderr[refused.stderr.index("    - party: kenya") :].split("\nwith its Vietnamese")[0]
    treaty = project_copy / "data" / "treaty_status.yml"
    text = treaty.read_text(encoding="utf-8").replace("  deposits: []\n", "  deposits:\n" + entry + "\n")
    text = text.replace('as_of: "2026-11-30"', 'as_of: "2027-11-01"')  # as the message says
    treaty.write_text(text.replace(KENYA_NAMES, KENYA_WRITTEN), encoding="utf-8")
    result = sync(project_copy, "xviii-16-2027-11.xml", "2027-11-01")
    assert result.returncode == 0, result.stderr
    assert "European Union deposited its instrument of approval on 15 March 2027" in result.stdout
    assert "Mali signed on 25 October 2025 according to the record (the site had it recorded as 26 October 2025)" in (
        result.stdout
    )
    site, document = status_on(project_copy, tmp_path / "site", "2027-11-01")
    assert status_figures(document) == ("instruments-complete", 40, "2027-09-02", "2027-12-01")
    assert (document["instruments_list_complete"], document["as_of"]) == (True, "2027-11-01")
    deposits = {d["party"]: d for d in document["deposits"]}
    assert len(deposits) == 41
    assert (deposits["european-union"]["kind"], deposits["european-union"]["counts_toward_entry_into_force"]) == (
        "approval",
        False,
    )
    assert deposits["kenya"]["kind"] == "accession" and deposits["kenya"]["deposited"] == "2027-05-05"
    assert {d["kind"] for d in document["deposits"]} == {"ratification", "acceptance", "approval", "accession"}
    expected = {"en": "1 December 2027", "vi": "1/12/2027", "fr": "1er décembre 2027"}
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        panel = soup(site / prefix / "index.html").select_one(".hc-status")
        assert expected[language] in panel.get_text(" ")
        assert panel.select_one("meter")["value"] == "40"
        signatures = soup(site / prefix / "convention" / "signatures" / "index.html")
        assert len(signatures.select("table.hc-deposits tbody tr")) == 41
        assert len(signatures.select("table.hc-signatories tbody tr")) == 73
        notes = " ".join(li.get_text(" ", strip=True) for li in signatures.select('li[id^="hc-signatures-source-"]'))
        assert RETRIEVED[language] in notes, notes
        news = soup(site / prefix / "index.html").select(".hc-home__status-update")
        assert news[0].time["datetime"] == "2027-09-02" and FORTIETH[language] in news[0].get_text(" ")
        feed = feedparser.parse((site / prefix / "status-updates.xml").read_bytes())
        keys = {entry.id.rsplit("#", 1)[1] for entry in feed.entries}
        assert not feed.bozo and {"signature-closed", "fortieth-instrument", "deposit-kenya"} <= keys
        assert "entry-into-force" not in keys, "1 December 2027 has not come yet"
        assert len(keys) == 41 + 1 + 2  # the deposits, Mauritius, the close of signature and the 40th
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO((site / "signatories.csv").read_text("utf-8")))}
    assert (rows["sweden"]["signed"], rows["sweden"]["confirmed_on"], rows["sweden"]["confirmed_by"]) == (
        "2025-10-25",
        "2027-11-01",
        "depositary",
    )
    assert deposits["kenya"]["iso3"] == "KEN" and deposits["european-union"]["iso3"] is None


def test_the_daily_job_has_least_privilege_and_pinned_actions() -> None:
    """The job may push its branch and open its pull request, nothing more;
    every action is pinned to a commit; it runs the sync with the options
    the tool has, and fails when the sync refuses."""
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "depositary-sync.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", u) for u in uses), uses
    script = next(step["run"] for step in job["steps"] if step.get("id") == "sync")
    assert "tools/sync_status.py" in script and "exit 1" in script
    options = set(re.findall(r"--[a-z]+", script))
    help_text = subprocess.run(
        [sys.executable, "tools/sync_status.py", "--help"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout
    assert options and all(option in help_text for option in options)
    assert "merge" not in " ".join(str(step.get("run", "")) for step in job["steps"])
