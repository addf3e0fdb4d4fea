"""What a first visit downloads: Material's bundle when the reader first
interacts, search when the reader opens it, Material's stylesheet cut to what
the site uses (README, "Quality gates": at most 50 kB on a phone).

Material's bundle is loaded by ``overrides/assets/javascripts/on-demand.js``
and patched here, each patch checked against the exact text it replaces (a
Material upgrade that changes it stops the build, as for the patches of
``hanoi.material_patches``):

* Material starts its components on ``DOMContentLoaded``, which a bundle
  loaded later never sees: once the document is parsed, it starts on the
  event on-demand.js sends when the bundle has run;
* it requests the search index at start: it asks ``HanoiOnDemand.index``,
  which makes Material's own request once the reader opens search;
* it starts its search worker at start: ``HanoiOnDemand.worker`` starts it
  when the reader opens search.

The patched bundle and the cut stylesheet are published under names carrying
a hash of their content, in the form of Material's own names, so that
browsers may keep them for a year (site/_headers) and never keep a stale one.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from .material_patches import SOURCE_MAP_COMMENT, PatchError, disable_stay_on_page
from .published import site_files

BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$")
STYLESHEET = re.compile(r"^assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$")
LOADER = "assets/javascripts/on-demand.js"

# (what Material's bundle says, what it says once patched, why): each must be
# found exactly once. Minified names (h, ks) are captured, not assumed.
BUNDLE_PATCHES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r'(\b[\w$]+)\(document,"DOMContentLoaded",\{once:!0\}\)'),
     r'\1(document,document.readyState==="loading"?"DOMContentLoaded":HanoiOnDemand.start,{once:!0})',
     "the bundle starts once on-demand.js has loaded it"),
    (re.compile(r'document\.forms\.namedItem\("search"\)\?([\w$]+)\(\):'),
     r'document.forms.namedItem("search")?HanoiOnDemand.index(\1):',
     "the search index is requested when search opens"),
    (re.compile(r"new Worker\(([\w$]+)\)"),
     r"HanoiOnDemand.worker(\1)",
     "the search worker starts when search opens"),
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
                "Material changed; re-check hooks/hanoi/first_visit.py against the new bundle")
    return SOURCE_MAP_COMMENT.sub("", patched)


def fingerprinted(path: str, content: bytes) -> str:
    """``assets/javascripts/bundle.a5f9d56c.min.js`` -> the same name with the
    first 8 hex digits of the SHA-256 of ``content`` in place of Material's."""
    folder, name = posixpath.split(path)
    stem, _, extension = name.partition(".")
    extension = extension.split(".", 1)[1] if re.match(r"[0-9a-f]{8}\.", extension) else extension
    return posixpath.join(folder, f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}.{extension}")


def relink_pages(site_dir: Path, material: str, published: str) -> int:
    """Point every built page at ``published`` where Material's template
    linked its own stylesheet ``material`` (both site paths; the pages'
    relative prefixes stay). The number of pages changed."""
    old, new = material.encode(), published.encode()
    changed = 0
    for path in site_files(site_dir, (".html",)):
        html = path.read_bytes()
        if old in html:
            path.write_bytes(html.replace(old, new))
            changed += 1
    return changed
