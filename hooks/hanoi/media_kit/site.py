"""The media kit on the site of one language build: each fact sheet page's
PDF (made from the page's HTML by Typst, ``hanoi.media_kit.sheets``) and the
box under its title; the kit page's downloads table, written once every file
exists so that its sizes are measured on disk; the kit's zip.

Marker: <!-- media-kit sheets="slug-a,slug-b" -->   the kit's downloads, in this order
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hanoi.formatting import format_date
from hanoi.languages import language_prefix
from hanoi.markers.expansion import MarkerContext, MarkerError
from hanoi.media_kit.downloads import (
    FORMATS,
    MEDIA_TYPES,
    Member,
    format_size,
    programme_as_of,
    programme_files,
    write_zip,
    zip_path,
)
from hanoi.media_kit.sheets import CompileFailed, SheetError, compile_sheet, pdf_path, sheet_slug, sheet_source
from hanoi.press.site import language_names
from hanoi.problems import Problem, stop_on

if TYPE_CHECKING:
    from hanoi.build import LanguageBuild, SiteBuild

log = logging.getLogger("mkdocs.hooks.fact_sheets")

KIT_PLACEHOLDER = "<!--hc-media-kit-downloads-->"
_END_OF_TITLE = re.compile(r"</h1>")


@dataclass(frozen=True)
class BuiltSheet:
    slug: str
    title: str
    page_url: str
    as_of: date
    pdf: bytes


@dataclass(frozen=True)
class KitPage:
    dest: Path
    url: str
    source: str
    sheets: tuple[str, ...]


@dataclass
class SheetsState:
    """The sheets one language build made, its kit page, and what failed."""

    built: dict[str, BuiltSheet] = field(default_factory=dict)
    kit: KitPage | None = None
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
    state.built[slug] = BuiltSheet(slug, sheet.title, page.url, sheet.as_of, compiled.pdf)
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
    context.build.state(SheetsState).kit = KitPage(
        Path(context.page.file.abs_dest_path), context.page.url, context.page_src, sheets
    )
    return KIT_PLACEHOLDER


def _row(
    site_dir: Path, kit: KitPage, path: Path, language: str, names: Mapping[str, str], **extra: Any
) -> dict[str, Any]:
    relative = path.relative_to(site_dir).as_posix()
    size = path.stat().st_size
    return {
        "href": get_relative_url(relative, kit.url),
        "file_name": path.name,
        "language": language,
        "language_name": names.get(language, language),
        "format": FORMATS[path.suffix],
        "media_type": MEDIA_TYPES[path.suffix],
        "size": format_size(size, language),
        "size_bytes": size,
        **extra,
    }


def write_sheets_and_kit(site: SiteBuild, build: LanguageBuild) -> None:
    """The PDFs, then the kit's zip and downloads table, measured on disk."""
    state, language = build.state(SheetsState), build.language
    site_dir = Path(build.config.site_dir)
    for sheet in state.built.values():
        target = site_dir / pdf_path(sheet.slug, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sheet.pdf)
    kit = state.kit
    if kit is None:
        return
    unbuilt = [slug for slug in kit.sheets if slug not in state.built]
    if unbuilt:
        stop_on(
            [
                Problem(
                    kit.source,
                    None,
                    "media-kit",
                    f"fact sheet {', '.join(unbuilt)} was not published",
                    'publish the sheet\'s page, or remove it from sheets="..."',
                )
            ],
            "the media kit",
        )
    names = language_names(build.config)
    rows = []
    for slug in kit.sheets:
        sheet = state.built[slug]
        rows.append(
            _row(
                site_dir,
                kit,
                site_dir / pdf_path(slug, language),
                language,
                names,
                kind="fact-sheet",
                title=sheet.title,
                page_href=get_relative_url(sheet.page_url, kit.url),
                date=sheet.as_of,
                date_text=format_date(sheet.as_of, language),
            )
        )
    programme = programme_files(site_dir, language)
    checked = programme_as_of(programme) or site.clock.site_day
    for path in programme:
        rows.append(
            _row(
                site_dir,
                kit,
                path,
                language,
                names,
                kind=path.name,
                title="",
                page_href="",
                date=checked,
                date_text=format_date(checked, language),
            )
        )
    stamp = max([sheet.as_of for sheet in state.built.values()] + ([checked] if programme else []), default=checked)
    members = [
        Member(f"fact-sheets/{pdf_path(s, language).rsplit('/', 1)[-1]}", site_dir / pdf_path(s, language))
        for s in kit.sheets
    ]
    members += [Member(f"programme/{path.name}", path) for path in programme]
    archive = site_dir / zip_path(language)
    write_zip(archive, members, stamp)
    html = build.render(
        "partials/media-kit/downloads.html",
        {"rows": rows, "zip": _row(site_dir, kit, archive, language, names, count=len(members))},
    )
    written = kit.dest.read_text(encoding="utf-8")
    if KIT_PLACEHOLDER not in written:
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
    kit.dest.write_text(written.replace(KIT_PLACEHOLDER, html, 1), encoding="utf-8")
