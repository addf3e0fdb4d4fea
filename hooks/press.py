"""Job: press releases. Archive (newest first), one Atom feed per language,
release headers with date, sources and translations. Drafts and releases
under embargo (``publish_at``) are kept out by ``hooks/publication.py``.

Marker: <!-- press-releases -->   the archive of the page's language
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from hanoi.catalogues import translate
from hanoi.pages.scan import scan_pages
from hanoi.languages import build_language, is_site_build_starting, language_prefix
from hanoi.markers.expansion import AFTER_SEARCH_INDEXING, MarkerContext, register
from hanoi.press.releases import Release, atom_feed, embargo_text, newest_first, releases_from
from hanoi.problems import stop_on
from hanoi.pages.drafts import current as publication
from hanoi.templates import hook_environment
from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

FEED_NAME = "feed.xml"


def releases() -> list[Release]:
    """Every release of every language, read from docs/ (the build stops on a problem)."""
    pages, problems = scan_pages(reuse=True)  # made by hooks/front_matter.py's on_config
    found, more = releases_from(pages)
    stop_on(problems + more, "the press releases")
    return found


class _Build:
    """The releases of the build in progress, read once in ``on_config`` (each
    language's build starts with it): the hooks below run for every page, and
    reading docs/ there made the build time grow with the square of the number
    of releases."""

    def __init__(self, found: list[Release], language: str) -> None:
        rules = publication()
        self.language = language
        self.by_page = {(r.language, r.relative_path): r for r in found}
        self.versions: dict[str, list[Release]] = {}
        for release in found:
            self.versions.setdefault(release.relative_path, []).append(release)
        self.shown = newest_first(found, language, rules)
        self.rules = rules
        self.header: Template | None = None  # the release header, loaded once per language build
        self.feed: dict[str, str] | None = None


_build: list[_Build] = []
# Every language's releases, read once per site build and shared by its
# language builds.
_site_releases: list[list[Release]] = []


def _releases_of_site_build(config: MkDocsConfig) -> list[Release]:
    if not _site_releases or is_site_build_starting(config):
        _site_releases[:] = [releases()]
    return _site_releases[0]


def _current(config: MkDocsConfig) -> _Build:
    language = build_language(config)
    if not _build or _build[0].language != language:
        _build[:] = [_Build(_releases_of_site_build(config), language)]
    return _build[0]


def _release_of(page: Page, config: MkDocsConfig) -> Release | None:
    language, _, relative_path = page.file.src_uri.partition("/")
    return _current(config).by_page.get((language, relative_path))


def feed_path(language: str) -> str:
    """At the language's root: /feed.xml, /vi/feed.xml, /fr/feed.xml."""
    return f"{language_prefix(language)}{FEED_NAME}"


@event_priority(80)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build[:] = [_Build(_releases_of_site_build(config), build_language(config))]  # validates before anything renders
    return config


def render_archive(args: dict[str, str], context: MarkerContext) -> str:
    shown = _current(context.extra["config"]).shown
    items = [{"release": r, "href": PurePosixPath(r.relative_path).stem + "/", "date_text": r.date_text(),
              "date": r.published.date().isoformat()}
             for r in shown]
    return context.render("partials/press/archive.html", {"items": items, "feed_href": f"../{FEED_NAME}"})


# Each release is indexed on its own page: the archive would double every result.
register("press-releases", render_archive, indexed=False,
         summary="the archive of press releases, e.g. <!-- press-releases -->")


# The release header (date, sources, translations) is not what readers search for.
@event_priority(AFTER_SEARCH_INDEXING)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    build = _current(config)
    if build.shown:
        if build.feed is None:
            site_url = config.site_url or "/"
            build.feed = {"href": site_url.rstrip("/") + "/" + feed_path(build.language),
                          "title": translate(build.language, "Press releases")}
        context["press_feed"] = build.feed
    release = _release_of(page, config)
    if release is not None:
        page.content = with_release_header(page.content or "", release, config)
    return context


def with_release_header(html: str, release: Release, config: MkDocsConfig) -> str:
    """Under a release's title: its date, embargo, sources and translations."""
    build = _current(config)
    if build.header is None:  # the theme's catalogue is the build language's
        build.header = hook_environment(config).get_template(
            "partials/press/release-header.html", globals={
                "language_names": {language.locale: language.name
                                   for language in config.plugins["i18n"].config.languages},
                "root": urlsplit(config.site_url or "/").path.rstrip("/") + "/",
            })
    translations = [other for other in build.versions[release.relative_path]
                    if other.language != release.language and other.shown_by(build.rules)]
    header = build.header.render(
        release=release, translations=translations, date=release.published.date().isoformat(), date_text=release.date_text(),
        embargo_text=release.publish_at and embargo_text(release.publish_at, release.language),
    )
    head, separator, rest = html.partition("</h1>")
    return head + separator + header + rest if separator else header + html


def on_post_build(config: MkDocsConfig) -> None:
    language = build_language(config)
    items = _current(config).shown
    if not items:
        return
    target = Path(config.site_dir) / feed_path(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(atom_feed(
        items, language=language, site_url=config.site_url or "/", title=f"{config.site_name}: "
        + translate(language, "Press releases"), subtitle=config.site_description or "",
        feed_path=feed_path(language), archive_path=f"{language_prefix(language)}press/",
    ))
