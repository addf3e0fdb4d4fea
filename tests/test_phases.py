"""The site on the days its phase changes, built with the real mkdocs at
those instants (SITE_NOW, SITE_TODAY).

Signature stays open through New York's 31 December (Art. 64). Afterwards
no page, PDF, search index or open data of any language says it is open,
and every page that described the signature period says what a State can
do now; then the date of entry into force, then since when it is in force.
The Convention's rules are declared once, in data/convention.yml.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from hanoi.languages import language_prefix
from sitetools import (
    LANGUAGES,
    PROJECT,
    assert_refused,
    html_pages,
    page_language,
    pdf_text,
    plain,
    replace_in,
    run_build,
    site_facts,
    soup,
    status_json,
    url_path,
)

# How each language says that signature is open (lower case): the panel,
# the phase sentences and the wordings the pages used before they followed
# the phase; not the past tense the later phases use.
OPEN_PHRASES = {
    "en": (
        r"is open for signature",
        r"stays open for signature",
        r"remains open for signature",
        r"(?<!was )open for signature until",
    ),
    "vi": (r"(?<!đã )được mở ký tại trụ sở", r"tiếp tục được mở ký", r"đang mở ký", r"(?<!được )mở ký đến hết ngày"),
    "fr": (
        r"est ouverte à la signature",
        r"reste ouverte à la signature",
        r"(?<!été )ouverte à la signature jusqu",
    ),
}
# What every page that describes the signature period says once it is over.
NOW_PHRASES = {
    "en": "A State that signed can still ratify, accept or approve",
    "vi": "Quốc gia đã ký vẫn có thể phê chuẩn, chấp thuận hoặc phê duyệt",
    "fr": "Un État signataire peut encore la ratifier, l’accepter ou l’approuver",
}
SIGNATURE_PERIOD_MARKER = "<!-- signature-period -->"
ENTRY_INTO_FORCE_MARKER = "<!-- entry-into-force -->"


def home(site: Path, language: str):
    return soup(site / language_prefix(language) / "index.html")


def pages_with(marker: str, language: str) -> list[str]:
    """Site paths of the pages whose source holds the marker (the glossary's
    definitions hold it too)."""
    docs = PROJECT / "docs" / language
    found = [p.relative_to(docs).with_suffix("").as_posix() for p in docs.rglob("*.md") if marker in p.read_text()]
    glossary = (PROJECT / "data" / "glossary" / f"{language}.yml").read_text(encoding="utf-8")
    found += ["glossary"] if marker in glossary else []
    return sorted(language_prefix(language) + ("" if p == "index" else p.removesuffix("/index") + "/") for p in found)


def texts_of(site: Path, language: str) -> dict[str, str]:
    """Every output a reader of the language meets, by where it is: pages
    (press releases excepted: dated records of their day), the search index,
    the fact sheets' PDFs and the phase in status.json."""
    texts = {
        url_path(site, page): plain(soup(page).body.get_text(" "))
        for page in html_pages(site)
        if page_language(site, page) == language and "/press/" not in url_path(site, page)
    }
    index = json.loads((site / language_prefix(language) / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts["search index"] = plain(
        " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"] if "press/" not in doc["location"])
    )
    for pdf in sorted((site / "media" / "fact-sheets").glob(f"*.{language}.pdf")):
        texts[pdf.name] = pdf_text(pdf)
    texts["status.json"] = plain(status_json(site)["phase_description"][language])
    return texts


