"""The pictures of the status site, read from the built pages: the meter of
instruments toward entry into force, the chart over time, the tile map and
the share cards with the live figures, in the three languages, with today's
data and with later made-up records (12 instruments that count; then 41,
the threshold passed and the date of entry into force known).

What each picture shows is compared with status.json, the open data the
same build wrote: every State's tile, the chart's last point (read from its
coordinates against its own grid lines), the meter's value and the text
written into each share card's PNG.
"""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from hanoi.languages import language_prefix
from sitetools import (
    LANGUAGES,
    PROJECT,
    copy_project,
    plain,
    replace_in,
    run_build,
    site_facts,
    soup,
    status_json,
    status_on,
)

TILE_GRID = yaml.safe_load((PROJECT / "data" / "tile_grid.yml").read_text(encoding="utf-8"))
UN_MEMBER_STATES = set(TILE_GRID["member_states"])


def page(site: Path, language: str, path: str):
    return soup(site / language_prefix(language) / path / "index.html")


# --- reading the pictures ------------------------------------------------------


def expected_standings(document: dict) -> dict[str, str]:
    """Each State's standing by ISO code, from status.json alone."""
    standing = {row["iso3"]: "signed" for row in document["signatory_list"] if row.get("iso3")}
    standing |= {row["iso3"]: "deposited" for row in document["deposits"] if row.get("iso3")}
    return standing


def tiles(document) -> dict[str, str]:
    """The map's tiles: the code each shows, and the standing its class gives."""
    found = {}
    for tile in document.select("svg.hc-map__picture g.hc-tile"):
        (standing,) = [c.removeprefix("hc-tile--") for c in tile["class"] if c.startswith("hc-tile--")]
        found[tile.select_one("text").get_text()] = standing
    return found


def drawn_value(chart, end) -> float:
    """The value a point of the chart stands for, read against the chart's
    own grid lines (the lowest and the highest)."""
    lines = sorted((float(line["data-hc-value"]), float(line["y1"])) for line in chart.select("line[data-hc-value]"))
    (low, low_y), (high, high_y) = lines[0], lines[-1]
    return low + (float(end["cy"]) - low_y) / (high_y - low_y) * (high - low)


