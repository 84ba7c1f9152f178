# Newsdesk. `make run` serves the demo, `make test` runs every test. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
UV_VERSION := 0.13.8
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test lint format bench load messages clean entity-model screenshots

help:
	@echo "make run    - install, set up the demo database (SQLite under var/) and serve on 127.0.0.1:$(PORT)"
	@echo "make test   - run the whole test suite (DATABASE_URL picks the database)"
	@echo "make screenshots - run the browser tests, saving their screenshots into docs/screenshots/"
	@echo "make lint   - ruff, mypy, the import layers (import-linter) and the migrations check"
	@echo "make bench  - import benchmarks, written to docs/benchmarks.md"
	@echo "make load   - 50 simulated editors against gunicorn + PostgreSQL, into docs/benchmarks.md"
	@echo "make entity-model - recompute the word clusters and retrain the entity CRF (newstext/entities/data/ner.crfsuite) from the committed data, printing validation scores"

$(UV):
	@python=$$(scripts/find-python) && \
	  echo "Using $$python" && \
	  "$$python" -m venv $(TOOLS) && \
	  $(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The environment is (re)synced whenever the lock file or pyproject changes.
$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	@python=$$(scripts/find-python) && \
	  $(UV) sync --frozen --python "$$python" --quiet
	@touch $@

install: $(VENV)/.synced

# The demo serves with one task worker beside it (TASKS_BACKEND=database), so that a large
# upload's import, detection and grouping never keep a browser request waiting; the worker
# stops with the server (docs/ops/workers.md).
run: install
	DEBUG=1 $(PY) manage.py setup_demo
	DEBUG=1 TASKS_BACKEND=database $(PY) manage.py db_worker --no-reload --interval 1 --worker-id make-run & \
	  trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	  DEBUG=1 TASKS_BACKEND=database $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(VENV)/bin/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

# The browser tests save screenshots into pytest's tmp_path unless NEWSDESK_SCREENSHOTS names a folder.
screenshots: install
	NEWSDESK_SCREENSHOTS=docs/screenshots $(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) -m benchmarks.run --output docs/benchmarks.md

# Rebuilds the word clusters, the train-only model (scored on the validation split) and the
# shipped newstext/entities/data/ner.crfsuite deterministically (a few minutes); never run by run/test.
entity-model: install
	$(PY) -m newstext.entities.training.clusters
	$(PY) -m newstext.entities.training.train

# Needs PostgreSQL (BENCH_POSTGRES_URL); drops and recreates the database newsdesk_load.
load: install
	$(PY) -m benchmarks.load.run --output docs/benchmarks.md

# Regenerate the German catalogue (needs GNU gettext); the compiled .mo file is committed
# so that a fresh machine needs no gettext. English is the source language: no catalogue.
messages: install
	DEBUG=1 $(PY) manage.py makemessages --locale de --ignore '.venv/*' --ignore '.tools/*'
	DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*' --ignore '.tools/*'

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles
