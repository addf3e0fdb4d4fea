"""The HTML of a fact-sheet page as Typst markup, for its PDF.

The PDF is made from the page's *rendered* HTML, after the markers have put
in the key figures, so the web page and the PDF cannot disagree.

Why our own converter: no maintained converter fits a pip-only build. pandoc
(also behind pypandoc) is a system binary; the Markdown-to-Typst packages on
PyPI (md2typst and the like) would read the Markdown before our markers and
Markdown extensions have run, so key figures would be missing; nothing on PyPI
converts HTML to Typst. Fact sheets use a small, fixed set of elements, so
this converter handles exactly those and refuses any other element by name,
so that nothing is ever silently left out of a PDF. Every character of text is
escaped: nothing a page says can run as Typst code.

The Typst functions it calls (``hc-link``, ``hc-urls``, ``hc-style``) are
defined in ``templates/typst/factsheet.typ``, which owns all the styling.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from urllib.parse import urljoin

# Characters with a meaning in Typst markup; each is written with a backslash.
# (`.` for "..." and `'` `"` for smart quotes: the PDF shows what the page shows.)
_SPECIAL = re.compile(r"""([\\#$*_`<>@\[\]~=\-+/'".:])""")
# HTML white space only: U+00A0 and U+202F are kept (French spacing).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")

_VOID = {"br", "hr", "img", "wbr", "input", "meta", "link", "source"}
_INLINE_WRAPPERS = {"span", "time", "data", "abbr", "small", "cite", "q", "dfn", "bdi", "bdo"}
_INLINE = _INLINE_WRAPPERS | {"a", "strong", "b", "em", "i", "code", "br", "sup", "sub", "wbr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK = _HEADINGS | {
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "div",
    "section",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "hr",
}
# Classes the template styles (see hc-style there); others are ignored.
STYLED_CLASSES = ("hc-key-facts", "hc-key-facts__value", "hc-key-facts__source", "hc-fact")


class UnsupportedElement(ValueError):
    """An element the PDF cannot show faithfully."""

    def __init__(self, tag: str, line: int | None) -> None:
        super().__init__(f"the page uses <{tag}>, which the PDF fact sheets do not support")
        self.tag = tag
        self.line = line


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def escape(text: str) -> str:
    """Text as Typst markup that shows exactly this text."""
    return _SPECIAL.sub(r"\\\1", _HTML_SPACE.sub(" ", text))


def string(text: str) -> str:
    """A Typst string literal."""
    text = "".join(ch for ch in text if ch >= " " or ch == "\t")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _is_blank(node: Element | str) -> bool:
    return isinstance(node, str) and not _HTML_SPACE.sub("", node)


@dataclass(frozen=True)
class TypstPage:
    title: str
    body: str


class _Converter:
    def __init__(self, base_url: str, sources_id: str) -> None:
        self.base_url = base_url
        self.sources_id = sources_id
        self.section = ""
        self.title = ""
        self.pending_urls: list[str] = []

    # -- inline content ----------------------------------------------------
    def inline(self, nodes: list[Element | str]) -> str:
        return "".join(self.inline_node(node) for node in nodes)

    def inline_node(self, node: Element | str) -> str:
        if isinstance(node, str):
            return escape(node)
        tag = node.tag
        if tag == "a":
            if "headerlink" in node.classes:
                return ""
            body = self.inline(node.children)
            href = node.attrs.get("href", "")
            if not href:
                return body
            url = urljoin(self.base_url, href)
            if self.section == self.sources_id:
                self.pending_urls.append(url)
            return f"#hc-link({string(url)})[{body}]"
        if tag in ("strong", "b"):
            return f"#strong[{self.inline(node.children)}]"
        if tag in ("em", "i"):
            return f"#emph[{self.inline(node.children)}]"
        if tag == "code":
            return f"#raw({string(_HTML_SPACE.sub(' ', node.text()))})"
        if tag == "br":
            return "#linebreak()"
        if tag == "wbr":
            return ""
        if tag == "sup":
            return f"#super[{self.inline(node.children)}]"
        if tag == "sub":
            return f"#sub[{self.inline(node.children)}]"
        if tag in _INLINE_WRAPPERS:
            return self.styled(node, self.inline(node.children))
        raise UnsupportedElement(tag, node.line)

    def styled(self, node: Element, markup: str) -> str:
        styled = [c for c in node.classes if c in STYLED_CLASSES]
        return f"#hc-style({string(styled[0])})[{markup}]" if styled else markup

    # -- blocks --------------------------------------------------------------
    def flow(self, nodes: list[Element | str]) -> str:
        """Blocks separated by blank lines; loose inline runs become paragraphs."""
        blocks: list[str] = []
        run: list[Element | str] = []

        def close_run() -> None:
            text = self.inline(run).strip()
            if text:
                blocks.append(text)
            run.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag in _INLINE:
                run.append(node)
                continue
            close_run()
            block = self.block(node)
            if block:
                blocks.append(block)
        close_run()
        return "\n\n".join(blocks)

    def block(self, node: Element) -> str:
        tag = node.tag
        if tag in _HEADINGS:
            level = int(tag[1])
            text = self.inline(node.children).strip()
            if level == 1:
                if not self.title:
                    self.title = _HTML_SPACE.sub(
                        " ",
                        "".join(
                            c if isinstance(c, str) else c.text()
                            for c in node.children
                            if isinstance(c, str) or "headerlink" not in c.classes
                        ),
                    ).strip()
                    return ""
            if level == 2:
                self.section = node.attrs.get("id", "")
            return f"#heading(level: {level})[{text}]"
        if tag == "p":
            return self.with_urls(lambda: self.styled(node, self.inline(node.children).strip()))
        if tag in ("ul", "ol"):
            items = [
                self.with_urls(partial(self.flow, li.children))
                for li in node.children
                if isinstance(li, Element) and li.tag == "li"
            ]
            others = [c for c in node.children if not _is_blank(c) and not (isinstance(c, Element) and c.tag == "li")]
            if others:
                bad = others[0]
                raise UnsupportedElement(bad.tag if isinstance(bad, Element) else "text", getattr(bad, "line", None))
            function = "list" if tag == "ul" else "enum"
            start = (
                f"start: {int(node.attrs['start'])}, " if tag == "ol" and node.attrs.get("start", "").isdigit() else ""
            )
            return f"#{function}({start}" + ", ".join(f"[{item}]" for item in items) + ")"
        if tag == "dl":
            return self.styled(node, self.definitions(node))
        if tag in ("div", "section"):
            return self.styled(node, self.flow(node.children))
        if tag == "blockquote":
            return f"#quote(block: true)[{self.flow(node.children)}]"
        if tag == "table":
            return self.table(node)
        if tag == "hr":
            return ""
        raise UnsupportedElement(tag, node.line)

    def with_urls(self, render: Callable[[], str]) -> str:
        """A paragraph or list item of the Sources section, then the addresses
        of its links, so that a printed fact sheet still shows them."""
        self.pending_urls = []
        markup = render()
        urls, self.pending_urls = self.pending_urls, []
        if not urls:
            return markup
        return markup + " #hc-urls((" + "".join(f"{string(u)}, " for u in dict.fromkeys(urls)) + "))"

    def definitions(self, dl: Element) -> str:
        """<dl> as Typst term items; the <div> groups of the key-facts list are unwrapped."""
        children: list[Element] = []
        for child in dl.children:
            if isinstance(child, Element) and child.tag == "div":
                children += [c for c in child.children if isinstance(c, Element)]
            elif isinstance(child, Element):
                children.append(child)
        items: list[tuple[str, list[str]]] = []
        for child in children:
            if child.tag == "dt":
                items.append((self.inline(child.children).strip(), []))
            elif child.tag == "dd" and items:
                items[-1][1].append(self.styled(child, self.flow(child.children)))
            else:
                raise UnsupportedElement(child.tag, child.line)
        entries = [f"terms.item([{term}], [{' #linebreak() '.join(details)}])" for term, details in items]
        return "#terms(" + ", ".join(entries) + ")"

    def table(self, table: Element) -> str:
        header: list[list[str]] = []
        body: list[list[str]] = []
        caption = ""

        def rows(section: Element, target: list[list[str]]) -> None:
            for row in section.children:
                if isinstance(row, Element) and row.tag == "tr":
                    target.append(
                        [
                            self.flow(cell.children)
                            for cell in row.children
                            if isinstance(cell, Element) and cell.tag in ("th", "td")
                        ]
                    )

        for part in table.children:
            if not isinstance(part, Element):
                continue
            if part.tag == "thead":
                rows(part, header)
            elif part.tag == "tbody":
                rows(part, body)
            elif part.tag == "tr":
                rows(Element("tbody", {}, None, [part]), body)
            elif part.tag == "caption":
                caption = self.inline(part.children).strip()
            else:
                raise UnsupportedElement(part.tag, part.line)
        columns = max((len(r) for r in header + body), default=1)
        cells = []
        if header:
            cells.append("table.header(" + ", ".join(f"[{c}]" for row in header for c in row) + ")")
        cells += [f"[{c}]" for row in body for c in row]
        markup = f"#table(columns: {columns}, " + ", ".join(cells) + ")"
        return f"#figure(caption: [{caption}], kind: table)[{markup}]" if caption else markup


def html_to_typst(html: str, base_url: str, sources_id: str = "sources") -> TypstPage:
    """The page's first <h1> as its title and everything else as Typst markup.

    ``base_url`` (the page's address) makes relative links absolute; links in
    the section whose <h2> has the id ``sources_id`` also show their address.
    """
    converter = _Converter(base_url, sources_id)
    body = converter.flow(parse(html).children)
    return TypstPage(converter.title, body)
