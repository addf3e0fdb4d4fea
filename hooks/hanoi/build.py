"""One owner for build state.

mkdocs-static-i18n runs MkDocs' build once per language, nested inside the
default language's build, on one config object. What the languages share is
a ``SiteBuild``: the pages and data, read and checked once before anything
renders, and what each language's build leaves for the end of the site build
(its 404 page, the hashes of its pages' scripts, its pages' titles). What one
language's build needs is a ``LanguageBuild``. Both are made in one place,
``hooks/build.py``, first thing in ``on_config``, and reached from the
config that MkDocs hands every event, so no hook keeps state in a module
global, and ``mkdocs serve`` starts every rebuild from the files as they are.

Features keep their own state in these objects, keyed by its type
(``build.state(MarkerState)``), so this module need not know them all.

Event priorities (MkDocs runs the higher first) are named here, once, with
the reason for each; docs-dev/hooks.md has the table of which hook acts when.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hanoi.clock import BuildClock, clock_from
from hanoi.datafiles import DATA_DIR, read_data_files
from hanoi.depositary.names import load_depositary_names
from hanoi.formatting import list_separator
from hanoi.languages import build_language, in_nested_language_build, table_problems
from hanoi.languages import language as language_of
from hanoi.pages.changes import changed_pages
from hanoi.pages.content import data_text_problems
from hanoi.pages.drafts import Publication, from_environment
from hanoi.pages.files import docs_file_problems
from hanoi.pages.scan import DOCS_DIR, SourcePage, scan_pages
from hanoi.pages.translations import Row, status_of
from hanoi.press.releases import Release, releases_from
from hanoi.problems import stop_on, valid
from hanoi.programme.model import Programme, load_programme
from hanoi.status.convention import load_rules, retyped_rules
from hanoi.status.facts import SiteFacts, load_site_facts
from hanoi.status.freshness import CheckedFile, checked_files
from hanoi.status.tiles import TileGrid, load_tile_grid, missing_tiles
from hanoi.status.treaty import TreatyStatus
from hanoi.templates import hook_environment
from hanoi.terms.glossaries import Term, load_glossaries
from hanoi.terms.termbase import load_termbase

# --- Event priorities -----------------------------------------------------------
# on_config: the build state exists before any other hook's on_config reads it.
BUILD_STATE = 1000
# on_config: each language's catalogue is compiled before MkDocs makes the
# theme's Jinja environment, which loads it.
CATALOGUES = 100
# on_config: before Material's search plugin (at 0) reads its languages.
BEFORE_SEARCH = 100
# on_page_markdown: the scanned front matter is page.meta before anyone reads it.
FRONT_MATTER_FIRST = 100
# on_post_template: Material's markup is fixed before hooks/served_not_found.py keeps a 404 page.
BEFORE_404_KEPT = 10
# on_page_content: the HTML Markdown made from the page's own text is checked
# before hooks/markers.py puts the markers' HTML in place (at 0): content is
# held to the content allowlist, our templates' HTML is not (hanoi.pages.rendered).
BEFORE_MARKERS = 10
# on_page_content: after hooks/markers.py has put the markers' HTML in place (at 0).
AFTER_MARKERS = -10
# on_post_build: after the hooks that write files at 0 (the programme's exports),
# before mkdocs-static-i18n builds the next language (at -100).
BEFORE_NEXT_LANGUAGE = -50
# on_page_context: Material's search plugin (at 0) has read the page; HTML put
# in place now is not indexed (the press archive, release headers).
AFTER_SEARCH_INDEXING = -100
# on_files: after mkdocs-static-i18n (at -100) has sorted the language's files;
# it cannot take a file made in memory (the patched bundle).
AFTER_I18N_FILES = -110
# on_post_build: once every language is built (mkdocs-static-i18n's is at -100;
# the hook returns early while it is still building languages).
AFTER_ALL_LANGUAGES = -110
# on_post_page: after every other hook and plugin, the page as it is written.
PAGE_AS_WRITTEN = -200
# on_post_page, on_post_template: last of all, the page is held and MkDocs
# writes nothing; it is written once the site build ends (hanoi.served.on_demand).
PAGE_HELD = -300

T = TypeVar("T")


class _FeatureStates:
    """State of features, one object per feature type, made on first use."""

    def __init__(self) -> None:
        self._states: dict[type, Any] = {}

    def state(self, kind: Callable[[], T]) -> T:
        if kind not in self._states:
            self._states[kind] = kind()  # type: ignore[index]
        return self._states[kind]  # type: ignore[index,no-any-return]


@dataclass
class SiteBuild(_FeatureStates):
    """What every language's build shares; made when a site build starts."""

    command: str | None
    clock: BuildClock  # the build's instant: SITE_NOW or SITE_TODAY, else now
    publication: Publication
    pages: list[SourcePage]
    facts: SiteFacts
    tile_grid: TileGrid  # the tile map's layout
    programme: Programme
    glossaries: dict[str, tuple[Term, ...]]
    releases: list[Release]
    translations: list[Row]
    freshness: list[CheckedFile]  # the data files with an as_of, oldest first, aged at the build's day
    # Left by each language's build for the end of the site build:
    not_found_pages: dict[str, str] = field(default_factory=dict)  # language -> its 404 page
    script_hashes: dict[str, frozenset[str]] = field(default_factory=dict)  # written file -> its templates' scripts
    page_titles: dict[str, str] = field(default_factory=dict)  # page URL -> front-matter title (search)
    all_languages_built: bool = False  # set by the first after_all_languages step: no language build from then

    def __post_init__(self) -> None:
        _FeatureStates.__init__(self)

    @cached_property  # the same for every page and export of the site build
    def status(self) -> TreatyStatus:
        """The treaty's status at the build's instant."""
        return self.facts.status(self.clock)

    @cached_property  # looked up for every page: made once
    def scanned(self) -> dict[str, SourcePage]:
        """The pages with a front matter, by MkDocs' name for them ('vi/faq.md')."""
        return {page.src_uri: page for page in self.pages if page.meta is not None}


