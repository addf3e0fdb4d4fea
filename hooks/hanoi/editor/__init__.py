"""The browser editor for press officers, on a site of its own: Sveltia CMS
from npm (pinned in ``package-lock.json``), bundled with its fonts and icons
so that it loads nothing from another host.

The editor keeps each officer's GitHub token in its origin's storage, so it
is not served by the public site: any script that ever ran on the public
origin could read it there. ``tools/build_editor.py`` (``make editor``)
builds it from the same repository into ``editor-site/``, which a second
Netlify site publishes with ``editor/netlify.toml``.

- ``bundle``: the editor's code, bundled by esbuild from ``editor/main.js``;
- ``config``: its configuration, generated from ``data/schema/`` so that the
  editor and the build apply the same rules;
- ``headers``: the headers its site is served with;
- ``site``: the editor's site, put together;
- ``old_address``: the public site's pointer from ``/admin/``, the editor's
  former address, to its site.
"""

from __future__ import annotations
