# Waarborg: `make run` serves the platform, `make test` runs every check on SQLite and PostgreSQL.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export PYTHONPATH := $(CURDIR)/src

.PHONY: bytecode run test lint promises schema statements clean-venv bench bench-deidentify install generated messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The translations (docs/i18n.md): .po files are checked in, the .mo files Django reads are compiled here
# (GNU gettext's msgfmt, through Django's compilemessages) and never committed.
PO := $(wildcard src/waarborg/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)

$(MO) &: $(PO) $(VENV)/.installed
	cd src/waarborg && ../../$(BIN)/django-admin compilemessages --ignore=migrations --ignore=static >/dev/null

# Bytecode for our own modules (an editable install leaves none, and PYTHONDONTWRITEBYTECODE keeps Python from
# writing it later): without it every command compiles ~1,000 modules again, about 0.9 s of CPU each start.
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q -j 0 src >/dev/null

# The pages' look (docs/design.md): NL Design System's CSS from npm (package-lock.json, `npm ci`), built into one
# static file; axe-core for the accessibility test comes with it.
NLDS := src/waarborg/audiences/web/static/waarborg/nlds.css

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(NLDS): node_modules/.package-lock.json scripts/nlds.py src/waarborg/audiences/web/static/waarborg/waarborg.css src/waarborg/audiences/web/theme.py $(BIN)/python
	$(BIN)/python scripts/nlds.py

# The OpenID Connect provider the single sign-on tests start (tests/sso/provider, Node.js): its packages from the
# lock file. Without npm the tests that need it skip on a developer's machine and fail under CI=true.
OIDC_PROVIDER := tests/sso/provider
$(OIDC_PROVIDER)/node_modules/.package-lock.json: $(OIDC_PROVIDER)/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix $(OIDC_PROVIDER) --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the single sign-on tests will not run" >&2; fi

install: $(VENV)/.installed $(MO) $(NLDS) bytecode $(OIDC_PROVIDER)/node_modules/.package-lock.json

run: install
	$(BIN)/waarborg serve --policy $${WAARBORG_POLICY:-examples/ikzorginassen.yaml}

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m django makemigrations --check --dry-run --settings=waarborg.settings >/dev/null
	$(BIN)/python scripts/generated.py --check
	$(BIN)/python scripts/messages.py --check

# After changing a translatable text: update the .po files, then write the English of every new entry.
messages: $(VENV)/.installed
	$(BIN)/python scripts/messages.py --update

test: install lint
	scripts/test.sh

promises: install
	mkdir -p var && rm -f var/promises-*.json && PROMISES=1 scripts/test.sh >var/promises-test.log 2>&1 || echo "some tests failed: see var/promises-test.log" >&2
	$(BIN)/python scripts/promises.py var/promises-sqlite.json var/promises-postgres.json

# Every benchmark of bench/ at full size (a PostgreSQL server: BENCH_SERVER, default postgres@127.0.0.1:5432);
# the figures go into docs/benchmarks.md. `make test` runs a small size of each.
bench: install
	$(BIN)/python bench/run_all.py --size full

# Regenerate checked-in artifacts (OpenAPI schema, docs/examples statements).
generated: install
	$(BIN)/python scripts/generated.py --write

# The de-identifier beside deduce on 10^6 characters (deduce is installed for the benchmark only).
bench-deidentify: install
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python -m bench.deidentify --chars 1000000 --json bench/out/deidentify.json

clean-venv:
	rm -rf $(VENV)
