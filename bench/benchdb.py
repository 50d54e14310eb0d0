"""Django for a benchmark on a database of its own (created if missing, migrated), tasks in-process."""
from __future__ import annotations

import os
import tempfile


def setup_django(database: str) -> None:
    """Point Django at ``database`` on the local PostgreSQL, with a throw-away search index."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ.setdefault("SEARCH_INDEX_DIR", tempfile.mkdtemp(prefix=f"{database}-index-"))
    import psycopg
    from psycopg import sql

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
