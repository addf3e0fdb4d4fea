"""Material's stylesheet cut down to the rules this site can use.

Material's ``main.css`` (23 kB compressed) styles every feature Material has;
a page of this site uses a fraction of it. A rule is kept when each of its
selectors can match: every class, id, element name and attribute it names
is found in the built site's HTML or is one that Material's bundle adds at
run time (``SCRIPT_CLASSES``, ``SCRIPT_ELEMENTS``, ``SCRIPT_ATTRIBUTES``:
kept here, in one place). Pseudo-classes (``:hover``, ``:checked``, ``:not(…)``…) are never a
reason to drop a rule: they depend on the reader. Custom properties no kept
rule reads (the icons of admonition types and tags the site never shows, as
SVG) and animations no kept rule runs are dropped too.

The CSS is parsed with tinycss2 and its selectors with cssselect2 (both by
Kozea, the authors of WeasyPrint, maintained, pure Python): a parser of our
own would be one more thing to get wrong. The screenshot tests compare pages
drawn with this stylesheet and with Material's whole one, pixel for pixel,
at rest and with search, the drawer, tooltips and a scrolled page open
(``tests/browser/test_screenshots.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import tinycss2
from cssselect2 import parser as selectors
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

# Classes Material's bundle adds to pages of this site (its templates in
# src/templates/assets/javascripts/templates and its components' classList
# calls), by what adds them. A class missing here has its rules cut, and the
# screenshot tests of that state fail.
SCRIPT_CLASSES: dict[str, str] = {
    "js": "the bundle's start (and overrides/assets/javascripts/on-demand.js): JavaScript runs",
    "js-focus-visible": "the focus-visible polyfill",
    "focus-visible": "the focus-visible polyfill, on the element focused from the keyboard",
    "md-header--shadow": "the header, once the page scrolls under it",
    "md-header__title--active": "the header, once the page title scrolls under it",
    "md-nav__link--active": "the table of contents following the reader (toc.follow)",
    "md-nav__link--passed": "the table of contents following the reader (toc.follow)",
    "md-toggle--indeterminate": "navigation sections (its indeterminate patch)",
    "md-search-result__item": "search results",
    "md-search-result__link": "search results",
    "md-search-result__article": "search results",
    "md-search-result__icon": "search results (sections of a page)",
    "md-search-result__terms": "search results (missing words)",
    "md-search-result__more": "search results (more sections of a page)",
    "md-tooltip": "tooltips of the header's links (content.tooltips)",
    "md-tooltip--active": "tooltips of the header's links (content.tooltips)",
    "md-tooltip__inner": "tooltips of the header's links (content.tooltips)",
    "md-tooltip2": "tooltips of abbreviations and links (content.tooltips)",
    "md-tooltip2--active": "tooltips of abbreviations and links (content.tooltips)",
    "md-tooltip2--top": "tooltips of abbreviations and links (content.tooltips)",
    "md-tooltip2--bottom": "tooltips of abbreviations and links (content.tooltips)",
    "md-tooltip2__inner": "tooltips of abbreviations and links (content.tooltips)",
    "md-typeset__scrollwrap": "tables, wrapped to scroll sideways",
    "md-typeset__table": "tables, wrapped to scroll sideways",
}
# Elements its templates create that pages may not have.
SCRIPT_ELEMENTS: dict[str, str] = {
    "mark": "search results and the page a result opens: the words found",
    "del": "search results: the words not found",
    "details": "search results: more sections of a page",
    "summary": "search results: more sections of a page",
}
# Attributes it sets, likewise.
SCRIPT_ATTRIBUTES: dict[str, str] = {
    "data-md-scrolllock": "the body, while search is open on a phone",
    "role": "tooltips (role=tooltip, role=dialog)",
}

# Read over the whole page (the templates, Markdown and our hooks write
# attribute values in double quotes); each starts with a literal, which
# Python's re looks for first: a few hundred µs a page.
_CLASS = re.compile(r' class="([^"]*)"')
_ID = re.compile(r' id="([^"]*)"')
_ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_VARIABLE = re.compile(r"var\(\s*(--[\w-]+)")


Attribute = tuple[str, "str | None"]  # [name] or [name=value]


@dataclass
class SiteTokens:
    """What the site's HTML holds that a selector can name. Attributes are
    looked for only as the stylesheet's selectors name them (``wanted``), as
    text: a word of a page's text taken for an attribute only keeps a rule
    that could have gone."""

    wanted: frozenset[Attribute] = frozenset()
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    elements: set[str] = field(default_factory=set)
    attributes: set[Attribute] = field(default_factory=set)
    # Attributes a script sets, to values the HTML may not show.
    any_value: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        for value in set(_CLASS.findall(html)):  # a page repeats most of its class lists
            self.classes.update(value.split())
        self.ids.update(_ID.findall(html))
        self.elements.update(name.lower() for name in set(_ELEMENT.findall(html)))
        for name, value in self.wanted - self.attributes:
            if (f' {name}="{value}"' if value is not None else f" {name}") in html:
                self.attributes.add((name, value))

    def with_scripts(self) -> SiteTokens:
        return SiteTokens(
            self.wanted,
            self.classes | set(SCRIPT_CLASSES),
            set(self.ids),
            self.elements | set(SCRIPT_ELEMENTS),
            set(self.attributes),
            self.any_value | set(SCRIPT_ATTRIBUTES),
        )


def _attribute_selectors(node: object) -> Iterable[Attribute]:
    if isinstance(node, selectors.CombinedSelector):
        yield from _attribute_selectors(node.left)
        yield from _attribute_selectors(node.right)
    elif isinstance(node, selectors.CompoundSelector):
        for simple in node.simple_selectors:
            yield from _attribute_selectors(simple)
    elif isinstance(node, selectors.AttributeSelector):
        yield node.name.lower(), node.value if node.operator == "=" else None


@lru_cache(maxsize=4)
def wanted_attributes(css: str) -> frozenset[Attribute]:
    """The attributes, and values, that the stylesheet's selectors name."""
    found: set[Attribute] = set()
    for rule in _stylesheet(css):
        items = (
            [rule]
            if isinstance(rule, QualifiedRule)
            else (
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                if isinstance(rule, AtRule) and rule.content
                else []
            )
        )
        for item in items:
            if isinstance(item, QualifiedRule):
                for part in _split_selector_list(item.prelude):
                    for tree in _parsed(tinycss2.serialize(part).strip()) or ():
                        found.update(_attribute_selectors(tree))
    return frozenset(found)


