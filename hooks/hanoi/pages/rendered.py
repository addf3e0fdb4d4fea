"""The gate on what content publishes: the HTML a page's Markdown rendered
to (and every text of ``data/``), read as a browser reads it and held to an
allowlist of elements, attributes and URL schemes.

``hanoi.pages.content`` reads the *source* with patterns, for early messages
with exact lines; but Python-Markdown and browsers read some sources
differently from any pattern (a ``\\]`` in a link's text, ``<!-->``, text in
``<noscript>``…), so the *output* is what decides:

* **nh3** (the Rust sanitizer ammonia, which parses with html5ever, an
  HTML5-conformant parser) sanitizes the HTML with the allowlist below;
* the page is refused whenever that changes it, compared as trees parsed by
  a second HTML5-conformant parser, **lexbor** (selectolax), so that two
  spellings of the same markup (quotes, entities) are not a change;
* the same lexbor tree, walked with the same allowlist, says what was
  refused and why, and the source is searched for it to name the line.

The check runs on the HTML Markdown made from the page's own text, before
the markers' HTML (rendered from our templates in ``overrides/partials/``)
is put in place of their tokens (``hanoi.markers.expansion``): content is
held to the allowlist, and our templates' forms, buttons and data
attributes are not. Texts from ``data/`` reach pages only through those
templates, which escape them; each is checked here as if it were HTML, so
that even a template that printed one as it is could not publish markup
the allowlist refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from hanoi.problems import Problem

# What Markdown and its extensions make (headings, lists, tables, code,
# admonitions, details, abbreviations, definition lists, heading anchors), and
# the few inline elements pages write by hand (<span lang>, <sup>).
ALLOWED_ELEMENTS = frozenset(
    {
        *(f"h{level}" for level in range(1, 7)),
        *("p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp", "var"),
        *("a", "img", "abbr", "dfn", "cite", "q", "time", "data"),
        *("em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "wbr"),
        *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
    }
)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope", "abbr"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "details": frozenset({"open"}),
}
# Where links may go; a link without a scheme stays on the site.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "webcal"})
# The only URLs a picture may load: a file of the site (no host), or a raster
# image written out in the page.
RASTER_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp|avif)[;,]", re.I)
# Material's own elements are named "__drawer", "__search", "__config"…: an
# element of the content taking such a name would be found by its scripts first.
RESERVED_ID = re.compile(r"^_")

CODE_FIX = (
    "remove it: pages and data cannot run code (the site's own scripts are in overrides/); "
    "to show code, put it in `backticks` or a ``` block"
)
EMBED_FIX = "put the file under docs/<lang>/, or link to it instead of embedding it"
MARKUP_FIX = (
    "remove it: pages show text, links, tables and pictures written in Markdown "
    "(CONTRIBUTING.md, What pages and data cannot hold)"
)
# Elements refused for what they do, with the reason; any other element not
# allowed is refused as not needed (MARKUP_FIX).
REFUSED_ELEMENTS: dict[str, tuple[str, str]] = {
    "script": ("runs code", CODE_FIX),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "portal"), ("embeds another document", EMBED_FIX)
    ),
    **dict.fromkeys(("video", "audio", "source", "track", "picture"), ("loads media", EMBED_FIX)),
    "meta": ("can send the reader to another address or change how the page loads", MARKUP_FIX),
    "base": ("changes where every link of the page goes", MARKUP_FIX),
    "link": ("loads or announces files from anywhere", MARKUP_FIX),
    "style": ("restyles the whole site and can load from another host", MARKUP_FIX),
    **dict.fromkeys(
        ("form", "input", "button", "select", "option", "textarea", "label", "fieldset"),
        ("makes a form, which can send what readers type anywhere", MARKUP_FIX),
    ),
    **dict.fromkeys(
        ("svg", "math"),
        (
            "is drawn from markup that can hold scripts and links",
            "put the picture in a PNG, JPEG or WebP file under docs/<lang>/",
        ),
    ),
    **dict.fromkeys(
        ("noscript", "noembed", "noframes", "xmp", "plaintext", "title", "template"),
        ("holds text that browsers read as markup in their own way", MARKUP_FIX),
    ),
}
URL_ATTRIBUTES = frozenset({"href", "src"})
# What browsers drop or change in a URL before reading it (the URL standard).
URL_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
C0_AND_SPACE = "".join(map(chr, range(0x21)))


@dataclass(frozen=True)
class Refusal:
    """One thing the allowlist refuses in rendered HTML."""

    place: str  # e.g. "<img onerror>"
    message: str
    fix: str
    needles: tuple[str, ...]  # what to look for in the source to find its line, best first


def _as_browsers_read(url: str) -> str:
    return URL_TAB_OR_NEWLINE.sub("", url).strip(C0_AND_SPACE).replace("\\", "/")


def url_refusal(tag: str, attribute: str, url: str) -> tuple[str, str] | None:
    """(message, fix) if ``url`` may not be in ``attribute`` of ``tag``."""
    parts = urlsplit(_as_browsers_read(url))
    scheme = parts.scheme.lower()
    if scheme in ("javascript", "vbscript"):
        return f"'{scheme}:' URL in {attribute}= runs code", CODE_FIX
    if tag == "img":
        if parts.netloc or scheme not in ("", "data"):
            return f"{attribute}= loads '{url}' from another host", EMBED_FIX
        if scheme == "data" and not RASTER_DATA.match(_as_browsers_read(url)):
            return f"{attribute}= holds a picture that is not PNG, JPEG, GIF, WebP or AVIF", EMBED_FIX
        return None
    if scheme and scheme not in LINK_SCHEMES:
        return (
            f"'{scheme}:' URL in {attribute}=: links may only be web, e-mail, telephone or calendar addresses",
            "link to an https:// address, or to a page or file of the site",
        )
    return None


def attribute_refusal(tag: str, name: str, value: str) -> tuple[str, str] | None:
    """(message, fix) if the attribute may not be on ``tag``."""
    if name.startswith("on"):
        return f"inline event handler {name}= runs code", CODE_FIX
    if name not in ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset()):
        if name == "style":
            return "style= restyles the page and can load from another host", MARKUP_FIX
        return f"the attribute {name}= is not allowed on <{tag}>", MARKUP_FIX
    if name in URL_ATTRIBUTES:
        return url_refusal(tag, name, value)
    if name == "id" and RESERVED_ID.match(value):
        return f"the id '{value}' is the site's own (ids beginning with '_')", "choose an id that begins with a letter"
    return None


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's filter: the attributes its allowlist keeps, held to the same rules."""
    return None if attribute_refusal(tag, name, value) else value


