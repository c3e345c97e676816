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

.PHONY: help demo test lint venv install install-test docs clean dashboard dashboard-assets dashboard-lab \
	lab course-notebooks course-check course-status course-generate course-release course-handout \
	course-collect course-import course-autograde course-feedback course-export

help:  ## Show the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

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

# ------------------------------------------------------------------ training course (exercises/)
COURSE ?= exercises
SAMENLOOP := $(abspath $(VENV))/bin/samenloop
LAB_PORT ?= 8888
LAB_LOCALE ?= nl_NL
# A fresh token per start unless LAB_TOKEN is given; the server only listens on 127.0.0.1.
LAB_TOKEN ?=
A ?=
FOLDER ?=

$(VENV)/.installed-course: $(VENV)/.installed pyproject.toml
	@$(PY) -c "import nbgrader, jupyterlab, jupyterlab_language_pack_nl_NL" 2>/dev/null \
	  || { echo "installing the course extra (nbgrader, JupyterLab, Dutch language pack) into $(VENV)"; \
	       $(PIP) install -e '.[course]'; }
	@touch $@

lab: $(VENV)/.installed-course  ## JupyterLab on 127.0.0.1 with a token, nbgrader and Dutch (LAB_LOCALE=en for English)
	@settings="$(abspath $(COURSE))/.jupyter/lab/user-settings/@jupyterlab/translation-extension"; \
	  mkdir -p "$$settings"; printf '{"locale": "%s"}\n' "$(LAB_LOCALE)" > "$$settings/plugin.jupyterlab-settings"
	@token="$(LAB_TOKEN)"; [ -n "$$token" ] || token=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(24))'); \
	  echo "JupyterLab for the course in $(COURSE)/ (Nbgrader menu: Formgrader, Assignments):"; \
	  echo "  http://127.0.0.1:$(LAB_PORT)/lab?token=$$token"; \
	  cd $(COURSE) && JUPYTERLAB_SETTINGS_DIR="$(abspath $(COURSE))/.jupyter/lab/user-settings" \
	    PATH="$(abspath $(VENV))/bin:$$PATH" exec "$(abspath $(VENV))/bin/jupyter" lab --no-browser \
	    --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) --ServerApp.port_retries=0 \
	    --IdentityProvider.token="$$token" --ServerApp.root_dir=. \
	    $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

course-notebooks:  ## Rebuild exercises/source/ from exercises/content/ (both languages)
	@$(PY) $(COURSE)/build_notebooks.py

course-check: $(VENV)/.installed-course  ## Run every source notebook: all tests must pass (also fills the run cache)
	@$(SAMENLOOP) course check $(A) --course $(COURSE)

course-status: $(VENV)/.installed-course  ## Assignments, submissions and grading left
	@$(SAMENLOOP) course status --course $(COURSE)

course-generate: $(VENV)/.installed-course  ## Student versions in exercises/release/ (A="id ..." for some)
	@$(SAMENLOOP) course generate $(A) --course $(COURSE)

course-release: $(VENV)/.installed-course  ## Release to the exchange (trainees fetch in JupyterLab)
	@$(SAMENLOOP) course release $(A) --course $(COURSE)

course-handout: $(VENV)/.installed-course  ## Zip files of the student versions for e-mail or a learning platform
	@$(SAMENLOOP) course handout $(A) --course $(COURSE)

course-collect: $(VENV)/.installed-course  ## Collect submissions from the exchange
	@$(SAMENLOOP) course collect $(A) --course $(COURSE)

course-import: $(VENV)/.installed-course  ## Import handed-in notebooks: make course-import FOLDER=path [A=id]
	@[ -n "$(FOLDER)" ] || { echo "error: give the folder: make course-import FOLDER=path/to/notebooks"; exit 2; }
	@$(SAMENLOOP) course import "$(FOLDER)" $(if $(A),--assignment $(A)) --course $(COURSE)

course-autograde: $(VENV)/.installed-course  ## Autograde every submission: make course-autograde A=id
	@[ -n "$(A)" ] || { echo "error: give the assignment: make course-autograde A=nl-01-netwerk"; exit 2; }
	@$(SAMENLOOP) course autograde $(A) --course $(COURSE)

course-feedback: $(VENV)/.installed-course  ## Feedback without hidden tests: make course-feedback A=id
	@[ -n "$(A)" ] || { echo "error: give the assignment: make course-feedback A=nl-01-netwerk"; exit 2; }
	@$(SAMENLOOP) course feedback $(A) --course $(COURSE)

course-export: $(VENV)/.installed-course  ## Grades to exercises/grades.csv
	@$(SAMENLOOP) course export --course $(COURSE)
