"""PDF fact sheets: one Typst document per sheet page and language.

A fact sheet is a page ``docs/<lang>/media/fact-sheets/<slug>.md``. Its HTML
(the primary, accessible version) is converted to Typst by
:mod:`hanoi.media_kit.typst_markup`, put under the layout ``templates/typst/factsheet.typ``
and compiled by the ``typst`` Python package (pip-only, no system library):
A4, tagged PDF/UA-1, title and language in the metadata, fonts embedded from
the wheel (system fonts are ignored, so every machine makes the same PDF).

Stable addresses for other sites to link to: ``/media/fact-sheets/<slug>.<lang>.pdf``
for every language, at the site root; no content hash in the name.

A PDF depends only on its Typst document and on Typst: one made without a
warning is kept in ``.cache/fact-sheets/`` under the hash of both
(``hanoi.cache``), and an unchanged sheet is not compiled again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Literal

import typst

from hanoi.cache import CACHE_DIR, cache_key, read_cached, store
from hanoi.catalogues import translate
from hanoi.datafiles import PROJECT_DIR
from hanoi.formatting import colon, format_date
from hanoi.markers.expansion import MARKER, parse_arguments
from hanoi.media_kit.typst_engine import TYPST_VERSION, engine, message
from hanoi.media_kit.typst_markup import UnsupportedElement, html_to_typst
from hanoi.problems import Refused
from hanoi.status.facts import Fact

SHEETS_FOLDER = "media/fact-sheets"
TEMPLATE = PROJECT_DIR / "templates" / "typst" / "factsheet.typ"
PDF_STANDARDS: tuple[Literal["ua-1"], ...] = ("ua-1",)
MAX_PAGES = 2
CACHE_FOLDER = CACHE_DIR / "fact-sheets"


def sheet_slug(src_uri: str) -> str | None:
    """'vi/media/fact-sheets/x.md' (or 'media/fact-sheets/x.md') -> 'x'; None for other pages."""
    if f"{SHEETS_FOLDER}/" not in src_uri:  # nearly every page: no path parsing
        return None
    path = PurePosixPath(src_uri)
    folder = path.parent.as_posix()
    if path.suffix != ".md" or path.stem == "index":
        return None
    if folder == SHEETS_FOLDER or (
        folder.endswith("/" + SHEETS_FOLDER) and folder.count("/") == SHEETS_FOLDER.count("/") + 1
    ):
        return path.stem
    return None


def pdf_path(slug: str, language: str) -> str:
    """Where a sheet's PDF is published, from the site root: the same for every language build."""
    return f"{SHEETS_FOLDER}/{slug}.{language}.pdf"


def fact_ids(markdown: str) -> list[str]:
    """The key facts a page shows through the ``fact`` and ``key-facts`` markers."""
    ids: list[str] = []
    for match in MARKER.finditer(markdown):
        args = parse_arguments(match["args"])
        if match["name"] == "fact" and "id" in args:
            ids.append(args["id"])
        elif match["name"] == "key-facts" and "ids" in args:
            ids += [i.strip() for i in args["ids"].split(",") if i.strip()]
    return list(dict.fromkeys(ids))


def typst_string(text: str) -> str:
    text = "".join(ch for ch in text if ch >= " ")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def template_text() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def typst_source(
    body: str,
    *,
    title: str,
    language: str,
    site_name: str,
    kicker: str,
    as_of_text: str,
    as_of: date,
    url: str,
    template: str | None = None,
    max_pages: int = MAX_PAGES,
) -> str:
    """The complete Typst document of one sheet: layout, settings, body."""
    settings = ", ".join(
        [
            f"title: {typst_string(title)}",
            f"lang: {typst_string(language)}",
            f"colon: {typst_string(colon(language))}",
            f"site-name: {typst_string(site_name)}",
            f"kicker: {typst_string(kicker)}",
            f"as-of: {typst_string(as_of_text)}",
            f"date: datetime(year: {as_of.year}, month: {as_of.month}, day: {as_of.day})",
            f"url: {typst_string(url)}",
            f"max-pages: {int(max_pages)}",
        ]
    )
    layout = template if template is not None else template_text()
    return f"{layout}\n#show: factsheet.with({settings})\n\n{body}\n"


class SheetError(Refused):
    """A sheet page that cannot become a PDF; the message, then how to fix it."""


@dataclass(frozen=True)
class SheetSource:
    title: str
    as_of: date
    source: str


def sheet_source(
    html: str, *, markdown: str, url: str, language: str, site_name: str, facts: Mapping[str, Fact]
) -> SheetSource:
    """The Typst document of a sheet page, from its rendered HTML.

    Its date stamp is the latest "as of" date of the key facts the page
    shows (``markdown`` is the page's source, where the markers name them).
    """
    used = [facts[i] for i in fact_ids(markdown) if i in facts]
    if not used:
        raise SheetError(
            "the fact sheet shows no key fact, so it has no date for its 'as of' line",
            'show its figures with <!-- fact id=... --> or <!-- key-facts ids="..." -->',
        )
    as_of = max(fact.as_of for fact in used)
    try:
        converted = html_to_typst(html, url)
    except UnsupportedElement as error:
        raise SheetError(
            str(error),
            "fact sheets use headings, paragraphs, lists, simple tables, links and "
            f"markers; remove the <{error.tag}> or rewrite it with those",
        ) from None
    if not converted.title:
        raise SheetError("the fact sheet has no title", "start the page with a '# Title' line")
    source = typst_source(
        converted.body,
        title=converted.title,
        language=language,
        site_name=site_name,
        kicker=translate(language, "Fact sheet"),
        as_of_text=translate(language, "Information as of %(date)s") % {"date": format_date(as_of, language)},
        as_of=as_of,
        url=url,
    )
    return SheetSource(converted.title, as_of, source)


class CompileFailed(Exception):
    """Typst could not make the PDF; the message is the engine's."""


@dataclass(frozen=True)
class Compiled:
    pdf: bytes
    warnings: tuple[str, ...]
    cached: Path | None = None  # the cache's copy, which the site links to


def compile_pdf(source: str) -> tuple[bytes, tuple[str, ...]]:
    """Compile a Typst document to a tagged PDF/UA-1; CompileFailed with the engine's message."""
    try:
        pdf, warnings = engine().compile_with_warnings(
            input=source.encode("utf-8"), format="pdf", pdf_standards=list(PDF_STANDARDS)
        )
    except typst.TypstError as error:
        raise CompileFailed(message(error)) from None
    return bytes(pdf), tuple(message(w) for w in warnings)  # type: ignore[arg-type]


def compile_sheet(source: str, cache_folder: Path = CACHE_FOLDER) -> Compiled:
    """The sheet's PDF and Typst's warnings: from the cache, or compiled and
    kept there when Typst had nothing to say (a warning fails the build)."""
    path = cache_folder / f"{cache_key(source, TYPST_VERSION, *PDF_STANDARDS)}.pdf"
    cached = read_cached(path)
    if cached is not None:
        return Compiled(cached, (), path)
    pdf, warnings = compile_pdf(source)
    if warnings:
        return Compiled(pdf, warnings)
    store(path, pdf)
    return Compiled(pdf, (), path)
