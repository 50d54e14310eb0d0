"""Small database helper for scripts/setup.sh: ping the server, create the database, or start
a private PostgreSQL from the ``pgserver`` package under var/ (printing its URL)."""
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import psycopg
from psycopg import sql

URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/baokan")


def server_url(url: str) -> str:
    """The same server, database ``postgres`` (always there)."""
    return urlparse(url)._replace(path="/postgres").geturl()


def ping() -> None:
    with psycopg.connect(server_url(URL), connect_timeout=3):
        pass


def create() -> None:
    name = urlparse(URL).path.lstrip("/")
    with psycopg.connect(server_url(URL), autocommit=True, connect_timeout=3) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def pgserver() -> None:
    import pgserver as pg

    data = Path(__file__).resolve().parent.parent / "var" / "pgdata"
    data.mkdir(parents=True, exist_ok=True)
    server = pg.get_server(data, cleanup_mode=None)
    print(server.get_uri().replace("postgresql://", "postgres://", 1).rsplit("/", 1)[0] + "/baokan")


if __name__ == "__main__":
    {"ping": ping, "create": create, "pgserver": pgserver}[sys.argv[1]]()
