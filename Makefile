# One entry point for people and CI. `make build` and `make test` create the
# virtual environment and install the pinned dependencies when they are missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: screenshots bench-preview properdocs-check build site editor test lighthouse serve serve-one serve-editor pot locales new-release translation-status translation-done sync-status lock bench clean

# requirements-test.txt holds every package of requirements.txt at the same
# version, with the test tools; pip checks every file against its hash.
$(STAMP): requirements.txt requirements-test.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	touch $(STAMP)

# Node packages, exactly as package-lock.json pins them; reinstalled when
# either file changes. The editor's site needs the browser editor's
# ("dependencies": bundled by esbuild); the tests also need their tools
# (axe-core, html-validate, lighthouse: "devDependencies"). `npm ci` starts
# from an empty node_modules/, so the full install stands for both.
NEEDS_NODE := command -v npm >/dev/null 2>&1 || { echo "The build needs Node.js 20.19 or newer with npm (Debian: apt-get install nodejs npm)." >&2; exit 1; }
SITE_NODE_STAMP := node_modules/.installed-site
NODE_STAMP := node_modules/.installed
$(SITE_NODE_STAMP): package.json package-lock.json
	@$(NEEDS_NODE)
	npm ci --omit=dev --no-audit --no-fund
	touch $(SITE_NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@$(NEEDS_NODE)
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP) $(SITE_NODE_STAMP)

## build: everything a deploy needs: the public site into site/ (strictly: any warning fails), then the editor's site into editor-site/
build: site editor

## site: the public site into site/ (Netlify's build command for it)
site: $(STAMP)
	$(BIN)/mkdocs build --strict

## editor: the press officers' browser editor, a site of its own, into editor-site/ (its Netlify build command: editor/netlify.toml)
editor: $(STAMP) $(SITE_NODE_STAMP)
	$(BIN)/python tools/build_editor.py --site-dir editor-site

# The tests run in up to 4 processes (pytest-xdist), one per core: each builds
# the site once; "worksteal" hands a long test's neighbours to an idle process.
PARALLEL := --numprocesses=auto --maxprocesses=4 --dist=worksteal

## test: static checks (ruff: lint and format; mypy: types of hooks and tools; vulture: dead code), then the whole test suite (builds the real site, then inspects it)
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/vulture
	$(BIN)/python -m pytest $(PARALLEL)

## screenshots: every page type drawn with the cut stylesheet and with Material's whole one, compared (about 12 minutes)
screenshots: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m screenshots tests/browser/test_screenshots.py

## serve: preview on http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

## serve-one: preview one language only, faster (e.g. make serve-one LANG=vi)
serve-one: $(STAMP)
	BUILD_ONLY_LOCALE=$(LANG) $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

## serve-editor: the browser editor on http://127.0.0.1:8001, on the files of this copy ("Work with Local Repository")
serve-editor: editor
	$(BIN)/python -m http.server 8001 --bind 127.0.0.1 --directory editor-site

POT ?= messages.pot

## pot: extract UI strings from templates ({% trans %}) and hooks (translate(language, "..."))
pot: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k translate:2 -o $(POT) --sort-by-file --no-wrap --project="Hanoi Convention site" .

## locales: pot, then update the vi and fr catalogues (translate the new entries by hand)
locales: pot
	$(BIN)/pybabel update -i messages.pot -d locales --ignore-obsolete --no-wrap

## new-release: the three files of a new press release (SLUG=… DATE=YYYY-MM-DD SOURCE=https://…)
new-release: $(STAMP)
	$(BIN)/python tools/new_release.py --slug "$(SLUG)" --date "$(DATE)" --source "$(SOURCE)" $(if $(TIMEZONE),--timezone "$(TIMEZONE)")

## translation-status: which translations are missing or outdated
translation-status: $(STAMP)
	$(BIN)/python tools/translation_status.py

## translation-done: record that a translation follows the current English page (FILE=docs/vi/…)
translation-done: $(STAMP)
	$(BIN)/python tools/translation_status.py --done $(FILE)

## sync-status: update data/signatures.yml and data/treaty_status.yml from the depositary record (FROM=a saved copy, file or address; the network only here, never in the build)
sync-status: $(STAMP)
	$(BIN)/python tools/sync_status.py $(if $(FROM),--from "$(FROM)") $(SYNC_OPTIONS)

## properdocs-check: build the site with MkDocs and with ProperDocs (the maintained continuation of MkDocs 1.x) and check that the outputs are identical, byte for byte
properdocs-check: $(STAMP)
	$(BIN)/python tools/compare_engines.py

## bench-preview: edit-to-reload time of `make serve` and `make serve-one` on the real site
bench-preview: $(STAMP)
	$(BIN)/python bench/preview.py

# uv resolves for Python 3.11 (Netlify builds with its newest 3.11; 3.11.7
# here, as pymdown-extensions needs 3.11.5 or newer); it keeps the versions
# already pinned unless requirements*.in ask for others, and writes the hash
# of every file PyPI has for each version (any platform).
LOCK_COMPILE = .lock-venv/bin/uv pip compile --quiet --python-version 3.11.7 --generate-hashes

## lock: re-pin every dependency with its hashes, after a change to requirements*.in (needs the network)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-lock.txt
	$(LOCK_COMPILE) requirements-lock.in -o requirements-lock.txt
	$(LOCK_COMPILE) requirements.in -o requirements.txt
	$(LOCK_COMPILE) requirements-test.in -o requirements-test.txt
	rm -rf .lock-venv

## lighthouse: Lighthouse (mobile) on the home, programme and a press release in each language; reports in reports/lighthouse/
lighthouse: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/lighthouse.py

## bench: build time, memory and size as content grows, and our hooks' cost (docs-dev/performance.md)
bench: $(STAMP) $(SITE_NODE_STAMP)
	$(BIN)/python bench/build.py

clean:
	rm -rf site editor-site $(VENV) node_modules
