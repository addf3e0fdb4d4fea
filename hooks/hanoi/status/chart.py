"""The signatures page's chart over time: signatories and instruments
deposited that count toward entry into force, as running totals from the
opening in Hanoi to the build's day, with the number of instruments needed
drawn as a line, the close of signature and, once known, the day of entry
into force (the Council of Europe's chart of signatures and the entry-into-
force trackers readers know draw the same).

Drawn as inline SVG by ``overrides/partials/markers/status-chart.html``; this
module computes the running totals and the picture's coordinates, in the
units of a 360 x 200 viewBox: a phone's width, so that its text is read at
about its own size on a phone (the stylesheet caps its width on wide
screens). No chart library runs in the reader's browser.

A signature the sources date only to a span of days is counted from the
span's last day: the day by which it had certainly been made. While the
list of instruments is not complete, the number deposited is not known: no
line is drawn for it (never a line at 0), and the chart says so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hanoi.formatting import format_date, format_month, format_number
from hanoi.status.facts import Signatures
from hanoi.status.treaty import TreatyRecord, TreatyStatus
from hanoi.status.views import date_view

WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 30, 346, 22, 174  # the plot's edges; marker labels above it, months below
# Steps of the grid lines, the smallest that draws at most MAX_LINES of them.
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MAX_LINES = 5
HEADROOM = 1.1  # room above the highest line for its label
MONTH_STEPS = (1, 2, 3, 4, 6, 12)
MAX_MONTHS = 5  # month labels under the plot; more would touch at 390 px
LABEL_GAP = 14  # closer than this, the two lines' labels would overlap


@dataclass(frozen=True)
class Step:
    day: date
    total: int


def running_totals(days: Iterable[date]) -> tuple[Step, ...]:
    """The running total after each day on which it changed."""
    total = 0
    steps = []
    for day, count in sorted(Counter(days).items()):
        total += count
        steps.append(Step(day, total))
    return tuple(steps)


def signature_totals(signatures: Signatures) -> tuple[Step, ...]:
    return running_totals(s.signed.last for s in signatures.signatories)


def instrument_totals(record: TreatyRecord) -> tuple[Step, ...] | None:
    """Instruments that count, or None while the list is not complete."""
    if not record.complete:
        return None
    return running_totals(d.deposited for d in record.deposits if d.counts_toward_entry_into_force)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Axes:
    start: date
    end: date
    top: int  # the value of the highest grid line
    step: int

    def x(self, day: date) -> float:
        return round(LEFT + (day - self.start).days / (self.end - self.start).days * (RIGHT - LEFT), 1)

    def y(self, value: int) -> float:
        return round(BOTTOM - value / self.top * (BOTTOM - TOP), 1)


def axes(status: TreatyStatus, highest: int) -> Axes:
    """From the month of the opening in Hanoi to the month after the latest
    of the build's day, the close of signature and entry into force."""
    last = max(status.today, status.signature_open_until + timedelta(days=1), status.entry_into_force or status.today)
    wanted = max(highest, status.instruments_required) * HEADROOM
    step = next(s for s in NICE_STEPS if math.ceil(wanted / s) <= MAX_LINES)
    return Axes(_month_start(status.signature_in_hanoi.first), _next_month(last), math.ceil(wanted / step) * step, step)


def step_path(steps: tuple[Step, ...], until: date, chart: Axes) -> str:
    """A staircase: flat at 0 from the start, up on each day, flat to ``until``."""
    path = [f"M{chart.x(chart.start)} {chart.y(0)}"]
    for step in steps:
        path.append(f"H{chart.x(step.day)}V{chart.y(step.total)}")
    path.append(f"H{chart.x(until)}")
    return "".join(path)


def _month_ticks(chart: Axes, language: str) -> list[dict[str, Any]]:
    months = []
    month = _next_month(chart.start) if chart.start.day > 1 else chart.start
    while month <= chart.end:
        months.append(month)
        month = _next_month(month)
    every = next((n for n in MONTH_STEPS if len([m for m in months if (m.month - 1) % n == 0]) <= MAX_MONTHS), 12)
    return [
        {"x": chart.x(m), "text": format_month(m, language), "machine": m.strftime("%Y-%m")}
        for m in months
        if (m.month - 1) % every == 0 and LEFT < chart.x(m) < RIGHT
    ]


