"""Pages whose ``publish_at`` instant fell within the last N minutes.

Used by .github/workflows/scheduled-publish.yml to trigger a Netlify build
only when a scheduled release has just become due. Prints one line per page;
exit status 0 if there is at least one, 1 if none.

    python tools/due_for_publication.py --minutes 15
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from hanoi.clock import parse_instant  # noqa: E402
from hanoi.pages.scan import scan_pages  # noqa: E402


def due(minutes: int, now: datetime) -> list[str]:
    pages, _ = scan_pages()
    window = now - timedelta(minutes=minutes)
    return [
        f"docs/{p.language}/{p.relative_path} ({p.meta['publish_at']})"
        for p in pages
        if p.meta and p.meta.get("publish_at") and window < parse_instant(str(p.meta["publish_at"])) <= now
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=int, default=15)
    found = due(parser.parse_args().minutes, datetime.now(UTC))
    print("\n".join(found) if found else "nothing due")
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
