"""Benchmark: the time to make every PDF fact sheet.

    .venv/bin/python bench/fact_sheets.py [--runs N]

Builds the site once (the real strict build, into a temporary folder), takes
each fact sheet's rendered HTML from it and runs the hook's own pipeline on
it: HTML to Typst (``hanoi.media_kit.sheets.sheet_source``), then Typst to PDF
(``compile_pdf``). Typst memoizes its work within a process, so each run is a
fresh Python process that compiles every PDF once, as a build does; the
fonts shipped in the wheel are loaded first and timed apart. Prints the time
per PDF (best and median of N runs), the total for all PDFs, and what a
rebuild with unchanged sheets costs (the cache that ``mkdocs serve`` keeps).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from common import PROJECT, SITE_URL, run_build

sys.path.insert(0, str(PROJECT / "hooks"))

from hanoi.languages import LANGUAGES, language_prefix  # noqa: E402
from hanoi.media_kit.sheets import SHEETS_FOLDER, compile_pdf, pdf_path, sheet_source  # noqa: E402
from hanoi.status.convention import load_rules  # noqa: E402
from hanoi.status.facts import load_site_facts  # noqa: E402

SITE_NAMES = {"en": "Hanoi Convention", "vi": "Công ước Hà Nội", "fr": "Convention de Hanoï"}


def build(site_dir: Path) -> float:
    return run_build(PROJECT, site_dir).seconds


def page_html(site_dir: Path, language: str, slug: str) -> str:
    """The page's content as the hook saw it: the article, without the download box the hook adds."""
    page = site_dir / f"{language_prefix(language)}{SHEETS_FOLDER}/{slug}/index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for added in article.select(".hc-fact-sheet-download"):
        added.decompose()
    return article.decode_contents()


def worker(sources_file: Path) -> None:
    """One run: load the fonts, then compile each PDF once; print the timings as JSON."""
    sources = json.loads(sources_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    compile_pdf('#set document(title: "fonts")\n#set text(font: "Libertinus Serif")\nA')
    timings = {"fonts": time.perf_counter() - started, "pdfs": {}}
    for name, source in sources.items():
        started = time.perf_counter()
        pdf, _ = compile_pdf(source)
        timings["pdfs"][name] = [time.perf_counter() - started, len(pdf)]
    print(json.dumps(timings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="runs, each in a fresh process (default 10)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        return worker(arguments.worker)
    runs = arguments.runs
    rules, problems = load_rules()
    facts, more = load_site_facts(date.today(), rules) if rules else (None, [])
    if problems or more or facts is None:
        sys.exit("the key facts data has problems: run `make build` to see them")
    slugs = sorted(p.stem for p in (PROJECT / "docs" / "en" / SHEETS_FOLDER).glob("*.md"))

    with tempfile.TemporaryDirectory() as temporary:
        site_dir = Path(temporary) / "site"
        build_seconds = build(site_dir)
        pages = {(language, slug): page_html(site_dir, language, slug) for language in LANGUAGES for slug in slugs}
        sheet_source(
            pages[(LANGUAGES[1], slugs[0])],
            markdown="<!-- fact id=chapters -->",
            url=SITE_URL,
            language=LANGUAGES[1],
            site_name="",
            facts=facts.facts,
        )  # loads the UI catalogues once
        sources: dict[str, str] = {}
        started = time.perf_counter()
        for (language, slug), html in pages.items():
            markdown = (PROJECT / "docs" / language / SHEETS_FOLDER / f"{slug}.md").read_text(encoding="utf-8")
            url = f"{SITE_URL}{language_prefix(language)}{SHEETS_FOLDER}/{slug}/"
            name = pdf_path(slug, language).rsplit("/", 1)[-1]
            sources[name] = sheet_source(
                html, markdown=markdown, url=url, language=language, site_name=SITE_NAMES[language], facts=facts.facts
            ).source
        convert_seconds = time.perf_counter() - started
        sources_file = Path(temporary) / "sources.json"
        sources_file.write_text(json.dumps(sources), encoding="utf-8")
        results = [
            json.loads(
                subprocess.run(
                    [sys.executable, __file__, "--worker", str(sources_file)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            for _ in range(runs)
        ]

    import typst

    print(
        f"PDF fact sheets: {len(slugs)} sheets x {len(LANGUAGES)} languages = {len(sources)} PDFs; "
        f"{runs} runs, each a fresh process compiling every PDF once "
        f"(typst {typst.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)"
    )
    print(f"{'PDF':<50} {'size':>8} {'best ms':>8} {'median ms':>10}")
    for name in sources:
        times = [r["pdfs"][name][0] for r in results]
        size = results[0]["pdfs"][name][1]
        print(f"{name:<50} {size / 1000:>6.1f}kB {min(times) * 1000:>8.1f} {statistics.median(times) * 1000:>10.1f}")
    totals = [sum(t for t, _ in r["pdfs"].values()) for r in results]
    fonts = [r["fonts"] for r in results]
    print(
        f"{'all ' + str(len(sources)) + ' PDFs (sum per run)':<50} {'':>8} {min(totals) * 1000:>8.1f} "
        f"{statistics.median(totals) * 1000:>10.1f}"
    )
    print(
        f"{'font loading, once per process':<50} {'':>8} {min(fonts) * 1000:>8.1f} "
        f"{statistics.median(fonts) * 1000:>10.1f}"
    )
    print(f"HTML to Typst for all {len(sources)} sheets: {convert_seconds * 1000:.1f} ms")

    print(f"whole site build (mkdocs build --strict, all languages), for comparison: {build_seconds:.1f} s")


if __name__ == "__main__":
    main()
