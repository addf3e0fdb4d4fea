# One entry point for people and CI. `make build` and `make test` create the
# virtual environment and install the pinned dependencies when they are missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: screenshots bench-preview build test lighthouse serve serve-one pot locales new-release translation-status translation-done sync-status lock bench clean

$(STAMP): requirements.txt requirements-test.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt
	touch $(STAMP)

# Node packages, exactly as package-lock.json pins them; reinstalled when
# either file changes. The site's build needs the browser editor's
# ("dependencies": bundled into /admin/); the tests also need their tools
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

## build: the site into site/, strictly (any warning fails), the browser editor (/admin/) included
build: $(STAMP) $(SITE_NODE_STAMP)
	$(BIN)/mkdocs build --strict

# The tests run in up to 4 processes (pytest-xdist), one per core: each builds
# the site once; "worksteal" hands a long test's neighbours to an idle process.
PARALLEL := --numprocesses=auto --maxprocesses=4 --dist=worksteal

## test: static checks (ruff: lint and format; mypy: types of hooks/hanoi), then the whole test suite (builds the real site, then inspects it)
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PARALLEL)

## screenshots: every page type drawn with the cut stylesheet and with Material's whole one, compared (about 12 minutes)
screenshots: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m screenshots tests/browser/test_screenshots.py

## serve: preview on http://127.0.0.1:8000 with live reload
serve: $(STAMP) $(SITE_NODE_STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

## serve-one: preview one language only, faster (e.g. make serve-one LANG=vi)
serve-one: $(STAMP) $(SITE_NODE_STAMP)
	BUILD_ONLY_LOCALE=$(LANG) $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

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

## bench-preview: edit-to-reload time of `make serve` and `make serve-one` on the real site
bench-preview: $(STAMP) $(SITE_NODE_STAMP)
	$(BIN)/python bench/preview.py

## lock: re-pin every dependency (direct ones are listed in requirements*.in)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	.lock-venv/bin/pip freeze --all --exclude pip --exclude setuptools --exclude wheel | LC_ALL=C sort > requirements.txt
	.lock-venv/bin/pip install --quiet -r requirements-test.in
	.lock-venv/bin/pip freeze --all --exclude pip --exclude setuptools --exclude wheel | LC_ALL=C sort | grep -vxFf requirements.txt > requirements-test.txt
	rm -rf .lock-venv

## lighthouse: Lighthouse (mobile) on the home, programme and a press release in each language; reports in reports/lighthouse/
lighthouse: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/lighthouse.py

## bench: build time, memory and size as content grows, and our hooks' cost (README, "Build speed")
bench: $(STAMP) $(SITE_NODE_STAMP)
	$(BIN)/python bench/build.py

clean:
	rm -rf site $(VENV) node_modules
