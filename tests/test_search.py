"""Search in the reader's language, accent-insensitive. Build-time
checks: folding, the split of the index per language, every page pointing at
its language's index and at our worker, and the index size budget. The
browser side is tested in tests/browser/test_search.py."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from hanoi.search.index import (
    INDEX_BUDGET_GZIP_BYTES,
    WORKER_NAME,
    WORKER_SOURCE,
    SearchConfigNotFound,
    fingerprinted_worker,
    fold,
    index_path,
    index_sizes,
    language_base,
    localize_search_config,
    location_language,
    page_search_config,
    split_search_index,
    worker_url,
)
from sitetools import DEFAULT_LANGUAGE, LANGUAGES, PROJECT, html_pages, page_language, soup, url_path

OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]


# ------------------------------------------------------------------ folding


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tội phạm mạng", "Toi pham mang"),
        ("Công ước Hà Nội", "Cong uoc Ha Noi"),
        ("Đà Nẵng, đa phương, ĐẠI HỘI ĐỒNG", "Da Nang, da phuong, DAI HOI DONG"),
        ("cybercriminalité, Hanoï, à l’État, Noël, façon", "cybercriminalite, Hanoi, a l’Etat, Noel, facon"),
        ("cœur, Œuvre, ex æquo", "coeur, OEuvre, ex aequo"),
        ("The Hanoi Convention 2025", "The Hanoi Convention 2025"),
    ],
)
def test_fold_removes_diacritics_and_keeps_the_rest(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_is_the_same_for_composed_and_decomposed_input() -> None:
    composed = "Tội phạm Đà Nẵng cybercriminalité"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed) == "Toi pham Da Nang cybercriminalite"


def test_fold_leaves_no_vietnamese_letter_with_a_diacritic() -> None:
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # huyền, sắc, ngã, hỏi, nặng
    letters = [unicodedata.normalize("NFC", v + t) for v in vowels + vowels.upper() for t in tones] + ["đ", "Đ"]
    folded = "".join(fold(letter) for letter in letters)
    assert re.fullmatch(r"[a-zA-Z]+", folded), folded
    assert fold("".join(letters)).lower() == folded.lower()


# --------------------------------------------------- splitting, page config

MERGED = {
    "config": {"lang": ["en", "vi", "fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
    "docs": [
        {"location": "", "title": "The Hanoi Convention", "text": ""},
        {"location": "#what", "title": "What", "text": "<p>Cybercrime</p>"},
        {"location": "press/", "title": "Press releases", "text": ""},
        {"location": "vi/", "title": "Công ước Hà Nội", "text": ""},
        {"location": "vi/faq/#why-hanoi", "title": "Vì sao", "text": "<p>tội phạm</p>"},
        {"location": "fr/", "title": "Convention de Hanoï", "text": ""},
        {"location": "vietnam/", "title": "Not a language folder", "text": ""},
    ],
}


def test_location_language() -> None:
    assert location_language("") == "en"
    assert location_language("#x") == "en"
    assert location_language("vi/") == "vi"
    assert location_language("fr/press/#x") == "fr"
    assert location_language("vietnam/") == "en"


def test_split_keeps_each_language_with_its_own_locations_and_lunr_language() -> None:
    split = split_search_index(MERGED)
    assert list(split) == ["en", "vi", "fr"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "#what", "press/", "vietnam/"]
    assert [d["location"] for d in split["vi"]["docs"]] == ["", "faq/#why-hanoi"]
    assert [d["location"] for d in split["fr"]["docs"]] == [""]
    for language, index in split.items():
        assert index["config"]["lang"] == [language]
        assert index["config"]["separator"] == MERGED["config"]["separator"]
    assert split["vi"]["docs"][1]["text"] == "<p>tội phạm</p>"
    assert MERGED["docs"][4]["location"] == "vi/faq/#why-hanoi", "the merged index is not changed"


def test_a_one_language_preview_searches_at_the_root() -> None:
    """BUILD_ONLY_LOCALE=vi (make serve-one LANG=vi): Vietnamese is built at the site root."""
    preview = {
        "config": MERGED["config"],
        "docs": [
            {"location": "", "title": "Công ước Hà Nội", "text": ""},
            {"location": "faq/#why", "title": "Vì sao", "text": ""},
        ],
    }
    split = split_search_index(preview, ["vi"], default="vi")
    assert list(split) == ["vi"] and [d["location"] for d in split["vi"]["docs"]] == ["", "faq/#why"]
    assert index_path(Path("site"), "vi", default="vi") == Path("site/search/search_index.json")
    assert language_base("..", "vi", default="vi") == ".."


@pytest.mark.parametrize(
    ("base", "language", "expected"),
    [
        (".", "en", "."),
        (".", "vi", "./vi/"),
        ("..", "vi", "../vi/"),
        ("../../..", "fr", "../../../fr/"),
        ("/", "vi", "/vi/"),
        ("/sub/", "fr", "/sub/fr/"),
    ],
)
def test_language_base(base: str, language: str, expected: str) -> None:
    assert language_base(base, language) == expected


WORKER = "assets/javascripts/workers/search-i18n.0123abcd.min.js"


def test_worker_url_sits_next_to_materials_worker_and_names_it() -> None:
    assert worker_url("../assets/javascripts/workers/search.a7633da7.min.js", WORKER) == (
        "../assets/javascripts/workers/search-i18n.0123abcd.min.js?material=search.a7633da7.min.js"
    )
    with pytest.raises(SearchConfigNotFound):
        worker_url("../assets/javascripts/workers/other.js", WORKER)


def test_the_worker_name_changes_with_its_content() -> None:
    first, second = fingerprinted_worker(b"one"), fingerprinted_worker(b"two")
    assert first != second and first == fingerprinted_worker(b"one")
    assert first.startswith("assets/javascripts/workers/") and WORKER_NAME.match(first.rsplit("/", 1)[1])


def test_localize_search_config_rewrites_only_base_and_search() -> None:
    config = {
        "base": "..",
        "features": ["search.highlight"],
        "search": "../assets/javascripts/workers/search.0123abcd.min.js",
        "translations": {"search.result.none": "Không tìm thấy <tài liệu> & 'x'"},
    }
    html = (
        '<p>before</p><script id="__config" type="application/json">'
        + json.dumps(config)
        + '</script><script src="x.js"></script>'
    )
    localized = localize_search_config(html, "vi", WORKER)
    assert localized.startswith("<p>before</p>") and localized.endswith('<script src="x.js"></script>')
    assert "<tài" not in localized and "\\u003c" in localized, "JSON stays safe inside <script>"
    new = page_search_config(localized)
    assert new["base"] == "../vi/"
    assert new["search"] == "../assets/javascripts/workers/search-i18n.0123abcd.min.js?material=search.0123abcd.min.js"
    assert {k: v for k, v in new.items() if k not in ("base", "search")} == {
        k: v for k, v in config.items() if k not in ("base", "search")
    }
    assert localize_search_config(localized, "vi", WORKER) == localized, "idempotent"
    with pytest.raises(SearchConfigNotFound):
        localize_search_config("<html></html>", "vi", WORKER)


# ------------------------------------------------------------ the real site


def page_for_location(site: Path, language: str, location: str) -> Path:
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    path = location.split("#", 1)[0]
    return site / prefix / path / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(site: Path, language: str) -> None:
    index = json.loads(index_path(site, language).read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language], "the worker loads this language's lunr support only"
    assert index["docs"], "an empty index"
    wrong = []
    for doc in index["docs"]:
        page = page_for_location(site, language, doc["location"])
        if not page.is_file() or soup(page).html.get("lang") != language:
            wrong.append(doc["location"])
    assert not wrong, f"entries of the {language} index that are not {language} pages: {wrong}"
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    h1 = soup(page_for_location(site, language, "")).find("h1")
    home = "".join(t for t in h1.find_all(string=True) if not t.find_parent("a", class_="headerlink")).strip()
    assert home in titles


def test_the_indexes_together_cover_every_page_once(site: Path) -> None:
    per_language = {lang: json.loads(index_path(site, lang).read_text(encoding="utf-8")) for lang in LANGUAGES}
    locations = [(lang, d["location"]) for lang, index in per_language.items() for d in index["docs"]]
    assert len(locations) == len(set(locations)), "an entry is indexed twice"


def resolve(site: Path, page: Path, url: str) -> Path:
    """Where a URL of a page's ``__config`` points in the site folder."""
    return (site / url.lstrip("/")).resolve() if url.startswith("/") else (page.parent / url).resolve()


