"""Dates and times with Babel, in the language being built, in
Hanoi time, with the zone written plainly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hanoi.programme.display import clock, day_heading, day_short, time_text, zone_label
from hanoi.programme.model import TIME_ZONE, load_programme


@pytest.mark.parametrize(
    "language, heading",
    [
        ("en", "Saturday, 25 October 2025"),
        ("vi", "Thứ Bảy, ngày 25/10/2025"),
        ("fr", "Samedi 25 octobre 2025"),
    ],
)
def test_day_headings_are_full_dates(language: str, heading: str) -> None:
    assert day_heading(date(2025, 10, 25), language) == heading


@pytest.mark.parametrize(
    "language, label", [("en", "Sunday 26 October"), ("vi", "Chủ Nhật, 26/10"), ("fr", "Dimanche 26 octobre")]
)
def test_short_day_labels(language: str, label: str) -> None:
    assert day_short(date(2025, 10, 26), language) == label


def test_the_zone_is_written_plainly() -> None:
    assert zone_label(datetime(2025, 10, 25, 9, 0, tzinfo=TIME_ZONE)) == "UTC+7"
    # An instant given in another zone is still labelled with Hanoi's offset.
    assert zone_label(datetime(2025, 10, 25, 2, 0, tzinfo=UTC)) == "UTC+7"


@pytest.mark.parametrize(
    "language, text", [("en", "09:00–10:15"), ("vi", "9:00–10:15"), ("fr", "9\u00a0h\u00a0–\u00a010\u00a0h\u00a015")]
)
def test_time_ranges_in_hanoi_time(language: str, text: str) -> None:
    start = datetime(2025, 10, 26, 2, 0, tzinfo=UTC)  # 09:00 in Hanoi
    assert clock(start, start + timedelta(minutes=75), language) == text


def test_an_instant_is_shown_in_hanoi_time_not_utc() -> None:
    assert clock(datetime(2025, 10, 25, 2, 0, tzinfo=UTC), None, "vi") == "9:00"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", ("09:00 (UTC+7)", "Morning, time to be confirmed", "Time to be confirmed")),
        ("vi", ("9:00 (UTC+7)", "Buổi sáng, thời gian sẽ được xác nhận", "Thời gian sẽ được xác nhận")),
        ("fr", ("9\u00a0h (UTC+7)", "Matin, heure à confirmer", "Heure à confirmer")),
    ],
)
def test_event_times_in_each_language(language: str, expected: tuple[str, str, str]) -> None:
    programme, _ = load_programme()
    assert programme is not None
    shown = tuple(
        time_text(programme.event(i), language) for i in ("opening-session", "welcome-group-photo", "plenary-day-2")
    )
    assert shown == expected
