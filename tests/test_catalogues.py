"""UI strings from gettext catalogues, complete in vi and fr;
Material's Vietnamese UI strings completed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sitetools import PROJECT

MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"


def catalogue(language: str):
    with (PROJECT / "locales" / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


def extracted_ids(tmp_path: Path) -> set[str]:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        ["make", "--no-print-directory", "-s", "pot", f"POT={pot}"],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    with pot.open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_every_ui_string_is_translated_and_not_fuzzy(language: str, tmp_path: Path) -> None:
    entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue(language) if m.id}
    missing = sorted(extracted_ids(tmp_path) - set(entries))
    assert not missing, f"strings not yet in locales/{language} (run `make locales`, then translate): {missing}"
    untranslated = [i for i, m in entries.items() if not (m.string if isinstance(m.string, str) else all(m.string))]
    fuzzy = [i for i, m in entries.items() if m.fuzzy]
    assert not untranslated, f"untranslated in locales/{language}: {untranslated}"
    assert not fuzzy, f"fuzzy (needs review) in locales/{language}: {fuzzy}"


def material_strings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([\w.]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.M))


def test_material_vietnamese_strings_are_complete() -> None:
    english = material_strings(MATERIAL_LANGUAGES / "en.html")
    ours = material_strings(PROJECT / "overrides" / "partials" / "languages" / "vi.html")
    language_neutral = {
        "direction",
        "search.config.pipeline",
        "search.config.separator",
        "language",
        "search.config.lang",
    }
    missing = sorted(set(english) - set(ours) - language_neutral)
    still_english = sorted(k for k, v in ours.items() if k not in language_neutral and v == english.get(k))
    assert not missing, f"keys missing from overrides/partials/languages/vi.html: {missing}"
    assert not still_english, f"keys still in English in vi.html: {still_english}"
