"""Two runs at once, in two processes, end as one run would: no error, no duplicate, honest counts."""
import re

import psycopg
import pytest
from django.db import connection

from archive.models import Article, Continuation, Issue
from tests.reliability.conftest import page_files, state_of
from tests.reliability.servers import manage, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SUMMARY = re.compile(r"pages: (\d+) new, (\d+) unchanged, (\d+) updated, (\d+) rejected")


def counts(stdout: str) -> tuple[int, ...]:
    match = SUMMARY.search(stdout)
    assert match, stdout
    return tuple(int(n) for n in match.groups())


def run_together(env, *argv_lists):
    processes = [manage(env, *argv, background=True) for argv in argv_lists]
    return [(p.wait(timeout=600), *p.communicate()) for p in processes]


def test_two_ingests_of_one_folder_at_once_end_as_one(generated_pages, test_db_env):
    """Both exit 0, nothing rejected, each page counted new by exactly one run, and the rows
    are those of a single run (pages, fragments, articles, links, article history)."""
    files = page_files(generated_pages)
    results = run_together(test_db_env, ["ingest", str(generated_pages)], ["ingest", str(generated_pages)])
    for status, out, err in results:
        assert status == 0, err
        assert "rejected" not in err and "Error" not in err, err
    (new_a, same_a, upd_a, rej_a), (new_b, same_b, upd_b, rej_b) = (counts(out) for _, out, _ in results)
    assert (new_a + new_b, same_a + same_b, upd_a + upd_b, rej_a + rej_b) == (files, files, 0, 0)
    together = state_of(test_db_env)
    assert together["pending"] == {"issues_due": 0, "fragments_without_article": 0, "index_pending": 0}

    Article.objects.all().delete()
    from archive.models import Newspaper

    Newspaper.objects.all().delete()
    alone = manage(test_db_env, "ingest", str(generated_pages))
    assert alone.returncode == 0 and counts(alone.stdout) == (files, 0, 0, 0)
    once = state_of(test_db_env)
    # History: the concurrent runs' rows plus one deletion per article, then one run's rows.
    articles = len(once["state"]["articles"])
    assert once["state"]["article_history"] - together["state"]["article_history"] == 2 * articles
    for key in ("pages", "fragments", "articles", "links"):
        assert together["state"][key] == once["state"][key], key


def test_two_reassemblies_of_one_issue_at_once_end_as_one(generated_pages, test_db_env):
    """Articles deleted, then `reassemble --all` twice at once: both exit 0, the articles and
    links are those of the first assembly, and each article was created once (its history)."""
    assert manage(test_db_env, "ingest", str(generated_pages)).returncode == 0
    expected = state_of(test_db_env)["state"]
    Article.objects.all().delete()
    Continuation.objects.all().delete()
    history_before = Article.history.count()

    results = run_together(test_db_env, ["reassemble", "--all"], ["reassemble", "--all"])
    for status, out, err in results:
        assert status == 0, err
        assert "Error" not in err, err
    after = state_of(test_db_env)
    assert after["pending"] == {"issues_due": 0, "fragments_without_article": 0, "index_pending": 0}
    for key in ("articles", "links"):
        assert after["state"][key] == expected[key], key
    assert after["state"]["article_history"] - history_before == len(expected["articles"])


REASSEMBLE_EVERY_ISSUE = (
    "from archive.models import Issue; from archive.services.reassemble import reassemble_issue; "
    "[reassemble_issue(pk) for pk in Issue.objects.order_by('pk').values_list('pk', flat=True)]"
)


def test_two_reassemblies_lined_up_on_each_issue_end_as_one(generated_pages, test_db_env):
    """Two processes call the reassembly service on every issue, both started while the
    issues are held, so both are waiting on the first issue when it is let go: they race on
    every issue, and still end with one article per chain, each created once."""
    assert manage(test_db_env, "ingest", str(generated_pages)).returncode == 0
    expected = state_of(test_db_env)["state"]
    Article.objects.all().delete()
    Continuation.objects.all().delete()
    history_before = Article.history.count()

    db = connection.settings_dict
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": db["NAME"]}
    with psycopg.connect(**params) as blocker, psycopg.connect(**params, autocommit=True) as observer:
        blocker.execute("SELECT 1 FROM archive_issue WHERE id = %s FOR UPDATE", (Issue.objects.order_by("pk")[0].pk,))
        processes = [manage(test_db_env, "shell", "-c", REASSEMBLE_EVERY_ISSUE, background=True) for _ in range(2)]
        assert wait_until(lambda: _waiting_on_locks(observer) == 2, timeout=120), "the two runs never lined up"
        blocker.rollback()
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    after = state_of(test_db_env)
    for key in ("articles", "links"):
        assert after["state"][key] == expected[key], key
    assert after["state"]["article_history"] - history_before == len(expected["articles"])


def _waiting_on_locks(conn) -> int:
    return conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
    ).fetchone()[0]
