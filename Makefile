# JobInTech Bootcamp Suite. The two commands: `make run` and `make test`.
# Every target does its own set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12 (Open edX's current version): on PATH, else pyenv's, else python3 as a last resort.
PYTHON312 := $(shell command -v python3.12 2>/dev/null || ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.12.*/bin/python3.12 2>/dev/null | tail -1)
PYTHON ?= $(if $(PYTHON312),$(PYTHON312),python3)
DEBIAN_PACKAGES := bubblewrap nodejs sqlite3 chromium chromium-driver
HOST ?= 127.0.0.1
PORT ?= 8000
export JOBINTECH_DATA_DIR ?= $(CURDIR)/var

.PHONY: help setup system-packages run workbench test test-fast bench validate frontend clean

help:
	@echo "make run        serve the course catalog and the LTI bridge on http://$(HOST):$(PORT)/"
	@echo "make test       run every test suite (unit, integration, security, browser)"
	@echo "make workbench  open the xblock-sdk workbench with the blocks' scenarios"
	@echo "make bench      measure grading speed against bare runs and codejail"
	@echo "make validate   validate the bundled course (course_content/)"

setup: system-packages $(VENV)/.installed

# Installs only what is missing, so it is quick on a machine that has everything.
system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VENV)/.installed: requirements/base.txt requirements/test.txt setup.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -m pip install -q -r requirements/test.txt 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -m pip install -q --no-deps -e . 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -c "import xblock, django, grader" && touch $@

run: setup
	$(VENV)/bin/jobintech serve --host $(HOST) --port $(PORT)

workbench: setup
	$(PY) -m xblocks.workbench $(HOST):$(PORT)

validate: setup
	$(VENV)/bin/jobintech validate course_content

# The attack suite runs inside its own pid namespace and cgroup (tests/security/contained.sh),
# so that even a regressed sandbox cannot harm the machine running the tests.
test: setup
	$(PY) -m pytest tests --ignore=tests/security -p no:cacheprovider
	tests/security/contained.sh $(PY) -m pytest tests/security -p no:cacheprovider
	$(VENV)/bin/jobintech validate course_content

test-fast: setup
	$(PY) -m pytest tests -p no:cacheprovider -x -q -m "not browser"

bench: setup
	$(PY) -m benchmarks.run

# Rebuilds the committed front-end bundles (CodeMirror etc.); not needed to run or test.
frontend:
	cd frontend && npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf $(VENV) var .pytest_cache
