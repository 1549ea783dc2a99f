# ceasefire — set-up, run, test. Everything a fresh machine needs is installed from here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench gazetteer clean

setup: $(STAMP)

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
test: setup lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/ceasefire

## make bench: the pipeline vs. spaCy alone on the same texts, as a ratio; one event's 100 reports;
## concurrent writers vs. one writer
bench: setup
	$(BIN)/python bench/bench.py --repeat 3
	$(BIN)/python bench/growth.py --reports 100
	$(BIN)/python bench/concurrency.py --rounds 30

gazetteer: setup
	$(BIN)/ceasefire gazetteer build

clean:
	rm -rf $(VENV) ceasefire.db build src/*.egg-info .pytest_cache