def test_every_page_searches_its_own_language_with_our_worker(site: Path) -> None:
    wrong = []
    for page in html_pages(site):
        if soup(page).find("script", id="__config") is None:
            continue  # not a Material page
        language = page_language(site, page)
        config = page_search_config(page.read_text(encoding="utf-8"))
        worker, _, material = config["search"].partition("?material=")
        worker_file = resolve(site, page, worker)
        if (
            resolve(site, page, config["base"]) != index_path(site, language).parent.parent.resolve()
            or not WORKER_NAME.match(worker_file.name)
            or not worker_file.is_file()
            or not (worker_file.parent / material).is_file()
        ):
            wrong.append((url_path(site, page), config["base"], config["search"]))
    assert not wrong, f"pages whose search is not their language's, with our worker: {wrong[:5]}"


def test_our_worker_is_published_under_the_hash_of_its_content_and_cached_for_a_year(site: Path) -> None:
    source = (PROJECT / "overrides" / WORKER_SOURCE).read_bytes()
    published = site / fingerprinted_worker(source)
    assert published.read_bytes() == source
    assert [p.name for p in published.parent.glob("search-i18n*")] == [published.name]
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert f"/{fingerprinted_worker(source)}\n  Cache-Control: public, max-age=31536000, immutable" in headers


def test_index_sizes_are_within_the_budget(site: Path) -> None:
    sizes = index_sizes(site)
    assert set(sizes) == set(LANGUAGES)
    report = ", ".join(f"{lang}: {raw:,} B ({gz:,} B gzip)" for lang, (raw, gz) in sizes.items())
    print(f"\nsearch index sizes: {report}; budget {INDEX_BUDGET_GZIP_BYTES:,} B gzip per language")
    over = {lang: gz for lang, (_, gz) in sizes.items() if gz > INDEX_BUDGET_GZIP_BYTES}
    assert not over, (
        f"search index over its budget of {INDEX_BUDGET_GZIP_BYTES:,} B gzip: {over} "
        "(see docs-dev/ui-strings-and-search.md, Search)"
    )


def test_the_developer_notes_state_the_budget_the_tests_enforce() -> None:
    readme = (PROJECT / "docs-dev" / "ui-strings-and-search.md").read_text(encoding="utf-8")
    assert f"{INDEX_BUDGET_GZIP_BYTES:,} bytes" in readme
