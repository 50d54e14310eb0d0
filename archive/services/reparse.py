"""An editor re-parses a page with the current parser, keeping the editor's work.

``services.ingest.page_reparse`` replaces the page's blocks and fragments; this keeps the
page's place (number, section, date: untouched there), the articles' locked fields (articles
are found again by their place, services.reassemble) and the editor's link decisions, moved
to the new fragment that covers most of the old one's span.
"""
from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from archive import text as textlayer
from archive.models import Continuation, Fragment, Page
from archive.services.ingest import page_reparse
from archive.services.pending import reassembly_request
from archive.services.reassemble import issue_lock


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@transaction.atomic
def page_reparse_now(*, page: Page) -> int:
    """Parse the page's raw text again with the current parser; returns how many of the
    editor's link decisions were carried over to the new fragments."""
    issue_lock(page.issue_id)
    old = {f.pk: (f.start, f.end) for f in Fragment.objects.filter(page=page).only("pk", "start", "end")}
    decisions = list(
        Continuation.objects.filter(method=Continuation.Method.EDITOR)
        .filter(Q(from_fragment_id__in=old) | Q(to_fragment_id__in=old))
        .values("from_fragment_id", "to_fragment_id", "status", "confidence")
    )
    page_reparse(page_id=page.pk, parsed=textlayer.parse_page(page.raw_text))
    new = {f.pk: (f.start, f.end) for f in Fragment.objects.filter(page=page).only("pk", "start", "end")}

    def remap(fragment_id):
        if fragment_id not in old:
            return fragment_id  # on another page: unchanged
        best = max(new, key=lambda pk: _overlap(old[fragment_id], new[pk]), default=None)
        return best if best is not None and _overlap(old[fragment_id], new[best]) else None

    kept = 0
    for decision in decisions:
        source, target = remap(decision["from_fragment_id"]), remap(decision["to_fragment_id"])
        if source and target and source != target:
            Continuation.objects.update_or_create(
                from_fragment_id=source, to_fragment_id=target,
                defaults={"status": decision["status"], "confidence": decision["confidence"],
                          "method": Continuation.Method.EDITOR, "needs_review": False},
            )
            kept += 1
    reassembly_request([page.issue_id])
    return kept
