"""Status updates: what happened to the Convention, as dated news computed
from the data, never typed. Every signature after Hanoi, every deposit, the
close of signature, the fortieth instrument and entry into force, in the
reader's language (gettext), shown with the press releases in the home
page's "Latest news" and published as an Atom feed per language, so that
journalists can follow ratifications.

An update appears once its day has come (a signature or a deposit is in the
data only once it happened; the close of signature and entry into force
are dated ahead and wait for their day). Counts are given only when the
list of instruments is complete: unknown stays unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from hanoi.addresses import absolute_url
from hanoi.catalogues import translate
from hanoi.feeds import FeedEntry, site_feed, write_atom_feed
from hanoi.formatting import format_date, format_number
from hanoi.languages import language_prefix
from hanoi.status.facts import SiteFacts
from hanoi.status.treaty import Deposit, TreatyStatus

if TYPE_CHECKING:
    from hanoi.build import LanguageBuild, SiteBuild

STATUS_FEED_NAME = "status-updates.xml"
# Where each update points, inside the language's tree (the home page links them too).
SIGNATURES_PAGE = "convention/signatures/"
THE_LIST = f"{SIGNATURES_PAGE}#the-list"
RATIFICATION = f"{SIGNATURES_PAGE}#ratification"


@dataclass(frozen=True)
class StatusUpdate:
    key: str  # stable and unique: "signature-mauritius", "deposit-viet-nam", "signature-closed"…
    day: date  # by the treaty's calendar (New York's): the depositary's dates
    title: str
    summary: str
    page: str  # the page it points to, inside the language's tree
    calendar: ZoneInfo

    @property
    def published(self) -> datetime:
        """The start of its day by the treaty's calendar: Atom needs an instant."""
        return datetime.combine(self.day, time(0, 0), tzinfo=self.calendar)


def _signature_title(language: str) -> str:
    return translate(language, "%(name)s signs the Convention")


def _deposit_title(deposit: Deposit, language: str) -> str:
    titles = {
        "ratification": translate(language, "%(name)s ratifies the Convention"),
        "acceptance": translate(language, "%(name)s accepts the Convention"),
        "approval": translate(language, "%(name)s approves the Convention"),
        "accession": translate(language, "%(name)s accedes to the Convention"),
    }
    return titles[deposit.kind] % {"name": deposit.name[language]}


def _deposit_summary(deposit: Deposit, counted: int | None, required: int, language: str) -> str:
    kinds = {
        "ratification": translate(language, "instrument of ratification"),
        "acceptance": translate(language, "instrument of acceptance"),
        "approval": translate(language, "instrument of approval"),
        "accession": translate(language, "instrument of accession"),
    }
    sentences = [
        translate(
            language,
            "%(name)s deposited its %(instrument)s with the Secretary-General of the United Nations on %(date)s.",
        )
        % {
            "name": deposit.name[language],
            "instrument": kinds[deposit.kind],
            "date": format_date(deposit.deposited, language),
        }
    ]
    if not deposit.counts_toward_entry_into_force:
        sentences.append(
            translate(
                language,
                "The instrument of a regional economic integration organization does not count toward the "
                "%(required)s needed for entry into force (Art. 65(1)).",
            )
            % {"required": required}
        )
    elif counted is not None:
        sentences.append(
            translate(language, "Instruments counted toward entry into force: %(count)s of %(required)s.")
            % {"count": format_number(counted, language), "required": required}
        )
    return " ".join(sentences)


def status_updates(facts: SiteFacts, status: TreatyStatus, language: str) -> list[StatusUpdate]:
    """Every update whose day has come by the treaty's calendar, newest first."""
    calendar = ZoneInfo(status.calendar)
    updates = [
        StatusUpdate(
            f"signature-{s.id}",
            s.signed.first,
            _signature_title(language) % {"name": s.name[language]},
            translate(
                language,
                "Signed on %(date)s at United Nations Headquarters in New York, where the Convention was open for "
                "signature after the ceremony in Hanoi (Art. 64).",
            )
            % {"date": format_date(s.signed.first, language)},
            THE_LIST,
            calendar,
        )
        for s in facts.signatures.after_hanoi
        if s.signed.is_day
    ]
    counted = 0
    for deposit in facts.treaty.deposits:  # in order of deposit
        counted += deposit.counts_toward_entry_into_force
        updates.append(
            StatusUpdate(
                f"deposit-{deposit.party}",
                deposit.deposited,
                _deposit_title(deposit, language),
                _deposit_summary(
                    deposit, counted if facts.treaty.complete else None, status.instruments_required, language
                ),
                RATIFICATION,
                calendar,
            )
        )
    updates += _milestones(status, calendar, language)
    return sorted((u for u in updates if u.day <= status.today), key=lambda u: (u.day, u.key), reverse=True)


