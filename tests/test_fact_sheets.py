"""PDF fact sheets in three languages and the media kit, checked on the real build."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from babel.units import format_unit
from pypdf import PdfReader

from hanoi.languages import language_prefix
from hanoi.media_kit.sheets import fact_ids
from sitetools import LANGUAGES, PROJECT, pdf_text, plain, run_build, site_facts, soup

SHEETS_DIR = "media/fact-sheets"
MAX_PAGES = 2
A4_POINTS = (595.28, 841.89)
BABEL_LOCALES = {"en": "en_GB", "vi": "vi_VN", "fr": "fr_FR"}
NATIVE_NAMES = {"en": "English", "vi": "Tiếng Việt", "fr": "Français"}
STACKED = set("ầẫậệộữự")


def sheet_slugs() -> list[str]:
    slugs = sorted(p.stem for p in (PROJECT / "docs" / "en" / SHEETS_DIR).glob("*.md"))
    for language in LANGUAGES:
        assert sorted(p.stem for p in (PROJECT / "docs" / language / SHEETS_DIR).glob("*.md")) == slugs, language
    return slugs


SLUGS = sheet_slugs()
CASES = [(slug, language) for slug in SLUGS for language in LANGUAGES]


def pdf_file(site: Path, slug: str, language: str) -> Path:
    return site / SHEETS_DIR / f"{slug}.{language}.pdf"


def html_title(site: Path, slug: str, language: str) -> str:
    h1 = soup(site / f"{language_prefix(language)}{SHEETS_DIR}/{slug}/index.html").select_one("article h1")
    for permalink in h1.select("a.headerlink"):
        permalink.decompose()
    return " ".join(h1.get_text().split())


def structure_types(reader: PdfReader) -> set[str]:
    """The tag types of a PDF's structure tree."""
    found: set[str] = set()
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, dict):
            if "/S" in node:
                found.add(str(node["/S"]))
            kids = node.get("/K")
            stack += kids if isinstance(kids, list) else [kids] if kids is not None else []
    return found


def test_there_are_at_least_three_sheets_in_three_languages(site: Path) -> None:
    assert len(SLUGS) >= 3
    built = sorted(p.name for p in (site / SHEETS_DIR).glob("*.pdf"))
    assert built == sorted(f"{slug}.{language}.pdf" for slug, language in CASES)
    assert len(built) >= 9


def test_pdfs_have_stable_names_at_the_site_root_only(site: Path) -> None:
    for language in LANGUAGES:
        if language_prefix(language):
            assert not list((site / language).rglob("*.pdf")), f"PDFs under /{language}/: use /{SHEETS_DIR}/"
    for path in (site / SHEETS_DIR).glob("*.pdf"):
        assert re.fullmatch(r"[a-z0-9-]+\.(en|vi|fr)\.pdf", path.name), path.name
        assert not re.search(r"[0-9a-f]{8}", path.name), f"{path.name}: no content hash in the name"


@pytest.mark.parametrize(("slug", "language"), CASES)
def test_pdf_is_tagged_a4_with_title_and_language(site: Path, slug: str, language: str) -> None:
    reader = PdfReader(pdf_file(site, slug, language))
    root = reader.trailer["/Root"]
    title = html_title(site, slug, language)
    assert unicodedata.normalize("NFC", reader.metadata.title) == unicodedata.normalize("NFC", title)
    assert root["/Lang"] == language
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, "not a tagged PDF"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp, "not declared PDF/UA-1"
    assert f"<rdf:li>{language}</rdf:li>" in xmp
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Link"} <= structure_types(reader), "headings, lists, links are tagged"
    assert reader.outline, "headings give the PDF bookmarks"
    assert 1 <= len(reader.pages) <= MAX_PAGES
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (
            round(A4_POINTS[0], 1),
            round(A4_POINTS[1], 1),
        )


