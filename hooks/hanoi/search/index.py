"""Search in the reader's language, accent-insensitive.

Material's search plugin writes one ``search/search_index.json`` for the
whole site, and mkdocs-static-i18n merges every language into it. Readers
want results in their own language only, so, once every language is built:

* the merged index is split into one index per language, each at its
  language's root (``search/``, ``vi/search/``, ``fr/search/``), with its
  locations made relative to that root and its ``config.lang`` set to that
  language alone (the worker then loads one lunr language, not three);
* every page's ``__config`` (the JSON Material's JavaScript reads) gets its
  language root as ``base``, which is where Material fetches the index from
  and resolves result links against, and gets our worker
  (``assets/javascripts/workers/search-i18n.js``) as ``search``: it runs
  Material's own worker unmodified and adds accent-insensitive matching. Like
  Material's assets, the worker is published under a name with a hash of its
  content (``search-i18n.1a2b3c4d.min.js``), so that browsers keep it for a
  year (site/_headers) instead of asking for it again on every page.

``fold`` is the reference for the browser's folding in that worker (the
browser tests check that both fold every indexed word alike).
"""

from __future__ import annotations

import gzip
import html
import json
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.utils import write_file

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from hanoi.served.published import fingerprinted

INDEX_FILE = "search/search_index.json"

# The budget for each language's index, gzipped, as Netlify serves it: what a
# reader downloads on opening search (docs-dev/ui-strings-and-search.md, "Search").
INDEX_BUDGET_GZIP_BYTES = 60_000

# Our worker, next to Material's so that Material's relative "../lunr/" paths
# resolve from it exactly as they do from Material's worker.
WORKER_SOURCE = "assets/javascripts/workers/search-i18n.js"
WORKER_NAME = re.compile(r"^search-i18n\.[0-9a-f]{8}\.min\.js$")
MATERIAL_WORKER = re.compile(r"(?:^|/)(search\.[0-9a-f]{8}\.min\.js)$")

_CONFIG_OPENING = '<script id="__config" type="application/json">'
# Characters Jinja's ``tojson`` escapes so that JSON is safe inside <script>.
_HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}

