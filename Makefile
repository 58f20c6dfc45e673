# Every target creates or reuses .venv; `make test` also installs Chromium when it can.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site zensical properdocs check anchors new-statement import bench screenshots test lint browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## serve: build and serve at http://127.0.0.1:8000, rebuilding when data/, docs/ or scripts/ change
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

## site: validate data/ and build site/ atomically (the old site/ survives any failure)
site: $(STAMP)
	$(PY) scripts/build.py site

## zensical: build the same archive with Zensical into site-zensical/ (atomically, like site)
zensical: $(STAMP)
	$(PY) scripts/build.py zensical

## properdocs: build the same archive with ProperDocs into site-properdocs/ (atomically, like site)
properdocs: $(STAMP)
	$(PY) scripts/build.py properdocs

## check: validate data/ only, listing every problem as file:line: message
check: $(STAMP)
	$(PY) scripts/build.py check

## anchors: refresh data/anchors.lock on purpose, after recording changes in data/anchor-changes.yml
anchors: $(STAMP)
	$(PY) scripts/build.py anchors

## new-statement: scaffold data/statements/<id>.md from prompts (or ARGS="--title … --date …") and validate it
new-statement: $(STAMP)
	$(PY) scripts/new_statement.py $(ARGS)

## import: draft data/statements/<id>.md from a published statement: make import SRC=<file or URL> [ARGS='--date …']
import: $(STAMP)
	@test -n "$(SRC)" || { echo "Give the statement to import: make import SRC=<file or http(s) address>" >&2; exit 2; }
	$(PY) scripts/import_statement.py "$(SRC)" $(ARGS)

## bench: build synthetic archives of 100 and 1,000 statements, compare with plain MkDocs, update docs/performance.md
bench: $(STAMP) browser
	$(PY) scripts/bench.py

## screenshots: build the site and photograph it in Chromium for the README (screenshots/*.png)
screenshots: $(STAMP) browser
	$(PY) scripts/build.py site
	$(PY) scripts/screenshots.py

## lint: ruff
lint: $(STAMP)
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests

## browser: install the test tools the machine lacks: Chromium, Java, the Nu Html Checker (apt-get needs root)
browser:
	@bash scripts/ensure-test-tools.sh

## test: install what the tests need and run them all
test: $(STAMP) browser lint
	$(PY) -m pytest

clean:
	rm -rf site site-zensical site-properdocs .site-* .cache $(VENV)
