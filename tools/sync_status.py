"""Bring the treaty's status data in line with the depositary record.

    make sync-status                    # read the record from the UN Treaty Collection
    make sync-status FROM=saved.xml     # or a saved copy: a file, or another address

Reads the UN Treaty Collection's XML of the Convention (XVIII-16; its address
is `depositary_record` in data/treaty_status.yml), checks it whole, and
updates data/signatures.yml and data/treaty_status.yml (hanoi.depositary).
The day of capture is the day in New York, where the depositary keeps the
record (the treaty's calendar, data/convention.yml), at the instant
SITE_NOW or SITE_TODAY gives, else now, as for the build: a saved record
can be replayed on its day.

A record or data it refuses changes no file: it prints what is wrong and
what to do, and exits with status 1. --report FILE writes the pull
request's body (what changed, what a person must still do); --outcome FILE
appends `changed=true|false` (GitHub's $GITHUB_OUTPUT); --save FILE keeps the
bytes read, to add a real copy to the test fixtures.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from hanoi.clock import clock_from  # noqa: E402
from hanoi.depositary.names import load_depositary_names  # noqa: E402
from hanoi.depositary.record import RecordRefused, read_record  # noqa: E402
from hanoi.depositary.sync import (  # noqa: E402
    SyncRefused,
    checked_by_the_build,
    plan_sync,
    pull_request_body,
    write_atomically,
)
from hanoi.problems import Problem  # noqa: E402
from hanoi.status.convention import load_rules  # noqa: E402
from hanoi.status.facts import SIGNATURES_FILE, load_site_facts  # noqa: E402
from hanoi.status.treaty import TREATY_STATUS_FILE  # noqa: E402

TIMEOUT_SECONDS = 60
USER_AGENT = "hanoi-convention-site status sync (make sync-status)"


class Refused(Exception):
    """Stops the sync with these messages; nothing was written."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def read_bytes(source: str) -> bytes:
    """A saved copy's bytes, or the record fetched from its address."""
    if "://" not in source:
        path = Path(source)
        if not path.is_file():
            raise Refused([f"{source}: no such file. Fix: give the path of a saved copy of the record (FROM=...)"])
        return path.read_bytes()
    request = urllib.request.Request(source, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (an https address from the data)
            return bytes(response.read())
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise Refused(
            [
                f"{source}: the record could not be read ({reason}). Fix: nothing was changed; run the sync again "
                "later, or give a saved copy with FROM=..."
            ]
        ) from None


def problem_lines(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def run(source: str | None, report: Path | None, outcome: Path | None, save: Path | None) -> str:
    clock, problems = clock_from()
    rules, more = load_rules()
    problems += more
    if clock is None or rules is None:
        raise Refused(problem_lines(problems))
    facts, problems = load_site_facts(clock.site_day, rules)
    if facts is None:
        raise Refused(
            ["The data files have problems; fix them first (make build lists them):", *problem_lines(problems)]
        )
    aliases, problems = load_depositary_names(facts)
    if problems:
        raise Refused(problem_lines(problems))
    address = source or facts.treaty.depositary_record
    data = read_bytes(address)
    if save is not None:
        save.write_bytes(data)
    try:
        record = read_record(data)
    except RecordRefused as refused:
        raise Refused([f"{address}: {refused}. Fix: {refused.fix}"]) from None
    texts = {path: path.read_text(encoding="utf-8") for path in (SIGNATURES_FILE, TREATY_STATUS_FILE)}
    capture_day = rules.treaty_day(clock)
    try:
        result = plan_sync(record, facts, aliases, capture_day, texts[SIGNATURES_FILE], texts[TREATY_STATUS_FILE])
    except SyncRefused as refused:
        raise Refused(problem_lines(refused.problems)) from None
    problems = checked_by_the_build(result.texts, clock.site_day, rules)
    if problems:
        raise Refused(["The build would refuse the synced data; nothing was written:", *problem_lines(problems)])
    changed = {path: text for path, text in result.texts.items() if text != texts[path]}
    write_atomically(changed)
    body = pull_request_body(result, record, address)
    if report is not None:
        report.write_text(body, encoding="utf-8")
    if outcome is not None:
        with outcome.open("a", encoding="utf-8") as out:
            out.write(f"changed={'true' if changed else 'false'}\n")
    return body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", help="a saved copy of the record (file or address)")
    parser.add_argument("--report", type=Path, help="write the pull request's body (Markdown) to this file")
    parser.add_argument("--outcome", type=Path, help="append changed=true|false to this file ($GITHUB_OUTPUT)")
    parser.add_argument("--save", type=Path, help="keep the bytes read in this file")
    args = parser.parse_args(argv)
    try:
        body = run(args.source or None, args.report, args.outcome, args.save)
    except Refused as refused:
        print("make sync-status refused the record; no file was changed.", file=sys.stderr)
        for line in refused.lines:
            print(line, file=sys.stderr)
        return 1
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
