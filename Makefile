# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
# Python comes from .python-version (pyenv); uv must never download an interpreter of its own.
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo python -m uv)
MANAGE := $(UV) run --no-sync python manage.py
PYTEST := $(UV) run --no-sync pytest
HOST ?= 127.0.0.1
PORT ?= 8000
APT := $(if $(filter 0,$(shell id -u)),apt-get,sudo apt-get)

.PHONY: run test test-browser lint format install install-dev uv messages messages-deps prod prod-deps bench-deps

uv:
	@$(UV) --version >/dev/null 2>&1 || python -m pip install --quiet --disable-pip-version-check uv

install: uv
	$(UV) sync --frozen --no-dev

install-dev: uv
	$(UV) sync --frozen

## make run: install, migrate, load the demo, then serve the site and run the task worker.
run: export DEBUG ?= 1
run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	@echo
	@echo "  Site : http://$(HOST):$(PORT)/"
	@echo "  Espace d'administration : http://$(HOST):$(PORT)/admin/"
	@echo "  Identifiant : equipe@eig.example — mot de passe : demo-eig-2018"
	@echo "  (ou un lien de connexion demandé sur /connexion/ avec cette adresse)"
	@echo "  Double authentification : code eig-demo-01, puis eig-demo-02… eig-demo-20"
	@echo "  (chacun sert une fois ; make run les remet)"
	@echo "  E-mails envoyés (développement) : var/mail/"
	@echo
	@trap 'kill 0' EXIT; \
	$(MANAGE) db_worker & \
	$(MANAGE) runserver $(HOST):$(PORT)

## make prod: the production stack on this machine (docs/production.md): DEBUG off, a secret made
## once under var/, gunicorn, the task worker and Varnish on http://127.0.0.1:8080/.
prod: install prod-deps
	PYTHON="$(UV) run --no-sync python" deploy/prod.sh

# Debian's Varnish, installed when missing (as root, or with sudo).
prod-deps:
	@command -v varnishd >/dev/null || { $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq varnish; }

# What bench/public_pages.py measures with: wrk, and nginx for the reference.
bench-deps: prod-deps
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq wrk nginx; }

## make test: install the development dependencies and run the whole suite (not the browser tests).
test: install-dev
	$(PYTEST)

test-browser: install-dev
	$(PYTEST) -m browser

lint: install-dev
	$(UV) run --no-sync ruff check .
	$(UV) run --no-sync ruff format --check .
# The test suite's settings: production's, with a key made up for checks (no SECRET_KEY here).
	DJANGO_SETTINGS_MODULE=tests.settings $(MANAGE) makemigrations --check --dry-run

format: install-dev
	$(UV) run --no-sync ruff check --fix .
	$(UV) run --no-sync ruff format .

## make messages: refresh the French and English catalogs (Debian's gettext, installed when
## missing). The source strings are French already; the French catalog exists for French plural
## rules (0 and 1 are singular). English msgstrs are written by hand for the public site
## (docs/i18n.md); an empty one shows the French. The .mo files are committed: nothing needs
## gettext at run time or in CI.
messages: install-dev messages-deps
	mkdir -p eig/locale
# Made afresh: msgmerge would keep a similar string's French as a fuzzy guess.
	rm -f eig/locale/fr/LC_MESSAGES/django.po
	$(MANAGE) makemessages --locale fr --ignore ".venv/*" --ignore "var/*" --no-obsolete
	msgen --no-wrap eig/locale/fr/LC_MESSAGES/django.po -o eig/locale/fr/LC_MESSAGES/django.po
	sed -i 's/^"Plural-Forms: .*/"Plural-Forms: nplurals=2; plural=(n > 1);\\n"/' eig/locale/fr/LC_MESSAGES/django.po
	$(MANAGE) makemessages --locale en --ignore ".venv/*" --ignore "var/*" --no-obsolete
	$(MANAGE) compilemessages --locale fr --locale en --ignore ".venv/*"

messages-deps:
	@command -v msgfmt >/dev/null || { $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq gettext; }
