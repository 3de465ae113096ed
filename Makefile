# Two commands do everything on a fresh machine: `make run` and `make test` (see README).
# Both create the virtual environment .venv (Python 3.11) if it is missing, from requirements.lock: every package,
# transitive ones included, pinned with hashes (regenerate it with `make lock` after changing pyproject.toml).
# The install uses uv when it is on PATH or installable from the package index, plain pip otherwise.

# Python keeps its compiled bytecode (__pycache__/, ignored by git): with PYTHONDONTWRITEBYTECODE set, as some
# machines set it for every shell, each process recompiled every module it imported, pandas and matplotlib included
# (2 s a process: a warm `make run` took 6 s instead of 3, and every kernel and test paid it again).
unexport PYTHONDONTWRITEBYTECODE

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
UV_VERSION := 0.13.8
# The lock is resolved for the oldest 3.11 patch release every pinned package supports, on manylinux x86-64.
LOCK_TARGET := --python-version 3.11.5 --python-platform x86_64-manylinux_2_28
# Left out of the lock on purpose: rfc3987-syntax (and lark, which only it uses) arrive through jupyter-events'
# jsonschema[format-nongpl] extra and only check the "iri" string format, which nothing here validates; importing
# it compiles 38 grammars, 1.5 s in every process that imports jsonschema (the runner, the site build, Sphinx).
# The lock is otherwise complete, so it is installed with --no-deps (tests/test_environment.py checks both).
LOCK_OMIT := --no-emit-package rfc3987-syntax --no-emit-package lark

.PHONY: help venv lock run lab site test test-fast data-verify claims bench clean
.DEFAULT_GOAL := help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	@if command -v uv >/dev/null 2>&1; then UV=uv; test -x $(PY) || uv venv --quiet --python $(PYTHON) $(VENV); \
	else test -x $(PY) || $(PYTHON) -m venv $(VENV); \
	  if $(PY) -m pip install --quiet uv==$(UV_VERSION) >/dev/null 2>&1; then UV=$(VENV)/bin/uv; else UV=; fi; fi; \
	if [ -n "$$UV" ]; then echo "installing $(LOCK) with uv"; \
	  $$UV pip install --quiet --python $(PY) --require-hashes --no-deps -r $(LOCK) && \
	  $$UV pip install --quiet --python $(PY) --no-deps -e . ; \
	else echo "installing $(LOCK) with pip"; \
	  $(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK) && $(PY) -m pip install --quiet --no-deps -e . ; fi
	touch $(STAMP)

venv: $(STAMP)  ## create .venv and install the locked packages (requirements.lock)

lock: $(STAMP)  ## re-resolve requirements.lock (all packages, with hashes) from pyproject.toml; needs the package index
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --generate-hashes $(LOCK_TARGET) $(LOCK_OMIT) \
	  --no-header --no-annotate --quiet -o $(LOCK)

run: $(STAMP)  ## execute every notebook; write figures/, build/results/, build/claims_report.csv and build/site/
	$(PY) -m analysis run
	$(PY) -m analysis site

lab: $(STAMP)  ## open the collection in JupyterLab (text notebooks open as notebooks; lab/settings/overrides.json)
	$(PY) -m jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.app_settings_dir="$(CURDIR)/lab/settings" \
	  $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS)

site: $(STAMP)  ## build the offline HTML site into build/site/ from the executed notebooks
	$(PY) -m analysis site

# On every core (pytest-xdist); tests/conftest.py keeps together the tests that share what a module builds once and
# starts the longest work units first (its UNIT_SECONDS: keep them in line with the durations `make test` prints).
XDIST := -n auto --dist loadscope

test: $(STAMP)  ## run the test suite (on every core)
	MPLBACKEND=Agg $(PY) -m pytest $(XDIST) --durations=15

test-fast: $(STAMP)  ## the tests that execute no whole notebook, browser or server (a quick check while editing)
	MPLBACKEND=Agg $(PY) -m pytest $(XDIST) -m "not slow"

data-verify: $(STAMP)  ## check every file in data/ against data/datapackage.json
	$(PY) -m analysis data verify

claims: $(STAMP)  ## print the claims scoreboard
	$(PY) -m analysis claims

bench: $(STAMP)  ## benchmarks (not tests): whole collection, estimators at scale; appends to build/bench.json
	MPLBACKEND=Agg $(PY) benchmarks/run_all.py $(ONLY)

clean:  ## remove build products (keeps .venv and figures/)
	rm -rf build
