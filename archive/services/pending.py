"""Work owed by the workers, recorded in the database, and sending it to them.

Ingest and editors' link decisions set ``Issue.reassembly_due`` in the transaction that changes
an issue; reassembly and editing add a ``PendingIndex`` row in the transaction that changes an
article. Each is cleared in the transaction that does the work. So a message lost with the
broker, a broker that cannot be reached, or a worker that died loses nothing: the work is still
marked, and ``pending_send`` (at the end of ``ingest`` and ``reassemble``, and every
``WORK_SWEEP_SECONDS`` from the Celery beat task) sends it again.

Work sent less than ``WORK_RESEND_AFTER`` seconds ago is taken to be in the queue still and is
not sent twice; work whose sending failed is unmarked at once, so the next sweep sends it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from celery.exceptions import Retry
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, Now
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from archive.models import Issue, PendingIndex, WorkError
from archive.services.database import DATABASE_LOST, with_database

logger = logging.getLogger(__name__)

# Issues per reassembly task: enough to share one search-index commit (the costly part of
# indexing), few enough that a redelivered task redoes little.
REASSEMBLY_BATCH = 20
INDEX_BATCH = 500
# Celery's Redis result backend raises RuntimeError ("Retry limit exceeded while trying to
# reconnect to the Celery result store backend") when it cannot subscribe to a task's result.
SEND_ERRORS = (BrokerError, RuntimeError, ConnectionError, OSError)


@dataclass
class Sent:
    """What one ``pending_send`` handed to the workers (or ran in-process, with no broker)."""

    issues: int = 0
    articles: int = 0
    results: list = field(default_factory=list)
    broker_error: str = ""  # set when the broker could not be reached: the work stays pending


def reassembly_owed(issue_ids) -> None:
    """Mark these issues as owed a reassembly, in the caller's transaction (the row update also
    locks each issue until it commits, so reassembly never runs beside a half-written page)."""
    ids = sorted(set(issue_ids))
    if len(ids) > 1:
        # Locked in id order first: two callers marking many issues at once never deadlock.
        # (One issue's row is locked by the update itself: ingest marks one a page.)
        list(Issue.objects.filter(pk__in=ids).order_by("pk").select_for_update().values_list("pk", flat=True))
    if ids:
        Issue.objects.filter(pk__in=ids).update(reassembly_due=Coalesce("reassembly_due", Now()), reassembly_sent=None)


def indexing_owed(article_ids) -> None:
    """Mark these articles' search entries stale, in the caller's transaction."""
    ids = sorted(set(article_ids))
    PendingIndex.objects.bulk_create([PendingIndex(article_id=pk) for pk in ids])


def reassembly_request(issue_ids) -> None:
    """Mark these issues owed a reassembly and send it once the caller's transaction commits."""
    reassembly_owed(issue_ids)
    reassembly_send_on_commit(issue_ids)


def reassembly_send_on_commit(issue_ids) -> None:
    """Send the reassembly these issues are owed (marked in this transaction) once it commits."""
    ids = sorted(set(issue_ids))
    transaction.on_commit(lambda: pending_send(issues=ids, articles=[]))


def indexing_due() -> int:
    """How many articles are owed an index update (each once, however often it was marked)."""
    return PendingIndex.objects.values("article_id").distinct().count()


def indexing_request(article_ids) -> None:
    """Mark these articles owed an index update and send it once the caller's transaction commits."""
    ids = sorted(set(article_ids))
    indexing_owed(ids)
    transaction.on_commit(lambda: pending_send(issues=[], articles=ids))


