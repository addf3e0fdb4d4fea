"""The programme and side-events pages in the real build, in
three languages, readable without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from hanoi.programme.display import day_heading, time_text
from hanoi.programme.model import load_programme
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, TEST_SITE_URL, soup

TBC = {"en": "time to be confirmed", "vi": "thời gian sẽ được xác nhận", "fr": "heure à confirmer"}


def programme():
    loaded, problems = load_programme()
    assert loaded is not None, problems
    return loaded


def page_path(site: Path, language: str, name: str) -> Path:
    prefix = site if language == DEFAULT_LANGUAGE else site / language
    return prefix / "ceremony" / name / "index.html"


def page_url(language: str, name: str) -> str:
    return TEST_SITE_URL + ("" if language == DEFAULT_LANGUAGE else f"{language}/") + f"ceremony/{name}/"


def resolve(site: Path, language: str, name: str, href: str) -> Path:
    """The file a relative link on a page points to."""
    path = urlsplit(urljoin(page_url(language, name), href)).path
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_is_on_the_programme_page_with_its_day_heading(site: Path, language: str) -> None:
    page = soup(page_path(site, language, "programme"))
    data = programme()
    for day in data.days:
        heading = page.select_one(f"#day-{day.date.isoformat()}")
        assert heading is not None and heading.name == "h2"
        assert heading.get_text(strip=True).rstrip("¶") == day_heading(day.date, language)
    for event in data.events:
        article = page.select_one(f"article#{event.id}")
        assert article is not None, event.id
        assert article.select_one(".hc-event__title").get_text(strip=True).rstrip("¶") == event.title[language]
        when = " ".join(article.select_one(".hc-event__when").get_text(" ", strip=True).split())
        assert " ".join(time_text(event, language).split()) in when


@pytest.mark.parametrize("language", LANGUAGES)
def test_local_times_and_to_be_confirmed_are_shown_in_the_reader_language(site: Path, language: str) -> None:
    page = soup(page_path(site, language, "programme"))
    opening = page.select_one("article#opening-session")
    time = opening.select_one("time[data-hc-start]")
    assert time["datetime"] == "2025-10-25T09:00:00+07:00"
    # French press and UN style; Vietnamese press writes the hour without a leading zero
    assert time.get_text() == {"en": "09:00", "vi": "9:00", "fr": "9\u00a0h"}[language]
    assert opening.select_one(".hc-time__zone").get_text() == "(UTC+7)"
    assert TBC[language] in page.select_one("article#welcome-group-photo .hc-event__when").get_text().lower()


def test_days_and_types_can_be_filtered_with_real_buttons(site: Path) -> None:
    page = soup(page_path(site, "vi", "programme"))
    form = page.select_one("form[data-hc-filter]")
    assert form is not None and form.has_attr("hidden"), "the filters must stay hidden until the script runs"
    buttons = form.select("button")
    assert buttons and all(b["type"] == "button" and b["aria-pressed"] in ("true", "false") for b in buttons)
    assert {b["data-value"] for b in form.select('button[data-filter="day"]')} == {"", "2025-10-25", "2025-10-26"}
    assert form.select_one('[role="status"][aria-live="polite"]') is not None
    assert len(form.select("fieldset legend")) == 2
    items = page.select(".hc-programme__item")
    assert len(items) == len(programme().events)
    assert not [i for i in items if i.has_attr("hidden")], "without JavaScript every event shows"


def test_the_local_time_switch_is_labelled_and_hidden_without_javascript(site: Path) -> None:
    page = soup(page_path(site, "fr", "programme"))
    switch = page.select_one("[data-hc-localtime]")
    assert switch.has_attr("hidden")
    button = switch.select_one("button")
    assert button["aria-pressed"] == "false" and button["data-label-local"] == "Votre heure locale\u00a0:"
    assert page.select_one("article#opening-session [data-hc-time-label]").get_text() == "Heure de Hanoï\u00a0:"


@pytest.mark.parametrize("language", LANGUAGES)
def test_side_events_page_shows_the_three_slots_only(site: Path, language: str) -> None:
    page = soup(page_path(site, language, "side-events"))
    ids = [a["id"] for a in page.select("article.hc-event")]
    assert ids == ["side-events-slot-1", "side-events-slot-2", "side-events-slot-3"]
    assert page.select_one("#day-2025-10-26").name == "h3"
    clocks = [re.sub(r"\s", "", t.get_text()) for t in page.select("time[data-hc-start]")]  # fr has no-break spaces
    expected = {
        "en": ["09:00–10:15", "12:00–13:15", "13:30–14:45"],
        "vi": ["9:00–10:15", "12:00–13:15", "13:30–14:45"],
        "fr": ["9h–10h15", "12h–13h15", "13h30–14h45"],
    }
    assert clocks == expected[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_event_links_to_its_own_calendar_file(site: Path, language: str) -> None:
    page = soup(page_path(site, language, "programme"))
    for event in programme().events:
        link = page.select_one(f"article#{event.id} a.hc-event__calendar")
        target = resolve(site, language, "programme", link["href"])
        assert target.is_file() and target.name == f"{event.id}.ics", link["href"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_programme_page_links_every_export(site: Path, language: str) -> None:
    page = soup(page_path(site, language, "programme"))
    links = page.select(".hc-downloads a")
    names = {urlsplit(a["href"]).path.rsplit("/", 1)[-1] for a in links}
    assert names == {"programme.ics", "programme.json", "programme.schema.json", "schedule.json"}
    for link in links:
        if link["href"].startswith("webcal://"):
            assert link["href"] == "webcal://" + page_url(language, "programme").split("://", 1)[1] + "programme.ics"
        else:
            assert resolve(site, language, "programme", link["href"]).is_file(), link["href"]


def test_day_headings_are_in_the_table_of_contents(site: Path) -> None:
    page = soup(page_path(site, "vi", "programme"))
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert "#day-2025-10-25" in toc and "#day-2025-10-26" in toc
    assert toc.index("#about-the-two-days") < toc.index("#day-2025-10-25") < toc.index("#downloads")


def test_no_inline_script_style_or_handler_in_the_programme(site: Path) -> None:
    for language in LANGUAGES:
        for name in ("programme", "side-events"):
            page = soup(page_path(site, language, name))
            for block in page.select("[data-hc-programme]"):
                assert not block.find("script")
                assert not block.find(style=True)
                assert not [t for t in block.find_all(True) if any(a.startswith("on") for a in t.attrs)]
            scripts = [s.get("src", "") for s in page.find_all("script")]
            assert any(s.endswith("assets/javascripts/programme.js") for s in scripts)


def test_the_address_of_the_venue_is_not_shown(site: Path) -> None:
    text = soup(page_path(site, "en", "programme")).select_one("article.md-content__inner").get_text()
    assert "National Convention Centre, Hanoi" in text
    assert not re.search(r"Me Tri|Mễ Trì|Nam Tu Liem|Nam Từ Liêm", text)


def test_titles_and_descriptions_are_escaped_text() -> None:
    template = (PROJECT / "overrides" / "partials" / "programme" / "event.html").read_text(encoding="utf-8")
    assert "| safe" not in template and "|safe" not in template


def test_print_stylesheet_prints_on_a4() -> None:
    css = (PROJECT / "overrides" / "assets" / "stylesheets" / "programme.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css)
    print_rules = css.split("@media print", 1)[1]
    for selector in (".hc-filter", ".hc-localtime", "break-inside: avoid"):
        assert selector in print_rules
