"""Private, throw-away servers for tests that cause faults: a PostgreSQL cluster (initdb under a
temporary folder, pg_ctl on a free port) and a redis-server, each stopped and started at will.
The shared servers on the usual ports are never touched."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout=60.0, step=0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def manage(env, *args, timeout=300, background=False):
    """``manage.py`` in a subprocess: its CompletedProcess, or with ``background`` the running Popen."""
    command = [sys.executable, "manage.py", *args]
    if background:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
    return subprocess.run(command, cwd=ROOT, env=env, timeout=timeout, capture_output=True, text=True)


def base_env(**extra) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.test", "CELERY_BROKER_URL": "", "LOG_LEVEL": "ERROR"})
    env.update(extra)
    return env


class PrivateRedis:
    """A redis-server on a free port, without persistence (a restart loses its queue)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not installed (scripts/setup.sh installs it)")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        assert wait_until(self.answers, 20), "the private redis-server did not start"

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    if shutil.which(name):
        return shutil.which(name)
    pytest.fail(f"PostgreSQL's {name} is not installed (scripts/setup.sh installs Debian's postgresql)")


class PrivateCluster:
    """A PostgreSQL cluster of its own, trusting local TCP connections, on a free port.

    PostgreSQL refuses to run as root: as root the cluster belongs to the ``postgres`` user."""

    def __init__(self):
        # Not under pytest's tmp_path: that is private to root, and the server runs as postgres.
        self.folder = Path(tempfile.mkdtemp(prefix="baokan-pg-"))
        self.data = self.folder / "pgdata"
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/baokan"

    def _run(self, *command, check=True):
        if self.user:
            command = ("runuser", "-u", self.user, "--", *command)
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def create(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.user:
            try:
                pwd.getpwnam(self.user)
            except KeyError:
                pytest.fail("running as root needs the 'postgres' user (Debian's postgresql package makes it)")
            shutil.chown(self.folder, self.user)
        self._run(_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8")
        self.start()
        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE baokan")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")

    def stop(self) -> None:
        """A fast shutdown: every connection is cut, as in a crash or an upgrade."""
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def destroy(self) -> None:
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
