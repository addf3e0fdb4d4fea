"""Share cards: the 1200 x 630 PNG that link previews show for a page
(``og:image``), with the page title and the site name, in the page's language.
The home and signatures pages' cards also carry the status's live figures
(signatories, instruments deposited, entry into force once known): a card
is named after what it shows, so a new figure makes a new card.

Each card's text (what it shows, in its order) is also written into the PNG
as its ``Description`` (an iTXt chunk, UTF-8), which link-preview tools and
image viewers read and tests read back.

Made with Typst (already the PDFs' engine; its fonts have every Vietnamese
letter) from ``templates/typst/share-card.typ``, all the cards a language
build needs in one document, one page each. A card is named after the hash
of what it shows and how it is drawn, and kept in ``.cache/share-cards/``
between builds (``hanoi.cache``): an unchanged card is not drawn again, and
the site links it from the cache rather than copying it.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typst

from hanoi.addresses import absolute_url
from hanoi.cache import CACHE_DIR, cache_key, publish_cached, store
from hanoi.catalogues import translate
from hanoi.datafiles import PROJECT_DIR
from hanoi.formatting import format_date, format_number, typeset
from hanoi.languages import build_language
from hanoi.media_kit.sheets import typst_string
from hanoi.media_kit.typst_engine import TYPST_VERSION, engine, message
from hanoi.problems import Problem, stop_on
from hanoi.status.views import deposited_label

TEMPLATE = PROJECT_DIR / "templates" / "typst" / "share-card.typ"
CACHE_FOLDER = CACHE_DIR / "share-cards"
SITE_FOLDER = "assets/share-cards"
PPI = 72  # the template's points are pixels


@dataclass(frozen=True, order=True)
class Figure:
    value: str  # "73", "12 of 40", "Not confirmed", a date
    label: str


@dataclass(frozen=True, order=True)
class Card:
    site_name: str
    title: str
    language: str
    figures: tuple[Figure, ...] = ()

    @property
    def alt(self) -> str:
        """The card's text alternative (og:image:alt): the text it shows, in
        the order it shows it, in its language."""
        figures = "".join(f" {f.label}: {f.value}." for f in self.figures)
        ended = not figures or self.title.endswith((".", "!", "?", "…"))
        return typeset(f"{self.site_name}: {self.title}{'' if ended else '.'}{figures}", self.language)

    def key(self, template: str) -> str:
        shown = [self.site_name, self.title, self.language] + [f"{f.value}\1{f.label}" for f in self.figures]
        return cache_key(template, TYPST_VERSION, *shown)


def status_figures(status: TreatyStatus, language: str) -> tuple[Figure, ...]:
    """The status's figures as the home page's panel gives them: signatories,
    instruments deposited (never 0 while not confirmed), and the date of
    entry into force once computed."""
    figures = [
        Figure(format_number(status.signatories, language), translate(language, "Signatories in this site's list")),
        Figure(deposited_label(status, language), translate(language, "Instruments deposited")),
    ]
    if status.entry_into_force is not None:
        figures.append(Figure(format_date(status.entry_into_force, language), translate(language, "Entry into force")))
    return tuple(figures)


if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from hanoi.status.treaty import TreatyStatus


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


def card_for(title: str, config: MkDocsConfig, figures: tuple[Figure, ...] = ()) -> Card:
    """A page titled like the site (a home page) shows the site's description instead."""
    site_name = config.site_name
    shown = title if title and title != site_name else (config.site_description or site_name)
    return Card(site_name, " ".join(shown.split()), build_language(config), figures)


class CardsFailed(Exception):
    """Typst could not draw the cards; the message is the engine's."""


def site_path(key: str) -> str:
    """Where a card is published, from the site root."""
    return f"{SITE_FOLDER}/{key}.png"


def _typst_figures(figures: tuple[Figure, ...]) -> str:
    pairs = "".join(f"({typst_string(f.value)}, {typst_string(f.label)})," for f in figures)
    return f"({pairs})"


def typst_document(cards: list[Card], template: str) -> str:
    calls = "\n".join(
        f"#card(site-name: {typst_string(c.site_name)}, title: {typst_string(c.title)}, "
        f"lang: {typst_string(c.language)}, figures: {_typst_figures(c.figures)})"
        for c in cards
    )
    return f"{template}\n{calls}\n"


# The keyword PNG defines for "a description of the image" (PNG 3rd edition, 11.3.3.2).
DESCRIPTION = "Description"


def with_description(png: bytes, text: str, language: str) -> bytes:
    """The PNG with ``text`` as its Description in ``language``, in an
    uncompressed iTXt chunk before IEND: keyword, NUL, compression flag and
    method (0, 0), language tag, NUL, translated keyword (none), NUL, text.
    Our own few lines: Typst writes no text chunks, and the library that does
    (Pillow) is a large binary dependency for this alone."""
    data = b"%s\0\0\0%s\0\0%s" % (DESCRIPTION.encode("latin-1"), language.encode("ascii"), text.encode("utf-8"))
    chunk = struct.pack(">I", len(data)) + b"iTXt" + data + struct.pack(">I", zlib.crc32(b"iTXt" + data))
    end = png.rindex(b"IEND") - 4  # the IEND chunk starts with its length
    return png[:end] + chunk + png[end:]


def draw(cards: list[Card], template: str) -> list[bytes]:
    """One PNG per card, in order, drawn in a single compilation."""
    try:
        pages = engine().compile(input=typst_document(cards, template).encode("utf-8"), format="png", ppi=PPI)
    except typst.TypstError as error:
        raise CardsFailed(message(error)) from None
    if pages is None:
        raise CardsFailed("Typst drew no image")
    return [bytes(p) for p in pages] if isinstance(pages, list) else [bytes(pages)]


def publish(to_draw: CardsToDraw, site_dir: Path, cache_dir: Path = CACHE_FOLDER) -> int:
    """Put every card in the site, drawing only those not in the cache.
    Returns how many were drawn."""
    template = to_draw.template
    keyed = {card.key(template): card for card in sorted(to_draw.cards)}
    missing = [key for key in keyed if not (cache_dir / f"{key}.png").is_file()]
    pictures = draw([keyed[k] for k in missing], template) if missing else []
    drawn = {
        key: with_description(png, keyed[key].alt, keyed[key].language)
        for key, png in zip(missing, pictures, strict=True)
    }
    for key, png in drawn.items():
        store(cache_dir / f"{key}.png", png)
    for key in keyed:
        publish_cached(cache_dir / f"{key}.png", site_dir / SITE_FOLDER / f"{key}.png", drawn.get(key))
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
