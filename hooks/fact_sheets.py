"""Job: PDF fact sheets and the media kit's downloads page (issue 5).

Fact sheets are pages ``docs/<lang>/media/fact-sheets/<slug>.md``. Each one's
rendered HTML, key figures included, becomes a tagged A4 PDF/UA-1 made by
Typst (see ``hanoi.media_kit.sheets``), published once per language build at
``/media/fact-sheets/<slug>.<lang>.pdf``. The HTML page gets a box under its
title with the date stamp and the PDF's link and size.

Marker:
  <!-- media-kit sheets="slug-a,slug-b" -->   the kit's downloads, in this order

Events:
- ``on_page_content`` at -10, after ``hooks/markers.py`` has put the figures in:
  HTML to Typst to PDF (cached by language and content), download box.
- ``on_env``, once every page has rendered: a sheet that could not be made
  stops the build, naming its file and quoting the engine, without traceback.
- ``on_post_build`` at -50, after the hooks at the default priority (the
  programme exports of ``hooks/programme.py``) and before the i18n plugin
  builds the next language (-100): write the PDFs and the zip, then measure
  every file on disk and write the downloads table into the kit page, which
  was rendered with a placeholder because those files did not exist yet.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from hanoi.media_kit.sheets import CompileFailed, SheetError, compile_sheet, pdf_path, sheet_slug, sheet_source
from hanoi.status.facts import load_site_facts
from hanoi.formatting import format_date
from hanoi.languages import build_language, language_prefix
from hanoi.markers.expansion import MarkerContext, MarkerError, register
from hanoi.clock import site_today
from hanoi.media_kit.downloads import (FORMATS, MEDIA_TYPES, Member, format_size, programme_as_of, programme_files,
                             write_zip, zip_path)
from hanoi.problems import Problem, stop_on
from hanoi.templates import hook_environment
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

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


_built: dict[str, dict[str, BuiltSheet]] = {}
_kit: dict[str, KitPage] = {}
_problems: list[Problem] = []
_environments: dict[str, Environment] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = build_language(config)
    _built[language] = {}
    _kit.pop(language, None)
    _problems.clear()
    _environments.clear()
    return config


def _render(config: MkDocsConfig, language: str, template: str, context: Mapping[str, Any]) -> str:
    if language not in _environments:
        _environments[language] = hook_environment(config)
    return _environments[language].get_template(template).render(config=config, language=language, **context)


def _problem(page: Page, slug: str, message: str, fix: str) -> None:
    _problems.append(Problem(f"docs/{page.file.src_uri}", None, slug, message, fix))


@event_priority(-10)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    slug = sheet_slug(page.file.src_uri)
    if slug is None:
        return html
    language = build_language(config)
    facts, _ = load_site_facts()  # problems in the data already stopped the build (hooks/key_facts.py)
    try:
        sheet = sheet_source(html, markdown=page.file.content_string, url=page.canonical_url or page.url,
                             language=language, site_name=config.site_name, facts=facts.facts if facts else {})
    except SheetError as error:
        _problem(page, slug, str(error), error.fix)
        return html
    name = pdf_path(slug, language).rsplit("/", 1)[-1]
    try:
        compiled = compile_sheet(sheet.source, language, slug)
    except CompileFailed as error:
        _problem(page, slug, f"the PDF {name} could not be made. Typst says: {error}",
                 "correct the page, or templates/typst/factsheet.typ if every sheet fails")
        return html
    for warning in compiled.warnings:
        log.warning(f"docs/{page.file.src_uri} [{slug}]: PDF {name}: Typst warns: {warning}")
    _built.setdefault(language, {})[slug] = BuiltSheet(slug, sheet.title, page.url, sheet.as_of, compiled.pdf)
    box = _render(config, language, "partials/media-kit/fact-sheet-download.html", {
        "pdf_href": get_relative_url(pdf_path(slug, language), page.url),
        "kit_href": get_relative_url(f"{language_prefix(language)}media/kit/", page.url),
        "size": format_size(len(compiled.pdf), language),
        "as_of": sheet.as_of, "as_of_text": format_date(sheet.as_of, language),
    })
    return _END_OF_TITLE.sub(lambda m: m.group(0) + box, html, count=1)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    stop_on(_problems, "the PDF fact sheets")
    return env


def render_media_kit(args: dict[str, str], context: MarkerContext) -> str:
    sheets = tuple(s.strip() for s in args["sheets"].split(",") if s.strip())
    files: Files = context.extra["files"]
    page: Page = context.extra["page"]
    existing = {sheet_slug(f.src_uri) for f in files.documentation_pages()} - {None}
    missing = [s for s in sheets if s not in existing]
    if missing:
        raise MarkerError(f"no fact sheet page for {', '.join(missing)}",
                          f"list only the pages in docs/{context.language}/media/fact-sheets/: "
                          f"{', '.join(sorted(existing)) or 'none yet'}")
    unlisted = sorted(existing - set(sheets))
    if unlisted:
        raise MarkerError(f"fact sheet {', '.join(unlisted)} is not listed",
                          "add it to sheets=\"...\" so that journalists can find it")
    _kit[context.language] = KitPage(Path(page.file.abs_dest_path), page.url, context.page_src, sheets)
    return KIT_PLACEHOLDER


register("media-kit", render_media_kit, required={"sheets"},
         summary='the media kit downloads, e.g. <!-- media-kit sheets="hanoi-convention-at-a-glance" -->')


def _row(site_dir: Path, kit: KitPage, path: Path, language: str, names: Mapping[str, str], **extra: Any) -> dict:
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


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's own name, as the language switcher shows it (mkdocs.yml)."""
    i18n = config.plugins.get("i18n")
    return {str(l.locale): str(l.name) for l in i18n.config.languages} if i18n is not None else {}


