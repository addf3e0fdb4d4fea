"""Front matter of every page is validated before anything renders: each
problem names the file, the line and the fix (issue 4 §3, issue 7 §3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hanoi.front_matter import scan_pages
from mkdocs.utils.meta import get_data

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


@pytest.mark.parametrize("text,expected", [
    ("# No front matter\n", "vi/page.md:1: the page has no front matter. Fix: start the file with a block"),
    ("---\ntitle: A page\n---\n", "vi/page.md:2: missing field 'description'. Fix: add `description:` (one sentence"),
    ("---\ntitle: A page\ndescription: A description long enough to pass.\nauthor: Me\n---\n",
     "vi/page.md:4 [author]: unknown field 'author'. Fix: remove it or correct its spelling; the fields allowed here are: description, draft, hide, publish_at, search, source_hash, title"),
    ("---\ntitle: [a, list]\ndescription: A description long enough to pass.\n---\n",
     "vi/page.md:2 [title]: expected string, found a list"),
    ("---\ntitle: A page\ndescription: too short\n---\n", "vi/page.md:3 [description]: 'too short' is too short"),
    ("---\ntitle: A page\n  description: bad indent\n---\n", "vi/page.md:3: YAML syntax: mapping values are not allowed here"),
    ("---\ntitle: A\ntitle: B\ndescription: A description long enough to pass.\n---\n",
     "vi/page.md:3: YAML syntax: the field 'title' appears twice (first on line 2). Fix: keep the first one"),
])
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


@pytest.mark.parametrize("date,zone,expected", [
    ("2025-10-26", "Asia/Ho_Chi_Minh", None),
    ("2025-10-26T15:00+07:00", "Asia/Ho_Chi_Minh", None),
    ("26/10/2025", "Asia/Ho_Chi_Minh", 'vi/press/a-release.md:4 [date]: \'26/10/2025\' is not in the expected form. Fix: write "2025-10-26"'),
    ("2025-10-26T15:00", "Asia/Ho_Chi_Minh", "[date]: '2025-10-26T15:00' is not in the expected form"),
    ("2025-10-26", "Hanoi", "[timezone]: 'Hanoi' is not in the expected form. Fix: write an IANA zone"),
])
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


@pytest.mark.parametrize("body,expected", [
    ('<img src="../assets/photo.jpg" alt="x">', "vi/page.md:8 [<img src>]: raw HTML image to '../assets/photo.jpg' breaks "
                                               "under /vi/ and /fr/. Fix: write a Markdown image instead"),
    ('<a href="/press/">Press</a>', "vi/page.md:8 [<a href>]: raw HTML link to '/press/' breaks under /vi/ and /fr/. "
                                   "Fix: write a Markdown link instead"),
])
def test_raw_html_links_and_images_are_refused(tmp_path: Path, body: str, expected: str) -> None:
    found = problems_for(tmp_path, GOOD_PAGE + "\n" + body + "\n")
    assert any(expected in p for p in found), found


def test_absolute_links_anchors_and_code_examples_are_allowed(tmp_path: Path) -> None:
    body = ('<a href="https://treaties.un.org/">UNTC</a> <a href="#key-facts">facts</a> '
            '<a href="webcal://127.0.0.1/programme.ics">calendar</a>\n\n```html\n<img src="../x.png">\n```\n')
    assert problems_for(tmp_path, GOOD_PAGE + "\n" + body) == []


def test_mkdocs_is_handed_the_body_and_front_matter_it_would_read_itself() -> None:
    """hooks/front_matter.py gives MkDocs each page's body and the scan's
    front matter instead of letting it read and parse the file again."""
    pages, _ = scan_pages()
    assert len(pages) > 60
    for page in pages:
        assert get_data(page.text_for_mkdocs()) == (get_data(page.path.read_text(encoding="utf-8"))[0], {}), page.path
        assert page.meta == get_data(page.path.read_text(encoding="utf-8"))[1], page.path


def test_a_body_that_looks_like_metadata_stays_in_the_page(tmp_path: Path) -> None:
    pages, _ = scan_pages(docs_with(tmp_path, GOOD_PAGE.replace("\n\n# A page {#a-page}\n", "\nNote: text, not metadata.\n")))
    page = next(p for p in pages if p.language == "vi")
    assert get_data(page.text_for_mkdocs()) == ("Note: text, not metadata.\n", {})
