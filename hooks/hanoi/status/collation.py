"""Alphabetical order in each of the site's languages, and the accent-free
form a filter box matches against.

Each language sorts by its alphabet (``hanoi.languages.LANGUAGE_TABLE``).
Vietnamese order is its own, a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
u ư v x y, with the tone marks compared only after the letters (in
dictionary order: none, grave, hook, tilde, acute, dot below). English and
French compare letters first and accents after ("Égypte" with E).

Written here because no pip-installable library does it: PyICU, which has
CLDR's Vietnamese tailoring, needs the ICU C library and a compiler (PyPI has
no wheels for it), and pyuca implements only the untailored Unicode order,
which sorts ă and â as a, and đ apart from d by accident of code point.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from hanoi.languages import language as language_of

# Marks that make a letter of its own in an alphabet that has it (Vietnamese
# ă, â, ê, ô, ơ, ư) rather than an accent compared after the letters.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SEPARATORS = set(" -–'’.,()")


def _letters(name: str, language: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Each letter's rank in the language's alphabet, then its accents' ranks."""
    letters = _alphabet(language)
    alphabet = {letter: rank for rank, letter in enumerate(letters, 2)}
    primary: list[int] = []
    secondary: list[int] = []
    for char in unicodedata.normalize("NFD", name.casefold().replace("œ", "oe").replace("æ", "ae")):
        if unicodedata.combining(char):
            index = primary[-1] - 2 if primary else -1  # the letter before the mark, if it is one
            letter = unicodedata.normalize("NFC", letters[index] + char) if 0 <= index < len(letters) else ""
            if char in _LETTER_MARKS and letter in alphabet:
                primary[-1] = alphabet[letter]
            elif secondary:
                secondary[-1] = secondary[-1] * 8 + _TONES.get(char, 6)
            continue
        if char in _SEPARATORS:
            primary.append(1)  # a word break sorts before any letter: "Nam Phi" < "Namibia"
            secondary.append(0)
            continue
        primary.append(alphabet.get(char, 100 + ord(char)))
        secondary.append(0)
    return tuple(primary), tuple(secondary)


@lru_cache(maxsize=8)
def _alphabet(language: str) -> tuple[str, ...]:
    return tuple(language_of(language).alphabet.split())


@lru_cache(maxsize=4096)
def sort_key(name: str, language: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """The key that puts names in the language's alphabetical order."""
    primary, secondary = _letters(name, language)
    return primary, secondary, name


def folded(text: str) -> str:
    """Lower case, without accents or tone marks, đ as d: what a reader types
    without a Vietnamese or French keyboard ("viet" for "Việt", "ai cap" for
    "Ai Cập"). The filter script folds the typed text the same way."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d").replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
