"""Markers in Markdown, in the manner of Material's own shortcodes hook.

A marker is an HTML comment of the form ``<!-- name key=value ... -->``
(values may be quoted: ``title="Two words"``). The markers and their
renderers are listed in one table (``hanoi.markers.table``);
``hooks/markers.py`` expands them and fails the build on an unknown marker
or argument, naming the file and line. Other comments are left alone: notes
for translators (``<!-- note -->``, ``<!-- check with the MFA -->``), unless
a lone word is so close to a marker's name that it must be a misspelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup, escape

from hanoi.problems import Problem, Refused

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from hanoi.build import LanguageBuild, SiteBuild

MARKER = re.compile(
    r"<!--[ \t]*(?P<name>[a-z][a-z0-9-]*)"
    r"(?P<args>(?:[ \t]+[a-z][a-z0-9_-]*=(?:\"[^\"\n]*\"|[^\s\"]+))*)[ \t]*-->"
)
ARGUMENT = re.compile(r"(?P<key>[a-z][a-z0-9_-]*)=(?:\"(?P<quoted>[^\"\n]*)\"|(?P<bare>[^\s\"]+))")
# A fenced code block (``` or ~~~, indented too, as in a list item): markers
# shown there as examples are not expanded.
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,}).*?^[ \t]*(?P=fence)[ \t]*$", re.M | re.S)


class MarkerError(Refused):
    """Raised by a marker's renderer: the message, then how to fix it."""


@dataclass(frozen=True)
class MarkerContext:
    """What a marker's renderer is given: the builds, the page it is on, and
    the markers' table (a renderer may expand the markers of a data text)."""

    site: SiteBuild
    build: LanguageBuild
    page: Page
    files: Files
    table: Mapping[str, MarkerSpec]

    @property
    def language(self) -> str:
        return self.build.language

    @property
    def page_src(self) -> str:
        return f"docs/{self.page.file.src_uri}"

    def render(self, template: str, context: Mapping[str, Any]) -> str:
        return self.build.render(template, dict(context))


Renderer = Callable[[dict[str, str], MarkerContext], str]


@dataclass(frozen=True)
class MarkerSpec:
    renderer: Renderer
    required: frozenset[str]
    optional: frozenset[str]
    summary: str
    # False for a marker that repeats what other pages say (the archive lists
    # every release's title and summary): its HTML is put in place after
    # Material's search plugin has read the page, so search results are not
    # doubled and the plugin does not parse it.
    indexed: bool
    # Scripts and stylesheets the marker's HTML needs, loaded only by the pages
    # that use it (paths from the site root, e.g. assets/javascripts/signatures.js).
    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    # True for text that goes inside a sentence or paragraph (a fact, a
    # sentence that follows the treaty's phase): alone in a paragraph, it
    # keeps the paragraph; it may also stand in a text from data/.
    inline: bool = False


def marker(
    renderer: Renderer,
    *,
    summary: str,
    required: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
    indexed: bool = True,
    scripts: tuple[str, ...] = (),
    styles: tuple[str, ...] = (),
    inline: bool = False,
) -> MarkerSpec:
    """One line of the markers' table."""
    return MarkerSpec(renderer, frozenset(required), frozenset(optional), summary, indexed, scripts, styles, inline)


def parse_arguments(text: str) -> dict[str, str]:
    return {m["key"]: m["quoted"] if m["quoted"] is not None else m["bare"] for m in ARGUMENT.finditer(text)}


def _fenced_spans(markdown: str) -> list[tuple[int, int]]:
    return [m.span() for m in FENCE.finditer(markdown)]


def placeholder(index: int, inline: bool = False) -> str:
    """A token Markdown leaves untouched; the rendered HTML replaces it after
    Markdown has run, so Markdown never rewrites (or un-escapes) that HTML.
    An inline marker's token says so: it never replaces its paragraph."""
    return f"hc{'inline' if inline else 'marker'}{index:05d}x"


_ALONE_IN_PARAGRAPH = re.compile(r"<p>\s*(hcmarker\d{5}x)\s*</p>")
_TOKEN = re.compile(r"hc(?:marker|inline)\d{5}x")
# The ``on_page_context`` priority at which page.content can take HTML that
# search must not index: Material's search plugin (priority 0) has read it.
AFTER_SEARCH_INDEXING = -100

# Where an unindexed marker's HTML goes until then: a comment, which the
# search plugin skips (and which holds no token, so ``restore`` leaves it).
_UNINDEXED_PLACE = re.compile(r"<!--hc-unindexed-\d{5}-->")


