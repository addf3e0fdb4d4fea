"""The pages of the built site, found from the output rather than listed by
hand, and sorted into the page types the quality gates check.

A page type that is not built yet is simply not checked yet; the tests that
enumerate pages fail if they find none, and report the types they did not
find (see ``missing_types``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from sitetools import html_pages, page_language, url_path

# Every page type, in the order the tests report them.
PAGE_TYPES = (
    "home",
    "content",
    "signatures",
    "map",
    "programme",
    "press-archive",
    "press-release",
    "media-kit",
    "fact-sheet",
    "glossary",
    "404",
)
# Types every build has; a test fails if one of them is missing.
REQUIRED_TYPES = ("home", "content", "press-archive", "press-release", "404")


def relative_path(site_dir: Path, page: Path) -> str:
    """The URL path inside the page's language: 'press/' for /vi/press/."""
    path = url_path(site_dir, page).lstrip("/")
    language = page_language(site_dir, page)
    return path if language == DEFAULT_LANGUAGE else path[len(language) + 1 :]


def page_type(relative: str) -> str:
    """The type of a page from its path inside its language."""
    if relative == "":
        return "home"
    if relative == "404.html":
        return "404"
    if relative == "convention/signatures/":
        return "signatures"
    if relative == "convention/map/":
        return "map"
    if relative.startswith("ceremony/programme/"):
        return "programme"
    if relative == "press/" or relative.startswith("press/page/"):
        return "press-archive"
    if relative.startswith("press/"):
        return "press-release"
    if relative.startswith("media/kit/"):
        return "media-kit"
    if relative.startswith("media/fact-sheets/"):
        return "fact-sheet"
    if relative == "glossary/":
        return "glossary"
    return "content"


@dataclass(frozen=True)
class SitePage:
    file: Path
    language: str
    url: str  # served path, e.g. /vi/press/
    relative: str  # path inside the language, e.g. press/
    type: str


def site_pages(site_dir: Path) -> list[SitePage]:
    pages = []
    for file in html_pages(site_dir):
        relative = relative_path(site_dir, file)
        pages.append(
            SitePage(file, page_language(site_dir, file), url_path(site_dir, file), relative, page_type(relative))
        )
    return pages


def pages_in(site_dir: Path, language: str) -> list[SitePage]:
    return [page for page in site_pages(site_dir) if page.language == language]


def samples(site_dir: Path) -> dict[str, dict[str, SitePage]]:
    """One page of each type found, in each language that has it: the deepest
    page of the type in the default language (then the first by path), and
    the same page in the other languages."""
    pages = site_pages(site_dir)
    index = {(page.language, page.relative): page for page in pages}
    found: dict[str, dict[str, SitePage]] = {}
    for kind in PAGE_TYPES:
        candidates = [p for p in pages if p.type == kind and p.language == DEFAULT_LANGUAGE]
        if not candidates:
            continue
        chosen = sorted(candidates, key=lambda p: (-p.relative.count("/"), p.relative))[0]
        found[kind] = {
            language: index[(language, chosen.relative)]
            for language in LANGUAGES
            if (language, chosen.relative) in index
        }
    return found


def missing_types(site_dir: Path) -> list[str]:
    present = {page.type for page in site_pages(site_dir)}
    return [kind for kind in PAGE_TYPES if kind not in present]


def check_required_types(site_dir: Path) -> None:
    """Fail loudly if a page type every build must have is missing; warn about
    the optional ones not built yet, so that nothing is skipped silently."""
    import warnings

    missing = missing_types(site_dir)
    required = [kind for kind in missing if kind in REQUIRED_TYPES]
    assert not required, f"page types not found in the built site: {required}"
    if missing:
        warnings.warn(f"page types not built yet, so not checked: {', '.join(missing)}", stacklevel=2)
