# Mini-Lab IPW: the two set-up commands are `make papers` and `make test`.
# Both create .venv when it is missing and install the lab into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: papers test lab lint format install system-deps venv-support constraints clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(MAKE) --no-print-directory venv-support
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

# Debian and Ubuntu ship venv support in a separate package.
venv-support:
	@if ! $(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1; then \
		echo "Installing python3-venv with apt-get"; \
		$(call as_root,apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null); \
	fi

# Re-pin constraints.txt to what is installed in .venv now.
constraints: $(STAMP)
	@{ sed -n '1,3p' constraints.txt; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^minilab-ipw'; } > constraints.txt.new
	@mv constraints.txt.new constraints.txt

# Run a command as root: directly when we are root, else through sudo, else
# say what to run by hand (the browser tests then skip on a developer machine).
as_root = if [ "$$(id -u)" = 0 ]; then sh -c '$(1)'; \
	elif command -v sudo >/dev/null 2>&1; then sudo sh -c '$(1)'; \
	else echo "Run as root: $(1)"; fi

# Headless Chromium prints the PDF briefs and opens the briefs in the browser
# tests. Debian has it as the apt package chromium; where apt has no such
# package (Ubuntu ships Chromium as a snap), Playwright's own Chromium is
# installed instead.
BROWSERS := chromium chromium-browser google-chrome google-chrome-stable
PLAYWRIGHT_CHROMIUM = $(BIN)/python -c "from playwright.sync_api import \
	sync_playwright as s; p = s().start(); print(p.chromium.executable_path); p.stop()"

# The database tests start a throwaway PostgreSQL 15 server with PostGIS of
# their own (tests/pgserver.py), so only the packages missing here are
# installed. Debian would also create a cluster and start it as a service on
# port 5432; the drop-in file stops the package from creating one.
PG_PACKAGES := $(strip \
	$(if $(wildcard /usr/lib/postgresql/15/bin/initdb),,postgresql-15) \
	$(if $(wildcard /usr/share/postgresql/15/extension/postgis.control),,\
		postgresql-15-postgis-3))
NO_MAIN_CLUSTER := /etc/postgresql-common/createcluster.d/no-main-cluster.conf

system-deps: $(STAMP)
	@if ! for b in $(BROWSERS); do command -v $$b; done | grep -q . \
		&& [ ! -x "$$($(PLAYWRIGHT_CHROMIUM) 2>/dev/null)" ]; then \
		$(call as_root,apt-get update -qq); \
		if apt-cache show chromium 2>/dev/null | grep -q '^Package: chromium$$'; then \
			echo "Installing Chromium with apt-get"; \
			$(call as_root,apt-get install -y -qq chromium >/dev/null); \
		else \
			echo "Installing Playwright's Chromium"; \
			$(BIN)/python -m playwright install chromium; \
			$(call as_root,$(CURDIR)/$(BIN)/python -m playwright install-deps chromium); \
		fi; \
	fi
	@if [ -n "$(PG_PACKAGES)" ]; then \
		echo "Installing $(PG_PACKAGES) with apt-get"; \
		$(call as_root,mkdir -p $(dir $(NO_MAIN_CLUSTER)) \
			&& echo create_main_cluster = false > $(NO_MAIN_CLUSTER) \
			&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $(PG_PACKAGES) >/dev/null); \
	fi

# Every theme for the province and the ten kabupaten/kota, in HTML and PDF,
# with papers/index.html. Only briefs whose inputs changed are rebuilt.
papers: $(STAMP) system-deps
	$(BIN)/minilab build --format html,pdf

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

# JupyterLab on notebooks/workshop, in Bahasa Indonesia, with nothing fetched
# from the network (see lab_lib/workshop/lab.py).
lab: $(STAMP)
	$(BIN)/minilab lab

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf papers/*/ .pytest_cache .ruff_cache
