"""A light first visit, on the built site: Material's bundle patched to load on
demand and published under the hash of its content, Material's stylesheet cut
to the rules the pages can use and followed by the site's own in one file,
the programme's files on its pages only. The
browser side is tests/browser/test_first_visit.py (bytes downloaded, search
on demand) and tests/browser/test_screenshots.py (nothing looks different).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import material
import pytest

from hanoi.markers.table import MARKERS
from hanoi.served.material_fixes import PatchError
from hanoi.served.on_demand import BUNDLE_PATCHES, SITE_STYLESHEET, patched_bundle
from hanoi.served.published import fingerprinted
from hanoi.served.stylesheet import (
    SCRIPT_ATTRIBUTES,
    SCRIPT_CLASSES,
    OtherAtRule,
    SiteTokens,
    StylesheetError,
    cut_stylesheet,
    minified,
    parse_stylesheet,
    parsed_stylesheet,
)
from site_pages import site_pages
from sitetools import PROJECT, soup

MATERIAL = Path(material.__file__).parent / "templates"
MATERIAL_BUNDLE = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js"))
MATERIAL_CSS = next((MATERIAL / "assets" / "stylesheets").glob("main.*.min.css"))
KB = 1000
# Material's stylesheet as published, gzip -9: 22.7 kB whole, 8.7 kB cut when
# the budget was set.
STYLESHEET_BUDGET = 10 * KB
PROGRAMME_FILES = ("assets/javascripts/programme.js", "assets/stylesheets/programme.css")

# What a page's markers may add after the cut stylesheet (the programme's, the pictures').
MARKER_STYLES = {style for spec in MARKERS.values() for style in spec.styles}
LOADER = "assets/javascripts/on-demand.js"  # overrides/main.html loads Material's bundle with it


def cut(css: str, html: str) -> str:
    parsed = parse_stylesheet(css)
    found = SiteTokens(parsed.wanted)
    found.add_html(html)
    return cut_stylesheet(parsed, found)


# ----------------------------------------------------------------- the cut


def test_a_rule_is_kept_when_each_of_its_selectors_can_match() -> None:
    css = (
        ".a{color:red}.b{color:blue}.a .b,.a>.c{margin:0}#x{top:0}#y{top:1px}"
        "p:hover{color:red}div:not(.z){color:green}[dir=rtl] .a{left:0}[dir=ltr] .a{right:0}"
        "[hidden]{display:none}span{display:block}"
    )
    html = '<html dir="ltr"><p class="a" id="x">x</p><div class="c"></div></html>'
    assert cut(css, html) == (
        ".a{color:red}.a>.c{margin:0}#x{top:0}p:hover{color:red}div:not(.z){color:green}[dir=ltr] .a{right:0}"
    )


def test_media_queries_custom_properties_and_animations_follow_the_kept_rules() -> None:
    css = (
        ":root{--used:1px;--via:var(--used2);--used2:2px;--unused:url(x.svg)}"
        "@media screen{.a{margin:var(--used);padding:var(--via);animation:spin 1s}.gone{margin:0}}"
        "@media print{.gone{margin:0}}@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}"
    )
    assert cut(css, '<p class="a"></p>') == (
        ":root{--used:1px;--via:var(--used2);--used2:2px}"
        "@media screen{.a{margin:var(--used);padding:var(--via);animation:spin 1s}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
    )


def test_what_materials_scripts_add_is_kept_although_no_page_has_it() -> None:
    css = ".md-search-result__item{margin:0}.js .md-search{display:block}[data-md-scrolllock]{overflow:hidden}"
    assert cut(css, '<div class="md-search"></div>') == css


def test_materials_stylesheet_is_parsed_once_then_read_from_the_cache(tmp_path: Path) -> None:
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    fresh = parse_stylesheet(css)
    assert parsed_stylesheet(css, tmp_path) == fresh
    (cached,) = tmp_path.glob("*.json")
    parsed_stylesheet.cache_clear()  # as a new build process
    assert parsed_stylesheet(css, tmp_path) == fresh, "the cached form is the parsed one"
    cached.write_text('{"rules": [["at", "@x;", null]], "wanted": []}', encoding="utf-8")
    parsed_stylesheet.cache_clear()
    assert parsed_stylesheet(css, tmp_path).rules == (OtherAtRule("@x;"),), "read from the cache, not parsed"
    cached.write_text('{"rules": [["rule", [[".a", []]], []]]', encoding="utf-8")  # cut short
    parsed_stylesheet.cache_clear()
    assert parsed_stylesheet(css, tmp_path) == fresh, "a damaged file is parsed again"
    assert len(list(tmp_path.glob("*"))) == 1, "replaced, and no temporary file left"


def test_the_sites_stylesheet_is_minified_whole_and_refuses_what_minifying_would_lose() -> None:
    css = (
        "/* a */ :root { --a: 1px; }\n@media screen { .a > b { margin: var(--a) !important; } }\n"
        "@keyframes k { to { opacity: 0 } }"
    )
    assert (
        minified(css)
        == ":root{--a:1px}@media screen {.a > b{margin:var(--a)!important}}@keyframes k { to { opacity: 0 } }"
    )
    for lost in (".a { color: red; .b { color: blue } }", ".a { color: red } }"):
        with pytest.raises(StylesheetError, match="line 1"):
            minified(lost)


def test_every_class_listed_as_added_by_materials_scripts_is_in_its_bundle() -> None:
    bundle = MATERIAL_BUNDLE.read_text(encoding="utf-8")
    stale = [name for name in [*SCRIPT_CLASSES, *SCRIPT_ATTRIBUTES] if name not in bundle]
    assert not stale, f"Material's bundle no longer has {stale}: update hanoi.served.stylesheet's lists"


# ------------------------------------------------------------- the bundle


def test_the_bundle_patches_apply_once_each_to_materials_bundle() -> None:
    bundle = MATERIAL_BUNDLE.read_text(encoding="utf-8")
    patched = patched_bundle(bundle)
    assert "new Worker(" not in patched and "HanoiOnDemand.worker(" in patched
    assert 'namedItem("search")?HanoiOnDemand.index(' in patched
    assert '"DOMContentLoaded":HanoiOnDemand.start' in patched
    assert "sourceMappingURL" not in patched
    with pytest.raises(PatchError, match="Material changed"):
        patched_bundle(patched)  # each patch once, never twice
    for pattern, _, _ in BUNDLE_PATCHES:
        with pytest.raises(PatchError, match="Material changed"):
            patched_bundle(pattern.sub("", bundle, count=1))


def test_fingerprinted_names_follow_materials_form() -> None:
    assert (
        fingerprinted("assets/javascripts/bundle.a5f9d56c.min.js", b"x") == "assets/javascripts/bundle.2d711642.min.js"
    )
    assert fingerprinted("assets/stylesheets/main.57a0d79d.min.css", b"x") == "assets/stylesheets/main.2d711642.min.css"


# ---------------------------------------------------------- the built site


def published(site: Path, folder: str, pattern: str) -> list[Path]:
    return sorted((site / folder).glob(pattern))


def test_the_site_publishes_materials_files_under_the_hash_of_their_content(site: Path) -> None:
    bundles = published(site, "assets/javascripts", "bundle.*.min.js")
    sheets = published(site, "assets/stylesheets", "main.*.min.css")
    assert len(bundles) == 1 and len(sheets) == 1, (bundles, sheets)
    for path in (*bundles, *sheets):
        relative = path.relative_to(site).as_posix()
        assert fingerprinted(relative, path.read_bytes()) == relative, f"{relative} does not carry its hash"
    assert bundles[0].read_text(encoding="utf-8") == patched_bundle(MATERIAL_BUNDLE.read_text(encoding="utf-8"))
    headers = (site / "_headers").read_text(encoding="utf-8")
    for path in (*bundles, *sheets):
        assert f"/{path.relative_to(site).as_posix()}\n  Cache-Control: public, max-age=31536000, immutable" in headers


def test_the_cut_stylesheet_is_within_its_budget(site: Path) -> None:
    sheet = published(site, "assets/stylesheets", "main.*.min.css")[0].read_text(encoding="utf-8")
    ours = minified((PROJECT / "overrides" / SITE_STYLESHEET).read_text(encoding="utf-8"))
    assert sheet.endswith(ours), "the site's stylesheet comes last, whole"
    whole, cut = (
        len(gzip.compress(css, 9, mtime=0)) for css in (MATERIAL_CSS.read_bytes(), sheet[: -len(ours)].encode())
    )
    print(f"\nMaterial's stylesheet, gzip -9: {whole:,} B whole, {cut:,} B cut (budget {STYLESHEET_BUDGET:,} B)")
    assert cut <= STYLESHEET_BUDGET
    assert not (site / SITE_STYLESHEET).exists(), "published only inside the cut stylesheet"


def test_every_page_links_the_cut_stylesheet_and_loads_the_bundle_on_demand(site: Path) -> None:
    sheet = published(site, "assets/stylesheets", "main.*.min.css")[0].relative_to(site).as_posix()
    bundle = published(site, "assets/javascripts", "bundle.*.min.js")[0].relative_to(site).as_posix()
    wrong = []
    for page in site_pages(site):
        document = soup(page.file)
        # The cut stylesheet (with the site's own inside it) first, then only what the page's markers need.
        sheets = [link["href"] for link in document.find_all("link", rel="stylesheet")]
        scripts = [script["src"] for script in document.find_all("script", src=True)]
        loader = [script for script in document.find_all("script", src=True) if script["src"].endswith(LOADER)]
        if (
            not sheets
            or not sheets[0].endswith(sheet)
            or any(not any(href.endswith(style) for style in MARKER_STYLES) for href in sheets[1:])
            or any("/bundle." in src for src in scripts)
            or len(loader) != 1
            or not loader[0].get("data-bundle", "").endswith(bundle)
            or not loader[0].has_attr("defer")
        ):
            wrong.append((page.url, sheets, scripts))
    assert not wrong, f"pages not linking the cut stylesheet or loading Material's bundle at once: {wrong[:3]}"


def test_the_programme_files_load_on_the_pages_that_show_events_only(site: Path) -> None:
    marker = re.compile(r"<!--\s*(?:programme|event)\s")
    with_events = {
        path.relative_to(PROJECT / "docs").with_suffix("").as_posix()
        for path in (PROJECT / "docs").rglob("*.md")
        if marker.search(path.read_text(encoding="utf-8"))
    }
    assert with_events, "no page shows events any more: this test checks nothing"
    wrong = []
    for page in site_pages(site):
        html = page.file.read_text(encoding="utf-8")
        loads = [name for name in PROGRAMME_FILES if name in html]
        source = f"{page.language}/{page.relative.rstrip('/') or 'index'}"
        expected = list(PROGRAMME_FILES) if source in with_events or f"{source}/index" in with_events else []
        if loads != expected:
            wrong.append((page.url, loads))
    assert not wrong, f"pages loading the programme's files, or missing them: {wrong}"
