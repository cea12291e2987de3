# Two commands for a newcomer: `make run` serves the demo site, `make test` runs
# every check. Each sets up whatever is missing first and skips what is done.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Extra pytest arguments, e.g. PYTEST_ARGS='-m "not browser"' (CI splits the suite).
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist, a test database each); 0 runs it in one
# process, which a debugger or `-x` wants.
PYTEST_WORKERS ?= auto
CSS := site/static/dist/statsforum.css
# The Welsh catalogue, compiled from its .po (msgfmt, from Debian's gettext).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard site/locale/*/LC_MESSAGES/*.po))

.PHONY: run test setup browser gettext catalogues lint clean messages

# Links in emails and calendars, and the demo site's address, use the port served.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo
	@echo "statsforum is at http://127.0.0.1:$(PORT)/ (Wagtail admin at /admin/)."
	@echo "A background worker, the scheduler of periodic jobs and the mail listener"
	@echo "(replies by email, over LMTP) run beside it. Stop them all with Ctrl+C."
	@$(BIN)/python manage.py run_worker & worker=$$!; \
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	$(BIN)/python manage.py run_mail_listener & listener=$$!; \
	trap 'kill $$worker $$scheduler $$listener 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup browser lint
	DJANGO_SETTINGS_MODULE=statsforum.settings.test \
		$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)
	@# Tests on the rows migrations made, in a process of their own (tests/conftest.py);
	@# none left by PYTEST_ARGS (exit 5) is no failure.
	$(BIN)/pytest -n $(PYTEST_WORKERS) --migrated-data-only $(PYTEST_ARGS) || [ $$? -eq 5 ]

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

setup: $(VENV)/.installed $(CSS) $(CATALOGUES)

catalogues: $(CATALOGUES)

%.mo: %.po | gettext
	msgfmt --check --output-file $@ $<

# msgfmt compiles the catalogues: Debian's gettext, installed as root if missing (as
# `browser` installs Chromium); anyone else is told how.
gettext:
	@if command -v msgfmt >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; \
	else \
		echo "msgfmt is missing: run 'sudo apt-get install gettext'."; exit 1; \
	fi

# Collects every string marked for translation into the Welsh catalogue, keeping
# the translations it already has; translate the new ones, then `make setup`.
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages --locale cy --no-obsolete --no-location \
		$(foreach dir,.venv node_modules bench tests build media staticfiles site/static,--ignore '$(dir)/*')
	@# A date that changes on every run would make every branch's catalogue conflict.
	sed -i '/^"POT-Creation-Date: /d' site/locale/cy/LC_MESSAGES/django.po

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "statsforum needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 (apt-get install nodejs npm)."; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

$(CSS): node_modules/.installed package.json $(wildcard site/static/scss/*.scss)
	npm run --silent build

# Browser tests drive Debian's Chromium. Root on Debian gets it installed; anyone
# else is told how. On CI a missing browser is a failure, not a skip.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	elif [ -n "$$CI" ]; then \
		echo "Chromium is missing at /usr/bin/chromium: CI cannot run the browser tests."; exit 1; \
	else \
		echo "Chromium is missing: run 'sudo apt-get install chromium'. Browser tests will be skipped."; \
	fi

clean:
	rm -rf $(VENV) node_modules site/static/dist staticfiles
