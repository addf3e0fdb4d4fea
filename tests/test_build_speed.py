"""What keeps the build fast and the output small as content grows,
checked in bytes and counts (times depend on the machine: `make bench`
measures them, see docs-dev/performance.md).

- Releases stay out of the navigation, so adding releases leaves every other
  page's HTML as it was; only the archive (and the editors' translation
  status, not in the navigation) grows, the archive by a bounded amount per
  release (checked on a copy with RELEASES synthetic releases per language,
  made by bench/synthetic.py).
- site/ holds only the lunr files the search loads (en, vi, fr).
- The fast paths give what the slow ones gave: inline scripts found without
  parsing whole pages, YAML read by libyaml.
- What does not change between builds is not made again: share cards and
  PDFs are the cache's files, linked into site/, not copies.
- Each page is written once (the real build, watched by Python's audit hook).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from posixpath import join, normpath

import pytest
import yaml

from hanoi.cache import CACHE_DIR
from hanoi.datafiles import DATA_DIR, Located, LocatedList, _FastLocatingLoader, _LocatingLoader
from hanoi.pages.scan import DOCS_DIR, FRONT_MATTER
from hanoi.search.index import index_path
from hanoi.served.published import LUNR_DIR, is_published, lunr_files_needed
from hanoi.served.security import inline_scripts, inline_scripts_parsed
from sitetools import (
    LANGUAGES,
    MKDOCS,
    PROJECT,
    build_env,
    copy_project,
    html_pages,
    page_language,
    run_build,
    run_command,
    soup,
    url_path,
)

RELEASES = 40
# Bytes the archive page may grow by for each release it lists (about 600 now).
ARCHIVE_BYTES_PER_RELEASE = 1000


def _synthetic():
    spec = importlib.util.spec_from_file_location("bench_synthetic", PROJECT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


synthetic = _synthetic()


@pytest.fixture(scope="module")
def many_releases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from a copy of the project with RELEASES more releases per language."""
    project = copy_project(tmp_path_factory.mktemp("many-releases") / "project")
    synthetic.install_synthetic_releases(project, RELEASES)
    result = run_build(project, project / "site")
    assert result.returncode == 0, f"the site with {RELEASES} synthetic releases does not build:\n{result.output}"
    return result.site_dir


def is_release_url(path: str) -> bool:
    parts = [p for p in path.strip("/").split("/") if p]
    if parts and parts[0] in LANGUAGES:
        parts = parts[1:]
    return len(parts) == 2 and parts[0] == "press"


def test_releases_are_in_no_page_navigation(many_releases: Path) -> None:
    home = soup(many_releases / "index.html")
    assert home.select("nav.md-nav--primary a[href]"), "the home page has no navigation links: selector outdated?"
    offenders = []
    for page in html_pages(many_releases):
        base = url_path(many_releases, page)
        folder = base if base.endswith("/") else base.rsplit("/", 1)[0] + "/"
        for link in soup(page).select("nav.md-nav a[href]"):
            href = link["href"].split("#")[0]
            if href and not href.startswith(("http:", "https:")):
                if is_release_url(normpath(join(folder, href)) + "/"):
                    offenders.append(f"{base} -> {href}")
    assert not offenders, "press releases in the navigation:\n" + "\n".join(offenders[:10])


def test_other_pages_do_not_grow_with_the_releases(site: Path, many_releases: Path) -> None:
    grown = []
    for page in html_pages(site):
        path = url_path(site, page)
        if is_release_url(path) or path.rstrip("/").endswith(("press", "status")):
            continue  # the archive lists the releases, the editors' translation status every page
        before, after = page.stat().st_size, (many_releases / page.relative_to(site)).stat().st_size
        if after != before:
            grown.append(f"{path}: {before} -> {after} bytes")
    assert not grown, f"pages that changed size when {RELEASES} releases per language were added:\n" + "\n".join(grown)


