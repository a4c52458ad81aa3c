# Two commands set everything up: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean eval bench

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e ".[test,ray,train]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/eventwire code examples/articles --db eventwire.duckdb
	$(BIN)/eventwire stats --db eventwire.duckdb

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/eventwire eval

bench: install
	$(BIN)/eventwire bench

clean:
	rm -rf $(VENV) eventwire.duckdb build src/*.egg-info
