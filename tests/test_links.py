"""Every internal link and anchor on every page of every language
resolves in the built site; external links are listed in
reports/external-links.txt (git-ignored) and summarised, never failed on
(they need the network and change without us).

Every href/src/srcset of the rendered HTML is checked, navigation, header
and footer included, not only the Markdown links MkDocs validates: relative,
root-relative and absolute links to the site's own address; a directory URL
resolves to its index.html; '#anchor' must be an id (or a name) in the target.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_pages import site_pages
from sitetools import PROJECT, TEST_SITE_URL, soup

LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
NOT_LINKS = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
SITE = urlsplit(TEST_SITE_URL)
REPORT = PROJECT / "reports" / "external-links.txt"


def urls_of(page: Path) -> list[str]:
    urls = []
    for tag, attributes in LINK_ATTRIBUTES.items():
        for element in soup(page).find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                if attribute == "srcset":
                    urls += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
                else:
                    urls.append(value.strip())
    return urls


def target_file(site_dir: Path, path: str) -> Path | None:
    """The file a URL path is served from, as Netlify serves it."""
    candidate = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@cache
def anchors_of(file: Path) -> frozenset[str]:
    document = soup(file)
    return frozenset(
        [element["id"] for element in document.find_all(id=True)]
        + [element["name"] for element in document.find_all("a", attrs={"name": True})]
    )


def check_site(site_dir: Path) -> tuple[int, list[str], dict[str, set[str]]]:
    """(links checked, broken links, external URL -> pages linking to it)."""
    checked = 0
    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    for page in site_pages(site_dir):
        base = urljoin(TEST_SITE_URL, page.url)
        for url in urls_of(page.file):
            if url.lower().startswith(NOT_LINKS):
                continue
            absolute = urlsplit(urljoin(base, url))
            if absolute.scheme not in ("http", "https"):
                continue
            if absolute.netloc != SITE.netloc:
                external[absolute.geturl()].add(page.url)
                continue
            checked += 1
            target = target_file(site_dir, absolute.path)
            if target is None:
                broken.append(f"{page.url}: {url} (no file for {absolute.path})")
                continue
            fragment = unquote(absolute.fragment)
            if fragment and target.suffix == ".html" and fragment not in anchors_of(target):
                broken.append(f"{page.url}: {url} (no id '{fragment}' in {absolute.path})")
    return checked, broken, external


def write_external_report(external: dict[str, set[str]], report: Path = REPORT) -> None:
    report.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# External links in the built site: {len(external)} addresses (not checked by the tests)."]
    for url in sorted(external):
        pages = sorted(external[url])
        lines.append(f"{url}\t{len(pages)} page(s): {', '.join(pages[:5])}{' …' if len(pages) > 5 else ''}")
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    checked, broken, external = check_site(site)
    assert checked, "no internal link found: the site was not read"
    write_external_report(external)
    hosts = sorted({urlsplit(url).netloc for url in external})
    print(
        f"links: {checked} internal links checked on {len(site_pages(site))} pages, {len(broken)} broken; "
        f"{len(external)} external addresses on {len(hosts)} hosts listed in {REPORT.relative_to(PROJECT)}"
    )
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:80])


def test_the_checker_finds_broken_links_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><body><h2 id="here">x</h2>'
        '<a href="a/">ok</a><a href="a/#there">ok</a><a href="#here">ok</a><a href="/a">ok</a>'
        '<a href="missing/">broken</a><a href="a/#nowhere">broken</a><a href="#gone">broken</a>'
        '<a href="https://example.org/x">external</a><a href="mailto:x@example.org">mail</a>'
        '<img src="../a/pic.png" alt=""></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<p id="there">x</p><img src="pic.png" alt="">', encoding="utf-8")
    (tmp_path / "a" / "pic.png").write_bytes(b"png")
    checked, broken, external = check_site(tmp_path)
    assert checked == 9
    assert [b.split(": ", 1)[1].split(" ")[0] for b in broken] == ["missing/", "a/#nowhere", "#gone"]
    assert list(external) == ["https://example.org/x"]
