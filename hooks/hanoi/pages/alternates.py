"""Absolute alternate-language links for a page's head and Open Graph tags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from hanoi.addresses import absolute_url
from hanoi.languages import DEFAULT_LANGUAGE, LANGUAGE_TABLE


class HasUrl(Protocol):
    url: str


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str
    og_locale: str


def page_alternates(site_url: str, alternates: Mapping[str, HasUrl]) -> list[Alternate]:
    """One entry per language the page exists in, then ``x-default``.

    ``x-default`` points at the default-language page, which is the one served
    at ``/`` when the reader's language cannot be told.
    """
    links = [
        Alternate(language, absolute_url(site_url, file.url), LANGUAGE_TABLE[language].og_locale)
        for language, file in sorted(alternates.items())
        if language in LANGUAGE_TABLE
    ]
    default = next((link for link in links if link.hreflang == DEFAULT_LANGUAGE), None)
    if default is not None:
        links.append(Alternate("x-default", default.href, default.og_locale))
    return links
