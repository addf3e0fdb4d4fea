"""The media kit on the site of one language build: each fact sheet page's
PDF (made from the page's HTML by Typst, ``hanoi.media_kit.sheets``) and the
box under its title; the kit page's downloads table, put in once every
page's content is made (MkDocs renders every page's Markdown before it
writes any page), from the PDFs and programme exports in memory; the kit's
zip. The files are written at the end, as they were measured.

Marker: <!-- media-kit sheets="slug-a,slug-b" -->   the kit's downloads, in this order
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hanoi.cache import publish_cached
from hanoi.formatting import format_date
from hanoi.languages import language_prefix
from hanoi.markers.expansion import MarkerContext, MarkerError
from hanoi.media_kit.downloads import FORMATS, MEDIA_TYPES, PROGRAMME_FILES, Member, format_size, zip_of, zip_path
from hanoi.media_kit.sheets import CompileFailed, SheetError, compile_sheet, pdf_path, sheet_slug, sheet_source
from hanoi.press.site import language_names
from hanoi.problems import Problem, stop_on
from hanoi.programme.exports import export_path, language_exports, write_files

if TYPE_CHECKING:
    from hanoi.build import LanguageBuild, SiteBuild

log = logging.getLogger("mkdocs.hooks.media_kit")

KIT_PLACEHOLDER = "<!--hc-media-kit-downloads-->"
_END_OF_TITLE = re.compile(r"</h1>")


@dataclass(frozen=True)
class BuiltSheet:
    slug: str
    title: str
    page_url: str
    as_of: date
    pdf: bytes
    cached: Path | None  # the cache's copy, which the site links to


@dataclass(frozen=True)
class KitPage:
    url: str
    source: str
    sheets: tuple[str, ...]


@dataclass
class SheetsState:
    """The sheets one language build made, its kit page, and what failed."""

    built: dict[str, BuiltSheet] = field(default_factory=dict)
    kit: KitPage | None = None
    kit_zip: bytes | None = None  # made with the kit page's table, written at the end
    problems: list[Problem] = field(default_factory=list)


def with_sheet_box(html: str, page: Page, site: SiteBuild, build: LanguageBuild) -> str:
    """A fact sheet page's PDF made, and its download box put under its title."""
    slug = sheet_slug(page.file.src_uri)
    if slug is None:
        return html
    state, language = build.state(SheetsState), build.language
    where = f"docs/{page.file.src_uri}"
    try:
        sheet = sheet_source(
            html,
            markdown=page.file.content_string,
            url=page.canonical_url or page.url,
            language=language,
            site_name=build.config.site_name,
            facts=site.facts.facts,
        )
    except SheetError as error:
        state.problems.append(Problem(where, None, slug, str(error), error.fix))
        return html
    name = pdf_path(slug, language).rsplit("/", 1)[-1]
    try:
        compiled = compile_sheet(sheet.source)
    except CompileFailed as error:
        state.problems.append(
            Problem(
                where,
                None,
                slug,
                f"the PDF {name} could not be made. Typst says: {error}",
                "correct the page, or templates/typst/factsheet.typ if every sheet fails",
            )
        )
        return html
    for warning in compiled.warnings:
        log.warning(f"{where} [{slug}]: PDF {name}: Typst warns: {warning}")
    state.built[slug] = BuiltSheet(slug, sheet.title, page.url, sheet.as_of, compiled.pdf, compiled.cached)
    box = build.render(
        "partials/media-kit/fact-sheet-download.html",
        {
            "pdf_href": get_relative_url(pdf_path(slug, language), page.url),
            "kit_href": get_relative_url(f"{language_prefix(language)}media/kit/", page.url),
            "size": format_size(len(compiled.pdf), language),
            "as_of": sheet.as_of,
            "as_of_text": format_date(sheet.as_of, language),
        },
    )
    return _END_OF_TITLE.sub(lambda m: m.group(0) + box, html, count=1)


def stop_on_sheet_problems(build: LanguageBuild) -> None:
    """Once every page has rendered: a sheet that could not be made stops the
    build, naming its file and quoting the engine, without a traceback."""
    stop_on(build.state(SheetsState).problems, "the PDF fact sheets")


