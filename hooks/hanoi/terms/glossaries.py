"""The glossary, one file per language (``data/glossary/<lang>.yml``).

The same ids stand in the same order in every language, so the three
glossary pages line up; each abbreviation becomes an ``<abbr>`` with its
expansion on every page of its language (Python-Markdown's ``abbr``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from hanoi.datafiles import DATA_DIR, load_validated, nfc_problems, problem_at, relative
from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from hanoi.problems import Problem

GLOSSARY_DIR = DATA_DIR / "glossary"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    abbreviation: str | None = None
    expansion: str | None = None


def glossary_file(language: str, directory: Path = GLOSSARY_DIR) -> Path:
    return directory / f"{language}.yml"


def load_glossaries(directory: Path = GLOSSARY_DIR) -> tuple[dict[str, tuple[Term, ...]], list[Problem]]:
    """Each language's glossary, or every problem found in the three files
    (the same terms, in the same order, in every language)."""
    glossaries: dict[str, tuple[Term, ...]] = {}
    raw = {}
    problems: list[Problem] = []
    for language in LANGUAGES:
        path = glossary_file(language, directory)
        data, found = load_validated(path, "glossary")
        problems += found
        if data is None or found:
            continue
        problems += nfc_problems(data, path)
        raw[language] = data
        glossaries[language] = tuple(Term(**{k: v for k, v in entry.items()}) for entry in data["terms"])
    reference = [t.id for t in glossaries.get(DEFAULT_LANGUAGE, ())]
    for language, terms in glossaries.items():
        ids = [t.id for t in terms]
        if language == DEFAULT_LANGUAGE or ids == reference:
            continue
        name = relative(glossary_file(language, directory))
        for index, (mine, theirs) in enumerate(zip_longest(ids, reference)):
            if mine != theirs:
                problems.append(
                    problem_at(
                        raw[language],
                        ["terms", min(index, len(ids) - 1), "id"],
                        name,
                        f"term {index + 1} is '{mine}' but in the English glossary it is '{theirs}'",
                        "keep the same ids in the same order as data/glossary/en.yml",
                    )
                )
                break
    return glossaries, problems


def abbreviation_glossary(terms: tuple[Term, ...]) -> dict[str, str]:
    """The same definitions as the ``abbr`` extension's ``glossary`` option.

    Given to the extension once per language build, they mark up every page
    exactly as the definitions appended to each page did, without parsing
    them again on every page (a quarter of each page's Markdown time)."""
    return {t.abbreviation.strip(): t.expansion.strip() for t in terms if t.abbreviation and t.expansion}
