# The two commands of the README:
#   make workbook  -- set everything up and start the workbook in JupyterLab on 127.0.0.1
#   make test      -- set everything up and run the whole test suite (lint, types, unit, property, notebooks)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# JupyterLab refuses to run as root without this flag (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup workbook test lint bench clean notebooks app exercises hub hub-kurs screenshots

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

workbook: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $(ROOT_FLAG) --notebook-dir=.

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Rebuild notebooks/*.ipynb from notebooks/src/*.py (runs them; stores the nbval-checked outputs).
notebooks: $(STAMP)
	$(BIN)/python tools/build_notebooks.py

# A whole class: JupyterHub on 127.0.0.1:$(HUB_PORT), each student with an own copy of the
# workbook (see deploy/README.md). Needs node/npm for the proxy (installed into deploy/.node/).
HUB_PORT ?= 8000
hub: $(STAMP)
	$(BIN)/python deploy/hub.py --port $(HUB_PORT)

# A course on one server (as root): login from Moodle/ILIAS over LTI 1.3 with the settings in $(LTI),
# one system user with a private home per student under $(HOMES). See deploy/README.md, sections 7-9.
LTI   ?= deploy/lti/moodle.yaml
HOMES ?= /home/lawkit
hub-kurs: $(STAMP)
	$(BIN)/python deploy/hub.py --port $(HUB_PORT) --lti $(LTI) --system-users --homes $(HOMES)

# Regenerate exercises/ and solutions/ from the master files in course/.
exercises: $(STAMP)
	$(BIN)/python -m lawkit.exercises build

# The classroom app: one notebook as a Voilà app, code hidden, e.g. `make app NB=01_einfuehrung`.
NB ?= 01_einfuehrung
app: $(STAMP)
	$(BIN)/voila notebooks/$(NB).ipynb --no-browser --port=$(PORT) --Voila.ip=127.0.0.1

# PNGs of each notebook's main widget view (Voilà in headless Chromium) for docs/screenshots/.
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
