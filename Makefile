# ceasefire — set-up, run, test. Everything a fresh machine needs is installed from here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# System libraries of the PDF brief (weasyprint: pango, HarfBuzz's subsetter, fonts), installed only when missing
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
WORLD    := node_modules/.package-lock.json
# The web UI's browser tests drive Debian's Chromium (Playwright for Python, never `playwright install`)
BROWSER_DEBS := chromium
# Leaflet (pinned by package-lock.json) copied from node_modules into the package: served as static files, no CDN
LEAFLET  := $(shell node -p "require('./package-lock.json').packages['node_modules/leaflet'].version" 2>/dev/null || echo 1.9.4)
VENDOR   := src/ceasefire/web/static/vendor/leaflet-$(LEAFLET)

.PHONY: setup run test lint bench bench-large gazetteer clean sysdeps world brief-example web-assets

setup: $(STAMP) web-assets

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/ceasefire --quiet gazetteer build
	touch $(STAMP)

## make run: set up, ingest the bundled examples into ./ceasefire.db, print the incidents
run: setup
	$(BIN)/ceasefire ingest examples/
	$(BIN)/ceasefire incidents

## make test: set up, lint, and run the test suite (SQLite and the PostgreSQL server, quality gates)
test: setup sysdeps $(WORLD) lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src/ceasefire

## sysdeps: the Debian packages a PDF brief needs, and Chromium for the web UI's browser tests,
## installed (apt-get) only when a library, the font or the browser is missing
sysdeps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "missing: /usr/bin/chromium; installing $(BROWSER_DEBS)"; \
	  apt-get install -y --no-install-recommends $(BROWSER_DEBS) \
	    || (apt-get update && apt-get install -y --no-install-recommends $(BROWSER_DEBS)); \
	fi
	@missing=""; \
	for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0; do \
	  /sbin/ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; \
	done; \
	fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing="$$missing DejaVu-Sans"; \
	if [ -n "$$missing" ]; then \
	  echo "missing:$$missing; installing $(PDF_DEBS)"; \
	  apt-get install -y --no-install-recommends $(PDF_DEBS) \
	    || (apt-get update && apt-get install -y --no-install-recommends $(PDF_DEBS)); \
	fi

## the npm package world-atlas (Natural Earth outlines, pinned by package-lock.json): build-time data only
$(WORLD): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

## make web-assets: the web UI's Leaflet (JS, CSS, marker images, licence) from node_modules into the package
web-assets: $(VENDOR)/leaflet.js

$(VENDOR)/leaflet.js: $(WORLD)
	rm -rf src/ceasefire/web/static/vendor
	mkdir -p $(VENDOR)
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images \
	  node_modules/leaflet/LICENSE $(VENDOR)/

## make world: regenerate the brief's country outlines (src/ceasefire/data/brief_world.json.gz) from world-atlas
world: setup $(WORLD)
	$(BIN)/python scripts/world_outline.py

## make brief-example: render the seed's week under the shipped Syria 2016 agreement into docs/ (HTML, Markdown, PDF, first page as PNG)
brief-example: setup sysdeps
	$(BIN)/python scripts/brief_example.py

## make bench (about 25 minutes on an idle 2-core machine, estimated from CPU times): the invented wire corpus at 1,000 and 10,000
## articles through the real pipeline (articles/s, stages, peak memory, time per article as the store grows,
## the ratio to spaCy alone, --workers 2 vs. 1, batch --dask local:2 vs. local:1; docs/performance.md, plot docs/performance-scale.png);
## one event's 100 reports; concurrent writers vs. one writer; one report of 100 KB without breaks, and 1 MB
bench: setup
	$(BIN)/python bench/scale.py --sizes 1000,10000 --spacy-at 1000 --workers-at 1000 --plot docs/performance-scale.png
	$(BIN)/python bench/growth.py --reports 100
	$(BIN)/python bench/dask.py --articles 200 --clusters 1,2 --repeat 1
	$(BIN)/python bench/concurrency.py --rounds 30
	$(BIN)/python bench/bigtext.py --sizes 100k-flat,1m

## make bench-large (an hour or more): the time per article and peak memory as the store grows to 100,000
## invented articles (mentions made by the bench, no spaCy: bench/stored.py; plot docs/performance-stored.png),
## and one report of 10 MB
bench-large: setup
	$(BIN)/python bench/stored.py --articles 100000 --chunk 1000 --per-day 30 --plot docs/performance-stored.png
	$(BIN)/python bench/bigtext.py --sizes 10m

gazetteer: setup
	$(BIN)/ceasefire gazetteer build

clean:
	rm -rf $(VENV) ceasefire.db build src/*.egg-info .pytest_cache node_modules
