#!/usr/bin/env bash
# `make prod`: the production stack on this machine, over plain HTTP (docs/production.md).
# Varnish on http://127.0.0.1:$PROD_PORT/ in front of gunicorn on $PROD_BACKEND_PORT, and the task
# worker; DEBUG off, a secret key made once under the var dir, the demo loaded if the database
# is empty. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
PROD_PORT=${PROD_PORT:-8080}
PROD_BACKEND_PORT=${PROD_BACKEND_PORT:-8081}
export EIG_VAR_DIR=${EIG_VAR_DIR:-$PWD/var}
mkdir -p "$EIG_VAR_DIR"

# The key signs sessions and sign-in links: made once, kept out of the repository (var/ is
# ignored), readable by this user only.
if [ ! -s "$EIG_VAR_DIR/secret_key" ]; then
    (umask 077 && $PYTHON -c "import secrets; print(secrets.token_urlsafe(50))" > "$EIG_VAR_DIR/secret_key")
fi
export SECRET_KEY=${SECRET_KEY:-$(cat "$EIG_VAR_DIR/secret_key")}
export DEBUG=0
export SITE_URL=${SITE_URL:-http://127.0.0.1:$PROD_PORT}
# Plain HTTP on this machine: each HTTPS guard turned off explicitly (README, « En production »).
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}
export SECURE_COOKIES=${SECURE_COOKIES:-0}
export SECURE_HSTS_SECONDS=${SECURE_HSTS_SECONDS:-0}
export TRUST_X_FORWARDED_PROTO=${TRUST_X_FORWARDED_PROTO:-0}
# Without an SMTP server, e-mails are files, as in development.
if [ -z "${EMAIL_HOST:-}" ]; then
    export MAIL_DIR=${MAIL_DIR:-$EIG_VAR_DIR/mail}
fi
export DATABASE_CONN_MAX_AGE=${DATABASE_CONN_MAX_AGE:-60}

$PYTHON manage.py migrate --no-input -v0
if ! $PYTHON manage.py shell -v0 -c "import sys; from eig.cohorts.models import Programme; sys.exit(0 if Programme.objects.exists() else 1)"; then
    echo "Base vide : chargement de la démonstration."
    $PYTHON manage.py load_demo --force
fi
$PYTHON manage.py collectstatic --no-input -v0

VARNISH_DIR="$EIG_VAR_DIR/varnish"
mkdir -p "$VARNISH_DIR"
sed -e "s/^\(\s*\.port = \)\"8081\";/\1\"$PROD_BACKEND_PORT\";/" deploy/varnish.vcl > "$VARNISH_DIR/default.vcl"
# The purges go to Varnish, from the task worker.
export FRONTEND_CACHE_URL=http://127.0.0.1:$PROD_PORT

trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT INT TERM
GUNICORN_BIND=127.0.0.1:$PROD_BACKEND_PORT $PYTHON -m gunicorn eig.wsgi -c deploy/gunicorn.conf.py &
# Below the web processes in the CPU's order: at a rush the e-mails wait a few seconds, the
# candidates' requests do not (bench/deadline_rush.py starts it the same way).
nice -n 10 $PYTHON manage.py db_worker --interval 0.5 --no-reload &
varnishd -F -n "$VARNISH_DIR" -a "127.0.0.1:$PROD_PORT" -f "$VARNISH_DIR/default.vcl" \
    -s "malloc,${VARNISH_MEMORY:-256m}" -T none &

echo
echo "  Site (production, derrière Varnish) : $SITE_URL/"
echo "  Espace d'administration : $SITE_URL/admin/ (equipe@eig.example / demo-eig-2018, codes eig-demo-01…)"
echo "  E-mails : ${MAIL_DIR:-SMTP $EMAIL_HOST}"
echo
wait -n
