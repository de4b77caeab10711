# Fieldbook — the two commands that matter: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# The tests pin the core's clock (tests/conftest.py); `make test` runs the date-sensitive part
# a second time this far from today: a Thursday just past a year boundary and New Year's Day.
MOVED_CLOCK ?= 2031-01-02T08:10:00

.PHONY: run test test-fast lint bench assets assets-check clean venv venv-test system-deps dist dist-check guide

# A virtualenv stamped with the pyproject it was installed from.
$(VENV)/.stamp-run: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-run
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.stamp-run
venv-test: $(VENV)/.stamp-test

## Set up and open the app on the default local database (or FIELDBOOK_DB / DB=...).
run: venv
	$(PY) -m fieldbook $(if $(DB),--db "$(DB)") gui

## Set up and run the whole suite headless (lint, format check, mypy --strict on the core, the
## layer contract, generated files, tests), on
## SQLite (core + qt a second time with the clock moved years ahead), then on a throwaway
## PostgreSQL server (tests/pgserver.py) when PostgreSQL is installed (make system-deps);
## FIELDBOOK_REQUIRE_PG=1 (CI) makes its absence an error.
test: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) build_spec/build_assets.py --check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not perf" -q
	@echo "--- the date-sensitive part (core, cli, qt) with the clock moved to $(MOVED_CLOCK) ---"
	FIELDBOOK_TEST_NOW=$(MOVED_CLOCK) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not perf" -q tests/core tests/cli tests/qt
	@if $(PY) -c "import sys; sys.path.insert(0, 'tests'); import pgserver; pgserver.bindir()" 2>/dev/null; then \
	  echo "--- the same suite on PostgreSQL ---"; \
	  QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not perf" -q --backend postgresql; \
	elif [ -n "$$FIELDBOOK_REQUIRE_PG" ]; then \
	  echo "PostgreSQL is not installed (make system-deps installs it)"; exit 1; \
	else \
	  echo "NOTE: PostgreSQL is not installed: the PostgreSQL run is skipped (make system-deps)"; \
	fi

## The quick inner loop for developers: the static checks, then the tests not marked slow
## (demo databases, child processes) nor perf. `make test` (and CI) still runs everything.
test-fast: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow and not perf" -q

lint: venv-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Benchmarks on generated data; prints a table and fails when a target is missed.
bench: venv-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/perf/bench.py

## The installable program: PyInstaller one-folder build in dist/fieldbook (build_spec/fieldbook.spec).
dist: venv
	$(PY) -m pip install --quiet -e '.[dist]'
	$(VENV)/bin/pyinstaller build_spec/fieldbook.spec --noconfirm --clean \
	  --distpath dist --workpath build/pyinstaller

## Build it, then run the built program headless: --version, a database, a roster import,
## a week export, a screenshot, an old database upgraded by the bundled migrations.
dist-check: dist
	QT_QPA_PLATFORM=offscreen $(PY) build_spec/smoke_dist.py

## The user guide's screenshots: every page at 1366x768, zh_CN and en (docs/guide/images).
guide: venv
	$(PY) build_spec/build_assets.py
	$(PY) build_spec/guide_screenshots.py

## Regenerate the committed generated files: the forms compiled from ui/*.ui, the compiled
## translation (resources/i18n/fieldbook_en.qm), the schema snapshot, the app icon.
assets: venv
	$(PY) build_spec/build_assets.py

assets-check: venv
	$(PY) build_spec/build_assets.py --check

## System libraries Qt and the tests need on a bare Debian/Ubuntu machine (run as root).
system-deps:
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  fonts-noto-cjk fontconfig libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 \
	  libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 \
	  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-sync1 \
	  libxcb-xfixes0 libxcb-shm0 libxcb-util1 xvfb libreoffice-calc-nogui \
	  postgresql binutils poppler-utils fonts-crosextra-carlito

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