def saying_open(texts: dict[str, str], language: str) -> dict[str, list[str]]:
    return {
        where: found
        for where, text in texts.items()
        if (found := [phrase for phrase in OPEN_PHRASES[language] if re.search(phrase, text.lower())])
    }


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        ("2026-12-31T17:05:00Z", "open-for-signature"),  # 00:05 in Hanoi on 1 January, 12:05 in New York
        ("2027-01-01T05:05:00Z", "open-for-accession"),  # 00:05 in New York on 1 January
    ],
)
def test_the_phase_follows_new_york_s_calendar(site_at: Callable[[str], Path], moment: str, phase: str) -> None:
    site = site_at(moment)
    assert status_json(site)["phase"] == phase
    for language in LANGUAGES:
        panel = home(site, language).select_one(".hc-status")
        assert panel["data-hc-phase"] == phase, language
        countdown = panel.select_one("[data-hc-days-until]")
        assert (countdown is not None) == (phase == "open-for-signature"), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_the_deadline_nothing_says_signature_is_open(site_at: Callable[[str], Path], language: str) -> None:
    """On 5 January 2027 no page, PDF, search index or open data of the
    language says signature is open, and every page that described the
    signature period says what a State can do now; on New York's last day,
    the same outputs say it is open (so the phrases are the site's own)."""
    before = saying_open(texts_of(site_at("2026-12-31T17:05:00Z"), language), language)
    assert {f"/{language_prefix(language)}", f"/{language_prefix(language)}faq/"} <= set(before), (
        "the phrases no longer match the site"
    )
    after = texts_of(site_at("2027-01-05"), language)
    assert saying_open(after, language) == {}
    described = [f"/{path}" for path in pages_with(SIGNATURE_PERIOD_MARKER, language)]
    assert len(described) >= 7, described
    sheets = [f"{p.rstrip('/').rsplit('/', 1)[1]}.{language}.pdf" for p in described if "/fact-sheets/" in p]
    assert len(sheets) >= 2, described
    for where in described + sheets:
        assert NOW_PHRASES[language] in after[where], where


def made_up_deposits(project: Path, fortieth: date) -> None:
    """40 instruments that count (the EU's does not), the last on ``fortieth``."""
    parties = [s.id for s in site_facts().signatures.signatories]
    eu = "european-union"
    chosen = [eu] + [p for p in parties if p != eu][:40]
    deposits = [
        {"party": p, "kind": "ratification", "sources": ["untc"], "deposited": str(date(2027, 1, 4) + timedelta(5 * i))}
        for i, p in enumerate(chosen)
    ]
    deposits[-1]["deposited"] = fortieth.isoformat()
    data_file = project / "data" / "treaty_status.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    data["as_of"] = "2027-10-31"
    data["instruments"] = {"complete": True, "deposits": deposits}
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Each later phase as each language says it, with the date of entry into force.
LATER = {
    "instruments-complete": {
        "en": "enters into force on 18 January 2028",
        "vi": "sẽ có hiệu lực từ ngày 18/1/2028",
        "fr": "entrera en vigueur le 18 janvier 2028",
    },
    "in-force": {
        "en": "in force since 18 January 2028",
        "vi": "có hiệu lực từ ngày 18/1/2028",
        "fr": "en vigueur depuis le 18 janvier 2028",
    },
}


@pytest.mark.parametrize(("day", "phase"), [("2027-11-01", "instruments-complete"), ("2028-02-01", "in-force")])
def test_the_later_phases_on_every_page(project_copy: Path, tmp_path: Path, day: str, phase: str) -> None:
    """40 instruments that count deposited by made-up dates: before the 90th
    day every page says when the Convention enters into force, from it since
    when it is in force; none says signature is open; status.json agrees."""
    made_up_deposits(project_copy, date(2027, 10, 20))
    result = run_build(project_copy, tmp_path / "site", SITE_TODAY=day)
    assert result.returncode == 0, result.output
    site = result.site_dir
    document = status_json(site)
    assert (
        document["phase"],
        document["instruments_deposited"],
        document["fortieth_deposit"],
        document["entry_into_force"],
    ) == (phase, 40, "2027-10-20", "2028-01-18")
    for language in LANGUAGES:
        texts = texts_of(site, language)
        assert saying_open(texts, language) == {}
        for path in pages_with(ENTRY_INTO_FORCE_MARKER, language):
            assert LATER[phase][language] in texts[f"/{path}"], f"/{path}"
        panel = home(site, language).select_one(".hc-status")
        assert panel["data-hc-phase"] == phase
        meter = panel.select_one("meter")
        assert (meter["min"], meter["value"], meter["max"]) == ("0", "40", "40") and meter.get("aria-label")
        assert panel.select_one('time[datetime="2028-01-18"]') is not None
        assert "2026" in panel.select_one('time[datetime="2026-12-31"]').get_text()  # signature period ended on
        signatures = soup(site / language_prefix(language) / "convention" / "signatures" / "index.html")
        assert len(signatures.select("table.hc-deposits tbody tr")) == 41
        assert signatures.select_one(".hc-deposits__note") is not None  # the EU's, not counted


