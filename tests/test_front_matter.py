"""Front matter of every page is validated before anything renders: each
problem names the file, the line and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hanoi.pages.scan import scan_pages
from sitetools import run_build

GOOD_PAGE = "---\ntitle: A page\ndescription: A description long enough to pass the check.\n---\n\n# A page {#a-page}\n"


def docs_with(tmp_path: Path, text: str, relative: str = "page.md") -> Path:
    docs = tmp_path / "docs"
    for language in ("en", "vi", "fr"):
        (docs / language).mkdir(parents=True, exist_ok=True)
        (docs / language / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / language / relative).write_text(text if language == "vi" else GOOD_PAGE, encoding="utf-8")
    return docs


def problems_for(tmp_path: Path, text: str, relative: str = "page.md") -> list[str]:
    _, problems = scan_pages(docs_with(tmp_path, text, relative))
    return [str(p) for p in problems]


def test_a_good_page_has_no_problem(tmp_path: Path) -> None:
    assert problems_for(tmp_path, GOOD_PAGE) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("# No front matter\n", "vi/page.md:1: the page has no front matter. Fix: start the file with a block"),
        (
            "---\ntitle: A page\n---\n",
            "vi/page.md:2: missing field 'description'. Fix: add `description:` (one sentence",
        ),
        (
            "---\ntitle: A page\ndescription: A description long enough to pass.\nauthor: Me\n---\n",
            "vi/page.md:4 [author]: unknown field 'author'. Fix: remove it or correct its spelling; the fields "
            "allowed here are: description, draft, hide, home, publish_at, search, source_hash, template, title",
        ),
        (
            "---\ntitle: [a, list]\ndescription: A description long enough to pass.\n---\n",
            "vi/page.md:2 [title]: expected string, found a list",
        ),
        ("---\ntitle: A page\ndescription: too short\n---\n", "vi/page.md:3 [description]: 'too short' is too short"),
        (
            "---\ntitle: A page\n  description: bad indent\n---\n",
            "vi/page.md:3: YAML syntax: mapping values are not allowed here",
        ),
        (
            "---\ntitle: A\ntitle: B\ndescription: A description long enough to pass.\n---\n",
            "vi/page.md:3: YAML syntax: the field 'title' appears twice (first on line 2). Fix: keep the first one",
        ),
    ],
)
def test_page_front_matter_problems(tmp_path: Path, text: str, expected: str) -> None:
    found = problems_for(tmp_path, text)
    assert any(expected in p for p in found), found


RELEASE = """---
title: A release
description: A release description long enough to pass the check.
date: "{date}"
timezone: {zone}
summary: A summary long enough for the archive and the feed of the site.
translation_key: a-release
sources:
  - name: UN Treaty Collection
    url: https://treaties.un.org/
