# Two entry points: `make demo` (offline demo) and `make test` (the whole suite). Both build .venv first.
# Python 3.13 (.python-version): on PATH, else pyenv's install (cron and CI shells do not run pyenv init).
PYTHON ?= $(or $(shell command -v python3.13 2>/dev/null),$(lastword $(sort $(wildcard $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions/3.13*/bin/python3.13))),$(shell command -v python3 2>/dev/null))
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test faults lint bench bench-quick clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 13) else "newscrawler needs Python 3.13 (see .python-version): run make with PYTHON=/path/to/python3.13")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use for real: Chromium + chromedriver (the web reader's browser test) and redis-server
# (the shared frontier). Installed only when missing; needs root (CI and these machines run as root).
SYSTEM_PACKAGES := chromium chromium-driver redis-server
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

demo: $(STAMP)
	$(BIN)/newscrawler demo

test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not faults"

# The long fault runs (store outages, kills and resumes at many points, fuzzing); their fast versions are in `test`.
faults: $(STAMP)
	$(BIN)/python -m pytest -q -m faults

lint: $(STAMP)
	$(BIN)/ruff check newscrawler tests bench

# Benchmarks print numbers (and write bench/results/*.json); nginx from Debian serves the loopback site.
# trafilatura (the extraction reference) is a benchmark-only tool: bench/requirements.txt, not requirements.txt.
NGINX := /usr/sbin/nginx
$(NGINX):
	apt-get update -q && apt-get install -y -q nginx-light

BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): bench/requirements.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r bench/requirements.txt
	touch $@

bench: $(BENCH_STAMP) $(NGINX)
	$(BIN)/python bench/run.py

# The same parts with small sizes and one round: about two minutes (see bench/README.md).
bench-quick: $(BENCH_STAMP) $(NGINX)
	$(BIN)/python bench/run.py --quick

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
