"""The browser editor, a site of its own built by its own command
(tools/build_editor.py): its headers as Netlify applies them, the public
site's (which holds nothing of the editor), its configuration against the
schemas the build checks with, its bundle, and how its build fails without
its packages. In Chromium: tests/browser/test_editor.py.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from hanoi.datafiles import load_schema
from hanoi.editor.config import PAGE_KEPT, RELEASE_KEPT, auth_scope
from hanoi.editor.headers import editor_policy, every_address_headers
from hanoi.editor.old_address import redirects
from hanoi.repository import github_repository
from netlify_emulation import header_values, headers_file_rules, toml_rules
from sitetools import PROJECT, TEST_SITE_URL, copy_project, run_build, run_editor_build, url_path

SECURITY_HEADERS = ("content-security-policy", "cross-origin-opener-policy", "x-robots-tag")
EDITOR_TOML = PROJECT / "editor" / "netlify.toml"
KB = 1000


def netlify_rules(site: Path):
    return toml_rules() + headers_file_rules(site / "_headers")


def editor_rules(editor_site: Path):
    return toml_rules(EDITOR_TOML) + headers_file_rules(editor_site / "_headers")


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in policy.split(";") if d.strip())}


def addresses(site: Path) -> list[str]:
    """Every address of a built site: each file, each page's folder address,
    and addresses that name nothing."""
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and p.name != "_headers"]
    found = {url_path(site, p) for p in files} | {"/" + p.relative_to(site).as_posix() for p in files}
    return sorted(found | {"/no-such-page", "/no-such-page/", "/admin", "/admin/", "/vi/no-such-page"})


def test_the_public_site_holds_nothing_of_the_editor(site: Path) -> None:
    assert not (site / "admin").exists() and not (site / "_redirects").exists()
    assert not list(site.rglob("main-*.js")) and not list(site.rglob("sveltia*")), "the editor's bundle"
    mentions = [
        url_path(site, p)
        for p in sorted(site.rglob("*"))
        if p.is_file()
        and p.suffix in (".html", ".js", ".css", ".json", ".xml", ".webmanifest")
        and re.search(rb"/admin\b|admin/|sveltia", p.read_bytes(), re.I)
    ]
    assert not mentions, f"public files that point at the editor: {mentions}"


def test_exactly_one_policy_applies_to_every_editor_address_and_it_is_its_own(editor_site: Path) -> None:
    rules = editor_rules(editor_site)
    paths = ["/", "/index.html", "/no-such-page"] + addresses(editor_site)
    assert len(paths) > 10
    for path in paths:
        values = header_values(path, rules)
        assert values.get("content-security-policy") == [editor_policy()], path
        assert values.get("cross-origin-opener-policy") == ["same-origin-allow-popups"], path
        assert values.get("x-robots-tag") == ["noindex"], f"{path}: the editor is never indexed, even in production"
        assert values.get("cross-origin-resource-policy") == ["same-origin"], path
        twice = {name: found for name, found in values.items() if len(found) > 1}
        assert not twice, f"{path}: {twice}"


def test_the_editors_site_sends_the_public_sites_other_headers(editor_site: Path) -> None:
    shared = every_address_headers()
    assert {"Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options"} <= set(shared)
    values = header_values("/", editor_rules(editor_site))
    assert {name: values[name.lower()] for name in shared} == {name: [value] for name, value in shared.items()}
    assert "interest-cohort" not in shared["Permissions-Policy"], "FLoC was withdrawn"


def test_the_editors_policy_runs_only_its_own_files_and_talks_only_to_the_site_and_github() -> None:
    policy = directives(editor_policy())
    assert policy["script-src"] == ["'self'"], "no unsafe-eval, no unsafe-inline, no hash: the editor's files only"
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"], "Svelte's run-time styles, and no other host"
    hosts = [v for v in policy["connect-src"] if "://" in v]
    assert hosts == ["https://api.github.com"] and set(policy["connect-src"]) - set(hosts) <= {
        "'self'",
        "data:",
        "blob:",
    }
    for name in ("default-src", "font-src", "worker-src", "form-action"):
        assert policy[name] == ["'self'"], name
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert not [v for v in editor_policy().split() if "*" in v], "no wildcard source"


def test_every_public_address_gets_the_sites_headers_once(site: Path) -> None:
    """The site's policy, same-origin COOP and, in production, no noindex:
    on every file and page address, and on addresses that name nothing (a
    404 at the top of the site too), each set by exactly one rule."""
    rules = netlify_rules(site)
    policy = header_values("/", rules)["content-security-policy"]
    assert len(policy) == 1 and "script-src " + TEST_SITE_URL + "assets/javascripts/ 'sha256-" in policy[0]
    paths = addresses(site)
    assert len(paths) > 200
    for path in paths:
        values = header_values(path, rules)
        assert values.get("content-security-policy") == policy, path
        assert values.get("cross-origin-opener-policy") == ["same-origin"], path
        assert "x-robots-tag" not in values, path
        twice = {name: found for name, found in values.items() if len(found) > 1}
        assert not twice, f"{path}: {twice}"


def test_netlify_sets_no_policy_for_every_address_and_both_sites_build_alike() -> None:
    netlify = tomllib.loads((PROJECT / "netlify.toml").read_text(encoding="utf-8"))
    everything = next(h for h in netlify["headers"] if h["for"] == "/*")["values"]
    assert not {name.lower() for name in everything} & set(SECURITY_HEADERS), (
        "site/_headers sets them for every address: a second value would be a second policy"
    )
    environment = netlify["build"]["environment"]
    assert environment["NPM_FLAGS"] == "--omit=dev" and re.fullmatch(r"\d+\.\d+\.\d+", environment["NODE_VERSION"])
    editor = tomllib.loads(EDITOR_TOML.read_text(encoding="utf-8"))
    assert editor["build"]["command"] == "python tools/build_editor.py --site-dir editor-site"
    assert editor["build"]["publish"] == "editor-site" and not editor.get("headers") and not editor.get("redirects")
    shared = ("PYTHON_VERSION", "NODE_VERSION", "NPM_FLAGS")
    assert {name: editor["build"]["environment"][name] for name in shared} == {
        name: environment[name] for name in shared
    }


def test_every_node_package_is_pinned_exactly() -> None:
    package = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    declared = {**package["dependencies"], **package["devDependencies"]}
    assert {"@sveltia/cms", "esbuild"} <= set(package["dependencies"])
    loose = {name: version for name, version in declared.items() if not re.fullmatch(r"\d+\.\d+\.\d+", version)}
    assert not loose, f"not pinned exactly: {loose}"
    assert {name: lock[f"node_modules/{name}"]["version"] for name in declared} == declared


@pytest.mark.parametrize(
    ("editor_url", "expected"),
    [
        (
            "https://editor.example.org/",
            "/admin https://editor.example.org/ 301\n/admin/* https://editor.example.org/ 301\n",
        ),
        (
            "https://editor.example.org",
            "/admin https://editor.example.org/ 301\n/admin/* https://editor.example.org/ 301\n",
        ),
        ("http://editor.example.org/", None),
        ("javascript:alert(1)", None),
        ("https://site.example.org/admin/", None),
    ],
)
def test_the_old_address_points_to_the_editors_own_site(editor_url: str, expected: str | None) -> None:
    rules, problems = redirects(editor_url, "https://site.example.org/")
    if expected is None:
        assert not rules and len(problems) == 1 and "Fix:" in str(problems[0])
    else:
        assert rules == expected and not problems


# --------------------------------------------------------------- configuration


def editor_config(editor_site: Path) -> dict:
    return json.loads((editor_site / "config.json").read_text(encoding="utf-8"))


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def as_sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


WIDGETS = {"boolean": {"boolean"}, "string": {"string", "text"}, "array": {"list"}, "object": {"object"}}


def assert_fields_follow(fields: list[dict], schema: dict, where: str) -> None:
    """Each field has its schema's rules and messages; booleans have no default."""
    required = set(schema.get("required", ()))
    for field in fields:
        rule = schema["properties"][field["name"]]
        place = f"{where}.{field['name']}"
        assert field["widget"] in WIDGETS[rule["type"]], place
        assert field["required"] == (field["name"] in required), place
        assert "default" not in field, f"{place}: a default would be written into every file the editor saves"
        assert field.get("minlength") == rule.get("minLength") and field.get("maxlength") == rule.get("maxLength"), (
            place
        )
        if "pattern" in rule:
            assert field["pattern"] == [rule["pattern"], as_sentence(rule.get("x-fix") or rule["description"])], place
        else:
            assert "pattern" not in field, place
        if "description" in rule:
            assert field["hint"] == as_sentence(rule["description"]), place
        if rule["type"] == "array":
            assert field["min"] == rule.get("minItems", 0), place
            assert_fields_follow(field["fields"], rule["items"], place)
        if rule["type"] == "object":
            assert_fields_follow(field["fields"], rule, place)


