"""Only what we wrote can run: every crafted input of the security review
(tests/crafted_inputs.py) is refused with its file, or accepted as inert
text; files that are not pages, pictures or PDFs stop the build with their
path; data and front matter that would make the build slow are refused at
once. Each with the real `mkdocs build --strict` on a copy of the project.
In Chromium: tests/browser/test_crafted_content.py.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from crafted_inputs import INERT, PAGE_FRONT, RENDERED_REFUSED, SOURCE_REFUSED
from hanoi.datafiles import MAX_LINE, load_yaml, parse_yaml, read_data_files
from hanoi.pages.content import data_text_problems
from hanoi.pages.rendered import changed_by_sanitizing, refusals, rendered_problems
from hanoi.pages.scan import scan_pages
from sitetools import BuildResult, CraftedSite, copy_project, run_build

PROBES = "docs/en/probe"
# A release whose source address would run code (the review's case 28).
RELEASE_28 = """---
title: A probe release
description: A probe release whose source address runs code when followed.
date: "2026-01-01"
timezone: Asia/Ho_Chi_Minh
summary: A summary long enough for the archive and the feed of the site.
translation_key: 2026-01-01-probe-28
sources:
  - name: A source
    url: "javascript:alert(1)//https://"
---

# A probe release {#a-probe-release}
"""
# Texts of data/ read as HTML (the review's case 39, and the comment trick).
DATA_PAYLOADS = (
    '<noscript><p title="</noscript><img src=x24 onerror=alert(24)>"></noscript>',
    "<!--><img src=x26 onerror=alert(26)>-->",
)
# Files under docs/ that are not Markdown, pictures or PDFs, and files outside
# the language folders; a picture that is not one; names kept free.
REFUSED_FILES = {
    "docs/evil.html": "<script>document.title='ran'</script>",
    "docs/x.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script href="/evil.js"/></svg>',
    "docs/evil.js": "document.title = 'ran';",
    "docs/evil.mjs": "document.title = 'ran';",
    "docs/page.xhtml": '<html xmlns="http://www.w3.org/1999/xhtml"><script>1</script></html>',
    "docs/_redirects": "/* https://evil.example/:splat 200!\n",
    "docs/_headers": "/*\n  Content-Security-Policy: script-src *\n",
    "docs/picture.png": "\x89PNG\r\n\x1a\n",
    "docs/en/evil.html": "<script>document.title='ran'</script>",
    "docs/en/media/y.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
    "docs/en/admin/extra.js": "document.title = 'ran';",
    "docs/vi/evil.js": "document.title = 'ran';",
    "docs/fr/module.mjs": "export default 1;",
    "docs/en/page.xhtml": '<html xmlns="http://www.w3.org/1999/xhtml"/>',
    "docs/en/_redirects": "/* https://evil.example/:splat 200!\n",
    "docs/fr/_headers": "/*\n  X-Frame-Options: ALLOWALL\n",
    "docs/en/style.css": "body{background:url(https://evil.example/x.png)}",
    "docs/en/fake.png": "<html><script>1</script></html>",
    "docs/en/administration.md": PAGE_FRONT.format(name="administration"),
    "docs/en/Admin-notes.pdf": "%PDF-1.4\n",
}
ACCEPTED_FILES = {
    "docs/en/assets/uploads/photo.png": b"\x89PNG\r\n\x1a\n" + bytes(8),
    "docs/vi/photo.jpg": b"\xff\xd8\xff\xe0" + bytes(8),
    "docs/fr/notes.pdf": b"%PDF-1.7\n",
    "docs/vi/administration.md": PAGE_FRONT.format(name="vi"),  # not at the top of the site
    "docs/.DS_Store": b"\0\0\0\1Bud1",  # left out by MkDocs too
}


def alias_bomb(levels: int) -> str:
    """A few hundred bytes that expand to 10**levels values."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def probe_page(name: str, body: str) -> str:
    return PAGE_FRONT.format(name=name) + body + "\n"


def write(project: Path, relative: str, content: str | bytes) -> None:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def body_lines(body: str) -> range:
    first = PAGE_FRONT.count("\n") + 1
    return range(first, first + body.count("\n") + 1)


def error_lines(output: str) -> list[str]:
    """The build's errors and warnings, but that a probe page has no translation."""
    return [
        line
        for line in output.splitlines()
        if line.startswith(("ERROR", "WARNING"))
        and " is missing: translate " not in line
        and "may be outdated" not in line
    ]


