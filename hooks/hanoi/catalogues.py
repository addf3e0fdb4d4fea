"""UI strings from the gettext catalogues in ``locales/<lang>/LC_MESSAGES``.

The ``.po`` files are the only source. At build time they are compiled into
``overrides/locales`` (git-ignored), where MkDocs' own Jinja i18n extension
finds them for the language being built; a stale ``.mo`` therefore never
ships and translators need no separate compile step. Fuzzy entries are left
out, as ``pybabel compile`` does.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from hanoi.languages import DEFAULT_LANGUAGE

PROJECT_DIR = Path(__file__).resolve().parents[2]
LOCALES_DIR = PROJECT_DIR / "locales"
THEME_LOCALES_DIR = PROJECT_DIR / "overrides" / "locales"
CATALOGUE = Path("LC_MESSAGES") / "messages.po"


class MissingCatalogue(FileNotFoundError):
    pass


def catalogue_path(language: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / language / CATALOGUE


@cache
def _compile(path: Path, mtime: float) -> bytes:
    with path.open("rb") as po_file:
        catalogue = read_po(po_file, locale=path.parents[1].name)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    return compiled.getvalue()


def compiled_catalogue(language: str, locales_dir: Path = LOCALES_DIR) -> bytes:
    """The ``.mo`` bytes of a language, cached until its ``.po`` changes."""
    path = catalogue_path(language, locales_dir)
    try:
        modified = path.stat().st_mtime  # asked for every UI string Python translates: one system call
    except FileNotFoundError:
        raise MissingCatalogue(
            f"{path.relative_to(PROJECT_DIR) if path.is_relative_to(PROJECT_DIR) else path}: "
            f"no UI catalogue for '{language}'. Fix: create it with "
            f"`.venv/bin/pybabel init -i messages.pot -d locales -l {language}` (see CONTRIBUTING.md, 'Add a language')"
        ) from None
    return _compile(path, modified)


def install_for_theme(
    languages: list[str],
    locales_dir: Path = LOCALES_DIR,
    theme_locales_dir: Path = THEME_LOCALES_DIR,
) -> None:
    """Write each language's ``.mo`` where MkDocs looks for theme catalogues.

    Writes only when the bytes differ, so ``mkdocs serve`` does not loop.
    """
    for language in languages:
        if language == DEFAULT_LANGUAGE:
            continue
        compiled = compiled_catalogue(language, locales_dir)
        target = theme_locales_dir / language / CATALOGUE.with_suffix(".mo")
        if target.is_file() and target.read_bytes() == compiled:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compiled)


@lru_cache(maxsize=16)
def _translations(compiled: bytes) -> Translations:
    # Keyed by the .mo bytes themselves (the same cached object until the .po
    # changes, so hashing them is free after the first call).
    return Translations(fp=io.BytesIO(compiled))


def translations(language: str, locales_dir: Path = LOCALES_DIR) -> NullTranslations:
    """The catalogue of a language, for strings that Python code produces."""
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    return _translations(compiled_catalogue(language, locales_dir))


def N_(message: str) -> str:
    """Marks a message for extraction (``make locales``) where it is defined;
    ``translate`` translates it where it is used."""
    return message


def translate(language: str, message: str) -> str:
    """A UI string from Python code, in the language being built. Extracted by
    `make locales` (keyword `translate`, second argument)."""
    return translations(language).gettext(message)
