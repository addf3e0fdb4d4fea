"""Benchmark of the whole build as content grows. Not a test.

    make bench        # = .venv/bin/python bench/build.py
    .venv/bin/python bench/build.py [--sizes 100,300,1000] [--events 500 (0: the real programme)]
                                    [--runs 3] [--keep DIR] [--profile]

For each size, copies the project to a temporary folder and adds that many
obviously synthetic press releases per language (en, vi, fr: same
translation key, sources, translations recorded as following the English
text), plus a synthetic programme of 500 events (``bench/programme.py``'s
generator) in place of ``data/programme/events.yml``. Nothing is written to
the project itself.

Each copy is built twice with the real command (``mkdocs build --strict``,
all three languages), as a child process whose wall time and peak memory
(``ru_maxrss`` from the kernel, through ``wait4``) are recorded:

* **hooked**: the project as it is;
* **bare**: the same ``docs/`` with plain Material + mkdocs-static-i18n, see
  ``bare_config``: no ``hooks:``, no ``theme.custom_dir`` (our templates,
  CSS, JavaScript and UI catalogues), no ``extra_css``/``extra_javascript``
  (they live in ``overrides/``), and not ``--strict``, since links to anchors
  that our markers make are missing there. Everything else (plugins,
  Markdown extensions, ``not_in_nav``, ``validation``) is the same, and
  markers simply stay HTML comments.

On a machine with two or more CPUs, each of ``--runs`` rounds builds hooked
and bare **side by side**, each on its own CPU (swapped every round): other
work on the machine (on a shared host, other machines' too) slows both
alike, and the ratio of their CPU times varies much less than that of builds
made one after the other. ``--one-at-a-time`` alternates them instead
(hooked then bare, then bare then hooked, ...). The table gives medians and
the spread (min-max). ``--profile`` then runs
one more hooked build of the largest size under cProfile and prints where
its time goes; ``--phases`` times one more pair with ``bench/phase_timer.py``
added to both copies' hooks (CPU seconds by phase and by plugin or hook
event, without a profiler's overhead).
"""

from __future__ import annotations

import argparse
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from common import MKDOCS, Build, build_env, copy_project, finish_builds, folder_size, run_build, start_build
from programme import install_synthetic_programme
from synthetic import install_synthetic_releases, release_name

MB = 1_000_000
KB = 1000


def _drop(text: str, pattern: str) -> str:
    changed, count = re.subn(pattern, "", text, count=1, flags=re.M)
    if count != 1:
        sys.exit(f"bench/build.py: mkdocs.yml changed, cannot make the bare build (no match for {pattern!r})")
    return changed


def bare_config(text: str) -> str:
    """mkdocs.yml for plain Material + mkdocs-static-i18n building the same pages."""
    for key in ("hooks", "extra_javascript"):
        text = _drop(text, rf"^{key}:[^\n]*\n(?:[ \t-][^\n]*\n)*")
    return _drop(text, r"^[ \t]+custom_dir:[^\n]*\n")


