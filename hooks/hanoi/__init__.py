"""Plain, typed functions shared by the site's MkDocs hooks.

The hook files in ``hooks/`` hold only thin MkDocs event functions; the work
they do lives here so that it can be tested without a build.
"""
