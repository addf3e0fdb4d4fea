"""The copies of Material partials in overrides/ differ from the
installed Material only by the change each one documents, so a Material
upgrade that changes a partial fails here instead of being masked by an old
copy; and the patches to Material's bundle and to its toggles in every page
(hooks/hanoi/served/material_fixes.py) do what they say, on the built site too."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from hanoi.served.material_fixes import (
    DISABLED_SELECTOR,
    STAY_ON_PAGE_SELECTOR,
    TOGGLES,
    PatchError,
    disable_stay_on_page,
    without_missing_source_maps,
    without_toggle_autocomplete,
)
from sitetools import PROJECT

MATERIAL = Path(material.__file__).parent / "templates"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# partial: the replacements that turn Material's copy into ours.
CHANGES = {
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        ),
        (
            '{{ lang.t("search.result.initializer") }}',
            "{% trans %}Loading search…{% endtrans %}",
        ),
    ],
    "partials/nav-item.html": [
        (
            ' tabindex="{{ tabindex }}"',
            '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}',
        )
    ],
    "partials/toc.html": [
        (
            '<label class="md-nav__title" for="__toc">',
            '<label class="md-nav__title"{% if page in nav.pages %} for="__toc"{% endif %}>',
        )
    ],
    "partials/header.html": [
        (
            '<label class="md-header__button md-icon" for="__drawer">',
            '<label class="md-header__button md-icon" for="__drawer" tabindex="0">'
            "<span class=\"hc-visually-hidden\">{{ lang.t('nav') }}</span>",
        ),
        (
            '<label class="md-header__button md-icon" for="__search">',
            '<label class="md-header__button md-icon" for="__search" tabindex="0">'
            "<span class=\"hc-visually-hidden\">{{ lang.t('search') }}</span>",
        ),
    ],
}


def without_leading_comment(text: str) -> str:
    assert text.startswith("{#-"), "an override starts with a comment saying what it changes"
    return text[text.index("-#}\n") + 4 :]


@pytest.mark.parametrize("partial", sorted(CHANGES))
def test_override_is_material_plus_its_documented_change(partial: str) -> None:
    original = (MATERIAL / partial).read_text(encoding="utf-8")
    assert original.startswith(GENERATED)
    expected = original[len(GENERATED) :]
    for old, new in CHANGES[partial]:
        assert old in expected, f"Material's {partial} changed: re-check overrides/{partial}"
        expected = expected.replace(old, new)
    ours = without_leading_comment((PROJECT / "overrides" / partial).read_text(encoding="utf-8"))
    assert ours == expected, f"overrides/{partial} differs from Material's by more than its documented change"


def test_stay_on_page_patch_is_exact_and_idempotent() -> None:
    bundle = f"a();let t=M({STAY_ON_PAGE_SELECTOR});b();"
    patched = disable_stay_on_page(bundle)
    assert patched == f"a();let t=M({DISABLED_SELECTOR});b();"
    assert disable_stay_on_page(patched) == patched
    with pytest.raises(PatchError, match="Material changed"):
        disable_stay_on_page("a();b();")
    with pytest.raises(PatchError):
        disable_stay_on_page(bundle + bundle)


def test_source_map_comments_go_only_where_the_map_is_missing(tmp_path: Path) -> None:
    (tmp_path / "kept.js.map").write_text("{}")
    assert without_missing_source_maps("a();\n//# sourceMappingURL=gone.js.map\n", tmp_path) == "a();\n"
    assert without_missing_source_maps("a{}\n/*# sourceMappingURL=gone.css.map */", tmp_path) == "a{}"
    kept = "a();\n//# sourceMappingURL=kept.js.map\n"
    assert without_missing_source_maps(kept, tmp_path) == kept


def test_built_bundle_is_patched(site: Path) -> None:
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert bundles
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        assert STAY_ON_PAGE_SELECTOR not in text and DISABLED_SELECTOR in text


def test_toggles_lose_autocomplete_exactly_as_material_writes_them(site: Path) -> None:
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert all(base.count(material) == 1 for material in TOGGLES), "Material's toggles changed: re-check the patch"
    page = "<body>" + "".join(TOGGLES) + "<p>x</p>"
    patched = without_toggle_autocomplete(page)
    assert patched == "<body>" + "".join(TOGGLES.values()) + "<p>x</p>"
    assert without_toggle_autocomplete(patched) == patched
    with pytest.raises(PatchError, match="Material changed"):
        without_toggle_autocomplete("<body><p>x</p>")
    for built in (site / "index.html", site / "404.html", site / "vi" / "404.html", site / "fr" / "faq" / "index.html"):
        text = built.read_text(encoding="utf-8")
        assert all(ours in text for ours in TOGGLES.values()) and 'autocomplete="off">' not in text.split("<main")[0]


def test_materials_scripts_block_holds_only_what_main_html_loads_itself() -> None:
    """overrides/main.html replaces Material's scripts block (its bundle is
    loaded by on-demand.js): a Material that adds to that block fails here."""
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    block = base[base.index("{% block scripts %}") :]
    block = block[: block.index("{% endblock %}")]
    assert [line.strip() for line in block.splitlines() if line.strip()] == [
        "{% block scripts %}",
        next(line.strip() for line in block.splitlines() if "bundle." in line),
        "{% for script in config.extra_javascript %}",
        "{{ script | script_tag }}",
        "{% endfor %}",
    ]
    ours = (PROJECT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "material_bundle" in ours and "config.extra_javascript" in ours
