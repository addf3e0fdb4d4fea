"""Translation status: for every English page, whether each translation
exists and whether it is up to date.

A translation records, in its front matter, the hash of the English page it
was made from (``source_hash``). When the English page changes, the hashes
differ and the translation is reported as outdated until a translator
updates it and records the new hash (``make translation-done FILE=…``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from hanoi.pages.scan import DOCS_DIR, FRONT_MATTER, SourcePage, scan_pages

HASH_LENGTH = 12
STATES = ("up-to-date", "outdated", "not-recorded", "missing")


@dataclass(frozen=True)
class Row:
    page: str  # e.g. convention/index.md
    states: dict[str, str]  # language -> one of STATES


def source_hash(english: Path) -> str:
    return hashlib.sha256(english.read_bytes()).hexdigest()[:HASH_LENGTH]


def status(docs_dir: Path = DOCS_DIR) -> list[Row]:
    return status_of(scan_pages(docs_dir)[0])


def status_of(pages: list[SourcePage]) -> list[Row]:
    """Each English page, and whether its translations follow it."""
    by_key = {(p.language, p.relative_path): p for p in pages}
    rows = []
    for english in sorted((p for p in pages if p.language == DEFAULT_LANGUAGE), key=lambda p: p.relative_path):
        expected = source_hash(english.path)
        states = {}
        for language in LANGUAGES:
            if language == DEFAULT_LANGUAGE:
                continue
            translation = by_key.get((language, english.relative_path))
            recorded = translation.meta.get("source_hash") if translation and translation.meta else None
            states[language] = (
                "missing"
                if translation is None
                else "not-recorded"
                if recorded is None
                else "up-to-date"
                if recorded == expected
                else "outdated"
            )
        rows.append(Row(english.relative_path, states))
    return rows


def counts(rows: list[Row]) -> dict[str, int]:
    tally = {state: 0 for state in STATES}
    for row in rows:
        for state in row.states.values():
            tally[state] += 1
    return tally


def record(translation: Path, docs_dir: Path = DOCS_DIR) -> str:
    """Write the current English hash into a translation's front matter."""
    language = translation.resolve().relative_to(docs_dir.resolve()).parts[0]
    english = docs_dir / DEFAULT_LANGUAGE / translation.resolve().relative_to((docs_dir / language).resolve())
    value = source_hash(english)
    text = translation.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ValueError(f"{translation}: no front matter")
    block = match.group(0)
    if re.search(r"^source_hash:.*$", block, re.M):
        new_block = re.sub(r"^source_hash:.*$", f'source_hash: "{value}"', block, count=1, flags=re.M)
    else:
        new_block = re.sub(r"\n---[ \t]*(\n|\Z)", f'\nsource_hash: "{value}"\n---\\1', block, count=1)
    translation.write_text(new_block + text[len(block) :], encoding="utf-8")
    return value


log = logging.getLogger("mkdocs.hooks.pages_translations")
# Outside the "mkdocs" logger tree on purpose: shown, but not counted by --strict.
advice = logging.getLogger("hanoi.pages.translations")


def report(rows: list[Row]) -> None:
    """One summary line; a warning (which fails the strict build) per missing
    translation; advice, which does not fail it, per outdated one."""
    tally = counts(rows)
    log.info(
        f"Translations: {tally['up-to-date']} up to date, {tally['outdated']} outdated, "
        f"{tally['not-recorded']} not recorded, {tally['missing']} missing (make translation-status)"
    )
    for row in rows:
        for language, state in row.states.items():
            if state == "missing":
                log.warning(f"docs/{language}/{row.page} is missing: translate docs/en/{row.page}")
            elif state == "outdated":
                advice.warning(
                    f"docs/{language}/{row.page} may be outdated: docs/en/{row.page} changed since it "
                    f"was translated (then run `make translation-done FILE=docs/{language}/{row.page}`)"
                )
    if tally["not-recorded"]:
        advice.warning(
            f"{tally['not-recorded']} translations do not record which English text they follow: "
            "run `make translation-done FILE=…` once each is checked (see `make translation-status`)"
        )