def without_our_templates(docs: Path) -> None:
    """Pages drawn by a template of ours (the home pages' ``template:
    home.html``) drawn by Material's own, as in a bare build."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "\ntemplate: " in text.split("\n---", 1)[0]:
            page.write_text(re.sub(r"(?m)^template: .*\n", "", text, count=1), encoding="utf-8")


@dataclass
class Variant:
    project: Path
    builds: list[Build] = field(default_factory=list)

    @property
    def seconds(self) -> list[float]:
        return [b.seconds for b in self.builds]

    @property
    def cpu(self) -> list[float]:
        return [b.cpu_seconds for b in self.builds]

    def median(self) -> float:
        return statistics.median(self.seconds)

    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def peak(self) -> int:
        return max(b.peak_rss_bytes for b in self.builds)


@dataclass
class Size:
    releases: int
    hooked: Variant
    bare: Variant
    site: dict[str, float] = field(default_factory=dict)

    def ratios(self) -> list[float]:
        """Wall time, hooked / bare, of the builds of each round."""
        return [h.seconds / b.seconds for h, b in zip(self.hooked.builds, self.bare.builds, strict=True)]

    def cpu_ratios(self) -> list[float]:
        """CPU time (user + system), hooked / bare: less sensitive to other work on the machine."""
        return [h.cpu_seconds / b.cpu_seconds for h, b in zip(self.hooked.builds, self.bare.builds, strict=True)]


def prepare(root: Path, releases: int, events: int) -> Size:
    hooked = copy_project(root / f"{releases}" / "hooked")
    if events:
        install_synthetic_programme(hooked, events)
    install_synthetic_releases(hooked, releases)
    bare = copy_project(root / f"{releases}" / "bare", hooked)
    config = bare / "mkdocs.yml"
    config.write_text(bare_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    without_our_templates(bare / "docs")
    return Size(releases, Variant(hooked), Variant(bare))


def build(variant: Variant, hooked: bool, keep: bool = True) -> Build:
    done = run_build(variant.project, variant.project / "site", strict=hooked)
    if keep:
        variant.builds.append(done)
    return done


def build_side_by_side(size: Size, run: int) -> list[Build]:
    """Both builds of a size at the same time, each on its own CPU (swapped
    every run): what else the machine does slows both alike, so their ratio
    holds better than that of builds made one after the other."""
    hooked_cpu = run % 2
    running = [
        start_build(size.hooked.project, size.hooked.project / "site", strict=True, cpu=hooked_cpu),
        start_build(size.bare.project, size.bare.project / "site", strict=False, cpu=1 - hooked_cpu),
    ]
    hooked, bare = finish_builds(running)
    size.hooked.builds.append(hooked)
    size.bare.builds.append(bare)
    return [hooked, bare]


def html_size(path: Path) -> float:
    return path.stat().st_size / KB if path.is_file() else float("nan")


def measure_site(site: Path, releases: int) -> dict[str, float]:
    pages = sorted(site.rglob("index.html"))
    sizes = [p.stat().st_size for p in pages]
    total, files = folder_size(site)
    newest = release_name(releases)
    return {
        "pages": len(pages),
        "site_bytes": total,
        "files": files,
        "html_mean": statistics.mean(sizes) / KB,
        "html_median": statistics.median(sizes) / KB,
        "release": html_size(site / "press" / newest / "index.html"),
        "faq": html_size(site / "faq" / "index.html"),
        "archive": html_size(site / "press" / "index.html"),
    }


def spread(values: list[float], scale: float = 1.0, digits: int = 1) -> str:
    return f"{min(values) * scale:.{digits}f}–{max(values) * scale:.{digits}f}"


def print_table(sizes: list[Size], runs: int, side_by_side: bool) -> None:
    print(
        "\n| releases per language | pages | wall, hooked (s) | per page (ms) | wall, bare (s) | hooked / bare, wall "
        "| CPU hooked / bare (s) | hooked / bare, CPU | peak memory hooked / bare (MB) | site/ (MB) "
        "| HTML per page, mean (kB) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        pages = size.site["pages"]
        h, b, r, c = size.hooked, size.bare, size.ratios(), size.cpu_ratios()
        print(
            f"| {size.releases} | {pages:.0f} | {h.median():.1f} ({spread(h.seconds)}) "
            f"| {1000 * h.median() / pages:.1f} ({spread(h.seconds, 1000 / pages)}) "
            f"| {b.median():.1f} ({spread(b.seconds)}) "
            f"| {statistics.median(r):.2f} ({spread(r, digits=2)}) "
            f"| {h.median_cpu():.1f} / {b.median_cpu():.1f} "
            f"| {statistics.median(c):.2f} ({spread(c, digits=2)}) "
            f"| {h.peak() / MB:.0f} / {b.peak() / MB:.0f} "
            f"| {size.site['site_bytes'] / MB:.1f} | {size.site['html_mean']:.1f} |"
        )
    how = "side by side, one CPU each" if side_by_side else "one after the other, alternating"
    print(
        f"\nMedians of {runs} builds of each kind (min–max in brackets), hooked and bare {how}; "
        "pages = index.html files built (3 languages); CPU = user + system time of the build process."
    )


def fastest_ratio(size: Size) -> float:
    """CPU of the fastest hooked build over that of the fastest bare one: other
    work on the machine only ever adds time, so (as timeit reports) the
    fastest of several builds is the best estimate of what a build costs."""
    return min(size.hooked.cpu) / min(size.bare.cpu)


def print_figures(sizes: list[Size]) -> None:
    first, last = sizes[0], sizes[-1]
    for label, median in (("wall", Variant.median), ("CPU", Variant.median_cpu)):

        def per_page(s: Size, median: Callable[[Variant], float] = median) -> float:
            return median(s.hooked) / s.site["pages"]

        print(
            f"\nLinearity ({label}): time per page at {last.releases} releases per language is "
            f"{100 * (per_page(last) / per_page(first) - 1):+.1f} % of the time per page at {first.releases} "
            f"({1000 * per_page(last):.1f} vs {1000 * per_page(first):.1f} ms)."
        )
        for smaller, larger in zip(sizes, sizes[1:], strict=False):
            added = larger.site["pages"] - smaller.site["pages"]
            slope = (median(larger.hooked) - median(smaller.hooked)) / added
            bare_slope = (median(larger.bare) - median(smaller.bare)) / added
            print(
                f"  each page added from {smaller.releases} to {larger.releases} releases per language: "
                f"{1000 * slope:.1f} ms hooked, {1000 * bare_slope:.1f} ms bare"
            )
    print()
    for size in sizes:
        r, c = size.ratios(), size.cpu_ratios()
        print(
            f"Hooks' cost at {size.releases} releases per language: hooked / bare = {statistics.median(r):.2f} wall "
            f"(runs: {', '.join(f'{x:.2f}' for x in r)}), {statistics.median(c):.2f} CPU "
            f"(runs: {', '.join(f'{x:.2f}' for x in c)}); fastest builds' CPU {fastest_ratio(size):.2f} "
            f"({min(size.hooked.cpu):.1f} / {min(size.bare.cpu):.1f} s)"
        )
    s = last.site
    print(
        f"HTML at {last.releases} releases per language: {s['html_mean']:.1f} kB per page on average "
        f"(median {s['html_median']:.1f} kB); a release {s['release']:.1f} kB, the FAQ {s['faq']:.1f} kB, "
        f"the archive of {last.releases} releases {s['archive']:.1f} kB (English pages)"
    )


def profile(size: Size, top: int) -> None:
    """One more hooked build under cProfile: self time by package, top functions."""
    output = Path(tempfile.mkdtemp(prefix="bench-profile-")) / "build.prof"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(output),
            str(MKDOCS),
            "build",
            "--strict",
            "--site-dir",
            str(size.hooked.project / "site"),
        ],
        cwd=size.hooked.project,
        env=build_env(),
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    print(
        f"\nProfile (cProfile, one hooked build at {size.releases} releases per language, "
        f"{time.perf_counter() - started:.1f} s with the profiler's overhead): {output}"
    )
    stats = pstats.Stats(str(output))
    groups: dict[str, float] = {}
    project = str(size.hooked.project)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        groups[package_of(filename, project)] = groups.get(package_of(filename, project), 0.0) + tottime
    total = sum(groups.values())
    print("  self time by package:")
    for name, seconds in sorted(groups.items(), key=lambda item: -item[1])[:12]:
        print(f"    {name:<28} {seconds:7.2f} s {100 * seconds / total:5.1f} %")
    print(f"  our functions by cumulative time (top {top}):")
    ours = [
        (key, value)
        for key, value in stats.stats.items()  # type: ignore[attr-defined]
        if key[0].startswith(project + os.sep + "hooks")
    ]
    for (filename, line, name), (_, calls, _, cumtime, _) in sorted(ours, key=lambda kv: -kv[1][3])[:top]:
        print(f"    {cumtime:7.2f} s {calls:8d} calls  {Path(filename).relative_to(project)}:{line} {name}")


def _with_timer(text: str, timer: Path) -> str:
    """mkdocs.yml with bench/phase_timer.py first among its hooks."""
    if re.search(r"^hooks:[ \t]*\n", text, flags=re.M):
        return re.sub(r"^hooks:[ \t]*\n", f"hooks:\n  - {timer}\n", text, count=1, flags=re.M)
    return text + f"\nhooks:\n  - {timer}\n"


def _read_report(path: Path) -> dict[str, float]:
    report = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        seconds, label = line.strip().split("  ", 1)
        report[label] = float(seconds)
    return report


def phases(size: Size, top: int) -> None:
    """One more side-by-side pair with bench/phase_timer.py in both copies:
    CPU seconds by build phase and by plugin or hook event, without a
    profiler's overhead."""
    timer = Path(__file__).resolve().with_name("phase_timer.py")
    variants = {"hooked": size.hooked, "bare": size.bare}
    configs = {name: v.project / "mkdocs.yml" for name, v in variants.items()}
    originals = {name: path.read_text(encoding="utf-8") for name, path in configs.items()}
    reports = {name: Path(tempfile.mkdtemp(prefix="bench-phases-")) / f"{name}.txt" for name in variants}
    try:
        for name, path in configs.items():
            path.write_text(_with_timer(originals[name], timer), encoding="utf-8")
        finish_builds(
            [
                start_build(
                    v.project,
                    v.project / "site",
                    strict=name == "hooked",
                    cpu=index,
                    env=build_env(PHASE_TIMER_OUT=str(reports[name])),
                )
                for index, (name, v) in enumerate(variants.items())
            ]
        )
    finally:
        for name, path in configs.items():
            path.write_text(originals[name], encoding="utf-8")
    hooked, bare = _read_report(reports["hooked"]), _read_report(reports["bare"])
    print(
        f"\nCPU seconds by phase and by event, one side-by-side pair at {size.releases} releases per language "
        "(bench/phase_timer.py; mkdocs-static-i18n's on_post_build holds the other languages' builds, "
        "whose phases and events are counted too):"
    )
    print("| | hooked | bare |\n| --- | ---: | ---: |")
    for label in sorted(set(hooked) | set(bare), key=lambda k: -max(hooked.get(k, 0), bare.get(k, 0)))[:top]:
        print(f"| {label} | {hooked.get(label, 0):.2f} | {bare.get(label, 0):.2f} |")