def front_matter_fields(fields: list[dict]) -> list[dict]:
    return [f for f in fields if f["name"] != "body"]


def test_the_release_fields_are_the_schemas_with_its_rules_and_messages(editor_site: Path) -> None:
    schema = load_schema("press_release")
    releases = collection(editor_config(editor_site), "press")
    fields = front_matter_fields(releases["fields"])
    assert_fields_follow(fields, schema, "press")
    assert {f["name"] for f in fields} | set(RELEASE_KEPT) == set(schema["properties"]), (
        "every field of the schema is shown, or left as written on purpose"
    )
    assert not {f["name"] for f in fields} & set(RELEASE_KEPT)
    key = schema["properties"]["translation_key"]
    assert releases["slug"]["pattern"] == [key["pattern"], as_sentence(key["x-fix"])]
    assert releases["slug"]["editable"] == ["create"], "the file name is typed once, when the release is created"
    assert releases["folder"] == "docs/{{locale}}/press"


def test_the_page_fields_are_the_schemas_with_its_rules_and_messages(editor_site: Path) -> None:
    schema = load_schema("page")
    pages = collection(editor_config(editor_site), "pages")
    english = sorted(
        p.relative_to(PROJECT / "docs" / "en").as_posix()
        for p in (PROJECT / "docs" / "en").rglob("*.md")
        if p.parent.name != "press" or p.name == "index.md"
    )
    assert sorted(f["file"].removeprefix("docs/{{locale}}/") for f in pages["files"]) == english
    shown: set[str] = set()
    for page in pages["files"]:
        fields = front_matter_fields(page["fields"])
        assert_fields_follow(fields, schema, page["file"])
        shown |= {f["name"] for f in fields}
        assert page["fields"][-1]["widget"] == "markdown" and page["fields"][-1]["modes"] == ["raw"]
    assert shown | set(PAGE_KEPT) == set(schema["properties"]) and not shown & set(PAGE_KEPT)


