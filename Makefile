# Every target sets up .venv on its own when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := data/sample
DATA   ?= $(SAMPLE)
AXE_VERSION := 4.14.1
AXE    := .cache/node_modules/axe-core/axe.min.js
PLOTLY := .cache/plotly/.gebouwd

.DEFAULT_GOAL := help
.PHONY: help setup check test test-browser lint mutate sample report dashboard lab clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the package with its development tools

check: $(STAMP) ## check the bundled sample against the data contract
	$(BIN)/leergeschiedenis check $(SAMPLE)/ruwaard
	$(BIN)/leergeschiedenis check $(SAMPLE)/deurne
	$(BIN)/leergeschiedenis check $(SAMPLE)/maastricht

$(AXE):
	@npm install --prefix .cache --no-audit --no-fund --silent axe-core@$(AXE_VERSION) \
	  || echo "npm ontbreekt: de toegankelijkheidstest van het dashboard wordt overgeslagen"

# the dashboard's plotly.js with only the trace types of its charts (lib/leergeschiedenis/plotly_bundle.py)
$(PLOTLY): $(STAMP) lib/leergeschiedenis/plotly_bundle.py
	@$(BIN)/python -m leergeschiedenis.plotly_bundle && touch $@ || true

test: $(STAMP) $(AXE) $(PLOTLY) ## run the tests (the browser tests need Chromium: apt-get install chromium)
	$(BIN)/python -m pytest

test-browser: $(STAMP) $(AXE) $(PLOTLY) ## only the browser tests of the dashboard
	$(BIN)/python -m pytest -m browser

lint: $(STAMP) ## ruff lint and format check; import-linter: the layers of pyproject.toml
	$(BIN)/ruff check lib tests
	$(BIN)/ruff format --check lib tests
	$(BIN)/lint-imports --no-logo

MUTATE ?= stats privacy rendement cells

mutate: $(STAMP) ## mutation testing of stats, privacy, rendement, cells against their own tests (MUTATE=rendement for one; minutes; not in CI)
	$(BIN)/python tools/mutate.py $(MUTATE)

report: $(STAMP) ## render the learning history of every sample proeftuin and year into reports/
	$(BIN)/leergeschiedenis report $(SAMPLE) --all --jobs 2 --out reports

dashboard: $(STAMP) $(PLOTLY) ## serve the live dashboard on http://127.0.0.1:8866/ (the sample by default)
	$(BIN)/leergeschiedenis dashboard $(DATA)

lab: $(STAMP) ## open JupyterLab on the exploration notebook
	$(BIN)/jupyter lab notebooks/verkennen.ipynb --ServerApp.ip=127.0.0.1

sample: $(STAMP) ## regenerate the synthetic sample data in data/
	$(BIN)/leergeschiedenis sample $(SAMPLE)

clean: ## remove the environment and generated output
	rm -rf $(VENV) reports/*/ .pytest_cache .ruff_cache .import_linter_cache .mutmut mutants
