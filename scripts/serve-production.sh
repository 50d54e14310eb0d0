#!/usr/bin/env bash
# Serves the site in production: migrations, the cache table, static files, then gunicorn on
# config.wsgi. Needs SECRET_KEY and ALLOWED_HOSTS in the environment (README, "Production");
# put it behind a proxy that terminates HTTPS and sets X-Forwarded-Proto.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.production}
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py createcachetable -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
exec .venv/bin/gunicorn config.wsgi \
  --bind "${BIND:-127.0.0.1:8000}" \
  --workers "${WEB_CONCURRENCY:-$(( $(nproc) * 2 + 1 ))}" \
  --timeout "${GUNICORN_TIMEOUT:-30}" \
  --max-requests 1000 --max-requests-jitter 100 \
  --access-logfile - --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
