"""The way out of MkDocs stays open: CI builds the site with ProperDocs as well
as MkDocs and compares the outputs (tools/compare_engines.py, `make
properdocs-check`), in a job as locked down as the others."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from sitetools import PROJECT

sys.path.insert(0, str(PROJECT / "tools"))

from compare_engines import differences  # noqa: E402

WORKFLOWS = PROJECT / ".github" / "workflows"


def test_a_difference_between_the_two_builds_is_listed_file_by_file(tmp_path: Path) -> None:
    first, second = tmp_path / "mkdocs", tmp_path / "properdocs"
    for site in (first, second):
        (site / "a").mkdir(parents=True)
        (site / "a" / "same.html").write_text("<p>same</p>\n", encoding="utf-8")
    (first / "a" / "page.html").write_text("<p>one</p>\n<p>kept</p>\n", encoding="utf-8")
    (second / "a" / "page.html").write_text("<p>two</p>\n<p>kept</p>\n", encoding="utf-8")
    (first / "card.png").write_bytes(b"\x89PNG\x00one")
    (second / "card.png").write_bytes(b"\x89PNG\x00two!")
    (second / "extra.xml").write_text("<x/>", encoding="utf-8")
    assert differences(first, second) == [
        "only in the properdocs build: extra.xml",
        "a/page.html differs:\n    @@ -1 +1 @@\n    -<p>one</p>\n    +<p>two</p>",
        "card.png differs:\n    binary: 8 and 9 bytes",
    ]
    (second / "extra.xml").unlink()
    for name in ("a/page.html", "card.png"):
        (second / name).write_bytes((first / name).read_bytes())
    assert differences(first, second) == []


def test_the_properdocs_job_runs_the_comparison_with_least_privilege_and_pinned_actions() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "properdocs.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job or job["permissions"] == {"contents": "read"}
    steps = job["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    uses = [step["uses"] for step in steps if "uses" in step]
    elsewhere = {
        line.split("uses:", 1)[1].split("#")[0].strip()
        for path in WORKFLOWS.glob("*.yml")
        if path.name != "properdocs.yml"
        for line in path.read_text(encoding="utf-8").splitlines()
        if "uses:" in line
    }
    assert uses and all(re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", u) and u in elsewhere for u in uses), uses
    assert [step["run"] for step in steps if "run" in step] == ["make properdocs-check"]
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^properdocs-check: .*\n\t\$\(BIN\)/python tools/compare_engines.py$", makefile, re.M)
    pins = (PROJECT / "requirements-test.txt").read_text(encoding="utf-8")
    assert re.search(r"^properdocs==[\d.]+ \\$", pins, re.M), "ProperDocs is pinned, with its hashes"
