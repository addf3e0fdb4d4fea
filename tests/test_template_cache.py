"""Templates are compiled once per process and shared by the Jinja
environments of every language build (hooks/hanoi/templates.py), without
ever giving one environment code compiled for different settings; compiled
once for later builds too, while their source is the same."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment

from hanoi.templates import CompiledTemplates


class CountingEnvironment(Environment):
    compilations = 0

    def compile(self, *args, **kwargs):  # type: ignore[override]
        CountingEnvironment.compilations += 1
        return super().compile(*args, **kwargs)


def environment(cache: CompiledTemplates, templates: dict[str, str], **settings) -> Environment:
    env = CountingEnvironment(loader=DictLoader(templates), **settings)
    env.bytecode_cache = cache
    return env


def test_a_template_is_compiled_once_for_every_environment_with_the_same_settings() -> None:
    cache, templates = CompiledTemplates(), {"page.html": "<p>{{ text }}</p>"}
    CountingEnvironment.compilations = 0
    outputs = [environment(cache, templates).get_template("page.html").render(text="a") for _ in range(3)]
    assert outputs == ["<p>a</p>"] * 3
    assert CountingEnvironment.compilations == 1
    assert len(cache) == 1


def test_escaping_and_syntax_settings_get_their_own_compiled_code() -> None:
    cache, templates = CompiledTemplates(), {"page.html": "{{ text }}{# x #}"}
    plain = environment(cache, templates).get_template("page.html").render(text="<b>")
    escaped = environment(cache, templates, autoescape=True).get_template("page.html").render(text="<b>")
    other_syntax = environment(cache, templates, comment_start_string="{%#").get_template("page.html").render(text="x")
    assert (plain, escaped) == ("<b>", "&lt;b&gt;")
    assert other_syntax == "x{# x #}"
    assert len(cache) == 3


def test_a_changed_template_is_compiled_again() -> None:
    cache = CompiledTemplates()
    assert environment(cache, {"page.html": "old"}).get_template("page.html").render() == "old"
    CountingEnvironment.compilations = 0
    assert environment(cache, {"page.html": "new"}).get_template("page.html").render() == "new"
    assert CountingEnvironment.compilations == 1


def test_a_later_process_reads_the_compiled_template_until_its_source_changes(tmp_path: Path) -> None:
    def render(source: str) -> str:  # each time as a new build process
        return environment(CompiledTemplates(tmp_path), {"page.html": source}).get_template("page.html").render()

    CountingEnvironment.compilations = 0
    assert render("a{{ 1 }}") == "a1"
    assert CountingEnvironment.compilations == 1 and len(list(tmp_path.iterdir())) == 1
    assert render("a{{ 1 }}") == "a1"
    assert CountingEnvironment.compilations == 1, "read from the folder, not compiled"
    assert render("b") == "b"
    assert CountingEnvironment.compilations == 2
    for damaged in tmp_path.iterdir():
        damaged.write_bytes(b"j2 cut short")
    assert render("b") == "b"
    assert CountingEnvironment.compilations == 3, "a damaged file is compiled again"