def package_of(filename: str, project: str) -> str:
    if filename.startswith(project):
        return "ours: " + Path(filename).relative_to(project).parts[0]
    match = re.search(r"site-packages/([^/]+)", filename)
    if match:
        return match.group(1).removesuffix(".py")
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C)"
    return "python stdlib"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,300,1000", help="releases per language, comma-separated")
    parser.add_argument(
        "--events", type=int, default=500, help="synthetic programme events (0: the site's real programme)"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind and size; medians are printed")
    parser.add_argument(
        "--no-warmup", action="store_true", help="skip the first, unmeasured build of each copy (for very slow builds)"
    )
    parser.add_argument(
        "--one-at-a-time",
        action="store_true",
        help="build hooked and bare one after the other (default on 2 or more CPUs: side by side, one CPU each)",
    )
    parser.add_argument("--keep", type=Path, help="prepare the copies in this folder and keep them")
    parser.add_argument("--profile", action="store_true", help="then profile one hooked build of the largest size")
    parser.add_argument(
        "--phases", action="store_true", help="then time the phases and events of one more pair of the largest size"
    )
    parser.add_argument("--top", type=int, default=15, help="functions listed by --profile, rows by --phases")
    args = parser.parse_args()
    counts = sorted(int(s) for s in args.sizes.split(","))
    keep = args.keep.resolve() if args.keep else None
    with tempfile.TemporaryDirectory(prefix="build-bench-") as temporary:
        root = keep or Path(temporary)
        root.mkdir(parents=True, exist_ok=True)
        print(
            f"Build benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
            f"{os.getloadavg()[0]:.1f} at the start; copies in {root}"
        )
        started = time.perf_counter()
        sizes = [prepare(root, count, args.events) for count in counts]
        programme = f"{args.events} synthetic programme events" if args.events else "the real programme"
        print(f"  prepared {len(sizes)} sizes with {programme} in {time.perf_counter() - started:.0f} s")
        for size in [] if args.no_warmup else sizes:  # warm the file cache and check that both build
            for variant, hooked in ((size.hooked, True), (size.bare, False)):
                done = build(variant, hooked, keep=False)
                print(
                    f"  warm-up, {size.releases:>5} releases per language, {'hooked' if hooked else 'bare  '}: "
                    f"{done.seconds:6.1f} s (not counted)",
                    flush=True,
                )
        side_by_side = not args.one_at_a_time and len(os.sched_getaffinity(0)) >= 2
        print(f"  builds {'side by side, one CPU each' if side_by_side else 'one at a time'}")
        for run in range(args.runs):
            for size in sizes:
                if side_by_side:
                    done = list(zip((True, False), build_side_by_side(size, run), strict=True))
                else:
                    pair = [(size.hooked, True), (size.bare, False)]
                    done = [
                        (hooked, build(variant, hooked))
                        for variant, hooked in (pair if run % 2 == 0 else reversed(pair))
                    ]
                for hooked, result in done:
                    print(
                        f"  run {run + 1}, {size.releases:>5} releases per language, "
                        f"{'hooked' if hooked else 'bare  '}: {result.seconds:6.1f} s, "
                        f"{result.cpu_seconds:6.1f} s CPU, {result.peak_rss_bytes / MB:5.0f} MB",
                        flush=True,
                    )
                if not size.site:
                    size.site = measure_site(size.hooked.project / "site", size.releases)
        print(f"  load average at the end: {os.getloadavg()[0]:.1f}")
        print_table(sizes, args.runs, side_by_side)
        print_figures(sizes)
        if args.phases:
            phases(sizes[-1], args.top)
        if args.profile:
            profile(sizes[-1], args.top)


if __name__ == "__main__":
    main()
