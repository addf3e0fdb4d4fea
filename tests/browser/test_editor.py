"""The browser editor on its own site in a real Chromium, offline, as a press
officer uses it with ``make serve-editor``: Sveltia's local repository
workflow, its folder picker answered with a folder of the browser's own file
system (OPFS) holding a copy of docs/. The editor's site (built by
tools/build_editor.py) is served on an origin of its own with its Netlify
headers (tests/netlify_emulation.py), so it runs under its own CSP, and
every request for another host is stopped and recorded.

What the editor writes is read back from that folder and checked with the
build's own front-matter checks, then built with ``mkdocs build --strict``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.conftest import CSP_LISTENER
from hanoi.datafiles import load_schema
from hanoi.editor.config import sentence
from hanoi.pages.content import content_problems
from hanoi.pages.scan import front_matter_of, front_matter_problems
from sitetools import LANGUAGES, PROJECT, copy_project, run_build

pytestmark = pytest.mark.browser

# The folder picker answered with a folder of the browser's own file system.
PICKER = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
"""
WRITE_FILES = """
async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
  for (const [path, text] of files) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}
"""
# Files being written are left out: Chromium writes each to a swap file
# (*.crswap) first, which is gone once the file is complete.
READ_FILES = """
async () => {
  const files = {};
  const walk = async (folder, prefix) => {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else if (!name.endsWith('.crswap')) {
        try { files[prefix + name] = await (await handle.getFile()).text(); } catch (gone) { /* being written */ }
      }
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
  return files;
}
"""
# What Sveltia CMS tries and the editor's CSP stops before any request is
# made: its fonts' default addresses (the bundled copies are used instead)
# and GitHub's status page. Nothing else may be blocked.
EXPECTED_BLOCKED = {("font-src", "https://cdn.jsdelivr.net"), ("connect-src", "https://www.githubstatus.com")}
ICON_FONT_LOADS = """
() => Promise.all([...document.fonts].filter((face) => face.family.includes('Material Symbols'))
  .map((face) => face.load().then(() => 'loaded', () => 'failed')))
"""
LANGUAGE_NAMES = {"en": "English", "vi": "Vietnamese", "fr": "French"}
MARKER_OR_ID = re.compile(r"<!--.*?-->|\{#[^}]*\}")


@dataclass
class Editor:
    page: Page
    left_site: list[str] = field(default_factory=list)  # requests that reached the network for another host
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (directive, origin) the CSP stopped
    console_errors: list[str] = field(default_factory=list)

    def field(self, key_path: str):
        return self.page.locator(f'section.field[data-key-path="{key_path}"]').first

    def fill(self, key_path: str, value: str) -> None:
        self.field(key_path).locator("input, textarea").first.fill(value)

    def language(self, language: str) -> None:
        self.page.get_by_role("radio", name=LANGUAGE_NAMES[language]).first.click()

    def save(self) -> None:
        self.page.get_by_role("button", name="Save", exact=True).click()

    def files(self) -> dict[str, str]:
        return self.page.evaluate(READ_FILES)


def docs_files() -> list[tuple[str, str]]:
    files = [
        (p.relative_to(PROJECT).as_posix(), p.read_text(encoding="utf-8"))
        for p in sorted((PROJECT / "docs").rglob("*.md"))
    ]
    return files + [(".git/HEAD", "ref: refs/heads/main\n")]  # the editor checks it was given a Git working copy


def open_editor(browser: Browser, editor_url: str) -> Iterator[Editor]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    editor = Editor(context.new_page())
    site_host = urlsplit(editor_url).hostname

    def route(route) -> None:
        if urlsplit(route.request.url).hostname != site_host:
            editor.left_site.append(route.request.url)
            return route.abort()
        return route.continue_()

    def on_console(message) -> None:
        text = message.text
        violation = re.match(r"CSP violation: (\S+) (\S+)", text)
        if violation:
            parts = urlsplit(violation[2])
            editor.blocked.append((violation[1], f"{parts.scheme}://{parts.netloc}"))
        elif message.type == "error" and "Content Security Policy" not in text:
            editor.console_errors.append(text)

    context.route("**/*", route)
    context.add_init_script(CSP_LISTENER + PICKER)
    editor.page.on("console", on_console)
    editor.page.goto(editor_url)
    editor.page.evaluate(WRITE_FILES, docs_files())
    yield editor
    context.close()


@pytest.fixture
def editor(browser: Browser, editor_url: str) -> Iterator[Editor]:
    """The editor, signed in to the working copy ("Work with Local Repository")."""
    for opened in open_editor(browser, editor_url):
        opened.page.get_by_role("button", name="Work with Local Repository").click()
        opened.page.wait_for_url(re.compile(r"#/collections/"))
        yield opened


