"""Create the three language files of a new press release.

    make new-release SLUG=closing-press-conference DATE=2025-10-26 SOURCE=https://…

Writes docs/en|vi|fr/press/<DATE>-<SLUG>.md with valid front matter, the same
translation key in the three files, and ``draft: true``: the release shows in
previews with a "draft" banner and is published only once an editor removes
that line. Refuses, with the reason, a malformed slug or date, a missing
source, or a release that exists already.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from hanoi.catalogues import N_, translate  # noqa: E402
from hanoi.languages import LANGUAGES  # noqa: E402

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2}))?$")

# What each language's file starts with, from the UI catalogues (locales/):
# editors replace it before publishing.
TEXT = (
    N_("Write the headline here"),
    N_("Write one sentence describing the release for search engines."),
    N_("Write two or three sentences summing up the release for the archive and the feed."),
    N_("Write the release here, in short paragraphs, with its facts and their sources."),
)


class Refused(Exception):
    pass


def check(slug: str, when: str, source: str, zone: str, docs: Path) -> str:
    if not SLUG.match(slug):
        raise Refused(f"SLUG '{slug}' must be lowercase letters, digits and hyphens, e.g. closing-press-conference")
    if not DATE.match(when):
        raise Refused(f"DATE '{when}' must be YYYY-MM-DD, or YYYY-MM-DDTHH:MM+07:00 with the time and its offset")
    try:
        day = datetime.fromisoformat(when).date() if "T" in when else date.fromisoformat(when)
    except ValueError:
        raise Refused(f"DATE '{when}' is not a real date") from None
    if not re.match(r"^https?://\S+$", source or ""):
        raise Refused(
            "SOURCE must be the address of the public source of the release (https://…): "
            "the site publishes only releases that have one"
        )
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise Refused(f"TIMEZONE '{zone}' is not a time zone; use e.g. Asia/Ho_Chi_Minh") from None
    name = f"{day.isoformat()}-{slug}"
    existing = [p for lang in LANGUAGES for p in (docs / lang / "press").glob(f"*-{slug}.md")]
    if existing:
        raise Refused(f"a release with the slug '{slug}' exists already: {existing[0].relative_to(docs.parent)}")
    return name


def front_matter(language: str, name: str, when: str, source: str, zone: str) -> str:
    title, description, summary, body = (translate(language, text) for text in TEXT)
    return (
        f'---\ndraft: true\ntitle: {title}\ndescription: {description}\ndate: "{when}"\ntimezone: {zone}\n'
        f"summary: {summary}\ntranslation_key: {name}\nsources:\n  - name: {source.split('/')[2]}\n"
        f"    url: {source}\n---\n\n# {title} {{#{name[11:]}}}\n\n{body}\n"
    )


def create(
    slug: str, when: str, source: str, zone: str = "Asia/Ho_Chi_Minh", docs: Path = PROJECT / "docs"
) -> list[Path]:
    name = check(slug, when, source, zone, docs)
    paths = []
    for language in LANGUAGES:
        path = docs / language / "press" / f"{name}.md"
        path.write_text(front_matter(language, name, when, source, zone), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--slug", default="")
    parser.add_argument("--date", default="")
    parser.add_argument("--source", default="")
    parser.add_argument("--timezone", default="Asia/Ho_Chi_Minh")
    args = parser.parse_args()
    try:
        paths = create(args.slug, args.date, args.source, args.timezone)
    except Refused as refusal:
        print(f"new-release: {refusal}", file=sys.stderr)
        return 2
    for path in paths:
        print(f"created {path.relative_to(PROJECT)}")
    print("Write the release in the three files, then delete the line `draft: true` in each to publish it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