def render_media_kit(args: dict[str, str], context: MarkerContext) -> str:
    sheets = tuple(s.strip() for s in args["sheets"].split(",") if s.strip())
    files: Files = context.files
    existing = {slug for f in files.documentation_pages() if (slug := sheet_slug(f.src_uri)) is not None}
    missing = [s for s in sheets if s not in existing]
    if missing:
        raise MarkerError(
            f"no fact sheet page for {', '.join(missing)}",
            f"list only the pages in docs/{context.language}/media/fact-sheets/: "
            f"{', '.join(sorted(existing)) or 'none yet'}",
        )
    unlisted = sorted(existing - set(sheets))
    if unlisted:
        raise MarkerError(
            f"fact sheet {', '.join(unlisted)} is not listed", 'add it to sheets="..." so that journalists can find it'
        )
    context.build.state(SheetsState).kit = KitPage(context.page.url, context.page_src, sheets)
    return KIT_PLACEHOLDER


def _row(
    kit: KitPage, path: str, content: bytes, language: str, names: Mapping[str, str], **extra: Any
) -> dict[str, Any]:
    """One download: ``path`` from the site root."""
    file = PurePosixPath(path)
    return {
        "href": get_relative_url(path, kit.url),
        "file_name": file.name,
        "language": language,
        "language_name": names.get(language, language),
        "format": FORMATS[file.suffix],
        "media_type": MEDIA_TYPES[file.suffix],
        "size": format_size(len(content), language),
        "size_bytes": len(content),
        **extra,
    }


def _unbuilt_problems(kit: KitPage, state: SheetsState) -> list[Problem]:
    unbuilt = [slug for slug in kit.sheets if slug not in state.built]
    if not unbuilt:
        return []
    return [
        Problem(
            kit.source,
            None,
            "media-kit",
            f"fact sheet {', '.join(unbuilt)} was not published",
            'publish the sheet\'s page, or remove it from sheets="..."',
        )
    ]


def with_kit_downloads(html: str, page: Page, site: SiteBuild, build: LanguageBuild) -> str:
    """The kit page with its downloads table and the kit's zip made: the fact
    sheets' PDFs and the programme's exports, as the build will write them."""
    state, language = build.state(SheetsState), build.language
    kit = state.kit
    if kit is None or page.url != kit.url:
        return html
    stop_on(_unbuilt_problems(kit, state), "the media kit")
    names = language_names(build.config)
    sheets = [state.built[slug] for slug in kit.sheets]
    rows = [
        _row(
            kit,
            pdf_path(sheet.slug, language),
            sheet.pdf,
            language,
            names,
            kind="fact-sheet",
            title=sheet.title,
            page_href=get_relative_url(sheet.page_url, kit.url),
            date=sheet.as_of,
            date_text=format_date(sheet.as_of, language),
        )
        for sheet in sheets
    ]
    exports = language_exports(site, build)
    # By their paths: an event's own calendar (events/<id>.ics) may share a file name.
    programme = {
        name: (path, exports[path]) for name in PROGRAMME_FILES if (path := export_path(language, name)) in exports
    }
    checked = site.programme.as_of
    rows += [
        _row(
            kit,
            path,
            content,
            language,
            names,
            kind=name,
            title="",
            page_href="",
            date=checked,
            date_text=format_date(checked, language),
        )
        for name, (path, content) in programme.items()
    ]
    stamp = max([sheet.as_of for sheet in sheets] + ([checked] if programme else []), default=checked)
    members = [Member(f"fact-sheets/{PurePosixPath(pdf_path(s.slug, language)).name}", s.pdf) for s in sheets]
    members += [Member(f"programme/{name}", content) for name, (_, content) in programme.items()]
    state.kit_zip = zip_of(members, stamp)
    table = build.render(
        "partials/media-kit/downloads.html",
        {"rows": rows, "zip": _row(kit, zip_path(language), state.kit_zip, language, names, count=len(members))},
    )
    if KIT_PLACEHOLDER not in html:
        stop_on(
            [
                Problem(
                    kit.source,
                    None,
                    "media-kit",
                    "the downloads table could not be placed in the page",
                    "keep <!-- media-kit ... --> on a line of its own",
                )
            ],
            "the media kit",
        )
    return html.replace(KIT_PLACEHOLDER, table, 1)


def write_sheets_and_kit(build: LanguageBuild) -> None:
    """The PDFs (linked from the cache) and the kit's zip, as the kit page measured them."""
    state, language = build.state(SheetsState), build.language
    site_dir = Path(build.config.site_dir)
    files = {pdf_path(sheet.slug, language): sheet.pdf for sheet in state.built.values() if sheet.cached is None}
    if state.kit_zip is not None:
        files[zip_path(language)] = state.kit_zip
    write_files(site_dir, files)
    for sheet in state.built.values():
        if sheet.cached is not None:
            publish_cached(sheet.cached, site_dir / pdf_path(sheet.slug, language), sheet.pdf)
