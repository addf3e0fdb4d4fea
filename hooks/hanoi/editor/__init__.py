"""The browser editor for press officers, served by the site itself at
``/admin/``: Sveltia CMS from npm (pinned in ``package-lock.json``), bundled
with its fonts and icons so that it loads nothing from another host.

- ``bundle``: the editor's code, bundled by esbuild from ``editor/main.js``;
- ``config``: its configuration, generated from ``data/schema/`` so that the
  editor and the build apply the same rules;
- ``headers``: the headers ``/admin/`` is served with, and the paths that
  keep the public site's headers.

The public pages never load any of it: nothing outside ``/admin/`` links to it.
"""

from __future__ import annotations

# site/admin/, served at /admin/.
FOLDER = "admin"