@pytest.mark.parametrize(("slug", "language"), CASES)
def test_pdf_text_is_real_and_has_the_title_date_sources_and_page_numbers(site: Path, slug: str, language: str) -> None:
    text = pdf_text(pdf_file(site, slug, language))
    title = plain(html_title(site, slug, language))
    assert title in text, f"title {title!r} not found (diacritics lost?) in the extracted text"
    as_of = soup(site / f"{language_prefix(language)}{SHEETS_DIR}/{slug}/index.html").select_one(
        ".hc-fact-sheet-download p"
    )
    assert plain(as_of.get_text()) in text, "the 'as of' line of the page is not in the PDF"
    sources = {"en": "Sources", "vi": "Nguồn", "fr": "Sources"}[language]
    assert sources in text and "https://" in text
    pages = len(PdfReader(pdf_file(site, slug, language)).pages)
    assert f"1 / {pages}" in text


def test_vietnamese_stacked_diacritics_survive_in_the_pdf_text(site: Path) -> None:
    found = set()
    for slug in SLUGS:
        text = pdf_text(pdf_file(site, slug, "vi"))
        found |= STACKED & set(text)
        assert "ư" in text and "ơ" in text and "đ" in text
    assert found == STACKED, f"stacked diacritics missing from the extracted text: {STACKED - found}"


@pytest.mark.parametrize(("slug", "language"), CASES)
def test_key_figures_in_the_pdf_equal_the_data(site: Path, slug: str, language: str) -> None:
    facts = site_facts()
    source = (PROJECT / "docs" / language / SHEETS_DIR / f"{slug}.md").read_text(encoding="utf-8")
    ids = fact_ids(source)
    assert ids, "a fact sheet shows its figures through fact markers"
    text = pdf_text(pdf_file(site, slug, language))
    page = soup(site / f"{language_prefix(language)}{SHEETS_DIR}/{slug}/index.html")
    for fact_id in ids:
        fact = facts.facts[fact_id]
        assert plain(fact.text(language)) in text, f"{fact_id}: {fact.text(language)!r} not in the PDF"
        if fact.kind == "text":
            shown = [s.get_text() for s in page.select("article span.hc-fact")]
            assert fact.text(language) in shown, f"{fact_id}: the web page does not show the data's value either"
        else:
            machine = page.select(
                f'article data[value="{fact.machine_value()}"], article time[datetime="{fact.machine_value()}"]'
            )
            assert machine, f"{fact_id}: the web page does not show the data's value either"


@pytest.mark.parametrize(("slug", "language"), CASES)
def test_pdf_fonts_are_embedded(site: Path, slug: str, language: str) -> None:
    for page in PdfReader(pdf_file(site, slug, language)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
                "/FontDescriptor"
            ]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


@pytest.mark.parametrize(("slug", "language"), CASES)
def test_web_page_links_to_its_pdf_with_its_size(site: Path, slug: str, language: str) -> None:
    page_dir = site / f"{language_prefix(language)}{SHEETS_DIR}/{slug}"
    link = soup(page_dir / "index.html").select_one(".hc-fact-sheet-download a[type='application/pdf']")
    assert (page_dir / link["href"]).resolve() == pdf_file(site, slug, language).resolve()
    assert expected_size(pdf_file(site, slug, language).stat().st_size, language) in link.get_text()


def expected_size(size: int, language: str) -> str:
    """Decimal kB (MB from 1,000 kB), in the language's CLDR units, computed here independently."""
    locale = BABEL_LOCALES[language]
    if size >= 1_000_000:
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", "short", locale=locale, format="#,##0.0")
    return format_unit(max(1, round(size / 1000)), "digital-kilobyte", "short", locale=locale)


