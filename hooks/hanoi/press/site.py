"""Press releases on the site of one language build: the archive marker, the
header under each release's title, and the Atom feed. The releases were read
once for the whole site build (``SiteBuild.releases``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from jinja2 import Template

from hanoi.addresses import absolute_url
from hanoi.catalogues import translate
from hanoi.feeds import FeedEntry, site_feed, write_atom_feed
from hanoi.languages import language_prefix
from hanoi.markers.expansion import MarkerContext
from hanoi.press.releases import Release, embargo_text, newest_first

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from hanoi.build import LanguageBuild, SiteBuild

FEED_NAME = "feed.xml"


@dataclass
class PressState:
    """One language build's view of the releases, made once: pages look
    releases up by path (a loop over every release on every page made the
    build grow with the square of the releases)."""

    header: Template | None = None  # the release header's template, loaded once
    shown: list[Release] | None = None  # this language's, newest first
    by_page: dict[str, Release] = field(default_factory=dict)  # 'vi/press/x.md' -> release
    versions: dict[str, list[Release]] = field(default_factory=dict)  # 'press/x.md' -> its languages


def press_state(site: SiteBuild, build: LanguageBuild) -> PressState:
    state = build.state(PressState)
    if state.shown is None:
        state.shown = newest_first(site.releases, build.language, site.publication)
        for release in site.releases:
            state.by_page[f"{release.language}/{release.relative_path}"] = release
            state.versions.setdefault(release.relative_path, []).append(release)
    return state


def feed_path(language: str) -> str:
    """At the language's root: /feed.xml, /vi/feed.xml, /fr/feed.xml."""
    return f"{language_prefix(language)}{FEED_NAME}"


def render_archive(args: dict[str, str], context: MarkerContext) -> str:
    items = [
        {
            "release": r,
            "href": PurePosixPath(r.relative_path).stem + "/",
            "date_text": r.date_text(),
            "date": r.published.date().isoformat(),
        }
        for r in press_state(context.site, context.build).shown or []
    ]
    return context.render("partials/press/archive.html", {"items": items, "feed_href": f"../{FEED_NAME}"})


def feed_link(site: SiteBuild, build: LanguageBuild) -> dict[str, str] | None:
    """The feed a page links in its head, if the language has releases."""
    if not press_state(site, build).shown:
        return None
    site_url = build.config.site_url or "/"
    return {
        "href": absolute_url(site_url, feed_path(build.language)),
        "title": translate(build.language, "Press releases"),
    }


def release_of(site: SiteBuild, build: LanguageBuild, src_uri: str) -> Release | None:
    return press_state(site, build).by_page.get(src_uri)


def with_release_header(html: str, release: Release, site: SiteBuild, build: LanguageBuild) -> str:
    """Under a release's title: its date, embargo, sources and translations."""
    state = press_state(site, build)
    if state.header is None:  # the theme's catalogue is the build language's
        state.header = build.environment.get_template(
            "partials/press/release-header.html",
            globals={
                "language_names": language_names(build.config),
                "root": urlsplit(build.config.site_url or "/").path.rstrip("/") + "/",
            },
        )
    translations = [
        other
        for other in state.versions[release.relative_path]
        if other.language != release.language and other.shown_by(site.publication)
    ]
    header = state.header.render(
        release=release,
        translations=translations,
        date=release.published.date().isoformat(),
        date_text=release.date_text(),
        embargo_text=release.publish_at and embargo_text(release.publish_at, release.language),
    )
    head, separator, rest = html.partition("</h1>")
    return head + separator + header + rest if separator else header + html


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's own name, as the language switcher shows it (mkdocs.yml)."""
    i18n = config.plugins.get("i18n")
    return {str(lang.locale): str(lang.name) for lang in i18n.config.languages} if i18n is not None else {}


def write_feed(site: SiteBuild, build: LanguageBuild) -> None:
    config, language = build.config, build.language
    feed = site_feed(
        config,
        language,
        title=translate(language, "Press releases"),
        path=feed_path(language),
        page=f"{language_prefix(language)}press/",
    )
    entries = [
        FeedEntry(release.url, release.title, release.summary, release.published)
        for release in press_state(site, build).shown or []
    ]
    write_atom_feed(Path(config.site_dir), feed, entries)
