"""Benchmark: the time to make every PDF fact sheet.

    .venv/bin/python bench/fact_sheets.py [--runs N]

Builds the site once (the real strict build, into a temporary folder), takes
each fact sheet's rendered HTML from it and runs the hook's own pipeline on
it: HTML to Typst (``hanoi.fact_sheets.sheet_source``), then Typst to PDF
(``compile_pdf``, the cache bypassed), N times per sheet and language. Prints
the time per PDF (best and median of N), the total for all PDFs, and what a
rebuild with unchanged sheets costs (the cache of ``mkdocs serve``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from hanoi.fact_sheets import SHEETS_FOLDER, compile_pdf, compile_sheet, pdf_path, sheet_source  # noqa: E402
from hanoi.facts import load_site_facts  # noqa: E402
from hanoi.languages import LANGUAGES, language_prefix  # noqa: E402

SITE_URL = "https://hanoi-convention.test/"
SITE_NAMES = {"en": "Hanoi Convention", "vi": "Công ước Hà Nội", "fr": "Convention de Hanoï"}


def build(site_dir: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("URL", "BUILD_ONLY_LOCALE")}
    env.update({"SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"})
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--quiet", "-d", str(site_dir)],
                   cwd=PROJECT, env=env, check=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - started


def page_html(site_dir: Path, language: str, slug: str) -> str:
    """The page's content as the hook saw it: the article, without the download box the hook adds."""
    page = site_dir / f"{language_prefix(language)}{SHEETS_FOLDER}/{slug}/index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for added in article.select(".hc-fact-sheet-download"):
        added.decompose()
    return article.decode_contents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="compilations per PDF (default 10)")
    runs = parser.parse_args().runs
    facts, problems = load_site_facts()
    if problems or facts is None:
        sys.exit("the key facts data has problems: run `make build` to see them")
    slugs = sorted(p.stem for p in (PROJECT / "docs" / "en" / SHEETS_FOLDER).glob("*.md"))

    with tempfile.TemporaryDirectory() as temporary:
        site_dir = Path(temporary) / "site"
        build_seconds = build(site_dir)
        sources = {}
        convert_started = time.perf_counter()
        for language in LANGUAGES:
            for slug in slugs:
                markdown = (PROJECT / "docs" / language / SHEETS_FOLDER / f"{slug}.md").read_text(encoding="utf-8")
                url = f"{SITE_URL}{language_prefix(language)}{SHEETS_FOLDER}/{slug}/"
                sources[(language, slug)] = sheet_source(page_html(site_dir, language, slug), markdown=markdown, url=url,
                                                         language=language, site_name=SITE_NAMES[language],
                                                         facts=facts.facts).source
        convert_seconds = time.perf_counter() - convert_started

    started = time.perf_counter()
    compile_pdf(sources[(LANGUAGES[0], slugs[0])])  # first call: loads the fonts shipped in the wheel
    first_seconds = time.perf_counter() - started

    print(f"PDF fact sheets: {len(slugs)} sheets x {len(LANGUAGES)} languages = {len(sources)} PDFs, "
          f"{runs} compilations each (typst {__import__('typst').__version__ if hasattr(__import__('typst'), '__version__') else '0.15.2'}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(f"{'PDF':<52} {'size':>8} {'best ms':>8} {'median ms':>10}")
    best_total = median_total = 0.0
    for (language, slug), source in sources.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            pdf, _ = compile_pdf(source)
            times.append(time.perf_counter() - started)
        best, median = min(times), statistics.median(times)
        best_total += best
        median_total += median
        name = pdf_path(slug, language).rsplit("/", 1)[-1]
        print(f"{name:<52} {len(pdf) / 1000:>6.1f}kB {best * 1000:>8.1f} {median * 1000:>10.1f}")

    for (language, slug), source in sources.items():
        compile_sheet(source, language, slug)
    started = time.perf_counter()
    for (language, slug), source in sources.items():
        assert compile_sheet(source, language, slug).reused
    cached_seconds = time.perf_counter() - started

    print(f"{'all ' + str(len(sources)) + ' PDFs':<52} {'':>8} {best_total * 1000:>8.1f} {median_total * 1000:>10.1f}")
    print(f"first compilation of the process (font loading included): {first_seconds * 1000:.1f} ms")
    print(f"HTML to Typst for all {len(sources)} sheets: {convert_seconds * 1000:.1f} ms")
    print(f"rebuild with unchanged sheets (cache hit, as in mkdocs serve): {cached_seconds * 1000:.2f} ms for all")
    print(f"whole site build, all languages, for comparison: {build_seconds:.1f} s")


if __name__ == "__main__":
    main()
