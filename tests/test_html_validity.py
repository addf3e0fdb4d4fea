"""Every built page, in every language, passes html-validate
(npm, pinned in package-lock.json) with zero errors and zero warnings, and
the Nu Html Checker (vnu-jar, npm, pinned likewise; the W3C's checker) with
zero errors.

The configuration is the project's .htmlvalidate.json (html-validate's
"recommended" preset), also used by hand: `node_modules/.bin/html-validate
site/`. JSON has no comments, so every rule it turns off or relaxes is listed
here with the reason, and the test fails if the two lists differ. The Nu
checker runs with its defaults, nothing turned off; by hand:
`java -jar node_modules/vnu-jar/build/dist/vnu.jar --skip-non-html site/`.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

from node_tools import java, node_bin, vnu_jar
from site_pages import site_pages
from sitetools import LANGUAGES, PROJECT

CONFIG = PROJECT / ".htmlvalidate.json"

# Every rule .htmlvalidate.json turns off or relaxes, and why.
RULES_CHANGED_AND_WHY = {
    "no-trailing-whitespace": "style only: the indentation of Material's and MkDocs' Jinja templates.",
    "doctype-style": "style only: Material writes <!doctype html> in lower case, which HTML allows.",
    "valid-id": "relaxed to what HTML allows: Material's ids start with '_' (__drawer, __search, __nav_1).",
    "unique-landmark": (
        "Material writes the table of contents twice, in the main navigation (phones) and in the side bar "
        "(wide screens), both labelled 'Table of contents'; one of the two is always display:none, so a "
        "screen reader meets one only (tests/browser/test_keyboard.py checks this at both widths)."
    ),
    "wcag/h32": (
        "the search form searches as you type and has no submit button: results appear without a "
        "change of context, and Enter opens the first result (WCAG technique H32 is about forms that do)."
    ),
    "long-title": (
        "an SEO length hint (70 characters), not validity: press-release headlines make long titles, "
        "and search engines shorten them."
    ),
}


def test_every_relaxed_rule_is_documented() -> None:
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["extends"] == ["html-validate:recommended"]
    changed = {
        rule
        for rule, setting in config["rules"].items()
        if setting == "off" or isinstance(setting, list) and setting[1:]
    }
    assert changed == set(RULES_CHANGED_AND_WHY), "document each rule turned off in RULES_CHANGED_AND_WHY"


def test_every_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    pages = site_pages(site)
    assert pages, "no page found in the built site"
    assert {page.language for page in pages} == set(LANGUAGES)
    # JSON to a file: Node cuts long output to a pipe when the process exits.
    output = tmp_path / "html-validate.json"
    completed = subprocess.run(
        [
            str(node_bin("html-validate")),
            "--config",
            str(CONFIG),
            "--formatter",
            f"json={output}",
            *(str(page.file) for page in pages),
        ],
        cwd=site,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert output.is_file(), f"html-validate wrote no report (exit {completed.returncode}):\n{completed.stderr}"
    results = json.loads(output.read_text(encoding="utf-8"))
    problems = [
        f"{Path(result['filePath']).relative_to(site)}:{message['line']}:{message['column']} "
        f"[{message['ruleId']}] {message['message']}"
        for result in results
        for message in result["messages"]
    ]
    by_rule = Counter(problem.split("[")[1].split("]")[0] for problem in problems)
    print(f"html-validate: {len(pages)} pages, {len(problems)} errors")
    assert not problems, f"{len(problems)} HTML errors {dict(by_rule)}:\n" + "\n".join(problems[:60])
    assert completed.returncode == 0, completed.stderr


def test_every_page_passes_the_nu_html_checker(site: Path) -> None:
    """All pages in one Java process (vnu takes many files): a few seconds."""
    pages = site_pages(site)
    assert {page.language for page in pages} == set(LANGUAGES)
    completed = subprocess.run(
        [java(), "-jar", str(vnu_jar()), "--format", "json", "--stdout", *(str(page.file) for page in pages)],
        cwd=site,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert completed.stdout.startswith("{"), f"vnu wrote no report (exit {completed.returncode}):\n{completed.stderr}"
    messages = json.loads(completed.stdout)["messages"]
    # "error", and "non-document-error" for a file it could not check; "info" are warnings.
    errors = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(site)}:{m.get('lastLine', '?')} {m['message']}"
        for m in messages
        if m["type"] != "info"
    ]
    warnings = sum(m["type"] == "info" for m in messages)
    print(f"Nu Html Checker: {len(pages)} pages, {len(errors)} errors, {warnings} warnings")
    by_message = Counter(error.split(" ", 1)[1] for error in errors)
    assert not errors, f"{len(errors)} errors {dict(by_message)}:\n" + "\n".join(errors[:60])
    assert completed.returncode == 0, completed.stderr
