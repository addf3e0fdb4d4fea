"""Translation status of every page, or record that a translation is done.

    make translation-status                 # the table, then a summary
    make translation-done FILE=docs/vi/faq.md   # after updating a translation

Exit status 1 when a translation is missing (outdated ones only warn).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from hanoi.pages.translations import counts, record, status  # noqa: E402

LABELS = {"up-to-date": "up to date", "outdated": "OUTDATED", "not-recorded": "not recorded", "missing": "MISSING"}


def print_table() -> int:
    rows = status()
    languages = list(rows[0].states) if rows else []
    width = max((len(r.page) for r in rows), default=4)
    print(f"{'page':<{width}}  " + "  ".join(f"{lang:<12}" for lang in languages))
    for row in rows:
        print(f"{row.page:<{width}}  " + "  ".join(f"{LABELS[row.states[lang]]:<12}" for lang in languages))
    tally = counts(rows)
    print(
        f"\n{len(rows)} pages x {len(languages)} translations: {tally['up-to-date']} up to date, "
        f"{tally['outdated']} outdated, {tally['not-recorded']} not recorded, {tally['missing']} missing"
    )
    return 1 if tally["missing"] else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--done", metavar="FILE", nargs="+", help="translations brought up to date with English")
    args = parser.parse_args()
    if args.done:
        for name in args.done:
            path = Path(name)
            if not path.is_file() or "docs/en/" in path.resolve().as_posix():
                print(f"{name}: give a translation under docs/vi/ or docs/fr/", file=sys.stderr)
                return 2
            print(f"{name}: follows the English page as of {record(path)}")
        return 0
    return print_table()


if __name__ == "__main__":
    sys.exit(main())
