"""A fourth language takes four files (CONTRIBUTING, "Add a language"):
mkdocs.yml's i18n block, a row of hanoi.languages.LANGUAGE_TABLE, its UI
catalogue and two lines of netlify.toml. Everything else is content: its
pages, its texts in the data files and its glossary.

A copy of the project gets German that way, with stand-in content (the
English pages, the English data texts, and a catalogue whose every entry is
its English text in brackets); the real build must then publish every page,
every UI string and every export in German too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po, write_po

from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES
from sitetools import html_pages, replace_in, run_build, soup, status_json, url_path

NEW = "de"
ROW = """        Language(
            code="de",
            babel_locale="de_DE",
            og_locale="de_DE",
            date_pattern="d. MMMM y",
            day_heading_pattern="EEEE, d. MMMM y",
            short_day_pattern="EEEE, d. MMMM",
            month_pattern="MMM y",
            clock_pattern="HH:mm",
            alphabet=_LATIN,
            state_names_from="UN short name",
            capitalised_language_names=True,
        ),
"""


def stand_in(text: str) -> str:
    """A UI string's stand-in translation: its English, bracketed, its
    placeholders kept (%(x)s, {n}) and its HTML whole."""
    return f"⟦{text}⟧"


def declare(project: Path) -> None:
    """The four files."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    english_nav = re.search(r"nav_translations:\n((?:            .+\n)+)", text)
    assert english_nav is not None
    names = [line.split(":")[0].strip() for line in english_nav.group(1).splitlines()]
    block = (
        f"        - locale: {NEW}\n          name: Deutsch\n          build: true\n"
        "          site_name: Hanoi-Konvention\n          site_description: Stand-in description.\n"
        f"          theme:\n            language: {NEW}\n            locale: {NEW}\n"
        "          nav_translations:\n" + "".join(f"            {name}: ⟦{name}⟧\n" for name in names)
    )
    replace_in(config, "\n# Hooks:", block + "\n# Hooks:")
    table = project / "hooks" / "hanoi" / "languages.py"
    replace_in(table, "    )\n}\n", ROW + "    )\n}\n")
    catalogue = project / "locales" / NEW / "LC_MESSAGES" / "messages.po"
    catalogue.parent.mkdir(parents=True)
    with (project / "locales" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as source:
        messages = read_po(source, locale="fr")
    messages.locale = NEW  # type: ignore[assignment]
    for message in messages:
        if message.id:
            message.string = (
                tuple(stand_in(i) for i in message.id) if isinstance(message.id, tuple) else stand_in(message.id)
            )
    with catalogue.open("wb") as target:
        write_po(target, messages, width=0)
    netlify = project / "netlify.toml"
    netlify.write_text(
        netlify.read_text(encoding="utf-8")
        + f'\n[[redirects]]\n  from = "/"\n  to = "/{NEW}/"\n  status = 302\n  force = true\n'
        f'  conditions = {{ Language = ["{NEW}"] }}\n\n[[redirects]]\n  from = "/{NEW}/*"\n'
        f'  to = "/{NEW}/404.html"\n  status = 404\n',
        encoding="utf-8",
    )


def with_new_language(node: Any) -> Any:
    """Every text given in each language gets the new one: the English text."""
    if isinstance(node, dict):
        node = {key: with_new_language(value) for key, value in node.items()}
        if set(LANGUAGES) <= set(node) and all(isinstance(node[code], str) for code in LANGUAGES):
            node[NEW] = node[DEFAULT_LANGUAGE]
        return node
    if isinstance(node, list):
        return [with_new_language(item) for item in node]
    return node


def write_content(project: Path) -> None:
    """Its pages, data texts and glossary: stand-ins in English."""
    shutil.copytree(project / "docs" / DEFAULT_LANGUAGE, project / "docs" / NEW)
    shutil.copy(project / "data" / "glossary" / "en.yml", project / "data" / "glossary" / f"{NEW}.yml")
    for path in (project / "data").rglob("*.yml"):
        if path.parent.name == "glossary":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(with_new_language(data), allow_unicode=True, sort_keys=False), "utf-8")


def test_a_fourth_language_in_four_files(project_copy: Path, tmp_path: Path) -> None:
    declare(project_copy)
    write_content(project_copy)
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output[-4000:]
    site = result.site_dir
    others = tuple(f"/{code}/" for code in (*LANGUAGES, NEW) if code != DEFAULT_LANGUAGE)
    english = sorted(url_path(site, p) for p in html_pages(site) if not url_path(site, p).startswith(others))
    german = {url_path(site, p) for p in site.glob(f"{NEW}/**/*.html")}
    missing = [page for page in english if f"/{NEW}{page}" not in german]
    assert len(english) > 20, english
    assert not missing, f"pages without their {NEW} version: {missing}"
    home = soup(site / NEW / "index.html")
    assert home.html["lang"] == NEW
    assert home.find("meta", property="og:locale")["content"] == "de_DE"
    assert "⟦Where the Convention stands⟧" in home.get_text(), "the German catalogue fills the UI strings"
    english_home = soup(site / "index.html")
    assert english_home.find("link", hreflang=NEW) is not None
    status = status_json(site)
    assert all(NEW in signatory_step["name"] for signatory_step in status["domestic_steps"])
    assert NEW in status["phase_description"]
    columns = next(csv.reader(io.StringIO((site / "signatories.csv").read_text(encoding="utf-8"))))
    assert f"name_{NEW}" in columns
    exports = site / NEW / "ceremony" / "programme"
    for name in ("programme.ics", "programme.json", "schedule.json", "programme.schema.json"):
        assert (exports / name).is_file(), name
    assert json.loads((exports / "programme.json").read_text(encoding="utf-8"))["language"] == NEW
    assert (site / NEW / "feed.xml").is_file() and (site / NEW / "search" / "search_index.json").is_file()
    assert list((site / "media" / "fact-sheets").glob(f"*.{NEW}.pdf")), "the fact sheets in the new language"
    assert (site / NEW / "404.html").is_file()


def test_a_language_without_its_row_is_refused_with_the_fix(project_copy: Path, tmp_path: Path) -> None:
    """mkdocs.yml builds a language the table does not describe: the build
    stops naming the table and the fix, not with a traceback from a hook's import."""
    declare(project_copy)
    replace_in(project_copy / "hooks" / "hanoi" / "languages.py", ROW, "")
    write_content(project_copy)
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output, result.output[-4000:]
    refusal = [line for line in result.output.splitlines() if f"builds '{NEW}', which LANGUAGE_TABLE" in line]
    assert refusal and "hooks/hanoi/languages.py" in refusal[0] and "add its row" in refusal[0], result.output[-4000:]