@dataclass
class LanguageBuild(_FeatureStates):
    """One language's build; ``environment`` is the theme's Jinja environment
    with autoescaping, for the HTML hooks render (made on first use: the
    theme's catalogue is this language's)."""

    config: MkDocsConfig
    _environment: Environment | None = None

    def __post_init__(self) -> None:
        _FeatureStates.__init__(self)

    @property
    def language(self) -> str:
        """Asked of mkdocs-static-i18n when needed: this object is made in
        on_config before the plugin's own on_config, which sets the language
        of a one-language preview's build."""
        return build_language(self.config)

    @property
    def environment(self) -> Environment:
        if self._environment is None:
            self._environment = hook_environment(self.config)
        return self._environment

    def render(self, template: str, context: dict[str, Any]) -> str:
        language = self.language
        return self.environment.get_template(template).render(
            config=self.config,
            language=language,
            site_language=language_of(language),
            list_separator=list_separator(language),
            **context,
        )


# What the mkdocs command was asked ("build", "serve"): MkDocs tells it once,
# at start-up (on_startup), before any build; every rebuild of `mkdocs serve`
# loads the hook files again but not this module. A fact of the process, like
# its arguments, not build state.
_COMMAND: list[str] = []


def remember_command(command: str) -> None:
    _COMMAND[:] = [command]


def start_site_build(docs_dir: Path = DOCS_DIR, data_dir: Path = DATA_DIR) -> SiteBuild:
    """Read and check every page and data file; the build stops, listing every
    problem with its file, line and fix, before anything renders."""
    clock = valid(clock_from(os.environ), "the instant of the build")
    # First: every check after this one dates, names or formats in each language.
    stop_on(table_problems(), "the languages")
    pages, problems = scan_pages(docs_dir)
    problems += docs_file_problems(docs_dir)
    data_files = read_data_files(data_dir)  # once, for the checks and the status page that look at all
    problems += data_text_problems(data_files)
    rules, more = load_rules()
    facts, even_more = load_site_facts(clock.site_day, rules) if rules else (None, [])
    problems += more + even_more + (retyped_rules(pages, rules) if rules else [])
    if facts is not None:  # the depositary's names point to the site's ids
        problems += load_depositary_names(facts)[1]
    tile_grid, more = load_tile_grid()
    problems += more + (missing_tiles(tile_grid, facts) if tile_grid and facts else [])
    programme, more = load_programme(today=clock.site_day)
    problems += more
    glossaries, more = load_glossaries()
    problems += more
    problems += load_termbase()[1]
    releases, more = releases_from(pages) if not problems else ([], [])
    stop_on(problems + more, "the pages and data")
    assert facts is not None and programme is not None and tile_grid is not None
    command = _COMMAND[0] if _COMMAND else None
    return SiteBuild(
        command=command,
        clock=clock,
        publication=from_environment(command, clock, os.environ, changed_pages),
        pages=pages,
        facts=facts,
        tile_grid=tile_grid,
        programme=programme,
        glossaries=glossaries,
        releases=releases,
        translations=status_of(pages),
        freshness=checked_files(clock.site_day, data_files),
    )


_SITE = "hanoi_site_build"
_LANGUAGE = "hanoi_language_build"


class BuildPhaseError(RuntimeError):
    """Build state asked for when it does not exist: a mistake in a hook."""


def site_build_starting(config: MkDocsConfig) -> bool:
    """In ``on_config``: True for the first language's build of a site build
    (mkdocs-static-i18n runs the other languages' builds nested inside it), so
    that what all languages share is made once per site build."""
    return not in_nested_language_build(config)


def attach(config: MkDocsConfig, site: SiteBuild | None) -> None:
    """Give the config the site build (a new one when a site build starts) and
    a new build for the language being built."""
    if site is not None:
        setattr(config, _SITE, site)
    setattr(config, _LANGUAGE, LanguageBuild(config))


def site_build(config: MkDocsConfig) -> SiteBuild:
    site: SiteBuild | None = getattr(config, _SITE, None)
    if site is None:
        raise BuildPhaseError("no site build yet: hooks/build.py makes it first in on_config")
    return site


def language_build(config: MkDocsConfig) -> LanguageBuild:
    """The build of the language being built. Once every language is built
    there is none: mkdocs-static-i18n leaves the last language's config in
    place, and a hook that asked would silently get the French build."""
    if site_build(config).all_languages_built:
        raise BuildPhaseError("every language is built: ask for the site build (site_build) instead")
    return getattr(config, _LANGUAGE)  # type: ignore[no-any-return]


def after_all_languages(event: Callable[[MkDocsConfig], None]) -> Callable[[MkDocsConfig], None]:
    """An ``on_post_build`` that runs once per site build, after every
    language has been written: the one mechanism for "once per site build"
    at the end. It runs at ``AFTER_ALL_LANGUAGES`` in the first language's
    build and is skipped in the other languages' builds, which mkdocs-static-i18n
    runs nested inside it; from then on only the site build exists."""

    @functools.wraps(event)
    def once(config: MkDocsConfig) -> None:
        if in_nested_language_build(config):
            return
        site_build(config).all_languages_built = True
        event(config)

    return event_priority(AFTER_ALL_LANGUAGES)(once)