def kit_page(site: Path, language: str) -> Path:
    return site / f"{language_prefix(language)}media/kit/index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_kit_page_lists_every_file_with_language_format_size_and_date(site: Path, language: str) -> None:
    page = kit_page(site, language)
    rows = soup(page).select("table.hc-media-kit tbody tr")
    listed = {}
    for row in rows:
        link = row.select_one("th a")
        target = (page.parent / link["href"]).resolve()
        assert target.is_file(), link["href"]
        language_cell, format_cell, size_cell, date_cell = row.select("td")
        assert language_cell.get_text(strip=True) == NATIVE_NAMES[language] and language_cell["lang"] == language
        assert format_cell.get_text(strip=True) == {".pdf": "PDF", ".ics": "iCalendar", ".json": "JSON"}[target.suffix]
        size = target.stat().st_size
        assert size_cell.get_text(strip=True) == expected_size(size, language)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_cell.select_one("time")["datetime"])
        listed[target.name] = row
    assert set(listed) >= {f"{slug}.{language}.pdf" for slug in SLUGS}
    for slug in SLUGS:
        row = listed[f"{slug}.{language}.pdf"]
        assert row.select_one("th a").get_text(strip=True) == html_title(site, slug, language)
        web = row.select_one("a.hc-media-kit__page")
        assert (page.parent / web["href"] / "index.html").resolve() == (
            site / f"{language_prefix(language)}{SHEETS_DIR}/{slug}/index.html"
        ).resolve()
    if language == "fr":
        assert all("ko" in r.select("td")[2].get_text() or "Mo" in r.select("td")[2].get_text() for r in rows)
        assert "\u202f" in rows[0].select("td")[2].get_text(), "French puts a narrow no-break space before the unit"


def programme_exports(site: Path, language: str) -> dict[str, Path]:
    root = site / language_prefix(language)
    others = {other for other in LANGUAGES if language_prefix(other) and other != language}
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        if (
            path.name in ("programme.ics", "programme.json", "schedule.json")
            and path.relative_to(root).parts[0] not in others
        ):
            found.setdefault(path.name, path)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_kit_lists_the_programme_exports_when_they_exist(site: Path, language: str) -> None:
    listed = {
        (kit_page(site, language).parent / a["href"]).resolve()
        for a in soup(kit_page(site, language)).select("table.hc-media-kit tbody th a[type]")
    }
    for path in programme_exports(site, language).values():
        assert path.resolve() in listed, f"{path.relative_to(site)} is not listed on the media kit page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_deterministic_zip_of_the_kit_per_language(site: Path, language: str) -> None:
    archive = site / "media" / f"hanoi-convention-media-kit.{language}.zip"
    expected = {f"fact-sheets/{slug}.{language}.pdf": pdf_file(site, slug, language) for slug in SLUGS}
    expected |= {f"programme/{name}": path for name, path in programme_exports(site, language).items()}
    with zipfile.ZipFile(archive) as kit:
        names = kit.namelist()
        assert names == sorted(expected), names
        for info in kit.infolist():
            assert kit.read(info) == expected[info.filename].read_bytes()
        assert len({info.date_time for info in kit.infolist()}) == 1, "one fixed timestamp"
    link = soup(kit_page(site, language)).select_one(".hc-media-kit__zip a")
    assert (kit_page(site, language).parent / link["href"]).resolve() == archive.resolve()
    assert expected_size(archive.stat().st_size, language) in link.parent.get_text()


def test_a_fact_sheet_too_long_for_two_pages_fails_the_build_with_its_name(project_copy: Path) -> None:
    sheet = project_copy / "docs" / "vi" / SHEETS_DIR / "hanoi-signing-ceremony.md"
    filler = "\n\n".join(
        ["Đoạn văn thêm vào để tài liệu dài hơn giới hạn hai trang A4 của một tài liệu tóm tắt. " * 6] * 30
    )
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n\n" + filler + "\n", encoding="utf-8")
    result = run_build(project_copy, project_copy / "site", BUILD_ONLY_LOCALE="vi")
    assert result.returncode != 0
    assert "docs/vi/media/fact-sheets/hanoi-signing-ceremony.md" in result.output
    assert "hanoi-signing-ceremony.vi.pdf" in result.output
    assert "at most 2" in result.output, "the engine's message is quoted"
    assert "Traceback" not in result.output


def test_a_layout_error_fails_the_build_with_the_engine_message(project_copy: Path) -> None:
    layout = project_copy / "templates" / "typst" / "factsheet.typ"
    layout.write_text(layout.read_text(encoding="utf-8") + "\n#no-such-function()\n", encoding="utf-8")
    result = run_build(project_copy, project_copy / "site", BUILD_ONLY_LOCALE="en")
    assert result.returncode != 0
    assert "hanoi-convention-at-a-glance.en.pdf could not be made" in result.output
    assert "unknown variable: no-such-function" in result.output
    assert "Traceback" not in result.output