def _milestones(status: TreatyStatus, calendar: ZoneInfo, language: str) -> list[StatusUpdate]:
    """The close of signature, the fortieth instrument, entry into force."""
    milestones = [
        StatusUpdate(
            "signature-closed",
            status.signature_open_until,
            translate(language, "The Convention is closed for signature"),
            translate(
                language,
                "Signature closed on %(date)s, New York time (Art. 64). States that signed can still ratify, accept "
                "or approve the Convention; the others can become parties by accession.",
            )
            % {"date": format_date(status.signature_open_until, language)},
            RATIFICATION,
            calendar,
        )
    ]
    if status.fortieth_deposit is not None and status.entry_into_force is not None:
        rule = {
            "date": format_date(status.entry_into_force, language),
            "required": status.instruments_required,
            "days": status.days_after_fortieth,
        }
        milestones += [
            StatusUpdate(
                "fortieth-instrument",
                status.fortieth_deposit,
                translate(
                    language, "%(required)sth instrument deposited: the Convention will enter into force on %(date)s"
                )
                % rule,
                translate(
                    language,
                    "The Convention enters into force on the %(days)sth day after the deposit of the %(required)sth "
                    "instrument of ratification, acceptance, approval or accession (Art. 65(1)): on %(date)s.",
                )
                % rule,
                RATIFICATION,
                calendar,
            ),
            StatusUpdate(
                "entry-into-force",
                status.entry_into_force,
                translate(language, "The Convention enters into force"),
                translate(
                    language,
                    "The Convention entered into force on %(date)s, the %(days)sth day after the deposit of the "
                    "%(required)sth instrument (Art. 65(1)).",
                )
                % rule,
                RATIFICATION,
                calendar,
            ),
        ]
    # Shown once their day is over in New York: the close of signature is
    # news from the next day, when no State can sign any more.
    return [m for m in milestones if m.key != "signature-closed" or status.today > status.signature_open_until]


def status_feed_path(language: str) -> str:
    """At the language's root: /status-updates.xml, /vi/status-updates.xml…"""
    return f"{language_prefix(language)}{STATUS_FEED_NAME}"


@dataclass
class LanguageUpdates:
    """One language build's status updates, computed once (every page's head
    announces the feed)."""

    updates: list[StatusUpdate] | None = None


def language_updates(site: SiteBuild, build: LanguageBuild) -> list[StatusUpdate]:
    state = build.state(LanguageUpdates)
    if state.updates is None:
        state.updates = status_updates(site.facts, site.status, build.language)
    return state.updates


def write_status_feed(site: SiteBuild, build: LanguageBuild) -> None:
    """The language's feed of status updates, written by the site's one Atom
    writer (hanoi.feeds), as the press releases' feed is."""
    config, language = build.config, build.language
    prefix = language_prefix(language)
    feed = site_feed(
        config,
        language,
        title=translate(language, "Status updates"),
        path=status_feed_path(language),
        page=prefix + SIGNATURES_PAGE,
    )
    entries = [
        FeedEntry(f"{feed.path}#{u.key}", u.title, u.summary, u.published, link=prefix + u.page)
        for u in language_updates(site, build)
    ]
    write_atom_feed(Path(config.site_dir), feed, entries)


def status_feed_link(site: SiteBuild, build: LanguageBuild) -> dict[str, str] | None:
    """The feed every page of the language announces in its head, once there
    is an update to read (a feed has at least one entry)."""
    if not language_updates(site, build):
        return None
    site_url = build.config.site_url or "/"
    return {
        "href": absolute_url(site_url, status_feed_path(build.language)),
        "title": translate(build.language, "Status updates"),
    }
