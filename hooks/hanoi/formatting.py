"""Numbers and dates in the reader's language, with Babel (CLDR).

Dates are written as each language's press writes them, with the patterns
of its row in ``hanoi.languages.LANGUAGE_TABLE``: "24 December 2024" (UN
usage), "24/12/2024", "24 décembre 2024"; French typography adds "1er
janvier 2027" for the first of a month and times "9 h", "10 h 15".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_time
from babel.numbers import format_decimal

from hanoi.catalogues import translate
from hanoi.languages import language as language_of


def babel_locale(language: str) -> str:
    return language_of(language).babel_locale


def language_name(code: str, language: str) -> str:
    """The name of the language ``code`` (ISO 639) as ``language`` writes it
    inside a sentence: "Dutch", "tiếng Hà Lan", "néerlandais". English
    capitalises it; Vietnamese and French do not, where Babel's names (made
    for lists of languages) do."""
    name: str = Locale.parse(babel_locale(language)).languages.get(code, code)
    return name if language_of(language).capitalised_language_names else name[0].lower() + name[1:]


def format_date(value: date | datetime, language: str) -> str:
    """'24 December 2024', '24/12/2024', '24 décembre 2024'.

    A datetime is written as its own calendar date (as Babel does), and each
    date is formatted once per language: pages ask for the same few dates
    thousands of times, and Babel takes about a tenth of a millisecond each."""
    day = value.date() if isinstance(value, datetime) else value
    return _formatted_date(day, language)


@lru_cache(maxsize=4096)
def _formatted_date(day: date, language: str) -> str:
    text = _format_date(day, language_of(language).date_pattern, locale=babel_locale(language))
    return _day_of_month(day, language) + text[len(str(day.day)) :]


def _day_of_month(day: date, language: str) -> str:
    return "1er" if language_of(language).french_typography and day.day == 1 else str(day.day)


def format_month(value: date, language: str) -> str:
    """'Jan 2026', '1/2026', 'janv. 2026': a month, short, for an axis."""
    return _format_date(value, language_of(language).month_pattern, locale=babel_locale(language))


def format_span(first: date, last: date, language: str) -> str:
    """A span of days: '25–26 October 2025', '25–26/10/2025', '25–26 octobre
    2025'; across months or years, both dates in full.

    Babel's interval formats abbreviate the month for these skeletons
    ("25–26 Oct 2025", "25 – 26 thg 10, 2025"), which the site never does."""
    if first == last:
        return format_date(first, language)
    if (first.year, first.month) == (last.year, last.month):
        return f"{_day_of_month(first, language)}–{format_date(last, language)}"
    return f"{format_date(first, language)} – {format_date(last, language)}"


def format_either_day(first: date, last: date, language: str) -> str:
    """Two consecutive days of which the sources do not say which: '25 or 26
    October 2025', '25 hoặc 26/10/2025', '25 ou 26 octobre 2025'. A dash
    would read as both days; a longer span stays a span (format_span)."""
    if (last - first).days != 1:
        return format_span(first, last, language)
    same_month = (first.year, first.month) == (last.year, last.month)
    one = _day_of_month(first, language) if same_month else format_date(first, language)
    return translate(language, "%(one)s or %(other)s") % {"one": one, "other": format_date(last, language)}


def format_clock(moment: datetime, language: str) -> str:
    """A time of day as the language writes it: '09:00' in English, '9:00'
    in Vietnamese (the press writes the hour without a leading zero), and
    with French typography '9 h', '10 h 15' (French press and UN style, with
    no-break spaces)."""
    if language_of(language).french_typography:
        return f"{moment.hour}\u00a0h" + (f"\u00a0{moment.minute:02d}" if moment.minute else "")
    return format_time(moment, language_of(language).clock_pattern, locale=babel_locale(language))


def format_number(value: int | float, language: str) -> str:
    """'2,500', '2.500', '2 500' (narrow no-break space in French)."""
    return format_decimal(value, locale=babel_locale(language))


# French spacing, as the site's pages set it: a no-break space before a colon
# and inside guillemets, a narrow no-break space before ; ! and ?. Only where
# the mark ends a word (followed by a space or the end), so that times, URLs
# and ratios ("10:30", "?q=1") are left alone. Our own: the French typography
# packages on PyPI write HTML (<sup>, entities) and rewrite units and
# ordinals, where plain text (a feed's titles, a share card's text
# alternative) needs only this.
_FRENCH_SPACE_BEFORE = re.compile(r"(?<=\S)[ \u00a0\u202f]?(:|[;!?]+)(?=[\s»)]|$)")
_FRENCH_GUILLEMETS = (re.compile(r"«[ \u00a0\u202f]?"), re.compile(r"[ \u00a0\u202f]?»"))


def colon(language: str) -> str:
    """': ', or ' : ' with a no-break space (French typography)."""
    return "\u00a0: " if language_of(language).french_typography else ": "


def list_separator(language: str) -> str:
    """'; ', or ' ; ' with a narrow no-break space (French typography)."""
    return "\u202f; " if language_of(language).french_typography else "; "


def range_dash(language: str, *, spaced: bool = False) -> str:
    """The dash between two times: '–', or with no-break spaces (French
    typography, or between a time and another day's)."""
    if language_of(language).french_typography:
        return "\u00a0–\u00a0"
    return " – " if spaced else "–"


def typeset(text: str, language: str) -> str:
    """Plain text with the language's spaces around punctuation: in French,
    'Convention de Hanoï: Communiqués' gets a no-break space before its
    colon. Other languages are returned as they are."""
    if not language_of(language).french_typography:
        return text
    text = _FRENCH_SPACE_BEFORE.sub(lambda m: ("\u00a0" if m[1] == ":" else "\u202f") + m[1], text)
    opening, closing = _FRENCH_GUILLEMETS
    return closing.sub("\u00a0»", opening.sub("«\u00a0", text))
