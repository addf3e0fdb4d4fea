"""English left on Vietnamese and French pages: what a native reader would
notice. Used by tests/test_languages.py, and as a command that counts it:

    .venv/bin/python tests/english_text.py site/      # counts per language, then each finding

Two kinds of finding, in the visible text and in the attributes readers meet
(title, aria-label, alt, placeholder, the description and share tags):
- an English interface string: any text equal to one of Material's English
  strings or to an English message of our catalogues that is translated;
- English running text: an English function word, which no Vietnamese or
  French word is spelt like.
Text marked as another language (``lang="en"`` on an element: a quoted
English title, an English newspaper's name) is what it says it is, and is
not counted: readers' browsers and screen readers know it is English.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parents[1]
MATERIAL_EN = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages" / "en.html"
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
META = (
    'meta[name="description"]',
    'meta[property="og:title"]',
    'meta[property="og:description"]',
    'meta[property="og:site_name"]',
    'meta[property="og:image:alt"]',
    'meta[name="twitter:image:alt"]',
)
# English words that are not Vietnamese or French words (French "on", "an",
# "or", "as" and Vietnamese "to" are left out on purpose).
FUNCTION_WORDS = frozenset(
    """the and of for with from by this that these those is are was were be been being
has have had will would not which who whom whose its into than then there their they here
what when where while about after before under until upon""".split()
)
WORD = re.compile(r"[^\W\d_]+")
URL = re.compile(r"\S*(?:://|www\.)\S*")  # an address is not text


MATERIAL_LANGUAGES = MATERIAL_EN.parent
OVERRIDDEN_LANGUAGES = PROJECT / "overrides" / "partials" / "languages"
MATERIAL_STRING = re.compile(r'^\s*"([a-z.]+)":\s*"([^"]+)"', re.M)


def _material_strings(language: str) -> dict[str, str]:
    path = OVERRIDDEN_LANGUAGES / f"{language}.html"
    if not path.is_file():
        path = MATERIAL_LANGUAGES / f"{language}.html"
    return dict(MATERIAL_STRING.findall(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=4)
def interface_strings(language: str) -> frozenset[str]:
    """Material's English interface strings, and our catalogues' English
    messages, that the language writes differently ("Navigation" is French
    too, so it is not English on a French page)."""
    translated = _material_strings(language)
    found = {english for key, english in _material_strings("en").items() if translated.get(key, english) != english}
    with (PROJECT / "locales" / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        found |= {m.id for m in read_po(po) if isinstance(m.id, str) and m.id and m.string and m.string != m.id}
    return frozenset(s for s in found if WORD.search(s) and "%(" not in s and "{" not in s)


def _readable(document: BeautifulSoup) -> BeautifulSoup:
    for hidden in document(["script", "style", "code", "pre", "svg", "template"]):
        hidden.decompose()
    page_language = document.html.get("lang") if document.html else None
    for element in document.select("[lang]"):
        if element.name != "html" and element.get("lang") != page_language:
            element.decompose()
    return document


def texts(html: str) -> list[str]:
    """Every text a reader meets on the page, outside other-language parts."""
    document = _readable(BeautifulSoup(html, "html.parser"))
    found = [" ".join(s.split()) for s in document.body.stripped_strings] if document.body else []
    found += [
        " ".join(tag.get(name).split()) for tag in document.find_all(True) for name in ATTRIBUTES if tag.get(name)
    ]
    found += [tag.get("content", "") for selector in META for tag in document.select(selector)]
    if document.title:
        found.append(document.title.get_text(" ", strip=True))
    return [t for t in found if t]


def english_in(text: str, language: str) -> str | None:
    """Why ``text`` reads as English on a page in ``language``, or None.
    Function words count in lower case only: "Pham The Tung" is a name."""
    if text in interface_strings(language):
        return "interface string"
    words = set(WORD.findall(URL.sub(" ", text)))
    english = sorted(words & FUNCTION_WORDS)
    return f"English words: {', '.join(english)}" if english else None


def findings(html: str, language: str) -> list[tuple[str, str]]:
    return [(text, why) for text in texts(html) if (why := english_in(text, language))]


def site_findings(site: Path, language: str) -> dict[str, list[tuple[str, str]]]:
    result = {}
    for page in sorted((site / language).rglob("*.html")):
        found = findings(page.read_text(encoding="utf-8"), language)
        if found:
            result["/" + page.relative_to(site).as_posix()] = found
    return result


def main(site: Path) -> None:
    for language in ("vi", "fr"):
        found = site_findings(site, language)
        total = sum(len(v) for v in found.values())
        kinds = Counter(why.split(":")[0] for v in found.values() for _, why in v)
        print(f"{language}: {total} English strings on {len(found)} pages ({dict(kinds)})")
        for page, items in found.items():
            for text, why in items:
                print(f"  {page}: {text[:100]!r} ({why})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
