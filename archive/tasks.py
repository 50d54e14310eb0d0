"""Celery tasks: thin, idempotent, retried on transient errors; each calls one service.

Queued with ``transaction.on_commit`` (see ``queue_*``), so a worker never looks for rows that
are not committed yet. ``acks_late`` + ``reject_on_worker_lost``: a task whose worker dies is
delivered again, which is safe because every service here can run twice.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction
from kombu.exceptions import OperationalError as BrokerError

from archive.services import reassemble

# Issues per reassembly task: enough to share one search-index commit (the costly part of
# indexing), few enough that a redelivered task redoes little.
REASSEMBLY_BATCH = 20
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
def reassemble_issues_task(issue_ids: list[int]) -> dict:
    """Rebuild the articles of these issues (each in its own transaction), then queue one
    indexing task for everything that changed: one index commit per batch, not per issue."""
    touched, deleted, links = [], [], 0
    for issue_id in issue_ids:
        report = reassemble.reassemble_issue(issue_id)
        if report is None:
            continue
        touched += report.created + report.updated
        deleted += report.deleted
        links += report.links
    # The services' transactions have committed: queue the index updates directly.
    followers = []
    if touched:
        followers.append(index_articles_task.delay(sorted(set(touched))).id)
    if deleted:
        followers.append(unindex_articles_task.delay(sorted(set(deleted))).id)
    return {"issues": len(issue_ids), "links": links, "touched": len(touched), "deleted": len(deleted),
            "followers": followers}


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
    """Queue reassembly in batches after the current transaction commits; returns the async
    results (filled once the transaction has committed, i.e. at once outside a transaction)."""
    ids = list(issue_ids)
    results = []
    for start in range(0, len(ids), REASSEMBLY_BATCH):
        batch = ids[start:start + REASSEMBLY_BATCH]
        transaction.on_commit(lambda batch=batch: results.append(reassemble_issues_task.delay(batch)))
    return results


def queue_index(article_ids) -> None:
    ids = sorted(set(article_ids))
    transaction.on_commit(lambda: index_articles_task.delay(ids))


def queue_unindex(article_ids) -> None:
    ids = sorted(set(article_ids))
    transaction.on_commit(lambda: unindex_articles_task.delay(ids))