def _can_match(node: object, tokens: SiteTokens) -> bool:
    if isinstance(node, selectors.CombinedSelector):
        return _can_match(node.left, tokens) and _can_match(node.right, tokens)
    if isinstance(node, selectors.CompoundSelector):
        return all(_can_match(simple, tokens) for simple in node.simple_selectors)
    if isinstance(node, selectors.ClassSelector):
        return node.class_name in tokens.classes
    if isinstance(node, selectors.IDSelector):
        return node.ident in tokens.ids
    if isinstance(node, selectors.LocalNameSelector):
        return node.lower_local_name in tokens.elements
    if isinstance(node, selectors.AttributeSelector):
        name = node.name.lower()
        return name in tokens.any_value or (name, node.value if node.operator == "=" else None) in tokens.attributes
    # Pseudo-classes and functional ones (:not, :is, :has…): the reader's state.
    return True


def _split_selector_list(prelude: list[Node]) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


@cache
def _parsed(selector: str) -> tuple[object, ...] | None:
    """A selector's trees, parsed once per process; None for a selector
    cssselect2 does not know (kept, to be safe)."""
    try:
        return tuple(parsed.parsed_tree for parsed in selectors.parse(selector))
    except selectors.SelectorError:
        return None


def _kept_selectors(prelude: list[Node], tokens: SiteTokens) -> list[str]:
    kept = []
    for part in _split_selector_list(prelude):
        text = tinycss2.serialize(part).strip()
        trees = _parsed(text)
        if trees is None or all(_can_match(tree, tokens) for tree in trees):
            kept.append(text)
    return kept


@dataclass
class _Rule:
    """A kept style rule: its selectors and declarations, as text."""

    selectors: str
    declarations: list[Declaration]


# Kept rules: style rules, at-rules kept whole, and @media/@supports with their kept rules.
Kept = list["_Rule | AtRule | tuple[AtRule, Kept]"]


def _declarations(content: list[Node]) -> list[Declaration]:
    return [
        node
        for node in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
        if isinstance(node, Declaration)
    ]


def _keep_rules(rules: Iterable[Node], tokens: SiteTokens) -> Kept:
    kept: Kept = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            chosen = _kept_selectors(rule.prelude, tokens)
            if chosen:
                kept.append(_Rule(",".join(chosen), _declarations(rule.content)))
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _keep_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), tokens
            )
            if inner:
                kept.append((rule, inner))
        elif isinstance(rule, AtRule):
            kept.append(rule)
    return kept


def _walk_declarations(kept: Kept) -> Iterable[Declaration]:
    for item in kept:
        if isinstance(item, _Rule):
            yield from item.declarations
        elif isinstance(item, tuple):
            yield from _walk_declarations(item[1])


def _used_variables(kept: Kept) -> set[str]:
    """Custom properties the kept rules read, directly or through others."""
    definitions: dict[str, list[str]] = {}
    used: set[str] = set()
    for declaration in _walk_declarations(kept):
        value = tinycss2.serialize(declaration.value)
        if declaration.name.startswith("--"):
            definitions.setdefault(declaration.name, []).append(value)
        else:
            used.update(_VARIABLE.findall(value))
    pending = list(used)
    while pending:
        for value in definitions.get(pending.pop(), []):
            for name in _VARIABLE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _animations(kept: Kept) -> set[str]:
    names: set[str] = set()
    for declaration in _walk_declarations(kept):
        if declaration.lower_name in ("animation", "animation-name"):
            names.update(token.value for token in declaration.value if token.type == "ident")
    return names


def _serialize(kept: Kept, variables: set[str], animations: set[str]) -> str:
    out = []
    for item in kept:
        if isinstance(item, _Rule):
            body = ";".join(
                f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                for d in item.declarations
                if not d.name.startswith("--") or d.name in variables
            )
            if body:
                out.append(f"{item.selectors}{{{body}}}")
        elif isinstance(item, tuple):
            rule, inner = item
            body = _serialize(inner, variables, animations)
            if body:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif item.lower_at_keyword == "keyframes":
            name = next((t.value for t in item.prelude if t.type in ("ident", "string")), "")
            if name in animations:
                out.append(tinycss2.serialize([item]))
        else:
            out.append(tinycss2.serialize([item]))
    return "".join(out)


@lru_cache(maxsize=4)
def _stylesheet(css: str) -> tuple[Node, ...]:
    """Material's stylesheet parsed once per process (and preview)."""
    return tuple(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def cut_stylesheet(css: str, tokens: SiteTokens) -> str:
    """The rules of ``css`` whose selectors can match the site, with the
    custom properties and animations they use."""
    kept = _keep_rules(_stylesheet(css), tokens.with_scripts())
    return _serialize(kept, _used_variables(kept), _animations(kept))