def test_the_archive_grows_by_a_bounded_amount_per_release(site: Path, many_releases: Path) -> None:
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        before = (site / prefix / "press" / "index.html").stat().st_size
        after = (many_releases / prefix / "press" / "index.html").stat().st_size
        per_release = (after - before) / RELEASES
        print(f"/{prefix}press/: {before} -> {after} bytes, {per_release:.0f} bytes per release")
        assert 0 < per_release <= ARCHIVE_BYTES_PER_RELEASE


def _archive_search_text(site: Path, language: str) -> int:
    index = json.loads(index_path(site, language).read_text(encoding="utf-8"))
    return sum(len(doc["text"]) for doc in index["docs"] if doc["location"].split("#")[0] == "press/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_archive_search_entry_does_not_grow_with_the_releases(
    site: Path, many_releases: Path, language: str
) -> None:
    """Each release is indexed once, on its own page: the archive's list is
    not indexed, so its entry (and the work of indexing it) stays the same."""
    assert _archive_search_text(site, language) > 0
    assert _archive_search_text(many_releases, language) == _archive_search_text(site, language)


def test_a_synthetic_release_is_the_size_of_a_real_one(site: Path, many_releases: Path) -> None:
    real = [p for p in html_pages(site) if is_release_url(url_path(site, p)) and page_language(site, p) == "en"]
    largest_real = max(p.stat().st_size for p in real)
    newest = many_releases / "press" / synthetic.release_name(RELEASES) / "index.html"
    assert newest.stat().st_size <= largest_real * 1.1, "a release page carries more than its own content"


