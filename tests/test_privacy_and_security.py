"""No third-party requests; security headers; security.txt; noindex only off production."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest

from hanoi.served.security import (
    ContentNotInPage,
    headers_file,
    inline_scripts,
    script_hash,
    script_hashes,
    security_txt,
    template_script_hashes,
    unrendered_html_problems,
)
from sitetools import PROJECT, TEST_SITE_URL, html_pages, soup, url_path

SITE_HOST = urlsplit(TEST_SITE_URL).netloc
ASSET_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return (
        bool(parts.netloc)
        and parts.netloc != SITE_HOST
        or parts.scheme in ("http", "https")
        and parts.netloc != SITE_HOST
    )


def asset_urls(page: Path) -> list[str]:
    document = soup(page)
    urls = [
        tag.get(attr) for name, attr in ASSET_ATTRIBUTES.items() for tag in document.find_all(name) if tag.get(attr)
    ]
    urls += [tag.get("srcset", "").split(" ")[0] for tag in document.find_all(["img", "source"]) if tag.get("srcset")]
    urls += [
        link.get("href")
        for link in document.find_all("link")
        if link.get("href")
        and set(link.get("rel", []))
        & {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest"}
    ]
    urls += [m for style in document.find_all(style=True) for m in CSS_URL.findall(style["style"])]
    return urls


def test_no_asset_is_loaded_from_another_site(site: Path) -> None:
    offenders = {url_path(site, p): [u for u in asset_urls(p) if is_external(u)] for p in html_pages(site)}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"assets from other sites: {offenders}"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        external = [u for u in CSS_URL.findall(text) + CSS_IMPORT.findall(text) if is_external(u)]
        assert not external, f"{css.relative_to(site)} loads {external}"


def test_no_source_maps_are_published(site: Path) -> None:
    assert not list(site.rglob("*.map"))


def netlify() -> dict:
    return tomllib.loads((PROJECT / "netlify.toml").read_text(encoding="utf-8"))


def test_netlify_builds_strictly_with_python_3_11() -> None:
    build = netlify()["build"]
    assert "mkdocs build --strict" in build["command"]
    assert build["publish"] == "site"
    assert build["environment"]["PYTHON_VERSION"] == "3.11"
    for context in ("deploy-preview", "branch-deploy"):
        command = netlify()["context"][context]["command"]
        assert command.startswith("SITE_URL=$DEPLOY_PRIME_URL ") and "mkdocs build --strict" in command


def test_netlify_security_headers_on_every_response() -> None:
    everything = next(h for h in netlify()["headers"] if h["for"] == "/*")["values"]
    assert "max-age=" in everything["Strict-Transport-Security"]
    assert everything["X-Content-Type-Options"] == "nosniff"
    assert everything["X-Frame-Options"] == "DENY"
    assert everything["Referrer-Policy"]
    assert "camera=()" in everything["Permissions-Policy"]
    assert "interest-cohort" not in everything["Permissions-Policy"], "FLoC was withdrawn: nothing to opt out of"


def test_language_redirects_and_404_rules() -> None:
    redirects = netlify()["redirects"]
    for language in ("vi", "fr"):
        rule = next(r for r in redirects if r["from"] == "/" and r["to"] == f"/{language}/")
        assert rule["status"] == 302 and rule["force"] is True
        assert rule["conditions"]["Language"] == [language]
        not_found = next(r for r in redirects if r["from"] == f"/{language}/*")
        assert not_found["to"] == f"/{language}/404.html" and not_found["status"] == 404
    # Language rules come before the 404 rules (first match wins).
    order = [r["from"] for r in redirects]
    assert order.index("/") < order.index("/vi/*")


def test_switcher_sets_netlify_language_cookie(site: Path) -> None:
    script = (site / "assets" / "javascripts" / "language-choice.js").read_text(encoding="utf-8")
    assert "nf_lang=" in script and "data-language-choice" in script
    page = soup(site / "vi" / "index.html")
    assert page.find("script", src=re.compile(r"language-choice\.js$"))
    assert {a["data-language-choice"] for a in page.select("a.md-select__link")} == {"en", "vi", "fr"}


def headers_rules(site: Path) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(" "):
            current = rules.setdefault(line.strip(), {})
        elif line.strip():
            name, value = line.strip().split(":", 1)
            current[name.strip()] = value.strip()
    return rules


MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
TEMPLATE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def template_scripts() -> list[re.Pattern[str]]:
    """Every inline script the templates (Material's and overrides/) can
    emit, as a pattern in which each Jinja expression matches anything
    (JSON data scripts, which have a type, run nothing and are left out)."""
    patterns = []
    for folder in (MATERIAL_TEMPLATES, PROJECT / "overrides"):
        for template in sorted(folder.rglob("*.html")):
            for script in TEMPLATE_SCRIPT.finditer(template.read_text(encoding="utf-8")):
                if "src=" not in script["attributes"] and "type=" not in script["attributes"]:
                    patterns.append(re.compile(".*?".join(map(re.escape, JINJA.split(script["body"]))), re.S))
    return patterns


def csp_directive(site: Path, name: str) -> str:
    csp = headers_rules(site)["/*"]["Content-Security-Policy"]
    return next(d.strip() for d in csp.split(";") if d.strip().startswith(name + " "))


def test_csp_allows_exactly_the_templates_inline_scripts(site: Path) -> None:
    script_src = csp_directive(site, "script-src")
    assert "'unsafe-inline'" not in script_src
    patterns = template_scripts()
    assert len(patterns) >= 3
    emitted = set()
    for page in html_pages(site):
        for body in inline_scripts(page.read_text(encoding="utf-8")):
            assert any(p.fullmatch(body) for p in patterns), (
                f"{url_path(site, page)}: a script no template emits: {body[:80]}"
            )
            emitted.add(script_hash(body))
    assert set(re.findall(r"'sha256-[^']+'", script_src)) == emitted
    csp = headers_rules(site)["/*"]["Content-Security-Policy"]
    for directive in ("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"):
        assert directive in csp


def test_scripts_run_only_from_the_sites_script_folder(site: Path) -> None:
    """Not from anywhere on the site ('self'): a file published elsewhere
    could not run even if a page named it. Every script the pages load is
    in that folder, and the search worker in its own."""
    script_src = csp_directive(site, "script-src").split()[1:]
    assert [s for s in script_src if not s.startswith("'sha256-")] == [TEST_SITE_URL + "assets/javascripts/"]
    assert csp_directive(site, "worker-src").split()[1:] == [TEST_SITE_URL + "assets/javascripts/workers/"]
    loaded = [
        urljoin(TEST_SITE_URL + url_path(site, page).lstrip("/"), script["src"])
        for page in html_pages(site)
        for script in soup(page).find_all("script", src=True)
    ]
    assert len(loaded) > 100
    outside = [url for url in loaded if not url.startswith(TEST_SITE_URL + "assets/javascripts/")]
    assert not outside, f"scripts the policy would block: {outside[:5]}"


def test_a_script_in_a_page_content_is_never_hashed(site: Path) -> None:
    """What the build hashes for a page (hooks/served_security.py): its
    templates' scripts, whatever its content holds."""
    written = (site / "faq" / "index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    assert written.count(article) == 1
    content = '<p>Hello</p><script>alert("from the page")</script><script>'  # one left open, too
    page = written.replace(article, article + content)
    hashes = template_script_hashes(page, content)
    assert hashes == script_hashes(written) and len(hashes) == 3
    assert script_hash('alert("from the page")') not in hashes
    assert script_hash('alert("from the page")') in script_hashes(page)
    with pytest.raises(ContentNotInPage):
        template_script_hashes(written, content)


def test_fingerprinted_assets_are_cached_for_a_year(site: Path) -> None:
    rules = headers_rules(site)
    bundles = [p for p in rules if re.search(r"bundle\.[0-9a-f]{8}\.min\.js$", p)]
    assert bundles, "Material's JS bundle has no caching rule"
    assert all("immutable" in rules[p]["Cache-Control"] for p in bundles)
    assert "Cache-Control" not in rules["/*"]


def test_production_never_gets_noindex_and_previews_always_do(site: Path) -> None:
    assert "X-Robots-Tag" not in headers_rules(site)["/*"]  # the fixture builds with CONTEXT=production
    assert "noindex" not in headers_file("csp", [], "production")
    for context in ("deploy-preview", "branch-deploy", "local"):
        assert "X-Robots-Tag: noindex" in headers_file("csp", [], context)


def security_txt_fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.splitlines() if line)


def test_security_txt_has_contact_and_future_expiry(site: Path) -> None:
    """A build that knows no GitHub repository (this one) points to the contact page."""
    fields = security_txt_fields((site / ".well-known" / "security.txt").read_text())
    assert fields["Contact"].startswith(TEST_SITE_URL + "contact/")
    expires = datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    assert datetime.now(UTC) < expires
    assert fields["Canonical"] == TEST_SITE_URL + ".well-known/security.txt"


def test_security_problems_are_reported_in_private_under_the_security_policy() -> None:
    """With the repository Netlify builds from: GitHub's private
    vulnerability reporting, and the repository's SECURITY.md, which says so."""
    fields = security_txt_fields(security_txt("https://site.example.org/", datetime.now(UTC), ["en"], "office/site"))
    assert fields["Contact"] == "https://github.com/office/site/security/advisories/new"
    assert fields["Policy"] == "https://github.com/office/site/security/policy"
    policy = (PROJECT / "SECURITY.md").read_text(encoding="utf-8")
    assert "Report a vulnerability" in policy and "security.txt" in policy and "@" not in policy


def test_an_html_file_the_templates_did_not_render_stops_the_build(site: Path, tmp_path: Path) -> None:
    """Its inline scripts would not be hashed, and it would be published
    unchecked: only the pages MkDocs rendered and the 404 pages may be HTML."""
    rendered = [page.relative_to(site) for page in html_pages(site)]
    copy = tmp_path / "site"
    for relative in rendered:
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        (copy / relative).write_text("<p>rendered</p>", encoding="utf-8")
    for extra in ("evil.html", "media/y.xhtml", "vi/notes.htm"):
        (copy / extra).parent.mkdir(parents=True, exist_ok=True)
        (copy / extra).write_text("<script>document.title='ran'</script>", encoding="utf-8")
    problems = unrendered_html_problems(copy, [copy / relative for relative in rendered])
    assert sorted(p.file for p in problems) == ["site/evil.html", "site/media/y.xhtml", "site/vi/notes.htm"]
    assert all("Fix:" in str(p) for p in problems)