def png_description(path: Path) -> tuple[str, str]:
    """The language and text of a PNG's iTXt Description, read chunk by chunk
    (PNG 3rd edition, 5.3 and 11.3.3.4), each chunk's CRC checked."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    offset, found = 8, []
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body), f"{path}: bad CRC in {kind!r}"
        if kind == b"iTXt":
            keyword, rest = body.split(b"\0", 1)
            compressed, _method, rest = rest[0], rest[1], rest[2:]
            language, _translated, text = rest.split(b"\0", 2)
            if keyword == b"Description":
                found.append((language.decode("ascii"), (zlib.decompress(text) if compressed else text).decode()))
        offset += 12 + length
    assert len(found) == 1, f"{path}: {len(found)} descriptions"
    return found[0]


def share_card(site: Path, document) -> Path:
    url = document.select_one('meta[property="og:image"]')["content"]
    return site / url.split("/", 3)[3]


# --- what each language says of the figures -------------------------------------

NOT_CONFIRMED = {"en": "Not confirmed", "vi": "Chưa được xác nhận", "fr": "Non confirmé"}
SIGNATORIES_LABEL = {
    "en": "Signatories in this site's list",
    "vi": "Số bên ký trong danh sách của trang thông tin này",
    "fr": "Signataires dans la liste de ce site",
}
INSTRUMENTS_LABEL = {"en": "Instruments deposited", "vi": "Số văn kiện đã nộp lưu chiểu", "fr": "Instruments déposés"}


def said(language: str, label: dict[str, str], value: str) -> str:
    """The label, a colon and the value, as the language writes them (French: a space before the colon)."""
    return f"{label[language]}{' ' if language == 'fr' else ''}: {value}"


def check_pictures(site: Path, instruments: dict[str, str] | None, entry_into_force: dict[str, str] | None) -> None:
    """Every picture of the site in every language against status.json;
    ``instruments`` is how each language writes the count ("12 of 40"),
    None while it is not confirmed."""
    document = status_json(site)
    standings = expected_standings(document)
    counted = document["instruments_deposited"]
    for language in LANGUAGES:
        home = page(site, language, "")
        signatures = page(site, language, "convention/signatures")
        # The meter: the count out of the number required, or no meter at all.
        for where in (home.select_one(".hc-status"), signatures.select_one(".hc-instruments")):
            meter = where.select_one("meter")
            if counted is None:
                assert meter is None, language
                assert NOT_CONFIRMED[language].lower() in where.get_text().lower(), language
            else:
                required = document["instruments_required"]
                assert (meter["min"], meter["max"]) == ("0", str(required)), language
                assert meter["value"] == str(min(counted, required)) and meter["aria-label"], language
                assert instruments and instruments[language] in meter.get_text(), language
        # The chart: titled and described, its last points the counts.
        chart = signatures.select_one("figure.hc-chart svg")
        assert chart["role"] == "img" and chart.select_one("title").get_text() and chart.select_one("desc").get_text()
        line = chart.select_one(".hc-chart__line--signatories")
        assert line["data-hc-last"] == str(document["signatories"])
        end = chart.select_one(".hc-chart__end--signatories")
        assert drawn_value(chart, end) == pytest.approx(document["signatories"], abs=0.5), language
        instruments_line = chart.select_one(".hc-chart__line--instruments")
        if counted is None:
            assert instruments_line is None, "a line drawn for a count that is not confirmed"
        else:
            assert instruments_line["data-hc-last"] == str(counted)
            end = chart.select_one(".hc-chart__end--instruments")
            assert drawn_value(chart, end) == pytest.approx(counted, abs=0.5), language
            rows = signatures.select("table.hc-instrument-counts tbody tr")
            assert rows[-1].select("td")[-1].get_text() == str(counted), language
        signed_rows = signatures.select("table.hc-signature-counts tbody tr")
        assert signed_rows[-1].select("td")[-1].get_text() == str(document["signatories"]), language
        # The map: every UN Member State once, each in the standing status.json gives.
        shown = tiles(page(site, language, "convention/map"))
        assert UN_MEMBER_STATES <= set(shown), UN_MEMBER_STATES - set(shown)
        assert set(shown) - UN_MEMBER_STATES <= set(standings), "an observer State shown that takes no part"
        assert set(standings) <= set(shown), "a participant without a tile"
        assert {code: standing for code, standing in shown.items()} == {
            code: standings.get(code, "neither") for code in shown
        }, language
        apart = page(site, language, "convention/map").select(".hc-map__apart")
        assert len(apart) == 1 and apart[0].select_one("g.hc-tile"), "the EU, apart from the grid"
        # Share cards: the figures, in the page's language, in the PNG the page shows.
        for document_page in (home, signatures):
            card_language, text = png_description(share_card(site, document_page))
            assert card_language == language
            assert said(language, SIGNATORIES_LABEL, str(document["signatories"])) in plain(text), text
            value = NOT_CONFIRMED[language] if instruments is None else instruments[language]
            assert said(language, INSTRUMENTS_LABEL, value) in plain(text), text
            if entry_into_force is not None:
                assert entry_into_force[language] in text, text
            assert document_page.select_one('meta[property="og:image:alt"]')["content"] == text
        other = page(site, language, "faq")
        _, text = png_description(share_card(site, other))
        assert SIGNATORIES_LABEL[language] not in text, "a card other than the status pages' carries figures"


def test_the_pictures_with_today_s_data(site: Path) -> None:
    check_pictures(site, None, None)


def test_an_unconfirmed_count_of_deposits_is_never_a_number_on_the_map(site: Path) -> None:
    """Today no deposit is confirmed (the list is not complete): the map's
    legend, description and table say so, and never 0."""
    for language in LANGUAGES:
        map_page = page(site, language, "convention/map")
        row = map_page.select_one('.hc-map__table tr[data-hc-standing="deposited"] td.hc-number')
        legend = map_page.select(".hc-map__legend li")[0].get_text(" ", strip=True)
        description = map_page.select_one("#hc-map-description").get_text(" ", strip=True)
        for text in (row.get_text(strip=True), legend.split(":")[-1], description.split(".")[0]):
            assert not re.search(r"\d", text), (language, text)


# --- later made-up records --------------------------------------------------------


def made_up_record(project: Path, counting: int, first: date) -> None:
    """``counting`` States' instruments, one every 5 days from ``first``, and
    the EU's approval (which does not count); the list complete."""
    parties = [s.id for s in site_facts().signatures.signatories if s.id != "european-union"][:counting]
    deposits = [
        {"party": p, "kind": "ratification", "sources": ["untc"], "deposited": str(first + timedelta(5 * i))}
        for i, p in enumerate(parties)
    ]
    deposits.append({"party": "european-union", "kind": "approval", "sources": ["untc"], "deposited": str(first)})
    data_file = project / "data" / "treaty_status.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    data["as_of"] = max(d["deposited"] for d in deposits)
    data["instruments"] = {"complete": True, "deposits": deposits}
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory):
    """The project with later made-up records, built on later days."""

    def build(counting: int, day: str) -> Path:
        project = copy_project(tmp_path_factory.mktemp("project") / "project")
        made_up_record(project, counting, date(2027, 1, 4))
        site, _ = status_on(project, tmp_path_factory.mktemp("site") / "site", day)
        return site

    return build


