# pmtui: `make run` starts the app, `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test lint typecheck pytest bench snapshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("pmtui needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/pmtui $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check pmtui tests bench
	$(BIN)/ruff format --check pmtui tests bench

typecheck: $(STAMP)
	$(BIN)/mypy pmtui/model pmtui/store pmtui/report pmtui/timeparse pmtui/clock.py pmtui/cli.py pmtui/commands

pytest: $(STAMP)
	$(BIN)/python -m pytest -n 4 --dist loadgroup -q --durations=25

test: lint typecheck pytest

snapshots: $(STAMP)
	$(BIN)/python -m pytest tests/snapshots --snapshot-update -q

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
