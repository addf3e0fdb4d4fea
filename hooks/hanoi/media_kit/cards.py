"""Share cards: the 1200 x 630 PNG that link previews show for a page
(``og:image``), with the page title and the site name, in the page's language.

Made with Typst (already the PDFs' engine; its fonts have every Vietnamese
letter) from ``templates/typst/share-card.typ``, all the cards a language
build needs in one document, one page each. A card is named after the hash
of what it shows and how it is drawn, and kept in ``.cache/share-cards/``
between builds: an unchanged card is copied, not drawn again.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import typst

from hanoi.addresses import absolute_url
from hanoi.datafiles import PROJECT_DIR
from hanoi.formatting import typeset
from hanoi.languages import build_language
from hanoi.media_kit.sheets import typst_string
from hanoi.media_kit.typst_engine import engine, message
from hanoi.problems import Problem, stop_on

TEMPLATE = PROJECT_DIR / "templates" / "typst" / "share-card.typ"
CACHE_DIR = PROJECT_DIR / ".cache" / "share-cards"
SITE_FOLDER = "assets/share-cards"
PPI = 72  # the template's points are pixels
TYPST_VERSION = version("typst")  # a card drawn by another Typst is drawn again


@dataclass(frozen=True, order=True)
class Card:
    site_name: str
    title: str
    language: str

    @property
    def alt(self) -> str:
        """The card's text alternative (og:image:alt): the text it shows, in
        the order it shows it, in its language."""
        return typeset(f"{self.site_name}: {self.title}", self.language)

    def key(self, template: str) -> str:
        drawn = "\0".join((template, TYPST_VERSION, self.site_name, self.title, self.language))
        return hashlib.sha256(drawn.encode("utf-8")).hexdigest()[:24]


if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def template_text() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


@dataclass
class CardsToDraw:
    """The cards of the pages one language build rendered, and the template
    they are drawn with (read once per language build: every page's card
    address depends on it)."""

    cards: set[Card] = field(default_factory=set)
    template: str = field(default_factory=template_text)

    def add(self, card: Card, site_url: str) -> str:
        """Keep the card to draw; its address."""
        self.cards.add(card)
        return absolute_url(site_url, site_path(card.key(self.template)))


def card_for(title: str, config: MkDocsConfig) -> Card:
    """A page titled like the site (a home page) shows the site's description instead."""
    site_name = config.site_name
    shown = title if title and title != site_name else (config.site_description or site_name)
    return Card(site_name, " ".join(shown.split()), build_language(config))


class CardsFailed(Exception):
    """Typst could not draw the cards; the message is the engine's."""


def site_path(key: str) -> str:
    """Where a card is published, from the site root."""
    return f"{SITE_FOLDER}/{key}.png"


def typst_document(cards: list[Card], template: str) -> str:
    calls = "\n".join(
        f"#card(site-name: {typst_string(c.site_name)}, title: {typst_string(c.title)}, "
        f"lang: {typst_string(c.language)})"
        for c in cards
    )
    return f"{template}\n{calls}\n"


def draw(cards: list[Card], template: str) -> list[bytes]:
    """One PNG per card, in order, drawn in a single compilation."""
    try:
        pages = engine().compile(input=typst_document(cards, template).encode("utf-8"), format="png", ppi=PPI)
    except typst.TypstError as error:
        raise CardsFailed(message(error)) from None
    if pages is None:
        raise CardsFailed("Typst drew no image")
    return [bytes(p) for p in pages] if isinstance(pages, list) else [bytes(pages)]


def publish(to_draw: CardsToDraw, site_dir: Path, cache_dir: Path = CACHE_DIR) -> int:
    """Write every card into the site, drawing only those not in the cache.
    Returns how many were drawn."""
    template = to_draw.template
    keyed = {card.key(template): card for card in sorted(to_draw.cards)}
    missing = [key for key in keyed if not (cache_dir / f"{key}.png").is_file()]
    if missing:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for key, png in zip(missing, draw([keyed[k] for k in missing], template), strict=True):
            (cache_dir / f"{key}.png").write_bytes(png)
    target = site_dir / SITE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for key in keyed:
        shutil.copyfile(cache_dir / f"{key}.png", target / f"{key}.png")
    return len(missing)


def publish_cards(to_draw: CardsToDraw, site_dir: Path) -> None:
    """``publish``, or the build stops with the engine's words."""
    try:
        publish(to_draw, site_dir)
    except CardsFailed as error:
        stop_on(
            [
                Problem(
                    "templates/typst/share-card.typ",
                    None,
                    "",
                    f"the share cards could not be drawn. Typst says: {error}",
                    "correct the layout; if a page title caused it, the message names the text",
                )
            ],
            "the share cards",
        )
