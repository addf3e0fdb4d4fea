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
own would be one more thing to get wrong. Parsing Material's stylesheet is
most of the cut's cost and its result changes only with Material (or this
module, or the parsers), so it is kept in ``.cache/material-stylesheet/``
under the hash of all four and read back by later builds. The screenshot tests compare pages
drawn with this stylesheet and with Material's whole one, pixel for pixel,
at rest and with search, the drawer, tooltips and a scrolled page open
(``tests/browser/test_screenshots.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import tinycss2
from cssselect2 import parser as selectors
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

from hanoi.cache import CACHE_DIR, cache_key, read_cached, store

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


# What a selector needs to match: ("class", name), ("id", name),
# ("element", name) or ("attribute", name[, value]); None for a selector
# cssselect2 does not know (kept, to be safe).
Requirement = tuple[str, ...]
Needs = frozenset[Requirement] | None


@dataclass(frozen=True)
class StyleDeclaration:
    """A declaration as published (``name:value[!important]``), with what the
    cut needs of it: the custom properties its value reads and the animations
    it runs."""

    name: str
    text: str
    reads: tuple[str, ...] = ()
    runs: tuple[str, ...] = ()


@dataclass(frozen=True)
class StyleRule:
    selectors: tuple[tuple[str, Needs], ...]  # each selector of the list, as text, and what it needs
    declarations: tuple[StyleDeclaration, ...]


@dataclass(frozen=True)
class RuleGroup:
    """``@media`` or ``@supports``: kept with those of its rules that are kept."""

    header: str  # "@media screen and (min-width:60em)"
    rules: tuple[Item, ...]


@dataclass(frozen=True)
class OtherAtRule:
    """Any other at-rule, kept whole: ``@keyframes`` only when a kept rule runs it."""

    text: str
    keyframes: str | None = None


Item = StyleRule | RuleGroup | OtherAtRule


@dataclass(frozen=True)
class ParsedStylesheet:
    """A stylesheet as the cut reads it: each selector reduced to what it
    needs to match, each declaration serialized, and the attributes (with
    their values) that its selectors name."""

    rules: tuple[Item, ...]
    wanted: frozenset[Attribute]


def _requirements(node: object) -> Iterable[Requirement]:
    """Everything a selector tree names, on both sides of every combinator.
    Pseudo-classes and functional ones (:hover, :not, :is, :has…) name
    nothing that is needed: they depend on the reader."""
    if isinstance(node, selectors.CombinedSelector):
        yield from _requirements(node.left)
        yield from _requirements(node.right)
    elif isinstance(node, selectors.CompoundSelector):
        for simple in node.simple_selectors:
            yield from _requirements(simple)
    elif isinstance(node, selectors.ClassSelector):
        yield ("class", node.class_name)
    elif isinstance(node, selectors.IDSelector):
        yield ("id", node.ident)
    elif isinstance(node, selectors.LocalNameSelector):
        yield ("element", node.lower_local_name)
    elif isinstance(node, selectors.AttributeSelector):
        yield ("attribute", node.name.lower(), *((node.value,) if node.operator == "=" else ()))


def _needs(selector: str) -> Needs:
    try:
        trees = [parsed.parsed_tree for parsed in selectors.parse(selector)]
    except selectors.SelectorError:
        return None
    return frozenset(requirement for tree in trees for requirement in _requirements(tree))


def _split_selector_list(prelude: list[Node]) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _declaration(node: Declaration) -> StyleDeclaration:
    value = tinycss2.serialize(node.value)
    runs = (
        tuple(token.value for token in node.value if token.type == "ident")
        if node.lower_name in ("animation", "animation-name")
        else ()
    )
    text = f"{node.name}:{value.strip()}{'!important' if node.important else ''}"
    return StyleDeclaration(node.name, text, tuple(_VARIABLE.findall(value)), runs)


def _style_rule(rule: QualifiedRule) -> StyleRule:
    texts = [tinycss2.serialize(part).strip() for part in _split_selector_list(rule.prelude)]
    declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
    return StyleRule(
        tuple((text, _needs(text)) for text in texts),
        tuple(_declaration(node) for node in declarations if isinstance(node, Declaration)),
    )


def _items(rules: Iterable[Node]) -> tuple[Item, ...]:
    items: list[Item] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            items.append(_style_rule(rule))
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            items.append(RuleGroup(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", _items(inner)))
        elif isinstance(rule, AtRule):
            name = next((t.value for t in rule.prelude if t.type in ("ident", "string")), "")
            items.append(
                OtherAtRule(tinycss2.serialize([rule]), name if rule.lower_at_keyword == "keyframes" else None)
            )
    return tuple(items)


def _every_selector(items: Iterable[Item]) -> Iterable[tuple[str, Needs]]:
    for item in items:
        if isinstance(item, StyleRule):
            yield from item.selectors
        elif isinstance(item, RuleGroup):
            yield from _every_selector(item.rules)


def parse_stylesheet(css: str) -> ParsedStylesheet:
    """``css`` parsed (tinycss2, and cssselect2 for its selectors) into what the cut reads."""
    items = _items(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    wanted = {
        (requirement[1], requirement[2] if len(requirement) > 2 else None)
        for _, needs in _every_selector(items)
        for requirement in needs or ()
        if requirement[0] == "attribute"
    }
    return ParsedStylesheet(items, frozenset(wanted))


# ------------------------------------------------ parsed once per stylesheet

CACHE_FOLDER = CACHE_DIR / "material-stylesheet"


def _cache_key(css: str) -> str:
    """The stylesheet, this module and the two parsers: whatever changes the parsed form."""
    versions = [version(package) for package in ("tinycss2", "cssselect2")]
    return cache_key(css, Path(__file__).read_bytes(), *versions)


def _to_json(items: Iterable[Item]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, StyleRule):
            selector_list = [[text, None if needs is None else sorted(needs)] for text, needs in item.selectors]
            declarations = [[d.name, d.text, d.reads, d.runs] for d in item.declarations]
            out.append(["rule", selector_list, declarations])
        elif isinstance(item, RuleGroup):
            out.append(["group", item.header, _to_json(item.rules)])
        else:
            out.append(["at", item.text, item.keyframes])
    return out


def _from_json(items: list[Any]) -> tuple[Item, ...]:
    out: list[Item] = []
    for kind, *fields in items:
        if kind == "rule":
            selector_list = tuple(
                (text, None if needs is None else frozenset(tuple(n) for n in needs)) for text, needs in fields[0]
            )
            declarations = tuple(
                StyleDeclaration(name, text, tuple(reads), tuple(runs)) for name, text, reads, runs in fields[1]
            )
            out.append(StyleRule(selector_list, declarations))
        elif kind == "group":
            out.append(RuleGroup(fields[0], _from_json(fields[1])))
        else:
            out.append(OtherAtRule(fields[0], fields[1]))
    return tuple(out)


@lru_cache(maxsize=4)
def parsed_stylesheet(css: str, cache_folder: Path = CACHE_FOLDER) -> ParsedStylesheet:
    """``parse_stylesheet(css)``, read from the cache when an earlier build
    (or this process: a preview) parsed the same stylesheet."""
    path = cache_folder / f"{_cache_key(css)}.json"
    cached = read_cached(path)
    if cached is not None:
        try:
            data = json.loads(cached)
            return ParsedStylesheet(
                _from_json(data["rules"]), frozenset((name, value) for name, value in data["wanted"])
            )
        except (ValueError, KeyError, TypeError):
            pass  # damaged: parsed again, and replaced
    parsed = parse_stylesheet(css)
    data = {"rules": _to_json(parsed.rules), "wanted": sorted(parsed.wanted, key=repr)}
    store(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return parsed


# ---------------------------------------------------------------- the cut


def _can_match(needs: Needs, tokens: SiteTokens) -> bool:
    for kind, name, *value in needs or ():
        if kind == "class":
            found = name in tokens.classes
        elif kind == "id":
            found = name in tokens.ids
        elif kind == "element":
            found = name in tokens.elements
        else:
            found = name in tokens.any_value or (name, value[0] if value else None) in tokens.attributes
        if not found:
            return False
    return True


@dataclass
class _KeptRule:
    selectors: str
    declarations: tuple[StyleDeclaration, ...]


@dataclass
class _KeptGroup:
    header: str
    rules: list[_KeptRule | _KeptGroup | OtherAtRule]


Kept = list[_KeptRule | _KeptGroup | OtherAtRule]


def _keep_rules(items: Iterable[Item], keep: Callable[[Needs], bool]) -> Kept:
    """The rules with the selectors ``keep`` accepts (groups left empty go)."""
    kept: Kept = []
    for item in items:
        if isinstance(item, StyleRule):
            chosen = [text for text, needs in item.selectors if keep(needs)]
            if chosen:
                kept.append(_KeptRule(",".join(chosen), item.declarations))
        elif isinstance(item, RuleGroup):
            inner = _keep_rules(item.rules, keep)
            if inner:
                kept.append(_KeptGroup(item.header, inner))
        else:
            kept.append(item)
    return kept


def _walk_declarations(kept: Kept) -> Iterable[StyleDeclaration]:
    for item in kept:
        if isinstance(item, _KeptRule):
            yield from item.declarations
        elif isinstance(item, _KeptGroup):
            yield from _walk_declarations(item.rules)


def _used_variables(kept: Kept) -> set[str]:
    """Custom properties the kept rules read, directly or through others."""
    definitions: dict[str, list[tuple[str, ...]]] = {}
    used: set[str] = set()
    for declaration in _walk_declarations(kept):
        if declaration.name.startswith("--"):
            definitions.setdefault(declaration.name, []).append(declaration.reads)
        else:
            used.update(declaration.reads)
    pending = list(used)
    while pending:
        for reads in definitions.get(pending.pop(), []):
            for name in reads:
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _serialize(kept: Kept, variables: Container[str], animations: Container[str]) -> str:
    out = []
    for item in kept:
        if isinstance(item, _KeptRule):
            body = ";".join(d.text for d in item.declarations if not d.name.startswith("--") or d.name in variables)
            if body:
                out.append(f"{item.selectors}{{{body}}}")
        elif isinstance(item, _KeptGroup):
            body = _serialize(item.rules, variables, animations)
            if body:
                out.append(f"{item.header}{{{body}}}")
        elif item.keyframes is None or item.keyframes in animations:
            out.append(item.text)
    return "".join(out)


def cut_stylesheet(parsed: ParsedStylesheet, tokens: SiteTokens) -> str:
    """The rules of the stylesheet whose selectors can match the site, with
    the custom properties and animations they use."""
    scripted = tokens.with_scripts()
    kept = _keep_rules(parsed.rules, lambda needs: _can_match(needs, scripted))
    animations = {name for declaration in _walk_declarations(kept) for name in declaration.runs}
    return _serialize(kept, _used_variables(kept), animations)


class StylesheetError(ValueError):
    """A stylesheet of ours holds what its minified form would lose."""


def _lost(nodes: Iterable[Node]) -> Iterable[Node]:
    """What ``_items`` leaves out: parse errors, and anything but declarations
    in a style rule (CSS nesting)."""
    for node in nodes:
        if isinstance(node, QualifiedRule):
            content = tinycss2.parse_declaration_list(node.content, skip_comments=True, skip_whitespace=True)
            yield from (item for item in content if not isinstance(item, Declaration))
        elif isinstance(node, AtRule) and node.lower_at_keyword in ("media", "supports") and node.content:
            yield from _lost(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
        elif not isinstance(node, AtRule):
            yield node


def minified(css: str) -> str:
    """Every rule of ``css`` written as the cut writes Material's: no comments,
    no spaces between rules and declarations."""
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    lost = next(iter(_lost(nodes)), None)
    if lost is not None:
        what = getattr(lost, "message", None) or f"a {lost.type} inside a style rule (nesting)"
        raise StylesheetError(f"line {lost.source_line}: {what}")
    return _serialize(_keep_rules(_items(nodes), lambda needs: True), _EVERY_NAME, _EVERY_NAME)


class _EveryName:
    def __contains__(self, name: object) -> bool:
        return True


_EVERY_NAME = _EveryName()
