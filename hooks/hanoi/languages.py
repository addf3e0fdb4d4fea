"""The site's languages: declared once, in mkdocs.yml's i18n block (which
languages, which is the default, their names and navigation), and for what
MkDocs does not know, in one typed table here (how each writes dates,
numbers, times and punctuation, and which readers it serves).

A fourth language is a block in mkdocs.yml, a row in ``LANGUAGE_TABLE``, a
catalogue ``locales/<code>/LC_MESSAGES/messages.po`` and, for the language
detection on "/", two lines in netlify.toml (CONTRIBUTING, "Add a
language"); everything else derives from these. The build stops, naming the
fix, when mkdocs.yml and the table disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from hanoi.problems import Problem

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"


@dataclass(frozen=True, kw_only=True)
class Language:
    """What the site needs to know of a language that MkDocs does not."""

    code: str  # the i18n plugin's locale in mkdocs.yml
    babel_locale: str  # CLDR data for dates and numbers
    og_locale: str  # Open Graph: the territory of the readers it serves
    date_pattern: str  # a date in the data and the pages (Babel pattern)
    day_heading_pattern: str  # a programme day's heading
    short_day_pattern: str  # a programme day's filter button
    month_pattern: str  # a month on a chart's axis
    clock_pattern: str  # a time of day (Babel pattern); with french_typography, only the browser's local times
    alphabet: str  # letters in alphabetical order, space-separated (letters with marks too)
    state_names_from: str  # whose names of States the data uses (open data says so)
    # French conventions (French press and UN style): no-break spaces before
    # : ; ! ? and inside « », "1er" for the first of a month, "9 h 15".
    french_typography: bool = False
    # Whether a language's name inside a sentence takes a capital ("Dutch";
    # Vietnamese "tiếng Hà Lan" and French "néerlandais" do not).
    capitalised_language_names: bool = False

    @property
    def pads_hours(self) -> bool:
        """'09:00' rather than '9:00'."""
        return self.clock_pattern.startswith("HH")


_LATIN = "a b c d e f g h i j k l m n o p q r s t u v w x y z"

LANGUAGE_TABLE: dict[str, Language] = {
    language.code: language
    for language in (
        Language(
            code="en",
            babel_locale="en_GB",
            og_locale="en_GB",
            date_pattern="d MMMM y",  # UN usage: 24 December 2024
            day_heading_pattern="EEEE, d MMMM y",
            short_day_pattern="EEEE d MMMM",
            month_pattern="MMM y",  # Jan 2026
            clock_pattern="HH:mm",
            alphabet=_LATIN,
            state_names_from="UN short name",
            capitalised_language_names=True,
        ),
        Language(
            code="vi",
            babel_locale="vi_VN",
            og_locale="vi_VN",
            date_pattern="d/M/y",  # 24/12/2024: CLDR's long form reads as machine output
            day_heading_pattern="EEEE, 'ngày' d/M/y",
            short_day_pattern="EEEE, d/M",
            month_pattern="M/y",  # 1/2026 (prose: tháng 1/2026)
            clock_pattern="H:mm",  # 9:00: the press writes the hour without a leading zero
            alphabet="a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z",
            state_names_from="Viet Nam's Ministry of Foreign Affairs",
        ),
        Language(
            code="fr",
            babel_locale="fr_FR",
            og_locale="fr_FR",
            date_pattern="d MMMM y",
            day_heading_pattern="EEEE d MMMM y",
            short_day_pattern="EEEE d MMMM",
            month_pattern="MMM y",  # janv. 2026
            clock_pattern="HH:mm",  # the page writes 9 h 15 (hanoi.formatting.format_clock)
            alphabet=_LATIN,
            state_names_from="UN short name",
            french_typography=True,
        ),
    )
}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its i18n block: MkDocs' own tags (!ENV, Python
    objects) stand for values this module does not need."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def configured_languages() -> tuple[tuple[str, ...], str]:
    """The i18n plugin's languages in mkdocs.yml, in order, and the default."""
    config: dict[str, Any] = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    codes = tuple(str(language["locale"]) for language in i18n["languages"])
    default = next(str(language["locale"]) for language in i18n["languages"] if language.get("default"))
    return codes, default


LANGUAGES, DEFAULT_LANGUAGE = configured_languages()


def language(code: str) -> Language:
    return LANGUAGE_TABLE[code]


def table_problems() -> list[Problem]:
    """A language of mkdocs.yml without its row here, or a row for none."""
    here = "hooks/hanoi/languages.py"
    return [
        Problem(here, None, code, f"mkdocs.yml builds '{code}', which LANGUAGE_TABLE does not describe", "add its row")
        for code in LANGUAGES
        if code not in LANGUAGE_TABLE
    ] + [
        Problem(here, None, code, f"LANGUAGE_TABLE describes '{code}', which mkdocs.yml does not build", "remove it")
        for code in LANGUAGE_TABLE
        if code not in LANGUAGES
    ]


def build_language(config: MkDocsConfig) -> str:
    """The language of the build in progress.

    mkdocs-static-i18n rebuilds the whole site once per language on the same
    config; its ``current_language`` is right in every event, whereas the
    source file's locale is not (a fallback page has the default's).
    """
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        return str(i18n.current_language)
    return str(config.theme.get("language", DEFAULT_LANGUAGE))


def in_nested_language_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds a language other than the first,
    nested inside the first language's ``on_post_build``: at
    ``AFTER_ALL_LANGUAGES`` (priority -110) it is False only once, after
    every language has been written."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def language_prefix(language: str) -> str:
    """The URL path prefix of a language: '' for the default, 'vi/' otherwise."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"