def test_no_data_file_is_edited_in_the_editor_and_its_help_says_why(editor_site: Path) -> None:
    config = editor_config(editor_site)
    text = json.dumps(config)
    places = [c["folder"] for c in config["collections"] if "folder" in c] + [
        f["file"] for c in config["collections"] for f in c.get("files", [])
    ]
    assert places and not [p for p in places if not p.startswith("docs/")]
    for name in ("press", "pages"):
        help_text = collection(config, name)["description"]
        assert (
            "data/*.yml" in help_text and "comments" in help_text and "YAML 1.1" in help_text and "GitHub" in help_text
        )
    assert "data/" not in text.replace("data/*.yml", "")


def test_the_configuration_is_valid_for_the_pinned_editor_and_keeps_yaml_11_readers_right(editor_site: Path) -> None:
    config = editor_config(editor_site)
    schema = json.loads((PROJECT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json").read_text())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft7Validator(schema).iter_errors(config)]
    assert not errors, errors
    assert config["publish_mode"] == "editorial_workflow" and config["backend"]["name"] == "github"
    assert config["output"] == {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}}
    assert config["i18n"]["structure"] == "multiple_folders" and config["i18n"]["locales"] == ["en", "vi", "fr"]
    # The least GitHub scope that works on a public repository; uploads in their own folder.
    assert config["backend"]["auth_scope"] == "public_repo"
    assert config["media_folder"] == "docs/en/assets/uploads" and config["public_folder"] == "/assets/uploads"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"REPOSITORY_URL": "https://github.com/press-office/hanoi-site"}, "press-office/hanoi-site"),
        ({"REPOSITORY_URL": "git@github.com:press-office/hanoi-site.git"}, "press-office/hanoi-site"),
        ({"REPOSITORY_URL": "https://github.com/x/y", "EDITOR_REPOSITORY": "press-office/fork"}, "press-office/fork"),
        ({}, None),
    ],
)
def test_the_repository_is_the_one_netlify_builds_from(environ: dict, expected: str | None) -> None:
    assert github_repository(environ) == (expected, [])


