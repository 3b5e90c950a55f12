# Two commands on a fresh machine: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,chart,browser]'
	rm -f $(VENV)/.installed-*; touch $@

# The quickstart agent's key; set WARDGATE_AGENT_KEY to use your own.
WARDGATE_AGENT_KEY ?= quickstart-dev-key
export WARDGATE_AGENT_KEY

run: $(STAMP)
	@echo "quickstart agent key: $$WARDGATE_AGENT_KEY"
	$(VENV)/bin/wardgate serve

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check gateway tests bench
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) bench/overhead.py

eval: $(STAMP)
	$(VENV)/bin/wardgate eval injection ../shared/eval/injection_dev.jsonl
	$(VENV)/bin/wardgate eval pii ../shared/eval/pii_dev.jsonl

clean:
	rm -rf $(VENV)