@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    language = build_language(config)
    site_dir = Path(config.site_dir)
    built = _built.get(language, {})
    for sheet in built.values():
        target = site_dir / pdf_path(sheet.slug, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sheet.pdf)
    kit = _kit.get(language)
    if kit is None:
        return
    names = language_names(config)
    rows = []
    unbuilt = [slug for slug in kit.sheets if slug not in built]
    if unbuilt:
        stop_on([Problem(kit.source, None, "media-kit", f"fact sheet {', '.join(unbuilt)} was not published",
                         "publish the sheet's page, or remove it from sheets=\"...\"")], "the media kit")
    for slug in kit.sheets:
        sheet = built[slug]
        rows.append(_row(site_dir, kit, site_dir / pdf_path(slug, language), language, names, kind="fact-sheet",
                         title=sheet.title, page_href=get_relative_url(sheet.page_url, kit.url),
                         date=sheet.as_of, date_text=format_date(sheet.as_of, language)))
    programme = programme_files(site_dir, language)
    checked = programme_as_of(programme) or site_today()
    for path in programme:
        rows.append(_row(site_dir, kit, path, language, names, kind=path.name, title="", page_href="",
                         date=checked, date_text=format_date(checked, language)))
    stamp = max([sheet.as_of for sheet in built.values()] + ([checked] if programme else []), default=checked)
    members = [Member(f"fact-sheets/{pdf_path(s, language).rsplit('/', 1)[-1]}", site_dir / pdf_path(s, language))
               for s in kit.sheets]
    members += [Member(f"programme/{path.name}", path) for path in programme]
    archive = site_dir / zip_path(language)
    write_zip(archive, members, stamp)
    html = _render(config, language, "partials/media-kit/downloads.html", {
        "rows": rows,
        "zip": _row(site_dir, kit, archive, language, names, count=len(members)),
    })
    written = kit.dest.read_text(encoding="utf-8")
    if KIT_PLACEHOLDER not in written:
        stop_on([Problem(kit.source, None, "media-kit", "the downloads table could not be placed in the page",
                         "keep <!-- media-kit ... --> on a line of its own")], "the media kit")
    kit.dest.write_text(written.replace(KIT_PLACEHOLDER, html, 1), encoding="utf-8")
