# Samenloop: `make demo` and `make test` work on a fresh machine with Python >= 3.12.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet
# The first Python >= 3.12 on the PATH (pyenv reads .python-version in this folder).
PYTHON ?= $(shell for p in python3.12 python3.13 python3.14 python3; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	  && { echo $$p; break; }; done)
RESULTS ?= results
PORT ?= 8765
SCENARIO ?= current-practice
COMPARE ?=

.PHONY: help demo test lint venv install install-test docs clean dashboard dashboard-assets dashboard-lab

help:  ## Show the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.python-ok:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "error: Samenloop needs Python 3.12 or newer (Mesa 3.5 requires it)."; \
	  echo "  found: $$(python3 --version 2>&1 || echo none)"; \
	  echo "  fix:   install Python 3.12 (e.g. 'pyenv install 3.12') or run 'make PYTHON=/path/to/python3.12 ...'"; \
	  exit 1; fi
	@$(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.installed: $(VENV)/.python-ok pyproject.toml
	@echo "installing samenloop into $(VENV) (first time: about a minute)"
	@$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	@echo "installing test extras into $(VENV)"
	@$(PIP) install -e '.[test]'
	@touch $@

$(VENV)/.installed-dashboard: $(VENV)/.installed pyproject.toml
	@echo "installing dashboard extras into $(VENV)"
	@$(PIP) install -e '.[dashboard]'
	@touch $@

venv: $(VENV)/.installed  ## Create .venv and install samenloop

demo: $(VENV)/.installed  ## Run the main job on built-in defaults and say where the result is
	@$(VENV)/bin/samenloop demo --out $(RESULTS)/demo

test: $(VENV)/.installed-test  ## Install test extras and run the whole test suite
	@$(PY) -m pytest

lint: $(VENV)/.installed-test  ## ruff (lint + format check) and mypy
	@$(VENV)/bin/ruff check simulation tests benchmarks
	@$(VENV)/bin/ruff format --check simulation tests benchmarks
	@$(VENV)/bin/mypy

docs: $(VENV)/.installed  ## Regenerate docs/parameters.md from the parameter registry
	@$(PY) -m simulation.docs

dashboard: $(VENV)/.installed-dashboard  ## Classroom dashboard on localhost (PORT=8765 SCENARIO= COMPARE=)
	@$(VENV)/bin/samenloop dashboard --port $(PORT) --scenario $(SCENARIO) $(if $(COMPARE),--compare $(COMPARE))

dashboard-assets: $(VENV)/.installed-dashboard  ## Fetch the dashboard's page assets from the npm registry (once)
	@$(VENV)/bin/samenloop dashboard --prepare-assets

dashboard-lab: $(VENV)/.installed-test dashboard-assets  ## JupyterLab (127.0.0.1) with the dashboard notebook
	@SOLARA_ASSETS_PROXY_CACHE_DIR="$$($(PY) -c 'from simulation.dashboard.assets import default_cache_dir as d; print(d())')" \
	  SOLARA_TELEMETRY_MIXPANEL_ENABLE=false $(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --no-browser \
	  $$([ "$$(id -u)" = 0 ] && echo --allow-root) notebooks/03-classroom-dashboard.ipynb

clean:  ## Remove the virtual environment and results
	rm -rf $(VENV) $(RESULTS) .pytest_cache .mypy_cache .ruff_cache
