"""Fixes to Material's output, each checked against the exact text it replaces.

Material 9.7+ has a "stay on the same page" language switch: at load it takes
every ``<link rel="alternate">`` in the page (our hreflang links and the Atom
feed link) and fetches ``sitemap.xml`` next to each one: ``/fr/convention/
sitemap.xml`` and so on. None of those files exists, so every page made four
or five requests that all ended in 404 (the 404 page, about 4 kB compressed
each, and a console error each, which Lighthouse counts against Best
Practices). It then intercepted clicks on links into another language and sent
the reader to the alternate's address without its trailing slash (one more
redirect). Our switcher links already point at the page's own translation
(mkdocs-static-i18n), so the feature brings nothing here.

The patch narrows the feature's selector so that it matches no element: no
fetch, no click interception; nothing else in the bundle changes. If a Material
upgrade changes that text, the build stops (strict) and says so, so the patch
is re-checked rather than silently lost.

Also: Material's scripts end with a ``sourceMappingURL`` comment naming a map
that its package does not ship; the comment is dropped where the map is not
in the site, so no tool asks for a file that is not there.

And in every page: Material's drawer and search toggles (two checkboxes that
base.html writes outside any block a theme can override) carry
``autocomplete="off"``, which HTML allows on text-like inputs only (the Nu
Html Checker reported it twice on every page). Material put it there so that
Firefox would not restore a toggle left checked when the reader comes back;
its bundle closes the drawer and search anyway as soon as a page has loaded
(its location stream emits at start), so the attribute is taken out, each
input checked to be exactly as Material writes it.

And in French pages: Material's footer joins "Précédent" or "Suivant" and the
next page's title with a bare colon in the links' ``aria-label`` (its
template writes ``{{ direction }}: {{ title }}`` whatever the language), which
screen readers read out; French puts a no-break space before the colon, as
the visible text of every page does.
"""

from __future__ import annotations

import re
from pathlib import Path

from hanoi.served.published import site_files

SOURCE_MAP_COMMENT = re.compile(
    r"\n?(?://# sourceMappingURL=(\S+)[ \t]*|/\*# sourceMappingURL=(\S+)[ \t]*\*/)[ \t]*(?=\n|$)"
)
STAY_ON_PAGE_SELECTOR = '"link[rel=alternate]"'
# Matches no element: nothing in the site carries data-md-stay-on-page.
DISABLED_SELECTOR = '"link[rel=alternate][data-md-stay-on-page]"'


# Material's two toggles as base.html writes them, and as we publish them.
_TOGGLE = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"'
TOGGLES = {
    _TOGGLE.format(name=name) + ' autocomplete="off">': _TOGGLE.format(name=name) + ">" for name in ("drawer", "search")
}


# Material's French footer directions (partials/languages/fr.html).
FRENCH_FOOTER_LABEL = re.compile(r'aria-label="(Précédent|Suivant): ')


class PatchError(RuntimeError):
    pass


def with_french_footer_colons(html: str) -> str:
    """A French page whose footer links' labels put a no-break space before
    the colon (idempotent)."""
    return FRENCH_FOOTER_LABEL.sub('aria-label="\\1\u00a0: ', html)


def without_toggle_autocomplete(html: str) -> str:
    """A page without ``autocomplete`` on Material's two toggles (idempotent)."""
    for material, ours in TOGGLES.items():
        if material in html:
            html = html.replace(material, ours, 1)
        elif ours not in html:
            raise PatchError(
                f"Material's toggle {material!r} is not in the page: Material changed; "
                "re-check hooks/hanoi/served/material_fixes.py against its base.html"
            )
    return html


def disable_stay_on_page(bundle: str) -> str:
    """The bundle with the stay-on-page selector disabled (idempotent)."""
    found = bundle.count(STAY_ON_PAGE_SELECTOR)
    if found == 0 and DISABLED_SELECTOR in bundle:
        return bundle
    if found != 1:
        raise PatchError(
            f"expected {STAY_ON_PAGE_SELECTOR} exactly once in Material's bundle, found it {found} times: "
            "Material changed; re-check hooks/hanoi/served/material_fixes.py against the new bundle"
        )
    return bundle.replace(STAY_ON_PAGE_SELECTOR, DISABLED_SELECTOR)


def without_missing_source_maps(text: str, folder: Path) -> str:
    """The text without sourceMappingURL comments whose map is not in folder."""

    def drop(match: re.Match[str]) -> str:
        reference = match.group(1) or match.group(2)
        return match.group(0) if (folder / reference).is_file() else ""

    return SOURCE_MAP_COMMENT.sub(drop, text)


def drop_missing_source_maps(site_dir: Path) -> list[Path]:
    """Drop dangling sourceMappingURL comments from the site's scripts and styles."""
    changed = []
    for path in site_files(site_dir, (".js", ".css")):
        text = path.read_text(encoding="utf-8")
        if "sourceMappingURL=" not in text:
            continue
        cleaned = without_missing_source_maps(text, path.parent)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")
            changed.append(path)
    return changed
