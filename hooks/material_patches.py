"""Job: disable Material's "stay on page" language switch in its bundle and
drop comments naming source maps that are not published, once every language
is built (why: hooks/hanoi/material_patches.py)."""

from __future__ import annotations

from pathlib import Path

from hanoi.languages import is_last_build_running
from hanoi.material_patches import PatchError, drop_missing_source_maps, patch_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build_running(config):
        return
    try:
        patch_site(Path(config.site_dir))
    except PatchError as error:
        log.error(str(error))
    drop_missing_source_maps(Path(config.site_dir))
