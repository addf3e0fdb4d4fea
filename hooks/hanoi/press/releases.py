"""Press releases: one Markdown file per release per language under
``docs/<lang>/press/``, linked across languages by ``translation_key``.

A release stays off the site until its ``publish_at`` instant (the embargo
lift), and drafts stay off production builds (``hanoi.pages.drafts``). Dates are
shown in the reader's language; a release whose time was not published shows
its date only (the feed then uses midnight in the release's time zone, as
Atom needs a full timestamp).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hanoi.catalogues import translate
from hanoi.clock import SITE_TIME_ZONE, parse_instant
from hanoi.datafiles import problem_at
from hanoi.formatting import format_clock, format_date
from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix
from hanoi.pages.drafts import Publication
from hanoi.pages.scan import SourcePage
from hanoi.problems import Problem


@dataclass(frozen=True)
class Release:
    language: str
    relative_path: str  # e.g. press/2024-12-24-adoption.md
    title: str
    summary: str
    published: datetime  # aware
    time_known: bool
    translation_key: str
    publish_at: datetime | None
    sources: tuple[tuple[str, str], ...]
    draft: bool = False

    @property
    def url(self) -> str:
        """Site-relative URL, e.g. vi/press/2024-12-24-adoption/."""
        return language_prefix(self.language) + posixpath.splitext(self.relative_path)[0] + "/"

    def date_text(self) -> str:
        return format_date(self.published, self.language)

    def shown_by(self, publication: Publication) -> bool:
        return publication.shows(
            {"draft": self.draft, "publish_at": self.publish_at and self.publish_at.isoformat()},
            f"{self.language}/{self.relative_path}",
        )


def release_moment(text: str, zone: ZoneInfo) -> tuple[datetime, bool]:
    """A release's date as an aware datetime (a day alone starts at midnight
    in the release's time zone), and whether the time of day was given."""
    if "T" in text:
        return parse_instant(text), True
    return datetime.combine(date.fromisoformat(text), time(0, 0), tzinfo=zone), False


def releases_from(pages: list[SourcePage]) -> tuple[list[Release], list[Problem]]:
    releases: list[Release] = []
    problems: list[Problem] = []
    for page in pages:
        if page.kind != "press_release" or page.meta is None:
            continue
        meta = page.meta
        try:
            zone = ZoneInfo(meta["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(
                problem_at(
                    meta,
                    ["timezone"],
                    page.path,
                    f"unknown time zone '{meta['timezone']}'",
                    "write an IANA zone such as Asia/Ho_Chi_Minh or America/New_York",
                )
            )
            continue
        published, time_known = release_moment(meta["date"], zone)
        embargo = release_moment(meta["publish_at"], zone)[0] if meta.get("publish_at") else None
        releases.append(
            Release(
                page.language,
                page.relative_path,
                meta["title"],
                meta["summary"],
                published,
                time_known,
                meta["translation_key"],
                embargo,
                tuple((s["name"], s["url"]) for s in meta["sources"]),
                meta.get("draft") is True,
            )
        )
    return releases, problems + _translation_problems(releases, pages)


def _translation_problems(releases: list[Release], pages: list[SourcePage]) -> list[Problem]:
    """The three versions of a release share their key, date and embargo."""
    by_path: dict[str, dict[str, Release]] = {}
    for release in releases:
        by_path.setdefault(release.relative_path, {})[release.language] = release
    problems = []
    page_of = {(p.language, p.relative_path): p for p in pages}
    keys: dict[str, str] = {}
    for path, versions in sorted(by_path.items()):
        english = versions.get(DEFAULT_LANGUAGE)
        for language in LANGUAGES:
            version = versions.get(language)
            if version is None or english is None:
                continue
            source = page_of[(language, path)]
            for field, mine, theirs in (
                ("translation_key", version.translation_key, english.translation_key),
                ("date", version.published, english.published),
                ("publish_at", version.publish_at, english.publish_at),
            ):
                if mine != theirs:
                    problems.append(
                        problem_at(
                            source.meta,
                            [field],
                            source.path,
                            f"{field} differs from the English version (docs/en/{path})",
                            f"use the same {field} in the three languages",
                        )
                    )
        if english is not None:
            if english.translation_key in keys and keys[english.translation_key] != path:
                source = page_of[(DEFAULT_LANGUAGE, path)]
                problems.append(
                    problem_at(
                        source.meta,
                        ["translation_key"],
                        source.path,
                        f"translation_key '{english.translation_key}' is also used by "
                        f"docs/en/{keys[english.translation_key]}",
                        "give each release its own key (its file name without .md)",
                    )
                )
            keys[english.translation_key] = path
    return problems


def embargo_text(instant: datetime, language: str) -> str:
    """When an embargo lifts, in UTC with the time in Hanoi alongside (as the
    media page promises): '26 October 2025 at 15:00 UTC (22:00 in Hanoi)'."""
    utc, local = instant.astimezone(UTC), instant.astimezone(SITE_TIME_ZONE)
    hanoi_time = format_clock(local, language)
    if local.date() != utc.date():
        hanoi_time = translate(language, "%(time)s on %(date)s") % {
            "time": hanoi_time,
            "date": format_date(local, language),
        }
    return translate(language, "%(date)s at %(utc_time)s UTC (%(hanoi_time)s in Hanoi)") % {
        "date": format_date(utc, language),
        "utc_time": format_clock(utc, language),
        "hanoi_time": hanoi_time,
    }


def newest_first(releases: list[Release], language: str, publication: Publication) -> list[Release]:
    return sorted(
        (r for r in releases if r.language == language and r.shown_by(publication)),
        key=lambda r: (r.published, r.relative_path),
        reverse=True,
    )
