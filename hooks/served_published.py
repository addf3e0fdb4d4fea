"""Job: publish only what readers need (see ``hanoi.served.published``). Material's
source maps stay out of ``site/`` (they are for debugging Material itself and
double the JS weight), and so does the lunr support of the languages our
search does not use (about 30 files; the site's languages keep theirs). Once
every language is built, ``robots.txt`` (``hanoi.served.robots``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hanoi.build import after_all_languages
from hanoi.languages import LANGUAGES
from hanoi.served.published import is_published
from hanoi.served.robots import write_robots_txt


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The search plugin's languages are the site's (hooks/search.py sets them in on_config).
    for file in [f for f in files if not is_published(f.src_uri, LANGUAGES)]:
        files.remove(file)
    return files


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    write_robots_txt(Path(config.site_dir), config.site_url or "/")
