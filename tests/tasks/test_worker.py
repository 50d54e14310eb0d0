"""A real Celery worker over Redis: ingest queues reassembly, the worker runs it, and a worker
killed in the middle of a task leaves the same result once the task is delivered again."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import redis
from django.conf import settings
from django.db import connection

from archive.models import Article, Continuation, Issue

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
# BAOKAN_TEST_BROKER lets two checkouts run their worker tests at once without sharing a queue.
BROKER = os.environ.get("BAOKAN_TEST_BROKER", "redis://127.0.0.1:6379/14")
# A killed worker's task comes back after this many seconds (Redis visibility timeout).
VISIBILITY = 4


@pytest.fixture
def worker_env():
    try:
        redis.Redis.from_url(BROKER).flushdb()
    except redis.ConnectionError as exc:
        pytest.fail(f"Redis must answer on 127.0.0.1:6379 for the worker tests: {exc}")
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": BROKER,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY),
        "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),
    }


def start_worker(env):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "1",
         "--pool", "prefork", "--without-gossip", "--without-mingle", "-l", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def stop(worker, sig=signal.SIGTERM):
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=60)


def manage(env, *args, timeout=180):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, timeout=timeout,
                          capture_output=True, text=True)


def wait_until(predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def result_state():
    return (
        sorted(Article.objects.values_list("headline", "pages", "body", "continuation_status")),
        sorted(Continuation.objects.values_list("from_fragment__order", "to_fragment__order")),
    )


def test_ingest_queues_reassembly_on_a_real_worker(jump_issue, worker_env):
    """With a broker, `ingest --sync` returns once the worker has built the articles."""
    worker = start_worker(worker_env)
    try:
        done = manage(worker_env, "ingest", str(jump_issue), "--sync")
        assert done.returncode == 0, done.stderr
        assert "pages: 2 new" in done.stdout
        articles = {a.headline: a for a in Article.objects.all()}
        assert articles["太原推进汾河生态修复治理工程"].pages == [1, 3]
        assert articles["我市召开产业工人队伍建设改革会议"].continuation_status == "linked"
        assert Continuation.objects.count() == 2
    finally:
        stop(worker)


def test_a_worker_killed_mid_task_leaves_the_same_result(jump_issue, worker_env):
    """SIGKILL during reassembly: the task is delivered again and the result has no duplicates."""
    manage({**worker_env, "CELERY_BROKER_URL": ""}, "ingest", str(jump_issue))  # in-process run
    expected = result_state()
    Article.objects.all().delete()
    Continuation.objects.all().delete()
    issue_id = Issue.objects.get().pk

    db = connection.settings_dict
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": db["NAME"]}
    # The observer runs each query in its own transaction: inside one, PostgreSQL would show
    # the same snapshot of pg_stat_activity every time.
    with psycopg.connect(**params) as blocker, psycopg.connect(**params, autocommit=True) as observer:
        # Hold the issue's fragments so the worker's task stops in the middle, inside its
        # transaction, when it moves them into their articles (the command itself must still
        # be able to mark the issue owed a reassembly).
        blocker.execute(
            "SELECT 1 FROM archive_fragment f JOIN archive_page p ON p.id = f.page_id WHERE p.issue_id = %s "
            "FOR UPDATE OF f", (issue_id,)
        )
        worker = start_worker(worker_env)
        try:
            queued = manage(worker_env, "reassemble", "--all")
            assert queued.returncode == 0, queued.stderr
            assert wait_until(lambda: _waiting_on_lock(observer)), "the worker never started the task"
            stop(worker, signal.SIGKILL)
        finally:
            stop(worker, signal.SIGKILL)
        blocker.rollback()

    assert Article.objects.count() == 0  # the killed task wrote nothing
    time.sleep(VISIBILITY + 1)
    second = start_worker(worker_env)
    try:
        assert wait_until(lambda: Article.objects.count() == 3), "the task was not delivered again"
        time.sleep(1)
        assert result_state() == expected
    finally:
        stop(second)


def _waiting_on_lock(conn) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
    ).fetchone()
    return row[0] > 0
