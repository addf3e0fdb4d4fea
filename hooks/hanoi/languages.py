"""Which language is being built, and facts about the site's languages."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "vi", "fr")

# Open Graph wants a territory; these are the readers each language serves.
OG_LOCALES: dict[str, str] = {"en": "en_GB", "vi": "vi_VN", "fr": "fr_FR"}


def build_language(config: MkDocsConfig) -> str:
    """The language of the build in progress.

    mkdocs-static-i18n rebuilds the whole site once per language on the same
    config; its ``current_language`` is right in every event, whereas the
    source file's locale is not (a fallback page has the default's).
    """
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        return str(i18n.current_language)
    return str(config.theme.get("language", DEFAULT_LANGUAGE))


def is_last_build_running(config: MkDocsConfig) -> bool:
    """True while the i18n plugin is still going to build other languages.

    A hook at priority -110 in ``on_post_build`` sees this False only once,
    after every language has been written.
    """
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def is_site_build_starting(config: MkDocsConfig) -> bool:
    """In ``on_config``: True for the first language's build of a site build
    (the i18n plugin runs the other languages' builds nested inside it), so
    that what all languages share is made once per site build."""
    return not is_last_build_running(config)


def language_prefix(language: str) -> str:
    """The URL path prefix of a language: '' for the default, 'vi/' otherwise."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"
