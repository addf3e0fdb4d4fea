"""The programme page's script in a real browser, with the
site's Content-Security-Policy: filters by day and type without a reload,
announced; a second time in the reader's own time zone, both labelled; and
the page complete without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

PROGRAMME = "vi/ceremony/programme/"


def open_page(browser: Browser, base_url: str, path: str, **options) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport={"width": 412, "height": 915}, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "programme.js" in m.text else None)
    page.goto(base_url + path, wait_until="load")
    yield page, errors
    context.close()


@pytest.fixture
def paris(browser: Browser, base_url: str) -> Iterator[tuple[Page, list[str]]]:
    yield from open_page(browser, base_url, PROGRAMME, locale="vi-VN", timezone_id="Europe/Paris")


@pytest.fixture
def without_javascript(browser: Browser, base_url: str) -> Iterator[tuple[Page, list[str]]]:
    yield from open_page(browser, base_url, PROGRAMME, java_script_enabled=False)


@pytest.mark.browser
def test_filters_by_day_and_type_without_reload(paris: tuple[Page, list[str]]) -> None:
    page, errors = paris
    items = page.locator(".hc-programme__item")
    total = items.count()
    form = page.locator("form[data-hc-filter]")
    expect(form).to_be_visible()
    status = form.locator("[role=status]")
    page.get_by_role("button", name="Chủ Nhật, 26/10").click()
    expect(page.locator("section[data-day='2025-10-25']")).to_be_hidden()
    expect(status).to_have_text(f"Đang hiển thị 5/{total} hoạt động.")
    day_button = page.get_by_role("button", name="Chủ Nhật, 26/10")
    expect(day_button).to_have_attribute("aria-pressed", "true")
    slots = page.get_by_role("button", name="Sự kiện bên lề (khung giờ song song)")
    slots.focus()
    page.keyboard.press("Enter")  # real buttons: the keyboard works
    expect(status).to_have_text(f"Đang hiển thị 3/{total} hoạt động.")
    expect(page.locator("article#closing-press-conference")).to_be_hidden()
    page.get_by_role("button", name="Tất cả các ngày").click()
    page.get_by_role("button", name="Tất cả các loại").click()
    expect(status).to_have_text(f"Đang hiển thị {total}/{total} hoạt động.")
    assert page.url.endswith(PROGRAMME) and errors == []


@pytest.mark.browser
def test_times_in_my_time_zone_are_added_and_labelled(paris: tuple[Page, list[str]]) -> None:
    page, errors = paris
    switch = page.get_by_role("button", name="Hiển thị thêm theo múi giờ của tôi")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    opening = page.locator("article#opening-session")
    expect(opening.locator("[data-hc-time-label]")).to_have_text("Giờ Hà Nội:")
    expect(opening.locator("time")).to_have_text("9:00")  # Vietnamese: no leading zero
    # 9:00 in Hanoi on 25 October 2025 is 4:00 in Paris (summer time) ...
    expect(opening.locator("[data-hc-local]")).to_contain_text("Giờ địa phương của bạn:")
    expect(opening.locator("[data-hc-local]")).to_contain_text(re.compile(r"(?<!\d)4:00"))
    expect(opening.locator("[data-hc-local]")).to_contain_text("+2)")  # the reader's offset, written out
    # ... and 9:00 on 26 October is 3:00: Paris went back to winter time that night.
    expect(page.locator("article#side-events-slot-1 [data-hc-local]")).to_contain_text(re.compile(r"(?<!\d)3:00"))
    expect(page.locator("article#side-events-slot-1 [data-hc-local]")).to_contain_text("+1)")
    expect(page.locator(".hc-localtime__status").first).to_contain_text("Europe/Paris")
    switch.click()
    expect(opening.locator("[data-hc-local]")).to_be_hidden()
    assert errors == []


@pytest.mark.browser
def test_without_javascript_the_page_is_complete(without_javascript: tuple[Page, list[str]]) -> None:
    page, _ = without_javascript
    expect(page.locator("form[data-hc-filter]")).to_be_hidden()
    expect(page.locator("[data-hc-localtime]")).to_be_hidden()
    items = page.locator(".hc-programme__item")
    assert items.count() == 12
    for index in range(items.count()):
        expect(items.nth(index)).to_be_visible()
    expect(page.locator("article#opening-session time")).to_have_text("9:00")
