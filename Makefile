# Two commands on a fresh machine: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: run test lint bench eval clean browser-deps constraints

# constraints.txt pins every package to the version the test suite last passed with, so a fresh clone
# installs what was tested; `make constraints` rewrites it from this .venv after an upgrade.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test,chart,browser]'
	rm -f $(VENV)/.installed-*; touch $@

constraints: $(STAMP)
	{ echo "# The versions the test suite passed with: make installs with -c constraints.txt (see Makefile)."; \
	  echo "# Regenerate with 'make constraints' after upgrading, once 'make test' passes."; \
	  $(PY) -m pip freeze --exclude-editable | LC_ALL=C sort -f; } > constraints.txt

# The quickstart agent's key and approver token (the README's tour); set them to use your own.
# `make run` binds both listeners to 127.0.0.1, so these well-known values never leave the machine.
WARDGATE_AGENT_KEY ?= quickstart-dev-key
WARDGATE_APPROVER_TOKEN ?= quickstart-approver-token
export WARDGATE_AGENT_KEY WARDGATE_APPROVER_TOKEN

run: $(STAMP)
	@echo "quickstart agent key: $$WARDGATE_AGENT_KEY   approver token: $$WARDGATE_APPROVER_TOKEN"
	$(VENV)/bin/wardgate serve

# The approval console's browser test drives Debian's Chromium through Playwright (Playwright's own
# browser download is not used). Installed here when missing and apt-get is usable as root.
browser-deps:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the console browser test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed: the console browser test will skip"; \
	else echo "no /usr/bin/chromium and apt-get is not usable as root: the console browser test will skip"; fi

test: $(STAMP) browser-deps
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