---
"""


@pytest.mark.parametrize(
    "date,zone,expected",
    [
        ("2025-10-26", "Asia/Ho_Chi_Minh", None),
        ("2025-10-26T15:00+07:00", "Asia/Ho_Chi_Minh", None),
        (
            "26/10/2025",
            "Asia/Ho_Chi_Minh",
            "vi/press/a-release.md:4 [date]: '26/10/2025' is not in the expected form. Fix: write \"2025-10-26\"",
        ),
        ("2025-10-26T15:00", "Asia/Ho_Chi_Minh", "[date]: '2025-10-26T15:00' is not in the expected form"),
        ("2025-10-26", "Hanoi", "[timezone]: 'Hanoi' is not in the expected form. Fix: write an IANA zone"),
    ],
)
def test_release_front_matter_problems(tmp_path: Path, date: str, zone: str, expected: str | None) -> None:
    found = problems_for(tmp_path, RELEASE.format(date=date, zone=zone), "press/a-release.md")
    if expected is None:
        assert not [p for p in found if "vi/press" in p], found
    else:
        assert any(expected in p for p in found), found


def test_a_release_without_sources_is_refused(tmp_path: Path) -> None:
    text = RELEASE.format(date="2025-10-26", zone="Asia/Ho_Chi_Minh").split("sources:")[0] + "---\n"
    found = problems_for(tmp_path, text, "press/a-release.md")
    assert any("missing field 'sources'" in p and "Fix: add `sources:` (the public sources" in p for p in found), found


def test_a_bad_front_matter_fails_the_real_build_without_traceback(project_copy: Path) -> None:
    page = project_copy / "docs" / "fr" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("description:", "descriptoin:", 1), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/fr/index.md:3 [descriptoin]: unknown field 'descriptoin'" in result.output
    assert "missing field 'description'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "body,expected",
    [
        (
            '<img src="../assets/photo.jpg" alt="x">',
            "vi/page.md:8 [<img src>]: raw HTML image to '../assets/photo.jpg' breaks "
            "under /vi/ and /fr/. Fix: write a Markdown image instead",
        ),
        (
            '<a href="/press/">Press</a>',
            "vi/page.md:8 [<a href>]: raw HTML link to '/press/' breaks under /vi/ and /fr/. "
            "Fix: write a Markdown link instead",
        ),
    ],
)
def test_raw_html_links_and_images_are_refused(tmp_path: Path, body: str, expected: str) -> None:
    found = problems_for(tmp_path, GOOD_PAGE + "\n" + body + "\n")
    assert any(expected in p for p in found), found


def test_absolute_links_anchors_and_code_examples_are_allowed(tmp_path: Path) -> None:
    body = (
        '<a href="https://treaties.un.org/">UNTC</a> <a href="#key-facts">facts</a> '
        '<a href="webcal://127.0.0.1/programme.ics">calendar</a>\n\n```html\n<img src="../x.png">\n```\n'
    )
    assert problems_for(tmp_path, GOOD_PAGE + "\n" + body) == []


# Content cannot add behaviour or third-party requests: each construct, as a
# press officer might paste it, with the words its problem must hold.
REFUSED = [
    ("<script>alert(1)</script>", "[<script>]: a <script> element runs code. Fix: remove it"),
    ('<SCRIPT src="../x.js"></SCRIPT>', "[<script>]: a <script> element runs code"),
    ('<p onclick="go()">x</p>', "[<p onclick>]: inline event handler onclick= runs code"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "[<a href>]: 'javascript:' URL in href= runs code"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "[<a href>]: 'javascript:' URL in href= runs code"),
    ("[x](javascript:alert(1))", "[[](…)]: 'javascript:' link runs code"),
    ("[j]: javascript:alert(1)\n\n[x][j]", "[[j]:]: 'javascript:' link runs code"),
    ('A [link](#a){ onmouseover="alert(1)" }', "[{ onmouseover= }]: inline event handler onmouseover= runs code"),
    (
        '<iframe src="../x.html"></iframe>',
        "[<iframe>]: an <iframe> element embeds another document. "
        "Fix: put the file under docs/<lang>/, or link to it instead of embedding it",
    ),
    ('<object data="x.pdf"></object>', "[<object>]: an <object> element embeds another document"),
    ('<embed src="x.swf">', "[<embed>]: an <embed> element embeds another document"),
    (
        '<img src="https://cdn.example/p.jpg" alt="p">',
        "[<img src>]: src= loads 'https://cdn.example/p.jpg' from "
        "another host. Fix: put the file under docs/<lang>/, or link to it",
    ),
    ("![p](//cdn.example/p.jpg)", "[![](…)]: image loads '//cdn.example/p.jpg' from another host"),
    ("![p][cdn]\n\n[cdn]: https://cdn.example/p.jpg", "[![][…]]: image loads 'https://cdn.example/p.jpg'"),
    ('<video poster="https://cdn.example/p.jpg"></video>', "[<video poster>]: poster= loads"),
    (
        '<picture><source srcset="p.jpg 1x, https://cdn.example/p2.jpg 2x"></picture>',
        "[<source srcset>]: srcset= loads 'https://cdn.example/p2.jpg' from another host",
    ),
    (
        "<p style=\"background: url('https://cdn.example/bg.png')\">x</p>",
        "[<p style>]: CSS loads 'https://cdn.example/bg.png' from another host",
    ),
    ('<style>@import "https://fonts.example/a.css";</style>', "[<style>]: CSS loads 'https://fonts.example/a.css'"),
]


@pytest.mark.parametrize("body,expected", REFUSED)
def test_content_cannot_add_behaviour_or_third_party_requests(tmp_path: Path, body: str, expected: str) -> None:
    found = problems_for(tmp_path, GOOD_PAGE + "\n" + body + "\n")
    assert any("vi/page.md:8 [" in p and expected in p for p in found), found


def test_code_examples_and_plain_links_are_allowed(tmp_path: Path) -> None:
    body = (
        'Write `<script>alert(1)</script>` or ``<iframe src="https://x.example/">`` to see it refused.\n\n'
        '```html\n<script>alert(1)</script>\n<img src="https://cdn.example/p.jpg" onerror="x()">\n```\n\n'
        "1. In a list:\n\n    ~~~markdown\n    ![p](https://cdn.example/p.jpg)\n    ~~~\n\n"
        '[UNODC](https://www.unodc.org/) ![map](../assets/map.png) <img src="data:image/png;base64,AA==" alt="">\n'
        "## A heading {#a-heading}\n\nText about JavaScript: the language, and an onion.\n"
    )
    assert problems_for(tmp_path, GOOD_PAGE + "\n" + body) == []


def test_front_matter_is_text_not_refused_markup(tmp_path: Path) -> None:
    """Titles are escaped where they are shown (tests/test_front_matter_escaping.py)."""
    page = GOOD_PAGE.replace("title: A page", "title: '<b>x</b><img src=x onerror=alert(1)>'")
    assert problems_for(tmp_path, page) == []


def test_content_that_adds_behaviour_fails_the_real_build(project_copy: Path) -> None:
    """One build, faults in pages of two languages and in two data files: each is reported."""
    faq = project_copy / "docs" / "fr" / "faq.md"
    lines = faq.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[8:8] = [
        '<iframe src="https://www.youtube.com/embed/x"></iframe>\n',
        "\n",
        "Voir `<script>` et :\n",
        "\n",
        "```html\n",
        "<script>alert(1)</script>\n",
        "```\n",
        "\n",
    ]
    faq.write_text("".join(lines), encoding="utf-8")
    contact = project_copy / "docs" / "en" / "contact.md"
    contact.write_text(
        contact.read_text(encoding="utf-8") + "\n![logo](https://cdn.example/logo.png)\n\n"
        '<a href="#top" onclick="track()">Top</a>\n',
        encoding="utf-8",
    )
    contact_lines = contact.read_text(encoding="utf-8").count("\n")
    glossary = project_copy / "data" / "glossary" / "en.yml"
    text = glossary.read_text(encoding="utf-8")
    term = re.search(r"^ +expansion: ", text, re.M)
    assert term, "a glossary expansion to spoil"
    glossary_line = text.count("\n", 0, term.start()) + 1
    glossary.write_text(text[: term.end()] + "<script>alert(1)</script> " + text[term.end() :], encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    expected = [
        "docs/fr/faq.md:9 [<iframe>]: an <iframe> element embeds another document. "
        "Fix: put the file under docs/<lang>/, or link to it instead of embedding it",
        "docs/fr/faq.md:9 [<iframe src>]: src= loads 'https://www.youtube.com/embed/x' from another host",
        f"docs/en/contact.md:{contact_lines - 2} [![](…)]: "
        "image loads 'https://cdn.example/logo.png' from another host",
        f"docs/en/contact.md:{contact_lines} [<a onclick>]: inline event handler onclick= runs code. Fix: remove it",
        f"data/glossary/en.yml:{glossary_line} [<script>]: a <script> element runs code",
    ]
    missing = [line for line in expected if line not in result.output]
    assert not missing, f"not reported: {missing}\n{result.output}"
    assert "faq.md:11" not in result.output and "faq.md:14" not in result.output, "code examples are not refused"
    assert "Traceback" not in result.output
