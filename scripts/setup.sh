#!/usr/bin/env bash
# Sets up everything the project needs on a fresh Debian/Ubuntu machine with Python 3.11:
# the virtual environment at .venv, PostgreSQL (if none answers at DATABASE_URL), Redis for the
# Celery tests, the database and its migrations. Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
# A private server started by an earlier run (see step 2) wrote its URL here.
[ -f var/env ] && . var/env

PYTHON=${PYTHON:-python3}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/baokan}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

apt_install() {
  command -v apt-get >/dev/null || return 1
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# 1. Python environment.
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || { apt_install python3-venv && "$PYTHON" -m venv .venv; }
fi
if ! cmp -s requirements.txt .venv/.requirements.installed; then
  # (grep drops pip's notes about local index mirrors that some machines configure)
  .venv/bin/pip install -q --upgrade pip 2>&1 | { grep -v "is ignored: it is neither" || true; }
  .venv/bin/pip install -q -r requirements.txt 2>&1 | { grep -v "is ignored: it is neither" || true; }
  cp requirements.txt .venv/.requirements.installed
fi

# 2. PostgreSQL: use the one at DATABASE_URL; else bring one up.
pg_answers() { .venv/bin/python scripts/dbtool.py ping >/dev/null 2>&1; }
if ! pg_answers; then
  echo "setup: no PostgreSQL answers at $DATABASE_URL; starting one" >&2
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql || true; fi
  if ls /etc/postgresql/*/main >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | sort -n | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || $SUDO pg_ctlcluster "$version" main start || true
    # Trust local TCP connections for the postgres user, as DATABASE_URL's default expects.
    hba=/etc/postgresql/$version/main/pg_hba.conf
    if ! grep -q "baokan" "$hba" 2>/dev/null; then
      printf '# baokan: local development\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n' \
        | $SUDO sh -c "cat - $hba > $hba.new && mv $hba.new $hba"
      $SUDO pg_ctlcluster "$version" main reload || true
    fi
  fi
  if ! pg_answers; then
    echo "setup: falling back to a private server from the pgserver package under var/" >&2
    .venv/bin/pip install -q pgserver==0.1.4
    export DATABASE_URL=$(.venv/bin/python scripts/dbtool.py pgserver)
    echo "export DATABASE_URL=$DATABASE_URL" > var/env
    echo "setup: DATABASE_URL=$DATABASE_URL (saved in var/env)" >&2
  fi
fi
.venv/bin/python scripts/dbtool.py create

# 3. Redis, for Celery workers (the site itself runs tasks in-process without it).
if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  command -v redis-server >/dev/null || apt_install redis-server || true
  if command -v redis-server >/dev/null; then
    mkdir -p var/redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir "$PWD/var/redis" \
      --logfile "$PWD/var/redis/redis.log"
  fi
fi

# The fault tests (tests/reliability) restart a throw-away PostgreSQL cluster of their own:
# they need Debian's initdb and pg_ctl even where the database itself is elsewhere.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then apt_install postgresql || true; fi

# 4. Schema.
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py createcachetable -v 0  # the shared cache rate limits count in (unless CACHE_URL is Redis)
