# Mini-Lab IPW: the two set-up commands are `make papers` and `make test`.
# Both create .venv when it is missing and install the lab into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TAHUN ?= 2024

.PHONY: papers test lab lint format install system-deps clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# Headless Chromium opens the briefs in the browser tests. On Debian/Ubuntu it
# comes from apt; elsewhere install Chromium, Chrome or Edge by hand.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		echo "Installing Chromium with apt-get"; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

papers: $(STAMP)
	$(BIN)/minilab paper kondisi_jalan --wilayah semua --tahun $(TAHUN)

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf papers/*/ .pytest_cache .ruff_cache
