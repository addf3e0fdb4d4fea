"""What a first visit downloads: Material's bundle when the reader first
interacts, search when the reader opens it, Material's stylesheet cut to what
the site uses (docs-dev/quality-gates.md: at most 50 kB on a phone).

Material's bundle is loaded by ``overrides/assets/javascripts/on-demand.js``
and patched here, each patch checked against the exact text it replaces (a
Material upgrade that changes it stops the build, as for the patches of
``hanoi.served.material_fixes``):

* Material starts its components on ``DOMContentLoaded``, which a bundle
  loaded later never sees: once the document is parsed, it starts on the
  event on-demand.js sends when the bundle has run;
* it requests the search index at start: it asks ``HanoiOnDemand.index``,
  which makes Material's own request once the reader opens search;
* it starts its search worker at start: ``HanoiOnDemand.worker`` starts it
  when the reader opens search.

The site's own stylesheet (``overrides/assets/stylesheets/site.css``) is
published inside the cut one, after Material's rules, as a second link
would have loaded it: every page has one render-blocking request, not two.

The patched bundle and the cut stylesheet are published under names carrying
a hash of their content, in the form of Material's own names, so that
browsers may keep them for a year (_headers) and never keep a stale one.
That name is known only once every page is built (the cut keeps what the
pages use), and every page links it: so pages are held as they are built and
each is written once, linking it, when the site build ends.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import write_file
from mkdocs_static_i18n.utils import I18nLoggingFilter

from hanoi.served.material_fixes import SOURCE_MAP_COMMENT, PatchError, disable_stay_on_page
from hanoi.served.published import fingerprinted
from hanoi.served.stylesheet import SiteTokens, StylesheetError, cut_stylesheet, minified, parsed_stylesheet

BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$")
STYLESHEET = re.compile(r"^assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$")
# Ours, published inside the cut stylesheet (so not in mkdocs.yml's extra_css).
SITE_STYLESHEET = "assets/stylesheets/site.css"


@dataclass
class MaterialFiles:
    """Material's files as the site publishes them, for one site build: the
    patched bundle's site path, the stylesheet's site path and text, ours
    (minified), what every page built holds that a selector of Material's
    stylesheet can name, and the pages to write once the cut is named."""

    bundle: str = ""
    stylesheet: str = ""
    css: str = ""
    site_css: str = ""
    tokens: SiteTokens | None = None
    pages: dict[str, str] = field(default_factory=dict)  # file it is written to -> HTML

    def hold(self, path: str, html: str) -> None:
        """Keep a built page for ``publish_material`` to write to ``path``."""
        assert self.tokens is not None, "take_material_files runs first (on_files)"
        self.tokens.add_html(html)
        self.pages[path] = html


def take_material_files(files: Files, config: MkDocsConfig, material: MaterialFiles) -> Files:
    """Put the patched bundle, under the hash of its content, in place of
    Material's; take Material's stylesheet and ours out, to be published as
    one, Material's cut, once every page is built."""
    for file in list(files):
        if BUNDLE.match(file.src_uri):
            bundle = patched_bundle(file.content_string)
            material.bundle = fingerprinted(file.src_uri, bundle.encode("utf-8"))
            files.remove(file)
            files.append(File.generated(config, material.bundle, content=bundle))
        elif STYLESHEET.match(file.src_uri):
            material.stylesheet, material.css = file.src_uri, file.content_string
            files.remove(file)
        elif file.src_uri == SITE_STYLESHEET:
            if not material.site_css:  # once per site build, not per language
                try:
                    material.site_css = minified(file.content_string)
                except StylesheetError as error:
                    raise StylesheetError(f"overrides/{SITE_STYLESHEET}, {error}: write the rule out in full") from None
            files.remove(file)
    if not material.bundle or not material.stylesheet:
        raise PatchError(
            "Material's bundle or stylesheet (assets/javascripts/bundle.*.min.js, "
            "assets/stylesheets/main.*.min.css) is not among the theme's files: Material changed; "
            "re-check hooks/hanoi/served/on_demand.py"
        )
    if material.tokens is None:
        material.tokens = SiteTokens(parsed_stylesheet(material.css).wanted)
    return files


# What MkDocs says of each page a hook leaves empty: here, every page, held.
HELD_PAGE_MESSAGES = ("Page skipped: '", "Template skipped: '404.html' generated empty output.")


def quiet_held_pages() -> None:
    """MkDocs logs each page it does not write; these pages are written later,
    so the message is filtered out, as mkdocs-static-i18n filters what its
    language builds repeat (with its own filter). Once per process: a
    preview's rebuilds share the logger."""
    logger = logging.getLogger("mkdocs.commands.build")
    quieted = (f for f in logger.filters if isinstance(f, I18nLoggingFilter))
    if not any(HELD_PAGE_MESSAGES[0] in f.filtered_prefixes for f in quieted):
        quiet = I18nLoggingFilter()
        quiet.filtered_prefixes.update(HELD_PAGE_MESSAGES)
        logger.addFilter(quiet)


def publish_material(site_dir: str, material: MaterialFiles) -> None:
    """Write Material's stylesheet cut to what the built pages can use, then
    ours, under the hash of their content, and every page held, linking it."""
    assert material.tokens is not None
    css = (cut_stylesheet(parsed_stylesheet(material.css), material.tokens) + material.site_css).encode("utf-8")
    published = fingerprinted(material.stylesheet, css)
    write_file(css, str(Path(site_dir) / published))
    for path, html in material.pages.items():
        # The pages' relative prefixes stay; MkDocs' encoding for what UTF-8 cannot take.
        linked = html.replace(material.stylesheet, published)
        write_file(linked.encode("utf-8", errors="xmlcharrefreplace"), path)


# (what Material's bundle says, what it says once patched, why): each must be
# found exactly once. Minified names (h, ks) are captured, not assumed.
BUNDLE_PATCHES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r'(\b[\w$]+)\(document,"DOMContentLoaded",\{once:!0\}\)'),
        r'\1(document,document.readyState==="loading"?"DOMContentLoaded":HanoiOnDemand.start,{once:!0})',
        "the bundle starts once on-demand.js has loaded it",
    ),
    (
        re.compile(r'document\.forms\.namedItem\("search"\)\?([\w$]+)\(\):'),
        r'document.forms.namedItem("search")?HanoiOnDemand.index(\1):',
        "the search index is requested when search opens",
    ),
    (re.compile(r"new Worker\(([\w$]+)\)"), r"HanoiOnDemand.worker(\1)", "the search worker starts when search opens"),
)


def patched_bundle(bundle: str) -> str:
    """Material's bundle as the site publishes it: every patch applied once,
    the stay-on-page switch disabled, no comment naming a source map that is
    not published."""
    patched = disable_stay_on_page(bundle)
    for pattern, replacement, why in BUNDLE_PATCHES:
        patched, count = pattern.subn(replacement, patched)
        if count != 1:
            raise PatchError(
                f"expected {pattern.pattern!r} exactly once in Material's bundle ({why}), found it {count} times: "
                "Material changed; re-check hooks/hanoi/served/on_demand.py against the new bundle"
            )
    return SOURCE_MAP_COMMENT.sub("", patched)