# Same ranges as search-i18n.js: combining diacritical marks (and their
# supplements) left over by NFD, and letters NFD does not decompose.
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LETTERS = {"đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
_LETTER = re.compile("[" + "".join(_LETTERS) + "]")


class SearchConfigNotFound(ValueError):
    """A page has no ``__config`` script: Material's base template changed."""


def fold(text: str) -> str:
    """Text without diacritics: "Tội phạm" -> "Toi pham", "Đà" -> "Da",
    "cybercriminalité" -> "cybercriminalite", "cœur" -> "coeur".

    Case is kept (lunr lowercases on its own).
    """
    stripped = _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", _LETTER.sub(lambda m: _LETTERS[m.group()], stripped))


def language_root(language: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The folder of a language in the site: '' for the language built at the
    root (English; the one language of a BUILD_ONLY_LOCALE preview), 'vi/'..."""
    return "" if language == default else f"{language}/"


def location_language(location: str, languages: Iterable[str] = LANGUAGES, default: str = DEFAULT_LANGUAGE) -> str:
    """The language of an index entry, from its site-relative location ('vi/faq/#x')."""
    first = location.split("#", 1)[0].split("/", 1)[0]
    return first if first != default and first in set(languages) else default


def split_search_index(
    index: Mapping[str, Any],
    languages: Iterable[str] = LANGUAGES,
    default: str = DEFAULT_LANGUAGE,
) -> dict[str, dict[str, Any]]:
    """One index per language, from the merged index, in the order of ``languages``.

    Each keeps the merged index's configuration except ``lang``, which
    becomes that language alone, and has locations relative to its
    language's root ('vi/faq/#x' -> 'faq/#x'; the home page 'vi/' -> '').
    """
    languages = list(languages)
    split: dict[str, dict[str, Any]] = {
        language: {"config": {**index.get("config", {}), "lang": [language]}, "docs": []} for language in languages
    }
    for doc in index.get("docs", []):
        language = location_language(doc["location"], languages, default)
        prefix = language_root(language, default)
        location = doc["location"][len(prefix) :] if prefix else doc["location"]
        split[language]["docs"].append({**doc, "location": location})
    return split


def escape_front_matter_titles(index: Mapping[str, Any], titles: Mapping[str, str]) -> dict[str, Any]:
    """The index with each page title that came from a front matter escaped.

    Every title in Material's index is HTML (its search results insert them
    as HTML, with the matched words marked), and its plugin escapes the
    headings it reads, but it gives a page's first section, when no heading
    starts it, the front-matter title as it is: ``<b>`` there would be live
    in the results. ``titles``: the front-matter titles, by page location."""
    docs = []
    for doc in index.get("docs", []):
        title = titles.get(doc["location"])
        docs.append(
            {**doc, "title": html.escape(title, quote=False)} if title is not None and doc["title"] == title else doc
        )
    return {**index, "docs": docs}


def index_path(site_dir: Path, language: str, default: str = DEFAULT_LANGUAGE) -> Path:
    return site_dir / language_root(language, default) / INDEX_FILE


def index_json(index: Mapping[str, Any]) -> str:
    """As Material writes it: compact, UTF-8."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)


def write_search_indexes(
    site_dir: Path, indexes: Mapping[str, Mapping[str, Any]], default: str = DEFAULT_LANGUAGE
) -> dict[str, Path]:
    written = {}
    for language, index in indexes.items():
        path = index_path(site_dir, language, default)
        write_file(index_json(index).encode("utf-8"), str(path))
        written[language] = path
    return written


def gzip_size(data: bytes) -> int:
    """Bytes after gzip -9 (Netlify compresses at least as well)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def index_sizes(site_dir: Path, languages: Iterable[str] = LANGUAGES) -> dict[str, tuple[int, int]]:
    """(raw bytes, gzip bytes) of each language's index that exists."""
    sizes = {}
    for language in languages:
        path = index_path(site_dir, language)
        if path.is_file():
            data = path.read_bytes()
            sizes[language] = (len(data), gzip_size(data))
    return sizes


def language_base(base: str, language: str, default: str = DEFAULT_LANGUAGE) -> str:
    """Material's ``base`` (the site root, relative to the page: '.', '../..',
    or absolute '/' on error pages) moved to the language's root ('../vi/')."""
    prefix = language_root(language, default)
    if not prefix:
        return base
    return posixpath.join(base, prefix) if base else prefix


def fingerprinted_worker(content: bytes) -> str:
    """Where our worker is published: its name carries a hash of its content,
    in the form of Material's assets (and so is cached like them)."""
    return fingerprinted(posixpath.join(posixpath.dirname(WORKER_SOURCE), "search-i18n.min.js"), content)


def worker_url(material_worker_url: str, worker: str) -> str:
    """Our worker's URL (``worker`` is its site path), next to Material's,
    which it is told to import: '../assets/javascripts/workers/search.a7633da7.min.js'
    -> '../assets/javascripts/workers/search-i18n.1a2b3c4d.min.js?material=search.a7633da7.min.js'."""
    match = MATERIAL_WORKER.search(material_worker_url)
    if not match:
        raise SearchConfigNotFound(f"unexpected Material search worker URL {material_worker_url!r}")
    directory = material_worker_url[: match.start(1)]
    return f"{directory}{posixpath.basename(worker)}?material={match.group(1)}"


def _html_safe_json(value: Any) -> str:
    text = json.dumps(value, sort_keys=True)
    return re.sub("[<>&']", lambda m: _HTML_SAFE[m.group()], text)


def localize_search_config(html: str, language: str, worker: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The page with its ``__config`` pointing search at the language's index
    (``base``) and at our worker (``search``; ``worker`` is its site path).
    Idempotent."""
    start, end = _config_span(html)
    localized = _localized_config(html[start:end], language, worker, default)
    return html[:start] + localized + html[end:]


def _config_span(html: str) -> tuple[int, int]:
    """Where the text of Material's ``__config`` script is: the last one, after
    the content (found by ``str.find``, which is a hundred times faster than a
    regular expression on every page of a large site)."""
    opening = html.rfind(_CONFIG_OPENING)
    closing = html.find("</script>", opening) if opening >= 0 else -1
    if closing < 0:
        raise SearchConfigNotFound('no <script id="__config"> in the page')
    return opening + len(_CONFIG_OPENING), closing


@lru_cache(maxsize=256)
def _localized_config(text: str, language: str, worker: str, default: str) -> str:
    """Pages at the same depth share one ``__config``: each is rewritten once."""
    config = json.loads(text)
    if "/search-i18n." in config.get("search", ""):
        return text
    config["base"] = language_base(config["base"], language, default)
    config["search"] = worker_url(config["search"], worker)
    return _html_safe_json(config)


def page_search_config(html: str) -> dict[str, Any]:
    """The ``__config`` JSON of a built page (for tests and the benchmark)."""
    start, end = _config_span(html)
    config: dict[str, Any] = json.loads(html[start:end])
    return config
