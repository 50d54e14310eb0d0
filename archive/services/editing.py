"""Editors' changes: corrections lock the fields they touch; link decisions are final.

Reassembly reads ``Article.locked_fields`` and ``Continuation.method/status`` and never
overrides them, so an editor's work survives every re-run. Both take the issue's row lock
(``services.reassemble.issue_lock``) first, so an editor's save and a reassembly of the same
issue run one after the other, each reading what the other committed.
"""
from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from archive.labels import field_names
from archive.link_review import jump_candidates, pair
from archive.models import Article, Continuation, Fragment
from archive.services.pending import indexing_request, reassembly_request
from archive.services.reassemble import issue_lock

# Fields whose locks an editor may release: the editable ones, plus what other screens lock.
LOCKABLE_FIELDS = (*Article.EDITABLE_FIELDS, "contributors", "needs_review", "review_reason")


def conflict_message(fields) -> str:
    return (f"你打开本页之后，{field_names(fields)}已被修改（重新拼接或其他编辑），与你的修改冲突，"
            "这些修改没有保存。请在新窗口重新打开本页核对，再保存。")


class EditConflict(ValidationError):
    """The article changed (reassembly or another editor) after the editor opened it."""


def normalise_value(value):
    """A submitted value as it is stored: browsers send text with CRLF (or CR) line ends."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def really_changed(stored, submitted) -> bool:
    """Whether a submitted value differs from the stored one once line ends are normalised."""
    return normalise_value(submitted) != normalise_value(stored)


def _digest(value) -> str:
    text = json.dumps(normalise_value(value), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def article_version(article: Article) -> str:
    """What an edit form remembers of the article it showed: a digest of each editable field."""
    return json.dumps({name: _digest(getattr(article, name)) for name in Article.EDITABLE_FIELDS})


def _seen(version: str | None) -> dict | None:
    try:
        seen = json.loads(version) if version else None
    except ValueError:
        return None
    return seen if isinstance(seen, dict) else None


def edit_plan(*, article: Article, changes: dict, seen_version: str | None = None) -> tuple[list[str], list[str]]:
    """``(fields to write, fields in conflict)`` for an editor's submitted values.

    Without ``seen_version`` a field is written when it differs from the stored value. With it
    (``article_version`` of the article as the form showed it), a field is written only when
    the editor changed it from what the form showed; if the stored value has changed since as
    well (reassembly, another editor) and differs from the editor's, it is a conflict. So a
    stale form never writes back a field the editor did not touch.
    """
    seen = _seen(seen_version)
    write, conflicts = [], []
    for name, value in changes.items():
        stored = getattr(article, name)
        if not really_changed(stored, value):
            continue
        if seen is None or name not in seen:
            write.append(name)
        elif _digest(value) != seen[name]:
            (conflicts if _digest(stored) != seen[name] else write).append(name)
    return write, conflicts


def _locked_article(pk: int) -> Article:
    """The article, read fresh under its issue's row lock (the lock reassembly takes)."""
    issue_lock(Article.objects.filter(pk=pk).values_list("issue_id", flat=True).get())
    return Article.objects.select_for_update().get(pk=pk)


@transaction.atomic
def article_edit(*, article: Article, changes: dict, locks=(), seen_version: str | None = None) -> list[str]:
    """Apply an editor's corrections: only fields whose value really changed are written and
    locked (plus ``locks``). Returns the names of the fields written.

    Runs under the issue's row lock, so it waits for a reassembly of the issue in progress and
    then compares with what that wrote (see ``edit_plan``); on a conflict nothing is written
    and EditConflict names the fields.
    """
    unknown = set(changes) - set(Article.EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    fresh = _locked_article(article.pk)
    changed, conflicts = edit_plan(article=fresh, changes=changes, seen_version=seen_version)
    if conflicts:
        raise EditConflict(conflict_message(conflicts))
    new_locks = set(changed) | set(locks)
    if not changed and new_locks <= set(fresh.locked_fields):
        _copy(fresh, article)
        return []
    for name in changed:
        setattr(fresh, name, normalise_value(changes[name]))
    fresh.locked_fields = sorted(set(fresh.locked_fields) | new_locks)
    fresh.save(update_fields=[*changed, "locked_fields", "updated_at"])
    _copy(fresh, article)
    indexing_request([article.pk])
    return changed


def _copy(source: Article, target: Article) -> None:
    """Leave the caller's instance as stored (the admin redirects from it, history reads it)."""
    if source is not target:
        for field in Article._meta.concrete_fields:
            setattr(target, field.attname, getattr(source, field.attname))


@transaction.atomic
def article_release(*, article: Article, fields) -> list[str]:
    """Release the editor's locks on ``fields``: reassembly sets them from the parse again."""
    fresh = _locked_article(article.pk)
    released = [name for name in fields if name in fresh.locked_fields]
    if released:
        fresh.locked_fields = [name for name in fresh.locked_fields if name not in released]
        fresh.save(update_fields=["locked_fields", "updated_at"])
        reassembly_request([fresh.issue_id])
    _copy(fresh, article)
    return released


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


@transaction.atomic
def jump_link(*, fragment: Fragment, candidate: Fragment) -> Continuation:
    """The editor's choice on the link review screen: ``fragment``'s jump and ``candidate`` are
    the two halves, ``candidate`` being one of ``jump_candidates(fragment)`` (the jump lines'
    counterparts on the page the jump names, in the same issue)."""
    if not jump_candidates(fragment).filter(pk=candidate.pk).exists():
        raise ValidationError(f"第{candidate.page.number}版的这一段不是本期这一跳转的另一半候选，不能接在这里。")
    head, tail = pair(fragment, candidate)
    return continuation_create(from_fragment=head, to_fragment=tail)


@transaction.atomic
def jump_mark_missing(*, fragment: Fragment) -> int:
    """The other half of ``fragment``'s jump is not in the archive: every candidate is rejected
    for it, so reassembly leaves the jump dangling, and its article leaves the review queue
    (marked reviewed). Returns how many candidates were rejected."""
    rejected = 0
    for candidate in jump_candidates(fragment):
        head, tail = pair(fragment, candidate)
        Continuation.objects.update_or_create(
            from_fragment=head, to_fragment=tail,
            defaults={"status": Continuation.Status.REJECTED, "method": Continuation.Method.EDITOR,
                      "needs_review": False},
        )
        rejected += 1
    if fragment.article_id:
        article_mark_reviewed(article=Article.objects.get(pk=fragment.article_id))
    reassembly_request([fragment.page.issue_id])
    return rejected


@transaction.atomic
def page_mark_reviewed(*, page) -> None:
    """The editor accepts the page's guessed metadata: its review flags are cleared."""
    page.review_reasons = []
    page.needs_review = False
    page.save(update_fields=["review_reasons", "needs_review"])
