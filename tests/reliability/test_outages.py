"""Outages caused for real: a Redis broker that is down or dies during `ingest`, a PostgreSQL
server restarted in the middle of a batch. Each ends with every page stored once and every
article made, without anyone running a command to repair it."""
import os
import signal
import subprocess
import sys
import urllib.request

import psycopg
import pytest

from archive.models import Article
from tests.admin.conftest import RIVER, UNITY
from tests.reliability.conftest import page_files, state_of
from tests.reliability.servers import (
    ROOT, PrivateCluster, PrivateRedis, base_env, free_port, manage, wait_until,
)
from tests.tasks.test_worker_corrections import MOVE_PAGE_3, found_on_next_day

pytestmark = [pytest.mark.slow]
NOTHING_PENDING = {"issues_due": 0, "fragments_without_article": 0, "index_pending": 0}


def count_pages(env) -> int:
    """Pages stored in the database ``env`` points at (-1 while it cannot be read). Asked with
    one query, not a ``manage.py shell`` (a second of start-up): the tests that stop the server
    after some pages must stop it while the batch is still going."""
    try:
        with psycopg.connect(env["DATABASE_URL"], connect_timeout=5) as db:
            return db.execute("SELECT count(*) FROM archive_page").fetchone()[0]
    except psycopg.Error:
        return -1


