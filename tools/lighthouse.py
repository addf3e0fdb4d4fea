"""Lighthouse (npm, pinned in package-lock.json) on the home page, the
programme and the newest press release in each language, on Lighthouse's
default mobile settings (emulated phone, simulated slow 4G, 4x CPU slowdown).

    make lighthouse            # or: .venv/bin/python tools/lighthouse.py [--report-only]

The site is built for the address it is served from (canonical links and
hreflang point at it, as in production), as production (no noindex), and
served on 127.0.0.1 with the headers Netlify sends (tests/netlify_emulation.py)
and, as Netlify does, compressed (gzip).
Reports: reports/lighthouse/<page>-<language>.report.{html,json}, and a score
table in reports/lighthouse/scores.md. The budget is 100 in each category;
the command exits 1 when a score is lower, unless --report-only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(PROJECT / "tests"), str(PROJECT / "hooks")]

from hanoi.languages import LANGUAGES  # noqa: E402
from netlify_emulation import serve  # noqa: E402
from site_pages import site_pages  # noqa: E402
from sitetools import build_env, free_port  # noqa: E402

REPORTS = PROJECT / "reports" / "lighthouse"
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = 100
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--no-first-run --disable-sync --disable-quic --disable-features=Translate,MediaRouter"
)


def chromium() -> str:
    path = os.environ.get("CHROME_PATH") or next(
        (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
    )
    if not path:
        sys.exit("No Chromium found: install Debian's (`apt-get install chromium`) or set CHROME_PATH.")
    return path


def build(site_dir: Path, site_url: str) -> None:
    mkdocs = PROJECT / ".venv" / "bin" / "mkdocs"
    env = build_env(SITE_URL=site_url, CONTEXT="production")
    completed = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        sys.exit(f"the site does not build:\n{completed.stdout}{completed.stderr}")


def audited_pages(site_dir: Path) -> list[tuple[str, str, str]]:
    """(name, language, URL path) of the pages to audit, found in the build."""
    pages = site_pages(site_dir)
    chosen = []
    for language in LANGUAGES:
        mine = [page for page in pages if page.language == language]
        home = next(page for page in mine if page.type == "home")
        chosen.append(("home", language, home.url))
        programme = sorted((page for page in mine if page.type == "programme"), key=lambda p: p.relative)
        if programme:
            chosen.append(("programme", language, programme[0].url))
        releases = sorted((page for page in mine if page.type == "press-release"), key=lambda p: p.relative)
        if releases:  # press releases are named by date: the newest is the last
            chosen.append(("press-release", language, releases[-1].url))
    return chosen


def run_lighthouse(url: str, output: Path, chrome: str, attempts: int = 3) -> dict[str, int]:
    """Scores of one run; a run that fails (Lighthouse's NO_NAVSTART and
    similar trace errors, seen on a busy machine) is tried again."""
    env = dict(os.environ, CHROME_PATH=chrome)
    report = output.with_name(output.name + ".report.json")
    for attempt in range(1, attempts + 1):
        report.unlink(missing_ok=True)
        completed = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                "--output=html",
                f"--output-path={output}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        if completed.returncode == 0 and report.is_file():
            break
        print(f"  attempt {attempt} failed: {completed.stderr.strip().splitlines()[-1:]}", flush=True)
    else:
        raise RuntimeError(f"lighthouse failed on {url}:\n{completed.stderr[-3000:]}")
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}


def failing_audits(output: Path, category: str) -> list[str]:
    data = json.loads(output.with_name(output.name + ".report.json").read_text(encoding="utf-8"))
    refs = data["categories"][category]["auditRefs"]
    return [
        ref["id"]
        for ref in refs
        if ref["weight"] and data["audits"][ref["id"]]["score"] is not None and data["audits"][ref["id"]]["score"] < 1
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report-only", action="store_true", help="exit 0 even below the budget")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("node_modules/.bin/lighthouse is missing: run `npm ci` (make lighthouse does).")
    chrome = chromium()
    REPORTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    rows, below = [], []
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as temporary:
        site_dir = Path(temporary) / "site"
        print(f"building the site for {site_url} ...", flush=True)
        build(site_dir, site_url)
        server = serve(site_dir, port, gzip=True)  # the port the site was built for; Lighthouse times bytes
        base = next(server)
        try:
            for name, language, path in audited_pages(site_dir):
                output = REPORTS / f"{name}-{language}"
                print(f"lighthouse {path} ...", flush=True)
                scores = run_lighthouse(base.rstrip("/") + path, output, chrome)
                rows.append((name, language, path, scores))
                for category, score in scores.items():
                    if score < BUDGET:
                        below.append(f"{path} {category} {score}: {', '.join(failing_audits(output, category))}")
        finally:
            server.close()
    header = "| page | language | " + " | ".join(CATEGORIES) + " |"
    lines = [header, "|" + " --- |" * (len(CATEGORIES) + 2)]
    lines += [
        f"| {name} | {language} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |"
        for name, language, _, scores in rows
    ]
    table = "\n".join(lines)
    (REPORTS / "scores.md").write_text(
        f"Lighthouse {lighthouse_version()}, mobile (default settings), budget {BUDGET} in each category.\n\n"
        + table
        + "\n"
        + ("\nBelow budget:\n" + "\n".join(f"- {b}" for b in below) + "\n" if below else ""),
        encoding="utf-8",
    )
    print(table)
    if below:
        print("below the budget of", BUDGET, "(audits that lost points):\n  " + "\n  ".join(below))
    print(f"reports: {REPORTS.relative_to(PROJECT)}/")
    return 1 if below and not arguments.report_only else 0


def lighthouse_version() -> str:
    package = PROJECT / "node_modules" / "lighthouse" / "package.json"
    version: str = json.loads(package.read_text(encoding="utf-8"))["version"]
    return version


if __name__ == "__main__":
    sys.exit(main())
