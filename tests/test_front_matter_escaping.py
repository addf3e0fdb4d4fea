"""Everything from front matter is text wherever it lands: <title>, meta
tags, Material's header, navigation, headings, the press archive, search
results, Atom feeds, the PDF fact sheets and the share cards. A copy of the project whose
titles, descriptions and summaries hold markup is built for real, and the
markup must show as text everywhere, never become elements or attributes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from hanoi.media_kit.cards import Card, site_path, template_text
from sitetools import BuildResult, copy_project, html_pages, run_build, soup

MARKUP = "<b>x</b><img src=x onerror=alert(1)>"
QUOTES = '"quotes" & ampersands'
PAYLOAD = f"{MARKUP} {QUOTES}"
FAQ = "docs/en/faq.md"
RELEASE = "docs/en/press/2025-10-26-closing-press-conference.md"
SHEET = "docs/en/media/fact-sheets/hanoi-convention-at-a-glance.md"
ATOM = "{http://www.w3.org/2005/Atom}"


def yaml_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def set_fields(path: Path, fields: dict[str, str], *, heading: str | None = None) -> None:
    """The page with the payload in ``fields`` of its front matter, and its
    '# heading' replaced by ``heading`` (Markdown; "" takes it out, and then
    Material shows, and search indexes, the front-matter title instead)."""
    text = path.read_text(encoding="utf-8")
    for field, value in fields.items():
        line = f"{field}: {yaml_text(value)}"
        text, count = re.subn(rf"^{field}: .*$", lambda _, line=line: line, text, count=1, flags=re.M)
        assert count == 1, f"{path}: no {field}"
    if heading is not None:
        text, count = re.subn(r"^# .*\n", lambda _: heading, text, count=1, flags=re.M)
        assert count == 1, f"{path}: no heading"
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    set_fields(project / FAQ, {"title": f"FAQ {PAYLOAD}", "description": f"About {PAYLOAD} and more words"}, heading="")
    set_fields(
        project / RELEASE,
        {
            "title": f"Release {PAYLOAD}",
            "description": f"Said {PAYLOAD} at the end",
            "summary": f"Summary {PAYLOAD} of the closing press conference.",
        },
    )
    # A PDF's title is the sheet's heading: there, the same text written as
    # text in Markdown (entities) must reach Typst as text.
    as_text = PAYLOAD.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    set_fields(
        project / SHEET,
        {"title": f"Sheet {PAYLOAD}", "description": f"Sheet {PAYLOAD} described here"},
        heading=f"# Sheet {as_text} {{#at-a-glance}}\n",
    )
    # The FAQ's navigation entry takes its title from the page's front matter.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    - FAQ: faq.md\n", "    - faq.md\n"), encoding="utf-8"
    )
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output
    return result


def test_no_markup_from_front_matter_becomes_live_in_any_page(marked_up: BuildResult) -> None:
    pages = html_pages(marked_up.site_dir)
    assert len(pages) > 60
    for page in pages:
        document = soup(page)
        assert not document.select("img[src=x]"), f"{page}: an <img> from a title"
        assert not document.find_all(lambda tag: tag.has_attr("onerror")), f"{page}: an onerror= from a title"
        assert not [b for b in document.find_all("b") if b.get_text() == "x"], f"{page}: a <b> from a title"


def test_front_matter_shows_as_text_where_it_lands(marked_up: BuildResult) -> None:
    site = marked_up.site_dir
    faq = soup(site / "faq" / "index.html")
    assert faq.title.get_text() == f"FAQ {PAYLOAD} - Hanoi Convention"
    assert faq.find("meta", attrs={"name": "description"})["content"] == f"About {PAYLOAD} and more words"
    assert faq.find("meta", property="og:title")["content"] == f"FAQ {PAYLOAD}"
    assert faq.find("meta", property="og:description")["content"] == f"About {PAYLOAD} and more words"
    assert faq.find("meta", property="og:image:alt")["content"] == f"Hanoi Convention: FAQ {PAYLOAD}"
    assert faq.find("meta", attrs={"name": "twitter:image:alt"})["content"] == f"Hanoi Convention: FAQ {PAYLOAD}"
    topic = faq.select('[data-md-component="header-topic"] .md-ellipsis')[0]
    assert topic.get_text(strip=True) == f"FAQ {PAYLOAD}" and not topic.find_all(True)
    assert faq.select_one("article h1").get_text(strip=True) == f"FAQ {PAYLOAD}"
    # Navigation, on the FAQ and on another page.
    home = soup(site / "index.html")
    for document in (faq, home):
        links = [a for a in document.select("nav.md-nav a.md-nav__link") if "FAQ" in a.get_text()]
        assert links and all(a.get_text(" ", strip=True) == f"FAQ {PAYLOAD}" for a in links)
    release = soup(site / "press" / "2025-10-26-closing-press-conference" / "index.html")
    assert release.title.get_text().startswith(f"Release {PAYLOAD}")
    archive = soup(site / "press" / "index.html")
    assert f"Release {PAYLOAD}" in archive.get_text() and f"Summary {PAYLOAD}" in archive.get_text()


def test_search_results_show_front_matter_titles_as_text(marked_up: BuildResult) -> None:
    """Material's results insert index titles as HTML: a title is escaped there."""
    index = json.loads((marked_up.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    faq = next(doc for doc in index["docs"] if doc["location"] == "faq/")
    shown = BeautifulSoup(faq["title"], "html.parser")
    assert not shown.find_all(True) and shown.get_text() == f"FAQ {PAYLOAD}"


def test_atom_feed_entries_are_text(marked_up: BuildResult) -> None:
    feed = ElementTree.parse(marked_up.site_dir / "feed.xml").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry") if "closing-press-conference" in e.findtext(f"{ATOM}id"))
    for name, expected in (
        ("title", f"Release {PAYLOAD}"),
        ("summary", f"Summary {PAYLOAD} of the closing press conference."),
    ):
        element = entry.find(f"{ATOM}{name}")
        assert element.get("type", "text") == "text" and element.text == expected


def test_fact_sheet_pdf_shows_its_title_as_text(marked_up: BuildResult) -> None:
    pdf = PdfReader(marked_up.site_dir / "media" / "fact-sheets" / "hanoi-convention-at-a-glance.en.pdf")
    assert pdf.metadata.title == f"Sheet {PAYLOAD}"
    assert f"Sheet {PAYLOAD}" in " ".join(pdf.pages[0].extract_text().split())
    kit = soup(marked_up.site_dir / "media" / "kit" / "index.html")
    assert f"Sheet {PAYLOAD}" in kit.get_text()


def test_share_card_is_drawn_from_the_title_as_text(marked_up: BuildResult) -> None:
    """The card's name is a hash of the exact text it shows (hanoi.media_kit.cards),
    which Typst is given as a string, never as markup."""
    card = site_path(Card("Hanoi Convention", f"FAQ {PAYLOAD}", "en").key(template_text()))
    faq = soup(marked_up.site_dir / "faq" / "index.html")
    assert faq.find("meta", property="og:image")["content"].endswith("/" + card)
    assert (marked_up.site_dir / card).is_file()