def sanitized(html: str) -> str:
    """``html`` as the allowlist leaves it (nh3)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_ELEMENTS),
        clean_content_tags=set(),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        strip_comments=False,
        link_rel=None,
        url_schemes=set(LINK_SCHEMES) | {"data"},
    )


def _tree(html: str) -> Iterator[LexborNode]:
    """The nodes of the fragment's tree, as a browser parses it in the page's body."""
    root = LexborHTMLParser(html, is_fragment=True).root
    if root is not None:  # None for an empty fragment
        yield from root.traverse(include_text=True)


Shape = list[tuple[str, tuple[tuple[str, str], ...] | str]]


def _shape_item(node: LexborNode, tag: str) -> tuple[str, tuple[tuple[str, str], ...] | str] | None:
    """A node as a comparable item: an element with its attributes, a text,
    a comment; None for what a tree compares by its children."""
    if tag == "-text":
        return (tag, node.text_content or "")
    if tag == "-comment":
        return (tag, node.html or "")
    if tag.startswith("-"):
        return None
    return (tag, tuple(sorted((k, v or "") for k, v in node.attributes.items())))


def _shape(html: str) -> Shape:
    """The tree of ``html`` as comparable items."""
    return [item for node in _tree(html) if (item := _shape_item(node, node.tag or "")) is not None]


def changed_by_sanitizing(html: str, shape: Shape | None = None) -> bool:
    """Whether the allowlist would change ``html``'s tree (``shape``: that
    tree, if it has been walked already)."""
    return _shape(sanitized(html)) != (_shape(html) if shape is None else shape)


def refusals(html: str) -> list[Refusal]:
    """What the allowlist refuses in ``html``, each once, in document order;
    if sanitizing changes it and the walk finds nothing (the two parsers
    disagree), one refusal that says so."""
    found: dict[str, Refusal] = {}
    shape: Shape = []  # the tree walked once, for both the refusals and the comparison
    for node in _tree(html):
        tag = node.tag or ""
        if (item := _shape_item(node, tag)) is not None:
            shape.append(item)
        if tag.startswith("-") or tag in ("html", "head", "body"):
            continue
        if tag not in ALLOWED_ELEMENTS:
            does, fix = REFUSED_ELEMENTS.get(tag, ("is not among the elements pages may use", MARKUP_FIX))
            article = "an" if tag[:1] in "aeiou" else "a"
            found.setdefault(f"<{tag}>", Refusal(f"<{tag}>", f"{article} <{tag}> element {does}", fix, (f"<{tag}",)))
            continue
        for name, value in node.attributes.items():
            refused = attribute_refusal(tag, name, value or "")
            if refused:
                place = f"<{tag} {name}>"
                # A URL may be written with character references: then its scheme's name.
                needles = (value, urlsplit(_as_browsers_read(value)).scheme) if name in URL_ATTRIBUTES and value else ()
                found.setdefault(f"{place} {value}", Refusal(place, *refused, (*needles, f"{name}=")))
    if not found and changed_by_sanitizing(html, shape):
        return [
            Refusal(
                "HTML",
                "the HTML is read differently by browsers' parsers: it cannot be checked",
                "write it in Markdown, or in simpler HTML (closed tags, quoted attributes)",
                (),
            )
        ]
    return list(found.values())


def is_plain_text(text: str) -> bool:
    """No markup, no character reference: HTML reads it as the same text."""
    return "<" not in text and "&" not in text


def source_line(source: str, needles: tuple[str, ...], first_line: int) -> int | None:
    """The line of ``source`` (which starts at ``first_line`` of its file)
    that holds the first of ``needles`` that exactly one line holds (case
    ignored); None if there is none."""
    lines = source.lower().splitlines()
    for needle in filter(None, needles):
        holding = [number for number, line in enumerate(lines, first_line) if needle.lower() in line]
        if len(holding) == 1:
            return holding[0]
    return None


def rendered_problems(name: str, html: str, source: str, first_line: int = 1) -> list[Problem]:
    """The problems of the HTML ``html`` rendered from ``source`` (the text
    of file ``name`` from its line ``first_line``)."""
    if is_plain_text(html):
        return []
    return [
        Problem(name, source_line(source, r.needles, first_line), r.place, r.message, r.fix) for r in refusals(html)
    ]