def _series(steps: tuple[Step, ...], until: date, chart: Axes, language: str) -> dict[str, Any]:
    last = steps[-1].total if steps else 0
    return {
        "path": step_path(steps, until, chart),
        "last": last,
        "last_text": format_number(last, language),
        "end_x": chart.x(until),
        "end_y": chart.y(last),
    }


def _marker(day: date, at: date, chart: Axes, language: str) -> dict[str, Any] | None:
    """A day drawn as a vertical line at ``at`` (its start, or the next day's
    for a day that ends something), if the chart reaches it."""
    if not chart.start <= at <= chart.end:
        return None
    return {"x": chart.x(at), "machine": day.isoformat(), "text": format_date(day, language)}


def _signature_rows(signatures: Signatures, language: str) -> list[dict[str, Any]]:
    """Signatures by day (or span of days) and place, each with the running
    total the chart draws (a span counted from its last day)."""
    by_day = Counter((s.signed, s.in_hanoi) for s in signatures.signatories)
    totals = {step.day: step.total for step in signature_totals(signatures)}  # the chart's, by last day
    rows = []
    for (span, in_hanoi), count in sorted(by_day.items(), key=lambda item: (item[0][0].last, item[0][0].first)):
        total = totals[span.last]
        rows.append(
            {
                "signed": date_view(span, language, one_of_the_days=True),
                "in_hanoi": in_hanoi,
                "count_text": format_number(count, language),
                "total_text": format_number(total, language),
            }
        )
    return rows


def _instrument_rows(counted: tuple[Step, ...] | None, language: str) -> list[dict[str, Any]] | None:
    if counted is None:
        return None
    rows, before = [], 0
    for step in counted:
        rows.append(
            {
                "machine": step.day.isoformat(),
                "text": format_date(step.day, language),
                "count_text": format_number(step.total - before, language),
                "total_text": format_number(step.total, language),
            }
        )
        before = step.total
    return rows


def chart_view(status: TreatyStatus, signatures: Signatures, record: TreatyRecord, language: str) -> dict[str, Any]:
    signed = signature_totals(signatures)
    counted = instrument_totals(record)
    highest = max([s.total for s in signed] + [s.total for s in counted or ()] + [0])
    chart = axes(status, highest)
    signatories = _series(signed, status.today, chart, language)
    instruments = None if counted is None else _series(counted, status.today, chart, language)
    # Two labels closer than a line of text apart: the lower one goes under its line.
    instruments_below = instruments is not None and abs(instruments["end_y"] - signatories["end_y"]) < LABEL_GAP
    spans = [s for s in signatures.signatories if not s.signed.is_day]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot": {"left": LEFT, "right": RIGHT, "top": TOP, "bottom": BOTTOM},
        "grid": [
            {"y": chart.y(value), "value": value, "text": format_number(value, language)}
            for value in range(0, chart.top + 1, chart.step)
        ],
        "months": _month_ticks(chart, language),
        "signatories": signatories,
        "instruments": instruments,
        "instruments_below": instruments_below,
        "required": {"y": chart.y(status.instruments_required), "x": chart.x(status.signature_in_hanoi.last) + 4},
        # Signature closes at the end of its last day.
        "close": _marker(status.signature_open_until, status.signature_open_until + timedelta(days=1), chart, language),
        "entry_into_force": status.entry_into_force
        and _marker(status.entry_into_force, status.entry_into_force, chart, language),
        "from": {
            "machine": status.signature_in_hanoi.first.isoformat(),
            "text": format_date(status.signature_in_hanoi.first, language),
        },
        "until": {"machine": status.today.isoformat(), "text": format_date(status.today, language)},
        "spans": len(spans),
        "spans_text": format_number(len(spans), language),
        "signature_rows": _signature_rows(signatures, language),
        "instrument_rows": _instrument_rows(counted, language),
    }