@pytest.mark.parametrize("environ", [{"REPOSITORY_URL": "https://gitlab.com/x/y"}, {"EDITOR_REPOSITORY": "no slash"}])
def test_a_repository_the_editor_cannot_sign_in_to_is_refused_with_the_fix(environ: dict) -> None:
    name, problems = github_repository(environ)
    assert not name and len(problems) == 1 and "Fix:" in str(problems[0]) and "owner/name" in str(problems[0])


def test_the_token_scope_is_the_least_unless_a_private_repository_needs_more() -> None:
    assert auth_scope({}) == ("public_repo", [])
    assert auth_scope({"EDITOR_AUTH_SCOPE": "repo"}) == ("repo", [])
    scope, problems = auth_scope({"EDITOR_AUTH_SCOPE": "admin:org"})
    assert scope == "public_repo" and len(problems) == 1 and "EDITOR_AUTH_SCOPE" in str(problems[0])


# ---------------------------------------------------------------------- bundle


def test_the_editor_is_bundled_with_its_fonts_and_without_source_maps(editor_site: Path) -> None:
    folder = editor_site
    page = (folder / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<script type="module" src="(main-[A-Z0-9]+\.js)"></script>', page)
    assert entry and (folder / entry[1]).is_file()
    assert '<link rel="cms-config-url" type="application/json" href="config.json">' in page
    assert '<meta name="robots" content="noindex">' in page and "<script>" not in page
    fonts = sorted(p.name for p in (folder / "assets").glob("*.woff2"))
    assert [f for f in fonts if f.startswith("material-symbols")] and [f for f in fonts if f.startswith("source-sans")]
    assert not list(folder.rglob("*.map")) and (folder / "LICENSE.txt").is_file()
    entry_bytes = (folder / entry[1]).read_bytes()
    first_load = entry_bytes + b"".join(p.read_bytes() for p in (folder / "assets").glob("*.woff2"))
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(
        f"\neditor: entry script {len(entry_bytes) / KB:,.0f} kB "
        f"({len(gzip.compress(entry_bytes, 9)) / KB:,.0f} kB gzip), "
        f"entry and fonts {len(first_load) / KB:,.0f} kB, whole folder {total / KB:,.0f} kB in "
        f"{sum(1 for p in folder.rglob('*') if p.is_file())} files"
    )


def test_without_the_editors_packages_only_the_editors_build_stops_and_says_how_to_install_them(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink()
    public = run_build(project, tmp_path / "site")
    assert public.returncode == 0, f"the public site needs no Node package:\n{public.output}"
    editor = run_editor_build(project, tmp_path / "editor-site")
    assert editor.returncode != 0 and not (tmp_path / "editor-site").exists()
    assert re.search(
        r"ERROR +- +package\.json \[dependencies\]: the browser editor cannot be built: its "
        r"packages are not installed\. Fix: install the editor's packages with `npm ci --omit=dev`",
        editor.output,
    ), editor.output
    assert "Traceback" not in editor.output


def test_the_editor_is_rebundled_from_the_packages_when_the_cache_is_gone(tmp_path: Path) -> None:
    """The cache goes with node_modules/: a copy with its own packages folder
    (linked package by package, its cache empty) bundles the editor itself."""
    project = copy_project(tmp_path / "project")
    packages = project / "node_modules"
    packages.unlink()
    packages.mkdir()
    for entry in (PROJECT / "node_modules").iterdir():
        if entry.name != ".cache":
            (packages / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    result = run_editor_build(project, tmp_path / "editor-site")
    assert result.returncode == 0, result.output
    assert len(list((packages / ".cache" / "hanoi-editor").glob("*/main-*.js"))) == 1, "bundled into its own cache"
    assert len(list((tmp_path / "editor-site").glob("main-*.js"))) == 1