def test_the_pictures_with_12_instruments(later) -> None:
    site = later(12, "2027-06-01")
    assert (status_json(site)["instruments_deposited"], status_json(site)["phase"]) == (12, "open-for-accession")
    check_pictures(site, {"en": "12 of 40", "vi": "12/40", "fr": "12 sur 40"}, None)


def test_the_pictures_with_41_instruments(later) -> None:
    """The 40th that counts on 18 July 2027: entry into force on 16 October,
    drawn on the chart and on the cards."""
    site = later(41, "2027-08-01")
    document = status_json(site)
    assert (document["instruments_deposited"], document["entry_into_force"]) == (41, "2027-10-16")
    check_pictures(
        site,
        {"en": "41 (threshold of 40 reached)", "vi": "41 (đã đạt ngưỡng 40)", "fr": "41 (seuil de 40 atteint)"},
        {"en": "16 October 2027", "vi": "16/10/2027", "fr": "16 octobre 2027"},
    )
    for language in LANGUAGES:
        chart = page(site, language, "convention/signatures").select_one("figure.hc-chart svg")
        assert len(chart.select(".hc-chart__marker")) == 2, "the close of signature and entry into force"


# --- the layout's data -------------------------------------------------------------


def refusals(project: Path, site_dir: Path) -> list[str]:
    """The build's lines naming data/tile_grid.yml, once it has failed as it should."""
    result = run_build(project, site_dir, SITE_TODAY="2026-12-06")
    assert result.returncode != 0 and "Traceback" not in result.output
    return [line for line in result.output.splitlines() if "data/tile_grid.yml" in line]


def test_two_tiles_on_one_cell_are_refused(project_copy: Path, tmp_path: Path) -> None:
    replace_in(project_copy / "data" / "tile_grid.yml", "  MCO: [12, 7]", "  MCO: [13, 7]")
    lines = refusals(project_copy, tmp_path / "site")
    assert any("'MCO' is on the cell [13, 7] of 'ITA'" in line and "Fix:" in line for line in lines), lines


def test_a_participant_without_a_tile_is_refused(project_copy: Path, tmp_path: Path) -> None:
    """An acceding State the layout has no tile for stops the build, which
    says where to add it; the Holy See, an observer State, has one."""
    replace_in(
        project_copy / "data" / "treaty_status.yml",
        "  deposits: []\n",
        "  deposits:\n    - party: holy-see\n      kind: accession\n      iso3: VAT\n"
        "      name: {en: Holy See, vi: Tòa Thánh, fr: Saint-Siège}\n"
        '      deposited: "2026-11-20"\n      sources: [untc]\n'
        "    - party: niue\n      kind: accession\n      iso3: NIU\n"
        "      name: {en: Niue, vi: Niu-ê, fr: Nioué}\n"
        '      deposited: "2026-11-21"\n      sources: [untc]\n',
    )
    lines = refusals(project_copy, tmp_path / "site")
    assert any("Niue (NIU) has no tile on the map" in line and "observer_states" in line for line in lines), lines
    assert not any("VAT" in line for line in lines), lines