def pending_send(*, issues=None, articles=None) -> Sent:
    """Send the reassembly of every issue still due and the indexing of every article still
    pending (or, given ``issues``/``articles``, of those among them), skipping work sent less
    than ``WORK_RESEND_AFTER`` seconds ago. Never raises for an unreachable broker: the work
    stays marked and ``Sent.broker_error`` says why."""
    from archive import tasks  # the tasks call this module's services

    sent = Sent()
    issue_ids = _claim(Issue.objects.filter(reassembly_due__isnull=False), issues, "reassembly_sent")
    article_ids = sorted(set(_claim(PendingIndex.objects.all(), articles, "sent", key="article_id")))
    if not (issue_ids or article_ids):
        return sent
    batches = [(tasks.reassemble_issues_task, issue_ids[i:i + REASSEMBLY_BATCH])
               for i in range(0, len(issue_ids), REASSEMBLY_BATCH)]
    batches += [(tasks.index_articles_task, article_ids[i:i + INDEX_BATCH])
                for i in range(0, len(article_ids), INDEX_BATCH)]
    try:
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            broker_check(tasks.reassemble_issues_task.app)
        for task, batch in batches:
            sent.results.append(task.delay(batch))
            if task is tasks.reassemble_issues_task:
                sent.issues += len(batch)
            else:
                sent.articles += len(batch)
    except SEND_ERRORS as exc:
        sent.broker_error = f"{type(exc).__name__}: {str(exc).strip() or 'no answer'}"
        logger.info("broker unreachable, work left pending: %s", sent.broker_error)
        _unclaim(issue_ids[sent.issues:], article_ids[sent.articles:])
    except BaseException as exc:
        # Run in-process (no broker) and failed: what is left is not in any queue. If the
        # database was lost, the claim is undone once it is back, so the caller's retry (or the
        # next run) finds the work unclaimed rather than waiting out WORK_RESEND_AFTER.
        with_database(_unclaim, issue_ids[sent.issues:], article_ids[sent.articles:], notify=logger.warning)
        # In-process, Celery hands back a task it would retry as Retry: a lost database is
        # raised as itself, for the caller to wait out as any other.
        if isinstance(exc, Retry) and isinstance(exc.exc, DATABASE_LOST):
            raise exc.exc from exc
        raise
    return sent


def _claim(pending, only, sent_field: str, key: str = "pk") -> list[int]:
    """Ids of the pending rows not sent lately (among ``only`` if given), marked sent now.
    Rows locked by a transaction at work on them are left to it (SKIP LOCKED)."""
    if only is not None:
        if not only:
            return []
        pending = pending.filter(**{f"{key}__in": list(only)})
    stale = timezone.now() - timedelta(seconds=settings.WORK_RESEND_AFTER)
    pending = pending.filter(Q(**{f"{sent_field}__isnull": True}) | Q(**{f"{sent_field}__lt": stale}))
    with transaction.atomic():
        # In id order and with no join (Issue's default ordering joins its paper): a lock on
        # the paper's row, which a reassembly holds, must not make every issue look taken.
        rows = list(pending.order_by("pk").select_for_update(skip_locked=True, of=("self",)).values_list("pk", key))
        pending.model.objects.filter(pk__in=[pk for pk, _ in rows]).update(**{sent_field: timezone.now()})
    return [value for _, value in rows]


def _unclaim(issue_ids, article_ids) -> None:
    Issue.objects.filter(pk__in=issue_ids).update(reassembly_sent=None)
    PendingIndex.objects.filter(article_id__in=article_ids).update(sent=None)


def broker_check(app, conn=None) -> None:
    """Raise kombu's OperationalError at once when the broker does not answer (before any task
    is sent, rather than after Celery's own minute of retries)."""
    if conn is None:
        with app.connection_for_write() as conn:
            broker_check(app, conn)
        return
    conn.ensure_connection(max_retries=1, interval_start=0, timeout=settings.BROKER_CHECK_SECONDS)


def articles_index(article_ids) -> int:
    """Bring these articles' search entries up to date (removing deleted articles) and clear
    their pending rows. Only rows that existed before the articles were read are cleared: a
    change committed meanwhile keeps its row for the next run. Returns how many were indexed."""
    from archive.search.indexing import index_articles

    ids = sorted(set(article_ids))
    rows = list(PendingIndex.objects.filter(article_id__in=ids).values_list("pk", flat=True))
    indexed = index_articles(ids)
    PendingIndex.objects.filter(pk__in=rows).delete()
    return indexed


def work_error_record(*, work: str, subject: str, error: BaseException | str) -> None:
    """Keep a failed attempt for ``manage.py status``; never raises (the database may be the
    thing that failed)."""
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    try:
        with transaction.atomic():
            WorkError.objects.create(work=work[:64], subject=subject[:500], message=message)
    except DatabaseError:
        logger.warning("could not record the error of %s %s: %s", work, subject, message)