def test_a_second_copy_of_the_rules_is_refused(project_copy: Path, tmp_path: Path) -> None:
    """The deadline typed in a page, a key fact that repeats a rule, and a
    deposit dated after the file's as-of by a State that did not sign: each
    refused with its file, line and fix."""
    faq = project_copy / "docs" / "fr" / "faq.md"
    replace_in(faq, "## ", "La signature est close le 31 décembre 2026.\n\n## ")
    key_facts = project_copy / "data" / "key_facts.yml"
    replace_in(
        key_facts,
        "facts:\n",
        'facts:\n  closing-day:\n    kind: date\n    value: "2026-12-31"\n    label: {en: a, vi: b, fr: c}\n'
        "    source: https://treaties.un.org/\n    source_name: {en: a, vi: b, fr: c}\n"
        '    as_of: "2026-11-30"\n',
    )
    treaty = project_copy / "data" / "treaty_status.yml"
    replace_in(
        treaty,
        "  deposits: []\n",
        "  deposits:\n    - party: tuvalu\n      kind: accession\n"
        "      name: {en: Tuvalu, vi: Tu-va-lu, fr: Tuvalu}\n"
        '      deposited: "2026-12-01"\n      sources: [untc]\n',
    )
    result = run_build(project_copy, tmp_path / "site", SITE_TODAY="2026-12-06")
    assert_refused(
        result,
        project_copy,
        [
            (faq, "31 décembre 2026", "types the signature deadline"),
            (key_facts, "closing-day:", "repeats the signature deadline"),
            (treaty, '"2026-12-01"', "after the file's as_of"),
        ],
    )


# --- declared once -------------------------------------------------------------

RULE_DATES = ("2026-12-31", "2026, 12, 31", "31 December 2026", "31/12/2026", "31 décembre 2026")
# The rules' numbers, where code or data would repeat them: a whole number
# standing alone (not in 4.0, 40px, #90, %(40)s).
RULE_NUMBERS = re.compile(r"(?<![\w.#%$-])(?:40|90)(?![\w.%])")
# Occurrences that are not the rules, each with its reason.
NOT_THE_RULES = {
    "templates/typst/share-card.typ": "a title longer than 90 characters gets a smaller type size",
    "data/termbase.yml": "the preferred wording of Art. 65(1) in each language, which the terminology test enforces",
}
COMMENT = {
    ".yml": re.compile(r"(?:^|\s)#.*$", re.M),
    ".html": re.compile(r"\{#.*?#\}", re.S),
    ".js": re.compile(r"/\*.*?\*/|//.*$", re.S | re.M),
    ".css": re.compile(r"/\*.*?\*/", re.S),
    ".typ": re.compile(r"//.*$", re.M),
    ".po": re.compile(r"^#.*$", re.M),
    ".json": re.compile(r"(?!)"),
}


def code_and_data() -> list[Path]:
    places = ("hooks", "tools", "overrides", "templates", "editor", "data", "locales", ".github")
    return sorted(
        path
        for place in places
        for path in (PROJECT / place).rglob("*")
        if path.suffix in {*COMMENT, ".py"} and path.is_file()
    )


def python_copies(text: str) -> list[str]:
    """The rules' numbers and dates among a module's constants (its
    docstrings, which explain, excepted)."""
    tree = ast.parse(text)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in docstrings]
    numbers = [str(c) for c in constants if type(c) is int and c in (40, 90)]
    return numbers + [d for c in constants if isinstance(c, str) for d in RULE_DATES if d in c]


def test_the_deadline_40_and_90_are_declared_once() -> None:
    """data/convention.yml declares them; code, templates, schemas, data,
    catalogues and workflows compute with them or quote them, never repeat
    them (a comment may explain them). The test finds the copy it exists for:
    the declaration itself."""
    copies = []
    for path in code_and_data():
        name = path.relative_to(PROJECT).as_posix()
        if name in NOT_THE_RULES or name.startswith("overrides/locales/"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            found = python_copies(text)
        else:
            text = COMMENT[path.suffix].sub("", text)
            found = RULE_NUMBERS.findall(text) + [d for d in RULE_DATES if d in text]
        if found:
            copies.append(f"{name}: {', '.join(found)}")
    assert copies == ["data/convention.yml: 40, 90, 2026-12-31"], copies