def test_only_the_lunr_files_the_search_loads_are_published(site: Path) -> None:
    published = {p.relative_to(site / LUNR_DIR).as_posix() for p in (site / LUNR_DIR).rglob("*") if p.is_file()}
    assert (
        published
        == lunr_files_needed(LANGUAGES)
        == {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js", "min/lunr.vi.min.js", "min/lunr.fr.min.js"}
    )
    assert not list(site.rglob("*.map")), "source maps are published"


@pytest.mark.parametrize(
    "src_uri,languages,published",
    [
        ("assets/javascripts/lunr/min/lunr.de.min.js", {"en", "vi", "fr"}, False),
        ("assets/javascripts/lunr/min/lunr.vi.min.js", {"en", "vi", "fr"}, True),
        ("assets/javascripts/lunr/tinyseg.js", {"en", "vi", "fr"}, False),
        ("assets/javascripts/lunr/tinyseg.js", {"en", "ja"}, True),
        ("assets/javascripts/lunr/wordcut.js", {"th"}, True),
        ("assets/javascripts/bundle.79ae519e.min.js.map", {"en"}, False),
        ("assets/javascripts/workers/search.a7633da7.min.js", {"en"}, True),
    ],
)
def test_published_theme_files(src_uri: str, languages: set[str], published: bool) -> None:
    assert is_published(src_uri, languages) is published


def test_inline_scripts_are_found_as_the_html_parser_finds_them(site: Path) -> None:
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert inline_scripts(html) == inline_scripts(page.read_bytes()) == inline_scripts_parsed(html), url_path(
            site, page
        )
    tricky = (
        '<p>x</p><!-- <script>not run</script> --><SCRIPT>a()</SCRIPT><script src="x.js"></script>'
        '<script type="application/json">{"a": 1}</script><script type="module">b()</script >'
        "<pre>&lt;script&gt;c()&lt;/script&gt;</pre>"
    )
    assert inline_scripts(tricky) == inline_scripts_parsed(tricky) == ["a()", "b()"]


def _located(node):
    if isinstance(node, Located):
        return ("map", node.line, sorted(node.key_lines.items()), [(k, _located(v)) for k, v in node.items()])
    if isinstance(node, LocatedList):
        return ("list", node.line, [_located(v) for v in node])
    return (type(node).__name__, node)


def test_libyaml_and_pure_python_loaders_read_every_file_alike() -> None:
    texts = {str(p): p.read_text(encoding="utf-8") for p in DATA_DIR.rglob("*.yml")}
    for page in DOCS_DIR.rglob("*.md"):
        match = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
        if match and match.group("yaml"):
            texts[str(page)] = match.group("yaml")
    assert len(texts) > 50
    assert _FastLocatingLoader is not _LocatingLoader
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML was built without libyaml here: the pure-Python parser is used")
    for name, text in texts.items():
        assert _located(yaml.load(text, Loader=_FastLocatingLoader)) == _located(
            yaml.load(text, Loader=_LocatingLoader)
        ), name


def _not_from_the_cache(site: Path, cache_dir: Path) -> list[Path]:
    """The share cards and PDFs of ``site`` that are not the files of ``cache_dir``."""
    published = [*(site / "assets" / "share-cards").glob("*.png"), *(site / "media" / "fact-sheets").glob("*.pdf")]
    assert len(published) > 20, "no share cards or PDFs found: this test checks nothing"
    cached = [path for path in cache_dir.rglob("*") if path.suffix in (".png", ".pdf")]
    if cache_dir.stat().st_dev == site.stat().st_dev:
        inodes = {path.stat().st_ino for path in cached}
        return [path for path in published if path.stat().st_ino not in inodes]
    contents = {path.read_bytes() for path in cached}  # a hard link cannot cross file systems: copies, then
    return [path for path in published if path.read_bytes() not in contents]


def test_share_cards_and_pdfs_are_the_caches_files_linked_not_copied(site: Path) -> None:
    wrong = _not_from_the_cache(site, CACHE_DIR)
    assert not wrong, f"published without their cache file (copied or made again): {wrong[:5]}"


def test_two_builds_side_by_side_with_an_empty_cache_both_link_it(tmp_path: Path) -> None:
    """As the tests' workers do on a fresh clone: a file the other build
    stored first is kept, not replaced under the site that links it."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    builds = [
        subprocess.Popen(
            [str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / name)],
            cwd=project,
            env=build_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        for name in ("first", "second")
    ]
    for build in builds:
        _, errors = build.communicate()
        assert build.returncode == 0, errors.decode()[-3000:]
    for name in ("first", "second"):
        wrong = _not_from_the_cache(tmp_path / name, project / ".cache")
        assert not wrong, f"{name} build: its cards or PDFs are no longer the cache's files: {wrong[:5]}"


# The real `mkdocs build`, with an audit hook that counts every opening of an
# HTML file for writing (Python reports each open() and os.open() to it).
COUNT_HTML_WRITES = """
import atexit, json, os, runpy, sys
writes = {}
def audit(event, args):
    if event != "open" or not isinstance(args[0], str) or not args[0].endswith(".html"):
        return
    path, mode, flags = args
    writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(flags & (os.O_WRONLY | os.O_RDWR))
    if writing:
        writes[os.path.abspath(path)] = writes.get(os.path.abspath(path), 0) + 1
sys.addaudithook(audit)
atexit.register(lambda: print("HTML WRITES " + json.dumps(writes)))
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def test_every_page_is_written_once(tmp_path: Path) -> None:
    """Pages link the cut stylesheet, named only once every page is built:
    each is held and written once, never written and then rewritten. Built
    from a copy: the project's cache is the one the session's site links."""
    project, site_dir = copy_project(tmp_path / "project"), tmp_path / "site"
    result = run_command(
        [sys.executable, "-c", COUNT_HTML_WRITES, str(MKDOCS), "build", "--strict"], project, site_dir, {}
    )
    assert result.returncode == 0, result.output[-3000:]
    writes = json.loads(result.output.split("HTML WRITES ", 1)[1].splitlines()[0])
    pages = {str(path) for path in site_dir.rglob("*.html")}
    assert len(pages) > 60, "the build wrote fewer pages than the site has: this test checks nothing"
    assert set(writes) == pages, sorted(set(writes) ^ pages)[:5]
    assert {path: count for path, count in writes.items() if count != 1} == {}
    assert "skipped" not in result.output, "MkDocs' note on each held page is filtered out"
