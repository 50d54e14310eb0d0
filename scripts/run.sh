#!/usr/bin/env bash
# Sets everything up, loads the seed pages and serves the site on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -f var/env ] && . var/env
.venv/bin/python manage.py ingest seeds/
# A search index left by an older version in another layout is refused until rebuilt.
.venv/bin/python manage.py rebuild_stale_index
echo "Baokan: http://127.0.0.1:8000/  (editors: .venv/bin/python manage.py createsuperuser, then /admin/)"
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
