"""Checks on what pages and data say that the strict build does not make,
read from the source, before anything renders: early messages with the
exact line. They are not the gate: Markdown and browsers read some sources
differently from any pattern, so the HTML each page renders to is held to
an allowlist as well (``hanoi.pages.rendered``), and that check decides.

* **Links that break in other languages.** MkDocs rewrites Markdown links
  and images for each language's folder, but not raw HTML: ``<img
  src="../x.png">`` or ``<a href="/press/">`` written by hand breaks (or
  leads to the English page) under /vi/ and /fr/. Such tags are refused with
  the Markdown to write instead.
* **Content cannot add behaviour or third-party requests** (a page, or a
  text in ``data/``): no ``<script>``, inline event handler (``on…=``) or
  ``javascript:`` URL; no ``<iframe>``, ``<object>`` or ``<embed>``; no
  ``src``, ``srcset``, ``poster`` or CSS ``url()`` that loads from another
  host, which would tell that host who reads the page. The site's own
  scripts are in its templates (overrides/), and only theirs are allowed by
  the Content-Security-Policy (``hanoi.served.security``).

Raw HTML is read with the standard library's HTML parser, as a browser
would tokenise it (entities decoded, any case, any quoting). Markdown's own
forms that make the same elements and attributes (``![](…)``, ``[](…)``,
reference definitions, ``{ key=value }`` of attr_list) are read with
patterns of their syntax. Code shown in fenced blocks or inline code is
text, not markup, and is blanked out first (line numbers are kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hanoi.datafiles import Located, relative
from hanoi.markers.expansion import FENCE
from hanoi.pages.rendered import (
    C0_AND_SPACE,
    CODE_FIX,
    EMBED_FIX,
    URL_TAB_OR_NEWLINE,
    is_plain_text,
    refusals,
)
from hanoi.problems import Problem

RELATIVE_LINK_FIX = {
    "a": "write a Markdown link instead, e.g. [text](../press/index.md), which works in every language",
    "img": "write a Markdown image instead, e.g. ![description](../assets/photo.jpg), which works in every language",
}

EMBEDDING_TAGS = frozenset({"iframe", "object", "embed"})
# Attributes whose URL the browser loads as the page loads (srcset: a list of them).
LOADED_URL_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background"})
# Attributes whose URL can run as code when followed or submitted.
NAVIGATED_URL_ATTRIBUTES = frozenset({"href", "action", "formaction", "xlink:href", "cite"})
SAFE_LINK = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#)", re.I)  # https:, mailto:, webcal:, #anchor

# Inline code: a run of backticks, then the same run again, within a paragraph.
INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))+?(?<!`)(?P=ticks)(?!`)")
# Markdown's link and image forms (Python-Markdown's inline patterns, in short).
MARKDOWN_LINK = re.compile(r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<url>[^\s)]+))")
MARKDOWN_REFERENCE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\](?:\[(?P<label>[^\[\]\n]*)\])?")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<url>[^\s>]+)", re.M)
# attr_list's { #id .class key=value } (after a block, a heading or an inline element).
# Braces inside are not matched, so that a run of "{" costs linear time.
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?P<body>[^{}\n]+)\}")
ATTRIBUTE = re.compile(r"(?P<name>[^\s=#.{}]+)=(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s}]+))")
CSS_URL = re.compile(r"""url\(\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^)\s]*))""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""", re.I)
_NOT_NEWLINE = re.compile(r"[^\n]")
_START_TAG = re.compile(r"<[A-Za-z]")


@dataclass(frozen=True)
class Finding:
    """One refused construct, before it is placed in a file."""

    line: int  # within the text checked, from 1
    place: str
    message: str
    fix: str


def is_javascript_url(url: str) -> bool:
    return URL_TAB_OR_NEWLINE.sub("", url).lstrip(C0_AND_SPACE).lower().startswith("javascript:")


def is_other_host(url: str) -> bool:
    """Whether loading ``url`` asks another host: any URL with a host
    (``https://…``, ``//…``) or a scheme other than ``data:``. The site's own
    files are written as paths relative to the page."""
    parts = urlsplit(URL_TAB_OR_NEWLINE.sub("", url).strip())
    return bool(parts.netloc) or parts.scheme.lower() not in ("", "data")


def css_urls(css: str) -> list[str]:
    return [
        next(v for v in m.groupdict().values() if v is not None)
        for pattern in (CSS_URL, CSS_IMPORT)
        for m in pattern.finditer(css)
    ]


def _css_findings(css: str) -> list[tuple[str, str]]:
    return [(f"CSS loads '{url}' from another host", EMBED_FIX) for url in css_urls(css) if is_other_host(url)]


def attribute_findings(name: str, value: str) -> list[tuple[str, str]]:
    """(message, fix) for one attribute, whether written in HTML or with attr_list."""
    name = name.lower()
    if name.startswith("on"):
        return [(f"inline event handler {name}= runs code", CODE_FIX)]
    if name in LOADED_URL_ATTRIBUTES | NAVIGATED_URL_ATTRIBUTES and is_javascript_url(value):
        return [(f"'javascript:' URL in {name}= runs code", CODE_FIX)]
    if name == "style":
        return _css_findings(value)
    if name == "srcset":
        urls = [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    else:
        urls = [value] if name in LOADED_URL_ATTRIBUTES else []
    return [(f"{name}= loads '{url}' from another host", EMBED_FIX) for url in urls if is_other_host(url)]


class _Scanner(HTMLParser):
    """Raw HTML, as a browser tokenises it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._in_style = False

    def _add(self, place: str, message: str, fix: str) -> None:
        self.findings.append(Finding(self.getpos()[0], place, message, fix))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._add("<script>", "a <script> element runs code", CODE_FIX)
        elif tag in EMBEDDING_TAGS:
            self._add(f"<{tag}>", f"an <{tag}> element embeds another document", EMBED_FIX)
        self._in_style = tag == "style"
        for name, value in attrs:
            for message, fix in attribute_findings(name, value or ""):
                self._add(f"<{tag} {name}>", message, fix)
        self._check_relative_link(tag, dict(attrs))

    def _check_relative_link(self, tag: str, attrs: dict[str, str | None]) -> None:
        attribute = {"a": "href", "img": "src"}.get(tag)
        url = attrs.get(attribute) if attribute else None
        if url is None or SAFE_LINK.match(url) or is_javascript_url(url):  # the last: refused as code
            return
        kind = "link" if tag == "a" else "image"
        self._add(
            f"<{tag} {attribute}>", f"raw HTML {kind} to '{url}' breaks under /vi/ and /fr/", RELATIVE_LINK_FIX[tag]
        )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for message, fix in _css_findings(data):
                self._add("<style>", message, fix)


def _blank(text: str, spans: Iterator[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces, its line breaks kept."""
    pieces, done = [], 0
    for start, end in spans:
        pieces += [text[done:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        done = end
    return "".join(pieces) + text[done:] if pieces else text


def without_code(markdown: str) -> str:
    """The Markdown with fenced code blocks and inline code blanked out."""
    if "`" not in markdown and "~~~" not in markdown:
        return markdown
    markdown = _blank(markdown, (m.span() for m in FENCE.finditer(markdown)))
    return _blank(markdown, (m.span() for m in INLINE_CODE.finditer(markdown)))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _markdown_findings(text: str) -> list[Finding]:
    """Links, images and attribute lists written in Markdown."""
    found: list[Finding] = []
    definitions = {m["label"].strip().lower(): (m["url"], m.start()) for m in REFERENCE_DEFINITION.finditer(text)}
    for match in MARKDOWN_LINK.finditer(text):
        url = match["angled"] if match["angled"] is not None else match["url"]
        image = match.start() > 0 and text[match.start() - 1] == "!"
        if is_javascript_url(url):
            found.append(Finding(_line(text, match.start()), "[](…)", "'javascript:' link runs code", CODE_FIX))
        elif image and is_other_host(url):
            found.append(
                Finding(_line(text, match.start()), "![](…)", f"image loads '{url}' from another host", EMBED_FIX)
            )
    for label, (url, start) in definitions.items():
        if is_javascript_url(url):
            found.append(Finding(_line(text, start), f"[{label}]:", "'javascript:' link runs code", CODE_FIX))
    for match in MARKDOWN_REFERENCE.finditer(text) if definitions else ():
        url, _ = definitions.get((match["label"] or match["alt"]).strip().lower(), ("", 0))
        if is_other_host(url) and not text.startswith("(", match.end()):
            found.append(
                Finding(_line(text, match.start()), "![][…]", f"image loads '{url}' from another host", EMBED_FIX)
            )
    for match in ATTRIBUTE_LIST.finditer(text):
        for attribute in ATTRIBUTE.finditer(match["body"]):
            value = next(v for v in (attribute["double"], attribute["single"], attribute["bare"]) if v is not None)
            for message, fix in attribute_findings(attribute["name"], value):
                found.append(Finding(_line(text, match.start()), f"{{ {attribute['name']}= }}", message, fix))
    return found


def findings(markdown: str) -> list[Finding]:
    """What a Markdown text (a page's body, or a text in data/) may not hold."""
    if not any(sign in markdown for sign in ("<", "](", "]:", "{", "![")):
        return []  # nearly every text in data/: nothing to parse
    text = without_code(markdown)
    found = _markdown_findings(text)
    if _START_TAG.search(text):  # raw HTML (a page's markers are comments, not elements)
        scanner = _Scanner()
        scanner.feed(text)
        scanner.close()
        found = scanner.findings + found
    return found


def content_problems(name: str, markdown: str, first_line: int = 1) -> list[Problem]:
    """The problems of a page's body (``first_line``: its line in the file)."""
    return [Problem(name, first_line + f.line - 1, f.place, f.message, f.fix) for f in findings(markdown)]


def _texts(node: Any, line: int) -> Iterator[tuple[str, int]]:
    """Every string in YAML data, with the line of its key (or of its list)."""
    if isinstance(node, str):
        yield node, line
    elif isinstance(node, Located):
        for key, value in node.items():
            yield from _texts(value, node.key_lines.get(str(key), node.line))
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, getattr(value, "line", 0) or getattr(node, "line", 0) or line)


def data_text_problems(data_files: Mapping[Path, Any]) -> list[Problem]:
    """The problems of every text in the data files (``read_data_files``):
    the source checks, or else the rendered-HTML gate, each text read as
    HTML (``hanoi.pages.rendered``)."""
    problems = []
    for path, data in data_files.items():
        name = relative(path)
        for text, line in _texts(data, 1):
            found = content_problems(name, text, line)
            if not found and not is_plain_text(text):
                found = [Problem(name, line, r.place, r.message, r.fix) for r in refusals(text)]
            problems += found
    return problems
