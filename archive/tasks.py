"""Celery tasks: thin, idempotent, retried on transient errors; each calls one service.

Sent by ``services.pending`` once the transaction that marked the work has committed, so a
worker never looks for rows that are not committed yet, and the mark outlives a lost message.
``acks_late`` + ``reject_on_worker_lost``: a task whose worker dies is delivered again, which is
safe because every service here can run twice. Every failed attempt is kept for
``manage.py status`` (``WorkError``).
"""

import functools

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from archive.services import pending, reassemble

TRANSIENT = (OperationalError, InterfaceError, BrokerError)
RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
}


def recorded(function):
    """Keep every failed attempt for ``manage.py status``, then let Celery retry or fail it.
    (Celery's failure signals are not sent for tasks run in-process with errors propagated.)"""

    @functools.wraps(function)
    def attempt(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as exc:
            pending.work_error_record(work=f"{function.__module__}.{function.__name__}", subject=str(args), error=exc)
            raise

    return attempt


@shared_task(**RETRY)
@recorded
def reassemble_issues_task(issue_ids: list[int]) -> dict:
    """Rebuild the articles of these issues (each in its own transaction), then send one
    indexing task for everything that changed: one index commit per batch, not per issue."""
    changed, links = [], 0
    for issue_id in issue_ids:
        report = reassemble.reassemble_issue(issue_id)
        if report is None:
            continue
        changed += report.created + report.updated + report.deleted
        links += report.links
    # The reassemblies have committed their PendingIndex rows; if the broker is gone now,
    # they wait for the next sweep.
    sent = pending.pending_send(issues=[], articles=changed)
    return {"issues": len(issue_ids), "links": links, "changed": len(set(changed)),
            "followers": [result.id for result in sent.results]}


@shared_task(**RETRY)
@recorded
def index_articles_task(article_ids: list[int]) -> int:
    """(Re)index these articles in search; ids of deleted articles are removed."""
    return pending.articles_index(article_ids)


@shared_task(**RETRY)
@recorded
def send_pending_work_task() -> dict:
    """The beat's sweep: send whatever work is still marked and not in the queue."""
    sent = pending.pending_send()
    return {"issues": sent.issues, "articles": sent.articles, "broker_error": sent.broker_error}

