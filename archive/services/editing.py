"""Editors' changes: corrections lock the fields they touch; link decisions are final.

Reassembly reads ``Article.locked_fields`` and ``Continuation.method/status`` and never
overrides them, so an editor's work survives every re-run.
"""
from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from archive.models import Article, Continuation
from archive.services.pending import indexing_request, reassembly_request


@transaction.atomic
def article_edit(*, article: Article, changes: dict, locks=()) -> Article:
    """Apply an editor's corrections and lock each changed field (plus ``locks``)."""
    unknown = set(changes) - set(Article.EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(article, name, value)
    article.locked_fields = sorted(set(article.locked_fields) | set(changes) | set(locks))
    article.save()
    indexing_request([article.pk])
    return article


@transaction.atomic
def article_mark_reviewed(*, article: Article) -> Article:
    """The editor has checked the article: confirm its links and clear the flag for good."""
    Continuation.objects.filter(
        to_fragment__article=article, status=Continuation.Status.PROPOSED
    ).update(status=Continuation.Status.CONFIRMED, method=Continuation.Method.EDITOR, needs_review=False)
    article.needs_review = False
    article.review_reason = ""
    article.locked_fields = sorted(set(article.locked_fields) | {"needs_review", "review_reason"})
    article.save()
    indexing_request([article.pk])
    return article


@transaction.atomic
def continuation_decide(*, continuation: Continuation, status: str) -> Continuation:
    """Confirm or reject a link; the issue is then reassembled around the decision."""
    if status not in (Continuation.Status.CONFIRMED, Continuation.Status.REJECTED):
        raise ValueError(f"an editor confirms or rejects a link, not {status!r}")
    continuation.status = status
    continuation.method = Continuation.Method.EDITOR
    continuation.needs_review = False
    continuation.save()
    reassembly_request([continuation.from_fragment.page.issue_id])
    return continuation


@transaction.atomic
def continuation_create(*, from_fragment, to_fragment) -> Continuation:
    """An editor links two fragments the matcher did not pair."""
    # Every other link from the head or into the tail is rejected: links are one to one.
    Continuation.objects.filter(Q(from_fragment=from_fragment) | Q(to_fragment=to_fragment)).exclude(
        from_fragment=from_fragment, to_fragment=to_fragment
    ).update(status=Continuation.Status.REJECTED, method=Continuation.Method.EDITOR)
    continuation, _ = Continuation.objects.update_or_create(
        from_fragment=from_fragment,
        to_fragment=to_fragment,
        defaults={"status": Continuation.Status.CONFIRMED, "method": Continuation.Method.EDITOR,
                  "needs_review": False, "confidence": 1.0},
    )
    reassembly_request([from_fragment.page.issue_id])
    return continuation


@transaction.atomic
def articles_delete(*, ids) -> int:
    """Delete articles and take them out of search once the deletion has committed."""
    deleted = list(Article.objects.filter(pk__in=ids).values_list("pk", flat=True))
    Article.objects.filter(pk__in=deleted).delete()
    indexing_request(deleted)
    return len(deleted)
