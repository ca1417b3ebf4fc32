# JobInTech Bootcamp Suite. The two commands: `make run` and `make test`.
# Every target does its own set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12 (Open edX's current version): pyenv's or on PATH (a pyenv shim that cannot run
# 3.12 is skipped), else python3 as a last resort.
PYTHON312 := $(shell for p in $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.12.*/bin/python3.12 2>/dev/null | sort -rV) $$(command -v python3.12); do "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null && echo "$$p" && break; done)
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
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/test.txt
	$(PY) -m pip install -q --no-deps -e .
	$(PY) -c "import xblock, django, grader, lti_bridge, xblocks" && touch $@

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