@pytest.fixture(scope="module")
def refused_at_the_source(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One build: every input the source checks refuse, bad files, bad data."""
    project = copy_project(tmp_path_factory.mktemp("source") / "project")
    for name, body, _ in SOURCE_REFUSED:
        write(project, f"{PROBES}/{name}.md", probe_page(name, body))
    write(project, "docs/en/press/2026-01-01-probe-28.md", RELEASE_28)
    glossary = project / "data" / "glossary" / "en.yml"
    text = glossary.read_text(encoding="utf-8")
    starts = [m.end() for m in re.finditer(r"^    definition: >-\n      ", text, re.M)][: len(DATA_PAYLOADS)]
    for start, payload in reversed(list(zip(starts, DATA_PAYLOADS, strict=True))):
        text = text[:start] + payload + " " + text[start:]
    glossary.write_text(text, encoding="utf-8")
    for relative, content in {**REFUSED_FILES, **ACCEPTED_FILES}.items():
        write(project, relative, content)
    key_facts = project / "data" / "key_facts.yml"
    key_facts.write_text(key_facts.read_text(encoding="utf-8") + alias_bomb(7), encoding="utf-8")
    write(project, f"{PROBES}/long-line.md", probe_page("long-line", "{" * 100_000))
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(("name", "body", "expected"), SOURCE_REFUSED, ids=[c[0] for c in SOURCE_REFUSED])
def test_an_input_the_source_checks_refuse_is_named_with_its_line(
    refused_at_the_source: BuildResult, name: str, body: str, expected: str
) -> None:
    found = [
        line
        for line in error_lines(refused_at_the_source.output)
        if (match := re.search(rf"{PROBES}/{name}\.md:(\d+) ", line)) and int(match[1]) in body_lines(body)
    ]
    assert [line for line in found if expected in line], f"{name}: {found or refused_at_the_source.output[-3000:]}"


def test_a_release_source_that_runs_code_is_refused(refused_at_the_source: BuildResult) -> None:
    assert re.search(r"docs/en/press/2026-01-01-probe-28\.md:10 \[sources\[0\]\.url\]", refused_at_the_source.output)


def test_data_texts_are_held_to_the_allowlist_as_html(refused_at_the_source: BuildResult) -> None:
    """Each is refused with its file and line, by the rendered-HTML gate
    (the source checks let both through)."""
    output = refused_at_the_source.output
    assert re.search(r"data/glossary/en\.yml:\d+ \[<noscript>\]: a <noscript> element", output), output[-3000:]
    assert re.search(r"data/glossary/en\.yml:\d+ \[<img onerror>\]: inline event handler", output), output[-3000:]


@pytest.mark.parametrize("relative", sorted(REFUSED_FILES))
def test_a_file_that_is_not_a_page_picture_or_pdf_stops_the_build_with_its_path(
    refused_at_the_source: BuildResult, relative: str
) -> None:
    assert re.search(rf"ERROR +- +{re.escape(relative)}: .*\. Fix: ", refused_at_the_source.output), relative


def test_pages_pictures_and_pdfs_in_the_language_folders_are_accepted(refused_at_the_source: BuildResult) -> None:
    named = [relative for relative in ACCEPTED_FILES if relative in refused_at_the_source.output]
    assert not named, named


def test_an_alias_bomb_and_a_long_line_stop_the_build_with_their_file(refused_at_the_source: BuildResult) -> None:
    output = refused_at_the_source.output
    assert re.search(r"data/key_facts\.yml:\d+: YAML syntax: an alias \(\*name\) repeats", output), output[-3000:]
    assert f"{PROBES}/long-line.md:6: the line is 100,000 characters long, more than the {MAX_LINE:,}" in output


# ---------------------------------------------------------------- rendered


@pytest.fixture(scope="module")
def rendered(crafted_site: CraftedSite) -> BuildResult:
    return crafted_site.result


def test_the_inputs_past_the_source_checks_reach_the_rendering(rendered: BuildResult) -> None:
    """Else the tests below would test the source checks again."""
    assert "in the pages and data" not in rendered.output, rendered.output[-3000:]
    assert rendered.returncode != 0


@pytest.mark.parametrize(("name", "body", "expected"), RENDERED_REFUSED, ids=[c[0] for c in RENDERED_REFUSED])
def test_an_input_past_the_source_checks_is_refused_when_it_renders(
    rendered: BuildResult, name: str, body: str, expected: str | None
) -> None:
    named = [line for line in error_lines(rendered.output) if f"probe/{name}.md" in line]
    assert named, f"{name} is not refused"
    if expected is not None:
        assert [line for line in named if f"{PROBES}/{name}.md" in line and expected in line], named


def test_the_line_is_named_where_the_source_shows_it(rendered: BuildResult) -> None:
    assert re.search(rf"ERROR +- +{PROBES}/r61\.md:6 \[<script>\]", rendered.output)
    assert re.search(rf"ERROR +- +{PROBES}/r65\.md:6 \[<meta>\]", rendered.output)
    assert re.search(rf"ERROR +- +{PROBES}/r45\.md:6 \[<a href>\]", rendered.output)


@pytest.mark.parametrize(("name", "body"), INERT, ids=[c[0] for c in INERT])
def test_text_code_and_escaped_markup_are_accepted(rendered: BuildResult, name: str, body: str) -> None:
    named = [line for line in error_lines(rendered.output) if f"probe/{name}.md" in line]
    assert not named, named
    release = [line for line in error_lines(rendered.output) if "docs/en/press/2025-10-26-closing" in line]
    assert not release, "front matter is text, escaped where it lands"


# ------------------------------------------------------------- the checks alone


def test_the_site_own_pages_pass_the_gate_unchanged(site: Path) -> None:
    """No false refusal: every page of the real site was checked in its
    build (the session's build passed); the gate's parts agree on a page."""
    html = (site / "faq" / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert not changed_by_sanitizing("<p>A &amp; B, <em>x</em> <a href='../x/'>y</a> <!-- note --></p>")
    assert article and refusals("<p>plain</p>") == []


@pytest.mark.parametrize(
    ("html", "place"),
    [
        ('<a href="java\tscript:alert(1)">x</a>', "<a href>"),
        ("<p>x<script>1</script></p>", "<script>"),
        ("<math><mi xlink:href=javascript:alert(1)>x</mi></math>", "<math>"),
        ('<img src="//evil.example/x.png">', "<img src>"),
        ('<img src=" https://evil.example/x.png">', "<img src>"),
        ('<a href="#a" onclick="x()">a</a>', "<a onclick>"),
        ('<div id="_x">a</div>', "<div id>"),
    ],
)
def test_the_gate_names_what_it_refuses(html: str, place: str) -> None:
    assert place in [r.place for r in refusals(html)]
    assert changed_by_sanitizing(html)


def test_a_refusal_names_the_line_when_the_source_shows_it_once() -> None:
    source = "# Title\n\nSome text.\n\n<noscript>x</noscript>\n"
    problems = rendered_problems("docs/en/x.md", "<h1>Title</h1><noscript>x</noscript>", source, 5)
    assert [str(p) for p in problems] == [
        "docs/en/x.md:9 [<noscript>]: a <noscript> element holds text that browsers read as markup in their own way. "
        "Fix: remove it: pages show text, links, tables and pictures written in Markdown "
        "(CONTRIBUTING.md, What pages and data cannot hold)"
    ]


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """Nine levels: a billion values if expanded (the review's seven took 65 s)."""
    bomb = alias_bomb(9)
    assert len(bomb) < 1000
    (tmp_path / "bomb.yml").write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    data, problems = load_yaml(tmp_path / "bomb.yml")
    problems_of_texts = data_text_problems(read_data_files(tmp_path))
    elapsed = time.perf_counter() - started
    assert data is None and "an alias (*name) repeats another part of the file" in str(problems[0])
    assert problems_of_texts == []  # unreadable: reported by the hook that loads it
    assert elapsed < 1, f"{elapsed:.2f} s"
    front_matter, problems = parse_yaml("title: &t A title\ndescription: *t\n", "docs/en/x.md", first_line=2)
    assert front_matter is None and problems[0].line == 3


def test_a_line_of_100_kb_is_refused_at_once(tmp_path: Path) -> None:
    """A run of "{" or "<a" once made the source checks quadratic."""
    for language in ("en", "vi", "fr"):
        (tmp_path / language).mkdir()
    for index, line in enumerate(("{" * 100_000, "<a" * 50_000)):
        (tmp_path / "en" / f"p{index}.md").write_text(probe_page("p", line), encoding="utf-8")
    (tmp_path / "data.yml").write_text("text: " + "<a" * 50_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    _, problems = scan_pages(tmp_path)
    _, more = load_yaml(tmp_path / "data.yml")
    elapsed = time.perf_counter() - started
    assert [(p.file.split("/")[-1], p.line) for p in problems + more] == [("p0.md", 6), ("p1.md", 6), ("data.yml", 1)]
    assert elapsed < 1, f"{elapsed:.2f} s"
