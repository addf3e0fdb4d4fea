"""The HTML-to-Typst converter, the PDF cache and the media kit's helpers, without a build."""

from __future__ import annotations

import io
import string
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hanoi.media_kit.downloads import Member, format_size, zip_of
from hanoi.media_kit.sheets import compile_pdf, compile_sheet, fact_ids, pdf_path, sheet_slug, typst_source
from hanoi.media_kit.typst_markup import UnsupportedElement, escape, html_to_typst


def render(html: str, base_url: str = "https://example.test/vi/media/fact-sheets/x/", language: str = "vi") -> str:
    page = html_to_typst(html, base_url)
    return typst_source(
        page.body,
        title=page.title,
        language=language,
        site_name="Công ước Hà Nội",
        kicker="Tài liệu tóm tắt",
        as_of_text="26 tháng 10, 2025",
        as_of=date(2025, 10, 26),
        url=base_url,
    )


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_every_character_of_text_is_shown_as_is_never_run() -> None:
    tricky = (
        string.punctuation + " #set text(red) $x^2$ *bold* _it_ `raw` <label> @ref = heading - item + enum / "
        "// comment /* c */ https://example.test \\ ~ ... -- --- 'single' \"double\" "
        "«\u00a0fr\u00a0» 2\u202f500 ầẫậệộữự"
    )
    pdf, _ = compile_pdf(render(f"<h1>Tiêu đề</h1><p>{tricky.replace('&', '&amp;').replace('<', '&lt;')}</p>"))
    extracted = " ".join(text_of(pdf).split())
    for word in tricky.split():
        assert word.replace("\u00a0", " ").split()[0] in extracted.replace("\u00a0", " "), word


def test_headings_lists_links_and_sources() -> None:
    page = html_to_typst(
        '<h1 id="t">Tiêu đề<a class="headerlink" href="#t">¶</a></h1>'
        '<p>Xem <a href="../../kit/">bộ tài liệu</a> và <strong>chú ý</strong>.</p>'
        '<h2 id="key-facts">Số liệu</h2><ul><li>một</li><li><p>hai</p><ul><li>ba</li></ul></li></ul>'
        '<h2 id="sources">Nguồn</h2><ul><li><a href="https://un.org/a">UN</a> (tiếng Anh)</li></ul>',
        "https://example.test/vi/media/fact-sheets/x/",
    )
    assert page.title == "Tiêu đề"
    assert "¶" not in page.body
    assert '#hc-link("https://example.test/vi/media/kit/")[bộ tài liệu]' in page.body
    assert "#heading(level: 2)[Số liệu]" in page.body
    assert "#list([một], [hai\n\n#list([ba])])" in page.body
    assert '#hc-urls(("https://un.org/a", ))' in page.body


def test_key_facts_definition_list_becomes_terms() -> None:
    page = html_to_typst(
        '<h1>T</h1><dl class="hc-key-facts"><div class="hc-key-facts__item"><dt>Số chương</dt>'
        '<dd class="hc-key-facts__value"><data value="9">9</data></dd>'
        '<dd class="hc-key-facts__source"><a href="https://unodc.org">UNODC</a>, tính đến ngày 24 tháng 12, 2024</dd>'
        "</div></dl>",
        "https://example.test/",
    )
    assert page.body.startswith(
        '#hc-style("hc-key-facts")[#terms(terms.item([Số chương], [#hc-style("hc-key-facts__value")[9]'
    )


@pytest.mark.parametrize(
    "html",
    [
        '<h1>T</h1><img src="x.png" alt="x">',
        "<h1>T</h1><details><summary>s</summary></details>",
        "<h1>T</h1><p>a<script>alert(1)</script></p>",
        "<h1>T</h1><iframe></iframe>",
    ],
)
def test_unsupported_elements_are_refused_by_name(html: str) -> None:
    with pytest.raises(UnsupportedElement) as error:
        html_to_typst(html, "https://example.test/")
    assert f"<{error.value.tag}>" in str(error.value)


def test_escape_leaves_no_active_character() -> None:
    assert escape("#a *b* _c_ $d$ @e <f> [g] 1. x") == r"\#a \*b\* \_c\_ \$d\$ \@e \<f\> \[g\] 1\. x"
    assert escape("a\n  b\u00a0c") == "a b\u00a0c"


def test_the_pdf_is_tagged_ua_with_title_language_and_vietnamese_text() -> None:
    pdf, warnings = compile_pdf(render("<h1>Lễ mở ký tại Hà Nội</h1><p>ầ ẫ ậ ệ ộ ữ ự</p>"))
    reader = PdfReader(io.BytesIO(pdf))
    assert not warnings
    assert reader.metadata.title == "Lễ mở ký tại Hà Nội"
    assert reader.trailer["/Root"]["/Lang"] == "vi"
    assert "ầ ẫ ậ ệ ộ ữ ự" in text_of(pdf)


def test_compilation_is_reproducible() -> None:
    source = render("<h1>Reproducible</h1><p>một</p>")
    first, _ = compile_pdf(source)
    assert compile_pdf(source)[0] == first, "the same source gives the same bytes"
    assert compile_pdf(render("<h1>Reproducible</h1><p>hai</p>"))[0] != first


def test_a_sheet_compiled_once_is_read_from_the_cache_until_its_source_changes(tmp_path: Path) -> None:
    source = render("<h1>Cached</h1><p>một</p>")
    first = compile_sheet(source, tmp_path)
    assert first.cached is not None and first.cached.read_bytes() == first.pdf == compile_pdf(source)[0]
    first.cached.write_bytes(b"%PDF from the cache")
    assert compile_sheet(source, tmp_path).pdf == b"%PDF from the cache", "not compiled again"
    other = compile_sheet(render("<h1>Cached</h1><p>hai</p>"), tmp_path)
    assert other.cached != first.cached and other.pdf.startswith(b"%PDF-")


def test_names_and_markers() -> None:
    assert sheet_slug("vi/media/fact-sheets/hanoi-signing-ceremony.md") == "hanoi-signing-ceremony"
    assert sheet_slug("media/fact-sheets/x.md") == "x"
    assert sheet_slug("vi/media/kit.md") is None and sheet_slug("vi/media/fact-sheets/index.md") is None
    assert sheet_slug("vi/press/media/fact-sheets/x.md") is None
    assert pdf_path("x", "fr") == "media/fact-sheets/x.fr.pdf"
    assert fact_ids('<!-- fact id=a --> <!-- key-facts ids="b, a,c" --> <!-- other id=d -->') == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("size", "language", "text"),
    [
        (85_432, "en", "85 kB"),
        (85_432, "vi", "85 kB"),
        (85_432, "fr", "85\u202fko"),
        (12, "en", "1 kB"),
        (1_234_567, "en", "1.2 MB"),
        (1_234_567, "vi", "1,2 MB"),
        (1_234_567, "fr", "1,2\u202fMo"),
    ],
)
def test_sizes_in_the_readers_language(size: int, language: str, text: str) -> None:
    assert format_size(size, language) == text


def test_zip_is_deterministic() -> None:
    members = [Member("z/b.pdf", b"B" * 100), Member("a/a.ics", b"A")]
    one = zip_of(members, date(2025, 10, 26))
    assert one == zip_of(list(reversed(members)), date(2025, 10, 26))
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert archive.namelist() == ["a/a.ics", "z/b.pdf"]
        assert {i.date_time for i in archive.infolist()} == {(2025, 10, 26, 0, 0, 0)}
