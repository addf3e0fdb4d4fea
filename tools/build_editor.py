"""Build the press officers' browser editor as its own site (``make editor``).

The public site never serves the editor (hanoi.editor says why): this
builds it from the same repository into a folder of its own, which a second
Netlify site publishes (editor/netlify.toml; CONTRIBUTING.md, "Set up the
browser editor"). On a problem it prints each with its fix, changes nothing
and exits with status 1.

    python tools/build_editor.py [--site-dir editor-site]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from hanoi.editor.site import SITE_DIR, build_editor_site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=SITE_DIR, help="where to write it (default: editor-site/)")
    site_dir = parser.parse_args().site_dir.resolve()
    problems = build_editor_site(site_dir, os.environ)
    for problem in problems:
        print(f"ERROR    -  {problem}", file=sys.stderr)
    if problems:
        print("The editor's site was not built; each problem is listed above with its fix.", file=sys.stderr)
        return 1
    print(f"The browser editor's site is in {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
