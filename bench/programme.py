"""Benchmark of the programme hook. Not a test.

Copies the project to a temporary folder, replaces the programme with 500
obviously synthetic events (never written to the real data/), and builds the
site (all three languages) with and without the programme markers in its
pages. Prints the markers' share of the build time and the time per rendered
marker, then the hook's other work (validation, exports) timed in-process.

    .venv/bin/python bench/programme.py [--events 500] [--runs 3] [--project .]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from common import PROJECT, SITE_URL, copy_project, run_build
from hanoi.languages import LANGUAGES

MARKER_LINE = re.compile(r"^<!-- (programme|programme-facts|programme-downloads|event)\b[^\n]*-->\n", re.M)
TYPES = ("plenary", "high-level-side-event", "workshop-panel", "exhibition", "press-conference", "ceremony")
ROOMS = 25


def synthetic_programme(count: int) -> tuple[str, str]:
    """events.yml and extra venues: `count` events, a tenth of them without a time."""
    untimed = count // 10
    timed = count - untimed
    lines = ['as_of: "2026-11-22"', "events:"]

    def event(number: int, day: str, start: str, end: str, venue: str, period: str | None) -> None:
        kind = TYPES[number % len(TYPES)]
        lines.extend(
            [
                f"  - id: synthetic-{number:03d}",
                f'    day: "{day}"',
                f"    start: {start}",
                f"    end: {end}",
                *([f"    period: {period}"] if period else []),
                f"    venue: {venue}",
                f"    type: {kind}",
                "    status: confirmed",
                "    title:",
                f'      en: "Synthetic event {number:03d} <b>&</b>"',
                f'      vi: "Sự kiện tổng hợp {number:03d}"',
                f'      fr: "Événement synthétique {number:03d}"',
                "    description:",
                "      en: Benchmark data, not a real event.",
                "      vi: Dữ liệu đo hiệu năng, không phải sự kiện thật.",
                "      fr: Données de mesure, pas un événement réel.",
                "    sources: [guidelines]",
            ]
        )

    number = 0
    days = ("2025-10-25", "2025-10-26")
    per_day = {day: [] for day in days}
    for index in range(timed):
        day = days[index % 2]
        slot = index // 2 // ROOMS  # each room holds back-to-back 20-minute events
        room = index // 2 % ROOMS
        start = datetime.fromisoformat(f"{day}T07:00:00+07:00") + timedelta(minutes=20 * slot)
        per_day[day].append((start, room))
    for day in days:
        for period_index in range(untimed // 2 + (untimed % 2 if day == days[0] else 0)):
            number += 1
            event(number, day, "null", "null", "null", ("morning", "afternoon", "evening")[period_index % 3])
        for start, room in sorted(per_day[day]):
            number += 1
            end = start + timedelta(minutes=20)
            event(number, day, f'"{start.isoformat()}"', f'"{end.isoformat()}"', f"bench-room-{room:02d}", None)
    venues = ["", "  # Synthetic rooms for the benchmark only."]
    for room in range(ROOMS):
        venues.extend(
            [
                f"  bench-room-{room:02d}:",
                f"    name: {{en: Synthetic room {room:02d}, vi: Phòng tổng hợp {room:02d}, "
                f"fr: Salle synthétique {room:02d}}}",
                "    city: {en: Hanoi, vi: Hà Nội, fr: Hanoï}",
                "    address: null",
                "    sources: [guidelines]",
            ]
        )
    return "\n".join(lines) + "\n", "\n".join(venues) + "\n"


def install_synthetic_programme(project: Path, count: int) -> list[str]:
    """Replace the events of a copy of the project with `count` synthetic ones
    (and add their synthetic rooms); their ids."""
    events, venues = synthetic_programme(count)
    data = project / "data" / "programme"
    (data / "events.yml").write_text(events, encoding="utf-8")
    with (data / "venues.yml").open("a", encoding="utf-8") as file:
        file.write(venues)
    return re.findall(r"^  - id: (\S+)$", events, re.M)


def prepare(source: Path, target: Path, count: int) -> tuple[Path, Path, int]:
    """Two copies of the project with the synthetic programme: with markers and without."""
    with_markers = copy_project(target / "with-markers", source)
    ids = install_synthetic_programme(with_markers, count)
    markers = 0
    for language in LANGUAGES:
        # The side-events page becomes one card per event: `count` more markers per language.
        page = with_markers / "docs" / language / "ceremony" / "side-events.md"
        text = page.read_text(encoding="utf-8")
        text = MARKER_LINE.sub("", text) + "\n" + "".join(f"<!-- event id={i} level=3 -->\n\n" for i in ids)
        page.write_text(text, encoding="utf-8")
        for name in ("programme.md", "side-events.md"):
            markers += len(MARKER_LINE.findall((page.parent / name).read_text(encoding="utf-8")))
    without = target / "without-markers"
    shutil.copytree(with_markers, without, symlinks=True)
    for language in LANGUAGES:
        for name in ("programme.md", "side-events.md"):
            page = without / "docs" / language / "ceremony" / name
            page.write_text(MARKER_LINE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    return with_markers, without, markers


def build(project: Path) -> float:
    return run_build(project, project / "site").seconds


def instrumented_build(project: Path) -> dict[str, float]:
    """One build in this process, timing every event of hooks/programme.py and
    every programme marker it renders (they run inside hooks/markers.py)."""
    import logging  # noqa: PLC0415
    from dataclasses import replace  # noqa: PLC0415

    from mkdocs.commands.build import build as mkdocs_build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    os.environ.update({"SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "CONTEXT": "production"})
    os.environ.pop("BUILD_ONLY_LOCALE", None)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent: dict[str, float] = {"hook events": 0.0, "markers": 0.0, "marker count": 0.0}

    def timed(function, key: str):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - started
                if key == "markers":
                    spent["marker count"] += 1

        return wrapper

    previous = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-instrumented"))
        for methods in config.plugins.events.values():
            for index, method in enumerate(methods):
                if getattr(method, "__globals__", {}).get("__file__", "").endswith("hooks/programme.py"):
                    methods[index] = timed(method, "hook events")
        registry = sys.modules["hanoi.markers.expansion"]._REGISTRY
        for name in ("programme", "event", "programme-facts", "programme-downloads"):
            registry[name] = replace(registry[name], renderer=timed(registry[name].renderer, "markers"))
        started = time.perf_counter()
        mkdocs_build(config)
        spent["build"] = time.perf_counter() - started
    finally:
        os.chdir(previous)
    return spent


def in_process(project: Path) -> dict[str, float]:
    """The hook's work outside the markers, timed directly on the synthetic data."""
    sys.path.insert(0, str(project / "hooks"))
    from hanoi.programme.exports import export_files, write_files  # noqa: PLC0415
    from hanoi.programme.model import PROGRAMME_DIR, load_programme  # noqa: PLC0415 (the copy's modules)

    started = time.perf_counter()
    programme, problems = load_programme(PROGRAMME_DIR)
    validation = time.perf_counter() - started
    if problems or programme is None:
        sys.exit("the synthetic programme is invalid:\n" + "\n".join(map(str, problems)))
    out = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    started = time.perf_counter()
    for language in LANGUAGES:
        write_files(out, export_files(programme, language, SITE_URL))
    exports = time.perf_counter() - started
    shutil.rmtree(out)
    return {"validation": validation, "exports": exports, "events": len(programme.events)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind; the median is printed")
    parser.add_argument("--project", type=Path, default=PROJECT, help="the project to copy (default: this one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="programme-bench-") as folder:
        with_markers, without, markers = prepare(args.project.resolve(), Path(folder), args.events)
        timings: dict[str, list[float]] = {"with": [], "without": []}
        build(without)  # warm the file cache and Python's bytecode once
        for _ in range(args.runs):
            timings["without"].append(build(without))
            timings["with"].append(build(with_markers))
        instrumented = instrumented_build(with_markers)
        direct = in_process(with_markers)
    with_time, without_time = (statistics.median(timings[k]) for k in ("with", "without"))
    markers_time = with_time - without_time
    print(
        f"Programme benchmark: {direct['events']:.0f} synthetic events, 3 languages, "
        f"median of {args.runs} builds each (mkdocs build --strict)"
    )
    print(f"  build with markers     {with_time:7.2f} s   (runs: {', '.join(f'{t:.2f}' for t in timings['with'])})")
    print(
        f"  build without markers  {without_time:7.2f} s   (runs: {', '.join(f'{t:.2f}' for t in timings['without'])})"
    )
    print(
        f"  markers' share         {markers_time:7.2f} s = {100 * markers_time / with_time:.1f} % "
        "of the build with markers"
        " (rendering, plus the bigger pages' search index and HTML checks)"
    )
    print(f"  rendered markers       {markers:7d}     ({markers // len(LANGUAGES)} per language)")
    print(f"  time per marker        {1000 * markers_time / markers:7.2f} ms (build-time difference / markers)")
    hook = instrumented["hook events"] + instrumented["markers"]
    print(f"  in-process build with markers, timed inside ({instrumented['build']:.2f} s):")
    print(f"    programme hook, all its work  {hook:7.2f} s = {100 * hook / instrumented['build']:.1f} % of the build")
    print(
        f"      of which marker rendering   {instrumented['markers']:7.2f} s "
        f"for {instrumented['marker count']:.0f} markers"
        f" = {1000 * instrumented['markers'] / max(1, instrumented['marker count']):.2f} ms per marker"
    )
    print(f"      of which events (validation, TOC, exports) {instrumented['hook events']:.2f} s")
    print("  hook work in both builds (timed in-process on the same data):")
    print(f"    validation (once per build)   {1000 * direct['validation']:8.1f} ms")
    print(
        f"    exports (3 languages)         {1000 * direct['exports']:8.1f} ms"
        f" = {100 * direct['exports'] / with_time:.1f} % of the build with markers"
    )


if __name__ == "__main__":
    main()