class Expansion(NamedTuple):
    markdown: str  # with a token in place of each marker
    rendered: dict[str, str]  # token -> HTML, put in place by ``restore``
    unindexed: dict[str, str]  # placeholder comment -> HTML, put in place by ``restore_unindexed``
    problems: list[Problem]
    scripts: tuple[str, ...]  # what the rendered markers need, in order, once each
    styles: tuple[str, ...]  # likewise


def restore(html: str, rendered: Mapping[str, str]) -> str:
    """Put each marker's HTML in place of its token; a block marker's
    paragraph is replaced whole."""
    if not rendered:
        return html
    html = _ALONE_IN_PARAGRAPH.sub(lambda m: rendered.get(m.group(1), m.group(0)), html)
    return _TOKEN.sub(lambda m: rendered.get(m.group(0), m.group(0)), html)


def restore_unindexed(html: str, unindexed: Mapping[str, str]) -> str:
    """Put the HTML of the markers kept out of the search index in place."""
    return _UNINDEXED_PLACE.sub(lambda m: unindexed.get(m.group(0), m.group(0)), html)


def unknown_marker(
    name: str, has_arguments: bool, table: Mapping[str, MarkerSpec], where: str, line: int
) -> Problem | None:
    """The problem with a comment that looks like a marker but is none; None
    for a plain comment (a lone word, far from every marker's name)."""
    close = get_close_matches(name, table, n=1, cutoff=0.8)
    if not has_arguments and not close:
        return None
    hint = f"did you mean '{close[0]}'? " if close else ""
    return Problem(
        where,
        line,
        name,
        f"unknown marker '{name}'",
        f"{hint}correct the spelling; the markers are: {', '.join(sorted(table))} (see CONTRIBUTING.md)",
    )


def expand(markdown: str, context: MarkerContext, table: Mapping[str, MarkerSpec], first_line: int = 1) -> Expansion:
    """Replace every marker of ``table`` with a token; the tokens' HTML;
    problems for the markers that fail."""
    problems: list[Problem] = []
    rendered: dict[str, str] = {}
    unindexed: dict[str, str] = {}
    scripts: dict[str, None] = {}
    styles: dict[str, None] = {}
    fenced: list[tuple[int, int]] | None = None  # found at the first marker: most pages have none

    def replace(match: re.Match[str]) -> str:
        nonlocal fenced
        if fenced is None:
            fenced = _fenced_spans(markdown)
        if any(start <= match.start() < end for start, end in fenced):
            return match.group(0)
        line = first_line + markdown.count("\n", 0, match.start())
        name, args = match["name"], parse_arguments(match["args"])
        spec = table.get(name)
        if spec is None:
            problem = unknown_marker(name, bool(args), table, context.page_src, line)
            if problem is None:
                return match.group(0)  # a note, left as it is
            problems.append(problem)
            return ""
        unknown = sorted(set(args) - spec.required - spec.optional)
        missing = sorted(spec.required - set(args))
        if unknown or missing:
            allowed = ", ".join(sorted(spec.required | spec.optional)) or "none"
            message = "; ".join(
                ([f"unknown argument {', '.join(unknown)}"] if unknown else [])
                + ([f"missing argument {', '.join(missing)}"] if missing else [])
            )
            problems.append(
                Problem(
                    context.page_src,
                    line,
                    name,
                    f"marker '{name}': {message}",
                    f"use only these arguments: {allowed} ({spec.summary})",
                )
            )
            return ""
        try:
            html = spec.renderer(args, context)
        except MarkerError as error:
            problems.append(Problem(context.page_src, line, name, str(error), error.fix))
            return ""
        scripts.update(dict.fromkeys(spec.scripts))
        styles.update(dict.fromkeys(spec.styles))
        index = len(rendered)
        token = placeholder(index, spec.inline)
        if spec.indexed:
            rendered[token] = html
        else:
            rendered[token] = f"<!--hc-unindexed-{index:05d}-->"
            unindexed[rendered[token]] = html
        return token

    return Expansion(MARKER.sub(replace, markdown), rendered, unindexed, problems, tuple(scripts), tuple(styles))


def expand_text(text: str, context: MarkerContext) -> tuple[Markup, list[Problem]]:
    """A plain text from data/ as HTML: escaped, with its inline markers
    (a fact, a sentence that follows the phase) rendered; any other marker
    is refused. Problems name the page being built: the caller names the file."""
    inline = {name: spec for name, spec in context.table.items() if spec.inline}
    expansion = expand(text, context, inline)
    return Markup(restore(str(escape(expansion.markdown)), expansion.rendered)), expansion.problems
