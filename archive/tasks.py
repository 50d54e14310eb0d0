"""Celery tasks: thin, idempotent, retried on transient errors; each calls one service.

Queued with ``transaction.on_commit`` (see ``queue_*``), so a worker never looks for rows that
are not committed yet. ``acks_late`` + ``reject_on_worker_lost``: a task whose worker dies is
delivered again, which is safe because every service here can run twice.
"""
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction
from kombu.exceptions import OperationalError as BrokerError

from archive.services import reassemble

logger = logging.getLogger(__name__)

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


@shared_task(**RETRY)
def reassemble_issue_task(issue_id: int) -> dict | None:
    """Rebuild an issue's articles, then queue indexing of what changed."""
    report = reassemble.reassemble_issue(issue_id)
    if report is None:
        return None
    # The service's transaction has committed: queue the index updates directly.
    followers = []
    touched = report.created + report.updated
    if touched:
        followers.append(index_articles_task.delay(sorted(touched)).id)
    if report.deleted:
        followers.append(unindex_articles_task.delay(sorted(report.deleted)).id)
    return {"issue": issue_id, "links": report.links, "created": len(report.created),
            "updated": len(report.updated), "deleted": len(report.deleted), "followers": followers}


@shared_task(**RETRY)
def index_articles_task(article_ids: list[int]) -> int:
    """(Re)index these articles in search; ids of deleted articles are removed."""
    from archive.search.indexing import index_articles

    return index_articles(article_ids)


@shared_task(**RETRY)
def unindex_articles_task(article_ids: list[int]) -> int:
    from archive.search.indexing import remove_articles

    return remove_articles(article_ids)


def queue_reassembly(issue_ids) -> list:
    """Queue reassembly after the current transaction commits; returns the async results
    (filled once the transaction has committed, i.e. at once outside a transaction)."""
    results = []
    for issue_id in issue_ids:
        transaction.on_commit(lambda issue_id=issue_id: results.append(reassemble_issue_task.delay(issue_id)))
    return results


def queue_index(article_ids) -> None:
    ids = sorted(set(article_ids))
    transaction.on_commit(lambda: index_articles_task.delay(ids))


def queue_unindex(article_ids) -> None:
    ids = sorted(set(article_ids))
    transaction.on_commit(lambda: unindex_articles_task.delay(ids))