def assert_stayed_on_the_site(editor: Editor) -> None:
    assert not editor.left_site, f"requests left the site: {editor.left_site}"
    assert set(editor.blocked) <= EXPECTED_BLOCKED, f"CSP violations: {sorted(set(editor.blocked) - EXPECTED_BLOCKED)}"
    assert not editor.console_errors, f"errors in the console: {editor.console_errors}"


def front_matter_checked(path: str, text: str, kind: str) -> tuple[dict, str]:
    """The front matter and body of a file the editor wrote, through the build's own checks."""
    meta, body, problems = front_matter_of(text, path)
    assert meta is not None and not problems, problems
    problems = front_matter_problems(meta, kind, PROJECT / path) + content_problems(path, body, 1)
    assert not problems, "\n".join(map(str, problems))
    return dict(meta), body


def build_with(files: dict[str, str], tmp_path: Path):
    project = copy_project(tmp_path / "project")
    for path, text in files.items():
        (project / path).write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    return result


def test_the_editor_loads_offline_with_its_own_policy_and_sends_nothing_before_sign_in(
    browser: Browser, editor_url: str, base_url: str
) -> None:
    assert urlsplit(editor_url).netloc != urlsplit(base_url).netloc, "the editor's origin is not the public site's"
    for editor in open_editor(browser, editor_url):
        response = editor.page.goto(editor_url)
        headers = response.headers
        assert "'unsafe-eval'" not in headers["content-security-policy"]
        assert headers["cross-origin-opener-policy"] == "same-origin-allow-popups"
        assert headers["x-robots-tag"] == "noindex"
        editor.page.get_by_role("button", name="Work with Local Repository").wait_for()
        # Sveltia isolates the service's name with Unicode directional marks.
        editor.page.get_by_role("button", name=re.compile(r"^Sign In with \W?GitHub\W?$")).wait_for()
        # The icon font loads from the site (the CSP stops any other copy):
        # icons show as glyphs, not as their names.
        assert "loaded" in editor.page.evaluate(ICON_FONT_LOADS)
        editor.page.wait_for_timeout(1000)  # let the editor's start-up checks run
        assert_stayed_on_the_site(editor)


def test_a_new_release_in_three_languages_is_three_valid_files_that_build(editor: Editor, tmp_path: Path) -> None:
    name = "2026-03-02-editor-release"
    texts = {
        "en": (
            "Press officers edit in the browser",
            "A release written in the browser editor, in three languages.",
            "The editor writes the three files of a release, side by side, with their front matter.",
            "CAND",
        ),
        "vi": (
            "Cán bộ báo chí soạn thảo trên trình duyệt",
            "Một thông cáo được viết trong trình soạn thảo, bằng ba thứ tiếng.",
            "Trình soạn thảo ghi ba tệp của một thông cáo, song song, cùng phần thông tin đầu trang.",
            "No",
        ),  # YAML 1.1 reads a bare No as false: the editor must quote it
        "fr": (
            "Les attachés de presse écrivent dans le navigateur",
            "Un communiqué écrit dans l’éditeur du navigateur, en trois langues.",
            "L’éditeur écrit les trois fichiers d’un communiqué, côte à côte, avec leurs métadonnées.",
            "CAND (en anglais)",
        ),
    }
    bodies = {
        language: f"Text in {language} on <!-- fact id=adoption-date -->.\n\n## A section {{#a-section}}\n\n"
        '<!-- key-facts ids="adoption-date,chapters" -->\n'
        for language in LANGUAGES
    }
    before = editor.files()
    editor.page.goto(editor.page.url.split("#")[0] + "#/collections/press/new")
    editor.page.get_by_role("textbox", name="Slug").fill(name)
    for language, (title, description, summary, source) in texts.items():
        editor.language(language)
        editor.fill("title", title)
        editor.fill("description", description)
        editor.fill("summary", summary)
        if language == "en":  # shared by the three files, typed once
            editor.fill("date", "2026-03-02T10:30+07:00")
            editor.fill("timezone", "Asia/Ho_Chi_Minh")
            editor.field("sources").locator('button[data-label^="Add"]').click()
            editor.fill("sources.0.url", "https://en.cand.com.vn/politics/example")
        editor.fill("sources.0.name", source)
        editor.fill("body", bodies[language])
    editor.save()
    paths = {language: f"docs/{language}/press/{name}.md" for language in LANGUAGES}
    files = wait_for_files(editor, list(paths.values()))

    assert set(files) - set(before) == set(paths.values()), "the editor wrote other files than the release's three"
    assert {p: t for p, t in files.items() if p in before} == before, "the editor changed files it was not asked to"
    for language, path in paths.items():
        meta, body = front_matter_checked(path, files[path], "press_release")
        title, description, summary, source = texts[language]
        assert (meta["title"], meta["description"], meta["summary"]) == (title, description, summary)
        assert meta["translation_key"] == name, "the translation key is the file name"
        assert meta["date"] == "2026-03-02T10:30+07:00" and meta["timezone"] == "Asia/Ho_Chi_Minh"
        assert [dict(s) for s in meta["sources"]] == [
            {"name": source, "url": "https://en.cand.com.vn/politics/example"}
        ]
        assert "draft" not in meta, "no default for draft"
        assert body == bodies[language], "the text is written as typed"
    assert_stayed_on_the_site(editor)

    built = build_with({path: files[path] for path in paths.values()}, tmp_path)
    for prefix in ("", "vi/", "fr/"):
        assert (built.site_dir / f"{prefix}press/{name}/index.html").is_file()


