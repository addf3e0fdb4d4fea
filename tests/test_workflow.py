"""Press officers' workflow: scaffolding, drafts and scheduled
publication, translation status."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import yaml

from hanoi.clock import SITE_TIME_ZONE, BuildClock
from hanoi.languages import language_prefix
from hanoi.pages.changes import changed_pages
from hanoi.pages.drafts import from_environment
from hanoi.pages.translations import record, status
from sitetools import LANGUAGES, PROJECT, run_build, run_editor_build, site_facts, soup

sys.path.insert(0, str(PROJECT / "tools"))
import new_release  # noqa: E402


@pytest.mark.parametrize(
    "slug,date,source,reason",
    [
        ("Closing", "2025-10-26", "https://a.test/", "SLUG 'Closing' must be lowercase"),
        ("closing", "26/10/2025", "https://a.test/", "DATE '26/10/2025' must be YYYY-MM-DD"),
        ("closing", "2025-02-30", "https://a.test/", "DATE '2025-02-30' is not a real date"),
        ("closing", "2025-10-26T15:00", "https://a.test/", "with the time and its offset"),
        ("closing", "2025-10-26", "", "SOURCE must be the address of the public source"),
        ("closing-press-conference", "2025-10-26", "https://a.test/", "exists already"),
    ],
)
def test_new_release_refuses_with_a_clear_reason(slug: str, date: str, source: str, reason: str) -> None:
    with pytest.raises(new_release.Refused, match=reason.replace("(", r"\(").replace(")", r"\)")):
        new_release.check(slug, date, source, "Asia/Ho_Chi_Minh", PROJECT / "docs")


def test_make_new_release_refuses_an_existing_slug() -> None:
    result = subprocess.run(
        [
            "make",
            "-s",
            "new-release",
            "SLUG=closing-press-conference",
            "DATE=2025-10-26",
            "SOURCE=https://en.cand.com.vn/",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0
    assert "a release with the slug 'closing-press-conference' exists already" in result.stderr


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=tests", "-c", "user.email=tests@localhost", *args],
        cwd=project,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )


def scaffold(project: Path, slug: str, date: str) -> list[Path]:
    created = subprocess.run(
        [
            sys.executable,
            "tools/new_release.py",
            "--slug",
            slug,
            "--date",
            date,
            "--source",
            "https://www.unodc.org/unodc/en/cybercrime/convention/home.html",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    assert created.stdout.count("created docs/") == 3
    return [project / "docs" / language / "press" / f"{date}-{slug}.md" for language in LANGUAGES]


def schedule(path: Path, title: str | None = None) -> None:
    """The page scheduled for 2099 (an embargo), its title replaced if given."""
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    text = text.replace("---\n", '---\npublish_at: "2099-01-01T09:00+07:00"\n', 1)
    if title:
        text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


EMBARGOED = "2026-11-19-embargoed-release"
EMBARGOED_SHEET = "EMBARGOPAGE456 scheduled fact sheet"


def public_texts(site: Path) -> str:
    """Everything the built site publishes that is text."""
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt", ".csv", ".ics")
    )


def test_a_preview_shows_its_own_drafts_and_no_build_names_another_embargoed_item(project_copy: Path) -> None:
    """An embargoed release and fact sheet merged on main (publish_at in
    2099); then a pull request's branch adds a draft release. Its deploy
    preview shows the draft, with its banner, and not the embargoed items;
    production shows neither, and names neither anywhere (the editors'
    /status/ page, the editor's configuration included)."""
    git(project_copy, "init", "-q", "-b", "main")
    for path in scaffold(project_copy, "embargoed-release", "2026-11-19"):
        schedule(path)
    for language in LANGUAGES:
        sheets = project_copy / "docs" / language / "media" / "fact-sheets"
        (sheets / "embargo-probe.md").write_bytes((sheets / "hanoi-signing-ceremony.md").read_bytes())
        schedule(sheets / "embargo-probe.md", f'"{EMBARGOED_SHEET} {language}"')
    git(project_copy, "add", "-A", "--", ".", ":!node_modules")
    git(project_copy, "commit", "-q", "-m", "merged, under embargo")
    git(project_copy, "checkout", "-q", "-b", "officer/test-release")
    scaffold(project_copy, "test-release", "2026-11-20")
    git(project_copy, "add", "-A", "--", ".", ":!node_modules")
    git(project_copy, "commit", "-q", "-m", "a new release")

    preview = run_build(project_copy, project_copy / "preview", CONTEXT="deploy-preview")
    assert preview.returncode == 0, preview.output
    for language in LANGUAGES:
        page = preview.site_dir / language_prefix(language) / "press" / "2026-11-20-test-release" / "index.html"
        assert soup(page).select_one(".hc-publication-banner"), "drafts carry a banner in previews"
        archive = (preview.site_dir / language_prefix(language) / "press" / "index.html").read_text(encoding="utf-8")
        feed = (preview.site_dir / language_prefix(language) / "feed.xml").read_text(encoding="utf-8")
        assert "2026-11-20-test-release" in archive and "2026-11-20-test-release" in feed
    shown = public_texts(preview.site_dir)
    assert EMBARGOED not in shown and "EMBARGOPAGE456" not in shown and "embargo-probe" not in shown

    production = run_build(project_copy, project_copy / "production")
    assert production.returncode == 0, production.output
    published = public_texts(production.site_dir)
    for name in ("2026-11-20-test-release", EMBARGOED, "EMBARGOPAGE456", "embargo-probe"):
        assert name not in published, f"production names {name}"
    assert (production.site_dir / "status" / "index.html").is_file(), "the editors' page is built, without them"
    editor = run_editor_build(project_copy, project_copy / "editor-site")
    assert editor.returncode == 0, editor.output
    configuration = (editor.site_dir / "config.json").read_text(encoding="utf-8")
    assert "EMBARGOPAGE456" not in configuration and "embargo-probe" not in configuration
    assert "hanoi-signing-ceremony" in configuration, "published pages are listed"


def test_publication_rules() -> None:
    clock = BuildClock(datetime(2026, 12, 31, 17, 5, tzinfo=UTC))
    # Production never asks for its pull request's pages (1 / 0 would fail).
    production = from_environment("build", clock, {"CONTEXT": "production"}, lambda: 1 / 0)
    preview = from_environment("build", clock, {"CONTEXT": "deploy-preview"}, lambda: frozenset({"en/press/own.md"}))
    every = from_environment("build", clock, {"CONTEXT": "deploy-preview", "SHOW_DRAFTS": "1"}, lambda: 1 / 0)
    later = (clock.instant + timedelta(minutes=1)).isoformat()
    earlier = (clock.instant - timedelta(minutes=1)).isoformat()
    assert production.shows({}) and production.shows({"publish_at": earlier})
    assert not production.shows({"draft": True}) and not production.shows({"publish_at": later}, "en/press/own.md")
    assert preview.shows({"draft": True}, "en/press/own.md") and preview.shows({"publish_at": later}, "en/press/own.md")
    assert not preview.shows({"draft": True}, "en/press/other.md") and not preview.shows({"publish_at": later}, "x.md")
    assert every.shows({"draft": True}, "x.md") and every.shows({"publish_at": later})
    assert preview.status({"publish_at": later}) == "scheduled"
    assert from_environment("serve", clock, {}).preview and not from_environment("build", clock, {}).preview


def test_a_preview_without_git_history_shows_no_draft(tmp_path: Path) -> None:
    assert changed_pages(tmp_path) == frozenset()


def test_translation_status_reports_missing_and_outdated(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    page = "---\ntitle: T\ndescription: A description long enough to pass the check.\n---\n\n# T {#t}\n"
    for language in LANGUAGES:
        (docs / language).mkdir(parents=True)
        for name in ("a.md", "b.md"):
            if not (language == "fr" and name == "b.md"):
                (docs / language / name).write_text(page, encoding="utf-8")
    record(docs / "vi" / "a.md", docs)
    record(docs / "fr" / "a.md", docs)
    record(docs / "vi" / "b.md", docs)
    rows = {row.page: row.states for row in status(docs)}
    assert rows == {"a.md": {"vi": "up-to-date", "fr": "up-to-date"}, "b.md": {"vi": "up-to-date", "fr": "missing"}}
    (docs / "en" / "a.md").write_text(page + "\nA new English paragraph.\n", encoding="utf-8")
    assert {row.page: row.states for row in status(docs)}["a.md"] == {"vi": "outdated", "fr": "outdated"}


def test_a_missing_translation_fails_the_build_but_an_outdated_one_only_warns(project_copy: Path) -> None:
    english = project_copy / "docs" / "en" / "privacy.md"
    record(project_copy / "docs" / "vi" / "privacy.md", project_copy / "docs")
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more English sentence.\n", encoding="utf-8")
    outdated = run_build(project_copy, project_copy / "site-outdated")
    assert outdated.returncode == 0, outdated.output
    assert "docs/vi/privacy.md may be outdated" in outdated.output
    assert "Aborted" not in outdated.output
    (project_copy / "docs" / "fr" / "privacy.md").unlink()
    missing = run_build(project_copy, project_copy / "site-missing")
    assert missing.returncode != 0
    assert "docs/fr/privacy.md is missing: translate docs/en/privacy.md" in missing.output


def test_the_site_is_rebuilt_just_after_midnight_in_new_york_and_in_hanoi() -> None:
    """The phase follows New York's calendar: a daily rebuild five minutes
    after its midnight, in winter (the deadline) and summer time, and one
    after Hanoi's, the site's own day. GitHub's schedule is in UTC."""
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "scheduled-publish.yml").read_text("utf-8"))
    crons = {entry["cron"] for entry in workflow[True]["schedule"]}  # YAML 1.1 reads the key `on` as True
    zones = (site_facts().rules.calendar, SITE_TIME_ZONE)
    for zone in zones:
        for day in (date(2026, 12, 31), date(2027, 7, 1)):  # winter and summer
            utc = datetime.combine(day, time(0, 5), tzinfo=zone).astimezone(UTC)
            assert f"{utc.minute} {utc.hour} * * *" in crons, (zone.key, day)
