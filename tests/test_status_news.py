"""Status updates as news, and the open data that tools read: checked on
the real site built once (tests/conftest.py), and the data checks on
copies of the real data files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import feedparser
import pycountry
import pytest

from hanoi.depositary.names import DEPOSITARY_NAMES_FILE, load_depositary_names
from hanoi.languages import language_prefix
from hanoi.problems import valid
from hanoi.status.convention import CONVENTION_FILE, load_rules
from hanoi.status.facts import DATA_FILES, FactFiles, load_site_facts
from sitetools import LANGUAGES, TEST_SITE_URL, soup, status_json

MAURITIUS = {
    "en": "Mauritius signs the Convention",
    "vi": "Mô-ri-xơ ký Công ước",
    "fr": "Maurice\u00a0: signature de la Convention",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_latest_news_shows_mauritius_s_signature_as_a_status_update(site: Path, language: str) -> None:
    """Mauritius signed on 19 November 2025 (data/signatures.yml): computed
    into the home page's latest news, in the page's language, with the
    press releases, newest first."""
    news = soup(site / language_prefix(language) / "index.html").select(".hc-home__news li")
    dates = [item.time["datetime"] for item in news]
    assert dates == sorted(dates, reverse=True)
    updates = [item for item in news if "hc-home__status-update" in item.get("class", [])]
    assert [(u.time["datetime"], u.a.get_text()) for u in updates] == [("2025-11-19", MAURITIUS[language])]
    assert len(news) > len(updates), "press releases are there too"
    assert updates[0].a["href"].endswith("convention/signatures/#the-list")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_feed_of_each_language_is_valid_atom_with_an_author(site: Path, language: str) -> None:
    raw = (site / language_prefix(language) / "status-updates.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.get("author"), "Atom wants an author for the feed or every entry"
    assert feed.feed.language == language
    (entry,) = feed.entries
    assert entry.title == MAURITIUS[language]
    assert entry.link == TEST_SITE_URL + language_prefix(language) + "convention/signatures/#the-list"
    assert entry.published.startswith("2025-11-19")
    home = soup(site / language_prefix(language) / "index.html")
    announced = [link["href"] for link in home.find_all("link", type="application/atom+xml")]
    assert TEST_SITE_URL + language_prefix(language) + "status-updates.xml" in announced
    press = feedparser.parse((site / language_prefix(language) / "feed.xml").read_bytes())
    assert not press.bozo and press.feed.get("author"), "the press feed is written the same way"


def test_open_data_gives_each_state_its_iso_code_and_each_row_its_confirmation(site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "signatories.csv").read_text(encoding="utf-8"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id["viet-nam"]["iso3"] == "VNM" and by_id["cote-divoire"]["iso3"] == "CIV"
    assert by_id["european-union"]["iso3"] == ""
    assert all(pycountry.countries.get(alpha_3=r["iso3"]) for r in rows if r["type"] == "state")
    assert len({r["iso3"] for r in rows if r["iso3"]}) == len(rows) - 1
    # No source records a day it was read yet: the list's as_of, and the best kind of source.
    assert (by_id["algeria"]["confirmed_on"], by_id["algeria"]["confirmed_by"]) == ("2026-11-30", "depositary")
    assert (by_id["sweden"]["confirmed_on"], by_id["sweden"]["confirmed_by"]) == ("2026-11-30", "secondary")
    document = status_json(site)
    listed = {s["id"]: s for s in document["signatory_list"]}
    assert listed["european-union"]["iso3"] is None and listed["viet-nam"]["iso3"] == "VNM"
    assert [s["id"] for s in document["signatory_list"]] == [r["id"] for r in rows]


def test_frictionless_validates_the_data_package(site: Path) -> None:
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert "European Union" in fields["iso3"]["description"] and not fields["iso3"]["constraints"]["required"]
    assert "ISO 8601" in fields["signed"]["description"]
    result = subprocess.run(
        [str(Path(sys.executable).parent / "frictionless"), "validate", "--json", "datapackage.json"],
        cwd=site,
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-3000:]
    assert report["tasks"][0]["stats"]["rows"] == len(document_rows(site))


def document_rows(site: Path) -> list[dict]:
    return status_json(site)["signatory_list"]


def facts_problems(tmp_path: Path, edit: dict[str, tuple[str, str]]) -> list[str]:
    """The problems the build finds in copies of the data files, each edited
    by replacing one text with another."""
    files = {}
    for path in (CONVENTION_FILE, *DATA_FILES, DEPOSITARY_NAMES_FILE):
        text = path.read_text(encoding="utf-8")
        if path.name in edit:
            old, new = edit[path.name]
            assert old in text
            text = text.replace(old, new, 1)
        files[path] = tmp_path / path.name
        files[path].write_text(text, encoding="utf-8")
    rules = valid(load_rules(files[CONVENTION_FILE]), "data/convention.yml")
    facts, problems = load_site_facts(date.today(), rules, FactFiles(*(files[path] for path in DATA_FILES)))
    if facts is not None:
        problems += load_depositary_names(facts, files[DEPOSITARY_NAMES_FILE])[1]
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    "edit,message",
    [
        ({"signatures.yml": ("iso3: VNM", "iso3: VNX")}, "'VNX' is not an ISO 3166-1 alpha-3 code"),
        ({"signatures.yml": ("    iso3: DZA\n", "")}, "missing field 'iso3'"),
        (
            {
                "signatures.yml": (
                    "    type: regional-organization\n",
                    "    type: regional-organization\n    iso3: EUR\n",
                )
            },
            "a regional organization has no ISO 3166-1 code",
        ),
        (
            {
                "signatures.yml": (
                    "    language: en\n  verdragen:",
                    '    language: en\n    retrieved: "2099-01-01"\n  verdragen:',
                )
            },
            "'2099-01-01' is not a real day on or before the build's day",
        ),
        ({"depositary_names.yml": ("czech-republic", "czechia")}, "'czechia' is not an id the site knows"),
        (
            {"depositary_names.yml": ("Turkey: turkiye", "Algeria: angola")},
            "'Algeria' is the English name of 'algeria' on the site, not of 'angola'",
        ),
    ],
)
def test_country_codes_read_days_and_the_depositary_s_names_are_checked(
    tmp_path: Path, edit: dict[str, tuple[str, str]], message: str
) -> None:
    problems = facts_problems(tmp_path, edit)
    assert any(message in p and "Fix:" in p for p in problems), problems