@pytest.mark.django_db(transaction=True)
def test_broker_unreachable_before_ingest_leaves_the_work_pending(jump_issue, test_db_env):
    """With CELERY_BROKER_URL naming a port nothing listens on: pages stored, one line says the
    work is pending, exit 0; the next ingest (here without a broker) makes the articles."""
    env = {**test_db_env, "CELERY_BROKER_URL": f"redis://127.0.0.1:{free_port()}/0"}
    done = manage(env, "ingest", str(jump_issue), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pages: 2 new, 0 unchanged, 0 updated, 0 rejected"
    [line] = [line for line in done.stderr.splitlines() if line.strip()]
    assert line.startswith("broker unreachable (") and "pending" in line
    status = manage(env, "status", timeout=60).stdout
    assert "issues pending reassembly: 1" in status and "unreachable" in status
    assert state_of(env)["pending"]["fragments_without_article"] > 0

    waited = manage(env, "ingest", str(jump_issue), "--sync", timeout=60)
    assert waited.returncode == 3 and "2 unchanged" in waited.stdout  # --sync cannot wait: status 3

    again = manage(test_db_env, "ingest", str(jump_issue))
    assert again.returncode == 0 and "2 unchanged" in again.stdout
    after = state_of(test_db_env)
    assert after["pending"] == NOTHING_PENDING
    assert len(after["state"]["articles"]) == 3 and len(after["state"]["links"]) == 2


@pytest.mark.django_db(transaction=True)
def test_an_editors_correction_with_the_broker_down_is_done_once_work_is_sent(jump_issue, test_db_env):
    """An editor moves page 3 to the next day while the broker cannot be reached: the correction
    is saved, both issues stay due and the moved articles owed to the index; the next
    `reassemble` (here without a broker) carries it through: links, articles and search."""
    assert manage(test_db_env, "ingest", str(jump_issue)).returncode == 0
    down = {**test_db_env, "CELERY_BROKER_URL": f"redis://127.0.0.1:{free_port()}/0"}
    moved = manage(down, "shell", "-c", MOVE_PAGE_3, timeout=60)
    assert moved.returncode == 0, moved.stderr
    pending = state_of(test_db_env)["pending"]
    assert pending["issues_due"] == 2 and pending["index_pending"] > 0
    assert Article.objects.get(headline=RIVER).pages == [1, 3]  # nothing reassembled yet
    assert "issues pending reassembly: 2" in manage(down, "status", timeout=60).stdout

    sent = manage(test_db_env, "reassemble", timeout=120)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("issues queued for reassembly: 2 (0 named)")
    assert Article.objects.get(headline=RIVER).pages == [1]
    assert UNITY in found_on_next_day("统战")
    assert state_of(test_db_env)["pending"] == NOTHING_PENDING


@pytest.mark.django_db(transaction=True)
def test_redis_killed_during_ingest_then_back_the_beat_makes_every_article(generated_pages, test_db_env, tmp_path):
    """A private Redis is killed while `ingest` stores 85 pages, with a worker and its beat
    running. The ingest stores every page and says the work is pending; once Redis is back the
    beat's sweep sends it and the worker makes every article: the same as a run with no fault."""
    files = page_files(generated_pages)
    assert manage(test_db_env, "ingest", str(generated_pages)).returncode == 0
    expected = state_of(test_db_env)["state"]
    manage(test_db_env, "shell", "-c", "from archive.models import Newspaper; Newspaper.objects.all().delete()")

    redis = PrivateRedis(tmp_path)
    redis.start()
    env = {**test_db_env, "CELERY_BROKER_URL": redis.url, "WORK_SWEEP_SECONDS": "2", "WORK_RESEND_AFTER": "5",
           "CELERY_VISIBILITY_TIMEOUT": "5", "LOG_LEVEL": "WARNING"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-B", "-s", str(tmp_path / "beat-schedule"),
         "--concurrency", "1", "--without-gossip", "--without-mingle", "-l", "warning"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        ingest = manage(env, "ingest", str(generated_pages), background=True)
        assert wait_until(lambda: count_pages(test_db_env) >= 10, timeout=120), "ingest never started"
        redis.kill()
        out, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err
        assert f"pages: {files} new, 0 unchanged, 0 updated, 0 rejected" in out
        assert "broker unreachable" in err and "Traceback" not in err
        during = state_of(test_db_env)
        assert during["state"]["pages"] == expected["pages"]          # every page stored, once
        assert during["pending"]["issues_due"] > 0                    # and the work marked

        redis.start()  # same port, empty: whatever was queued before the kill is lost
        assert wait_until(lambda: state_of(test_db_env)["pending"] == NOTHING_PENDING, timeout=180), \
            f"work still pending: {state_of(test_db_env)['pending']}"
        after = state_of(test_db_env)["state"]
        for key in ("pages", "fragments", "articles", "links"):
            assert after[key] == expected[key], key
        status = manage(env, "status", timeout=60).stdout
        assert "issues pending reassembly: 0" in status and "workers: 1 answered" in status
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=60)
        redis.kill()


@pytest.fixture
def cluster():
    cluster = PrivateCluster()
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()


def test_postgres_restarted_during_ingest_rejects_nothing(generated_pages, cluster, tmp_path):
    """A private PostgreSQL is restarted while `ingest` (a subprocess) stores 85 pages: the
    command says it waits for the database, goes on, rejects no file and exits 0; every page
    and article is there, as in a run with no restart."""
    env = base_env(DATABASE_URL=cluster.url, SEARCH_INDEX_DIR=str(tmp_path / "index"))
    migrated = manage(env, "migrate", "--noinput", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr

    ingest = manage(env, "ingest", str(generated_pages), background=True)
    assert wait_until(lambda: count_pages(env) >= 15, timeout=120), "ingest never started"
    cluster.restart()
    out, err = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, err
    assert "rejected" not in err and "database connection lost" in err
    files = page_files(generated_pages)
    assert out.strip().endswith(f"pages: {files} new, 0 unchanged, 0 updated, 0 rejected")
    after = state_of(env)
    assert after["pending"] == NOTHING_PENDING

    # The same files into a fresh database, with no restart: the same archive.
    reference = base_env(DATABASE_URL=cluster.url.replace("/baokan", "/reference"),
                         SEARCH_INDEX_DIR=str(tmp_path / "index2"))
    manage(env, "shell", "-c", "from django.db import connection; connection.cursor().execute('CREATE DATABASE reference')")
    assert manage(reference, "migrate", "--noinput", "-v", "0").returncode == 0
    assert manage(reference, "ingest", str(generated_pages)).returncode == 0
    expected = state_of(reference)["state"]
    for key in ("pages", "fragments", "articles", "links"):
        assert after["state"][key] == expected[key], key


def test_postgres_down_for_good_stops_the_batch_and_a_rerun_finishes_it(generated_pages, cluster, tmp_path):
    """The server stopped (not restarted) mid-batch: ingest waits INGEST_DB_RETRY_SECONDS, then
    stops with status 2, rejecting nothing and naming the files not tried; once the server is
    back, the same ingest stores the rest and every article is made."""
    env = base_env(DATABASE_URL=cluster.url, SEARCH_INDEX_DIR=str(tmp_path / "index"), INGEST_DB_RETRY_SECONDS="4")
    assert manage(env, "migrate", "--noinput", "-v", "0").returncode == 0
    ingest = manage(env, "ingest", str(generated_pages), background=True)
    assert wait_until(lambda: count_pages(env) >= 15, timeout=120), "ingest never started"
    cluster.stop()
    out, err = ingest.communicate(timeout=300)
    cluster.start()
    assert ingest.returncode == 2, err
    assert "rejected" not in err and "files not tried: run the same ingest again" in err
    stored = count_pages(env)
    files = page_files(generated_pages)
    assert 15 <= stored < files

    rerun = manage(env, "ingest", str(generated_pages))
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"pages: {files - stored} new, {stored} unchanged, 0 updated, 0 rejected"
    after = state_of(env)
    assert after["pending"] == NOTHING_PENDING and len(after["state"]["pages"]) == files


def test_the_site_answers_at_once_after_postgres_restarts(cluster, tmp_path, seeds_dir):
    """A single-threaded server keeps its database connection between requests; after the
    database restarts, the next request still gets 200 (CONN_HEALTH_CHECKS), not a 500."""
    env = base_env(DATABASE_URL=cluster.url, SEARCH_INDEX_DIR=str(tmp_path / "index"))
    assert manage(env, "migrate", "--noinput", "-v", "0").returncode == 0
    assert manage(env, "ingest", str(seeds_dir)).returncode == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/taiyuan-daily/"
    try:
        assert wait_until(lambda: _status(url) == 200, timeout=60), "the server did not answer"
        cluster.restart()
        assert _status(url) == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0
