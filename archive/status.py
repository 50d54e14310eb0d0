"""What ``manage.py status`` reports: what the archive holds, the work still owed by the workers,
the last errors of that work, and whether workers answer."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Min

from archive.models import Article, Issue, Page, PendingIndex, WorkError
from archive.services.pending import broker_check, indexing_due

LAST_ERRORS = 5
PING_SECONDS = 2.0


@dataclass
class WorkStatus:
    pages: int
    issues: int
    articles: int
    reassembly_due: int
    reassembly_due_since: datetime | None
    index_due: int
    index_due_since: datetime | None
    errors: list[WorkError] = field(default_factory=list)
    broker: str = ""              # the broker URL, "" when tasks run in-process
    workers: list[str] = field(default_factory=list)
    broker_error: str = ""
    search_index: str = ""        # how many documents the search index holds, or why it cannot be read


def work_status(*, ping_seconds: float = PING_SECONDS) -> WorkStatus:
    due = Issue.objects.filter(reassembly_due__isnull=False).aggregate(count=Count("pk"), since=Min("reassembly_due"))
    status = WorkStatus(
        pages=Page.objects.count(),
        issues=Issue.objects.count(),
        articles=Article.objects.count(),
        reassembly_due=due["count"],
        reassembly_due_since=due["since"],
        index_due=indexing_due(),
        index_due_since=PendingIndex.objects.aggregate(since=Min("created"))["since"],
        errors=list(WorkError.objects.all()[:LAST_ERRORS]),
        broker=settings.CELERY_BROKER_URL,
    )
    if status.broker:
        status.workers, status.broker_error = _ping_workers(ping_seconds)
    status.search_index = _search_index()
    return status


def _search_index() -> str:
    from xapian_backend import InvalidIndexError

    from archive.search.backend import archive_backend

    backend = archive_backend()
    if backend is None:
        return "not the archive's engine (HAYSTACK_CONNECTIONS)"
    try:
        return f"{backend.open().get_doccount()} articles"
    except InvalidIndexError as exc:   # not built yet, or built in another layout (StaleIndexError)
        return str(exc)


def _ping_workers(seconds: float) -> tuple[list[str], str]:
    """Names of the workers that answered a ping, or the broker's error."""
    from kombu.exceptions import OperationalError as BrokerError

    from config.celery import app

    try:
        with app.connection_for_write() as conn:
            broker_check(app, conn)
            replies = app.control.ping(timeout=seconds, connection=conn)
    except (BrokerError, OSError) as exc:
        return [], f"{type(exc).__name__}: {exc}"
    return sorted(name for reply in replies for name in reply), ""