def wait_for_files(
    editor: Editor, paths: list[str], changed_from: dict[str, str] | None = None, seconds: float = 20
) -> dict[str, str]:
    """The working copy's files once each of ``paths`` is written (saving is
    asynchronous): present, and different from ``changed_from`` if given."""
    changed_from = changed_from or {}
    for _ in range(int(seconds * 5)):
        files = editor.files()
        if all(path in files and files[path] != changed_from.get(path) for path in paths):
            return files
        editor.page.wait_for_timeout(200)
    raise AssertionError(f"the editor did not write {paths} within {seconds} s")


def test_a_required_field_left_empty_shows_the_error_and_writes_nothing(editor: Editor) -> None:
    before = editor.files()
    editor.page.goto(editor.page.url.split("#")[0] + "#/collections/press/new")
    editor.page.get_by_role("textbox", name="Slug").fill("2026-03-03-no-headline")
    editor.fill("description", "A release whose headline was forgotten, so that it cannot be saved.")
    editor.fill("date", "3/3/2026")  # not the schema's form
    editor.save()
    date_fix = load_schema("press_release")["properties"]["date"]["x-fix"]
    expect(editor.field("title")).to_contain_text("This field is required.")
    expect(editor.field("date")).to_contain_text(sentence(date_fix))  # the build's own fix, word for word
    expect(editor.page.get_by_role("alert").filter(has_text="Please correct them to save the entry")).to_be_visible()
    editor.page.wait_for_timeout(1000)  # saving is asynchronous: nothing may arrive late either
    assert editor.files() == before, "the editor wrote files although fields had errors"
    assert_stayed_on_the_site(editor)


def test_editing_a_page_keeps_its_markers_and_heading_ids(editor: Editor, tmp_path: Path) -> None:
    paths = {language: f"docs/{language}/faq.md" for language in LANGUAGES}
    before = editor.files()
    originals = {language: front_matter_of(before[path], path) for language, path in paths.items()}
    english_body = originals["en"][1]
    assert len(MARKER_OR_ID.findall(english_body)) >= 10, "the page chosen has markers and heading ids"
    sentence_added = "The press office answers other questions by e-mail."
    description = "Short answers to the questions that readers and journalists ask most often about the Convention."
    editor.page.goto(editor.page.url.split("#")[0] + "#/collections/pages/entries/faq")
    editor.fill("description", description)
    body = editor.field("body").locator("textarea")
    assert body.input_value() == english_body.rstrip("\n"), "the editor shows the text as it is in the file"
    body.press("Control+End")
    body.press_sequentially("\n\n" + sentence_added)
    editor.save()
    files = wait_for_files(editor, [paths["en"]], changed_from=before)
    editor.page.wait_for_timeout(1000)  # the three files are written one after the other
    files = editor.files()

    meta, body_text = front_matter_checked(paths["en"], files[paths["en"]], "page")
    assert meta["description"] == description
    assert body_text == english_body.rstrip("\n") + "\n\n" + sentence_added + "\n", "only the sentence is added"
    for language, path in paths.items():
        meta, body_text = front_matter_checked(path, files[path], "page")
        old_meta, old_body, _ = originals[language]
        assert MARKER_OR_ID.findall(body_text) == MARKER_OR_ID.findall(old_body), f"{path}: markers or ids changed"
        assert {k: v for k, v in meta.items() if k != "description"} == {
            k: v for k, v in dict(old_meta).items() if k != "description"
        }, f"{path}: other front matter changed"
        if language != "en":
            assert body_text == old_body, f"{path}: the translation's text changed"
    assert {p: t for p, t in files.items() if p not in paths.values()} == {
        p: t for p, t in before.items() if p not in paths.values()
    }, "the editor changed other files"
    assert_stayed_on_the_site(editor)
    build_with({path: files[path] for path in paths.values()}, tmp_path)
