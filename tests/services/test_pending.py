"""Pending work is durable: ingest marks it with the pages, the sweep sends it, work clears it,
and ``manage.py status`` shows it (tasks run in-process here: no broker)."""
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from archive.models import Article, Fragment, Issue, Page, PendingIndex, WorkError
from archive.services.corrections import page_correct
from archive.services.editing import article_edit, articles_delete
from archive.services.reparse import page_reparse_now
from archive.services.restructure import fragment_detach
from archive.services.ingest import ingest_paths
from archive.services.pending import pending_send
from archive.tasks import reassemble_issues_task
from tests.admin.conftest import RIVER, UNITY

pytestmark = pytest.mark.django_db


def status_lines(run) -> str:
    out = io.StringIO()
    run(call_command, "status", stdout=out)
    return out.getvalue()


def test_ingest_marks_its_issues_due_and_the_sweep_builds_them(jump_issue, run):
    """Pages stored without sending anything leave their issue due; one sweep makes the
    articles, indexes them, and clears every mark."""
    ingest_paths([jump_issue])
    issue = Issue.objects.get()
    assert issue.reassembly_due is not None and not Article.objects.exists()
    sent = run(pending_send)
    assert sent.issues == 1 and not sent.broker_error
    issue.refresh_from_db()
    assert issue.reassembly_due is None and issue.reassembly_sent is None
    assert Article.objects.count() == 3 and not Fragment.objects.filter(article__isnull=True).exists()
    assert not PendingIndex.objects.exists()


def test_ingest_of_unchanged_files_sends_what_is_still_pending(jump_issue, ingest_command):
    """The failure of the issue report: pages stored, articles never made; ingesting the same
    files again reports them unchanged and makes the articles."""
    ingest_paths([jump_issue])
    status, out, _ = ingest_command(jump_issue)
    assert status == 0 and out.strip() == "pages: 0 new, 2 unchanged, 0 updated, 0 rejected"
    assert Article.objects.count() == 3 and not Issue.objects.filter(reassembly_due__isnull=False).exists()


def test_reassemble_without_options_sends_only_the_pending_work(jump_issue, run):
    ingest_paths([jump_issue])
    out = io.StringIO()
    run(call_command, "reassemble", stdout=out)
    assert out.getvalue().startswith("issues queued for reassembly: 1 (0 named)")
    assert Article.objects.count() == 3


def test_work_sent_lately_is_not_sent_again_until_it_is_stale(jump_issue, run, settings):
    """A sweep takes work sent less than WORK_RESEND_AFTER ago to be queued still."""
    ingest_paths([jump_issue])
    Issue.objects.update(reassembly_sent=timezone.now())
    assert run(pending_send).issues == 0 and not Article.objects.exists()
    Issue.objects.update(reassembly_sent=timezone.now() - timedelta(seconds=settings.WORK_RESEND_AFTER + 1))
    assert run(pending_send).issues == 1 and Article.objects.count() == 3


def test_an_editors_change_is_owed_to_the_index_until_indexed(jump_issue, ingest_command, run):
    """The edit's transaction records the index update; it is cleared only once indexed."""
    ingest_command(jump_issue)
    article = Article.objects.order_by("pk").first()
    article_edit(article=article, changes={"headline": "改过的标题"})  # on-commit hooks not run
    assert list(PendingIndex.objects.values_list("article_id", flat=True)) == [article.pk]
    assert "articles pending indexing: 1" in status_lines(run)
    run(pending_send)
    assert not PendingIndex.objects.exists()


def test_an_editors_page_move_is_owed_until_the_workers_have_done_it(jump_issue, ingest_command, run):
    """Page 3 moved to the next day: the correction's own transaction marks both issues due and
    the moved article owed to the index, so nothing is lost if sending it fails; a sweep does it."""
    ingest_command(jump_issue)
    unity = Article.objects.get(headline=UNITY)
    page_correct(page=Page.objects.get(number=3), date=date(2022, 6, 4))  # on-commit hooks not run
    assert Issue.objects.filter(reassembly_due__isnull=False).count() == 2
    assert unity.pk in set(PendingIndex.objects.values_list("article_id", flat=True))
    assert Article.objects.get(headline=RIVER).pages == [1, 3]  # not reassembled yet
    assert run(pending_send).issues == 2
    assert Article.objects.get(headline=RIVER).pages == [1]
    assert not Issue.objects.filter(reassembly_due__isnull=False).exists() and not PendingIndex.objects.exists()


@pytest.mark.parametrize("change", [
    lambda: fragment_detach(fragment=Article.objects.get(headline=RIVER).fragments.get(position=1)),
    lambda: page_reparse_now(page=Page.objects.get(number=3)),
])
def test_an_editors_restructuring_marks_its_issue_due(change, jump_issue, ingest_command, run):
    """Detaching a fragment and re-parsing a page mark the issue due in their own transaction."""
    ingest_command(jump_issue)
    change()  # on-commit hooks not run
    assert Issue.objects.get().reassembly_due is not None
    run(pending_send)
    assert Issue.objects.get().reassembly_due is None


def test_deleted_articles_are_owed_to_the_index(jump_issue, ingest_command, run):
    """A deletion records its index removal, cleared once the index has dropped the article."""
    ingest_command(jump_issue)
    article = Article.objects.get(headline=UNITY)
    articles_delete(ids=[article.pk])  # on-commit hooks not run
    assert list(PendingIndex.objects.values_list("article_id", flat=True)) == [article.pk]
    run(pending_send)
    assert not PendingIndex.objects.exists()


def test_status_shows_pages_pending_work_and_the_last_error(jump_issue, run):
    """A task that fails leaves a WorkError row, which status lists with what is pending."""
    ingest_paths([jump_issue])
    with pytest.raises(ValueError):
        reassemble_issues_task.apply(args=[["not an id"]]).get()
    [error] = WorkError.objects.all()
    assert error.work == "archive.tasks.reassemble_issues_task" and "ValueError" in error.message
    text = status_lines(run)
    assert "pages: 2 in 1 issues; articles: 0" in text
    assert "issues pending reassembly: 1" in text
    assert "workers: no broker configured" in text
    assert "archive.tasks.reassemble_issues_task" in text and "ValueError" in text


@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_while_the_work_runs_in_process_is_waited_out(jump_issue, settings):
    """No broker: ingest reassembles in its own process. The server drops that connection (as
    a restart does: pg_terminate_backend) as the first reassembly starts; the command waits it
    out, undoes the claim, runs the work again and makes every article, exit 0."""
    import psycopg
    from celery.signals import task_prerun
    from django.db import connection

    settings.INGEST_DB_RETRY_SECONDS = 30
    dropped = []

    def drop_connection(sender=None, **kwargs):
        if getattr(sender, "name", None) == reassemble_issues_task.name and not dropped:
            connection.ensure_connection()
            pid = connection.connection.info.backend_pid
            with psycopg.connect(**connection.get_connection_params(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
            dropped.append(pid)

    task_prerun.connect(drop_connection)
    try:
        out, err = io.StringIO(), io.StringIO()
        call_command("ingest", str(jump_issue), stdout=out, stderr=err)
    finally:
        task_prerun.disconnect(drop_connection)
    assert dropped, "the reassembly never started"
    assert "database connection lost" in err.getvalue()
    assert Article.objects.count() == 3
    assert not Issue.objects.filter(reassembly_due__isnull=False).exists() and not PendingIndex.objects.exists()
