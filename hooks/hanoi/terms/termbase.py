"""The termbase (``data/termbase.yml``): the approved wording of each key
term in the three languages, the house-style rules that are not about one
term, and for both the variants never to use. The build checks it like every
data file; tests/test_terminology.py checks the built site, the PDFs and the
UI catalogues against it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hanoi.datafiles import DATA_DIR, load_validated, nfc_problems, problem_at
from hanoi.languages import LANGUAGES
from hanoi.problems import Problem

TERMBASE_FILE = DATA_DIR / "termbase.yml"


@dataclass(frozen=True)
class Term:
    id: str
    approved: dict[str, str]
    forbidden: dict[str, tuple[str, ...]]
    source: str


@dataclass(frozen=True)
class StyleRule:
    """A house-style rule (word order, punctuation, which word names the
    site) and the variants that break it."""

    id: str
    rule: str
    forbidden: dict[str, tuple[str, ...]]


def load_style_rules(path: Path = TERMBASE_FILE) -> tuple[list[StyleRule], list[Problem]]:
    data, problems = load_validated(path, "termbase")
    if problems:
        return [], problems
    rules = [
        StyleRule(entry["id"], entry["rule"], {language: tuple(v) for language, v in entry["forbidden"].items()})
        for entry in data.get("style", [])
    ]
    return rules, []


def load_termbase(path: Path = TERMBASE_FILE) -> tuple[list[Term], list[Problem]]:
    data, problems = load_validated(path, "termbase")
    if problems:
        return [], problems
    problems = nfc_problems(data, path)
    terms = []
    for index, entry in enumerate(data["terms"]):
        approved = {language: entry[language] for language in LANGUAGES}
        forbidden = {language: tuple(v) for language, v in entry.get("forbidden", {}).items()}
        for language, variants in forbidden.items():
            clash = [v for v in variants if forbidden_in(approved[language], v)]
            if clash:
                problems.append(
                    problem_at(
                        data,
                        ["terms", index, "forbidden", language],
                        path,
                        f"the approved {language} form contains the forbidden {clash[0]!r}",
                        "a variant that is part of the approved form would fail every page: remove it",
                    )
                )
        terms.append(Term(entry["id"], approved, forbidden, entry["source"]))
    return terms, problems


def forbidden_in(text: str, variant: str) -> bool:
    """Whether ``variant`` appears in ``text`` as whole words, case-sensitively.
    A hyphen joins words ("Đô-mi-ni-ca" is not found in "Đô-mi-ni-ca-na")."""
    return _pattern(variant).search(unicodedata.normalize("NFC", text)) is not None


@cache
def _pattern(variant: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(unicodedata.normalize("NFC", variant)) + r"(?![\w-])")
