# Two commands do everything on a fresh machine: `make run` and `make test` (see README).
# Both create the virtual environment .venv (Python 3.11, pinned packages from pyproject.toml) if it is missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: help venv run site test data-verify claims bench clean
.DEFAULT_GOAL := help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)  ## create .venv and install the pinned packages

run: $(STAMP)  ## execute every notebook; write figures/, build/results/, build/claims_report.csv and build/site/
	$(PY) -m analysis run
	$(PY) -m analysis site

site: $(STAMP)  ## build the offline HTML site into build/site/ from the executed notebooks
	$(PY) -m analysis site

test: $(STAMP)  ## run the test suite
	MPLBACKEND=Agg $(PY) -m pytest

data-verify: $(STAMP)  ## check every file in data/ against data/datapackage.json
	$(PY) -m analysis data verify

claims: $(STAMP)  ## print the claims scoreboard
	$(PY) -m analysis claims

bench: $(STAMP)  ## benchmarks (not tests): whole collection, estimators at scale; appends to build/bench.json
	MPLBACKEND=Agg $(PY) benchmarks/run_all.py $(ONLY)

clean:  ## remove build products (keeps .venv and figures/)
	rm -rf build
